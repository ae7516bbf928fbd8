"""The ledger's codes, names, levels and meanings (ZW6xx), without the code that raises them.

Kept apart from check.py and sheet_read.py so `zhengwu rules` can list and explain them (and
`zhengwu lint` select them) without loading the ledger models. lint/rules/__init__.py reads
every table here into the one registry of codes; tests/test_codes.py checks that every code
raised anywhere is in it.
"""

from __future__ import annotations

from ..problems import Severity

# What reading a ledger says when there is none (ledger/load.py), code → (name, level, meaning).
READ_CODES: dict[str, tuple[str, Severity, str]] = {
    "ZW600": (
        "no-ledger",
        Severity.error,
        "no ledger (台账) at the path given: `zhengwu status` and `report` need one; "
        "`zhengwu collect` starts it",
    ),
}

# The ledger findings (check.py; `zhengwu lint progress/YEAR.yaml`), code → (name, level, meaning)
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

# What `zhengwu collect` says about a returned sheet (ZW61x–ZW62x), code → (name, level, meaning).
# Position: file:table row:column, the rows counted through every part of a split table.
COLLECT_CODES: dict[str, tuple[str, Severity, str]] = {
    "ZW611": (
        "sheet-unknown-indicator",
        Severity.warning,
        "the 序号 is not an indicator of the checklist; the row is not collected (its text is "
        "in the message)",
    ),
    "ZW612": (
        "sheet-no-status",
        Severity.warning,
        "完成情况 is not understood; recorded as 推进中 with the text as a note",
    ),
    "ZW613": (
        "sheet-bad-date",
        Severity.warning,
        "a date that is no date (2022年2月30日), or a 填报日期 that cannot be read; kept in the "
        "text",
    ),
    "ZW614": (
        "sheet-row-added",
        Severity.warning,
        "a row without a 序号 (added by the unit); not collected, its text is in the message "
        "for the office",
    ),
    "ZW615": (
        "sheet-rows-deleted",
        Severity.warning,
        "indicators of the unit that are missing from the sheet (rows deleted)",
    ),
    "ZW616": (
        "sheet-renumbered",
        Severity.warning,
        "a 序号 whose 细化指标 text is another indicator's; collected for the indicator of the "
        "text",
    ),
    "ZW617": (
        "sheet-text-edited",
        Severity.warning,
        "the 细化指标 text of a row differs from the checklist; collected for its 序号",
    ),
    "ZW618": (
        "sheet-duplicate-row",
        Severity.warning,
        "a 序号 that appears twice; the first filled row is collected, the other quoted",
    ),
    "ZW619": (
        "sheet-no-role",
        Severity.warning,
        "the sheet's unit has no role in the indicator; collected, but not counted for the city",
    ),
    "ZW620": (
        "sheet-unit-mismatch",
        Severity.warning,
        "--unit, the sheet's title and its 填报单位 name different units",
    ),
    "ZW621": (
        "sheet-cell-too-long",
        Severity.warning,
        "a cell longer than 20,000 characters; the first 20,000 are kept",
    ),
    "ZW622": (
        "sheet-bad-structure",
        Severity.warning,
        "a malformed table (a w:gridSpan that is no column count) or a table that is not part "
        "of the task table; read as far as it can be",
    ),
    "ZW623": (
        "sheet-unsure",
        Severity.warning,
        "a status was read, but the text also says something else (已完成 … 尚未 …), or a "
        "completion date lies after the day of collection",
    ),
    "ZW624": (
        "sheet-merged-cell",
        Severity.warning,
        "one 完成情况 cell merged over several rows; read for each of them",
    ),
}
