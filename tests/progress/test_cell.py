"""The 完成情况 cell convention: status word, optional date, then evidence or notes."""

from __future__ import annotations

from datetime import date

import pytest

from zhengwu_cli.ledger.collect import read_cell
from zhengwu_cli.ledger.model import Status


@pytest.mark.parametrize(
    ("text", "status", "when", "rest"),
    [
        (
            "已完成 2022年6月30日 在门户网站发布目录",
            Status.done,
            date(2022, 6, 30),
            "在门户网站发布目录",
        ),
        (
            "完成，2022-05-10，https://example.gov.cn/a",
            Status.done,
            date(2022, 5, 10),
            "https://example.gov.cn/a",
        ),
        ("已完成。专栏已上线", Status.done, None, "专栏已上线"),
        ("推进中：正在起草", Status.in_progress, None, "正在起草"),
        ("进行中 2022/7/1 已征求意见", Status.in_progress, date(2022, 7, 1), "已征求意见"),
        ("未启动", Status.not_started, None, None),
        ("不适用\n本单位无此职能", Status.not_applicable, None, "本单位无此职能"),
        (
            "  已完成 2022.6.3\n目录一份\n链接二  ",
            Status.done,
            date(2022, 6, 3),
            "目录一份\n链接二",
        ),
    ],
)
def test_a_cell_reads_as_status_date_rest(
    text: str, status: Status, when: date | None, rest: str | None
) -> None:
    reading = read_cell(text)
    assert reading is not None
    assert (reading.status, reading.date, reading.rest, reading.guessed) == (
        status,
        when,
        rest,
        False,
    )


def test_an_empty_cell_is_not_filled_in() -> None:
    assert read_cell(" \n\u3000") is None


def test_a_cell_without_status_word_is_in_progress_with_the_text_as_note() -> None:
    reading = read_cell("已经起草了初稿，待审议")
    assert reading is not None
    assert (reading.status, reading.rest, reading.guessed) == (
        Status.in_progress,
        "已经起草了初稿，待审议",
        True,
    )


def test_an_impossible_date_stays_in_the_text_and_is_flagged() -> None:
    reading = read_cell("已完成 2022年2月30日 发布")
    assert reading is not None
    assert reading.date is None
    assert reading.bad_date == "2022年2月30日"
    assert reading.rest == "2022年2月30日 发布"


# -- everyday phrasing (issue 13 item 7) --------------------------------------------------------

TODAY = date(2022, 7, 15)


@pytest.mark.parametrize(
    ("text", "status", "when", "rest"),
    [
        # a share below 100 % is not 已完成
        ("完成率60%", Status.in_progress, None, "完成率60%"),
        ("完成进度：80％", Status.in_progress, None, "完成进度：80％"),
        (
            "已完成80%，剩余部分年底前完成",
            Status.in_progress,
            None,
            "已完成80%，剩余部分年底前完成",
        ),
        ("完成率100%，见专栏", Status.done, None, "见专栏"),
        # a date before 前 is a plan: in the notes, not the entry's date
        ("推进中 2022年9月30日前完成", Status.in_progress, None, "2022年9月30日前完成"),
        ("2022年9月30日前完成", Status.in_progress, None, "2022年9月30日前完成"),
        ("9月完成", Status.in_progress, None, "9月完成"),  # written in July: a plan
        # 已完成 with the date written before or after it
        ("6月已完成，见专栏", Status.done, date(2022, 6, 30), "见专栏"),
        ("已于2022.6.28完成", Status.done, date(2022, 6, 28), None),
        ("6月30日已完成", Status.done, date(2022, 6, 30), None),
        ("完成情况：已完成", Status.done, None, None),
        ("已完成于2022年6月30日，见网站", Status.done, date(2022, 6, 30), "见网站"),
        # partial and other dates
        ("已完成 6月30日 发布目录", Status.done, date(2022, 6, 30), "发布目录"),
        ("已完成 2022年6月", Status.done, date(2022, 6, 30), None),
        ("已完成 2022年7月 上线", Status.done, TODAY, "上线"),  # not after the collection day
        ("已完成 二〇二二年六月三十日 发布", Status.done, date(2022, 6, 30), "发布"),
        ("已完成 20220630", Status.done, date(2022, 6, 30), None),
        ("不涉及，本单位无此职能", Status.not_applicable, None, "本单位无此职能"),
    ],
)
def test_everyday_phrasing(text: str, status: Status, when: date | None, rest: str | None) -> None:
    reading = read_cell(text, 2022, TODAY)
    assert reading is not None
    assert (reading.status, reading.date, reading.rest, reading.guessed) == (
        status,
        when,
        rest,
        False,
    )


def test_a_planned_date_is_kept_as_written() -> None:
    reading = read_cell("推进中 2022年9月30日前完成", 2022, TODAY)
    assert reading is not None and reading.planned == "2022年9月30日"
    reading = read_cell("已完成80%，剩余部分年底前完成", 2022, TODAY)
    assert reading is not None and reading.planned == "年底"


@pytest.mark.parametrize(
    ("text", "status", "doubt"),
    [
        ("已完成初稿，尚未印发", Status.in_progress, "尚未"),
        ("6月30日已完成一期，二期正在建设", Status.in_progress, "正在"),
        ("该项工作已完成，见专栏", Status.done, "已完成"),
    ],
)
def test_a_reading_in_doubt_says_so(text: str, status: Status, doubt: str) -> None:
    reading = read_cell(text, 2022, TODAY)
    assert reading is not None and reading.status is status
    assert reading.unsure is not None and doubt in reading.unsure
    if status is Status.in_progress:  # never overstated: the whole text is the note
        assert (reading.rest, reading.date) == (text, None)
