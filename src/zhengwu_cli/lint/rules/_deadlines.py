"""The deadline texts a person wrote (stated and inferred cells), with their model paths."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Origin
from ..context import Context, Place, Where


def deadlines(ctx: Context) -> Iterator[tuple[Where, Place, str]]:
    for place in ctx.places():
        cell = place.indicator.deadline
        if cell.origin is not Origin.carried and cell.text:
            yield (*place.where, "deadline", "text"), place, cell.text
