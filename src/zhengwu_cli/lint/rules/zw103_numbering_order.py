"""Numbers go backwards: a 细化指标 numbered 7. after 9.

Why: the table is read, printed and cited in number order; a number out of place usually
means a row was pasted in the wrong task.

PASS:
    measures: {items: [{number: 8, …}, {number: 9, …}]}
FAIL:
    measures: {items: [{number: 9, …}, {number: 8, …}]}
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import _
from ...problems import Severity
from ..context import Context, Finding
from ._numbering import label, steps

CODE = "ZW103"
NAME = "numbering-order"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Finding]:
    for step in steps(ctx):
        if step.kind == "order":
            item = step.item
            yield Finding(
                item.where,
                _("{level} {label} comes after {previous}").format(
                    level=item.level,
                    label=item.label,
                    previous=label(item.level, step.previous or 0),
                ),
                _("move the row to its place, or renumber"),
            )
