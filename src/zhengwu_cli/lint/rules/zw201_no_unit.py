"""An indicator with no responsible unit (责任单位), after merged cells are carried down.

Why: an indicator nobody is responsible for lands on no unit's task sheet and is never done.

PASS:
    units: {origin: stated, text: 牵头部门：市司法局, roles: […]}
FAIL:
    units: {origin: missing}
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import _
from ...model import Column, Origin
from ...problems import Severity
from ..context import Context, Finding

CODE = "ZW201"
NAME = "no-unit"
SEVERITY = Severity.warning


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.checklist.has(Column.units):
        return  # the table has no such column: ZW209 says so once
    for place in ctx.places():
        if place.indicator.units.origin is Origin.missing:
            yield Finding(
                (*place.where, "units"),
                _("细化指标 {number}. has no 责任单位").format(number=place.indicator.number),
                # the source leaves the cell empty, and no row above carries into it
                _("name the 牵头 unit, or set origin: inferred with the reason"),
            )
