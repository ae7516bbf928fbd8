"""A number is used twice: two 细化指标 numbered 2, two 工作措施 numbered （3）, two 主要任务 （二）
in one 目标.

Why: indicators and measures are assigned, tracked and reported by number — the 台账, `show`,
`status` and the sheets' 序号 all use `number` as the key — so it is unique across the whole
checklist. Two rows with one number make every report about that number wrong (one 台账 entry
would count for both). A table whose own numbering restarts in each section keeps that number
as the indicator's `label` and numbers 1, 2, 3 … through the whole table.

PASS:
    indicators: [{number: 4, label: "1", …}, {number: 5, label: "2", …}]
FAIL:
    indicators: [{number: 1, …}, {number: 2, …}]   # in the first 工作任务
    indicators: [{number: 1, …}, {number: 2, …}]   # again in the second
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import N_, _, at
from ...problems import Severity
from ..context import Context, Finding
from ._numbering import steps

CODE = "ZW102"
NAME = "numbering-repeat"
SEVERITY = Severity.error

_OTHER = N_("give each one its own number")
_HINTS = {
    "细化指标": N_(
        "number indicators 1, 2, 3 … through the whole table; keep the table's own "
        'number as `label: "2"`'
    ),
    "工作措施": N_(
        "number measures 1, 2, 3 … through the whole table (a carried cell names them in `refs`)"
    ),
}


def check(ctx: Context) -> Iterator[Finding]:
    for step in steps(ctx):
        if step.kind == "repeat" and step.first is not None:
            first = ctx.loaded.positions.of(step.first.where)[0]
            yield Finding(
                step.item.where,
                _(
                    "{level} {label} appears twice (first at {place}); "
                    "the number is its key across the checklist"
                ).format(level=step.item.level, label=step.item.label, place=at(first)),
                _(_HINTS.get(step.item.level, _OTHER)),
            )
