"""A 完成时限 that does not read as a deadline (13月底前, 年底, 6月30号).

Why: deadlines decide what is due and what is overdue on every task sheet; one that cannot
be read is never due. Accepted: 贯穿全年, N月底前 (1–12, also 六月底前), 按照年报发布时间.

PASS:
    deadline: {text: 6月底前}
FAIL:
    deadline: {text: 13月底前}
"""

from __future__ import annotations

from collections.abc import Iterator

from ...deadlines import DeadlineError, parse_deadline
from ...problems import Severity
from ..context import Context, Finding
from ._deadlines import deadlines

CODE = "ZW401"
NAME = "deadline-unparseable"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Finding]:
    for where, _, text in deadlines(ctx):
        try:
            parse_deadline(text, ctx.year)
        except DeadlineError as error:
            yield Finding(where, str(error), "write 贯穿全年, N月底前 (1–12) or 按照年报发布时间")
