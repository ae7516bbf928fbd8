"""An indicator with no verifiable outcome (可检视成果), after merged cells are carried down.

Why: without a 可检视成果 nobody can check that the indicator was done.

PASS:
    outcome: {origin: stated, text: 在政府网站专栏中呈现}
FAIL:
    outcome: {origin: missing}
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import _
from ...model import Column, Origin
from ...problems import Severity
from ..context import Context, Finding

CODE = "ZW203"
NAME = "no-outcome"
SEVERITY = Severity.warning


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.checklist.has(Column.outcome):
        return  # the table has no such column: ZW209 says so once
    for place in ctx.places():
        if place.indicator.outcome.origin is Origin.missing:
            yield Finding(
                (*place.where, "outcome"),
                _("细化指标 {number}. has no 可检视成果").format(number=place.indicator.number),
                # the source leaves the cell empty, and no row above carries into it
                _("say what can be inspected when it is done (a page, a list, a record)"),
            )
