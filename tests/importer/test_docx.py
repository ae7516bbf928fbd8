"""A Word table of another city, built with real merges, read into a checklist."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhengwu_cli.cli import cli
from zhengwu_cli.importer import ImportFailure, import_table
from zhengwu_cli.importer.docx_reader import read_docx

from .conftest import Record, header_row, para, tbl, tc, tr, write_docx

BOOKMARK = '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>'
FIELD = (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> HYPERLINK "http://x.gov.cn" </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    "<w:r><w:t>政务公开专栏</w:t></w:r>"
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
)
SOFT = "<w:r><w:t>配合单位：市财政局</w:t><w:br/><w:t>各县（市）区政府</w:t></w:r>"


def city_table(tmp_path: Path) -> Path:
    """长春示例市: goal and task merged down, units and deadline merged over two indicators,
    the table split in two (拆分表格) with the header typed again, a bookmark, a field, soft
    breaks."""
    first = tbl(
        header_row(),
        tr(
            tc("一、提升政策公开质量", vmerge="restart"),
            tc("（一）规范公开规章", vmerge="restart"),
            tc("1.集中发布现行有效规章"),
            tc(
                raw=f"<w:p><w:r><w:t>牵头单位：市司法局</w:t></w:r></w:p><w:p>{SOFT}</w:p>",
                vmerge="restart",
            ),
            tc(["（1）梳理规章", "（2）动态更新"]),
            tc("贯穿全年", vmerge="restart"),
            tc(raw=para("在", FIELD + "<w:r><w:t>中呈现</w:t></w:r>")),
        ),
        tr(
            tc(vmerge="continue"),
            tc(vmerge="continue"),
            tc("2.做好动态调整"),
            tc(vmerge="continue"),
            tc(),
            tc(vmerge="continue"),
            tc(raw=f"<w:p>{BOOKMARK}<w:r><w:t>更新记录</w:t></w:r></w:p>"),
        ),
    )
    second = tbl(
        header_row(),
        tr(
            tc("二、夯实公开基础"),
            tc("（一）规范依申请公开"),
            tc("3.规范办理依申请公开"),
            tc("市司法局负责"),
            tc("（3）完善办理流程"),
            tc("6月底前"),
            tc("办理台账"),
        ),
    )
    return write_docx(
        tmp_path / "长春示例.docx",
        [para("附件"), para("长春示例市2023年政务公开工作任务清单"), first, para(), second],
    )


def records(path: Path) -> list[Record]:
    result = CliRunner().invoke(cli, ["list", "-c", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return list(json.loads(result.output))


def test_word_table_with_merges_split_and_artifacts(tmp_path: Path) -> None:
    source = city_table(tmp_path)
    out = tmp_path / "checklists" / "2023.yaml"
    report = import_table(source, out)
    assert out.is_file() and (out.parent / "2023-units.yaml").is_file()
    recs = records(out)
    assert [r["indicator"] for r in recs] == [1, 2, 3]
    one, two, three = recs
    assert one["goal"]["heading"] == "一、提升政策公开质量"
    assert two["task"]["heading"] == "（一）规范公开规章"
    assert three["goal"]["heading"] == "二、夯实公开基础"  # the second half of the split table
    assert one["text"] == "集中发布现行有效规章"
    # the soft break is a line; the bookmark and the field code never reach the text
    assert {(u["unit"], u["role"]) for u in one["units"]} == {
        ("市司法局", "牵头"),
        ("市财政局", "配合"),
        ("县（市）区政府", "共同"),
    }
    assert one["outcome"] == "在政务公开专栏中呈现"
    assert two["outcome"] == "更新记录"
    # merged cells are carried from the row that holds them; the empty measures cell is missing
    assert two["origin"] == {
        "units": "carried",
        "measures": "missing",
        "deadline": "carried",
        "outcome": "stated",
    }
    assert two["carried_from"] == {"units": 1, "deadline": 1}
    assert two["deadline"]["text"] == "贯穿全年"
    assert [m["text"] for m in one["measures"]] == ["梳理规章", "动态更新"]
    assert [u["unit"] for u in three["units"]] == ["市司法局"]
    assert report.result is not None
    assert report.result.merges == 2  # units and deadline of row 2
    assert report.result.repeated_headers == 1  # the header typed again on the second table
    text = out.read_text("utf-8")
    assert "HYPERLINK" not in text and "_GoBack" not in text
    assert text.startswith("# yaml-language-server: $schema=")


def test_existing_output_is_kept_without_force(tmp_path: Path) -> None:
    source = city_table(tmp_path)
    out = tmp_path / "2023.yaml"
    out.write_text("mine", "utf-8")
    with pytest.raises(ImportFailure, match="--force"):
        import_table(source, out)
    assert out.read_text("utf-8") == "mine"
    import_table(source, out, force=True)
    assert "schema_version" in out.read_text("utf-8")


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    source = city_table(tmp_path)
    result = CliRunner().invoke(
        cli, ["import", str(source), "-o", str(tmp_path / "x" / "2023.yaml"), "--dry-run"]
    )
    assert result.exit_code == 0, result.output
    assert "would write" in result.output and "3 细化指标" in result.output
    assert not (tmp_path / "x").exists()


def test_no_table_is_exit_2_with_what_was_found(tmp_path: Path) -> None:
    source = write_docx(
        tmp_path / "x.docx",
        [tbl(tr(tc("姓名"), tc("电话"), tc("备注")), tr(tc("张三"), tc("1"), tc("")), width=3)],
    )
    result = CliRunner().invoke(cli, ["import", str(source), "-o", str(tmp_path / "a.yaml")])
    assert result.exit_code == 2
    assert "表1's header is: 姓名、电话、备注" in result.output
    assert "no column like" in result.output and "责任单位" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "a.yaml").exists()


NUMBERING = """
<w:abstractNum w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="91">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:lvlText w:val="%1、"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="92">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="thaiLetters"/>
    <w:lvlText w:val="%1)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>
<w:num w:numId="91"><w:abstractNumId w:val="91"/></w:num>
<w:num w:numId="92"><w:abstractNumId w:val="92"/></w:num>
"""


def numbered(text: str, num: int, level: int = 0) -> str:
    pr = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
    return para(text, ppr=pr)


def test_automatic_numbering_is_computed(tmp_path: Path) -> None:
    table = tbl(
        header_row(("目标", "细化指标", "责任单位", "工作措施")),
        tr(
            tc(raw=numbered("提升质量", 91), vmerge="restart"),
            tc(raw=numbered("第一项", 90)),
            tc("市司法局"),
            tc(raw=numbered("措施甲", 90, 1) + numbered("措施乙", 90, 1)),
        ),
        tr(
            tc(vmerge="continue"),
            tc(raw=numbered("第二项", 90)),
            tc("市财政局"),
            tc(raw=numbered("措施丙", 90, 1)),
        ),
        tr(
            tc(raw=numbered("夯实基础", 91)),
            tc(raw=numbered("第三项", 90)),
            tc("市财政局"),
            tc(raw=numbered("无法计算", 92)),
        ),
        width=4,
    )
    source = write_docx(
        tmp_path / "n.docx", [para("某市2023年政务公开任务清单"), table], numbering=NUMBERING
    )
    grid = read_docx(source)[0]
    assert grid.rows[1][0].lines == ("一、提升质量",)
    assert grid.rows[2][1].lines == ("2.第二项",)
    assert grid.rows[1][3].lines == ("（1）措施甲", "（2）措施乙")
    assert grid.rows[2][3].lines == ("（1）措施丙",)  # a new parent item restarts the level
    assert grid.rows[3][0].lines == ("二、夯实基础",)
    assert grid.rows[3][3].lines == ("无法计算",)
    assert any("thaiLetters" in n and "missing" in n for n in grid.notes)
    out = tmp_path / "2023.yaml"
    report = import_table(source, out)
    recs = records(out)
    assert [r["indicator"] for r in recs] == [1, 2, 3]
    assert recs[2]["goal"]["heading"] == "二、夯实基础"
    assert [m["text"] for m in recs[0]["measures"]] == ["措施甲", "措施乙"]
    assert report.result is not None
    assert any("restart" in n for n in report.result.notes)  # （1） again in row 2


def test_grid_before_after_hmerge_and_nested_table(tmp_path: Path) -> None:
    nested = tbl(tr(tc("内表甲"), tc("内表乙")), width=2)
    table = tbl(
        tr(tc("甲"), tc("乙"), tc("丙")),
        tr(tc("跨两格", span=2), tc("丁")),
        tr(tc("右两格"), tc(raw=para("x"), vmerge=None), before=1, after=0),
        tr(tc(raw=para("外") + nested + para()), tc("戊"), after=1),
        tr(
            tc("左"),
            '<w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr>' + para("合") + "</w:tc>",
            "<w:tc><w:tcPr><w:hMerge/></w:tcPr>" + para() + "</w:tc>",
        ),
        width=3,
    )
    grid = read_docx(write_docx(tmp_path / "g.docx", [table]))[0]
    assert [c.continues for c in grid.rows[1]] == [None, (1, 0), None]
    assert grid.rows[2][0].empty and grid.rows[2][1].lines == ("右两格",)
    assert grid.rows[3][0].lines == ("外", "内表甲", "内表乙")
    assert grid.rows[3][2].empty and grid.rows[3][2].continues is None
    assert any("table inside the cell" in n for n in grid.notes)
    assert grid.rows[4][2].continues == (4, 1)
    assert grid.rows[2][1].address == "表1 第3行第2列"


def test_a_cell_holding_two_tables_is_said_once(tmp_path: Path) -> None:
    nested = tbl(tr(tc("内表")), width=1)
    cell = tc(raw=nested + nested + para())
    table = tbl(header_row(("细化指标", "责任单位")), tr(cell, tc("甲")), width=2)
    grid = read_docx(write_docx(tmp_path / "g.docx", [table]))[0]
    assert grid.notes == [
        "表1 第2行第1列 holds a table inside the cell; its text is read in order, its rows and "
        "columns are not"
    ]


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    import zipfile

    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<a>" + b" " * (70 * 2**20) + b"</a>")
    with pytest.raises(ImportFailure, match=r"zip bomb|MB"):
        import_table(bomb, tmp_path / "2023.yaml")


def test_entities_are_not_expanded(tmp_path: Path) -> None:
    import zipfile

    doc = tmp_path / "lol.docx"
    xml = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "哈哈哈哈哈哈哈哈">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f'<w:document xmlns:w="{"http://schemas.openxmlformats.org/wordprocessingml/2006/main"}">'
        "<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    with zipfile.ZipFile(doc, "w") as archive:
        archive.writestr("word/document.xml", xml)
    assert read_docx(doc) == []


def test_numbering_restart_and_continuation_as_word_counts(tmp_path: Path) -> None:
    numbering = """
    <w:abstractNum w:abstractNumId="80">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>
      </w:lvl>
    </w:abstractNum>
    <w:num w:numId="81"><w:abstractNumId w:val="80"/></w:num>
    <w:num w:numId="82"><w:abstractNumId w:val="80"/></w:num>
    <w:num w:numId="83"><w:abstractNumId w:val="80"/>
      <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    """
    cells = [tc(raw=numbered(t, n)) for t, n in (("甲", 81), ("乙", 82), ("丙", 83), ("丁", 83))]
    table = tbl(tr(*cells), width=4)
    grid = read_docx(write_docx(tmp_path / "r.docx", [table], numbering=numbering))[0]
    # 82 shares 81's list and continues it; 83 restarts it once
    assert [c.lines[0] for c in grid.rows[0]] == ["1.甲", "2.乙", "1.丙", "2.丁"]
