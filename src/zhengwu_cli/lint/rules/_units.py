"""Every unit reference of a checklist with its model path (stated and inferred cells)."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Origin, UnitRef
from ..context import Context, Place, Where


def refs(ctx: Context) -> Iterator[tuple[Where, Place, UnitRef]]:
    for place in ctx.places():
        units = place.indicator.units
        if units.origin is Origin.carried:
            continue  # checked where it is stated
        for ri, line in enumerate(units.roles):
            for ui, ref in enumerate(line.units):
                yield (*place.where, "units", "roles", ri, "units", ui), place, ref
