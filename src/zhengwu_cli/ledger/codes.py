"""The ledger's codes, names, levels and meanings (ZW6xx), without the code that raises them.

Kept apart from check.py and sheet_read.py so `zhengwu rules` can list and explain them (and
`zhengwu lint` select them) without loading the ledger models. lint/rules/__init__.py reads
every table here into the one registry of codes; tests/test_codes.py checks that every code
raised anywhere is in it.

The meanings are English message ids marked with `N_()` (they are built at import time):
wherever one is shown it is translated with `_(meaning)` (`meaning(code)` does both).
"""

from __future__ import annotations

from ..i18n import N_, _
from ..problems import Severity

# What reading a ledger says when there is none (ledger/load.py), code → (name, level, meaning).
READ_CODES: dict[str, tuple[str, Severity, str]] = {
    "ZW600": (
        "no-ledger",
        Severity.error,
        N_(
            "no ledger (台账) at the path given: `zhengwu status` and `report` need one; "
            "`zhengwu collect` starts it"
        ),
    ),
}

# The ledger findings (check.py; `zhengwu lint progress/YEAR.yaml`), code → (name, level, meaning)
CODES: dict[str, tuple[str, Severity, str]] = {
    "ZW601": (
        "unknown-indicator",
        Severity.error,
        N_("the entry names an indicator the checklist does not have"),
    ),
    "ZW602": (
        "unknown-unit",
        Severity.error,
        N_("the unit is not in the registry (suggestions in the hint)"),
    ),
    "ZW603": (
        "unit-not-assigned",
        Severity.warning,
        N_("the unit holds no role for the indicator"),
    ),
    "ZW604": (
        "unknown-measure",
        Severity.error,
        N_("the measure is not one of the indicator's 工作措施"),
    ),
    "ZW605": (
        "date-outside-window",
        Severity.warning,
        N_("the date lies before the plan year or after its report window"),
    ),
    "ZW606": ("done-without-evidence", Severity.warning, N_("已完成 with no evidence")),
    "ZW607": (
        "year-mismatch",
        Severity.error,
        N_("the ledger's year or place is not the checklist's"),
    ),
}

# What `zhengwu collect` says about a returned sheet (ZW61x–ZW62x), code → (name, level, meaning).
# Position: file:table row:column, the rows counted through every part of a split table.
COLLECT_CODES: dict[str, tuple[str, Severity, str]] = {
    "ZW611": (
        "sheet-unknown-indicator",
        Severity.warning,
        N_(
            "the 序号 is not an indicator of the checklist; the row is not collected (its text is "
            "in the message)"
        ),
    ),
    "ZW612": (
        "sheet-no-status",
        Severity.warning,
        N_("完成情况 is not understood; recorded as 推进中 with the text as a note"),
    ),
    "ZW613": (
        "sheet-bad-date",
        Severity.warning,
        N_(
            "a date that is no date (2022年2月30日), or a 填报日期 that cannot be read; kept in "
            "the text"
        ),
    ),
    "ZW614": (
        "sheet-row-added",
        Severity.warning,
        N_(
            "a row without a 序号 (added by the unit); not collected, its text is in the message "
            "for the office"
        ),
    ),
    "ZW615": (
        "sheet-rows-deleted",
        Severity.warning,
        N_("indicators of the unit that are missing from the sheet (rows deleted)"),
    ),
    "ZW616": (
        "sheet-renumbered",
        Severity.warning,
        N_(
            "a 序号 whose 细化指标 text is another indicator's; collected for the indicator of the "
            "text"
        ),
    ),
    "ZW617": (
        "sheet-text-edited",
        Severity.warning,
        N_("the 细化指标 text of a row differs from the checklist; collected for its 序号"),
    ),
    "ZW618": (
        "sheet-duplicate-row",
        Severity.warning,
        N_("a 序号 that appears twice; the first filled row is collected, the other quoted"),
    ),
    "ZW619": (
        "sheet-no-role",
        Severity.warning,
        N_(
            "the sheet's unit has no role in the indicator; collected, but not counted for the city"
        ),
    ),
    "ZW620": (
        "sheet-unit-mismatch",
        Severity.warning,
        N_("--unit, the sheet's title and its 填报单位 name different units"),
    ),
    "ZW621": (
        "sheet-cell-too-long",
        Severity.warning,
        N_("a cell longer than 20,000 characters; the first 20,000 are kept"),
    ),
    "ZW622": (
        "sheet-bad-structure",
        Severity.warning,
        N_(
            "a malformed table (a w:gridSpan that is no column count) or a table that is not part "
            "of the task table; read as far as it can be"
        ),
    ),
    "ZW623": (
        "sheet-unsure",
        Severity.warning,
        N_(
            "a status was read, but the text also says something else (已完成 … 尚未 …), or a "
            "completion date lies after the day of collection"
        ),
    ),
    "ZW624": (
        "sheet-merged-cell",
        Severity.warning,
        N_("one 完成情况 cell merged over several rows; read for each of them"),
    ),
}


def meaning(code: str) -> str:
    """The meaning of a ledger or collect code (ZW600–ZW624) in the reader's language."""
    for table in (READ_CODES, CODES, COLLECT_CODES):
        if code in table:
            return _(table[code][2])
    raise KeyError(code)
