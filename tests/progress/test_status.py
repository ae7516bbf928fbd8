"""How entries decide an indicator's state, for the city and per unit, on a date."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from zhengwu_cli.ledger.load import load_ledger
from zhengwu_cli.ledger.model import Entry, Ledger, Status
from zhengwu_cli.ledger.status import (
    IndicatorStanding,
    State,
    Tally,
    combine,
    percent_text,
    standing,
)
from zhengwu_cli.load import Loaded

from .helpers import SAMPLE, run

S = Status


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], S.not_started),
        ([S.done, S.done], S.done),
        ([S.done, S.not_applicable], S.done),
        ([S.done, S.not_started], S.in_progress),
        ([S.not_started, S.not_started], S.not_started),
        ([S.not_applicable], S.not_applicable),
        ([S.in_progress, S.done], S.in_progress),
    ],
)
def test_combine(statuses: list[Status], expected: Status) -> None:
    assert combine(statuses) is expected


def by_number(
    loaded: Loaded, ledger: Ledger, as_of: date, unit: str | None = None
) -> dict[int, IndicatorStanding]:
    result = standing(loaded.checklist, loaded.registry, ledger, as_of, unit)
    return {p.number: p for p in result.items}


def reached(loaded: Loaded, number: int) -> list[str]:
    """The units indicator `number` reaches, as status counts them."""
    found = standing(loaded.checklist, loaded.registry, Ledger(year=2022), date(2022, 7, 1))
    [item] = [p for p in found.items if p.number == number]
    return [p.unit or "" for p in item.parts]


def entries(*items: dict[str, object]) -> Ledger:
    return Ledger.model_validate({"year": 2022, "entries": list(items)})


# -- issue 13 item 1: done for the city only when every unit it reaches says so ----------------


def test_one_units_done_while_the_lead_unit_is_silent_is_not_done(loaded: Loaded) -> None:
    # indicator 6: 市政府办公室 (牵头) has reported nothing; 市司法局 wrote 完成
    ledger = entries({"indicator": 6, "unit": "市司法局", "status": "已完成", "date": "2022-06-01"})
    city = by_number(loaded, ledger, date(2022, 7, 1))[6]
    assert city.state is State.in_progress
    assert "市政府办公室" in city.silent
    assert city.achieved_by == ["市司法局"]
    assert by_number(loaded, ledger, date(2022, 7, 1), "市司法局")[6].state is State.done
    assert by_number(loaded, ledger, date(2022, 7, 1), "市政府办公室")[6].state is State.unreported


def test_done_when_every_unit_reached_reports_done_or_not_applicable(loaded: Loaded) -> None:
    units = reached(loaded, 6)
    assert {"市政府办公室", "市司法局", "市政数局", "梨树县"} <= set(units)
    said = [{"indicator": 6, "unit": u, "status": "已完成", "date": "2022-06-01"} for u in units]
    said[-1]["status"] = "不适用"
    assert by_number(loaded, entries(*said), date(2022, 7, 1))[6].state is State.done
    assert by_number(loaded, entries(*said[1:]), date(2022, 7, 1))[6].state is State.in_progress


def test_an_entry_for_the_whole_indicator_decides_for_the_city(loaded: Loaded) -> None:
    ledger = entries({"indicator": 6, "status": "已完成", "date": "2022-06-01"})
    assert by_number(loaded, ledger, date(2022, 7, 1))[6].state is State.done


def test_the_cli_counts_no_indicator_done_on_two_units_word(tmp_path: Path) -> None:
    # the trial: only 市审计局 and 梨树县 reported; everything they reached looked 已完成
    ledger = Ledger.model_validate(
        {
            "year": 2022,
            "entries": [
                {"indicator": n, "unit": u, "status": "已完成", "date": "2022-06-01"}
                for u in ("市审计局", "梨树县")
                for n in (1, 6, 25, 26, 85)
            ],
        }
    )
    path = tmp_path / "2022.yaml"
    path.write_text(json.dumps(ledger.model_dump(mode="json"), ensure_ascii=False), "utf-8")
    result = run("status", "--ledger", path, "--as-of", "2022-07-01", "--format", "json")
    data = json.loads(result.stdout)
    assert data["total"]["已完成"] == 0
    assert data["total"]["推进中"] == 5
    assert data["total"]["未报送"] == 80


# -- item 2: 未报送 kept apart, and the 报送率 -------------------------------------------------


def test_unreported_is_not_not_started(loaded: Loaded) -> None:
    ledger = entries({"indicator": 82, "status": "未启动"})
    found = standing(loaded.checklist, loaded.registry, ledger, date(2022, 7, 1))
    assert found.total.counts[State.not_started] == 1
    assert found.total.counts[State.unreported] == 84
    assert {p.number: p.state for p in found.items}[3] is State.unreported


def test_reporting_rate_per_unit_and_overall(loaded: Loaded, chinese: None) -> None:
    ledger = load_ledger(SAMPLE).ledger
    found = standing(loaded.checklist, loaded.registry, ledger, date(2022, 7, 1))
    justice = next(u for u in found.by_unit if u.name == "市司法局")
    # 市司法局 is reached by 17 rows; indicator 4 is decided for the whole (not asked of it);
    # it reported 1 and 2 itself
    assert (justice.tally.total, justice.tally.expected, justice.tally.reported) == (17, 16, 2)
    assert justice.tally.report_rate == "12.5"
    assert found.units_reported == ["市政府办公室", "市司法局", "梨树县"]
    assert found.reported == 4
    result = run("status", "--ledger", SAMPLE, "--as-of", "2022-07-01")
    assert f"报送率{found.report_rate}%：应报送{found.expected}项次，已报送4项次" in result.stdout
    assert "未报送80项" in result.stdout


# -- item 4: a unit with no role, a group ----------------------------------------------------


def test_entries_of_a_unit_without_a_role_never_count_for_the_city(loaded: Loaded) -> None:
    assert "市网监办" not in reached(loaded, 1)
    ledger = entries({"indicator": 1, "unit": "市网监办", "status": "已完成", "date": "2022-06-01"})
    city = by_number(loaded, ledger, date(2022, 7, 1))[1]
    assert city.state is State.unreported
    assert city.entries == []


def test_a_group_is_not_a_reporting_unit(loaded: Loaded) -> None:
    ledger = entries(
        {"indicator": 6, "unit": "市政府各部门", "status": "已完成", "date": "2022-06-01"}
    )
    assert "市政府各部门" not in reached(loaded, 6)
    assert by_number(loaded, ledger, date(2022, 7, 1))[6].state is State.unreported
    result = run("status", "--ledger", SAMPLE, "--unit", "市政府各部门")
    assert result.exit_code == 2
    assert "is a group, not a unit that reports" in result.stderr


# -- item 5: undated entries, rounding ---------------------------------------------------------


def test_an_undated_entry_counts_from_the_day_it_was_collected(loaded: Loaded) -> None:
    ledger = entries({"indicator": 82, "status": "已完成", "collected": "2022-08-01"})
    assert by_number(loaded, ledger, date(2022, 7, 31))[82].state is State.unreported
    assert by_number(loaded, ledger, date(2022, 8, 1))[82].state is State.done
    undated = entries({"indicator": 82, "status": "已完成"})
    assert by_number(loaded, undated, date(2022, 1, 1))[82].state is State.done


def test_percentages_round_half_up() -> None:
    assert percent_text(9, 16) == "56.3"  # 56.25
    assert percent_text(1, 8) == "12.5"
    assert percent_text(1, 3) == "33.3"
    assert percent_text(2, 10) == "20"
    assert percent_text(0, 0) == "100"
    tally = Tally()
    tally.counts[State.done], tally.counts[State.in_progress] = 9, 7
    assert tally.rate == "56.3"


# -- as before ------------------------------------------------------------------------------


def test_the_last_entry_counts_and_a_later_dated_one_waits(loaded: Loaded) -> None:
    ledger = load_ledger(SAMPLE).ledger
    before = by_number(loaded, ledger, date(2022, 5, 1), "市司法局")
    after = by_number(loaded, ledger, date(2022, 7, 1), "市司法局")
    assert before[2].state is State.in_progress  # the 2022-06-28 entry is not yet in effect
    assert after[2].state is State.done
    assert after[2].evidence == ["完成规章和规范性文件动态调整，废止12件"]
    assert by_number(loaded, ledger, date(2022, 9, 1))[60].state is State.unreported
    assert by_number(loaded, ledger, date(2022, 10, 1))[60].state is State.done


def test_a_units_not_applicable_speaks_for_that_unit_only(loaded: Loaded) -> None:
    ledger = load_ledger(SAMPLE).ledger
    assert by_number(loaded, ledger, date(2022, 7, 1))[85].state is State.unreported
    assert by_number(loaded, ledger, date(2022, 7, 1), "梨树县")[85].state is State.not_applicable


def test_a_unit_without_own_entry_takes_the_indicators_entry(loaded: Loaded) -> None:
    ledger = Ledger(year=2022, entries=[Entry(indicator=4, status=S.in_progress)])
    assert by_number(loaded, ledger, date(2022, 7, 1), "市司法局")[4].state is State.in_progress


def test_overdue_is_deadline_passed_and_not_done(loaded: Loaded) -> None:
    ledger = load_ledger(SAMPLE).ledger
    result = standing(loaded.checklist, loaded.registry, ledger, date(2022, 7, 1))
    # 6月底前: 46 is done; 82 is not. 5月底前: 80. 73 is due 3月底前.
    assert [p.number for p in result.overdue] == [73, 80, 82]
    county = standing(loaded.checklist, loaded.registry, ledger, date(2023, 2, 1), "梨树县")
    assert 85 not in [p.number for p in county.overdue]  # a county's annual report: 3月31日
    city = standing(loaded.checklist, loaded.registry, ledger, date(2023, 2, 1), "市司法局")
    assert all(p.due is not None and p.due < date(2023, 2, 1) for p in city.overdue)


def test_status_json_and_exit_code(chinese: None) -> None:
    result = run("status", "--ledger", SAMPLE, "--as-of", "2022-07-01", "--format", "json")
    assert result.exit_code == 1  # three overdue
    data = json.loads(result.stdout)
    assert data["total"]["已完成"] == 1  # 46 (for the whole); 1 and 2 wait for other units
    assert data["total"]["未报送"] == 80
    assert [i["indicator"] for i in data["overdue"]] == [73, 80, 82]
    goal = data["goals"][0]
    assert (goal["goal"], goal["已完成"], goal["推进中"], goal["total"]) == ("一", 0, 3, 10)
    assert data["reporting"]["units_reported"] == 3
    early = run("status", "--ledger", SAMPLE, "--as-of", "2022-03-01", "--unit", "市司法局")
    assert early.exit_code == 0
    assert "没有逾期" in early.stdout


def test_status_without_ledger_says_how_to_start_one(tmp_path: Path) -> None:
    result = run("status", "--ledger", tmp_path / "none.yaml")
    assert result.exit_code == 2
    assert "zhengwu collect" in result.stderr


def test_status_names_the_indicators_no_unit_receives() -> None:
    """49–53, 56 and 72 of 2022 name no unit: nobody will report them, and status says so."""
    result = run("status", "--ledger", SAMPLE, "--as-of", "2022-07-01")
    lines = result.stdout.splitlines()
    at = lines.index("Reached by no unit (7 indicators, which no unit will report):")
    assert lines[at + 1].startswith("  49、50、51、52、53、56、72: no 责任单位")
    one = run("status", "--ledger", SAMPLE, "--as-of", "2022-07-01", "--unit", "市审计局")
    assert "Reached by no unit" not in one.stdout  # one unit's view is about its own rows


# -- the day stood on without --as-of ------------------------------------------------------------


def test_the_default_day_is_today_also_after_the_plan_year() -> None:
    from zhengwu_cli.cli.ledger import default_as_of

    assert default_as_of(2022, date(2022, 7, 1)) == date(2022, 7, 1)
    assert default_as_of(2022, date(2023, 2, 10)) == date(2023, 2, 10)
    assert default_as_of(2023, date(2022, 11, 1)) == date(2022, 11, 1)  # a plan made early


def test_status_of_an_ended_year_counts_a_report_collected_after_it_and_says_how_to_stop_at_its_end(
    tmp_path: Path,
) -> None:
    # a January collect for the annual report: "推进中" with no date of its own counts from the
    # day it was collected; standing on 31 December by default would leave it out unseen
    ledger = tmp_path / "2022.yaml"
    ledger.write_text(
        "schema_version: 1\nyear: 2022\nentries:\n"
        "- {indicator: 1, unit: 市司法局, status: 推进中, collected: 2023-01-10}\n",
        encoding="utf-8",
    )
    result = run("status", "--ledger", ledger, "--unit", "市司法局", "--format", "json")
    figures = json.loads(result.stdout)
    assert figures["as_of"] == date.today().isoformat()
    assert figures["total"]["推进中"] == 1
    assert "give --as-of 2022-12-31" in result.stderr
    at_end = run(
        "status",
        "--ledger",
        ledger,
        "--unit",
        "市司法局",
        "--as-of",
        "2022-12-31",
        "--format",
        "json",
    )
    assert json.loads(at_end.stdout)["total"]["推进中"] == 0  # collected after: asked for, so
    assert "has ended" not in at_end.stderr


def test_the_default_day_said_in_chinese(chinese: None) -> None:
    result = run("status", "--ledger", SAMPLE)
    assert "2022年度已结束；只统计到年底的情况，请用 --as-of 2022-12-31" in result.stderr
