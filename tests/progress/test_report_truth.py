"""The report says what the units reported, and nothing else: a trial as a real user (the
bundled 2022 checklist; 市司法局 and 梨树县 return their task sheets) read back as a person
reads it, in the text format and in the .docx.

- item 3: 市司法局 推进中, 梨树县 已完成 — not "已报送的单位已完成";
- item 7: 市司法局 wrote 呜啦啦 (not understood, ZW612), 梨树县 已完成 — the text is no reason
  heading: 完成情况待核实;
- item 14: 市司法局 不适用 only — 不适用 is a report, not 已完成;
- items 49–53, 56, 72 name no unit — 未明确责任单位, no unit blamed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from .helpers import fill, render_sheet, run
from .test_report import docx_text

UNCLEAR_TEXT = "呜啦啦"


@pytest.fixture(scope="module")
def trial(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The trial's ledger, collected from two returned task sheets as a liaison fills them."""
    folder = tmp_path_factory.mktemp("trial")
    sheets = []
    for unit, cells in (
        ("市司法局", {3: "推进中", 7: UNCLEAR_TEXT, 14: "不适用"}),
        ("梨树县", {3: "已完成", 7: "已完成"}),
    ):
        blank = render_sheet(unit, folder / f"{unit}-空白.docx")
        sheets.append(fill(blank, cells, folder / f"{unit}.docx"))
    ledger = folder / "2022.yaml"
    result = run("collect", "--ledger", ledger, *sheets)
    assert result.exit_code == 0, result.output
    assert "ZW612" in result.stderr  # 呜啦啦 was not understood
    # collected in December 2022, as the trial was (collect writes today's date)
    today = date.today().isoformat()
    text = ledger.read_text(encoding="utf-8")
    assert f"collected: {today}" in text
    ledger.write_text(text.replace(f"collected: {today}", "collected: 2022-12-20"), "utf-8")
    return ledger


def report_text(ledger: Path) -> str:
    result = run("report", "--ledger", ledger, "--as-of", "2022-12-31", "--format", "text")
    assert result.exit_code == 0, result.output
    return result.stdout


def section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end)]


def row(text: str, number: int) -> list[str]:
    return next(line.split("\t") for line in text.splitlines() if line.startswith(f"{number}\t"))


def _reads_true(text: str, table_row: Callable[[int], list[str]]) -> None:
    """What (四) and the table say of the trial's items."""
    unfinished = section(text, "（四）", "（五）")
    # 1. item 3 under what was reported, not "已完成"
    assert (
        "未说明原因，其余责任单位尚未报送：第3项（已完成：梨树县；推进中：市司法局）。"
        in unfinished
    )
    assert "已报送的单位已完成" not in unfinished
    # 2. the text not understood is no heading, nor anywhere in the report
    assert "完成情况待核实：第7项（已完成：梨树县；完成情况待核实：市司法局）。" in unfinished
    assert UNCLEAR_TEXT not in text
    # 3. item 14: 不适用 reported by the one unit that reported
    assert (
        "已报送的单位均为不适用，其余责任单位尚未报送：第14项（不适用：市司法局）。" in unfinished
    )
    # 4. rows that reach no unit blame no unit
    assert "未明确责任单位，无单位报送：第49—53、56、72项。" in unfinished
    blamed = next(line for line in unfinished.splitlines() if "各责任单位均未报送" in line)
    assert all(f"、{n}、" not in blamed for n in (49, 50, 51, 52, 53, 56, 72))
    assert "15—48、54、55、57—71、73—85" in blamed
    # the table: what each unit said, and the rows without units
    assert table_row(3)[-1].startswith("已完成：梨树县；推进中：市司法局；未报送：")
    assert table_row(7)[-1].startswith("已完成：梨树县；完成情况待核实：市司法局；未报送：")
    assert table_row(14)[-2:][0] == "未报送"
    assert table_row(14)[-1].startswith("不适用：市司法局；未报送：")
    for number in (49, 56, 72):
        assert table_row(number)[-1] == "未明确责任单位"


def test_the_text_report_says_what_the_units_reported(trial: Path) -> None:
    text = report_text(trial)
    _reads_true(text, lambda number: row(text, number))
    # 6. nothing completed for the city: no 完成日期 column empty in every row
    headings = next(line for line in text.splitlines() if line.startswith("序号\t"))
    assert headings.split("\t") == ["序号", "细化指标", "完成时限", "完成情况", "成果或说明"]


def test_the_docx_reads_the_same(trial: Path, tmp_path: Path) -> None:
    target = tmp_path / "插页.docx"
    result = run("report", "--ledger", trial, "--as-of", "2022-12-31", "-o", target)
    assert result.exit_code == 0, result.output
    text = docx_text(target)

    def table_row(number: int) -> list[str]:
        line = next(x for x in text.splitlines() if x.startswith(f"{number} | "))
        return line.split(" | ")

    _reads_true(text.replace(" | ", "\t"), table_row)


def test_the_date_column_is_there_once_an_indicator_is_done(trial: Path, tmp_path: Path) -> None:
    ledger = tmp_path / "2022.yaml"
    ledger.write_text(
        trial.read_text(encoding="utf-8")
        + "- indicator: 72\n  status: 已完成\n  date: 2022-06-30\n  evidence: 开放日已举办\n",
        encoding="utf-8",
    )
    text = report_text(ledger)
    headings = next(line for line in text.splitlines() if line.startswith("序号\t"))
    assert headings.split("\t")[4] == "完成日期"
    assert row(text, 72)[3:5] == ["已完成", "2022年6月30日"]
    assert row(text, 3)[4] == ""


@pytest.mark.parametrize(
    ("fmt", "name", "ending"),
    [("text", "插页.docx", ".txt"), ("md", "插页.txt", ".md"), ("docx", "插页.md", ".docx")],
)
def test_an_output_name_that_does_not_match_the_format_is_refused(
    trial: Path, tmp_path: Path, chinese: None, fmt: str, name: str, ending: str
) -> None:
    target = tmp_path / name
    result = run("report", "--ledger", trial, "--format", fmt, "-o", target)
    assert result.exit_code == 2
    assert f"--format {fmt} 写出的是 {ending} 文件；请用以 {ending} 结尾的文件名" in result.stderr
    assert not target.exists()


@pytest.mark.parametrize(("fmt", "name"), [("text", "插页.TXT"), ("md", "插页.markdown")])
def test_an_output_name_that_matches_is_written(
    trial: Path, tmp_path: Path, fmt: str, name: str
) -> None:
    target = tmp_path / name
    result = run("report", "--ledger", trial, "--format", fmt, "-o", target)
    assert result.exit_code == 0, result.output
    assert "完成情况待核实" in target.read_text(encoding="utf-8")
