"""A cell carried from a row in another 主要任务 (info, so a person confirms it).

Why: a vertically merged cell normally spans rows of one task; one reaching over a task
boundary may be a merge the converter guessed, not one the drafter meant.

PASS:
    # indicator 9 in the same task as 7
    deadline: {origin: carried, from: 7, text: 贯穿全年}
FAIL:
    # indicator 12 carries from indicator 11, which stands in the previous task
    deadline: {origin: carried, from: 11, text: 贯穿全年}
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import _
from ...model import Origin
from ...problems import Severity
from ..context import Context, Finding

CODE = "ZW206"
NAME = "carried-across-task"
SEVERITY = Severity.info


def check(ctx: Context) -> Iterator[Finding]:
    task_of = {p.indicator.number: p.task_where for p in ctx.places()}
    for where, place, column, cell in ctx.cells():
        if cell.origin is not Origin.carried or cell.from_ not in task_of:
            continue
        if task_of[cell.from_] != place.task_where:
            yield Finding(
                (*where, "from"),
                _(
                    "细化指标 {number}.: {column} is carried from {source}., "
                    "which stands in another 主要任务"
                ).format(number=place.indicator.number, column=column, source=cell.from_),
                _("confirm the merged cell really spans both tasks, or state the value"),
            )
