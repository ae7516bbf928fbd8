"""The file is not valid YAML (indentation, a missing colon, an unclosed quote, a tab).

Why: a YAML reader stops at the first syntax error; the position points at it. Reported by the
loader, before any other rule runs: a file with loading errors is not checked further.

PASS:
    deadline:
      text: 6月底前
FAIL:
    deadline:
      text: "6月底前
"""

from __future__ import annotations

from collections.abc import Iterator

from ...problems import Severity
from ..context import Context, Finding

CODE = "ZW001"
NAME = "yaml-syntax"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Finding]:
    return iter(())  # the loader reports these (zhengwu_cli.load)
