"""Deadline phrasings → dates, from the built-in vocabulary and a checklist's own."""

from __future__ import annotations

from datetime import date

import pytest

from zhengwu_cli.deadlines import DeadlineError, DeadlineKind, Phrase, parse_deadline


@pytest.mark.parametrize(
    ("text", "kind", "due", "continuous"),
    [
        ("贯穿全年", DeadlineKind.year_round, date(2022, 12, 31), True),
        ("贯穿全年 ", DeadlineKind.year_round, date(2022, 12, 31), True),
        ("持续推进", DeadlineKind.year_round, date(2022, 12, 31), True),
        ("长期坚持", DeadlineKind.year_round, date(2022, 12, 31), True),
        ("常态化", DeadlineKind.year_round, date(2022, 12, 31), True),
        ("年底前", DeadlineKind.year_end, date(2022, 12, 31), False),
        ("年内", DeadlineKind.year_end, date(2022, 12, 31), False),
        ("6月底前", DeadlineKind.month_end, date(2022, 6, 30), False),
        ("2月底前", DeadlineKind.month_end, date(2022, 2, 28), False),
        ("十一月底前", DeadlineKind.month_end, date(2022, 11, 30), False),
        ("2023年3月底前", DeadlineKind.month_end, date(2023, 3, 31), False),
        ("6月30日前", DeadlineKind.date, date(2022, 6, 30), False),
        ("上半年", DeadlineKind.month_end, date(2022, 6, 30), False),
    ],
)
def test_phrasings(text: str, kind: DeadlineKind, due: date, continuous: bool) -> None:
    deadline = parse_deadline(text, 2022)
    assert (deadline.kind, deadline.due, deadline.continuous) == (kind, due, continuous)
    assert deadline.text == text  # the text is kept as written


def test_annual_report_date_depends_on_the_unit() -> None:
    deadline = parse_deadline("按照年报发布时间", 2022)
    assert deadline.due_for(county=False) == date(2023, 1, 31)
    assert deadline.due_for(county=True) == date(2023, 3, 31)


def test_relative_deadline_counts_chinese_working_days() -> None:
    deadline = parse_deadline("决策文件出台后的10个工作日内", 2022)
    assert deadline.kind is DeadlineKind.relative
    assert deadline.due is None and deadline.event == "决策文件出台"
    # 2022-09-28 + 10 working days: 国庆 1–7 October off, 8–9 October are 调休 working days
    assert deadline.after(date(2022, 9, 28)) == date(2022, 10, 17)
    assert parse_deadline("在20个工作日内公开发布", 2022).days == 20


@pytest.mark.parametrize(
    ("text", "says"),
    [("13月底前", "no month 13"), ("2月30日前", "no day 30"), ("尽快", "not a deadline")],
)
def test_unreadable(text: str, says: str) -> None:
    with pytest.raises(DeadlineError, match=says):
        parse_deadline(text, 2022)


def test_a_checklist_adds_its_own_phrasing() -> None:
    extra = [Phrase(phrase="一季度末", rule=DeadlineKind.month_end, month=3)]
    assert parse_deadline("一季度末", 2023, extra).due == date(2023, 3, 31)
    with pytest.raises(DeadlineError):
        parse_deadline("一季度末", 2023)


def test_a_phrase_is_either_exact_or_a_pattern() -> None:
    with pytest.raises(ValueError, match="either"):
        Phrase(rule=DeadlineKind.year_end)
    with pytest.raises(ValueError, match="regular expression"):
        Phrase(pattern="(", rule=DeadlineKind.year_end)
