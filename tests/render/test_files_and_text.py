"""Safe names, atomic writes and text cleaning: what protects the user's files."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from zhengwu_cli.load import load
from zhengwu_cli.query import Filters, rows, select
from zhengwu_cli.render import RenderError
from zhengwu_cli.render.docx_sheet import Renderer
from zhengwu_cli.render.files import inside, safe_filename, write_atomic
from zhengwu_cli.render.template import load_texts, load_word
from zhengwu_cli.render.text import clean
from zhengwu_cli.resources import default_checklist, templates_dir


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("市司法局", "市司法局.docx"),
        ("县（市）区政府", "县（市）区政府.docx"),
        ("a/b\\c", "a_b_c.docx"),
        ('x:y*z?"<>|', "x_y_z_____.docx"),
        ("CON", "_CON.docx"),
        ("nul.docx", "_nul.docx"),
        ("com1.txt", "_com1.txt.docx"),
        ("..", "_.docx"),
        ("../../etc/passwd", "_.._etc_passwd.docx"),
        ("名称. ", "名称.docx"),
        ("tab\there", "tab_here.docx"),
        ("", "_.docx"),
    ],
)
def test_safe_filename(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_safe_filename_is_short_enough() -> None:
    assert len(safe_filename("局" * 500)) <= 130


def test_inside_refuses_to_leave_the_folder(tmp_path: Path) -> None:
    assert inside(tmp_path, "a.docx") == tmp_path / "a.docx"
    with pytest.raises(RenderError, match="leave the output folder"):
        inside(tmp_path, "../a.docx")


def test_write_atomic_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "a.docx"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["a.docx"]


def test_interrupted_write_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "a.docx", b"data")
    assert list(tmp_path.iterdir()) == []


def test_clean_maps_breaks_and_drops_the_rest() -> None:
    assert clean("a\x0bb") == ("a\nb", ["U+000B"])
    assert clean("a_x000B_b") == ("a\nb", ["_x000B_"])
    assert clean("a\r\nb") == ("a\nb", [])
    assert clean("a\x00b\x07c\ufffe") == ("abc", ["U+0000", "U+0007", "U+FFFE"])
    assert clean("普通文字，（一）") == ("普通文字，（一）", [])


def test_sheet_with_control_characters_is_written_and_reported() -> None:
    loaded = load(default_checklist())
    all_rows = rows(loaded.checklist, loaded.registry)
    chosen = select(all_rows, Filters(units=["市司法局"]), loaded.registry)
    first = chosen[0].indicator
    first.text = "第一行\x0b第二行\x00"
    renderer = Renderer(
        loaded.checklist,
        loaded.registry,
        load_word(templates_dir() / "sheet.docx"),
        load_texts(templates_dir() / "sheet.yaml"),
        date(2022, 6, 1),
    )
    sheet = renderer.unit_sheet("市司法局", chosen)
    assert [c.chars for c in sheet.cleaned] == [("U+000B", "U+0000")]
    assert sheet.cleaned[0].path[-1] == "text"
    line, _ = loaded.positions.of(sheet.cleaned[0].path)
    assert line > 1  # the warning points at the indicator's text in the YAML
    import io

    document = Document(io.BytesIO(sheet.data))
    cell = document.tables[0].rows[2].cells[1]  # under the headings and the task row
    assert [p.text for p in cell.paragraphs] == ["第一行", "第二行"]
    assert "2022年6月1日" in document.paragraphs[1].text
