"""The ledger findings' codes, names, levels and meanings (ZW6xx), without the checks.

Kept apart from check.py so `zhengwu lint` can list and select them without loading the
ledger models.
"""

from __future__ import annotations

from ..problems import Severity

# code → (name, level, what it means)
CODES: dict[str, tuple[str, Severity, str]] = {
    "ZW601": (
        "unknown-indicator",
        Severity.error,
        "the entry names an indicator the checklist does not have",
    ),
    "ZW602": (
        "unknown-unit",
        Severity.error,
        "the unit is not in the registry (suggestions in the hint)",
    ),
    "ZW603": ("unit-not-assigned", Severity.warning, "the unit holds no role for the indicator"),
    "ZW604": (
        "unknown-measure",
        Severity.error,
        "the measure is not one of the indicator's 工作措施",
    ),
    "ZW605": (
        "date-outside-window",
        Severity.warning,
        "the date lies before the plan year or after its report window",
    ),
    "ZW606": ("done-without-evidence", Severity.warning, "已完成 with no evidence"),
    "ZW607": (
        "year-mismatch",
        Severity.error,
        "the ledger's year or place is not the checklist's",
    ),
}
