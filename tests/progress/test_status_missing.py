"""The chase list (催报): per unit the rows it has not reported, on the terminal and as .xlsx."""

from __future__ import annotations

from pathlib import Path

import yaml
from openpyxl import load_workbook

from .helpers import SAMPLE, run


def test_the_chase_list_on_the_terminal(tmp_path: Path, chinese: None) -> None:
    ledger = tmp_path / "2022.yaml"
    ledger.write_text(
        yaml.safe_dump(
            {
                "schema_version": 1,
                "year": 2022,
                "entries": [
                    {"indicator": 6, "unit": "市司法局", "status": "已完成", "date": "2022-06-01"}
                ],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    result = run("status", "--ledger", ledger, "--as-of", "2022-07-01", "--missing")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    office = lines.index(next(line for line in lines if line.startswith("市政府办公室（未报送")))
    block = lines[office + 1 : office + 60]
    assert any(line.split()[:2] == ["6", "贯穿全年（2022-12-31）"] for line in block)
    justice = next(i for i, line in enumerate(lines) if line.startswith("市司法局（未报送"))
    after = lines[justice + 1 :]
    rows = [
        line.split()[0]
        for line in after[
            : next((i for i, line in enumerate(after) if not line.startswith(" ")), len(after))
        ]
    ]
    assert "6" not in rows and "1" in rows
    # a unit and an indicator make one 项次: 742 owed by 23 units, not 742 of 85 indicators
    assert lines[0].endswith("个单位，741项次细化指标未报送完成情况"), lines[0]
    # each row on one line with its number, whatever the text's length
    assert all(line.split()[0].isdigit() for line in block if line.startswith("  "))


def test_the_chase_list_as_xlsx(tmp_path: Path, chinese: None) -> None:
    target = tmp_path / "催报.xlsx"
    result = run("status", "--ledger", SAMPLE, "--as-of", "2022-07-01", "--missing", "-o", target)
    assert result.exit_code == 0, result.output
    assert f"已写入 {target}" in result.stdout
    sheet = load_workbook(target).active
    assert sheet is not None
    assert str(sheet["A1"].value).startswith("未报送完成情况清单（截至2022-07-01）")
    headings = [c.value for c in sheet[2]]
    assert headings == ["单位", "序号", "细化指标", "角色", "完成时限", "到期日", "已逾期"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    office = [r for r in rows if r[0] == "市政府办公室"]
    assert office[[r[1] for r in office].index("73")][:2] == ["市政府办公室", "73"]
    late = next(r for r in office if r[1] == "73")
    assert (late[4], late[5], late[6]) == ("3月底前", "2022-03-31", "是")
    assert late[3] == "牵头"
    assert not [r for r in rows if r[0] == "市司法局" and r[1] == "2"]  # reported
    assert sheet.column_dimensions["C"].width > 3 * sheet.column_dimensions["B"].width
    again = run("status", "--ledger", SAMPLE, "--missing", "-o", target)
    assert again.exit_code == 2 and "已存在" in again.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["催报.xlsx"]  # no temporary file left
    wrong = run("status", "--ledger", SAMPLE, "--missing", "-o", tmp_path / "x.csv")
    assert wrong.exit_code == 2 and ".xlsx" in wrong.stderr
