"""Leading or trailing whitespace in a text (also at the end of a line inside it).

Why: a space copied from a Word cell is invisible in the table but breaks exact matching
(`zhengwu list --deadline 贯穿全年` misses “贯穿全年 ”) and indents printed text unevenly.

PASS:
    deadline: {text: 贯穿全年}
FAIL:
    deadline: {text: '贯穿全年 '}
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import _
from ...problems import Severity
from ..context import Context, Finding
from ._text import clauses

CODE = "ZW503"
NAME = "whitespace"
SEVERITY = Severity.warning


def _describe(text: str) -> list[str]:
    found: list[str] = []
    if text != text.lstrip():
        found.append(_("starts with whitespace"))
    if text != text.rstrip():
        found.append(_("ends with whitespace"))
    inner = [n for n, line in enumerate(text.split("\n")[:-1], 1) if line != line.rstrip()]
    if inner:
        found.append(
            _("line {lines} of the text ends with whitespace").format(
                lines="、".join(map(str, inner))
            )
        )
    return found


def check(ctx: Context) -> Iterator[Finding]:
    for where, text in ctx.texts():
        found = _describe(text)
        if found:
            yield Finding(
                where,
                _("{text} {found}").format(
                    text=repr(text) if len(text) <= 12 else _("the text"), found=clauses(found)
                ),
                _("remove the spaces"),
            )
