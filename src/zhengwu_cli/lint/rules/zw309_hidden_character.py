"""A unit or place name with a character that cannot be seen, or that only looks like another.

Why: “市司法局\u200b” (with a ZERO WIDTH SPACE) looks like 市司法局 but is another name: its rows
reach no sheet, its ledger entries count for nobody. A control character (NUL, ESC starting a
terminal escape sequence, a C1 control), a bidirectional control (U+202E RIGHT-TO-LEFT
OVERRIDE, which shows “abc\u202etxt.exe” as “abcexe.txt”), an invisible character (U+200B,
U+200C, U+200D, U+2060, U+FEFF, U+00AD …) or a look-alike ideograph (a CJK compatibility
ideograph such as U+F900 豈, or a Kangxi radical) has no place in a name. Checked in the
checklist (meta.place and every 责任单位), in its unit registry (names, aliases, members, place)
and in progress ledgers (the unit and place of each entry).

PASS:
    units: [市司法局]
FAIL:
    units: ["市司法局\\u200b"]    # a zero-width space after the name
"""

from __future__ import annotations

from collections.abc import Iterator

from ...problems import Severity
from ..context import Context, Finding
from ._names import findings

CODE = "ZW309"
NAME = "hidden-character"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Finding]:
    return findings(ctx, hidden=True)
