"""Read the 完成情况 column back from task sheets that a person filled in (Word, WPS, LibreOffice).

A document is one of our sheets when a table in it has a header row with the headings 序号 and
完成情况 (the text templates may move them, not rename them). Its unit comes from `--unit`, else
from the sheet's visible title （…）, else from its 填报单位, else from the file name; a group
(市政府各部门) is not a unit that reports.

Where the pieces are:
- package.py: the .docx opened as a stranger's file (zip bomb, entities, malformed tables);
- sheet_read.py: the body → entries, with what the unit changed (rows deleted, added,
  renumbered, edited, duplicated; a split table; the 填报 block);
- cell.py: one 完成情况 cell (status, date, the rest; everyday phrasing), after docs/ledger.md;
- ../dates.py: dates as people write them.

.doc, .wps, .odt and .rtf sheets (and a .doc saved under a .docx name, or a .docx saved as
“Strict Open XML”) are converted through LibreOffice into a temporary folder first. Every
entry keeps the cell's text as written (`text`) and the day it was collected (`collected`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from datetime import date, datetime, timezone
from pathlib import Path

from ..convert import CONVERTIBLE, ConvertError, needs_conversion, soffice, to_docx
from ..model import Checklist
from ..units import Registry
from .cell import STATUS_WORDS, CellReading, read_cell
from .package import SheetError, StrictSheet, read_package
from .sheet_read import NUMBER_HEADING, STATUS_HEADING, Sheet, read_body, shown_name

__all__ = [
    "NUMBER_HEADING",
    "SHEET_SUFFIXES",
    "STATUS_HEADING",
    "STATUS_WORDS",
    "CellReading",
    "Sheet",
    "SheetError",
    "read_cell",
    "read_sheet",
    "sheet_files",
    "shown",
]

SHEET_SUFFIXES = {".docx", *CONVERTIBLE}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .wps (and an encrypted .docx)
_RTF = b"{\\rtf"


def shown(path: Path) -> str:
    """A path as valid text for messages (see sheet_read.shown_name)."""
    return shown_name(str(path))


def _is_sheet_file(path: Path) -> bool:
    name = path.name
    return (
        path.suffix.lower() in SHEET_SUFFIXES
        and not name.startswith(("~$", ".", "~WRL"))
        and path.is_file()
    )


def sheet_files(paths: Iterable[Path]) -> list[Path]:
    """The files to collect: each file given, and every sheet in each folder given (.docx and
    the forms LibreOffice converts; not Word's ~$ owner files or hidden files), by name. A
    folder holding no sheet stays in the list, so reading it says so."""
    result: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted((p for p in path.iterdir() if _is_sheet_file(p)), key=lambda p: p.name)
            result += found or [path]
        else:
            result.append(path)
    return result


def _mtime(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)
    except OSError:
        return None


def _sniff(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(8)
    except OSError as error:
        raise SheetError(f"cannot read it: {error.strerror}") from None


def read_sheet(
    path: Path,
    checklist: Checklist,
    registry: Registry,
    unit: str | None = None,
    today: date | None = None,
) -> Sheet:
    """The filled 完成情况 cells of one sheet as ledger entries (`today`: the day of collection,
    recorded in each entry). Raises SheetError, with what to do."""
    today = today or date.today()
    if path.is_dir():
        raise SheetError(
            "a folder holding no sheet (" + "、".join(sorted(SHEET_SUFFIXES)) + " files)"
        )
    if not path.is_file():
        raise SheetError("no such file" if not path.exists() else "not a file")
    if path.name.startswith("~$"):
        raise SheetError(
            "a Word owner file (~$…), which Word leaves while the document is open; not a sheet"
        )
    head = _sniff(path)
    convert_as: str | None = None
    if needs_conversion(path):
        convert_as = path.suffix.lower()
    elif head.startswith(_OLE):
        convert_as = ".doc"  # a .doc or .wps saved under another name
    elif head.startswith(_RTF):
        convert_as = ".rtf"
    if convert_as is None:
        try:
            package = read_package(path)
        except StrictSheet:
            if soffice() is None:
                raise
            convert_as = ".docx"  # Strict Open XML: LibreOffice writes it back as transitional
        else:
            return read_body(package, path, checklist, registry, unit, today, _mtime(path))
    with tempfile.TemporaryDirectory(prefix="zhengwu-collect-") as folder:
        work = Path(folder)
        source = path
        if path.suffix.lower() != convert_as or convert_as == ".docx" or not _plain(path.name):
            # LibreOffice names its output after the input: give it a plain name it can use
            source = work / f"sheet{convert_as}"
            shutil.copyfile(path, source)
        out = work / "out"
        out.mkdir()
        try:
            made = to_docx(source, out)
        except ConvertError as error:
            message = str(error).replace(source.name, shown_name(path.name))
            raise SheetError(message) from None
        package = read_package(made)
        return read_body(package, path, checklist, registry, unit, today, _mtime(path))


def _plain(name: str) -> bool:
    try:
        os.fsencode(name).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
