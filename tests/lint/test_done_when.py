"""The issue's "Done when": a copy of 2022.yaml with six defects, each at its line; exit 1."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from zhengwu_cli.cli import cli

from .conftest import line_of


def edit(text: str) -> str:
    replacements = [
        # misspelled unit (in a stated units cell)
        ("units: [市发改委, 市政数局", "units: [市发该委, 市政数局"),
        # an unreadable deadline
        ("text: 6月底前", "text: 13月底前"),
        # ASCII semicolon in a measure
        (
            "在政府网站的政府信息公开专栏中集中公开并动态更新现行有效行政规范性文件",
            "在政府网站的政府信息公开专栏中集中公开;并动态更新现行有效行政规范性文件",
        ),
        # unbalanced quote
        (
            "text: 疫情防控政策和助力复工复产政策集中在“疫情发布”重要政策栏目下公开",
            "text: 疫情防控政策和助力复工复产政策集中在“疫情发布重要政策栏目下公开",
        ),
        # duplicated indicator number (4 becomes 3)
        ("    - number: 4\n", "    - number: 3\n"),
        # a Word bookmark artifact
        (
            "text: 在政府信息公开专栏和惠企惠民政策手册、疫情防控专栏中呈现",
            "text: '[bookmark: _GoBack]在政府信息公开专栏和惠企惠民政策手册、疫情防控专栏中呈现'",
        ),
    ]
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def test_each_defect_at_its_line_with_its_code(copy_2022: Callable[..., Path]) -> None:
    path = copy_2022(edit)
    result = CliRunner().invoke(
        cli, ["lint", str(path), "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 1, result.output
    found = {(p["code"], p["line"]) for p in json.loads(result.output)}
    expected = {
        ("ZW301", line_of(path, "市发该委")),
        ("ZW401", line_of(path, "13月底前")),
        ("ZW504", line_of(path, "集中公开;并动态")),
        ("ZW505", line_of(path, "集中在“疫情发布重要")),
        ("ZW102", line_of(path, "    - number: 3", 2)),
        ("ZW501", line_of(path, "[bookmark: _GoBack]在政府")),
    }
    assert expected <= found, expected - found
    assert len({line for _, line in expected}) == 6


def test_misspelled_unit_suggests_the_right_one(copy_2022: Callable[..., Path]) -> None:
    path = copy_2022(edit)
    result = CliRunner().invoke(cli, ["lint", str(path), "-f", "json", "--select", "ZW301"])
    problems = json.loads(result.output)
    assert [p["code"] for p in problems] == ["ZW301"]
    assert "市发改委" in problems[0]["hint"]


def test_parsable_line_format(copy_2022: Callable[..., Path]) -> None:
    path = copy_2022(edit)
    result = CliRunner().invoke(cli, ["lint", str(path), "-f", "parsable", "--select", "ZW401"])
    line = line_of(path, "13月底前")
    assert result.output.startswith(f"{path}:{line}:")
    assert result.output.rstrip().endswith("(ZW401)")
    assert ": [error] " in result.output
