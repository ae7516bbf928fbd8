"""YAML features a checklist does not need and that can harm: python/ tags, custom tags, alias
bombs, absurd nesting.

Why: the file is read with a safe loader; a checklist from another office must not be able to
run code or exhaust memory. Reported by the loader, before any other rule runs: a file with
loading errors is not checked further.

PASS:
    text: 贯穿全年
FAIL:
    text: !!python/object/apply:os.system ["rm -rf /"]
"""

from __future__ import annotations

from collections.abc import Iterator

from ...problems import Severity
from ..context import Context, Finding

CODE = "ZW005"
NAME = "unsafe-yaml"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Finding]:
    return iter(())  # the loader reports these (zhengwu_cli.load)
