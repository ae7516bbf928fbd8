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

from ...problems import Severity
from ..context import Context, Finding

CODE = "ZW503"
NAME = "whitespace"
SEVERITY = Severity.warning


def _describe(text: str) -> list[str]:
    found: list[str] = []
    if text != text.lstrip():
        found.append("starts with whitespace")
    if text != text.rstrip():
        found.append("ends with whitespace")
    inner = [n for n, line in enumerate(text.split("\n")[:-1], 1) if line != line.rstrip()]
    if inner:
        found.append(f"line {'、'.join(map(str, inner))} of the text ends with whitespace")
    return found


def check(ctx: Context) -> Iterator[Finding]:
    for where, text in ctx.texts():
        found = _describe(text)
        if found:
            yield Finding(
                where,
                f"{repr(text) if len(text) <= 12 else 'the text'} {' and '.join(found)}",
                "remove the spaces",
            )
