"""An indicator with no work measure (工作措施), after merged cells are carried down.

Why: without a 工作措施 the unit is told what to achieve but not how.

PASS:
    measures: {origin: stated, items: [{number: 1, text: …}]}
FAIL:
    measures: {origin: missing}
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import _
from ...model import Column, Origin
from ...problems import Severity
from ..context import Context, Finding

CODE = "ZW204"
NAME = "no-measure"
SEVERITY = Severity.warning


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.checklist.has(Column.measures):
        return  # the table has no such column: ZW209 says so once
    for place in ctx.places():
        if place.indicator.measures.origin is Origin.missing:
            yield Finding(
                (*place.where, "measures"),
                _("细化指标 {number}. has no 工作措施").format(number=place.indicator.number),
                # the source leaves the cell empty, and no row above carries into it
                _("add the measures, or carry them from the row above (origin: carried)"),
            )
