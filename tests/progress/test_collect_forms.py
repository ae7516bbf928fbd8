"""Any file a liaison sends back (issue 13 item 9): .doc and .docx-named .doc through LibreOffice,
a folder of sheets, the unit from the visible title, the sheet's own modified time."""

from __future__ import annotations

import os
import re
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

from zhengwu_cli.ledger.load import load_ledger

from .collect_kit import Edit, read, rezip
from .helpers import convert, render_sheet, run, soffice

needs_office = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) not installed")


@pytest.fixture(scope="module")
def justice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("justice")
    blank = render_sheet("市司法局", folder / "blank" / "市司法局.docx")
    return Edit(blank).fill({1: "已完成 2022年5月20日 目录"}).save(folder / "市司法局.docx")


@pytest.fixture(scope="module")
def audit_doc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """市审计局's sheet, filled and saved as .doc by LibreOffice."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    folder = tmp_path_factory.mktemp("audit")
    blank = render_sheet("市审计局", folder / "blank" / "市审计局.docx")
    edit = Edit(blank)
    first = edit.numbers()[0]
    filled = edit.fill({first: "6月30日已完成，见审计局网站"}).save(
        folder / "filled" / "市审计局.docx"
    )
    return convert(filled, "doc", folder / "doc")


@needs_office
def test_a_folder_means_every_sheet_in_it_doc_included(
    justice: Path, audit_doc: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "回收"
    folder.mkdir()
    shutil.copy(justice, folder / "市司法局.docx")
    shutil.copy(audit_doc, folder / "审计局回执.doc")
    (folder / "~$市司法局.docx").write_bytes(b"\x0cowner file Word leaves")
    (folder / ".~lock.市司法局.docx#").write_text("lock", encoding="utf-8")
    (folder / "说明.txt").write_text("请查收", encoding="utf-8")
    ledger = tmp_path / "2022.yaml"
    result = run("collect", "--ledger", ledger, folder)
    assert result.exit_code == 0, result.output
    assert "~$" not in result.output and "说明.txt" not in result.output
    assert re.search(r"审计局回执\.doc: 市审计局: \d+ rows: 1 filled", result.stdout)
    entries = load_ledger(ledger).ledger.entries
    assert sorted((e.unit, e.status.value, str(e.date), e.source) for e in entries) == [
        ("市司法局", "已完成", "2022-05-20", "市司法局.docx"),
        ("市审计局", "已完成", "2022-06-30", "审计局回执.doc"),
    ]


@needs_office
def test_a_doc_saved_under_a_docx_name_is_converted(audit_doc: Path, tmp_path: Path) -> None:
    disguised = tmp_path / "市审计局.docx"
    shutil.copy(audit_doc, disguised)
    sheet = read(disguised)
    assert sheet.unit == "市审计局"
    assert [e.evidence for e in sheet.entries] == ["见审计局网站"]
    assert sheet.modified is not None


def test_without_libreoffice_the_message_says_what_to_do(
    justice: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = tmp_path / "梨树县.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = run("collect", "--ledger", tmp_path / "2022.yaml", doc, justice)
    assert result.exit_code == 0, result.output  # the other sheet is collected
    assert f"{doc}: skipped: 梨树县.doc: a .doc file must be converted to .docx first" in (
        result.stderr
    )
    assert "另存为" in result.stderr and "install LibreOffice" in result.stderr


def test_the_unit_comes_from_the_visible_title_not_core_properties(
    justice: Path, tmp_path: Path
) -> None:
    edit = Edit(justice)
    edit.document.core_properties.title = "Word Document"  # as a LibreOffice save may leave it
    sheet = read(edit.save(tmp_path / "回执（1）.docx"))
    assert sheet.unit == "市司法局"
    assert sheet.title == "四平市2022年政务公开工作任务清单（市司法局）"
    edit.document.core_properties.title = "四平市2022年政务公开工作任务清单（市审计局）"
    assert read(edit.save(tmp_path / "回执（2）.docx")).unit == "市司法局"


def test_the_file_name_is_the_fallback(justice: Path, tmp_path: Path) -> None:
    sheet = read(Edit(justice).title("政务公开任务单").save(tmp_path / "市司法局-已填.docx"))
    assert sheet.unit == "市司法局"


def test_modified_is_the_sheets_own_saved_time_else_the_files(
    justice: Path, tmp_path: Path
) -> None:
    edit = Edit(justice)
    edit.document.core_properties.modified = datetime(2022, 6, 30, 8, 30)
    saved = edit.save(tmp_path / "市司法局.docx")
    assert read(saved).modified == datetime(2022, 6, 30, 8, 30, tzinfo=timezone.utc)

    def no_modified(name: str, data: bytes) -> bytes:
        if name != "docProps/core.xml":
            return data
        return re.sub(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>", b"", data)

    (tmp_path / "bare").mkdir()
    bare = rezip(saved, tmp_path / "bare" / "市司法局.docx", no_modified)
    when = datetime(2022, 7, 1, 9, 0, tzinfo=timezone.utc)
    os.utime(bare, (when.timestamp(), when.timestamp()))
    assert read(bare).modified == when


def _strict(source: Path, target: Path) -> Path:
    """The sheet as Word's “Strict Open XML” save writes its text: another namespace."""

    def change(name: str, data: bytes) -> bytes:
        if name != "word/document.xml":
            return data
        return data.replace(
            b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            b"http://purl.oclc.org/ooxml/wordprocessingml/main",
        )

    return rezip(source, target, change)


@needs_office
def test_a_strict_open_xml_sheet_is_converted(justice: Path, tmp_path: Path) -> None:
    sheet = read(_strict(justice, tmp_path / "市司法局.docx"))
    assert [(e.indicator, e.evidence) for e in sheet.entries] == [(1, "目录")]


def test_a_strict_open_xml_sheet_without_libreoffice_says_what_to_do(
    justice: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _strict(justice, tmp_path / "市司法局.docx")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = run("collect", "--ledger", tmp_path / "2022.yaml", path)
    assert result.exit_code == 2
    assert "saved as “Strict Open XML”; save it in Word as an ordinary" in result.stderr
