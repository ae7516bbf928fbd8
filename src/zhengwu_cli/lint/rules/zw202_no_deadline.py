"""An indicator with no deadline (完成时限), after merged cells are carried down.

Why: without a 完成时限 the indicator cannot be scheduled or found overdue.

PASS:
    deadline: {origin: stated, text: 6月底前}
FAIL:
    deadline: {origin: missing}
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import _
from ...model import Column, Origin
from ...problems import Severity
from ..context import Context, Finding

CODE = "ZW202"
NAME = "no-deadline"
SEVERITY = Severity.warning


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.checklist.has(Column.deadline):
        return  # the table has no such column: ZW209 says so once
    for place in ctx.places():
        if place.indicator.deadline.origin is Origin.missing:
            yield Finding(
                (*place.where, "deadline"),
                _("细化指标 {number}. has no 完成时限").format(number=place.indicator.number),
                # the source leaves the cell empty, and no row above carries into it
                _("write 贯穿全年, N月底前 or 按照年报发布时间"),
            )
