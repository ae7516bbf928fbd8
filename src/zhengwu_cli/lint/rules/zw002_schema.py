"""The YAML does not have the checklist's shape: an unknown or missing field, a wrong type, an
inconsistent cell (carried without `from`, a waiver without reason).

Why: every command reads the checklist through the same model; `zhengwu schema` prints it as
JSON Schema, which editors use to check as you type. Reported by the loader, before any other
rule runs: a file with loading errors is not checked further.

PASS:
    deadline: {origin: carried, from: 1, text: 贯穿全年}
FAIL:
    deadline: {origin: carried, text: 贯穿全年}   # carried from which row?
"""

from __future__ import annotations

from collections.abc import Iterator

from ...problems import Severity
from ..context import Context, Finding

CODE = "ZW002"
NAME = "schema"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Finding]:
    return iter(())  # the loader reports these (zhengwu_cli.load)
