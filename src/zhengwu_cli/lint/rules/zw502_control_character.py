"""A control character in a text (\\x0b from an Excel in-cell line break, \\x07, \\x0c …).

Why: .docx is XML, which cannot hold control characters; Word writers (python-docx, lxml)
crash on them, and Word shows them as boxes. Tabs and line breaks are fine.

PASS:
    text: "第一行\\n第二行"
FAIL:
    text: "第一行\\x0b第二行"
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...i18n import _
from ...problems import Severity
from ..context import Context, Finding
from ._text import excerpt

CODE = "ZW502"
NAME = "control-character"
SEVERITY = Severity.error

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def check(ctx: Context) -> Iterator[Finding]:
    for where, text in ctx.texts():
        for match in CONTROL.finditer(text):
            yield Finding(
                where,
                _("control character {code} at {excerpt}: a .docx cannot hold it").format(
                    code=f"U+{ord(match[0]):04X}", excerpt=excerpt(text, match.start())
                ),
                _("replace it by a line break (\\n) or delete it"),
            )
