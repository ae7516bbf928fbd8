"""Word or Excel residue in a text: bookmarks, field codes, escaped characters.

Why: converting a .docx to text leaves markers such as `[bookmark: _GoBack]`, field codes
(`HYPERLINK "…"`, `MERGEFORMAT`, `PAGEREF _Toc…`) or Excel escapes (`_x000B_`). They are not
part of the text and would be printed on every task sheet.

PASS:
    outcome: {text: 会议纪要或汇报材料}
FAIL:
    outcome: {text: '[bookmark: _GoBack]会议纪要或汇报材料'}
"""

from __future__ import annotations

from collections.abc import Iterator

from ...docx_text import ARTIFACT
from ...i18n import _
from ...problems import Severity
from ..context import Context, Finding
from ._text import excerpt

CODE = "ZW501"
NAME = "word-artifact"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Finding]:
    for where, text in ctx.texts():
        for match in ARTIFACT.finditer(text):
            yield Finding(
                where,
                _("Word/Excel residue {excerpt}: “{residue}” is not part of the text").format(
                    excerpt=excerpt(text, match.start(), match.end(), 4), residue=match[0]
                ),
                _("delete it (keep the source wording in `original:` if you want a record)"),
            )
