"""A .docx file → grids, at the XML level (lxml), one grid per table in body order.

What Word keeps out of the text stays out: bookmarks, field codes (only a field's result is
text), deleted text, text boxes. Soft line breaks (w:br, w:cr) and paragraphs are lines.
Merges are read from the XML, not from python-docx's repeated cell objects: `w:vMerge`
restart/continue, `w:gridSpan`, the legacy `w:hMerge`, and `w:gridBefore`/`w:gridAfter` (grid
columns a row leaves out). A table inside a cell is reported and its text taken in reading
order. Word's automatic numbering (`w:numPr`) is not in the text: the number is computed from
numbering.xml for the usual formats (decimal, chineseCounting, ①…) or reported as missing.

The archive is read with limits (entries, uncompressed size, ratio), and the XML without
entities, network or huge-tree mode, so a zip bomb or a billion-laughs file is refused.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

from ..archive import MAX_PART, UnsafeArchive, check
from ..i18n import _
from ..numerals import int_to_chinese
from .grid import MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, Cell, Grid, ReadError, square

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MAX_DEPTH = 64  # tables inside tables inside …
ADDRESS = "{table} 第{row}行第{col}列"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(element: etree._Element | None, default: str | None = None) -> str | None:
    if element is None:
        return default
    found: str | None = element.get(_w("val"), default)
    return found


def _int(element: etree._Element | None, default: int) -> int:
    try:
        return int(_val(element) or default)
    except ValueError:
        return default


# -- the archive --------------------------------------------------------------------------------


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
    )


def read_parts(path: Path) -> dict[str, etree._Element]:
    """The parsed document, numbering and styles parts (the last two may be absent)."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise ReadError(
            _(
                "{name}: not a Word .docx file ({error}); open it in Word or WPS and save it as "
                ".docx (Word 文档)"
            ).format(name=path.name, error=error)
        ) from None
    with archive:
        try:
            check(archive, "word/document.xml")
        except UnsafeArchive as error:
            raise ReadError(f"{path.name}: {error}") from None
        infos = archive.infolist()
        names = {i.filename: i for i in infos}
        found: dict[str, etree._Element] = {}
        for key, part in (
            ("document", "word/document.xml"),
            ("numbering", "word/numbering.xml"),
            ("styles", "word/styles.xml"),
        ):
            info = names.get(part)
            if info is None:
                if key == "document":
                    raise ReadError(
                        _("{name}: no word/document.xml inside; not a Word document").format(
                            name=path.name
                        )
                    )
                continue
            if info.file_size > MAX_PART:
                raise ReadError(
                    _("{name}: {part} unpacks to {size} MB; refused as a possible zip bomb").format(
                        name=path.name, part=part, size=info.file_size // 2**20
                    )
                )
            try:
                with archive.open(info) as handle:
                    data = handle.read(MAX_PART + 1)
            except (OSError, zipfile.BadZipFile, EOFError) as error:
                raise ReadError(
                    _("{name}: {part} cannot be unpacked ({error})").format(
                        name=path.name, part=part, error=error
                    )
                ) from None
            if len(data) > MAX_PART:
                raise ReadError(
                    _("{name}: {part} is larger than it says; refused").format(
                        name=path.name, part=part
                    )
                )
            try:
                found[key] = etree.fromstring(data, _parser())
            except etree.XMLSyntaxError as error:
                raise ReadError(
                    _("{name}: {part} is not well-formed XML ({error})").format(
                        name=path.name, part=part, error=error
                    )
                ) from None
    return found


# -- automatic numbering ------------------------------------------------------------------------

_CIRCLED = "".join(chr(c) for c in range(0x2460, 0x2474))  # ①…⑳


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out, n = out + letters, n - value
    return out


def format_number(n: int, fmt: str) -> str | None:
    """The number as Word shows it in a numFmt; None for a format not computed here."""
    if fmt in ("decimal", "decimalZero") or fmt.startswith("decimalEnclosedFullstop"):
        return f"{n:02d}" if fmt == "decimalZero" and n < 10 else str(n)
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "ideographTraditional",
        "taiwaneseCounting",
    ):
        return int_to_chinese(n) if 1 <= n <= 99 else None
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else None
    if fmt == "decimalFullWidth":
        return str(n).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    if fmt == "lowerLetter" and 1 <= n <= 26:
        return chr(ord("a") + n - 1)
    if fmt == "upperLetter" and 1 <= n <= 26:
        return chr(ord("A") + n - 1)
    if fmt in ("lowerRoman", "upperRoman") and n >= 1:
        return _roman(n) if fmt == "lowerRoman" else _roman(n).upper()
    if fmt == "none":
        return ""
    return None


@dataclass
class _Level:
    fmt: str
    text: str
    start: int


@dataclass
class Numbering:
    """Word's lists: numId → levels, and the running counters."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    starts: dict[str, dict[int, int]] = field(default_factory=dict)  # startOverride
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # per abstractNum
    lists: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    used: set[str] = field(default_factory=set)  # numIds seen (a startOverride applies once)
    style_num: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId → numPr

    @classmethod
    def read(cls, numbering: etree._Element | None, styles: etree._Element | None) -> Numbering:
        result = cls()
        if numbering is not None:
            abstract: dict[str, dict[int, _Level]] = {}
            for item in numbering.iterchildren(_w("abstractNum")):
                lvls: dict[int, _Level] = {}
                for lvl in item.iterchildren(_w("lvl")):
                    ilvl = int(lvl.get(_w("ilvl"), "0") or 0)
                    lvls[ilvl] = _Level(
                        _val(lvl.find(_w("numFmt")), "decimal") or "decimal",
                        _val(lvl.find(_w("lvlText")), "") or "",
                        _int(lvl.find(_w("start")), 1),
                    )
                abstract[item.get(_w("abstractNumId"), "")] = lvls
            for num in numbering.iterchildren(_w("num")):
                num_id = num.get(_w("numId"), "")
                abstract_id = _val(num.find(_w("abstractNumId"))) or ""
                result.levels[num_id] = abstract.get(abstract_id, {})
                result.lists[num_id] = abstract_id
                for override in num.iterchildren(_w("lvlOverride")):
                    start = override.find(_w("startOverride"))
                    if start is not None:
                        ilvl = int(override.get(_w("ilvl"), "0") or 0)
                        result.starts.setdefault(num_id, {})[ilvl] = _int(start, 1)
        if styles is not None:
            based: dict[str, str] = {}
            for style in styles.iterchildren(_w("style")):
                sid = style.get(_w("styleId"), "")
                num_pr = style.find(f"{_w('pPr')}/{_w('numPr')}")
                if num_pr is not None:
                    num_id = _val(num_pr.find(_w("numId")))
                    if num_id:
                        result.style_num[sid] = (num_id, _int(num_pr.find(_w("ilvl")), 0))
                parent = _val(style.find(_w("basedOn")))
                if parent:
                    based[sid] = parent
            for sid in list(based):  # a style inherits its base's list
                seen, current = 0, sid
                while current not in result.style_num and current in based and seen < 20:
                    current, seen = based[current], seen + 1
                if current in result.style_num and sid not in result.style_num:
                    result.style_num[sid] = result.style_num[current]
        return result

    def label(self, p_pr: etree._Element | None) -> tuple[str, str | None]:
        """(the number Word shows before this paragraph, a note when it cannot be computed)."""
        if p_pr is None:
            return "", None
        num_pr = p_pr.find(_w("numPr"))
        num_id: str | None
        if num_pr is not None:
            num_id = _val(num_pr.find(_w("numId")))
            ilvl = _int(num_pr.find(_w("ilvl")), 0)
            if num_id is None:  # numPr with only ilvl: the style's list at that level
                style = _val(p_pr.find(_w("pStyle")))
                num_id = self.style_num.get(style or "", (None, 0))[0]
        else:
            style = _val(p_pr.find(_w("pStyle")))
            if not style or style not in self.style_num:
                return "", None
            num_id, ilvl = self.style_num[style]
        if not num_id or num_id == "0":  # numId 0 removes numbering
            return "", None
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return "", _("Word automatic numbering without a definition in numbering.xml")
        # Word counts one list per abstractNum: lists that share it continue each other, unless
        # a list restarts a level (startOverride) where it is first used
        counters = self.counters.setdefault(self.lists.get(num_id, num_id), {})
        if num_id not in self.used:
            self.used.add(num_id)
            for restarted, value in self.starts.get(num_id, {}).items():
                counters[restarted] = value - 1
        start = levels[ilvl].start
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = levels[ilvl].text
        for k in range(9):
            marker = f"%{k + 1}"
            if marker not in text:
                continue
            level = levels.get(k)
            value = counters.get(k, level.start if level else 1)
            shown = format_number(value, level.fmt if level else "decimal")
            if shown is None:
                fmt = level.fmt if level else "?"
                return "", _(
                    "Word automatic numbering in the format {format}: the number is missing"
                ).format(format=fmt)
            text = text.replace(marker, shown)
        if levels[ilvl].fmt == "bullet":
            return "", None
        return text, None


# -- text ---------------------------------------------------------------------------------------

_SKIP = {
    _w("instrText"),
    _w("delText"),
    _w("delInstrText"),
    _w("del"),
    _w("moveFrom"),
    _w("txbxContent"),
    _w("drawing"),
    _w("pict"),
    _w("object"),
    _w("footnoteReference"),
    _w("endnoteReference"),
    _w("commentReference"),
    _w("rPr"),
    _w("pPr"),
    f"{{{MC}}}Fallback",
}


class _Text:
    """The lines of one paragraph; fields keep their result, never their code."""

    def __init__(self) -> None:
        self.lines: list[str] = [""]
        self.fields: list[bool] = []  # per open field: True once its result begins
        self.size = 0

    def add(self, text: str) -> None:
        if self.fields and not all(self.fields):
            return  # inside a field's code
        self.size += len(text)
        if self.size <= MAX_CELL_CHARS:
            self.lines[-1] += text

    def walk(self, element: etree._Element, depth: int = 0) -> None:
        if depth > MAX_DEPTH:
            return
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _w("t"):
                self.add(child.text or "")
            elif tag == _w("tab"):
                self.add("\t")
            elif tag in (_w("br"), _w("cr")):
                if not (self.fields and not all(self.fields)):
                    self.lines.append("")
            elif tag == _w("noBreakHyphen"):
                self.add("-")
            elif tag == _w("fldChar"):
                kind = child.get(_w("fldCharType"))
                if kind == "begin":
                    self.fields.append(False)
                elif kind == "separate" and self.fields:
                    self.fields[-1] = True
                elif kind == "end" and self.fields:
                    self.fields.pop()
            else:  # runs, hyperlinks, insertions, smart tags, content controls, fldSimple …
                self.walk(child, depth + 1)


# -- tables -------------------------------------------------------------------------------------


@dataclass
class _Reader:
    path: Path
    numbering: Numbering
    grids: list[Grid] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)  # paragraphs since the last table
    blank_since_table: bool = True  # nothing but empty paragraphs since the last table

    def paragraph(self, p: etree._Element) -> tuple[list[str], str | None]:
        label, note = self.numbering.label(p.find(_w("pPr")))
        text = _Text()
        text.walk(p)
        lines = text.lines
        if label:
            lines[0] = label + lines[0]
        return lines, note

    def body(self, element: etree._Element, depth: int = 0) -> None:
        if depth > MAX_DEPTH:
            return
        for child in element:
            tag = child.tag
            if tag == _w("p"):
                lines, _note = self.paragraph(child)
                shown = "".join(lines).strip()
                if shown:
                    self.pending.append(shown)
                    self.blank_since_table = False
            elif tag == _w("tbl"):
                name = f"表{len(self.grids) + 1}"
                grid = self.table(child, name, depth)
                grid.before = self.pending
                grid.joined = bool(self.grids) and self.blank_since_table
                self.grids.append(grid)
                self.pending, self.blank_since_table = [], True
            elif tag in (_w("sdt"), _w("sdtContent"), _w("customXml"), _w("ins")):
                self.body(child, depth + 1)

    def cell_lines(self, tc: etree._Element, where: str, notes: list[str], depth: int) -> list[str]:
        lines: list[str] = []
        nested = False  # a table inside the cell, said once
        boxed = (
            tc.find(f".//{_w('txbxContent')}") is not None or tc.find(f".//{_w('del')}") is not None
        )
        for child in tc.iter(_w("p"), _w("tbl")):
            if child.tag == _w("tbl"):
                if not nested:
                    nested = True
                    notes.append(
                        _(
                            "{address} holds a table inside the cell; its text is read in order, "
                            "its rows and columns are not"
                        ).format(address=where)
                    )
                continue
            if boxed and any(a.tag in _SKIP for a in child.iterancestors()):
                continue  # a paragraph of a text box
            found, note = self.paragraph(child)
            if note:
                notes.append(_("{address}: {note}").format(address=where, note=note))
            lines.extend(found)
        while lines and not lines[-1].strip():
            lines.pop()
        return lines

    def table(self, tbl: etree._Element, name: str, depth: int) -> Grid:
        grid = Grid(name)
        rows: list[list[Cell]] = []
        for r, tr in enumerate(_children(tbl, "tr")):
            if r >= MAX_ROWS:
                raise ReadError(
                    _("{name}: {table} has more than {limit} rows; not a task table").format(
                        name=self.path.name, table=name, limit=MAX_ROWS
                    )
                )
            row: list[Cell] = []
            tr_pr = tr.find(_w("trPr"))
            before = _int(tr_pr.find(_w("gridBefore")) if tr_pr is not None else None, 0)
            after = _int(tr_pr.find(_w("gridAfter")) if tr_pr is not None else None, 0)
            for _col in range(min(before, MAX_COLUMNS)):
                row.append(self.blank(name, r, len(row)))
            for tc in _children(tr, "tc"):
                col = len(row)
                where = ADDRESS.format(table=name, row=r + 1, col=col + 1)
                tc_pr = tc.find(_w("tcPr"))
                span = max(1, _int(tc_pr.find(_w("gridSpan")) if tc_pr is not None else None, 1))
                vmerge = tc_pr.find(_w("vMerge")) if tc_pr is not None else None
                hmerge = tc_pr.find(_w("hMerge")) if tc_pr is not None else None
                notes: list[str] = []
                lines = self.cell_lines(tc, where, notes, depth)
                continues: tuple[int, int] | None = None
                if vmerge is not None and _val(vmerge, "continue") != "restart":
                    above = rows[r - 1][col] if r and col < len(rows[r - 1]) else None
                    if above is not None:
                        continues = above.continues or (above.row, above.col)
                        hidden = " ".join(x.strip() for x in lines if x.strip())
                        if hidden:
                            notes.append(
                                _(
                                    "{address}: “{text}” sits in a merged cell, where Word does "
                                    "not show it; left out"
                                ).format(address=where, text=hidden[:60])
                            )
                    else:
                        notes.append(
                            _("{address}: continues a merge with no cell above").format(
                                address=where
                            )
                        )
                elif hmerge is not None and _val(hmerge, "continue") != "restart" and row:
                    left = row[-1]
                    continues = left.continues or (left.row, left.col)
                grid.notes.extend(notes)
                row.append(
                    Cell(
                        tuple(lines) if continues is None else (),
                        r,
                        col,
                        where,
                        continues,
                    )
                )
                origin = continues or (r, col)
                for extra in range(1, min(span, MAX_COLUMNS)):
                    if continues is not None and r and col + extra < len(rows[r - 1]):
                        above = rows[r - 1][col + extra]
                        target = above.continues or (above.row, above.col)
                    else:
                        target = origin
                    row.append(
                        Cell(
                            (),
                            r,
                            col + extra,
                            ADDRESS.format(table=name, row=r + 1, col=col + extra + 1),
                            target,
                        )
                    )
                if len(row) > MAX_COLUMNS:
                    raise ReadError(
                        _("{name}: {table} has more than {limit} columns; not a task table").format(
                            name=self.path.name, table=name, limit=MAX_COLUMNS
                        )
                    )
            for _col in range(min(after, MAX_COLUMNS)):
                row.append(self.blank(name, r, len(row)))
            rows.append(row)
        grid.rows = square(rows, name, ADDRESS)
        return grid

    @staticmethod
    def blank(name: str, r: int, col: int) -> Cell:
        """A grid column the row leaves out (w:gridBefore, w:gridAfter): an empty cell."""
        return Cell((), r, col, ADDRESS.format(table=name, row=r + 1, col=col + 1))


def _children(element: etree._Element, tag: str) -> list[etree._Element]:
    """Direct children of a tag, also inside content controls and custom XML."""
    found: list[etree._Element] = []
    for child in element:
        if child.tag == _w(tag):
            found.append(child)
        elif child.tag in (_w("sdt"), _w("customXml"), _w("sdtContent")):
            found.extend(_children(child, tag))
    return found


def read_docx(path: Path) -> list[Grid]:
    """Every table of the document's body, with the paragraphs above each."""
    parts = read_parts(path)
    numbering = Numbering.read(parts.get("numbering"), parts.get("styles"))
    reader = _Reader(path, numbering)
    body = parts["document"].find(_w("body"))
    if body is None:
        raise ReadError(_("{name}: the document has no body").format(name=path.name))
    reader.body(body)
    return reader.grids
