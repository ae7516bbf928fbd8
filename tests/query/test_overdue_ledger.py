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


def test_a_relative_deadline_falls_due_after_its_event(tmp_path: Path) -> None:
    ledger = tmp_path / "2022.yaml"
    ledger.write_text(
        "schema_version: 1\nyear: 2022\nentries:\n"
        "- indicator: 9\n  unit: 市司法局\n  status: 推进中\n  event_date: 2022-09-28\n",
        encoding="utf-8",
    )

    def overdue_on(day: str) -> list[int]:
        result = CliRunner().invoke(
            cli,
            [
                "list",
                "--overdue",
                "--as-of",
                day,
                "--unit",
                "市司法局",
                "--ledger",
                str(ledger),
                "--format",
                "json",
            ],
        )
        assert result.exit_code == 0, result.output
        return [r["indicator"] for r in json.loads(result.stdout)]

    # 10 working days after 2022-09-28 (国庆 holidays, 调休 weekend) is 2022-10-17
    assert 9 not in overdue_on("2022-10-17")
    assert 9 in overdue_on("2022-10-18")
