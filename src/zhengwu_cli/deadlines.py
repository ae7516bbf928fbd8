"""Deadline text → dates, keeping the text.

The phrasings are data (`deadline_phrases.yaml` beside this module, plus a checklist's own
`meta.deadline_phrases`): 贯穿全年 → year-round (due the last day of the plan year, continuous);
N月底前 → the last day of month N; 按照年报发布时间 → 1月31日 of the next year for a department and
3月31日 for a county-level government (政府信息公开条例 第四十九条);
"…后的10个工作日内" → relative to an event, in Chinese working days once the event has a date.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from functools import lru_cache
from pathlib import Path

from pydantic import Field, model_validator

from .i18n import _
from .numerals import chinese_to_int
from .strict import Strict


class DeadlineKind(str, Enum):
    year_round = "continuous"
    year_end = "year-end"
    month_end = "month-end"
    date = "date"
    annual_report = "annual-report"
    relative = "relative"


class DeadlineError(ValueError):
    """A deadline text that matches none of the known phrasings."""


class Phrase(Strict):
    """One phrasing of a deadline and the rule that turns it into a date."""

    phrase: str | None = Field(default=None, description="the exact text")
    pattern: str | None = Field(
        default=None,
        description="a regular expression matched against the whole text; named groups "
        "year, month, day, days, event, working",
    )
    rule: DeadlineKind
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)

    @model_validator(mode="after")
    def _one_of(self) -> Phrase:
        if (self.phrase is None) == (self.pattern is None):
            raise ValueError(
                _("give either `phrase` (exact text) or `pattern` (a regular expression)")
            )
        if self.pattern is not None:
            try:
                re.compile(self.pattern)
            except re.error as error:
                raise ValueError(
                    _("the pattern is not a valid regular expression: {error}").format(error=error)
                ) from None
        return self

    def match(self, text: str) -> dict[str, str] | None:
        if self.phrase is not None:
            return {} if text == self.phrase else None
        assert self.pattern is not None
        found = re.fullmatch(self.pattern, text)
        return None if found is None else {k: v for k, v in found.groupdict().items() if v}


@dataclass(frozen=True)
class Deadline:
    text: str
    kind: DeadlineKind
    due: date | None  # for a department; None for a relative deadline whose event has no date
    continuous: bool = False
    due_county: date | None = None  # where a county-level government's date differs
    days: int | None = None  # relative: how many days after the event
    working_days: bool = False  # relative: counted in working days
    event: str | None = None  # relative: the event the days count from

    def due_for(self, county: bool) -> date | None:
        return self.due_county if county and self.due_county else self.due

    @property
    def month(self) -> int | None:
        return self.due.month if self.due and self.kind is DeadlineKind.month_end else None

    def after(self, event_date: date) -> date:
        """The due date of a relative deadline once its event has a date."""
        if self.days is None:
            raise ValueError(_("“{text}” is not relative to an event").format(text=self.text))
        return add_days(event_date, self.days, working=self.working_days)


def add_days(start: date, days: int, working: bool) -> date:
    """`days` calendar days after `start`, or `days` Chinese working days (weekends, public
    holidays and 调休 make-up days as chinese-calendar knows them)."""
    if not working:
        return start + timedelta(days=days)
    from chinese_calendar import is_workday

    current, left = start, days
    while left:
        current += timedelta(days=1)
        try:
            workday = is_workday(current)
        except NotImplementedError:  # a year chinese-calendar does not know yet
            workday = current.weekday() < 5
        if workday:
            left -= 1
    return current


@lru_cache(maxsize=1)
def default_phrases() -> tuple[Phrase, ...]:
    import yaml

    text = (Path(__file__).with_name("deadline_phrases.yaml")).read_text(encoding="utf-8")
    return tuple(Phrase.model_validate(item) for item in yaml.safe_load(text))


def _number(text: str) -> int:
    return int(text) if text.isdigit() else chinese_to_int(text)


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _build(text: str, phrase: Phrase, groups: dict[str, str], plan_year: int) -> Deadline:
    year = int(groups["year"]) if "year" in groups else plan_year
    rule = phrase.rule
    if rule is DeadlineKind.year_round:
        return Deadline(text, rule, date(plan_year, 12, 31), continuous=True)
    if rule is DeadlineKind.year_end:
        return Deadline(text, rule, date(year, 12, 31))
    if rule is DeadlineKind.annual_report:
        return Deadline(text, rule, date(year + 1, 1, 31), due_county=date(year + 1, 3, 31))
    if rule is DeadlineKind.relative:
        if "days" not in groups:
            raise DeadlineError(
                _("“{text}”: a relative deadline needs the number of days").format(text=text)
            )
        return Deadline(
            text,
            rule,
            None,
            days=int(groups["days"]),
            working_days="working" in groups,
            event=groups.get("event"),
        )
    month = _number(groups["month"]) if "month" in groups else phrase.month
    if month is None or not 1 <= month <= 12:
        raise DeadlineError(
            _("“{text}”: there is no month {month}; months run from 1 to 12").format(
                text=text, month=month
            )
        )
    if rule is DeadlineKind.month_end:
        return Deadline(text, rule, _last_day(year, month))
    day = int(groups["day"]) if "day" in groups else phrase.day
    try:
        return Deadline(text, rule, date(year, month, day or 1))
    except ValueError:
        raise DeadlineError(
            _("“{text}”: {month}月 has no day {day}").format(text=text, month=month, day=day)
        ) from None


def parse_deadline(text: str, year: int, extra: Sequence[Phrase] = ()) -> Deadline:
    """Read a 完成时限 text for a plan year. Raises DeadlineError saying what is accepted."""
    clean = text.strip()
    for phrase in (*extra, *default_phrases()):
        groups = phrase.match(clean)
        if groups is not None:
            return _build(text, phrase, groups, year)
    raise DeadlineError(
        _(
            "“{text}” is not a deadline zhengwu can read; write e.g. 贯穿全年, 6月底前, 年底前, "
            "6月30日前 or 按照年报发布时间 (or add the phrasing to meta.deadline_phrases)"
        ).format(text=text)
    )
