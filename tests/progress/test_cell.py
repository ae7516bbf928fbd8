"""The 完成情况 cell convention: status word, optional date, then evidence or notes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from zhengwu_cli.ledger.collect import read_cell
from zhengwu_cli.ledger.load import load_ledger
from zhengwu_cli.ledger.model import Status

from .collect_kit import Edit
from .helpers import render_sheet, run


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


# -- a month written without a day: the day is inferred, and the ledger says so -----------------


@pytest.mark.parametrize(
    ("text", "when", "month_only"),
    [
        ("6月已完成，见专栏", date(2022, 6, 30), True),
        ("已完成 2022年6月 见专栏", date(2022, 6, 30), True),
        ("7月已完成", date(2022, 7, 15), True),  # not after the day of collection
        ("该项工作于5月已完成，见专栏", date(2022, 5, 31), True),
        ("推进中 2022年6月 已起草", date(2022, 6, 30), True),
        ("6月30日已完成", date(2022, 6, 30), False),
        ("6月底已完成", date(2022, 6, 30), False),  # the month's end is written
        ("已完成 2022-06-28", date(2022, 6, 28), False),
    ],
)
def test_a_day_inferred_from_a_month_is_marked(text: str, when: date, month_only: bool) -> None:
    reading = read_cell(text, 2022, date(2022, 7, 15))
    assert reading is not None
    assert (reading.date, reading.month_only) == (when, month_only)


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_sheet("市司法局", tmp_path_factory.mktemp("sheet") / "市司法局.docx")


def test_collect_records_a_month_as_an_inferred_day(tmp_path: Path, blank: Path) -> None:
    sheet = Edit(blank).fill({1: "6月已完成，见专栏", 6: "6月30日已完成"}).save(tmp_path / "s.docx")
    ledger = tmp_path / "2022.yaml"
    result = run("collect", "--ledger", ledger, sheet)
    assert result.exit_code == 0, result.output
    entries = {e["indicator"]: e for e in yaml.safe_load(ledger.read_text("utf-8"))["entries"]}
    assert entries[1]["date"] == date(2022, 6, 30)
    assert entries[1]["date_inferred"] == "month"
    assert entries[1]["text"] == "6月已完成，见专栏"
    assert entries[6]["date"] == date(2022, 6, 30) and "date_inferred" not in entries[6]
    [summary] = [line for line in result.stdout.splitlines() if line.startswith(f"{sheet}:")]
    assert summary.endswith(", 1 dated by a month alone (its day inferred: date_inferred: month)")
    assert result.output.count("date_inferred") == 1  # said once, in the sheet's summary
    again = run("collect", "--ledger", ledger, "--dry-run", sheet)
    assert "0 entries to add, 2 already in the ledger, 0 conflicts" in again.stdout
    assert load_ledger(ledger).ledger.entries[0].date_text == "2022-06"


def test_collect_says_so_in_chinese(tmp_path: Path, blank: Path, chinese: None) -> None:
    sheet = Edit(blank).fill({1: "6月已完成"}).save(tmp_path / "s.docx")
    result = run("collect", "--ledger", tmp_path / "2022.yaml", sheet)
    assert result.exit_code == 0, result.output
    assert "只写了月份的1项（具体日期系推定，台账记为 date_inferred: month）" in result.stdout


def test_an_old_ledger_without_the_marker_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "2022.yaml"
    path.write_text(
        "year: 2022\nentries:\n- indicator: 1\n  status: 已完成\n  date: 2022-06-30\n",
        encoding="utf-8",
    )
    [entry] = load_ledger(path).ledger.entries
    assert entry.date_inferred is None and entry.date_text == "2022-06-30"
