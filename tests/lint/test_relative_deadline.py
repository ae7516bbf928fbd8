"""ZW401 on relative deadlines, and a checklist's own deadline phrasings."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from zhengwu_cli.cli import cli


def lint(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli, ["lint", "--format", "parsable", "--select", "ZW401", str(path)]
    )
    return result.exit_code, result.output


def test_a_fixed_date_is_not_a_relative_deadline(checklist_copy: Path) -> None:
    text = checklist_copy.read_text(encoding="utf-8")
    old = "relative_deadline: 决策文件出台后的10个工作日内"
    line = text[: text.index(old)].count("\n") + 1
    checklist_copy.write_text(text.replace(old, "relative_deadline: 6月底前"), encoding="utf-8")
    code, output = lint(checklist_copy)
    assert code == 1
    assert (
        f"{checklist_copy}:{line}:26: [error] “6月底前” is not relative to an event (ZW401)"
        in output
    )


def test_meta_deadline_phrases_are_accepted(checklist_copy: Path) -> None:
    text = checklist_copy.read_text(encoding="utf-8")
    text = text.replace("text: 6月底前", "text: 二季度末", 1)
    checklist_copy.write_text(text, encoding="utf-8")
    code, output = lint(checklist_copy)
    assert code == 1 and "“二季度末” is not a deadline" in output
    text = text.replace(
        "  registry: siping-units.yaml\n",
        "  registry: siping-units.yaml\n"
        "  deadline_phrases:\n  - {phrase: 二季度末, rule: month-end, month: 6}\n",
    )
    checklist_copy.write_text(text, encoding="utf-8")
    assert lint(checklist_copy) == (0, "")
