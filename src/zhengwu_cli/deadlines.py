"""Deadline text → dates, keeping the text.

贯穿全年 → year-round (due the last day of the plan year, continuous);
N月底前 → the last day of month N of the plan year;
按照年报发布时间 → the annual-report date: 1月31日 of the next year for a department,
3月31日 for a county-level government (政府信息公开条例 第四十九条).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import Enum


class DeadlineKind(str, Enum):
    year_round = "year-round"
    month_end = "month-end"
    annual_report = "annual-report"


class DeadlineError(ValueError):
    """A deadline text that matches none of the known phrasings."""


@dataclass(frozen=True)
class Deadline:
    text: str
    kind: DeadlineKind
    due: date  # for a department; see due_for()
    continuous: bool = False
    due_county: date | None = None  # where a county-level government's date differs

    def due_for(self, county: bool) -> date:
        return self.due_county if county and self.due_county else self.due

    @property
    def month(self) -> int | None:
        return self.due.month if self.kind is DeadlineKind.month_end else None


_MONTH_END = re.compile(r"^(\d{1,2}|[一二三四五六七八九十]|十[一二])月底前$")
_CN_MONTHS = "一二三四五六七八九十"


def _month(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text.startswith("十") and len(text) == 2:
        return 10 + _CN_MONTHS.index(text[1]) + 1
    return _CN_MONTHS.index(text) + 1


def parse_deadline(text: str, year: int) -> Deadline:
    """Read a 完成时限 text for a plan year. Raises DeadlineError with what is accepted."""
    clean = text.strip()
    if clean == "贯穿全年":
        return Deadline(text, DeadlineKind.year_round, date(year, 12, 31), continuous=True)
    if clean == "按照年报发布时间":
        return Deadline(
            text,
            DeadlineKind.annual_report,
            date(year + 1, 1, 31),
            due_county=date(year + 1, 3, 31),
        )
    match = _MONTH_END.match(clean)
    if match:
        month = _month(match.group(1))
        if not 1 <= month <= 12:
            raise DeadlineError(f"“{text}”: there is no month {month}; write 1月底前 … 12月底前")
        last = calendar.monthrange(year, month)[1]
        return Deadline(text, DeadlineKind.month_end, date(year, month, last))
    raise DeadlineError(
        f"“{text}” is not a deadline zhengwu can read; write 贯穿全年, N月底前 (1–12) "
        "or 按照年报发布时间"
    )
