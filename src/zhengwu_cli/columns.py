"""The columns of a sheet, each declared once: what it shows, its heading, its width, its cell.

`COLUMNS` lists them in the order the sheets print them. Each declaration says:

- `name`: its key in `templates/sheet.yaml` (`unit_columns`, `full_columns`) and its field in
  the records of `zhengwu list` (json, yaml, csv, xlsx);
- `heading`: its heading where neither the sheet.yaml nor the table (`meta.headers`) gives one;
- `cell`: how a sheet fills its cells (the renderer has one builder for each `Cell`);
- `column`: the table column it shows (the table has it when `meta.columns` lists it); a column
  with no `Column` is on every sheet, or, where it shows an `attribute`, on the sheets of a
  table that gives it a value on some row (so the tables written before it keep their shape);
- `attribute`: the indicator's field it shows, where it shows one of the table's cells (a
  `CellBase`: units, measures, deadline, outcome): `list` records it and lint reads it;
- `unit` and `full`: its width on a unit's sheet and on the full table (relative, in twips as
  sheet.yaml writes them), or None where that sheet has no such column;
- `center`: its text centred (完成时限).

A sheet.yaml that lacks a column (one added to zhengwu after the file was written) gets the
declared heading and width, so an office's own sheet.yaml keeps working.

This module is the core's: it imports nothing of zhengwu (the model imports `Column` from here).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .model import Checklist


class Column(str, Enum):
    """The columns (and levels) a task table may have."""

    goal = "goal"  # 目标
    task = "task"  # 主要任务
    indicator = "indicator"  # 细化指标: the row that is assigned and tracked (always present)
    units = "units"  # 责任单位
    measures = "measures"  # 工作措施
    deadline = "deadline"  # 完成时限
    outcome = "outcome"  # 可检视成果


class Cell(str, Enum):
    """How a sheet fills a column's cells (render/docx_sheet.py has a builder for each)."""

    number = "number"  # the indicator's number (序号)
    level = "level"  # the goal's or task's heading, merged over its rows
    indicator = "indicator"  # the indicator's text
    roles = "roles"  # a unit's own roles, then the other units by role
    units = "units"  # the 责任单位 text as written
    measures = "measures"  # the measures, （1）… one a paragraph
    text = "text"  # a one-text cell of the indicator (a TextCell: 完成时限, 可检视成果)
    blank = "blank"  # left empty for the unit to fill in (完成情况)


SheetKind = Literal["unit", "full"]
SHEETS: dict[str, SheetKind] = {"unit_columns": "unit", "full_columns": "full"}  # sheet.yaml keys


@dataclass(frozen=True)
class SheetColumn:
    """One column of the sheets (see the module's docstring)."""

    name: str
    heading: str
    cell: Cell
    column: Column | None = None
    attribute: str | None = None
    unit: int | None = None
    full: int | None = None
    center: bool = False

    def width(self, sheet: SheetKind) -> int | None:
        """Its default width on this sheet; None where the sheet has no such column."""
        return self.unit if sheet == "unit" else self.full

    def shown(self, checklist: Checklist) -> bool:
        """Whether this table has the column (see the module's docstring)."""
        if self.column is not None:
            return checklist.has(self.column)
        if self.attribute is None:
            return True
        return any(
            getattr(indicator, self.attribute).origin.value != "missing"
            for _, _, indicator in checklist.indicators()
        )


COLUMNS: list[SheetColumn] = [
    SheetColumn("goal", "目标", Cell.level, Column.goal, full=900),
    SheetColumn("number", "序号", Cell.number, unit=640),
    # a unit's sheet prints each 主要任务 as a row of its own above its indicators (task_row)
    SheetColumn("task", "主要任务", Cell.level, Column.task, full=1500),
    SheetColumn("indicator", "细化指标", Cell.indicator, Column.indicator, unit=2500, full=2600),
    SheetColumn("roles", "责任角色", Cell.roles, unit=2500),
    SheetColumn("units", "责任单位", Cell.units, Column.units, "units", full=1900),
    SheetColumn(
        "measures", "工作措施", Cell.measures, Column.measures, "measures", unit=3200, full=3300
    ),
    SheetColumn(
        "deadline",
        "完成时限",
        Cell.text,
        Column.deadline,
        "deadline",
        unit=1100,
        full=1100,
        center=True,
    ),
    SheetColumn(
        "outcome", "可检视成果", Cell.text, Column.outcome, "outcome", unit=1400, full=1456
    ),
    SheetColumn("progress", "完成情况", Cell.blank, unit=1416),
]

ALL_COLUMNS = list(Column)
DEFAULT_HEADERS: dict[Column, str] = {c.column: c.heading for c in COLUMNS if c.column}


def on(sheet: SheetKind) -> list[SheetColumn]:
    """The columns of this sheet, in order."""
    return [c for c in COLUMNS if c.width(sheet) is not None]


def named(name: str) -> SheetColumn | None:
    return next((c for c in COLUMNS if c.name == name), None)


def cells() -> Iterator[SheetColumn]:
    """The columns that show one of the indicator's cells (units, measures, deadline, outcome …)."""
    return (c for c in COLUMNS if c.attribute is not None)


def text_cells() -> Iterator[SheetColumn]:
    """The columns that show a one-text cell (完成时限, 可检视成果 …)."""
    return (c for c in cells() if c.cell is Cell.text)
