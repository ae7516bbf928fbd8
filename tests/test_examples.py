"""Tables of other shapes (宣城: 任务/责任单位/时限 only; 荆州: no 工作措施 or 可检视成果) are data,
not code: every command works on them unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from zhengwu_cli.cli import cli
from zhengwu_cli.load import load

EXAMPLES = Path(__file__).resolve().parents[1] / "checklists" / "examples"
XUANCHENG = EXAMPLES / "xuancheng-2022.yaml"
JINGZHOU = EXAMPLES / "jingzhou-2022.yaml"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_xuancheng_reads_units_from_inline_text() -> None:
    loaded = load(XUANCHENG)
    assert [g.number for g in loaded.checklist.goals] == [None]
    row3 = loaded.checklist.indicator(3)
    assert row3 is not None
    names = [u.unit for line in row3[2].units.roles for u in line.units]
    assert names[:3] == ["市发改委", "市科技局", "市经信局"]
    assert names[-1] == "县（市、区）政府"
    assert loaded.unplaced == {}


@pytest.mark.parametrize("path", [XUANCHENG, JINGZHOU])
def test_lint_reports_the_shape_and_passes(path: Path) -> None:
    code, output = run("lint", "--format", "json", str(path))
    assert code == 0, output
    found = {p["code"] for p in json.loads(output)}
    assert "ZW209" in found  # the table lacks columns: said once
    assert "ZW203" not in found and "ZW204" not in found  # not reported row by row


def test_an_unknown_inline_unit_is_reported(tmp_path: Path) -> None:
    for name in ("xuancheng-2022.yaml", "xuancheng-units.yaml"):
        (tmp_path / name).write_text((EXAMPLES / name).read_text(encoding="utf-8"), "utf-8")
    path = tmp_path / "xuancheng-2022.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "市发改委、市住建局,市政府各部门", "市发改委、市数据局,市政府各部门"
    )
    path.write_text(text, encoding="utf-8")
    code, output = run("lint", "--format", "parsable", str(path))
    assert code == 1
    [line] = [ln for ln in output.splitlines() if "(ZW305)" in ln]
    assert "“市数据局”" in line and line.startswith(f"{path}:")


def test_list_by_county_through_the_group() -> None:
    code, output = run("list", "-c", str(XUANCHENG), "--unit", "宁国市", "--format", "json")
    assert code == 0
    records = json.loads(output)
    assert [r["indicator"] for r in records] == [1, 2, 3, 5]
    assert "goal" not in records[0] and records[0]["roles"][0]["via"] == "县（市、区）政府"


def test_jingzhou_lead_unit() -> None:
    code, output = run("list", "-c", str(JINGZHOU), "--unit", "市发改委", "--format", "json")
    assert code == 0
    [record] = json.loads(output)
    assert record["indicator"] == 3 and record["roles"][0]["role"] == "牵头"


def headings(path: Path) -> list[str]:
    [table] = Document(str(path)).tables
    return [cell.text for cell in table.rows[0].cells]


def test_sheets_leave_out_the_absent_columns(tmp_path: Path) -> None:
    code, output = run("render", "-c", str(XUANCHENG), "--unit", "市科技局", "-o", str(tmp_path))
    assert code == 0, output
    [sheet] = tmp_path.glob("*.docx")
    assert headings(sheet) == ["序号", "任务", "责任角色", "时限", "完成情况"]
    [table] = Document(str(sheet)).tables
    assert len(table.rows) == 1 + 4  # 市科技局: rows 1 and 2 through 市政府各部门, 3 and 4 by name
    code, output = run("render", "-c", str(JINGZHOU), "--full", "-o", str(tmp_path / "full"))
    assert code == 0, output
    [full] = (tmp_path / "full").glob("*.docx")
    assert headings(full) == ["工作任务", "工作任务", "具体要求", "责任单位", "时限要求"]
    assert "荆州市" in full.name


def test_report_leaves_out_the_levels_the_table_lacks(tmp_path: Path) -> None:
    ledger = tmp_path / "2022.yaml"
    ledger.write_text(
        "schema_version: 1\nplace: 宣城市\nyear: 2022\nentries:\n"
        "- indicator: 4\n  status: 已完成\n  date: 2022-11-30\n  evidence: 建立办理和反馈机制\n",
        encoding="utf-8",
    )
    code, output = run(
        "report",
        "-c",
        str(XUANCHENG),
        "--ledger",
        str(ledger),
        "--format",
        "text",
        "--as-of",
        "2022-12-31",
    )
    assert code == 0, output
    assert "共涉及6项任务。" in output  # no 目标, 主要任务 or 工作措施; its rows called 任务
    assert "宣城市落实2022年政务公开工作要点情况" in output
    assert "建立办理和反馈机制" in output
    assert "None" not in output
