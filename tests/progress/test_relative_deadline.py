"""A deadline relative to an event (indicator 9: 决策文件出台后的10个工作日内) falls due once the
台账 records the event's date, counted in Chinese working days."""

from __future__ import annotations

from datetime import date

from zhengwu_cli.ledger.model import Ledger
from zhengwu_cli.ledger.status import IndicatorStanding, standing
from zhengwu_cli.load import Loaded


def item(loaded: Loaded, ledger: Ledger, as_of: date, number: int = 9) -> IndicatorStanding:
    found = standing(loaded.checklist, loaded.registry, ledger, as_of, unit="市司法局")
    [progress] = [p for p in found.items if p.number == number]
    return progress


def test_relative_deadline_is_in_the_data(loaded: Loaded) -> None:
    found = loaded.checklist.indicator(9)
    assert found is not None
    indicator = found[2]
    assert indicator.relative_deadline == "决策文件出台后的10个工作日内"
    assert indicator.relative_deadline in indicator.text
    assert indicator.deadline.text == "贯穿全年"  # the table's own deadline is kept


def test_due_ten_working_days_after_the_event(loaded: Loaded) -> None:
    # issued 2022-09-28; 国庆 1–7 October off, 8–9 October 调休 working days → due 2022-10-17
    ledger = Ledger.model_validate(
        {
            "year": 2022,
            "entries": [
                {"indicator": 9, "unit": "市司法局", "status": "推进中", "event_date": "2022-09-28"}
            ],
        }
    )
    assert item(loaded, ledger, date(2022, 10, 17)).due == date(2022, 10, 17)
    assert not item(loaded, ledger, date(2022, 10, 17)).overdue
    assert item(loaded, ledger, date(2022, 10, 18)).overdue


def test_without_an_event_the_table_deadline_holds(loaded: Loaded) -> None:
    ledger = Ledger.model_validate({"year": 2022, "entries": []})
    assert item(loaded, ledger, date(2022, 10, 18)).due == date(2022, 12, 31)
