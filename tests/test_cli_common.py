"""Options every command shares: --checklist and --year."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhengwu_cli.cli import cli

from .conftest import CHECKLIST


def test_year_selects_the_checklist() -> None:
    result = CliRunner().invoke(
        cli, ["list", "--year", "2022", "--unit", "市审计局", "--direct", "--format", "json"]
    )
    assert result.exit_code == 0
    assert [r["indicator"] for r in json.loads(result.output)] == [25, 26]


def test_a_year_without_a_checklist_says_which_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["list", "--year", "2023"])
    assert result.exit_code == 2
    # no checklists/ folder here: the bundled ones are the choice, and they lack 2023
    assert "no checklists/ folder" in result.output and "2022.yaml" in result.output
    assert "Traceback" not in result.output


def test_local_checklists_folder_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "checklists"
    folder.mkdir()
    for name in ("siping-units.yaml",):
        (folder / name).write_text((CHECKLIST.parent / name).read_text("utf-8"), "utf-8")
    text = CHECKLIST.read_text("utf-8").replace("  year: 2022", "  year: 2023", 1)
    (folder / "2023.yaml").write_text(text, "utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["show", "85", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["deadline"]["date"] == "2024-01-31"


def test_a_problem_reads_as_lint_says_it_in_chinese(chinese: None) -> None:
    from zhengwu_cli.cli.common import problem_line
    from zhengwu_cli.problems import Problem, Severity

    problem = Problem("returned/市司法局.docx", 15, 7, "ZW612", "status", Severity.warning, "序号7")
    assert problem_line(problem) == "returned/市司法局.docx:15:7: [警告] 序号7（ZW612）"
    error = Problem("a.yaml", 1, 1, "ZW000", "unreadable", Severity.error, "找不到这个文件")
    assert problem_line(error) == "a.yaml:1:1: [错误] 找不到这个文件（ZW000）"


def test_a_problem_in_english_is_the_parsable_line() -> None:
    from zhengwu_cli.cli.common import problem_line
    from zhengwu_cli.problems import Problem, Severity

    problem = Problem("a.yaml", 3, 2, "ZW101", "x", Severity.info, "said")
    assert problem_line(problem) == problem.parsable() == "a.yaml:3:2: [info] said (ZW101)"


def test_a_missing_checklist_says_to_check_the_name_not_to_fix_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chinese: None
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["list", "--checklist", "nope.yaml"])
    assert result.exit_code == 2
    assert "nope.yaml:1:1: [错误] 找不到这个文件（ZW000）" in result.output
    assert "请按上面的提示检查文件名和所在文件夹" in result.output
    assert "修改上面列出的行" not in result.output


def test_a_broken_checklist_still_says_to_fix_the_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chinese: None
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "broken.yaml").write_text("meta:\n  place: [\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", "--checklist", "broken.yaml"])
    assert result.exit_code == 2
    assert "[错误]" in result.output and "请修改上面列出的行" in result.output


def test_year_options_speak_chinese(chinese: None) -> None:
    result = CliRunner().invoke(cli, ["list", "--year", "abc"], prog_name="zhengwu")
    assert result.exit_code == 2
    assert "错误：“--year”/“-y”的取值无效：“abc”不是有效的整数。" in result.output
    shown = CliRunner().invoke(cli, ["list", "--help"], prog_name="zhengwu").output
    assert "-y, --year 年份" in shown and "-c, --checklist 文件" in shown
    assert "如“贯穿全年”或“按照年报发布时间”" in "".join(shown.split())
