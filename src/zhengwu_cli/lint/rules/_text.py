"""Helpers for the text rules: quoting a fragment of a long text, clauses in one sentence."""

from __future__ import annotations

import re

from ...i18n import _
from ...problems import visible

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def excerpt(text: str, start: int, end: int | None = None, width: int = 8) -> str:
    """The text around [start, end), with … where it is cut, on one line."""
    end = start + 1 if end is None else end
    left = max(0, start - width)
    right = min(len(text), end + width)
    shown = visible(text[left:right].replace("\n", "⏎"))
    return f"“{'…' if left else ''}{shown}{'…' if right < len(text) else ''}”"


def clauses(parts: list[str], glue: str = "and") -> str:
    """Clauses of one sentence: "a and b" / "a; b" in English, "a，b" / "a；b" in Chinese."""
    text = parts[0]
    for part in parts[1:]:
        if glue == "and":
            text = _("{first} and {second}").format(first=text, second=part)
        else:
            text = _("{first}; {second}").format(first=text, second=part)
    return text
