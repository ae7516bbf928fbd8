"""`list --overdue` leaves out what the 台账 marks 已完成."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhengwu_cli.cli import cli

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "progress" / "data" / "2022.yaml"


def overdue(*args: str) -> list[int]:
    result = CliRunner().invoke(
        cli, ["list", "--overdue", "--as-of", "2022-07-01", "--format", "json", *args]
    )
    assert result.exit_code == 0, result.output
    return [r["indicator"] for r in json.loads(result.stdout)]


def test_without_a_ledger_every_passed_deadline_is_overdue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert overdue() == [46, 73, 80, 82]


def test_done_in_the_ledger_is_not_overdue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "checklists", tmp_path / "checklists")
    (tmp_path / "progress").mkdir()
    shutil.copy(SAMPLE, tmp_path / "progress" / "2022.yaml")
    monkeypatch.chdir(tmp_path)
    assert "indicator: 46\n  status: 已完成" in SAMPLE.read_text(encoding="utf-8")
    assert overdue() == [73, 80, 82]
    assert overdue("--ledger", str(SAMPLE)) == [73, 80, 82]


def test_a_named_ledger_must_exist(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["list", "--overdue", "--ledger", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2 and "no ledger" in result.output
