"""collect: sheets → ledger. Nothing lost, conflicts listed, atomic write, bad documents skipped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from zhengwu_cli.ledger.load import load_ledger
from zhengwu_cli.ledger.model import Status

from .helpers import SAMPLE, fill, render_sheet, run

THREE = {
    1: "已完成 2022年5月20日 在政府门户网站集中发布现行有效规范性文件86件",
    2: "完成，2022-06-28，https://example.gov.cn/gfxwj",
    4: "推进中：部分解读材料待报送",
}


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_sheet("市司法局", tmp_path_factory.mktemp("sheet") / "市司法局.docx")


def test_collect_starts_a_ledger_holding_what_was_filled(tmp_path: Path, blank: Path) -> None:
    sheet = fill(blank, THREE, tmp_path / "市司法局.docx")
    ledger = tmp_path / "progress" / "2022.yaml"
    result = run("collect", "--ledger", ledger, sheet)
    assert result.exit_code == 0, result.output
    entries = load_ledger(ledger).ledger.entries
    got = [(e.indicator, e.unit, e.status, str(e.date), e.evidence, e.notes) for e in entries]
    assert got == [
        (
            1,
            "市司法局",
            Status.done,
            "2022-05-20",
            "在政府门户网站集中发布现行有效规范性文件86件",
            None,
        ),
        (2, "市司法局", Status.done, "2022-06-28", "https://example.gov.cn/gfxwj", None),
        (4, "市司法局", Status.in_progress, "None", None, "部分解读材料待报送"),
    ]
    assert {e.source for e in entries} == {"市司法局.docx"}
    # collecting the same sheet again adds nothing and keeps the file as it is
    before = ledger.read_bytes()
    again = run("collect", "--ledger", ledger, sheet)
    assert "0 entries to add, 3 already in the ledger, 0 conflicts" in again.stdout
    assert ledger.read_bytes() == before


def test_conflicts_are_listed_not_applied_and_comments_kept(tmp_path: Path, blank: Path) -> None:
    ledger = tmp_path / "2022.yaml"
    ledger.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    original = ledger.read_text(encoding="utf-8")
    sheet = fill(
        blank,
        {2: "推进中 仍在梳理", 5: "已完成 2022-06-01 解读材料20篇"},
        tmp_path / "市司法局.docx",
    )
    result = run("collect", "--ledger", ledger, sheet)
    assert result.exit_code == 0, result.output
    assert "conflict: indicator 2 市司法局: the ledger has 已完成 2022-06-28" in result.stderr
    assert "--update" in result.stderr
    text = ledger.read_text(encoding="utf-8")
    assert text.startswith(original)  # every byte a person wrote, comments included
    added = yaml.safe_load(text[len(original) :])
    assert [(e["indicator"], e["status"]) for e in added] == [(5, "已完成")]
    # with --update the sheet's value is appended; the old entry stays above as history
    updated = run("collect", "--ledger", ledger, "--update", sheet)
    assert updated.exit_code == 0
    entries = load_ledger(ledger).ledger.entries
    mine = [(e.status, e.notes) for e in entries if e.indicator == 2 and e.unit == "市司法局"]
    assert mine == [
        (Status.in_progress, "正在梳理废止文件目录"),
        (Status.done, None),
        (Status.in_progress, "仍在梳理"),
    ]


def test_a_failed_write_leaves_the_old_ledger(
    tmp_path: Path, blank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = tmp_path / "2022.yaml"
    ledger.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    before = ledger.read_bytes()
    sheet = fill(blank, {5: "已完成 解读20篇"}, tmp_path / "市司法局.docx")

    def broken(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    result = run("collect", "--ledger", ledger, sheet)
    assert result.exit_code == 2  # a file that cannot be written, as for render
    assert "the disk is full" in result.stderr
    assert ledger.read_bytes() == before
    left = sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".lock")  # the lock stays
    assert left == ["2022.yaml", "市司法局.docx"]


def test_a_ledger_changed_meanwhile_is_not_overwritten(
    tmp_path: Path, blank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zhengwu_cli.ledger import merge

    ledger = tmp_path / "2022.yaml"
    ledger.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    sheet = fill(blank, {5: "已完成 解读20篇"}, tmp_path / "市司法局.docx")
    real_verify = merge.verify

    def verify_then_someone_saves(*args: object, **kwargs: object) -> object:
        found = real_verify(*args, **kwargs)  # type: ignore[arg-type]
        ledger.write_text(SAMPLE.read_text(encoding="utf-8") + "# 有人编辑\n", encoding="utf-8")
        return found

    monkeypatch.setattr(merge, "verify", verify_then_someone_saves)
    result = run("collect", "--ledger", ledger, sheet)
    assert result.exit_code == 2
    assert "changed on disk" in result.stderr
    assert ledger.read_text(encoding="utf-8").endswith("# 有人编辑\n")


def test_bad_documents_are_skipped_and_exit_is_2_only_if_none_read(
    tmp_path: Path, blank: Path
) -> None:
    from docx import Document

    damaged = tmp_path / "坏.docx"
    damaged.write_bytes(b"PK\x03\x04 not really a zip")
    other = tmp_path / "通知.docx"
    document = Document()
    document.add_paragraph("关于召开会议的通知")
    document.save(str(other))
    ledger = tmp_path / "2022.yaml"

    nothing = run("collect", "--ledger", ledger, damaged, other)
    assert nothing.exit_code == 2  # no file could be read, as for any command
    assert "Error: no sheet could be read; nothing was collected" in nothing.stderr
    assert f"{damaged}: skipped: not a Word .docx file" in nothing.stderr
    assert f"{other}: skipped: not a zhengwu task sheet" in nothing.stderr
    assert not ledger.exists()

    sheet = fill(blank, {1: "已完成 目录"}, tmp_path / "市司法局.docx")
    some = run("collect", "--ledger", ledger, damaged, sheet, other)
    assert some.exit_code == 0
    assert [e.indicator for e in load_ledger(ledger).ledger.entries] == [1]


def test_a_cell_without_status_is_kept_as_a_note_with_a_warning(
    tmp_path: Path, blank: Path
) -> None:
    sheet = fill(blank, {1: "已报送材料"}, tmp_path / "市司法局.docx")
    ledger = tmp_path / "2022.yaml"
    result = run("collect", "--ledger", ledger, sheet)
    assert "recorded as 推进中" in result.stderr
    (entry,) = load_ledger(ledger).ledger.entries
    assert (entry.status, entry.notes) == (Status.in_progress, "已报送材料")
