"""A 完成时限 that does not read as a deadline (13月底前, 年底, 6月30号).

Why: deadlines decide what is due and what is overdue on every task sheet; one that cannot
be read is never due. Accepted: the phrasings of deadline_phrases.yaml (贯穿全年, 持续推进, 年底前,
N月底前, N月N日前, 上半年, 按照年报发布时间, …) and the checklist's own meta.deadline_phrases. An
indicator's relative_deadline must read as relative to an event (…后的10个工作日内).

PASS:
    deadline: {text: 6月底前}
FAIL:
    deadline: {text: 13月底前}
"""

from __future__ import annotations

from collections.abc import Iterator

from ...deadlines import DeadlineError, parse_deadline
from ...i18n import _
from ...problems import Severity
from ..context import Context, Finding
from ._deadlines import deadlines

CODE = "ZW401"
NAME = "deadline-unparseable"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Finding]:
    phrases = ctx.checklist.meta.deadline_phrases
    hint = _(
        "write e.g. 贯穿全年, 6月底前, 年底前 or 按照年报发布时间, or add the phrasing to "
        "meta.deadline_phrases"
    )
    for where, _place, text in deadlines(ctx):
        try:
            parse_deadline(text, ctx.year, phrases)
        except DeadlineError as error:
            yield Finding(where, str(error), hint)
    for place in ctx.places():
        relative = place.indicator.relative_deadline
        if relative is None:
            continue
        at = (*place.where, "relative_deadline")
        try:
            found = parse_deadline(relative, ctx.year, phrases)
        except DeadlineError as error:
            yield Finding(at, str(error), _("write it as …后的N个工作日内 or 在N个工作日内"))
            continue
        if found.days is None:
            yield Finding(
                at,
                _("“{text}” is not relative to an event").format(text=relative),
                _(
                    "relative_deadline holds “…后的N个（工作）日内”; a fixed date belongs in "
                    "deadline"
                ),
            )
