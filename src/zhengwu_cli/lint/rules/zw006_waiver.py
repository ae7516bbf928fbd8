"""A waiver (`waive:`) that names no known rule, or that accepts nothing.

Why: a waiver records that a person looked at a finding and accepted it, with the reason.
One that names an unknown rule protects nothing; one that matches no finding is stale (the
text was fixed) and should go, so it cannot hide a future problem.

PASS:
    deadline: {text: '贯穿全年 ', waive: [{rule: ZW503, reason: 原表如此}]}
FAIL:
    deadline: {text: 贯穿全年, waive: [{rule: ZW503, reason: 原表如此}]}   # nothing to waive
"""

from __future__ import annotations

from collections.abc import Iterator

from ...problems import Severity
from ..context import Context, Finding

CODE = "ZW006"
NAME = "waiver"
SEVERITY = Severity.warning


def check(ctx: Context) -> Iterator[Finding]:
    return iter(())  # the runner reports these once the other rules have run
