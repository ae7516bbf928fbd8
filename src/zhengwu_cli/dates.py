"""Dates as people write them in Chinese documents: one parser for the whole tool.

Written forms (full-width digits and punctuation count as their ASCII forms):
- a day: 2022年6月30日 (or 30号), 2022-06-30, 2022/6/30, 2022.6.30, 20220630, 二〇二二年六月三十日;
- a month: 2022年6月, 2022-06, 2022.6, 二〇二二年六月;
- without a year (the plan year is meant): 6月30日, 6月, 六月三十日, 6月底 / 6月末 (its last day),
  年底 / 年末 (31 December);
- 2022年底 (31 December 2022).

`find` lists every date written in a text, `match` the one that starts at a position, `parse`
reads a text that is one date and nothing else.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .i18n import _
from .numerals import chinese_to_int

# one character for one character, so positions in the normalised text are positions in the text
_WIDE = str.maketrans("０１２３４５６７８９．／－　", "0123456789./- ")
_CN_DIGIT = str.maketrans("〇○零Ｏ一二三四五六七八九", "0000123456789")

_MONTH_CN = "十[一二]?|[一二三四五六七八九]"
_DAY_CN = "三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
_PATTERNS = [
    # 2022年6月30日 · 2022年6月 · 2022年6月底
    re.compile(
        r"(?<!\d)(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月"
        r"(?:\s*(?P<d>\d{1,2})(?!\d)\s*[日号]?|\s*(?P<e>[底末]))?"
    ),
    # 2022-06-30 · 2022/6/30 · 2022.6.30 · 2022-06
    re.compile(
        r"(?<![\d.])(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?:(?P=s)(?P<d>\d{1,2}))?(?![\d])"
    ),
    # 20220630
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>[0-3]\d)(?!\d)"),
    # 二〇二二年六月三十日 · 二〇二二年六月
    re.compile(
        rf"(?P<yc>[〇○零Ｏ一二三四五六七八九]{{4}})\s*年\s*(?P<mc>{_MONTH_CN})\s*月"
        rf"(?:\s*(?P<dc>{_DAY_CN})\s*[日号]|\s*(?P<e>[底末]))?"
    ),
    # 2022年底
    re.compile(r"(?<!\d)(?P<y>\d{4})\s*年\s*(?P<ye>[底末])"),
    # 6月30日 · 6月 · 6月底 (the plan year)
    re.compile(
        r"(?<![\d年./\-])(?P<m>\d{1,2})\s*月(?:份)?"
        r"(?:\s*(?P<d>\d{1,2})(?!\d)\s*[日号]?|\s*(?P<e>[底末]))?"
    ),
    # 六月三十日 · 六月 (the plan year)
    re.compile(
        rf"(?<![〇○零一二三四五六七八九十年])(?P<mc>{_MONTH_CN})\s*月(?:份)?"
        rf"(?:\s*(?P<dc>{_DAY_CN})\s*[日号]|\s*(?P<e>[底末]))?"
    ),
    # 年底 (the plan year)
    re.compile(r"(?<![\d年])(?P<ye>年)\s*[底末]"),
]


class DateError(ValueError):
    """A text that is not a date; the message says what to write."""


@dataclass(frozen=True)
class DateText:
    """A date as written in a text: its place and what it says (parts not written are None)."""

    text: str  # as written
    start: int
    end: int
    year: int | None  # None: not written (the plan year is meant)
    month: int
    day: int | None  # None: a month only
    month_end: bool = False  # 6月底: the month's last day

    @property
    def precise(self) -> bool:
        """A day, not a month."""
        return self.day is not None or self.month_end

    def first(self, year: int | None = None) -> date | None:
        """The first day it can mean (the plan year `year` when none is written); None when it
        is no date (2022年2月30日, 13月) or names no year."""
        return self._day(year, last=False)

    def last(self, year: int | None = None) -> date | None:
        """The last day it can mean: the day, or a month's last day."""
        return self._day(year, last=True)

    def valid(self) -> bool:
        return self._day(self.year or 2000, last=True) is not None

    def _day(self, year: int | None, last: bool) -> date | None:
        year = self.year if self.year is not None else year
        if year is None or not 1 <= self.month <= 12:
            return None
        end = calendar.monthrange(year, self.month)[1]
        if self.day is not None:
            day = self.day
        elif self.month_end or last:
            day = end
        else:
            day = 1
        if not 1 <= day <= end:
            return None
        return date(year, self.month, day)


def normalise(text: str) -> str:
    """Full-width digits and date punctuation as ASCII, one character for one."""
    return text.translate(_WIDE)


def _found(match: re.Match[str], text: str) -> DateText:
    groups = match.groupdict()
    if groups.get("yc"):
        year: int | None = int(groups["yc"].translate(_CN_DIGIT))
    else:
        year = int(groups["y"]) if groups.get("y") else None
    day: int | None
    if groups.get("ye"):
        month, day, month_end = 12, 31, False
    else:
        month = int(groups["m"]) if groups.get("m") else chinese_to_int(groups["mc"])
        if groups.get("d"):
            day = int(groups["d"])
        elif groups.get("dc"):
            day = chinese_to_int(groups["dc"])
        else:
            day = None
        month_end = bool(groups.get("e"))
    start, end = match.span()
    return DateText(text[start:end], start, end, year, month, day, month_end)


def find(text: str) -> list[DateText]:
    """Every date written in `text`, left to right (where two readings overlap, the one that
    starts first, then the longer)."""
    clean = normalise(text)
    candidates = [_found(m, text) for pattern in _PATTERNS for m in pattern.finditer(clean)]
    candidates.sort(key=lambda d: (d.start, -d.end))
    result: list[DateText] = []
    for candidate in candidates:
        if not result or candidate.start >= result[-1].end:
            result.append(candidate)
    return result


def match(text: str, pos: int = 0) -> DateText | None:
    """The longest date written starting exactly at `pos`, or None."""
    clean = normalise(text)
    best: DateText | None = None
    for pattern in _PATTERNS:
        found = pattern.match(clean, pos)
        if found and (best is None or found.end() > best.end):
            best = _found(found, text)
    return best


def parse(text: str, year: int | None = None) -> date:
    """A text that is one day and nothing else (surrounding blanks aside). Without a year
    written, `year` is used; a month alone is not a day. Raises DateError."""
    stripped = text.strip()
    found = match(stripped)
    if found is None or found.end != len(stripped):
        raise DateError(
            _("“{text}” is not a date; write 2022年6月30日 or 2022-06-30").format(text=text)
        )
    if not found.precise:
        raise DateError(
            _("“{text}” names a month, not a day; write 2022年6月30日").format(text=text)
        )
    day = found.first(year)
    if day is None:
        if found.year is None and year is None:
            raise DateError(_("“{text}” has no year; write 2022年6月30日").format(text=text))
        raise DateError(_("“{text}” is not a date (no such day)").format(text=text))
    return day
