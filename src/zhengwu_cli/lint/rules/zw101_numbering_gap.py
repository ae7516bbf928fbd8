"""A number is skipped: 目标, 主要任务, 细化指标 or 工作措施 numbering jumps over one.

Why: a reader who finds （三） followed by （五） cannot tell whether a task was lost when the
table was copied or deliberately dropped; units may miss work that was meant for them. Where
the source really skips a number, keep the source's numbering and waive the finding with the
reason (`waive: [{rule: ZW101, reason: 原表即跳过（四）}]` on the task).

Task numbers may restart at （一） in each 目标; indicator and measure numbers are keys and run
through the whole document (a table's own restarting numbers go in `label`).

PASS:
    tasks: [{number: 三, …}, {number: 四, …}]
FAIL:
    tasks: [{number: 三, …}, {number: 五, …}]      # （四） is missing
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import _
from ...problems import Severity
from ..context import Context, Finding
from ._numbering import label, steps

CODE = "ZW101"
NAME = "numbering-gap"
SEVERITY = Severity.warning


def check(ctx: Context) -> Iterator[Finding]:
    for step in steps(ctx):
        if step.kind != "gap":
            continue
        item = step.item
        missing = [label(item.level, n) for n in range((step.previous or 0) + 1, item.number)]
        if step.previous:
            message = _(
                "{level} numbering jumps from {previous} to {label}: {missing} is missing"
            ).format(
                level=item.level,
                previous=label(item.level, step.previous),
                label=item.label,
                missing="、".join(missing),
            )
        else:
            message = _("{level} numbering starts at {label}: {missing} is missing").format(
                level=item.level, label=item.label, missing="、".join(missing)
            )
        yield Finding(
            item.where,
            message,
            _("renumber, or keep the source's numbering and waive this with the reason"),
        )
