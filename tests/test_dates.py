"""One parser for the dates people write (issue 17 item 3): every form the tool meets."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhengwu_cli import dates
from zhengwu_cli.ledger.model import Entry
from zhengwu_cli.numerals import int_to_chinese


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2022年6月30日", date(2022, 6, 30), date(2022, 6, 30)),
        ("2022 年 6 月 30 号", date(2022, 6, 30), date(2022, 6, 30)),
        ("2022-06-30", date(2022, 6, 30), date(2022, 6, 30)),
        ("2022/6/30", date(2022, 6, 30), date(2022, 6, 30)),
        ("2022.6.28", date(2022, 6, 28), date(2022, 6, 28)),
        ("２０２２．６．２８", date(2022, 6, 28), date(2022, 6, 28)),
        ("20220630", date(2022, 6, 30), date(2022, 6, 30)),
        ("二〇二二年六月三十日", date(2022, 6, 30), date(2022, 6, 30)),
        ("二〇二二年十二月三十一日", date(2022, 12, 31), date(2022, 12, 31)),
        ("2022年6月", date(2022, 6, 1), date(2022, 6, 30)),
        ("2022.6", date(2022, 6, 1), date(2022, 6, 30)),
        ("6月30日", date(2021, 6, 30), date(2021, 6, 30)),  # the plan year given: 2021
        ("6月", date(2021, 6, 1), date(2021, 6, 30)),
        ("六月三十日", date(2021, 6, 30), date(2021, 6, 30)),
        ("2月底", date(2021, 2, 28), date(2021, 2, 28)),
        ("年底", date(2021, 12, 31), date(2021, 12, 31)),
        ("2022年底", date(2022, 12, 31), date(2022, 12, 31)),
    ],
)
def test_every_written_form_is_one_date(text: str, first: date, last: date) -> None:
    (found,) = dates.find(f"于{text}完成")
    assert found.text == text
    assert (found.first(2021), found.last(2021)) == (first, last)


def test_find_gives_each_date_in_place_and_ignores_what_is_no_date() -> None:
    text = "已于2022.6.28完成，计划9月底前上线，共6个月，电话13800000000，文件20220631号"
    found = dates.find(text)
    assert [(d.text, text[d.start : d.end]) for d in found] == [
        ("2022.6.28", "2022.6.28"),
        ("9月底", "9月底"),
        ("20220631", "20220631"),
    ]
    assert not found[2].valid()  # 31 June: no such day, so no date
    assert found[2].first(2022) is None


def test_an_impossible_day_is_no_date() -> None:
    (found,) = dates.find("2022年2月30日")
    assert not found.valid()
    assert found.last() is None
    with pytest.raises(dates.DateError, match="no such day"):
        dates.parse("2022年2月30日")


def test_parse_reads_a_whole_text_that_is_one_day() -> None:
    assert dates.parse(" 2022年5月20 ") == date(2022, 5, 20)
    assert dates.parse("6月30日", year=2022) == date(2022, 6, 30)
    with pytest.raises(dates.DateError, match="no year"):
        dates.parse("6月30日")
    with pytest.raises(dates.DateError, match="a month, not a day"):
        dates.parse("2022年6月")
    with pytest.raises(dates.DateError, match="is not a date"):
        dates.parse("2022年6月30日前")


@pytest.mark.parametrize(
    "written", ["2022年5月20日", "2022.5.20", "二〇二二年五月二十日", "20220520"]
)
def test_a_ledger_date_may_be_written_as_people_write_it(written: str) -> None:
    entry = Entry(indicator=1, status="已完成", date=written, collected=written)
    assert entry.date == entry.collected == date(2022, 5, 20)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_any_day_reads_back_in_every_form(day: date) -> None:
    y, m, d = day.year, day.month, day.day
    year_cn = "".join("〇一二三四五六七八九"[int(c)] for c in str(y))
    forms = [
        f"{y}年{m}月{d}日",
        f"{y}-{m:02}-{d:02}",
        f"{y}/{m}/{d}",
        f"{y}.{m}.{d}",
        f"{y}{m:02}{d:02}",
        f"{year_cn}年{int_to_chinese(m)}月{int_to_chinese(d)}日",
    ]
    for form in forms:
        assert dates.parse(form) == day, form
    assert dates.parse(f"{m}月{d}日", year=y) == day
