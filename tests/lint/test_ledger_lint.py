"""`zhengwu lint` on a progress ledger: the ZW6xx findings against the checklist of its year."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from zhengwu_cli.cli import cli

SAMPLE = Path(__file__).resolve().parents[1] / "progress" / "data" / "2022.yaml"


def lint(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["lint", "--format", "parsable", *args])
    return result.exit_code, result.output


def test_the_sample_ledger_is_clean() -> None:
    assert lint(str(SAMPLE)) == (0, "")


def test_an_unknown_indicator_is_located(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    line = text[: text.index("- indicator: 4\n")].count("\n") + 1
    path = tmp_path / "2022.yaml"
    path.write_text(text.replace("- indicator: 4\n", "- indicator: 400\n", 1), encoding="utf-8")
    code, output = lint(str(path))
    assert code == 1
    assert f"{path}:{line}:14: [error] indicator 400 is not in the checklist" in output
    assert output.rstrip().endswith("(ZW601)")


def test_ledger_rules_are_listed_and_can_be_ignored(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["rules", "ZW606"])
    assert result.exit_code == 0 and "done-without-evidence" in result.output
    text = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "2022.yaml"
    path.write_text(text + "- indicator: 3\n  status: 已完成\n  date: 2022-06-01\n", "utf-8")
    code, output = lint("--strict", str(path))
    assert code == 1 and "(ZW606)" in output
    assert lint("--strict", "--ignore", "ZW606", str(path)) == (0, "")
