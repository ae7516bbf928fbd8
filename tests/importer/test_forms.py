"""The same table as Excel, a web page (UTF-8 and GBK) and a .doc gives the same checklist."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from zhengwu_cli.cli import cli
from zhengwu_cli.importer import ImportFailure, import_table
from zhengwu_cli.importer.html_reader import read_html

from .conftest import Record, header_row, para, tbl, tc, tr, write_docx

TITLE = "吉安示例市2023年政务公开工作任务清单"
ROWS = [
    (
        "一、提升政策公开质量",
        "（一）规范公开规章",
        "1.集中发布规章",
        "牵头单位：市司法局\n配合单位：市财政局",
        "（1）梳理规章\n（2）动态更新",
        "贯穿全年",
        "专栏呈现",
    ),
    ("", "", "2.做好动态调整", "", "（3）按季度更新", "", "更新记录"),
    (
        "",
        "（二）公开政策解读",
        "3.同步解读政策",
        "市政府办公室",
        "（4）同步解读",
        "6月底前",
        "解读材料",
    ),
]
# merged: goal over rows 1–3, task over 1–2, units and deadline over 1–2


def records(path: Path) -> list[Record]:
    result = CliRunner().invoke(cli, ["list", "-c", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    recs = json.loads(result.output)
    for rec in recs:
        rec.pop("source_line")
    return list(recs)


def make_xlsx(path: Path) -> Path:
    book = Workbook()
    ws = book.active
    ws.title = "附件"
    ws.append([TITLE])
    ws.merge_cells("A1:G1")  # a title row above the header
    ws.append(["目标", "主要任务", "细化指标", "责任单位", "工作措施", "完成时限", "可检视成果"])
    for row in ROWS:
        ws.append([v or None for v in row])
    for cells in ("A3:A5", "B3:B4", "D3:D4", "F3:F4"):
        ws.merge_cells(cells)
    notes = book.create_sheet("说明")
    notes.append(["本表说明"])
    book.save(path)
    return path


def make_html(path: Path, encoding: str) -> Path:
    def cell(text: str, rowspan: int = 1) -> str:
        span = f' rowspan="{rowspan}"' if rowspan > 1 else ""
        return f"<td{span}>{'<br>'.join(text.split(chr(10)))}</td>"

    a, b, c = ROWS
    body = (
        "<tr><th>目标</th><th>主要任务</th><th>细化指标</th><th>责任单位</th><th>工作措施</th>"
        "<th>完成时限</th><th>可检视成果</th></tr>"
        f"<tr>{cell(a[0], 3)}{cell(a[1], 2)}{cell(a[2])}{cell(a[3], 2)}"
        f"<td><p>（1）梳理规章</p><p>（2）动态更新</p></td>{cell(a[5], 2)}{cell(a[6])}</tr>"
        f"<tr>{cell(b[2])}{cell(b[4])}<td>更新&nbsp;记录</td></tr>"
        f"<tr>{''.join(cell(v) for v in c[1:])}</tr>"
    )
    charset = "gbk" if encoding == "gbk" else "utf-8"
    page = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"<title>{TITLE}</title></head><body><h2>{TITLE}</h2>"
        f"<table border=1>{body}</table></body></html>"
    )
    path.write_bytes(page.encode(encoding))
    return path


def make_docx(path: Path) -> Path:
    def cells(row: tuple[str, ...], merges: dict[int, str]) -> list[str]:
        return [tc(v.split("\n") if v else "", vmerge=merges.get(i)) for i, v in enumerate(row)]

    rows = [
        tr(*cells(ROWS[0], {0: "restart", 1: "restart", 3: "restart", 5: "restart"})),
        tr(*cells(ROWS[1], {0: "continue", 1: "continue", 3: "continue", 5: "continue"})),
        tr(*cells(ROWS[2], {0: "continue"})),
    ]
    return write_docx(path, [para(TITLE), tbl(header_row(), *rows), para()])


@pytest.fixture
def expected(tmp_path: Path) -> list[Record]:
    out = tmp_path / "docx" / "2023.yaml"
    import_table(make_docx(tmp_path / "t.docx"), out)
    return records(out)


def test_docx_reference(expected: list[Record]) -> None:
    assert [r["carried_from"] for r in expected] == [{}, {"units": 1, "deadline": 1}, {}]
    assert expected[1]["task"]["heading"] == "（一）规范公开规章"
    assert expected[2]["task"]["heading"] == "（二）公开政策解读"
    assert [u["unit"] for u in expected[0]["units"]] == ["市司法局", "市财政局"]


def test_xlsx_gives_the_same(tmp_path: Path, expected: list[Record]) -> None:
    out = tmp_path / "x" / "2023.yaml"
    report = import_table(make_xlsx(tmp_path / "t.xlsx"), out)
    assert records(out) == expected
    assert report.result is not None and report.result.tables == ["附件"]
    assert report.result.data["meta"]["title"] == TITLE  # from the row above the header


def test_xlsx_sheet_option(tmp_path: Path) -> None:
    source = make_xlsx(tmp_path / "t.xlsx")
    with pytest.raises(ImportFailure, match="no sheet “缺”; its sheets are: 附件、说明"):
        import_table(source, tmp_path / "2023.yaml", sheet="缺")
    with pytest.raises(ImportFailure, match="no column like"):
        import_table(source, tmp_path / "2023.yaml", sheet="说明")


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_html_gives_the_same(tmp_path: Path, expected: list[Record], encoding: str) -> None:
    source = make_html(tmp_path / "t.html", encoding)
    grid = read_html(source)[0]
    assert grid.rows[2][0].continues == (1, 0)  # rowspan placed by the running column index
    assert grid.rows[2][2].lines == ("2.做好动态调整",)
    assert grid.rows[2][6].lines == ("更新 记录",)  # &nbsp; is a space
    out = tmp_path / encoding / "2023.yaml"
    import_table(source, out)
    got = records(out)
    assert got[1]["outcome"] == "更新 记录"
    got[1]["outcome"] = "更新记录"
    assert got == expected


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_doc_through_libreoffice(tmp_path: Path, expected: list[Record]) -> None:
    import subprocess

    source = make_docx(tmp_path / "t.docx")
    folder = tmp_path / "doc"
    profile = tmp_path / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = tmp_path / "fromdoc" / "2023.yaml"
    import_table(folder / "t.doc", out)
    assert records(out) == expected


def test_doc_without_libreoffice_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("zhengwu_cli.convert.soffice", lambda: None)
    source = tmp_path / "t.wps"
    source.write_bytes(b"not really")
    result = CliRunner().invoke(cli, ["import", str(source), "-o", str(tmp_path / "2023.yaml")])
    assert result.exit_code == 2
    assert "save it as .docx" in result.output and "LibreOffice" in result.output


def test_html_table_inside_a_layout_table(tmp_path: Path, expected: list[Record]) -> None:
    inner = make_html(tmp_path / "inner.html", "utf-8").read_text("utf-8")
    table = inner[inner.index("<table") : inner.index("</table>") + len("</table>")]
    page = tmp_path / "layout.html"
    page.write_text(
        "<html><body><table><tr><td>首页 | 政务公开</td></tr>"
        f"<tr><td><div>{TITLE}</div>{table}</td></tr><tr><td>版权所有</td></tr></table>"
        "</body></html>",
        "utf-8",
    )
    out = tmp_path / "layout" / "2023.yaml"
    import_table(page, out)
    got = records(out)
    got[1]["outcome"] = "更新记录"
    assert got == expected


def test_first_sheet_with_a_header_is_read(tmp_path: Path, expected: list[Record]) -> None:
    from openpyxl import load_workbook

    source = make_xlsx(tmp_path / "t.xlsx")
    book = load_workbook(source)
    cover = book.create_sheet("封面", 0)
    cover.append(["关于印发任务清单的通知"])
    book.save(source)
    out = tmp_path / "s" / "2023.yaml"
    report = import_table(source, out)
    assert report.result is not None and report.result.tables == ["附件"]
    assert records(out) == expected
