"""The file (or the unit registry it names) cannot be read: missing, a folder, no permission.

Why: nothing can be checked in a file that cannot be opened; `zhengwu lint` exits 2. Reported by
the loader, before any other rule runs: a file with loading errors is not checked further.

PASS:
    zhengwu lint checklists/2022.yaml
FAIL:
    zhengwu lint checklists/2032.yaml        # no such file
"""

from __future__ import annotations

from collections.abc import Iterator

from ...problems import Severity
from ..context import Context, Finding

CODE = "ZW000"
NAME = "unreadable"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Finding]:
    return iter(())  # the loader reports these (zhengwu_cli.load)
