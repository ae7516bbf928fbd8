"""The file is not UTF-8 text (GBK from Windows Notepad or WPS, a binary .docx), or starts with a
byte-order mark (a warning).

Why: a checklist is shared between editors and systems; UTF-8 without BOM is the one encoding
all read alike. Reported by the loader, before any other rule runs: a file with loading errors
is not checked further.

PASS:
    (a file saved as UTF-8)
FAIL:
    (a file saved as GBK / ANSI)
"""

from __future__ import annotations

from collections.abc import Iterator

from ...problems import Severity
from ..context import Context, Finding

CODE = "ZW004"
NAME = "encoding"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Finding]:
    return iter(())  # the loader reports these (zhengwu_cli.load)
