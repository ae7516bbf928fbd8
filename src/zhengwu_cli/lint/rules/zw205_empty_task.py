"""A 主要任务 with no 细化指标, or a 目标 with no 主要任务.

Why: indicators are what units are assigned; a task without any is work nobody is given
(often rows lost when a merged table was copied).

PASS:
    tasks: [{number: 一, title: …, indicators: [{number: 1, …}]}]
FAIL:
    tasks: [{number: 一, title: …, indicators: []}]
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import _
from ...model import Column
from ...problems import Severity
from ..context import Context, Finding

CODE = "ZW205"
NAME = "empty-task"
SEVERITY = Severity.warning


def check(ctx: Context) -> Iterator[Finding]:
    for where, goal in ctx.goals():
        if not goal.tasks:
            yield Finding(
                (*where, "title"),
                _("{level} {heading} has no {below}").format(
                    level=ctx.checklist.header(Column.goal),
                    heading=goal.heading or _("(untitled)"),
                    below=ctx.checklist.header(Column.task),
                ),
                _("add its tasks, or remove the goal"),
            )
    for where, _place, task in ctx.tasks():
        if not task.indicators:
            yield Finding(
                (*where, "title"),
                _("{level} {heading} has no {below}").format(
                    level=ctx.checklist.header(Column.task),
                    heading=task.heading or _("(untitled)"),
                    below=ctx.checklist.header(Column.indicator),
                ),
                _("add its indicators, or remove the task"),
            )
