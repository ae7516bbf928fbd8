"""`zhengwu import` in the default language, as a 政务公开 office runs it: errors, summary, help."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from zhengwu_cli.cli import cli

from .conftest import HEADER7, header_row, para, tbl, tc, tr, write_docx
from .test_cli import table

# what may stay ASCII in a Chinese message: codes, paths, option names, file forms, field names
ALLOWED = {
    "zhengwu", "lint", "import", "docx", "doc", "wps", "odt", "rtf", "xlsx", "html", "yaml",
    "checklists", "units", "force", "dry", "run", "review", "registry", "sheet", "year",
    "place", "kind", "members", "meta", "notes", "label", "goal", "task", "indicator",
    "measures", "deadline", "outcome", "number", "Word", "WPS", "Excel", "LibreOffice",
    "soffice", "PATH", "carried", "FILE",
}  # fmt: skip


def english_words(text: str, *allowed: str) -> list[str]:
    """Latin words in `text` that are not a code, path, option or file name."""
    words = re.findall(r"[A-Za-z]{2,}", text)
    return [w for w in words if w not in ALLOWED and w not in allowed]


def test_a_word_table_without_a_header_row_says_so_in_chinese(
    chinese: None, tmp_path: Path
) -> None:
    rows = [tr(tc("1.集中发布惠企政策"), tc("市司法局")), tr(tc("2.动态更新"), tc("市财政局"))]
    source = write_docx(
        tmp_path / "附件.docx", [para("某市2023年政务公开任务清单"), tbl(*rows, width=2)]
    )
    result = CliRunner().invoke(cli, ["import", str(source), "-o", str(tmp_path / "2023.yaml")])
    assert result.exit_code == 2
    assert result.output == (
        "错误：附件.docx：没有找到任务表的表头行（表头应有“细化指标”或“主要任务”这类栏，"
        "以及“责任单位”这类栏）：表1的表头是：1.集中发布惠企政策、市司法局；"
        "没有找到“细化指标”“主要任务”或“责任单位”这类栏。"
        "请给各栏加上表头，如“目标”“主要任务”“细化指标”“责任单位”“工作措施”“完成时限”"
        "“可检视成果”\n"
    )
    assert not (tmp_path / "2023.yaml").exists()


def test_the_summary_of_an_import_reads_in_chinese(chinese: None, tmp_path: Path) -> None:
    out = tmp_path / "checklists" / "2023.yaml"
    review = tmp_path / "核对.xlsx"
    result = CliRunner().invoke(
        cli, ["import", str(table(tmp_path)), "-o", str(out), "--review", str(review)]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("表格：表1；表头在第1行：目标（goal）、主要任务（task）、")
    assert lines[1:5] == [
        "层级：目标1个，主要任务2项，细化指标3项，工作措施2条",
        "行：细化指标3项；跳过重复的表头行0行；沿用合并单元格1处",
        "单位：共2个",
        "完成时限：读懂2项，未读懂1项",
    ]
    assert "  第1项的完成时限未读懂，按原文保留：“视情况”" in lines
    assert f"已写入 {out}" in lines and f"已写入 {review}" in lines
    registry = out.parent / "2023-units.yaml"
    assert lines[-1] == (
        f"单位名录 {registry} 是草稿：请逐一核实类别（kind），填写各集合的成员（members），"
        f"然后运行 `zhengwu lint {out}`"
    )
    assert english_words(result.output.replace(str(tmp_path), "")) == []
    notes = [row[0] for row in load_workbook(review)["说明"].iter_rows(values_only=True)]
    assert notes[0] == "导入时的说明与推断"
    assert "层级：目标1个，主要任务2项，细化指标3项，工作措施2条" in notes


def test_a_dry_run_and_a_registry_name_it_lacks_in_chinese(chinese: None, tmp_path: Path) -> None:
    registry = tmp_path / "units.yaml"
    registry.write_text(
        "place: 梅河示例市\nunits:\n  - {name: 市司法局, kind: department}\n", "utf-8"
    )
    out = tmp_path / "2023.yaml"
    result = CliRunner().invoke(
        cli,
        ["import", str(table(tmp_path)), "-o", str(out), "--registry", str(registry), "--dry-run"],
    )
    assert result.exit_code == 0, result.output
    assert "单位：共1个；1个不在单位名录中" in result.output
    assert "  单位不在单位名录中：“市司法句”（是不是指“市司法局”？）" in result.output
    assert result.output.endswith(f"将写入 {out}\n")
    assert not out.exists()


def test_an_existing_checklist_is_kept_and_the_message_says_what_to_do(
    chinese: None, tmp_path: Path
) -> None:
    out = tmp_path / "2023.yaml"
    out.write_text("# 已有\n", "utf-8")
    result = CliRunner().invoke(cli, ["import", str(table(tmp_path)), "-o", str(out)])
    assert result.exit_code == 2
    assert f"{out} 已存在，没有写入任何文件。要覆盖请加 --force，或用 -o 另取文件名" in (
        result.output
    )
    assert out.read_text("utf-8") == "# 已有\n"


def test_a_doc_file_without_libreoffice_says_what_to_do(
    chinese: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zhengwu_cli import convert

    monkeypatch.setattr(convert, "soffice", lambda: None)
    source = tmp_path / "附件.doc"
    source.write_bytes(b"\xd0\xcf\x11\xe0")
    result = CliRunner().invoke(cli, ["import", str(source), "-o", str(tmp_path / "2023.yaml")])
    assert result.exit_code == 2
    assert result.output == (
        "错误：附件.doc：.doc 文件须先转为 .docx；请在 Word 或 WPS 中另存为 .docx，"
        "或安装 LibreOffice（soffice 在 PATH 中），由 zhengwu 转换\n"
    )


def test_unreadable_files_in_chinese(chinese: None, tmp_path: Path) -> None:
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    result = CliRunner().invoke(cli, ["import", str(bad), "-o", str(tmp_path / "2023.yaml")])
    assert result.exit_code == 2
    assert result.output.startswith("错误：坏.docx：不是 Word .docx 文件（")
    assert result.output.endswith("）；请在 Word 或 WPS 中打开，另存为 .docx（Word 文档）\n")
    old = tmp_path / "表.xls"
    old.write_bytes(b"x")
    result = CliRunner().invoke(cli, ["import", str(old), "-o", str(tmp_path / "2023.yaml")])
    assert result.output == (
        "错误：表.xls：这是旧版 Excel（.xls）文件；请在 Excel 或 WPS 中打开，另存为 .xlsx\n"
    )


def test_unknown_headings_of_pyproject_in_chinese(
    chinese: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.zhengwu.import.headers]\nx = ["a"]\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["import", str(table(tmp_path)), "-o", "2023.yaml"])
    assert result.exit_code == 2
    assert "[tool.zhengwu.import.headers] 中有未知的栏类别 x；可用的类别：goal、task、" in (
        result.output
    )


def test_help_in_chinese(chinese: None) -> None:
    result = CliRunner().invoke(cli, ["import", "--help"], prog_name="zhengwu")
    assert result.exit_code == 0
    out = result.output
    assert "从 Word、Excel 或网页文件中的表格生成任务清单。" in out
    assert "示例：\n    zhengwu import 附件.docx -o checklists/2023.yaml" in out
    assert "只读取和检查，打印概要，不写入任何文件。" in out
    assert "Example" not in out and "Overwrite" not in out


def test_notes_about_cells_in_chinese(chinese: None, tmp_path: Path) -> None:
    nested = tbl(tr(tc("内表")), width=1)
    rows = [
        header_row((*HEADER7, "备注")),
        tr(tc("一、公开"), tc("（一）规章"), tc(raw=para("1.集中发布") + nested + para()),
           tc("市司法局"), tc("（1）梳理"), tc("6月底前"), tc("专栏"), tc("重点")),
    ]  # fmt: skip
    source = write_docx(
        tmp_path / "附件.docx", [para("梅河示例市2023年政务公开任务清单"), tbl(*rows, width=8)]
    )
    out = tmp_path / "2023.yaml"
    result = CliRunner().invoke(cli, ["import", str(source), "-o", str(out), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert (
        "  说明：表1 第2行第3列 单元格内嵌有表格：按顺序读取其文字，不区分其行列" in result.output
    )
    assert "  说明：“备注”栏（第8栏）不是 zhengwu 认识的栏：其各格内容已记入 meta.notes" in (
        result.output
    )
