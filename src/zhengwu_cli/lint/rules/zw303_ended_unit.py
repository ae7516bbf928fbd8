"""A unit that no longer exists, or no longer belongs to the place (公主岭市 since 2020).

Why: work assigned to a unit that has left the city is work nobody will do.

PASS:
    units: [双辽市]
FAIL:
    units: [公主岭市]       # 2020年6月起由长春市代管
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import _
from ...problems import Severity
from ..context import Context, Finding
from ._units import refs

CODE = "ZW303"
NAME = "ended-unit"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Finding]:
    for where, _place, ref in refs(ctx):
        unit = ctx.registry.unit(ctx.registry.canonical(ref.unit) or ref.unit)
        if unit is not None and unit.ended:
            yield Finding(
                where,
                _("{name} no longer exists here: {ended}").format(name=unit.name, ended=unit.ended),
                _("assign the work to the unit that took it over, or remove it"),
            )
