"""Text clean-up as the 2022 checklist does it, each correction kept with the source text.

Removed or mended: control characters, runs of ideographic spaces (U+3000) and no-break spaces
(a single space between Latin letters or digits, nothing between Chinese characters), blanks at
the start and end of each line, empty lines at the ends, and Word/Excel residue
(`[bookmark: _GoBack]`, field codes, `_x000B_`) as lint's ZW501 finds it. The caller keeps the
source text in `original` and this module's description in `note`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..docx_text import ARTIFACT

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_WIDE = re.compile(r"[\u3000\xa0\u2002\u2003\u2009\u200b\ufeff\t]+")
_ASCII = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True)
class Cleaned:
    text: str
    note: str | None  # what was changed, in the words the checklist's notes use


def clean(text: str) -> Cleaned:
    done: list[str] = []
    result = text.replace("\r\n", "\n").replace("\r", "\n")
    found = ARTIFACT.sub("", result)
    if found != result:
        done.append("去除 Word/Excel 残留（书签、域代码或转义字符）")
        result = found
    found = _CONTROL.sub("", result)
    if found != result:
        done.append("去除控制字符")
        result = found

    def space(match: re.Match[str]) -> str:
        before = result[match.start() - 1] if match.start() else ""
        after = result[match.end()] if match.end() < len(result) else ""
        return " " if _ASCII.match(before) and _ASCII.match(after) else ""

    found = _WIDE.sub(space, result)
    if found != result:
        done.append("去除全角空格、不间断空格或制表符")
        result = found
    lines = [line.strip(" ") for line in result.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    found = "\n".join(lines)
    if found != result:
        done.append("去除首尾空白")
        result = found
    return Cleaned(result, "导入时" + "，".join(done) if done else None)
