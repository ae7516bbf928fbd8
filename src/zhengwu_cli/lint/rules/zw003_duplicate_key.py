"""A key appears twice in one mapping (two `text:` in one cell).

Why: YAML readers silently keep the last one, so an edit can vanish without a trace. Reported by
the loader, before any other rule runs: a file with loading errors is not checked further.

PASS:
    deadline:
      text: 6月底前
FAIL:
    deadline:
      text: 6月底前
      text: 9月底前
"""

from __future__ import annotations

from collections.abc import Iterator

from ...problems import Severity
from ..context import Context, Finding

CODE = "ZW003"
NAME = "duplicate-key"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Finding]:
    return iter(())  # the loader reports these (zhengwu_cli.load)
