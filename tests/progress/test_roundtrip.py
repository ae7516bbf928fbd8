"""The issue's 'done when': render 市司法局's sheet, fill three rows, save it from a script and
through LibreOffice, collect each, and the report states those three as completed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from zhengwu_cli.ledger.load import load_ledger
from zhengwu_cli.ledger.model import Status

from .helpers import convert, fill, render_sheet, run, soffice

FILLED = {
    1: "已完成 2022年5月20日 在政府门户网站集中发布现行有效规范性文件86件",
    2: "已完成 2022-06-28 废止规范性文件12件并更新目录",
    5: "已完成 2022年6月10日 收集社会关注点形成解读重点清单",
}
EXPECTED = [
    (1, Status.done, "2022-05-20", "在政府门户网站集中发布现行有效规范性文件86件"),
    (2, Status.done, "2022-06-28", "废止规范性文件12件并更新目录"),
    (5, Status.done, "2022-06-10", "收集社会关注点形成解读重点清单"),
]

needs_office = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) not installed")


def collect_and_report(sheet: Path, folder: Path) -> str:
    ledger = folder / "2022.yaml"
    result = run("collect", "--ledger", ledger, sheet)
    assert result.exit_code == 0, result.output
    entries = load_ledger(ledger).ledger.entries
    got = [(e.indicator, e.status, str(e.date), e.evidence) for e in entries]
    assert got == EXPECTED
    assert {e.unit for e in entries} == {"市司法局"}
    text = run(
        "report",
        "--ledger",
        ledger,
        "--unit",
        "市司法局",
        "--as-of",
        "2022-12-31",
        "--format",
        "text",
    )
    assert text.exit_code == 0, text.output
    return text.stdout


def assert_states_the_three(report: str) -> None:
    assert "已完成3项" in report
    for number, _, _, evidence in EXPECTED:  # achievements are numbered 1, 2, 3 (not by 序号)
        assert evidence in report and f"\n{number}\t" in report  # and the table lists the row


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("roundtrip")
    blank = render_sheet("市司法局", folder / "blank" / "市司法局.docx")
    return fill(blank, FILLED, folder / "市司法局.docx")


def test_saved_from_a_script(filled: Path, tmp_path: Path) -> None:
    assert_states_the_three(collect_and_report(filled, tmp_path))


@needs_office
def test_saved_by_libreoffice(filled: Path, tmp_path: Path) -> None:
    source = tmp_path / "in" / "市司法局.odt"
    source.parent.mkdir()
    odt = convert(filled, "odt", tmp_path / "in")  # open and save in LibreOffice's own format
    assert odt == source
    resaved = convert(odt, 'docx:"MS Word 2007 XML"'.replace('"', ""), tmp_path / "out")
    assert_states_the_three(collect_and_report(resaved, tmp_path))


@needs_office
def test_the_report_docx_opens_in_libreoffice(filled: Path, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not installed")
    import subprocess

    ledger = tmp_path / "2022.yaml"
    assert run("collect", "--ledger", ledger, filled).exit_code == 0
    target = tmp_path / "插页.docx"
    result = run(
        "report", "--ledger", ledger, "--unit", "市司法局", "--as-of", "2022-12-31", "-o", target
    )
    assert result.exit_code == 0, result.output
    pdf = convert(target, "pdf", tmp_path / "pdf")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())
    assert "市司法局落实2022年政务公开工作要点情况" in flat
    for _, _, _, evidence in EXPECTED:
        assert evidence in flat
    # an existing file is not overwritten without --force
    again = run("report", "--ledger", ledger, "-o", target)
    assert again.exit_code == 2 and "exists" in again.stderr
