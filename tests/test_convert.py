"""The LibreOffice converter shared by collect and import: a real .doc made by LibreOffice, a
missing LibreOffice, and a file LibreOffice cannot read."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import docx
import pytest

from zhengwu_cli.convert import ConvertError, needs_conversion, soffice, to_docx

needs_office = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) not installed")


def make_doc(folder: Path) -> Path:
    """A .doc saved by LibreOffice from a .docx with a two-row table.

    Through .odt: LibreOffice 7.4 drops python-docx's tables when it writes .doc from .docx
    directly, but keeps them from its own format.
    """
    source = folder / "任务单.docx"
    document = docx.Document()
    document.add_paragraph("四平市2022年政务公开工作任务清单（市审计局）")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "序号"
    table.cell(0, 1).text = "完成情况"
    table.cell(1, 0).text = "69"
    table.cell(1, 1).text = "已完成 2022年6月30日"
    document.save(str(source))
    for form, given in (("odt", source), ("doc", folder / "odt" / "任务单.odt")):
        subprocess.run(
            ["soffice", "--headless", "--convert-to", form, "--outdir", str(folder / form), given],
            check=True,
            capture_output=True,
            timeout=180,
        )
    return folder / "doc" / "任务单.doc"


@needs_office
def test_a_doc_comes_back_as_docx_with_its_text(tmp_path: Path) -> None:
    doc = make_doc(tmp_path)
    assert needs_conversion(doc)
    made = to_docx(doc, tmp_path / "converted")
    assert made.suffix == ".docx"
    document = docx.Document(str(made))
    assert document.paragraphs[0].text == "四平市2022年政务公开工作任务清单（市审计局）"
    cells = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert cells == [["序号", "完成情况"], ["69", "已完成 2022年6月30日"]]


def test_without_libreoffice_the_message_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    doc = tmp_path / "任务单.wps"
    doc.write_bytes(b"\xd0\xcf\x11\xe0 not really")
    with pytest.raises(ConvertError) as caught:
        to_docx(doc, tmp_path)
    message = str(caught.value)
    assert "任务单.wps" in message
    assert "另存为" in message and "LibreOffice" in message


@needs_office
def test_a_file_libreoffice_cannot_read_is_an_error_not_a_crash(tmp_path: Path) -> None:
    broken = tmp_path / "坏文件.doc"
    broken.write_bytes(os.urandom(64))  # LibreOffice makes nothing of it (or an empty text)
    folder = tmp_path / "converted"
    folder.mkdir()
    try:
        made = to_docx(broken, folder)
    except ConvertError as error:
        assert "坏文件.doc" in str(error)
    else:  # LibreOffice may import random bytes as plain text: then it is a readable .docx
        assert docx.Document(str(made)) is not None


def test_docx_and_other_forms_need_no_conversion() -> None:
    assert not needs_conversion(Path("a.docx"))
    assert not needs_conversion(Path("a.xlsx"))
    assert needs_conversion(Path("A.DOC")) and needs_conversion(Path("b.odt"))
