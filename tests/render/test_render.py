"""`zhengwu render`: read the written .docx back and check what a reader of the sheet would."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tc, CT_TcPr
from docx.shared import Length, Mm
from docx.table import _Cell
from docx.text.run import Run

from zhengwu_cli.cli import cli
from zhengwu_cli.load import Loaded, load
from zhengwu_cli.resources import default_checklist, templates_dir

UNIT_HEADINGS = [
    "序号",
    "细化指标",
    "责任角色",
    "工作措施",
    "完成时限",
    "可检视成果",
    "完成情况",
]
FULL_HEADINGS = ["目标", "主要任务", "细化指标", "责任单位", "工作措施", "完成时限", "可检视成果"]


def run(args: list[str], cwd: Path) -> tuple[int, str]:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def loaded() -> Loaded:
    return load(default_checklist())


# -- what a sheet should hold, read from the checklist's YAML (not through zhengwu_cli.query) ---


@dataclass(frozen=True)
class Row:
    number: int
    text: str  # the 细化指标
    task: str  # its 主要任务 as the sheet heads it: （一）集中规范公开…
    units: str  # the 责任单位 text
    deadline: str


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


CHECKLIST = _yaml(default_checklist())
REGISTRY = _yaml(default_checklist().parent / CHECKLIST["meta"]["registry"])
SOURCE_ROWS = [
    Row(
        number=i["number"],
        text=i["text"].strip(),
        task=f"（{t['number']}）{t['title']}",
        units=i["units"].get("text") or "",
        deadline=(i["deadline"].get("text") or "").strip(),
    )
    for g in CHECKLIST["goals"]
    for t in g["tasks"]
    for i in t["indicators"]
]
MEMBER_RULES = {"all-departments": "department", "all-counties": "county"}


def expected_rows(unit: str) -> list[Row]:
    """The rows that reach `unit`, by the plain rule: the row's 责任单位 text names the unit (or
    an alias of it) or a group the registry puts it in (by `members`, or by `member_rule` over
    its kind; a unit that has `ended` is in no rule). A row whose cell the table left blank
    (roles inferred from the measures) reaches no unit here: the units tested have none."""
    entry = next(u for u in REGISTRY["units"] if u["name"] == unit)
    groups = [
        g
        for g in REGISTRY["groups"]
        if unit in g.get("members", [])
        or ("ended" not in entry and MEMBER_RULES.get(g.get("member_rule")) == entry["kind"])
    ]
    names = [n for e in [entry, *groups] for n in [e["name"], *e.get("aliases", [])]]
    return [r for r in SOURCE_ROWS if any(name in r.units for name in names)]


def test_the_expected_rows_follow_the_source() -> None:
    """The rule, against the attachment (checklists/sources/): indicator 1's 责任单位 cell names
    市司法局 and 县（市）区政府 (so 梨树县); 2 carries it down; 公主岭市 left in 2020."""
    source = (default_checklist().parent / CHECKLIST["meta"]["source"]["file"]).read_text(
        encoding="utf-8"
    )
    cell = "牵头部门：市政府办公室、市司法局\n配合部门：市政府各部门\n\n县（市）区政府"
    assert f"\t{cell}\n" in source
    assert SOURCE_ROWS[0].units == SOURCE_ROWS[1].units == cell
    assert [r.number for r in expected_rows("市司法局")][:2] == [1, 2]
    assert [r.number for r in expected_rows("梨树县")][:2] == [1, 2]
    assert expected_rows("公主岭市") == []


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("render")
    code, output = run(["render", "--unit", "市司法局"], folder)
    assert code == 0, output
    code, output = run(["render", "--full"], folder)
    assert code == 0, output
    return folder / "out" / "2022"


def cell_text(cell: _Cell) -> str:
    return "\n".join(p.text for p in cell.paragraphs)


def length(value: Length | None) -> Length:
    assert value is not None
    return value


def tc_pr(tc: CT_Tc) -> CT_TcPr:
    assert tc.tcPr is not None
    return tc.tcPr


def east_asian_font(run: Run) -> str | None:
    fonts = run._r.rPr.rFonts if run._r.rPr is not None else None
    assert fonts is not None
    name: str | None = fonts.get(qn("w:eastAsia"))  # lxml's get, untyped here
    return name


def data_rows(document: WordDocument) -> list[list[_Cell]]:
    """The indicator rows of every table (a unit sheet has one table per 主要任务): the rows
    under the header rows, each a list of cells."""
    found = []
    for table in document.tables:
        for tr, row in zip(table._tbl.tr_lst, table.rows, strict=True):
            if tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None:
                continue
            found.append(row.cells)
    return found


def test_unit_sheet_holds_exactly_the_units_indicators(rendered: Path) -> None:
    document = Document(str(rendered / "市司法局.docx"))
    for table in document.tables:
        assert [cell_text(c) for c in table.rows[0].cells] == UNIT_HEADINGS
    expected = expected_rows("市司法局")
    assert len(expected) > 5
    data = data_rows(document)
    assert len(data) == len(expected)
    assert [cell_text(c[0]) for c in data] == [str(r.number) for r in expected]
    assert [cell_text(c[1]) for c in data] == [r.text for r in expected]
    others = {r.text for r in SOURCE_ROWS} - {r.text for r in expected}
    body = "\n".join(cell_text(c[1]) for c in data)
    assert not any(text in body.split("\n") for text in others)
    assert all(cell_text(c[6]) == "" for c in data)  # 完成情况 left to be filled in


def test_unit_sheet_title_counts_and_partners(rendered: Path) -> None:
    document = Document(str(rendered / "市司法局.docx"))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[0] == "四平市2022年政务公开工作任务清单（市司法局）"
    total = len(expected_rows("市司法局"))
    assert texts[1].startswith(f"共{total}项细化指标（牵头")
    assert "生成日期：" in texts[1]
    first = data_rows(document)[0]
    roles = cell_text(first[2]).split("\n")
    assert roles[0] == "牵头"
    assert "牵头：市政府办公室" in roles  # the other lead is named
    assert not any("市司法局" in line for line in roles[1:])  # not itself


def test_header_rows_repeat_and_name_the_task(rendered: Path) -> None:
    """Each 主要任务 is a table whose two header rows (the headings, then the task's title
    across the whole width) repeat on every page: a row on any page says its task."""
    document = Document(str(rendered / "市司法局.docx"))
    expected = expected_rows("市司法局")
    tasks = list(dict.fromkeys(r.task for r in expected))
    assert len(document.tables) == len(tasks) > 3
    numbers = []
    for table, task in zip(document.tables, tasks, strict=True):
        flags = [
            tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None
            for tr in table._tbl.tr_lst
        ]
        assert flags[:2] == [True, True] and not any(flags[2:])
        title = table._tbl.tr_lst[1].tc_lst
        assert len(title) == 1 and title[0].grid_span == 7
        assert cell_text(table.rows[1].cells[0]) == task
        numbers += [int(cell_text(r.cells[0])) for r in table.rows[2:]]
        assert {r.task for r in expected if r.number in numbers[-len(table.rows) + 2 :]} == {task}
    assert numbers == [r.number for r in expected]


def test_landscape_a4_with_page_number(rendered: Path) -> None:
    document = Document(str(rendered / "市司法局.docx"))
    section = document.sections[-1]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert abs(length(section.page_width) - Mm(297)) < Mm(1)
    assert abs(length(section.page_height) - Mm(210)) < Mm(1)
    assert abs(length(section.top_margin) - Mm(28)) < Mm(1)  # the binding edge on top
    footer = section.footer._element.xml
    assert "PAGE" in footer and "— " in footer and " —" in footer


def test_east_asian_fonts_are_explicit(rendered: Path) -> None:
    document = Document(str(rendered / "市司法局.docx"))
    title_run = document.paragraphs[0].runs[0]
    assert east_asian_font(title_run) == "方正小标宋简体"
    table = document.tables[0]
    header_fonts = {
        east_asian_font(r) for c in table.rows[0].cells for p in c.paragraphs for r in p.runs
    }
    assert header_fonts == {"黑体"}
    body_fonts = {
        east_asian_font(r)
        for row in table.rows[1:]
        for c in row.cells
        for p in c.paragraphs
        for r in p.runs
    }
    assert body_fonts == {"仿宋_GB2312"}
    styles = document.styles.element.xml
    assert "eastAsiaTheme" not in styles
    assert document.styles["表格文字"].font.size.pt == 10.5


def test_column_widths_are_fixed_in_grid_and_cells(rendered: Path) -> None:
    document = Document(str(rendered / "市司法局.docx"))
    tbl = document.tables[0]._tbl
    assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    grid = [int(c.get(qn("w:w"))) for c in tbl.tblGrid.findall(qn("w:gridCol"))]
    assert len(grid) == 7 and min(grid) > 400
    section = document.sections[-1]
    margins = length(section.left_margin) + length(section.right_margin)
    type_area = (length(section.page_width) - margins) / 635  # twips
    assert abs(sum(grid) - type_area) < 5
    for table in document.tables:
        for i, tr in enumerate(table._tbl.tr_lst):
            widths = [int(tc_pr(tc).find(qn("w:tcW")).get(qn("w:w"))) for tc in tr.tc_lst]
            assert widths == ([sum(grid)] if i == 1 else grid)  # the task row spans them all


def test_full_table_has_every_indicator_in_seven_columns(rendered: Path, loaded: Loaded) -> None:
    document = Document(str(rendered / "四平市2022年政务公开工作任务清单.docx"))
    assert document.paragraphs[0].text == "附件"
    assert document.paragraphs[1].text == loaded.checklist.meta.title
    table = document.tables[0]
    assert [cell_text(c) for c in table.rows[0].cells] == FULL_HEADINGS
    assert len(table.rows) - 1 == 85 == len(loaded.checklist.indicators())
    goal_cells = [tr.tc_lst[0] for tr in table._tbl.tr_lst[1:]]
    restarts = [
        tc
        for tc in goal_cells
        if (v := tc_pr(tc).find(qn("w:vMerge"))) is not None and v.get(qn("w:val")) == "restart"
    ]
    assert len(restarts) == len(loaded.checklist.goals)
    first = table.rows[1].cells
    assert cell_text(first[0]).startswith("一、")
    assert cell_text(first[2]).startswith("1.")


def test_all_writes_one_sheet_per_unit_and_refuses_to_overwrite(tmp_path: Path) -> None:
    code, output = run(["render", "--all", "-o", "sheets"], tmp_path)
    assert code == 0, output
    units = [u["name"] for u in REGISTRY["units"] if expected_rows(u["name"])]
    written = sorted(p.name for p in (tmp_path / "sheets").iterdir())
    assert written == sorted(f"{u}.docx" for u in units)
    lishu = Document(str(tmp_path / "sheets" / "梨树县.docx"))
    assert len(data_rows(lishu)) == len(expected_rows("梨树县"))
    (tmp_path / "sheets" / "梨树县.docx").unlink()
    code, output = run(["render", "--all", "-o", "sheets"], tmp_path)
    assert code == 2
    assert "nothing was written" in output and "--force" in output
    assert not (tmp_path / "sheets" / "梨树县.docx").exists()  # none written, as it says
    code, output = run(["render", "--all", "-o", "sheets", "--force"], tmp_path)
    assert code == 0, output
    assert (tmp_path / "sheets" / "梨树县.docx").exists()
    assert not [p for p in (tmp_path / "sheets").iterdir() if p.name.endswith(".tmp")]


def test_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "mine.docx"
    target.write_bytes(b"keep me")
    code, output = run(["render", "--unit", "市司法局", "-o", "mine.docx"], tmp_path)
    assert code == 2
    assert "mine.docx" in output and "--force" in output and "Traceback" not in output
    assert target.read_bytes() == b"keep me"
    code, output = run(["render", "--unit", "市司法局", "-o", "mine.docx", "-f"], tmp_path)
    assert code == 0, output
    assert zipfile.is_zipfile(target)


def test_filters_apply(tmp_path: Path) -> None:
    code, output = run(["render", "--unit", "梨树县", "--month", "6", "-o", "x.docx"], tmp_path)
    assert code == 0, output
    # every dated deadline in the 2022 table reads “N月底前”: June's are those of 6月底前
    expected = [r.number for r in expected_rows("梨树县") if r.deadline == "6月底前"]
    data = data_rows(Document(str(tmp_path / "x.docx")))
    assert expected and [cell_text(r[0]) for r in data] == [str(n) for n in expected]


def test_filters_read_as_list_reads_them(tmp_path: Path) -> None:
    """render takes its filters the way list does: 六 for 6, 共同 for the role, 三 for the goal."""
    args = ["--unit", "梨树县", "--month", "六", "--role", "共同", "--goal", "三"]
    code, output = run(["render", *args, "-o", "x.docx"], tmp_path)
    assert code == 0, output
    listed = CliRunner().invoke(cli, ["list", *args, "--format", "json"])
    assert listed.exit_code == 0, listed.output
    numbers = [str(item["indicator"]) for item in json.loads(listed.output)]
    data = data_rows(Document(str(tmp_path / "x.docx")))
    assert numbers and [cell_text(r[0]) for r in data] == numbers


def test_date_sets_the_generated_date(tmp_path: Path) -> None:
    code, output = run(
        ["render", "--unit", "市司法局", "--date", "2022年3月1日", "-o", "x.docx"], tmp_path
    )
    assert code == 0, output
    paragraphs = [p.text for p in Document(str(tmp_path / "x.docx")).paragraphs]
    assert any(text.endswith("生成日期：2022年3月1日") for text in paragraphs), paragraphs


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["render", "--unit", "市司法局", "--date", "3/1"], "--date: “3/1” is not a date"),
        (["render", "--unit", "市司法局", "--month", "13"], "--month 13: there is no such month"),
        (["render", "--unit", "市司法局", "--role", "主管"], "unknown role “主管”"),
        (["render", "-c", "nope.yaml", "--unit", "x", "--role", "主管"], "unknown role “主管”"),
        (["render", "--unit", "市司法局", "--goal", "0"], "--goal 0: numbering starts at 1"),
        (["render"], "--unit"),
        (["render", "--unit", "市司法局", "--all"], "cannot be combined"),
        (["render", "--unit", "市不存在局"], "unknown unit"),
        (["render", "--all", "-o", "a.docx"], "folder"),
    ],
)
def test_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    code, output = run(args, tmp_path)
    assert code == 2
    assert message in output
    assert not (tmp_path / "out").exists()


def test_template_missing_a_style_is_named(tmp_path: Path) -> None:
    source = templates_dir() / "sheet.docx"
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(broken, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/styles.xml":
                data = data.replace("表头".encode(), b"Header X")
            zout.writestr(info, data)
    code, output = run(["render", "--unit", "市司法局", "--template", str(broken)], tmp_path)
    assert code == 2
    assert "表头" in output and "broken.docx" in output
    assert not (tmp_path / "out").exists()


def test_text_template_with_unknown_placeholder_is_located(tmp_path: Path) -> None:
    shutil.copy(templates_dir() / "sheet.docx", tmp_path / "mine.docx")
    text = (templates_dir() / "sheet.yaml").read_text(encoding="utf-8")
    text = text.replace('（{{ unit }}）"', '（{{ unti }}）"')
    (tmp_path / "mine.yaml").write_text(text, encoding="utf-8")
    line = next(i for i, s in enumerate(text.splitlines(), 1) if s.startswith("unit_title:"))
    code, output = run(["render", "--unit", "市司法局", "--template", "mine.docx"], tmp_path)
    assert code == 2
    assert f"mine.yaml:{line}:" in output and "unti" in output
    assert not (tmp_path / "out").exists()


def test_text_template_controls_title(tmp_path: Path) -> None:
    shutil.copy(templates_dir() / "sheet.docx", tmp_path / "mine.docx")
    text = (templates_dir() / "sheet.yaml").read_text(encoding="utf-8")
    text = text.replace("年政务公开工作任务清单（{{ unit }}）", "年任务单：{{ unit }}")
    (tmp_path / "mine.yaml").write_text(text, encoding="utf-8")
    code, output = run(["render", "-u", "市司法局", "-t", "mine.docx", "-o", "t.docx"], tmp_path)
    assert code == 0, output
    assert Document(str(tmp_path / "t.docx")).paragraphs[0].text == "四平市2022年任务单：市司法局"


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and pdftotext are not installed",
)
def test_libreoffice_converts_the_sheet(rendered: Path, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(rendered / "市司法局.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "市司法局.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    compact = "".join(text.split())
    assert "四平市2022年政务公开工作任务清单（市司法局）" in compact
    first = expected_rows("市司法局")[0].text
    assert first[:7] in compact  # table lines interleave in the text layer
    assert "—1—" in compact


def test_county_sheet_names_partners_not_its_own_group(tmp_path: Path) -> None:
    code, output = run(["render", "--unit", "梨树县", "-o", "l.docx"], tmp_path)
    assert code == 0, output
    first = data_rows(Document(str(tmp_path / "l.docx")))[0]
    roles = cell_text(first[2]).split("\n")
    assert roles[0] == "共同落实（县（市）区政府）"
    assert "牵头：市政府办公室、市司法局" in roles
    assert not any("县（市）区政府" in line for line in roles[1:])
