"""render/write.py: `write_sheets` is the library call behind `zhengwu render`; it returns what
it did (files, skipped units, unholdable texts, unreached indicators) and never prints."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from zhengwu_cli.load import Loaded, load
from zhengwu_cli.query import Filters
from zhengwu_cli.render import RenderError
from zhengwu_cli.render.write import Interrupted, Request, Unholdable, write_sheets

TWO = ["市司法局", "市审计局"]


def test_it_writes_each_units_sheet_and_tells_the_progress(loaded: Loaded, tmp_path: Path) -> None:
    told: list[tuple[str, int, int]] = []
    request = Request(filters=Filters(units=TWO), output=tmp_path)
    outcome = write_sheets(
        loaded, request, lambda t, done, total: told.append((t.name, done, total))
    )
    assert outcome.written == [tmp_path / "市司法局.docx", tmp_path / "市审计局.docx"]
    assert all(path.stat().st_size > 0 for path in outcome.written)
    assert told == [("市司法局.docx", 0, 2), ("市审计局.docx", 1, 2)]
    assert outcome.skipped == [] and outcome.unholdable == [] and outcome.dropped is None
    assert outcome.unreached == []  # a unit's own sheets are not the place to say it


def test_all_units_names_the_skipped_ones_and_the_unreached(loaded: Loaded, tmp_path: Path) -> None:
    request = Request(filters=Filters(month=6), all_units=True, output=tmp_path)
    outcome = write_sheets(loaded, request)
    assert outcome.skipped, "some unit has nothing due in June"
    assert {p.stem for p in outcome.written}.isdisjoint(outcome.skipped)
    assert sorted(tmp_path.iterdir()) == sorted(outcome.written)
    assert [u.number for u in outcome.unreached] == [49, 50, 51, 52, 53, 56, 72]


def test_an_existing_file_stops_the_whole_batch(loaded: Loaded, tmp_path: Path) -> None:
    (tmp_path / "市审计局.docx").write_bytes(b"mine")
    request = Request(filters=Filters(units=TWO), output=tmp_path)
    with pytest.raises(RenderError, match="this file exists; nothing was written"):
        write_sheets(loaded, request)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["市审计局.docx"]
    assert (tmp_path / "市审计局.docx").read_bytes() == b"mine"
    outcome = write_sheets(loaded, replace(request, force=True))
    assert len(outcome.written) == 2 and (tmp_path / "市审计局.docx").read_bytes() != b"mine"


def test_a_ctrl_c_says_how_many_sheets_are_complete(loaded: Loaded, tmp_path: Path) -> None:
    def progress(target: Path, done: int, total: int) -> None:
        if done == 1:
            raise KeyboardInterrupt

    request = Request(filters=Filters(units=TWO), output=tmp_path)
    with pytest.raises(Interrupted) as caught:
        write_sheets(loaded, request, progress)
    assert caught.value.written == [tmp_path / "市司法局.docx"]
    assert isinstance(caught.value, KeyboardInterrupt)  # still a Ctrl-C to whoever catches one
    assert [p.name for p in tmp_path.iterdir()] == ["市司法局.docx"]


def test_a_text_a_docx_cannot_hold_is_told_at_its_line(
    checklist_copy: Path, tmp_path: Path
) -> None:
    text = checklist_copy.read_text(encoding="utf-8")
    line = "      text: 落实行政规范性文件统一登记"
    assert line in text
    checklist_copy.write_text(
        text.replace(line, "      text: 落实行政规范性文件_x000B_统一登记", 1), encoding="utf-8"
    )
    number = text[: text.index(line)].count("\n") + 1
    request = Request(filters=Filters(units=["市司法局"]), output=tmp_path / "out")
    outcome = write_sheets(load(checklist_copy), request)
    assert outcome.unholdable == [Unholdable(number, 13, ("_x000B_",))]


def test_several_sheets_need_a_folder(loaded: Loaded, tmp_path: Path) -> None:
    request = Request(filters=Filters(units=TWO), output=tmp_path / "x.docx")
    with pytest.raises(RenderError, match="several sheets need a folder"):
        write_sheets(loaded, request)
    assert list(tmp_path.iterdir()) == []
