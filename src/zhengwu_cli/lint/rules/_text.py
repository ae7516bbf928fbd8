"""Helpers for the text rules: quoting a fragment of a long text."""

from __future__ import annotations

import re

from ...problems import visible

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def excerpt(text: str, start: int, end: int | None = None, width: int = 8) -> str:
    """The text around [start, end), with … where it is cut, on one line."""
    end = start + 1 if end is None else end
    left = max(0, start - width)
    right = min(len(text), end + width)
    shown = visible(text[left:right].replace("\n", "⏎"))
    return f"“{'…' if left else ''}{shown}{'…' if right < len(text) else ''}”"
