"""Text a .docx cannot hold: control characters and Excel's escaped line breaks.

XML 1.0 forbids U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF and lone surrogates;
lxml refuses them with a ValueError. Vertical tab and form feed (and Excel's `_x000B_`) are line
breaks in the sources we read, so they become line breaks; the rest are dropped.

Shared by the sheets written (render/) and the sheets read back (ledger/sheet_read.py), so the
ledger need not import the renderer.
"""

from __future__ import annotations

import re

# Word artifacts a text dump or a paste leaves in the text: bookmarks, field codes, escapes.
# Lint reports them (ZW501); import removes them, keeping the original.
ARTIFACT = re.compile(
    r"\[(?:bookmark|comment|footnote|endnote|image|picture)\b[^\]]*\]"
    r"|\{\s*(?:PAGE|NUMPAGES|HYPERLINK|REF|PAGEREF|TOC|SEQ|MERGEFIELD)\b[^}]*\}"
    r"|\b(?:HYPERLINK|PAGEREF|MERGEFIELD)\s+\S+"
    r"|\\\*\s*MERGEFORMAT|\bMERGEFORMAT\b"
    r"|\b_(?:GoBack|Toc\d+|Hlk\d+|Ref\d+)\b"
    r"|_x[0-9A-Fa-f]{4}_",
    re.IGNORECASE,
)
_BREAKS = re.compile(r"\r\n|\r|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]|_x000[bBcCdD]_")
_INVALID = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> tuple[str, list[str]]:
    """The text a .docx can hold, and the characters that were changed (as U+XXXX), if any."""
    changed: list[str] = []

    def note(match: re.Match[str]) -> str:
        found = match.group(0)
        if found not in ("\r\n", "\r"):  # ordinary line endings are not worth a warning
            label = found if found.startswith("_x") else f"U+{ord(found):04X}"
            if label not in changed:
                changed.append(label)
        return "\n"

    def drop(match: re.Match[str]) -> str:
        label = f"U+{ord(match.group(0)):04X}"
        if label not in changed:
            changed.append(label)
        return ""

    result = _BREAKS.sub(note, text)
    result = _INVALID.sub(drop, result)
    return result, changed
