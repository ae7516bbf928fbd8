from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import yaml
from openpyxl import load_workbook
from rich.cells import cell_len

from .helpers import records, run


def test_csv_round_trip() -> None:
    result = run("list", "--unit", "市司法局", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    recs = records("--unit", "市司法局")
    assert [int(r["indicator"]) for r in rows] == [r["indicator"] for r in recs]
    assert [r["text"] for r in rows] == [r["text"] for r in recs]
    # the row names 市司法局 as 牵头: it does not also 配合 itself through 市政府各部门
    assert rows[0]["roles"] == "牵头"
    assert rows[0]["deadline"] == "贯穿全年"
    assert rows[0]["measures"].startswith("（1）在政府网站")
    assert list(rows[0])[:4] == ["indicator", "goal", "task", "text"]


def test_csv_file_opens_in_excel(tmp_path: Path) -> None:
    target = tmp_path / "list.csv"
    result = run("list", "--goal", "一", "--format", "csv", "-o", str(target))
    assert result.exit_code == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel/WPS read the Chinese right
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [int(r["indicator"]) for r in rows] == [r["indicator"] for r in records("--goal", "一")]


def test_yaml_equals_json() -> None:
    result = run("list", "--task", "十一", "--format", "yaml")
    assert result.exit_code == 0
    assert yaml.safe_load(result.stdout) == records("--task", "十一")


def test_xlsx_round_trip(tmp_path: Path) -> None:
    target = tmp_path / "out" / "清单.xlsx"
    result = run("list", "--unit", "梨树县", "--format", "xlsx", "-o", str(target))
    assert result.exit_code == 0, result.output
    recs = records("--unit", "梨树县")
    book = load_workbook(target)
    sheet = book.active
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["序号", "目标", "主要任务", "细化指标"]
    assert "本单位角色" in header and "完成时限" in header
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == len(recs) + 1
    assert [sheet.cell(row=i + 2, column=1).value for i in range(len(recs))] == [
        r["indicator"] for r in recs
    ]
    assert sheet.cell(row=2, column=4).alignment.wrap_text
    assert sheet.column_dimensions["D"].width > sheet.column_dimensions["A"].width
    assert not [p for p in target.parent.iterdir() if p.name != "清单.xlsx"]  # no temp file left


def test_xlsx_needs_a_file_and_keeps_an_existing_one(tmp_path: Path) -> None:
    result = run("list", "--format", "xlsx")
    assert result.exit_code == 2
    assert "-o FILE.xlsx" in result.output
    target = tmp_path / "list.xlsx"
    target.write_bytes(b"mine")
    result = run("list", "--format", "xlsx", "-o", str(target))
    assert result.exit_code == 2
    assert "already exists; add --force" in result.output
    assert target.read_bytes() == b"mine"
    result = run("list", "--format", "xlsx", "-o", str(target), "--force")
    assert result.exit_code == 0
    assert load_workbook(target).active.max_row == 86


def test_table_fits_the_terminal_and_wraps_chinese() -> None:
    for width in (60, 100, 160):
        result = run("list", "--unit", "市政数局", "--format", "table", env={"COLUMNS": str(width)})
        assert result.exit_code == 0
        lines = result.output.splitlines()
        assert max(cell_len(line) for line in lines) <= width
        assert "…" not in result.output  # wrapped, never cut
        assert "细化指标" in result.output
    assert "\x1b[" not in result.output  # no colour codes when not on a terminal


def test_default_output_off_a_terminal_is_plain_text() -> None:
    result = run("list", "--unit", "市司法局", "--direct")
    assert result.exit_code == 0
    assert "  1  落实行政规范性文件统一登记" in result.output
    assert "10 项细化指标" in result.output
    assert "\x1b[" not in result.output


def test_list_imports_neither_docx_nor_jinja2_nor_rich_for_json() -> None:
    code = (
        "import sys\n"
        "from zhengwu_cli.cli import cli\n"
        "try:\n"
        "    cli(['list', '--unit', '市司法局', '--format', 'json'], prog_name='zhengwu')\n"
        "except SystemExit:\n"
        "    pass\n"
        "bad = [m for m in ('docx', 'jinja2', 'docxtpl', 'rich') if m in sys.modules]\n"
        "print(bad, file=sys.stderr)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["indicator"] == 1
