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
                f"{ctx.checklist.header(Column.goal)} {goal.heading or '(untitled)'} has no "
                f"{ctx.checklist.header(Column.task)}",
                "add its tasks, or remove the goal",
            )
    for where, _, task in ctx.tasks():
        if not task.indicators:
            yield Finding(
                (*where, "title"),
                f"{ctx.checklist.header(Column.task)} {task.heading or '(untitled)'} has no "
                f"{ctx.checklist.header(Column.indicator)}",
                "add its indicators, or remove the task",
            )
