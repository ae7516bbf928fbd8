"""A unit name as a person types it: half-width brackets (an English keyboard), full-width
letters and digits, spaces; it resolves to the registry's name, and two different units never
become one."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner, Result

from zhengwu_cli.cli import cli
from zhengwu_cli.units import Registry, Unit, UnitKind, typed_form

from .conftest import CHECKLIST


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--checklist", str(CHECKLIST)])


def numbers(*args: str) -> list[int]:
    result = run("list", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return [r["indicator"] for r in json.loads(result.stdout)]


@pytest.mark.parametrize(
    "typed",
    ["县(市)区政府", "县（市)区政府", "县 (市) 区政府", "县（市）区政府 ", "县\u3000（市）区政府"],
)
def test_list_finds_the_group_as_typed(typed: str) -> None:
    assert numbers("--unit", typed) == numbers("--unit", "县（市）区政府")


def test_a_typed_name_in_chinese(chinese: None) -> None:
    result = run("list", "--unit", "县(市)区政府", "--format", "plain")
    assert result.exit_code == 0, result.output
    assert "角色：" in result.output and "未知" not in result.output


def test_full_width_letters_and_half_width_brackets() -> None:
    assert typed_form("市政府办公室(网站保障)") == typed_form("市政府办公室（网站保障）")
    assert typed_form("ＡＢＣ局１") == typed_form("ABC局1")
    assert typed_form("市 司法局") == "市司法局"


def test_different_names_stay_different() -> None:
    """Only brackets, full-width ASCII and spaces are folded: other characters, and the
    bracket kinds NFKC would not join, stay as they are."""
    assert typed_form("市司法局") != typed_form("市司法厅")
    assert typed_form("【市】") != typed_form("（市）")
    assert typed_form("〔市〕") != typed_form("（市）")


def test_two_units_that_fold_alike_are_not_guessed() -> None:
    registry = Registry(
        place="某市",
        units=[
            Unit(name="甲（一）", kind=UnitKind.department),
            Unit(name="甲(一)", kind=UnitKind.department),
        ],
    )
    assert registry.resolve("甲(一)") == "甲(一)"  # the exact name wins
    assert registry.resolve("甲 (一)") is None  # either could be meant


def test_an_unknown_unit_is_still_unknown() -> None:
    result = run("list", "--unit", "县(市)区政府办")
    assert result.exit_code == 2
    assert "unknown unit" in result.output
