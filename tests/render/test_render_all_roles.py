"""`render --all` gives each unit its own roles (a regression: rows were shared between units)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from docx import Document

from zhengwu_cli.cli import cli


def role_cells(path: Path) -> list[str]:
    tables = Document(str(path)).tables  # one per 主要任务, under two header rows
    return [row.cells[2].text for table in tables for row in table.rows[2:]]


def test_each_sheet_of_all_matches_its_own_render(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["render", "--all", "-o", str(tmp_path / "all")])
    assert result.exit_code == 0, result.output
    for unit, first_role in (("市司法局", "牵头"), ("梨树县", "共同落实（县（市）区政府）")):
        single = tmp_path / unit
        result = runner.invoke(cli, ["render", "--unit", unit, "-o", str(single)])
        assert result.exit_code == 0, result.output
        from_all = role_cells(tmp_path / "all" / f"{unit}.docx")
        assert from_all == role_cells(single / f"{unit}.docx")
        assert from_all[0].startswith(first_role)
