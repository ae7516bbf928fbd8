"""The ledger (台账) models: one entry per report of progress on an indicator.

The ledger is a log: entries are kept in the order they were added, and for one indicator (and
unit, and measure) the *last* entry is the current state; earlier ones stay as its history. So
nothing is ever lost by adding an entry, and `zhengwu collect` only ever appends.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any, Literal

from pydantic import Field, field_validator

from ..dates import DateError, parse
from ..model import Waiver
from ..strict import Strict


class Status(str, Enum):
    """完成情况: what a unit reports for an indicator."""

    not_started = "未启动"
    in_progress = "推进中"
    done = "已完成"
    not_applicable = "不适用"


class Entry(Strict):
    """One report of progress: an indicator's status (for one unit, optionally one measure)."""

    indicator: int = Field(ge=1, description="细化指标 number in the checklist")
    unit: str | None = Field(
        default=None, description="the reporting unit; absent: the indicator as a whole"
    )
    measure: int | None = Field(default=None, ge=1, description="工作措施 number, if per measure")
    status: Status
    date: dt.date | None = Field(
        default=None, description="完成日期 for 已完成; otherwise the date of the report"
    )
    date_inferred: Literal["month"] | None = Field(
        default=None,
        description="month: the liaison wrote a month, not a day (6月已完成); `date` is the "
        "month's last day (or the day of collection within that month), a day nobody wrote",
    )
    evidence: str | None = Field(
        default=None, description="可检视成果 produced: a link or a description"
    )
    event_date: dt.date | None = Field(
        default=None,
        description="the date of the event a relative deadline counts from (e.g. the day the "
        "决策文件 was issued, for 决策文件出台后的10个工作日内)",
    )
    notes: str | None = Field(default=None, description="remarks; for unfinished items, why")
    text: str | None = Field(
        default=None,
        description="the 完成情况 cell as the liaison wrote it, verbatim, whatever it was read as",
    )
    collected: dt.date | None = Field(
        default=None,
        description="the day `zhengwu collect` read the entry from a sheet; an undated entry "
        "counts from this day",
    )
    reported_by: str | None = Field(default=None, description="who reported it")
    source: str | None = Field(default=None, description="the sheet it was collected from")
    saved: dt.datetime | None = Field(
        default=None,
        description="when that sheet was last saved (its docProps/core.xml modified time, else "
        "the file's time): `collect --update` takes a sheet's value only over an entry from an "
        "older sheet",
    )
    waive: list[Waiver] = Field(default_factory=list)

    @field_validator("date", "event_date", "collected", mode="before")
    @classmethod
    def _chinese_date(cls, value: Any) -> Any:
        if isinstance(value, str):  # 2022年6月30日, 2022.6.30, 二〇二二年六月三十日 … (dates.py)
            try:
                return parse(value)
            except DateError:
                pass  # pydantic says what is wrong with it
        return value

    @field_validator("unit", "evidence", "notes", "reported_by", "source")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value.strip() or None if isinstance(value, str) else value

    @property
    def date_text(self) -> str | None:
        """The date as it may be shown: 2022-06-30, or 2022-06 for a month written alone."""
        if self.date is None:
            return None
        return self.date.strftime("%Y-%m") if self.date_inferred else self.date.isoformat()

    @property
    def key(self) -> tuple[int, str | None, int | None]:
        return (self.indicator, self.unit, self.measure)

    def same_report(self, other: Entry) -> bool:
        """The same status, date, evidence and notes: who reported it, from which sheet, when it
        was collected and the cell's raw text may differ."""
        fields = ("status", "date", "evidence", "notes")
        return all(getattr(self, f) == getattr(other, f) for f in fields)

    @property
    def by_hand(self) -> bool:
        """Written (or rewritten) in the ledger by a person: `collect` fills `source`."""
        return self.source is None


class Ledger(Strict):
    """A year's 台账 for one checklist."""

    schema_version: Literal[1] = 1
    place: str | None = Field(default=None, description="the checklist's place, e.g. 四平市")
    year: int = Field(ge=2000, le=2100, description="the plan year of the checklist")
    entries: list[Entry] = Field(default_factory=list)
    waive: list[Waiver] = Field(default_factory=list)

    def current(self) -> dict[tuple[int, str | None, int | None], Entry]:
        """The last entry for each (indicator, unit, measure)."""
        result: dict[tuple[int, str | None, int | None], Entry] = {}
        for entry in self.entries:
            result[entry.key] = entry
        return result
