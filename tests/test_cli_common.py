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
