"""The report's text against golden files, and its wording taken from the checklist meta.

On a mismatch the test fails; with ZHENGWU_UPDATE_GOLDEN=1 it rewrites the golden file first,
so the change shows in `git diff`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from zhengwu_cli.ledger import LedgerError
from zhengwu_cli.ledger.report import render_text

from .helpers import GOLDEN, SAMPLE, run

CASES = {
    "report-2022-07-01.txt": ("--format", "text"),
    "report-2022-07-01.md": ("--format", "md"),
    "report-市司法局-2022-12-31.txt": ("--format", "text", "--unit", "市司法局"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str) -> None:
    args = CASES[name]
    as_of = "2022-12-31" if "12-31" in name else "2022-07-01"
    result = run("report", "--ledger", SAMPLE, "--as-of", as_of, *args)
    assert result.exit_code == 0, result.output
    golden = GOLDEN / name
    if os.environ.get("ZHENGWU_UPDATE_GOLDEN") == "1":
        golden.write_text(result.stdout, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden}; run with ZHENGWU_UPDATE_GOLDEN=1"
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_place_and_title_come_from_the_checklist(checklist_copy: Path) -> None:
    text = checklist_copy.read_text(encoding="utf-8")
    checklist_copy.write_text(
        text.replace("place: 四平市", "place: 某某市", 1).replace(
            "title: 四平市贯彻落实", "title: 某某市贯彻落实", 1
        ),
        encoding="utf-8",
    )
    ledger = checklist_copy.parent / "ledger.yaml"
    ledger.write_text(
        SAMPLE.read_text(encoding="utf-8").replace("place: 四平市", "place: 某某市"),
        encoding="utf-8",
    )
    result = run(
        "report",
        "--checklist",
        checklist_copy,
        "--ledger",
        ledger,
        "--as-of",
        "2022-07-01",
        "--format",
        "text",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("某某市落实2022年政务公开工作要点情况\n")
    assert "四平" not in result.stdout


def test_a_misspelt_template_name_is_an_error_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "report.txt.j2").write_text("标题\n{{ plcae }}\n", encoding="utf-8")
    with pytest.raises(LedgerError) as error:
        render_text({"place": "x"}, "text", tmp_path)
    assert "report.txt.j2:2" in str(error.value)
    assert "'plcae' is undefined" in str(error.value)


def test_a_report_that_cannot_be_written_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    target = tmp_path / "报告.docx"
    result = run("report", "--ledger", SAMPLE, "--as-of", "2022-07-01", "-o", target)
    assert result.exit_code == 2  # as for render and collect
    assert f"cannot write {target}: No space left on device" in result.stderr
    assert list(tmp_path.iterdir()) == []
