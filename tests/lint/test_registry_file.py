"""A finding in the unit registry a checklist names is shown under the registry's own file, with
the registry's line and column; `zhengwu list` then says the registry failed, not the checklist;
a missing registry gets the full path it is expected at and what to do. In Chinese (the
default) and in English."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner, Result

from zhengwu_cli.cli.app import cli

from .conftest import CHECKLIST, REGISTRY


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def bad_kind(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the 2022 checklist whose registry has a misspelt `kind:` in its first unit
    (line 10, column 11 of siping-units.yaml)."""
    checklist = tmp_path / "2022.yaml"
    shutil.copy(CHECKLIST, checklist)
    registry = tmp_path / REGISTRY.name
    text = REGISTRY.read_text(encoding="utf-8")
    assert text.splitlines()[9] == "    kind: department"
    registry.write_text(text.replace("    kind: department\n", "    kind: departmnt\n", 1), "utf-8")
    return checklist, registry


def test_a_registry_finding_stands_under_the_registry(chinese: None, tmp_path: Path) -> None:
    checklist, registry = bad_kind(tmp_path)
    result = run("lint", "-f", "standard", str(checklist))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == str(registry)  # not the checklist's name
    assert str(checklist) not in result.output
    assert lines[1].startswith("  10:11    错误    ZW002  units[0].kind：此处应为'department'")
    assert lines[2] == " " * 26 + "→ 单位名录可用的字段见 `zhengwu schema --registry`"
    assert lines[-1] == "1个文件中有1个问题：错误1个，警告0个，提示0个"


def test_a_registry_finding_in_english(tmp_path: Path) -> None:
    checklist, registry = bad_kind(tmp_path)
    result = run("lint", "-f", "standard", str(checklist))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == str(registry)
    assert lines[1].startswith("  10:11    error   ZW002  units[0].kind: Input should be")
    assert lines[2].endswith(
        "→ see `zhengwu schema --registry` for the fields a unit registry takes"
    )
    parsable = run("lint", "-f", "parsable", str(checklist)).output
    assert parsable.startswith(f"{registry}:10:11: [error] units[0].kind: ")


def test_findings_in_two_files_get_two_headings(tmp_path: Path) -> None:
    """A checklist's own finding and its registry's: each under its own file."""
    from zhengwu_cli.lint.format import standard
    from zhengwu_cli.lint.results import Result as LintResult
    from zhengwu_cli.problems import Problem, Severity

    def problem(path: str, line: int) -> Problem:
        return Problem(path, line, 1, "ZW002", "schema", Severity.error, "wrong", None)

    result = LintResult("c.yaml", [problem("c.yaml", 3), problem("units.yaml", 4)])
    lines = standard([result]).splitlines()
    assert lines[0] == "c.yaml" and lines[1].startswith("  3:1 ")
    assert lines[2:4] == ["", "units.yaml"] and lines[4].startswith("  4:1 ")


def test_list_says_the_registry_failed(chinese: None, tmp_path: Path) -> None:
    checklist, registry = bad_kind(tmp_path)
    result = run("list", "--checklist", str(checklist))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{registry}:10:11: [错误] units[0].kind：")
    assert lines[-1] == (
        f"错误：单位名录 {registry}（任务清单的 meta.registry）无法读取；"
        "请修改上面列出的行（`zhengwu lint` 会列出全部问题）。"
    )
    assert "任务清单无法读取" not in result.stderr


def test_list_says_the_registry_failed_in_english(tmp_path: Path) -> None:
    checklist, registry = bad_kind(tmp_path)
    result = run("list", "--checklist", str(checklist))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: the unit registry {registry} (meta.registry of the checklist) could not be "
        "loaded; fix the lines above (`zhengwu lint` shows every problem)."
    )


def test_a_broken_checklist_is_still_the_checklist(chinese: None, tmp_path: Path) -> None:
    checklist = tmp_path / "2022.yaml"
    checklist.write_text(
        CHECKLIST.read_text(encoding="utf-8").replace("  year: 2022", "  year: 二〇二二", 1),
        encoding="utf-8",
    )
    shutil.copy(REGISTRY, tmp_path / REGISTRY.name)
    result = run("list", "--checklist", str(checklist))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith("错误：任务清单无法读取；")


def test_a_missing_registry_names_its_full_path(chinese: None, tmp_path: Path) -> None:
    checklist = tmp_path / "2022.yaml"
    shutil.copy(CHECKLIST, checklist)
    expected = (tmp_path / REGISTRY.name).resolve()
    lint = run("lint", "-f", "standard", str(checklist))
    assert lint.exit_code == 2
    lines = lint.output.splitlines()
    assert lines[0] == str(checklist)  # the finding is at the checklist's meta.registry
    assert lines[1].startswith("  15:13    错误    ZW000  单位名录“siping-units.yaml”不在任务清单")
    assert lines[2] == (
        " " * 26 + f"→ 应在 {expected}：请建立这个文件，或把 meta.registry 改为单位名录的文件名"
    )
    listed = run("list", "--checklist", str(checklist))
    assert listed.exit_code == 2
    assert listed.stderr.splitlines()[-1].startswith(
        f"错误：单位名录 {tmp_path / REGISTRY.name}（任务清单的 meta.registry）无法读取；"
    )


def test_a_missing_registry_in_english(tmp_path: Path) -> None:
    checklist = tmp_path / "2022.yaml"
    shutil.copy(CHECKLIST, checklist)
    expected = (tmp_path / REGISTRY.name).resolve()
    result = run("lint", "-f", "parsable", str(checklist))
    assert result.exit_code == 2
    assert result.output == (
        f"{checklist}:15:13: [error] the unit registry “siping-units.yaml” is not beside the "
        "checklist (ZW000)\n"
    )
    hint = run("lint", "-f", "json", str(checklist)).output
    assert (
        f"expected at {expected}: create that file, or set meta.registry to the file name of "
        "the unit registry"
    ) in hint
