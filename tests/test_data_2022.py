"""The bundled 2022 checklist against the source table, cell by cell."""

from __future__ import annotations

import re

import pytest

from zhengwu_cli.load import Loaded
from zhengwu_cli.model import Indicator, Origin
from zhengwu_cli.worddump import Row, read_dump

from .conftest import SOURCE

INDICATOR = re.compile(r"^(\d+)\.(.*)$", re.S)


def source_rows() -> dict[int, Row]:
    dump = read_dump(SOURCE.read_text(encoding="utf-8"))
    found: dict[int, Row] = {}
    for row in dump.rows:
        match = INDICATOR.match(row.cells[2].text)
        assert match, row.cells[2]
        found[int(match.group(1))] = row
    return found


ROWS = source_rows()


def by_number(loaded: Loaded) -> dict[int, Indicator]:
    return {i.number: i for _, _, i in loaded.checklist.indicators()}


def test_counts(loaded: Loaded) -> None:
    checklist = loaded.checklist
    assert [g.number for g in checklist.goals] == list("一二三四五六七")
    tasks = [t.index for _, t in checklist.tasks()]
    assert len(tasks) == 33
    assert tasks == [n for n in range(1, 35) if n != 4]  # the source skips （四）
    assert [i.number for _, _, i in checklist.indicators()] == list(range(1, 86))
    assert [m.number for _, m in checklist.measures()] == list(range(1, 93))


def test_every_source_row_is_an_indicator() -> None:
    assert sorted(ROWS) == list(range(1, 86))


@pytest.mark.parametrize("number", sorted(ROWS))
def test_indicator_matches_source(loaded: Loaded, number: int) -> None:
    """Each cell: stated where the source fills it, verbatim (or corrected with the original
    kept); carried/inferred/missing only where the source cell is empty."""
    indicator = by_number(loaded)[number]
    row = ROWS[number]
    _, _, ind_cell, unit_cell, measure_cell, deadline_cell, outcome_cell = row.cells
    text = INDICATOR.match(ind_cell.text).group(2)  # type: ignore[union-attr]
    assert (indicator.original or indicator.text) == text
    assert indicator.line == ind_cell.line

    units = indicator.units
    if unit_cell.text:
        assert units.origin is Origin.stated
        assert units.text == unit_cell.text
    else:
        assert units.origin is not Origin.stated

    measures = indicator.measures
    if measure_cell.text:
        assert measures.origin is Origin.stated
        rebuilt = "\n".join(f"（{m.number}）{m.original or m.text}" for m in measures.items)
        assert rebuilt == measure_cell.text
    else:
        assert measures.origin is not Origin.stated

    for cell, source in ((indicator.deadline, deadline_cell), (indicator.outcome, outcome_cell)):
        if source.text:
            assert cell.origin is Origin.stated
            assert (cell.original or cell.text) == source.text
        else:
            assert cell.origin is not Origin.stated


def test_carried_cells_repeat_the_row_they_name(loaded: Loaded) -> None:
    indicators = by_number(loaded)
    task_of = {i.number: t.number for _, t, i in loaded.checklist.indicators()}
    carried = 0
    for number, indicator in indicators.items():
        for name in ("units", "deadline", "outcome"):
            cell = getattr(indicator, name)
            if cell.origin is Origin.carried:
                carried += 1
                assert cell.from_ is not None and cell.from_ < number
                assert task_of[cell.from_] == task_of[number], "carried across a task boundary"
                origin = getattr(indicators[cell.from_], name)
                assert origin.origin is Origin.stated
                assert cell.text == origin.text
        if indicator.measures.origin is Origin.carried:
            origin_measures = indicators[indicator.measures.from_ or 0].measures.items
            assert indicator.measures.refs == [m.number for m in origin_measures]
    assert carried > 100


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        # 28: units, deadline and outcome merged with 27's; its own measure （37）
        (
            28,
            {
                "units": ("carried", 27),
                "measures": ("stated", None),
                "deadline": ("carried", 27),
                "outcome": ("carried", 27),
            },
        ),
        # 46: only its deadline is its own (6月底前)
        (
            46,
            {
                "units": ("carried", 44),
                "measures": ("carried", 44),
                "deadline": ("stated", None),
                "outcome": ("carried", 44),
            },
        ),
        # 67: own measure and outcome, deadline merged with 66's
        (
            67,
            {
                "units": ("carried", 64),
                "measures": ("stated", None),
                "deadline": ("carried", 66),
                "outcome": ("stated", None),
            },
        ),
        # 75: all its own; the outcome had a Word bookmark artifact
        (
            75,
            {
                "units": ("carried", 73),
                "measures": ("stated", None),
                "deadline": ("stated", None),
                "outcome": ("stated", None),
            },
        ),
        # 48 and 57: no unit in the table; inferred from the measure's text
        (48, {"units": ("inferred", None)}),
        (57, {"units": ("inferred", None)}),
        # 72: no unit and no deadline anywhere in its task
        (72, {"units": ("missing", None), "deadline": ("missing", None)}),
    ],
)
def test_irregular_rows(
    loaded: Loaded, number: int, expected: dict[str, tuple[str, int | None]]
) -> None:
    indicator = by_number(loaded)[number]
    for name, (origin, source) in expected.items():
        cell = getattr(indicator, name)
        assert (cell.origin.value, cell.from_) == (origin, source), name


def test_corrections_keep_the_original(loaded: Loaded) -> None:
    outcome = by_number(loaded)[75].outcome
    assert outcome.text == "会议纪要或汇报材料"
    assert outcome.original == "[bookmark: _GoBack]会议纪要或汇报材料"
    assert outcome.note
    measures = loaded.checklist.measure_by_number()
    assert measures[63].original == "在12345政务服热线提供政策咨询服务"
    assert "政务服务热线" in measures[63].text


def test_inferred_units_say_why(loaded: Loaded) -> None:
    units = by_number(loaded)[48].units
    assert units.reason and "（55）" in units.reason
    assert [(r.role.value, [u.unit for u in r.units]) for r in units.roles] == [
        ("牵头", ["市政府办公室"])
    ]


def test_first_and_last_rows(loaded: Loaded) -> None:
    first = by_number(loaded)[1]
    assert first.text.startswith("落实行政规范性文件统一登记")
    assert [(r.role.value, [u.unit for u in r.units]) for r in first.units.roles] == [
        ("牵头", ["市政府办公室", "市司法局"]),
        ("配合", ["市政府各部门"]),
        ("共同", ["县（市）区政府"]),
    ]
    last = by_number(loaded)[85]
    assert last.deadline.text == "按照年报发布时间"
    assert last.outcome.text == "政府信息公开年度报告"
    assert [m.number for m in last.measures.items] == [92]


def test_every_unit_named_is_in_the_registry(loaded: Loaded) -> None:
    for _, _, indicator in loaded.checklist.indicators():
        for line in indicator.units.roles:
            for ref in line.units:
                assert loaded.registry.canonical(ref.unit) == ref.unit, ref
                if ref.written:
                    assert loaded.registry.canonical(ref.written) == ref.unit


def test_goal_title_variant_is_kept(loaded: Loaded) -> None:
    goal = loaded.checklist.goals[0]
    assert goal.title == "提升政策和决策公开质量"
    assert [v.text for v in goal.variants] == ["提升政策（决策）公开质量"]
