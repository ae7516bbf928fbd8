"""The command as a user runs it: summary, review workbook, registry, hostile files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from openpyxl import load_workbook

from zhengwu_cli.cli import cli

from .conftest import header_row, para, tbl, tc, tr, write_docx


def table(tmp_path: Path, units: str = "市司法句") -> Path:
    rows = [
        tr(tc("一、公开政策", vmerge="restart"), tc("（一）规章", vmerge="restart"),
           tc("1.集中发布"), tc("市司法局", vmerge="restart"), tc("（1）梳理"),
           tc("视情况"), tc("专栏")),
        tr(tc(vmerge="continue"), tc(vmerge="continue"), tc("2.动态更新"), tc(vmerge="continue"),
           tc("（2）更新"), tc("6月底前"), tc("记录")),
        tr(tc(vmerge="continue"), tc("（二）解读"), tc("3.同步解读"), tc(units), tc(),
           tc("年底前"), tc("")),
    ]  # fmt: skip
    return write_docx(
        tmp_path / "附件.docx", [para("梅河示例市2023年政务公开任务清单"), tbl(header_row(), *rows)]
    )


def test_summary_review_and_registry_suggestions(tmp_path: Path) -> None:
    registry = tmp_path / "units.yaml"
    registry.write_text(
        "place: 梅河示例市\nunits:\n  - {name: 市司法局, kind: department}\n", "utf-8"
    )
    out = tmp_path / "checklists" / "2023.yaml"
    review = tmp_path / "核对.xlsx"
    result = CliRunner().invoke(
        cli,
        ["import", str(table(tmp_path)), "-o", str(out), "--registry", str(registry),
         "--review", str(review)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "3 细化指标" in result.output and "1 merged cells carried" in result.output
    assert "deadlines: 2 read, 1 not read" in result.output
    assert "deadline of 1 not read, kept as text: “视情况”" in result.output
    assert "unit not in the registry: “市司法句” (did you mean 市司法局?)" in result.output
    data = yaml.safe_load(out.read_text("utf-8"))
    assert data["meta"]["registry"] == "../units.yaml"
    assert not (out.parent / "2023-units.yaml").exists()
    sheet = load_workbook(review)["导入核对"]
    rows = list(sheet.iter_rows(values_only=True))
    heading = list(rows[0])
    assert heading[:6] == ["序号", "原表编号", "原表位置", "目标", "主要任务", "细化指标"]
    second = dict(zip(heading, rows[2], strict=True))
    assert second["细化指标"] == "动态更新"
    assert second["责任单位"] == "市司法局"
    assert second["责任单位来源"] == "合并单元格，沿用第1项（表1 第2行第4列）"
    third = dict(zip(heading, rows[3], strict=True))
    assert third["工作措施来源"] == "原表空白"
    assert third["可检视成果来源"] == "原表空白"
    assert second["完成时限来源"] == "本行（表1 第3行第6列）"


def test_lint_after_import_without_registry(tmp_path: Path) -> None:
    out = tmp_path / "checklists" / "2023.yaml"
    result = CliRunner().invoke(
        cli, ["import", str(table(tmp_path, "市政府各部门")), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "is a draft" in result.output
    draft = yaml.safe_load((out.parent / "2023-units.yaml").read_text("utf-8"))
    assert draft["groups"][0]["name"] == "市政府各部门" and draft["groups"][0]["members"] == []
    lint = CliRunner().invoke(cli, ["lint", str(out), "--no-cache", "--format", "parsable"])
    assert "ZW304" in lint.output  # a group without members: the office fills it in
    assert lint.exit_code in (0, 1)


def test_year_and_place_options(tmp_path: Path) -> None:
    out = tmp_path / "x.yaml"
    result = CliRunner().invoke(
        cli,
        ["import", str(table(tmp_path)), "-o", str(out), "--year", "2031", "--place", "别市"],
    )
    assert result.exit_code == 0, result.output
    meta = yaml.safe_load(out.read_text("utf-8"))["meta"]
    assert (meta["year"], meta["place"]) == (2031, "别市")


def test_output_must_be_yaml(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["import", str(table(tmp_path)), "-o", str(tmp_path / "a.txt")]
    )
    assert result.exit_code == 2 and ".yaml" in result.output


def test_huge_web_page_is_refused_quickly(tmp_path: Path) -> None:
    rows = "".join(f"<tr><td>{i}.做好公开</td><td>办公室</td></tr>" for i in range(100_000))
    page = tmp_path / "big.html"
    page.write_text(f"<table><tr><th>细化指标</th><th>责任单位</th></tr>{rows}</table>", "utf-8")
    result = CliRunner().invoke(cli, ["import", str(page), "-o", str(tmp_path / "2023.yaml")])
    assert result.exit_code == 2
    assert "more than 20000 rows" in result.output


def test_deeply_nested_page_does_not_crash(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<div>" * 5000 + "正文" + "</div>" * 5000, "utf-8")
    result = CliRunner().invoke(cli, ["import", str(page), "-o", str(tmp_path / "2023.yaml")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "no table" in result.output


def test_damaged_docx(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    result = CliRunner().invoke(cli, ["import", str(bad), "-o", str(tmp_path / "2023.yaml")])
    assert result.exit_code == 2 and "not a Word .docx file" in result.output


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["import", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output
    assert "import" in CliRunner().invoke(cli, ["--help"]).output


def test_huge_workbook_is_refused_before_loading(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["细化指标", "责任单位"])
    ws.cell(row=30_000, column=1, value="1.很远的一行")
    book.save(tmp_path / "big.xlsx")
    result = CliRunner().invoke(
        cli, ["import", str(tmp_path / "big.xlsx"), "-o", str(tmp_path / "2023.yaml")]
    )
    assert result.exit_code == 2 and "30000 rows" in result.output


def test_own_headings_from_pyproject(tmp_path: Path, monkeypatch: object) -> None:
    import pytest

    mp = pytest.MonkeyPatch()
    try:
        rows = [tr(tc("办理事项"), tc("承办科室")), tr(tc("1.做好公开"), tc("法规科"))]
        source = write_docx(tmp_path / "t.docx", [para("某局2023年政务公开任务清单"),
                                                  tbl(*rows, width=2), para()])  # fmt: skip
        mp.chdir(tmp_path)
        out = tmp_path / "2023.yaml"
        result = CliRunner().invoke(cli, ["import", str(source), "-o", str(out)])
        assert result.exit_code == 2 and "no column like" in result.output
        (tmp_path / "pyproject.toml").write_text(
            '[tool.zhengwu.import.headers]\nindicator = ["办理事项"]\nunits = "承办科室"\n', "utf-8"
        )
        result = CliRunner().invoke(cli, ["import", str(source), "-o", str(out)])
        assert result.exit_code == 0, result.output
        meta = yaml.safe_load(out.read_text("utf-8"))["meta"]
        assert meta["headers"] == {"indicator": "办理事项", "units": "承办科室"}
        (tmp_path / "pyproject.toml").write_text('[tool.zhengwu.import.headers]\nx = ["a"]\n')
        result = CliRunner().invoke(cli, ["import", str(source), "-o", str(out), "--force"])
        assert result.exit_code == 2 and "unknown column kind(s) x" in result.output
    finally:
        mp.undo()


def test_a_registry_the_office_filled_in_is_never_overwritten(tmp_path: Path) -> None:
    """The first import writes a draft; the office fills in a group's members; importing again
    (even with --force) keeps every word of it and resolves the names through it."""
    source = table(tmp_path, units="市司法局")
    out = tmp_path / "checklists" / "2023.yaml"
    first = CliRunner().invoke(cli, ["import", str(source), "-o", str(out)])
    assert first.exit_code == 0, first.output
    draft = out.parent / "2023-units.yaml"
    edited = draft.read_text("utf-8") + "# 已由政务公开办核对\n"
    draft.write_text(edited, "utf-8")
    again = CliRunner().invoke(cli, ["import", str(source), "-o", str(out), "--force"])
    assert again.exit_code == 0, again.output
    assert draft.read_text("utf-8") == edited
    assert f"using the registry {draft} that is already there" in again.output
    assert yaml.safe_load(out.read_text("utf-8"))["meta"]["registry"] == "2023-units.yaml"


def test_a_party_department_is_one_unit_not_a_unit_and_a_duty(tmp_path: Path) -> None:
    """市委组织部: 组织 heads a body's name here, it is not a duty of 市委."""
    source = table(tmp_path, units="市政府办公室、市委组织部负责")
    out = tmp_path / "checklists" / "2023.yaml"
    result = CliRunner().invoke(cli, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    draft = yaml.safe_load((out.parent / "2023-units.yaml").read_text("utf-8"))
    names = [u["name"] for u in draft["units"]]
    assert "市委组织部" in names and "市委" not in names
    listed = CliRunner().invoke(
        cli, ["list", "-c", str(out), "--unit", "市委组织部", "--format", "json"]
    )
    assert listed.exit_code == 0, listed.output
    assert [r["indicator"] for r in yaml.safe_load(listed.stdout)] == [3]


def test_the_library_says_what_happened_and_checks_the_review_name(tmp_path: Path) -> None:
    """import_table, not the command, refuses a review that is not .xlsx; its report keeps the
    warnings, the summary and the files apart."""
    from zhengwu_cli.importer import ImportFailure, import_table

    source = table(tmp_path)
    out = tmp_path / "checklists" / "2023.yaml"
    with pytest.raises(ImportFailure, match=r"--review .*r\.csv: the review is an Excel workbook"):
        import_table(source, out, review=tmp_path / "r.csv")
    assert not out.parent.exists()
    first = import_table(source, out)
    draft = out.parent / "2023-units.yaml"
    assert (first.registry_draft, first.warnings, first.written) == (draft, [], [out, draft])
    assert first.summary[0].startswith("table: 表1; header row 1: ")
    again = import_table(source, out, force=True, dry_run=True)
    assert again.registry_draft is None and again.written == [out]
    assert again.warnings == [
        f"using the registry {draft} that is already there (it is not overwritten; delete it "
        "to get a new draft)"
    ]
