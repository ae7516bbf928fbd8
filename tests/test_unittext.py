"""Reading 责任单位 cells: labelled lines (四平) and inline clauses (荆州, 宣城)."""

from __future__ import annotations

import pytest

from zhengwu_cli.load import Loaded
from zhengwu_cli.unittext import UnitTextError, parse_unit_text, read_unit_text


def simple(loaded: Loaded, text: str) -> list[tuple[str, list[str], str | None]]:
    reading = read_unit_text(text, loaded.registry)
    return [(line.role.value, [u.unit for u in line.units], line.etc) for line in reading.lines]


def test_labelled_lines_with_a_duty(loaded: Loaded) -> None:
    text = "牵头部门：市政府办公室、市司法局\n配合部门：市政数局提供网站平台保障\n\n县（市）区政府"
    lines = parse_unit_text(text, loaded.registry)
    assert [(r.role.value, [u.unit for u in r.units]) for r in lines] == [
        ("牵头", ["市政府办公室", "市司法局"]),
        ("配合", ["市政数局"]),
        ("共同", ["县（市）区政府"]),
    ]
    assert lines[1].units[0].duty == "提供网站平台保障"


def test_alias_is_read_to_the_canonical_name_and_kept_as_written(loaded: Loaded) -> None:
    [line] = parse_unit_text("牵头部门：市政数局、市政府办", loaded.registry)
    assert [(u.unit, u.written) for u in line.units] == [
        ("市政数局", None),
        ("市政府办公室", "市政府办"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "市发改委牵头，市住建局等有关单位配合",
            [("牵头", ["市发改委"], None), ("配合", ["市住建局"], "等有关单位")],
        ),
        ("市司法局负责落实", [("落实", ["市司法局"], None)]),
        (
            "市政府各部门,各县(市、区)政府",
            [("共同", ["市政府各部门"], None), ("共同", ["县（市）区政府"], None)],
        ),
        ("市政府各部门同步落实", [("落实", ["市政府各部门"], None)]),
        ("各县(市)区政府", [("负责", ["县（市）区政府"], None)]),  # one unit, no role word
        ("市司法局负责", [("负责", ["市司法局"], None)]),
        ("负责部门：市司法局", [("负责", ["市司法局"], None)]),
        (
            "市政府各部门,各县(市)区政府负责落实",  # the role word covers the bare clause before it
            [("落实", ["市政府各部门", "县（市）区政府"], None)],
        ),
        (
            "市发改委牵头,市住建局等政府各有关",
            [("牵头", ["市发改委"], None), ("共同", ["市住建局"], "等政府各有关")],
        ),
        ("市网监办、市公安局等相关部门", [("共同", ["市网监办", "市公安局"], "等相关部门")]),
    ],
)
def test_inline_clauses(
    loaded: Loaded, text: str, expected: list[tuple[str, list[str], str | None]]
) -> None:
    assert simple(loaded, text) == expected


def test_a_lone_known_name_beside_an_unknown_one_is_not_responsible_alone(
    loaded: Loaded,
) -> None:
    reading = read_unit_text("市司法局、市科技局", loaded.registry)
    assert reading.unplaced == ["市科技局"]
    assert [line.role.value for line in reading.lines] == ["共同"]


def test_unknown_names_are_returned_not_guessed(loaded: Loaded) -> None:
    reading = read_unit_text("市发改委、市科技局等市有关单位,各县(市、区)政府", loaded.registry)
    assert reading.unplaced == ["市科技局"]
    assert [u.unit for u in reading.lines[0].units] == ["市发改委"]
    with pytest.raises(UnitTextError, match="市科技局"):
        parse_unit_text("市科技局牵头", loaded.registry)
