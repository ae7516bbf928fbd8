"""A column the table does not have (its `meta.columns` leaves it out), reported once.

Why: a table shaped differently (no 工作措施 or 可检视成果 column, no 目标 level) is still a table
zhengwu can work with, but whoever uses it should know what it lacks: a sheet without 可检视成果
gives the department nothing to show when the work is done.

PASS:
    meta: {columns: [goal, task, indicator, units, measures, deadline, outcome]}
FAIL:
    meta: {columns: [indicator, units, deadline]}   # no 工作措施, no 可检视成果
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import _
from ...model import ALL_COLUMNS, DEFAULT_HEADERS
from ...problems import Severity
from ..context import Context, Finding

CODE = "ZW209"
NAME = "absent-column"
SEVERITY = Severity.info


def check(ctx: Context) -> Iterator[Finding]:
    absent = [c for c in ALL_COLUMNS if not ctx.checklist.has(c)]
    if absent:
        names = "、".join(DEFAULT_HEADERS[c] for c in absent)
        yield Finding(
            ("meta", "columns"),
            _("the table has no {names} column: sheets and reports leave it out").format(
                names=names
            ),
            _("add the column to meta.columns once the table has it"),
        )
