"""A unit or place name that cannot become a file name: sheets and reports are named after it.

Why: `zhengwu render --all` writes one file per unit and `report` names its file after the
place. A Windows device name (CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9, COM¹–COM³, LPT¹–LPT³,
CONIN$, CONOUT$, also with an extension: “nul.txt”) cannot be a file on Windows; a path
separator or “..” would leave the output folder; and a name longer than 200 bytes in UTF-8 (66
Chinese characters: a file name holds 255 bytes, less its suffix and the temporary file it is
written through) fails on every file system. Checked where ZW309 is.

PASS:
    units: [市司法局]
FAIL:
    units: [COM1]                          # a Windows device name
    meta: {place: ../../x}                 # leaves the output folder
"""

from __future__ import annotations

from collections.abc import Iterator

from ...problems import Severity
from ..context import Context, Finding
from ._names import findings

CODE = "ZW310"
NAME = "unusable-file-name"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Finding]:
    return findings(ctx, hidden=False)
