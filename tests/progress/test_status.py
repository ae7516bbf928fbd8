"""How entries decide an indicator's status, overall and per unit, on a date."""

from __future__ import annotations

from datetime import date

import pytest

from zhengwu_cli.ledger.load import load_ledger
from zhengwu_cli.ledger.model import Entry, Ledger, Status
from zhengwu_cli.ledger.status import combine, standing
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


def by_number(loaded: Loaded, ledger: Ledger, as_of: date, unit: str | None = None) -> dict:
    result = standing(loaded.checklist, loaded.registry, ledger, as_of, unit)
    return {p.number: p for p in result.items}


def test_the_last_entry_counts_and_a_later_dated_one_waits(loaded: Loaded) -> None:
    ledger = load_ledger(SAMPLE).ledger
    before = by_number(loaded, ledger, date(2022, 5, 1), "市司法局")
    after = by_number(loaded, ledger, date(2022, 7, 1), "市司法局")
    assert before[2].status is S.in_progress  # the 2022-06-28 entry is not yet in effect
    assert after[2].status is S.done
    assert after[2].evidence == ["完成规章和规范性文件动态调整，废止12件"]
    assert by_number(loaded, ledger, date(2022, 9, 1))[60].status is S.not_started
    assert by_number(loaded, ledger, date(2022, 10, 1))[60].status is S.done


def test_a_units_not_applicable_speaks_for_that_unit_only(loaded: Loaded) -> None:
    ledger = load_ledger(SAMPLE).ledger
    assert by_number(loaded, ledger, date(2022, 7, 1))[85].status is S.not_started
    assert by_number(loaded, ledger, date(2022, 7, 1), "梨树县")[85].status is S.not_applicable


def test_a_unit_without_own_entry_takes_the_indicators_entry(loaded: Loaded) -> None:
    ledger = Ledger(year=2022, entries=[Entry(indicator=4, status=S.in_progress)])
    assert by_number(loaded, ledger, date(2022, 7, 1), "市司法局")[4].status is S.in_progress


def test_overdue_is_deadline_passed_and_not_done(loaded: Loaded) -> None:
    ledger = load_ledger(SAMPLE).ledger
    result = standing(loaded.checklist, loaded.registry, ledger, date(2022, 7, 1))
    # 6月底前: 46 is done; 82 is not. 5月底前: 80. 73 is due 6月底前 too.
    assert [p.number for p in result.overdue] == [73, 80, 82]
    county = standing(loaded.checklist, loaded.registry, ledger, date(2023, 2, 1), "梨树县")
    assert 85 not in [p.number for p in county.overdue]  # a county's annual report: 3月31日
    city = standing(loaded.checklist, loaded.registry, ledger, date(2023, 2, 1), "市司法局")
    assert all(p.due is not None and p.due < date(2023, 2, 1) for p in city.overdue)


def test_status_json_and_exit_code() -> None:
    import json

    result = run("status", "--ledger", SAMPLE, "--as-of", "2022-07-01", "--format", "json")
    assert result.exit_code == 1  # three overdue
    data = json.loads(result.stdout)
    assert data["total"]["已完成"] == 3
    assert [i["indicator"] for i in data["overdue"]] == [73, 80, 82]
    goal = data["goals"][0]
    assert (goal["goal"], goal["已完成"], goal["total"]) == ("一", 2, 10)
    early = run("status", "--ledger", SAMPLE, "--as-of", "2022-03-01", "--unit", "市司法局")
    assert early.exit_code == 0
    assert "没有逾期" in early.stdout


def test_status_without_ledger_says_how_to_start_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = run("status", "--ledger", tmp_path / "none.yaml")
    assert result.exit_code == 2
    assert "zhengwu collect" in result.stderr
