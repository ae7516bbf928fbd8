"""A returned .docx, opened as a stranger's file: checked before it is unpacked, read in bounded
memory, and turned into a neutral body of paragraphs and tables of text cells.

Before anything is inflated, the zip's directory is checked against the limits of archive.py
(shared with import): the total and the document part's size, and the compression ratio of a
large part (a zip bomb of 1 MB that inflates to 1 GB is refused at once).
The document part is then streamed through lxml's iterparse with no DTD, no entities, no network
and libxml2's size limits on (huge_tree off); every row and paragraph is dropped from the tree
once read, so memory stays near the size of one paragraph whatever the sheet's size. A DOCTYPE or
entity declaration (Word never writes one) refuses the file. Text is kept up to MAX_CELL
characters a cell; the length written is kept so the reader can say what was cut.

The sheet reader (sheet_read.py) sees only Body, never XML, and can be tested on bodies made by
hand.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from lxml import etree  # type: ignore[import-untyped]

from ..archive import MAX_PART, UnsafeArchive, check
from ..i18n import _, os_reason

MAX_SMALL = 2**20  # relationships, core properties
MAX_CELL = 20_000  # characters kept of one cell or paragraph
MAX_SPAN = 64  # Word's tables have at most 63 columns

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_DCTERMS = "{http://purl.org/dc/terms/}"
_OFFICE_DOCUMENT = "/officeDocument"
_CORE = "/metadata/core-properties"
_SPAN = re.compile(r"[0-9]{1,3}")
_WRAPPERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag"}


class SheetError(Exception):
    """A document that cannot be collected (damaged, hostile, not one of our sheets, unknown
    unit); the message says why and what to do."""


class StrictSheet(SheetError):
    """A .docx saved as “Strict Open XML” (another namespace); LibreOffice converts it."""


_STRICT = b"purl.oclc.org/ooxml/wordprocessingml/main"


@dataclass
class Cell:
    column: int  # the first grid column it covers
    span: int
    text: str  # at most MAX_CELL characters
    length: int  # characters written (more than len(text) when cut)
    merge: str | None = None  # w:vMerge: "restart", "continue" or None


@dataclass
class Row:
    cells: list[Cell]
    notes: list[str] = field(default_factory=list)  # malformed attributes, read as 1


@dataclass
class Table:
    grid: int  # columns of w:tblGrid (0 when it has none)
    rows: list[Row] = field(default_factory=list)

    @property
    def columns(self) -> int:
        """The grid's columns, or the widest row's when the table has no grid."""
        widest = max(
            (max((c.column + c.span for c in r.cells), default=0) for r in self.rows), default=0
        )
        return self.grid or widest


@dataclass
class Paragraph:
    text: str
    length: int


Block = Paragraph | Table


@dataclass
class Package:
    body: list[Block]
    modified: datetime | None  # docProps/core.xml dcterms:modified, in UTC


def _shorten(text: str, limit: int = 24) -> str:
    if len(text) <= limit:
        return text
    return _("{start}…（{length} characters）").format(start=text[:limit], length=len(text))


class _Stream:
    """A zip member read through a byte limit, refusing DTDs and entity declarations."""

    def __init__(self, raw: IO[bytes], limit: int, name: str) -> None:
        self.raw, self.limit, self.name = raw, limit, name
        self.count = 0
        self.carry = b""

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(65536 if size is None or size < 0 else min(size, 65536))
        self.count += len(data)
        if self.count > self.limit:
            raise SheetError(
                _(
                    "{part} unpacks to more than {size} MB; a damaged or hostile file — ask the "
                    "unit to save the sheet again as .docx"
                ).format(part=self.name, size=self.limit // 2**20)
            )
        window = self.carry + data
        if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
            raise SheetError(
                _(
                    "{part} declares a DOCTYPE or entities, which Word never writes; a hostile "
                    "or damaged file — ask the unit to save the sheet again as .docx"
                ).format(part=self.name)
            )
        self.carry = window[-16:]
        return data


def _check(archive: zipfile.ZipFile, main: str) -> None:
    try:
        check(archive, main)
    except UnsafeArchive as error:
        raise SheetError(str(error)) from None


def _parser() -> Any:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def _small(archive: zipfile.ZipFile, name: str) -> Any | None:
    """A small XML part (relationships, core properties) parsed safely, or None if absent."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_SMALL:
        raise SheetError(
            _("{part} is {size} KB, too large for what it holds").format(
                part=name, size=info.file_size // 1024
            )
        )
    with archive.open(info) as raw:
        stream = _Stream(raw, MAX_SMALL, name)
        data = b"".join(iter(lambda: stream.read(65536), b""))
    return etree.fromstring(data, _parser())


def _targets(archive: zipfile.ZipFile) -> tuple[str, str | None]:
    """The main document part and the core properties part, from _rels/.rels."""
    main, core = "word/document.xml", "docProps/core.xml"
    rels = _small(archive, "_rels/.rels")
    if rels is not None:
        for rel in rels.iter(_REL):
            kind, target = rel.get("Type", ""), rel.get("Target", "")
            if rel.get("TargetMode") == "External" or not target:
                continue
            name = posixpath.normpath(target.lstrip("/"))
            if kind.endswith(_OFFICE_DOCUMENT):
                main = name
            elif kind.endswith(_CORE):
                core = name
    names = set(archive.namelist())
    if main not in names:
        raise SheetError(
            _("a damaged .docx (it has no document part); open it in Word and save it")
        )
    return main, core if core in names else None


def _w3cdtf(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        found = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if found.tzinfo is None:
        found = found.replace(tzinfo=timezone.utc)
    return found.astimezone(timezone.utc)


def read_package(path: Path) -> Package:
    """The body of a .docx, checked and read in bounded memory. Raises SheetError."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise SheetError(
            _("not a Word .docx file (damaged, or another format such as .doc or .wps)")
        ) from None
    except OSError as error:
        raise SheetError(_("cannot read it: {why}").format(why=os_reason(error))) from None
    try:
        with archive:
            main, core_name = _targets(archive)
            _check(archive, main)
            modified = None
            core = _small(archive, core_name) if core_name else None
            if core is not None:
                modified = _w3cdtf(core.findtext(_DCTERMS + "modified"))
            with archive.open(main) as raw:
                if _STRICT in raw.read(4096):
                    raise StrictSheet(
                        _(
                            "the sheet is saved as “Strict Open XML”; save it in Word as an "
                            "ordinary Word document (.docx), or install LibreOffice so zhengwu "
                            "converts it"
                        )
                    )
            with archive.open(main) as raw:
                body = _body(_Stream(raw, MAX_PART, main))
    except SheetError:
        raise
    except etree.XMLSyntaxError as error:
        if "too long" in str(error) or "huge" in str(error).lower():
            raise SheetError(
                _(
                    "a text in the sheet is more than 10 MB in one piece, more than is read "
                    "safely; ask the unit to shorten the long cell (attach long material instead)"
                )
            ) from None
        raise SheetError(_damaged(error)) from None
    except (zipfile.BadZipFile, EOFError, ValueError, KeyError, RuntimeError) as error:
        raise SheetError(_damaged(error)) from None
    except OSError as error:
        raise SheetError(_("cannot read it: {why}").format(why=os_reason(error))) from None
    except (MemoryError, RecursionError):
        raise SheetError(_("the sheet is too large or too deeply nested to read")) from None
    return Package(body, modified)


def _damaged(error: Exception) -> str:
    return _("a damaged .docx ({why})").format(why=_shorten(str(error), 120))


def _paragraph_text(p: Any) -> str:
    parts: list[str] = []
    for node in p.iter(W + "t", W + "tab", W + "br", W + "cr"):
        if node.tag == W + "t":
            parts.append(node.text or "")
        else:
            parts.append("\t" if node.tag == W + "tab" else "\n")
    return "".join(parts)


def _children(element: Any, tag: str) -> list[Any]:
    """Direct children with `tag`, looking through content controls and custom XML."""
    found: list[Any] = []
    for child in element:
        if child.tag == tag:
            found.append(child)
        elif child.tag in _WRAPPERS:
            found += _children(child, tag)
    return found


def _count(value: str | None, what: str, notes: list[str]) -> int:
    """A w:gridSpan or w:gridBefore value; a malformed one is read as 1 (0 for gridBefore)."""
    fallback = 0 if what == "w:gridBefore" else 1
    if value is None:
        return fallback
    if _SPAN.fullmatch(value) and fallback <= int(value) <= MAX_SPAN:
        return int(value)
    notes.append(
        _(
            "{attribute}=“{value}” is not a column count; read as {count} (the cells of this "
            "row may be read in the wrong columns)"
        ).format(attribute=what, value=_shorten(value), count=fallback)
    )
    return fallback


def _forget(element: Any) -> None:
    """Drop a read element and what came before it, so the tree does not grow."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


class _CellText:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.kept = 0
        self.length = 0

    def add(self, text: str) -> None:
        if self.parts or self.length:
            self.length += 1  # the line break between paragraphs
            if self.kept < MAX_CELL:
                self.parts.append("\n")
                self.kept += 1
        self.length += len(text)
        if self.kept < MAX_CELL:
            piece = text[: MAX_CELL - self.kept]
            self.parts.append(piece)
            self.kept += len(piece)

    def text(self) -> str:
        return "".join(self.parts)


def _body(stream: _Stream) -> list[Block]:
    tags = (W + "tbl", W + "tblGrid", W + "tr", W + "tc", W + "p")
    events = etree.iterparse(
        stream,
        events=("start", "end"),
        tag=tags,
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
    )
    body: list[Block] = []
    depth = 0
    table: Table | None = None
    row_cells: list[tuple[int, str | None, _CellText]] = []
    row_notes: list[str] = []
    cell: _CellText | None = None
    for event, element in events:
        tag = element.tag
        if tag == W + "tbl":
            if event == "start":
                depth += 1
                if depth == 1:
                    table = Table(0)
            else:
                depth -= 1
                if depth == 0 and table is not None:
                    body.append(table)
                    table = None
                    _forget(element)
        elif depth == 0:
            if tag == W + "p" and event == "end":
                text = _CellText()
                text.add(_paragraph_text(element))
                body.append(Paragraph(text.text(), text.length))
                _forget(element)
        elif tag == W + "p":
            if event == "end" and cell is not None:
                cell.add(_paragraph_text(element))
                element.clear()
        elif depth > 1:
            continue
        elif tag == W + "tblGrid" and event == "end" and table is not None:
            table.grid = len(element.findall(W + "gridCol"))
        elif tag == W + "tr":
            if event == "start":
                row_cells, row_notes = [], []
            elif table is not None:
                table.rows.append(_row(element, row_cells, row_notes))
                _forget(element)
        elif tag == W + "tc":
            if event == "start":
                cell = _CellText()
            elif cell is not None:
                span, merge = 1, None
                pr = element.find(W + "tcPr")
                if pr is not None:
                    grid = pr.find(W + "gridSpan")
                    if grid is not None:
                        span = _count(grid.get(W + "val"), "w:gridSpan", row_notes)
                    vmerge = pr.find(W + "vMerge")
                    if vmerge is not None:
                        merge = "restart" if vmerge.get(W + "val") == "restart" else "continue"
                row_cells.append((span, merge, cell))
                cell = None
                element.clear()
    return body


def _row(tr: Any, cells: list[tuple[int, str | None, _CellText]], notes: list[str]) -> Row:
    column = 0
    pr = tr.find(W + "trPr")
    if pr is not None:
        before = pr.find(W + "gridBefore")
        if before is not None:
            column = _count(before.get(W + "val"), "w:gridBefore", notes)
    row = Row([], notes)
    for span, merge, text in cells:
        row.cells.append(Cell(column, span, text.text(), text.length, merge))
        column += span
    return row
