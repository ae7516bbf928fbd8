"""One 完成情况 cell as a liaison wrote it → a status, a date and the rest (docs/ledger.md).

The convention is `[status] [date] [the rest]`, but cells are written in everyday phrasing too,
and each of these is read as a person would:

- "完成情况：已完成 …": a leading label is passed over;
- "6月已完成，见专栏", "6月30日已完成", "已于2022.6.28完成": 已完成 with that date;
- "完成率60%", "已完成80%，剩余部分年底前完成": a share below 100 % is 推进中, not 已完成;
- "推进中 2022年9月30日前完成", "计划9月底前完成": a date followed by 前/之前/以内 (or after
  计划/预计/拟) is a planned date: it stays in the notes, it is not the entry's date;
- a date without a year ("6月30日") is in the plan year; a month alone ("2022年6月") is read as
  its last day, but not later than the day of collection, and the reading says the day was
  inferred (`month_only`): the ledger entry carries `date_inferred: month`.

What is not understood is read as 推进中 with the text as a note, and the reading says so
(`guessed`); where a status is read but the text says otherwise too ("已完成 … 尚未 …") the
reading carries a doubt (`unsure`); an 已完成 whose text says 尚未/剩余/正在… ("已完成初稿，尚未
印发") is read as 推进中, with that doubt, so progress is never overstated. Nothing of the
text is dropped: the caller keeps it whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .. import dates
from ..i18n import _
from .model import Status

DONE, DOING, NOT_STARTED, NA = (
    Status.done,
    Status.in_progress,
    Status.not_started,
    Status.not_applicable,
)
# status words at the start of a cell (the longest that fits is taken)
STATUS_WORDS: dict[str, Status] = {
    "已完成": DONE,
    "已经完成": DONE,
    "已全部完成": DONE,
    "全部完成": DONE,
    "已办结": DONE,
    "完成": DONE,
    "推进中": DOING,
    "正在推进": DOING,
    "持续推进": DOING,
    "进行中": DOING,
    "正在进行": DOING,
    "未完成": DOING,
    "尚未完成": DOING,
    "没有完成": DOING,
    "未启动": NOT_STARTED,
    "尚未启动": NOT_STARTED,
    "未开始": NOT_STARTED,
    "尚未开始": NOT_STARTED,
    "不适用": NA,
    "不涉及": NA,
}
_WORDS = sorted(STATUS_WORDS, key=len, reverse=True)
SEPARATORS = " \t\n\r\u3000，,。.：:、;；"
_LABEL = re.compile(r"^(?:完成情况|进展情况|完成进度|工作进展|进展|状态)\s*[：:]\s*")
# "完成率60%", "完成进度：80%", "进度80%"
_SHARE = re.compile(
    r"^(?:完成率|完成进度|完成度|进度)\s*(?:[：:为达]|达到)?\s*(\d{1,3}(?:\.\d+)?)\s*[%％]"
)
_PERCENT = re.compile(r"^\s*(\d{1,3}(?:\.\d+)?)\s*[%％]")
_PLANNED_AFTER = re.compile(r"^\s*(?:之前|以前|以内|之内|前|内)")
_PLANNED_BEFORE = re.compile(r"(?:计划|预计|拟|争取|将于|将在|力争|确保)\s*(?:于|在)?\s*$")
_DONE_AFTER_DATE = re.compile(
    r"^\s*(?:之前|以前|前)?\s*(已经|已|均已|全部)?\s*(?:完成|办结)(?!率|度|情况)"
)
_ALREADY_BEFORE = re.compile(r"^(?:已经|已)\s*(?:于|在)?\s*")
_AT = re.compile(r"^(?:于|在)\s*")
# a status word inside the first clause of a cell that does not start with one
_INNER = [
    (
        re.compile(r"(?<![未没不尚])(?:已经|已|均已|全部)(?:全部)?(?:完成|办结)(?!率|度|情况|\d)"),
        DONE,
    ),
    (re.compile(r"推进中|正在推进|进行中|正在|尚未完成|未完成"), DOING),
    (re.compile(r"未启动|尚未启动|未开始|尚未开展"), NOT_STARTED),
    (re.compile(r"不适用|不涉及"), NA),
]
# words that make an 已完成 doubtful
_UNFINISHED = re.compile(r"尚未|剩余|正在|仍在|未完成|推进中|进行中|待完成|前完成")
_CLAUSE = re.compile(r"[，,。；;\n]")


@dataclass(frozen=True)
class CellReading:
    """What one 完成情况 cell was read as (`read_cell`)."""

    status: Status
    date: date | None
    rest: str | None  # the evidence (已完成) or notes (otherwise)
    guessed: bool  # no status understood: read as 推进中
    bad_date: str | None = None  # a date-like text that is no date (2022年2月30日)
    planned: str | None = None  # a planned date (…前完成), kept in the text
    unsure: str | None = None  # a status was read, but the text also says something else
    month_only: bool = False  # `date` is inferred from a month written without a day


def _day(found: dates.DateText, year: int | None, today: date | None) -> date | None:
    """The entry's date for a date written: a day as it is; a month its last day, but not
    after the day of collection when that lies within the month."""
    last = found.last(year)
    if last is None or found.precise or today is None:
        return last
    first = found.first(year)
    assert first is not None
    return today if first <= today < last else last


def _strip(text: str) -> str:
    return text.strip(SEPARATORS)


def read_cell(text: str, year: int | None = None, today: date | None = None) -> CellReading | None:
    """One 完成情况 cell; None when the cell is empty. `year`: the plan year (for dates
    written without one); `today`: the day of collection (month-only dates stop there)."""
    clean = _strip(text)
    if not clean:
        return None
    body = _strip(_LABEL.sub("", clean, count=1)) or clean
    return (
        _share(clean)
        or _leading_word(body, year, today)
        or _share(body)
        or _leading_date(body, year, today)
        or _inner_word(body, year, today)
        or CellReading(DOING, None, body, guessed=True)
    )


def _leading_word(body: str, year: int | None, today: date | None) -> CellReading | None:
    word = next((w for w in _WORDS if body.startswith(w)), None)
    if word is None:
        return None
    status = STATUS_WORDS[word]
    after = body[len(word) :]
    if status is DONE and after[:1] in ("率", "度", "情"):  # 完成率60%: a share, not a status
        return None
    percent = _PERCENT.match(after)
    if status is DONE and percent and float(percent.group(1)) < 100:
        # 已完成80%，剩余部分年底前完成: 推进中, the whole text as the note
        return CellReading(DOING, None, body, guessed=False, planned=_planned(body))
    if status is DONE:
        after = after.removeprefix("了")
    rest = after.lstrip(SEPARATORS)
    without_at = _AT.sub("", rest, count=1)  # 已完成于2022年6月30日
    if without_at != rest and dates.match(without_at):
        rest = without_at
    when: date | None = None
    month_only = False
    bad: str | None = None
    planned: str | None = None
    found = dates.match(rest)
    if found is not None:
        tail = rest[found.end :]
        if _PLANNED_AFTER.match(tail):
            planned = found.text
        elif not found.valid():
            bad = found.text
        else:
            day = _day(found, year, today)
            if day is not None:
                when, month_only = day, not found.precise
                rest = tail.lstrip(SEPARATORS)
                if status is DONE:  # "已完成，6月30日完成" says it twice
                    rest = _strip(re.sub(r"^(?:已经|已)?(?:完成|办结)", "", rest, count=1))
    if planned is None:
        planned = _planned(rest)
    if status is DONE:
        doubt = _UNFINISHED.search(rest)
        if doubt:
            return _unfinished(body, doubt.group(0))
    return CellReading(
        status, when, rest.strip() or None, False, bad, planned, month_only=month_only
    )


def _unfinished(body: str, word: str) -> CellReading:
    """已完成 said of a part ("已完成初稿，尚未印发"): 推进中, the whole text as the note."""
    return CellReading(
        DOING,
        None,
        body,
        guessed=False,
        planned=_planned(body),
        unsure=_("read as 推进中, not 已完成: the text also says “{word}”").format(word=word),
    )


def _share(body: str) -> CellReading | None:
    found = _SHARE.match(body) or _PERCENT.match(body)
    if found is None:
        return None
    if float(found.group(1)) >= 100:
        rest = _strip(body[found.end() :])
        return CellReading(DONE, None, rest or None, guessed=False)
    return CellReading(DOING, None, body, guessed=False, planned=_planned(body))


def _leading_date(body: str, year: int | None, today: date | None) -> CellReading | None:
    """Dates first: "6月30日已完成", "已于2022.6.28完成", "2022年9月30日前完成" (planned)."""
    already = _ALREADY_BEFORE.match(body)
    start = already.end() if already else 0
    if not already:
        at = _AT.match(body)
        start = at.end() if at else 0
    found = dates.match(body, start)
    if found is None:
        return None
    after = body[found.end :]
    done = _DONE_AFTER_DATE.match(after)
    if done is None:
        word = next((w for w in _WORDS if after.lstrip(SEPARATORS).startswith(w)), None)
        if word is None or STATUS_WORDS[word] is DONE:
            return None
        # "6月30日 推进中 …": the status after the date
        reading = _leading_word(after.lstrip(SEPARATORS), year, today)
        if reading is None or reading.date is not None or not found.valid():
            return reading
        day = _day(found, year, today)
        return CellReading(
            reading.status,
            day,
            reading.rest,
            False,
            None,
            reading.planned,
            month_only=day is not None and not found.precise,
        )
    rest = _strip(after[done.end() :])
    before = _PLANNED_AFTER.match(after) is not None
    if before and not (already or done.group(1)):
        # 2022年9月30日前完成: a plan, not a completion
        return CellReading(DOING, None, body, guessed=False, planned=found.text)
    if not found.valid():
        return CellReading(DONE, None, body, guessed=False, bad_date=found.text)
    when = _day(found, year, today)
    if when is None:  # no year to place it in
        return CellReading(DONE, None, body, guessed=False)
    if not (already or done.group(1)) and today is not None and when > today:
        # "9月完成" written in July: a plan
        return CellReading(DOING, None, body, guessed=False, planned=found.text)
    doubt = _UNFINISHED.search(rest)
    if doubt:
        return _unfinished(body, doubt.group(0))
    return CellReading(
        DONE, when, rest or None, False, None, _planned(rest), month_only=not found.precise
    )


def _inner_word(body: str, year: int | None, today: date | None) -> CellReading | None:
    """A status word inside the first clause ("该项工作已完成，见专栏"): read, with a doubt."""
    head = _CLAUSE.split(body, maxsplit=1)[0]
    for pattern, status in _INNER:
        found = pattern.search(head)
        if found is None:
            continue
        if status is DONE and (_UNFINISHED.search(body) or _PERCENT.search(head[found.end() :])):
            continue
        when = None
        month_only = False
        dated = [d for d in dates.find(head) if d.end <= found.start() and d.valid()]
        if dated and not _PLANNED_AFTER.match(head[dated[-1].end :]):
            when = _day(dated[-1], year, today)
            month_only = when is not None and not dated[-1].precise
        return CellReading(
            status,
            when,
            body,
            guessed=False,
            planned=_planned(body),
            unsure=_("read as {status} from the words “{words}” inside the text").format(
                status=status.value, words=found.group(0)
            ),
            month_only=month_only,
        )
    return None


def _planned(text: str) -> str | None:
    """The first planned date in a text (…前完成, 计划…), as written."""
    for found in dates.find(text):
        if _PLANNED_AFTER.match(text[found.end :]) or _PLANNED_BEFORE.search(text[: found.start]):
            return found.text
    return None
