"""A sheet column is declared once (zhengwu_cli.columns): the sheets, `list` and lint follow it.

The test of #17's "done when": a column zhengwu does not have (资金, the indicator's `budget`)
is added as a newcomer adds one, a model field and one declaration and nothing else, and it is
on the sheets read back, in `list --format json/csv` and in what lint checks. An office's own
sheet.yaml written before (columns listed by position, or lacking a column) keeps working.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from docx import Document
from pydantic.fields import FieldInfo
from tests.render.test_sheet_golden import GOLDEN, read_back

from zhengwu_cli import columns
from zhengwu_cli.cli import cli
from zhengwu_cli.columns import COLUMNS, DEFAULT_HEADERS, Cell, Column, SheetColumn, on
from zhengwu_cli.model import Checklist, Goal, Indicator, Origin, Task, TextCell
from zhengwu_cli.resources import templates_dir

BUNDLED = templates_dir() / "sheet.yaml"
# the column lists of the bundled sheet.yaml before columns were named (by position)
OLD_UNIT = """unit_columns:
  - {heading: 序号, width: 640}
  - {heading: 主要任务, width: 1}
  - {heading: 细化指标, width: 2500}
  - {heading: 责任角色, width: 2500}
  - {heading: 工作措施, width: 3200}
  - {heading: 完成时限, width: 1100}
  - {heading: 可检视成果, width: 1400}
  - {heading: 完成情况, width: 1416}
"""
OLD_FULL = """full_columns:
  - {heading: 目标, width: 900}
  - {heading: 主要任务, width: 1500}
  - {heading: 细化指标, width: 2600}
  - {heading: 责任单位, width: 1900}
  - {heading: 工作措施, width: 3300}
  - {heading: 完成时限, width: 1100}
  - {heading: 可检视成果, width: 1456}
"""


def invoke(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    return result.exit_code, result.output


def block(text: str, key: str) -> str:
    """The `key:` block of a sheet.yaml (its line and the indented lines under it)."""
    found = re.search(rf"^{key}:\n(?:  .*\n)+", text, re.MULTILINE)
    assert found, key
    return found.group(0)


def render_audit(tmp_path: Path, texts: str | None = None, *extra: str) -> Path:
    """市审计局's sheet (the golden one), with these sheet.yaml texts beside a copy of the
    bundled sheet.docx."""
    args = ["render", "--unit", "市审计局", "--date", "2022-03-01", *extra]
    if texts is not None:
        (tmp_path / "my.docx").write_bytes((templates_dir() / "sheet.docx").read_bytes())
        (tmp_path / "my.yaml").write_text(texts, encoding="utf-8")
        args += ["--template", str(tmp_path / "my.docx")]
    target = tmp_path / "市审计局.docx"
    code, output = invoke([*args, "-o", str(target)])
    assert code == 0, output
    return target


def golden() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLDEN / "市审计局.json").read_text(encoding="utf-8"))
    return data


# -- the declaration ----------------------------------------------------------------------------


def test_each_table_column_is_declared_once_with_its_default_heading() -> None:
    names = [c.name for c in COLUMNS]
    assert len(names) == len(set(names))
    shown = [c.column for c in COLUMNS if c.column is not None]
    assert sorted(shown) == sorted(Column) and len(shown) == len(set(shown))
    assert {c.column: c.heading for c in COLUMNS if c.column is not None} == DEFAULT_HEADERS
    assert all(c.unit is not None or c.full is not None for c in COLUMNS)
    assert all(c.attribute in Indicator.model_fields for c in COLUMNS if c.attribute)


def test_the_bundled_sheet_yaml_heads_every_column_of_its_sheet() -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    for key, sheet in columns.SHEETS.items():
        listed = re.findall(r"^  (\w+): \{heading: (\S+), width: (\d+)\}$", block(text, key), re.M)
        declared = [(c.name, c.heading, str(c.width(sheet))) for c in on(sheet)]
        assert listed == declared  # the declared defaults are the bundled wording and widths


# -- an office's own sheet.yaml ----------------------------------------------------------------


def test_a_sheet_yaml_listing_its_columns_by_position_still_renders_the_same(
    tmp_path: Path,
) -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    old = text.replace(block(text, "unit_columns"), OLD_UNIT)
    old = old.replace(block(old, "full_columns"), OLD_FULL)
    assert "number:" not in old
    assert read_back(render_audit(tmp_path, old)) == golden()
    code, output = invoke(
        [
            "render",
            "--full",
            "--template",
            str(tmp_path / "my.docx"),
            "-o",
            str(tmp_path / "full.docx"),
        ]
    )
    assert code == 0, output
    headings = [c.text for c in Document(str(tmp_path / "full.docx")).tables[0].rows[0].cells]
    assert headings == [
        "目标",
        "主要任务",
        "细化指标",
        "责任单位",
        "工作措施",
        "完成时限",
        "可检视成果",
    ]


def test_a_sheet_yaml_lacking_a_column_gets_its_declared_heading_and_width(
    tmp_path: Path,
) -> None:
    """As a file written before zhengwu added 可检视成果 and 完成情况 would; one that gives
    a heading only keeps the declared width."""
    text = BUNDLED.read_text(encoding="utf-8")
    lacking = re.sub(r"^  (outcome|progress): .*\n", "", text, count=2, flags=re.M)
    lacking = lacking.replace("{heading: 工作措施, width: 3200}", "{heading: 措施}")
    assert lacking.count("outcome:") == 1  # full_columns' only
    sheet = read_back(render_audit(tmp_path, lacking))
    want = golden()
    for table in (item for item in want["body"] if isinstance(item, dict)):
        heading = table["rows"][0]["cells"][3]
        assert heading["text"] == "工作措施"
        heading["text"] = "措施"
    assert sheet == want


def test_a_column_sheet_yaml_does_not_know_is_an_error_at_its_line(tmp_path: Path) -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    wrong = text.replace("  progress: {heading: 完成情况", "  progres: {heading: 完成情况")
    (tmp_path / "my.docx").write_bytes((templates_dir() / "sheet.docx").read_bytes())
    (tmp_path / "my.yaml").write_text(wrong, encoding="utf-8")
    line = next(i for i, s in enumerate(wrong.splitlines(), 1) if s.startswith("  progres:"))
    code, output = invoke(["render", "--unit", "市审计局", "--template", str(tmp_path / "my.docx")])
    assert code == 2
    assert f"my.yaml:{line}:3: `unit_columns` has no column `progres`; its columns are " in output
    assert "number, indicator, roles, measures, deadline, outcome, progress" in output


def test_a_list_of_columns_of_another_length_is_an_error(tmp_path: Path) -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    short = text.replace(block(text, "unit_columns"), OLD_UNIT.rsplit("  -", 1)[0])
    (tmp_path / "my.docx").write_bytes((templates_dir() / "sheet.docx").read_bytes())
    (tmp_path / "my.yaml").write_text(short, encoding="utf-8")
    code, output = invoke(["render", "--unit", "市审计局", "--template", str(tmp_path / "my.docx")])
    assert code == 2
    assert "`unit_columns` lists 7 columns, but a list of columns gives the 8 columns" in output
    assert "give each column by its name instead" in output


def test_a_bad_column_entry_is_explained_in_chinese(tmp_path: Path, chinese: None) -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    wrong = text.replace("  progress: {heading: 完成情况", "  progres: {heading: 完成情况")
    (tmp_path / "my.docx").write_bytes((templates_dir() / "sheet.docx").read_bytes())
    (tmp_path / "my.yaml").write_text(wrong, encoding="utf-8")
    code, output = invoke(["render", "--unit", "市审计局", "--template", str(tmp_path / "my.docx")])
    assert code == 2
    assert "unit_columns 没有名为“progres”的栏；可写的栏为 number、indicator、roles" in output
    bad = text.replace("{heading: 完成时限, width: 1100}", "{heading: 完成时限, width: 0}", 1)
    (tmp_path / "my.yaml").write_text(bad, encoding="utf-8")
    code, output = invoke(["render", "--unit", "市审计局", "--template", str(tmp_path / "my.docx")])
    assert code == 2
    assert "unit_columns 的每一栏写作 {heading: 名称, width: 大于0、不超过100000的数}" in output


# -- a column added as a newcomer adds one -------------------------------------------------------


def _rebuild() -> None:
    for model in (Indicator, Task, Goal, Checklist):
        model.model_rebuild(force=True)


@pytest.fixture
def budget(monkeypatch: pytest.MonkeyPatch) -> Iterator[SheetColumn]:
    """资金: the model field (the indicator's `budget`, a one-text cell) and one declaration,
    before 完成情况; no other module is touched."""
    Indicator.__annotations__["budget"] = "TextCell"
    Indicator.model_fields["budget"] = FieldInfo(
        annotation=TextCell, default_factory=lambda: TextCell(origin=Origin.missing)
    )
    _rebuild()
    column = SheetColumn("budget", "资金", Cell.text, attribute="budget", unit=1000, full=1000)
    at = [c.name for c in COLUMNS].index("progress")
    monkeypatch.setattr(columns, "COLUMNS", [*COLUMNS[:at], column, *COLUMNS[at:]])
    try:
        yield column
    finally:
        del Indicator.__annotations__["budget"]
        del Indicator.model_fields["budget"]
        _rebuild()


BUDGETS = {1: "专项资金20万元", 2: "部门预算,5万元", 24: "无需资金"}  # 2: an ASCII comma


@pytest.fixture
def with_budgets(checklist_copy: Path) -> Path:
    """The 2022 checklist where three of 市审计局's indicators give their 资金, 24's inferred."""
    text = checklist_copy.read_text(encoding="utf-8")
    for number, value in BUDGETS.items():
        cell = f"{{text: '{value}'}}"
        if number == 24:
            cell = f"{{origin: inferred, reason: 据工作措施推断, text: {value}}}"
        text, found = re.subn(
            rf"^    - number: {number}\n", rf"\g<0>      budget: {cell}\n", text, flags=re.M
        )
        assert found == 1
    checklist_copy.write_text(text, encoding="utf-8")
    return checklist_copy


def test_a_declared_column_is_on_the_unit_sheet_and_the_full_table(
    budget: SheetColumn, with_budgets: Path, tmp_path: Path
) -> None:
    target = tmp_path / "audit.docx"
    code, output = invoke(
        ["render", "--checklist", str(with_budgets), "--unit", "市审计局", "-o", str(target)]
    )
    assert code == 0, output
    document = Document(str(target))
    for table in document.tables:
        headings = [c.text for c in table.rows[0].cells]
        assert headings[-3:] == ["可检视成果", "资金", "完成情况"]
    shown = {
        row.cells[0].text: row.cells[-2].text
        for table in document.tables
        for row in table.rows[2:]  # under the headings and the task's title
    }
    assert {n: shown[str(n)] for n in BUDGETS} == {n: v for n, v in BUDGETS.items()}
    assert shown["3"] == ""  # a row without one: empty
    full = tmp_path / "full.docx"
    code, output = invoke(["render", "--checklist", str(with_budgets), "--full", "-o", str(full)])
    assert code == 0, output
    table = Document(str(full)).tables[0]
    assert [c.text for c in table.rows[0].cells][-2:] == ["可检视成果", "资金"]
    assert table.rows[1].cells[-1].text == BUDGETS[1]


def test_a_declared_column_is_in_lists_json_and_csv(
    budget: SheetColumn, with_budgets: Path
) -> None:
    code, output = invoke(
        ["list", "--checklist", str(with_budgets), "--unit", "市审计局", "--format", "json"]
    )
    assert code == 0, output
    records = {r["indicator"]: r for r in json.loads(output)}
    assert {n: records[n]["budget"] for n in BUDGETS} == BUDGETS
    assert records[3]["budget"] is None
    assert records[24]["origin"]["budget"] == "inferred"
    assert records[24]["inferred_because"] == {"budget": "据工作措施推断"}
    assert list(records[1])[list(records[1]).index("outcome") + 1] == "budget"
    code, output = invoke(
        ["list", "--checklist", str(with_budgets), "--unit", "市审计局", "--format", "csv"]
    )
    assert code == 0, output
    rows = list(csv.DictReader(io.StringIO(output)))
    fields = list(rows[0])
    assert fields[fields.index("budget") + 1] == "origin"  # before 来源
    assert {int(r["indicator"]): r["budget"] for r in rows if r["budget"]} == BUDGETS
    assert "资金：推断" in next(r["origin"] for r in rows if r["indicator"] == "24")


def test_a_declared_column_is_what_lint_checks(budget: SheetColumn, with_budgets: Path) -> None:
    code, output = invoke(["lint", "--format", "json", str(with_budgets)])
    assert code in (0, 1), output  # findings, not a failure to read
    findings = json.loads(output)
    lines = with_budgets.read_text(encoding="utf-8").splitlines()
    line_of = {n: next(i for i, s in enumerate(lines, 1) if v in s) for n, v in BUDGETS.items()}
    texts = [f for f in findings if f["code"] == "ZW504" and f["line"] == line_of[2]]
    assert texts and "部门预算,5万元" in texts[0]["message"]  # its text is checked
    inferred = [f for f in findings if f["code"] == "ZW208" and f["line"] == line_of[24]]
    assert inferred and "budget is inferred" in inferred[0]["message"]  # and its cell


def test_a_declared_column_no_row_gives_is_on_no_sheet(budget: SheetColumn, tmp_path: Path) -> None:
    """Tables written before the column was added keep their sheets and records."""
    assert read_back(render_audit(tmp_path)) == golden()
    code, output = invoke(["list", "--unit", "市审计局", "--format", "json"])
    assert code == 0 and "budget" not in output


def test_a_template_without_a_style_is_explained_in_chinese(tmp_path: Path, chinese: None) -> None:
    import zipfile

    source = templates_dir() / "sheet.docx"
    target = tmp_path / "my.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "word/styles.xml":
                data = data.replace("页码".encode(), b"Page X")
            new.writestr(item, data)
    code, output = invoke(["render", "--unit", "市审计局", "--template", str(target)])
    assert code == 2
    assert f"错误：{target}：这份模板不能用：缺少样式 页码（段落）。" in output
    assert "请按上面的名称一字不差地新建这些样式（Word：开始 › 样式 › 新建样式）" in output
