"""A hostile or huge sheet skips itself, never the batch (issue 12 item 7): zip bombs, entity
declarations, malformed w:gridSpan, a file name that is not UTF-8, a giant cell, a long 序号."""

from __future__ import annotations

import os
import random
import re
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from zhengwu_cli.ledger.collect import SheetError
from zhengwu_cli.ledger.load import load_ledger

from .collect_kit import Edit, messages, read, rezip
from .helpers import render_sheet, run

MB = 2**20


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_sheet("市司法局", tmp_path_factory.mktemp("sheet") / "市司法局.docx")


@pytest.fixture(scope="module")
def good(blank: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("good") / "市司法局.docx"
    return Edit(blank).fill({1: "已完成 2022年5月20日 目录"}).save(target)


def bomb(source: Path, target: Path, name: str, megabytes: int, head: bytes = b"") -> Path:
    """The sheet with part `name` replaced by `head` and then `megabytes` MB of blanks:
    written in pieces at the fastest level, so building it costs little time and memory; it
    deflates more than 200:1."""
    rezip(source, target, lambda n, data: None if n == name else data)
    with (
        zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open(name, "w", force_zip64=True) as part,
    ):
        part.write(head)
        chunk = b" " * MB
        for _ in range(megabytes):
            part.write(chunk)
    return target


@pytest.fixture(scope="module")
def big_bomb(good: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    # 600 MB of XML from a file of 3 MB: over the 512 MB the parts may unpack to
    target = tmp_path_factory.mktemp("bomb") / "炸弹.docx"
    return bomb(good, target, "word/document.xml", 600, b"<?xml version='1.0'?>")


def test_a_zip_bomb_is_refused_before_it_is_inflated(big_bomb: Path) -> None:
    path = big_bomb
    assert path.stat().st_size < 4 * MB
    tracemalloc.start()
    try:
        with pytest.raises(SheetError, match="zip bomb"):
            read(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * MB


def test_a_part_compressed_beyond_any_document_is_refused(good: Path, tmp_path: Path) -> None:
    # 40 MB of blanks in a part no sheet needs: under the total, but compressed ~1000:1
    path = bomb(good, tmp_path / "x.docx", "word/media/junk.xml", 40)
    with pytest.raises(SheetError, match=r"compressed \d+:1 \(more than 100:1\)"):
        read(path)


def test_a_bomb_in_the_batch_skips_only_itself(big_bomb: Path, good: Path, tmp_path: Path) -> None:
    path = big_bomb
    ledger = tmp_path / "2022.yaml"
    result = run("collect", "--ledger", ledger, path, good)
    assert result.exit_code == 0, result.output
    assert f"{path}: skipped:" in result.stderr and "zip bomb" in result.stderr
    assert [e.indicator for e in load_ledger(ledger).ledger.entries] == [1]


def test_entity_declarations_are_refused(good: Path, tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    )

    def change(name: str, data: bytes) -> bytes:
        if name != "word/document.xml":
            return data
        text = data.decode("utf-8")
        text = re.sub(r"^<\?xml[^>]*\?>", laughs, text)
        return text.replace("（市司法局）", "（市司法局）&c;", 1).encode("utf-8")

    path = rezip(good, tmp_path / "x.docx", change)
    with pytest.raises(SheetError, match="declares a DOCTYPE or entities"):
        read(path)


@pytest.mark.parametrize("value", ["abc", "2.5", "9" * 5000, "0", "-1"])
def test_a_malformed_grid_span_is_a_warning_not_a_traceback(
    good: Path, tmp_path: Path, value: str
) -> None:
    edit = Edit(good)
    tc = edit.row(3).cells[edit.indicator_col]._tc
    tc.get_or_add_tcPr().append(
        tc.makeelement(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridSpan",
            {"{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val": value},
        )
    )
    path = edit.save(tmp_path / "市司法局.docx")
    ledger = tmp_path / "2022.yaml"
    result = run("collect", "--ledger", ledger, path)
    assert result.exit_code == 0, result.output
    assert "(ZW622)" in result.stderr and "is not a column count; read as 1" in result.stderr
    assert "9" * 100 not in result.stderr  # shortened
    assert [e.indicator for e in load_ledger(ledger).ledger.entries] == [1]


def test_a_file_name_that_is_not_utf8_leaves_the_ledger_writable(
    good: Path, tmp_path: Path
) -> None:
    # 市司法局.docx as a Chinese Windows zip names it (GBK), unpacked on Linux
    gbk = tmp_path / os.fsdecode("市司法局".encode("gbk") + b".docx")
    gbk.write_bytes(good.read_bytes())
    other = tmp_path / "审计.docx"
    audit = render_sheet("市审计局", tmp_path / "blank" / "市审计局.docx")
    edit = Edit(audit)
    first = edit.numbers()[0]
    edit.fill({first: "推进中"}).save(other)
    ledger = tmp_path / "2022.yaml"
    result = run("collect", "--ledger", ledger, gbk, other)
    assert result.exit_code == 0, result.output
    entries = load_ledger(ledger).ledger.entries
    assert [(e.unit, e.source) for e in entries] == [
        ("市司法局", "市司法局.docx"),
        ("市审计局", "审计.docx"),
    ]


def test_a_giant_cell_is_cut_with_a_warning_naming_it(blank: Path, tmp_path: Path) -> None:
    rnd = random.Random(12)
    text = "已完成 " + "".join(chr(0x4E00 + rnd.randrange(3000)) for _ in range(1_000_000))
    path = Edit(blank).fill({2: text}).save(tmp_path / "市司法局.docx")
    ledger = tmp_path / "2022.yaml"
    result = run("collect", "--ledger", ledger, path)
    assert result.exit_code == 0, result.output
    assert "row 4, 完成情况 (序号 2): 1,000,004 characters; the first 20,000 are kept" in (
        result.stderr
    )
    (entry,) = load_ledger(ledger).ledger.entries
    assert entry.text == text[:20_000]
    assert ledger.stat().st_size < 200_000


@pytest.mark.parametrize("number", ["12345", "1" * 5000])
def test_a_long_serial_number_is_reported_with_its_text(
    blank: Path, tmp_path: Path, number: str
) -> None:
    edit = Edit(blank).fill({3: "已完成 解读"})
    edit.set_cell(3, edit.number_col, number)
    sheet = read(edit.save(tmp_path / "市司法局.docx"))
    (unknown,) = messages(sheet, "ZW611")
    assert unknown.startswith(f"序号 {number[:12]}")
    assert "is not an indicator of the checklist" in unknown
    assert "its 完成情况 “已完成 解读” was not collected" in unknown
    assert "1 with an unknown 序号 (not collected, see the warnings)" in sheet.summary
    assert len(unknown) < 300
