"""Build the task sheets as WordprocessingML, fast.

The body is written as an XML string (escaped, cleaned of characters XML cannot hold) and spliced
into the template's `document.xml` in front of its section properties, which are turned to
landscape A4 (margins rotated, binding edge on top). Each table has `w:tblLayout fixed`, a
`w:tblGrid` whose `w:gridCol` widths add up to the type area, and a `w:tcW` on every cell, so Word,
WPS and LibreOffice all keep the column widths. The header rows carry `w:tblHeader` (repeated
on every page) and `w:cantSplit`; a unit sheet is one table per 主要任务, whose second header row
is the task's title, so every page names its task. Short body rows carry `w:cantSplit` too (see
`Renderer._unsplittable`). Every run names its fonts (`w:eastAsia` included).
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from ..columns import Cell, SheetColumn, SheetKind
from ..model import ROLE_ORDER, Checklist, Goal, Origin, Role, Task
from ..model import Column as TableColumn
from ..query import Filters, Row
from ..units import Registry
from .files import safe_filename
from .package import core_properties, now
from .template import Heading, TextTemplates, W, WordTemplate
from .text import SheetTexts, clean, display_width, load_sheet_texts, xml_escape

MODEL_PATH = tuple[str | int, ...]
A4_SHORT, A4_LONG = 11906, 16838  # twips
# for estimating a row's height (whether it may split): the bundled 表格文字 style
TEXT_EM = 210  # 10.5 pt
LINE_HEIGHT = 300  # its single line, CJK fonts' ascent and descent included
CELL_MARGINS = 170  # left and right cell margins of the 任务单表格 style
TASK_FILL = "F2F2F2"  # the task row's light grey


@dataclass(frozen=True)
class Cleaned:
    """A text that held characters a .docx cannot hold, at its place in the checklist."""

    path: MODEL_PATH
    chars: tuple[str, ...]


@dataclass
class Sheet:
    filename: str
    data: bytes
    rows: int
    cleaned: list[Cleaned] = field(default_factory=list)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _twips(element: etree._Element, attr: str) -> int:
    try:
        return int(float(element.get(_w(attr), "0")))
    except ValueError:
        return 0


def landscape(sect: etree._Element) -> int:
    """Turn a section to landscape A4 in place; return the type-area width in twips."""
    size = sect.find(_w("pgSz"))
    if size is None:
        size = etree.SubElement(sect, _w("pgSz"))
    width, height = _twips(size, "w"), _twips(size, "h")
    was_portrait = not (width and height and width > height)
    size.set(_w("w"), str(A4_LONG))
    size.set(_w("h"), str(A4_SHORT))
    size.set(_w("orient"), "landscape")
    margins = sect.find(_w("pgMar"))
    if margins is None:
        margins = etree.SubElement(sect, _w("pgMar"))
        for key, value in (("top", 1587), ("right", 2098), ("bottom", 1474), ("left", 1984)):
            margins.set(_w(key), str(value))
    if was_portrait:  # rotate: the binding edge (portrait left) goes on top
        top, right = _twips(margins, "top"), _twips(margins, "right")
        bottom, left = _twips(margins, "bottom"), _twips(margins, "left")
        footer_gap = bottom - _twips(margins, "footer")  # type area to footer, kept as it was
        header_gap = top - _twips(margins, "header")
        margins.set(_w("top"), str(left))
        margins.set(_w("right"), str(top))
        margins.set(_w("bottom"), str(right))
        margins.set(_w("left"), str(bottom))
        if margins.get(_w("footer")) is not None:
            margins.set(_w("footer"), str(max(right - footer_gap, 284)))
        if margins.get(_w("header")) is not None:
            margins.set(_w("header"), str(max(left - header_gap, 284)))
    return A4_LONG - _twips(margins, "left") - _twips(margins, "right")


@dataclass
class _Shell:
    """The template's document.xml cut around the body content, with a landscape section."""

    head: bytes
    tail: bytes
    text_width: int
    text_height: int


def _shell(word: WordTemplate) -> _Shell:
    root = etree.fromstring(word.document)
    body = root.find(_w("body"))
    if body is None:
        body = etree.SubElement(root, _w("body"))
    sect = body.find(_w("sectPr"))
    for child in list(body):
        if child is not sect:
            body.remove(child)
    if sect is None:
        sect = etree.SubElement(body, _w("sectPr"))
    width = landscape(sect)
    margins = sect.find(_w("pgMar"))
    height = A4_SHORT - _twips(margins, "top") - _twips(margins, "bottom")
    marker = etree.Comment("zhengwu-body")
    sect.addprevious(marker)
    text = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    head, tail = text.split(b"<!--zhengwu-body-->", 1)
    return _Shell(head, tail, width, height)


def _widths(columns: Sequence[Heading], total: int) -> list[int]:
    weight = sum(c.width for c in columns)
    widths = [int(total * c.width / weight) for c in columns]
    widths[-1] += total - sum(widths)
    return widths


class Renderer:
    """Renders sheets from one checklist with one Word template and one set of text templates."""

    def __init__(
        self,
        checklist: Checklist,
        registry: Registry,
        word: WordTemplate,
        texts: TextTemplates,
        today: date,
    ) -> None:
        self.checklist = checklist
        self.registry = registry
        self.word = word
        self.texts = texts
        self.sheet_texts: SheetTexts = load_sheet_texts(texts.path, _bundled_texts())
        self.shell = _shell(word)
        meta = checklist.meta
        self.common: dict[str, Any] = {
            "place": meta.place,
            "year": meta.year,
            "title": meta.title,
            "generated": f"{today.year}年{today.month}月{today.day}日",
        }
        self._paths: dict[int, MODEL_PATH] = {}
        for gi, goal in enumerate(checklist.goals):
            self._paths[id(goal)] = ("goals", gi)
            for ti, task in enumerate(goal.tasks):
                self._paths[id(task)] = ("goals", gi, "tasks", ti)
                for ii, indicator in enumerate(task.indicators):
                    at = ("goals", gi, "tasks", ti, "indicators", ii)
                    self._paths[id(indicator)] = at
                    for mi, measure in enumerate(indicator.measures.items):
                        self._paths[id(measure)] = (*at, "measures", "items", mi)
        self._cleaned: dict[MODEL_PATH, Cleaned] = {}
        self._styles = {k: (s.style_id, s.fonts) for k, s in word.styles.items()}
        self._base: bytes | None = None
        self._rendered: dict[tuple[Any, ...], str] = {}
        self.subject = clean(f"{meta.place}{meta.year}年《{meta.title}》任务单")[0]  # core.xml

    # -- file names ---------------------------------------------------------------------------

    def unit_filename(self, unit: str) -> str:
        return safe_filename(self.texts.render("unit_file", **self.common, unit=unit))

    def full_filename(self) -> str:
        return safe_filename(self.texts.render("full_file", **self.common))

    # -- what a filtered sheet holds --------------------------------------------------------

    def scope(self, filters: Filters) -> str | None:
        """What a sheet chosen by these filters holds, in words (6月到期事项；牵头事项), or
        None for the whole of a unit's rows. The units filtered on are not a scope: the sheet
        is that unit's."""
        sheet = self.sheet_texts
        names = self.texts.role_names
        parts: list[str] = []
        if filters.month:
            parts.append(sheet.scope("month", month=filters.month))
        if filters.due_before:
            parts.append(sheet.scope("due_before", date=_day(filters.due_before)))
        if filters.due_after:
            parts.append(sheet.scope("due_after", date=_day(filters.due_after)))
        if filters.overdue_as_of:
            parts.append(sheet.scope("overdue", date=_day(filters.overdue_as_of)))
        if filters.deadline:
            parts.append(sheet.scope("deadline", deadline=filters.deadline))
        if filters.roles:
            shown = "、".join(names[r] for r in ROLE_ORDER if r in filters.roles)
            parts.append(sheet.scope("roles", roles=shown))
        if filters.direct:
            parts.append(sheet.scope("direct"))
        if filters.goal:
            parts.append(sheet.scope("goal", goal=_numeral(filters.goal)))
        if filters.task:
            parts.append(sheet.scope("task", task=_numeral(filters.task)))
        if filters.grep:
            parts.append(sheet.scope("grep", text=filters.grep))
        return sheet.scope_join.join(parts) if parts else None

    # -- text --------------------------------------------------------------------------------

    def _clean(self, text: str, owner: object, *field_path: str | int) -> str:
        result, changed = clean(text)
        if changed and owner is not None:
            at = (*self._paths.get(id(owner), ()), *field_path)
            self._cleaned.setdefault(at, Cleaned(at, tuple(changed)))
        return result

    def _para(self, style: str, text: str = "", bold: bool = False) -> str:
        sid, fonts = self._styles[style]
        # widow and orphan control: a row that splits leaves no lone line of a paragraph
        keep = "<w:widowControl/>" if style in ("text", "center") else ""
        ppr = f'<w:pPr><w:pStyle w:val="{xml_escape(sid)}"/>{keep}</w:pPr>'
        if not text:
            return f"<w:p>{ppr}</w:p>"
        rpr = fonts + ("<w:b/><w:bCs/>" if bold else "")
        return (
            f"<w:p>{ppr}<w:r><w:rPr>{rpr}</w:rPr>"
            f'<w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r></w:p>'
        )

    def _paras(self, style: str, texts: Sequence[str], bold: int = 0) -> str:
        """One paragraph per line (a wrapped line aligns with the cell, not with a break).

        The first `bold` texts are set in bold.
        """
        out = [
            self._para(style, line.strip(), i < bold)
            for i, t in enumerate(texts)
            for line in t.split("\n")
            if line.strip()
        ]
        return "".join(out) or self._para(style)

    @staticmethod
    def _cell(
        width: int,
        content: str,
        merge: str | None = None,
        center: bool = False,
        span: int = 1,
        fill: str | None = None,
    ) -> str:
        vmerge = ""
        if merge == "restart":
            vmerge = '<w:vMerge w:val="restart"/>'
        elif merge == "continue":
            vmerge = "<w:vMerge/>"
        grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
        shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
        valign = '<w:vAlign w:val="center"/>' if center else ""
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid}{vmerge}{shade}{valign}'
            f"</w:tcPr>{content}</w:tc>"
        )

    @staticmethod
    def _row(cells: str, header: bool = False, cant_split: bool = True) -> str:
        """A table row; `w:cantSplit` keeps a row on one page (a row taller than a page may
        split, or Word would cut it off); header rows repeat on every page."""
        props = ("<w:cantSplit/>" if cant_split or header else "") + (
            "<w:tblHeader/>" if header else ""
        )
        return f"<w:tr><w:trPr>{props}</w:trPr>{cells}</w:tr>" if props else f"<w:tr>{cells}</w:tr>"

    def _table(
        self, columns: Sequence[Heading], body_rows: list[str], extra_header: str = ""
    ) -> str:
        widths = _widths(columns, self.shell.text_width)
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        header = "".join(
            self._cell(w, self._para("heading", c.heading), center=True)
            for w, c in zip(widths, columns, strict=True)
        )
        sid = xml_escape(self._styles["table"][0])
        return (
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{sid}"/>'
            f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>"
            + self._row(header, header=True)
            + extra_header
            + "".join(body_rows)
            + "</w:tbl>"
        )

    def _gap(self) -> str:
        """A 3-point paragraph between two tables (Word joins tables that touch)."""
        sid = xml_escape(self._styles["text"][0])
        return (
            f'<w:p><w:pPr><w:pStyle w:val="{sid}"/>'
            '<w:spacing w:before="0" w:after="0" w:line="60" w:lineRule="exact"/>'
            '<w:rPr><w:sz w:val="4"/><w:szCs w:val="4"/></w:rPr></w:pPr></w:p>'
        )

    def _unsplittable(self, table: Sequence[Sequence[_Est]]) -> list[bool]:
        """Which rows get `w:cantSplit`: those surely shorter than most of a page.

        A row's height is estimated from its tallest cell (10.5 pt lines, a character 1 em,
        ASCII ½); a merged cell's text is shared by the rows it spans, and what the rows above
        leave over falls on the last one (as Word and LibreOffice lay it out). A row estimated
        at 70 % of the type area or more may split: one taller than a page must.
        """
        heights: list[float] = [
            max([_lines(w, texts) for w, texts, merge in row if merge is None] + [1])
            for row in table
        ]
        columns = max((len(row) for row in table), default=0)
        spans: list[tuple[int, int]] = []
        for col in range(columns):
            start = 0
            while start < len(table):
                if table[start][col][2] != "restart":
                    start += 1
                    continue
                end = start + 1
                while end < len(table) and table[end][col][2] == "continue":
                    end += 1
                width, texts, _ = table[start][col]
                total = _lines(width, texts)
                share = total / (end - start)
                for i in range(start, end):
                    heights[i] = max(heights[i], share)
                above = sum(heights[start : end - 1])
                heights[end - 1] = max(heights[end - 1], total - above)
                spans.append((start, end))
                start = end
        # rows a merged cell spans are laid out as one block when none of them may split:
        # a block of more than half a page lets its rows split, or the whole block
        # moves to the next page and leaves the rest of this one empty
        block = list(heights)
        for first, after in spans:
            together = sum(heights[first:after])
            for i in range(first, after):
                block[i] = max(block[i], together)
        page = self.shell.text_height / LINE_HEIGHT
        flags = [h < 0.7 * page and b < page / 2 for h, b in zip(heights, block, strict=True)]
        if heights and heights[0] < 0.7 * page:
            flags[0] = True  # the row under the task's header rows never leaves a lone line
        return flags

    def _layout(self, key: str) -> tuple[list[Heading], list[int]]:
        """The sheet's columns (zhengwu_cli.columns) that this checklist has (a table of another
        shape may lack a level or a column), each headed as the table heads it where it gives
        its own heading (meta.headers), else as sheet.yaml does, and their widths."""
        headers = self.checklist.meta.headers
        columns = [
            replace(h, heading=headers.get(h.column.column, h.heading))
            if h.column.column is not None
            else h
            for h in self.texts.columns[key]
            if h.column.shown(self.checklist)
        ]
        return columns, _widths(columns, self.shell.text_width)

    def _body(
        self,
        sheet: SheetKind,
        rows: Sequence[Row],
        columns: Sequence[Heading],
        widths: Sequence[int],
        unit: str | None = None,
    ) -> list[str]:
        """The rows of a table, each cell filled by its column's builder (`_content`).

        On a unit's sheet identical consecutive cells merge; on the full table a carried cell
        merges with the row it is carried from, and a goal or task over all its rows. Each row
        gets `w:cantSplit` where it is surely shorter than most of a page (`_unsplittable`)."""
        merges = [self._merge(sheet, h.column, rows) for h in columns]
        body: list[str] = []
        estimates: list[list[_Est]] = []
        for i, row in enumerate(rows):
            cells: list[str] = []
            estimate: list[_Est] = []
            for h, width, merge in zip(columns, widths, merges, strict=True):
                content, texts, center = self._content(sheet, h.column, row, unit)
                at = merge[i] if merge else None
                shown = self._para("text") if at == "continue" else content
                cells.append(self._cell(width, shown, at, center))
                if texts is not None:
                    estimate.append((width, texts, at))
            body.append("".join(cells))
            estimates.append(estimate)
        flags = self._unsplittable(estimates)
        return [self._row(cells, cant_split=f) for cells, f in zip(body, flags, strict=True)]

    def _content(
        self, sheet: SheetKind, column: SheetColumn, row: Row, unit: str | None
    ) -> tuple[str, list[str] | None, bool]:
        """The builder of a column's cell (by its `Cell`): the cell's paragraphs, its texts for
        the height estimate (None: not counted), and whether it is centred."""
        ind = row.indicator
        kind = column.cell
        if kind is Cell.number:
            number = str(ind.number)
            return self._para("center", number), [number], True
        if kind is Cell.level:
            level: Goal | Task = row.goal if column.column is TableColumn.goal else row.task
            return self._para("text", self._clean(level.heading, level, "title")), None, True
        if kind is Cell.indicator:
            text = self._clean(ind.text, ind, "text")
            texts = [f"{ind.number}." + text if sheet == "full" else text]
            return self._paras("text", texts), texts, False
        if kind is Cell.roles:
            assert unit is not None, "a unit's roles are on a unit's sheet only"
            lines, bold = self._role_lines(unit, row)
            return self._paras("text", lines, bold), lines, False
        if kind is Cell.units:
            texts = [self._clean(ind.units.text or "", ind, "units", "text")]
            return self._paras("text", texts), texts, False
        if kind is Cell.measures:
            texts = self._measures(row)
            return self._paras("text", texts), texts, False
        if kind is Cell.text:
            texts = [self._text_cell(row, column)]
            return self._paras("center" if column.center else "text", texts), texts, column.center
        return self._para("text"), None, False  # Cell.blank: for the unit to fill in

    def _merge(
        self, sheet: SheetKind, column: SheetColumn, rows: Sequence[Row]
    ) -> list[str | None] | None:
        """The vMerge of a column's cells down the rows, or None where its cells never merge."""
        kind = column.cell
        if kind is Cell.level:
            return _merges(
                [id(r.goal if column.column is TableColumn.goal else r.task) for r in rows]
            )
        if column.attribute is None:
            return None
        if sheet == "full":
            return _carried_merges(rows, column.attribute)
        if kind is Cell.measures:
            return _merges([_key(tuple(m.number for m in r.measures)) for r in rows])
        if kind is Cell.units:
            keys = [(r.indicator.units.text or "").strip() for r in rows]
        else:
            keys = [self._text_cell(r, column).strip() for r in rows]
        return _merges([_key(k) for k in keys])

    def _document(self, content: str, title: str) -> bytes:
        end = self._para("text")  # a document may not end with a table
        xml = self.shell.head + (content + end).encode("utf-8") + self.shell.tail
        return self._package(xml, title)

    def _package(self, document: bytes, title: str) -> bytes:
        """The template's archive with a new document part (and title), compressed once."""
        if self._base is None:
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
                for info, data in self.word.entries:
                    if info.filename in (self.word.document_part, "docProps/core.xml"):
                        continue
                    archive.writestr(_info(info), data)
            self._base = out.getvalue()
        out = io.BytesIO(self._base)
        out.seek(0, io.SEEK_END)
        with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
            for info, _ in self.word.entries:
                if info.filename == self.word.document_part:
                    # the fastest deflate: a third of the time of the default level, a sheet
                    # a little larger, and Word, WPS and LibreOffice read any level alike
                    archive.writestr(_info(info), document, compresslevel=1)
                elif info.filename == "docProps/core.xml":  # the sheet's own (render/package)
                    archive.writestr(_info(info), core_properties(title, self.subject, now()))
        return out.getvalue()

    def _take_cleaned(self) -> list[Cleaned]:
        found = list(self._cleaned.values())
        self._cleaned = {}
        return found

    # -- the unit sheet ------------------------------------------------------------------------

    def unit_sheet(self, unit: str, rows: list[Row], scope: str | None = None) -> Sheet:
        """The sheet for one unit: its rows as `query.select` chose them (Row.roles filled).

        `scope` says what a filtered sheet holds (see `scope`); it goes into the title (and so
        the document's core title) and the counts line. Each 主要任务 is a table of its own whose
        header rows, the column headings and the task's title, repeat on every page it spans;
        identical consecutive 工作措施 / 完成时限 / 可检视成果 cells are merged.
        """
        names = self.texts.role_names
        counts: dict[Role, int] = {}
        for row in rows:
            if row.roles:
                counts[row.roles[0].role] = counts.get(row.roles[0].role, 0) + 1
        count_list = [(names[r], counts[r]) for r in ROLE_ORDER if r in counts]
        values = {**self.common, "unit": unit, "total": len(rows), "counts": count_list}
        title = self.texts.render("unit_title", **values)
        note = self.texts.render("unit_note", **values)
        if scope:
            title = self.sheet_texts.render("scope_title", title=title, scope=scope, unit=unit)
            note = self.sheet_texts.render("scope_note", note=note, scope=scope, unit=unit)
        title = self._clean(title, None, "unit_title")
        note = self._clean(note, None, "unit_note")

        columns, widths = self._layout("unit_columns")
        tables: list[str] = []
        runs = _runs(rows, lambda r: id(r.task))
        for i, task_rows in enumerate(runs):
            last = i == len(runs) - 1
            tables.append(self._task_table(unit, task_rows, columns, widths, last))
        sign_off = self._clean(
            self.sheet_texts.render(
                "sign_off", unit=unit, year=self.common["year"], place=self.common["place"]
            ),
            None,
            "sign_off",
        )
        content = (
            self._para("title", title)
            + self._para("note", note)
            + self._gap().join(tables)
            + self._sign_off(sign_off)
        )
        data = self._document(content, title)
        return Sheet(self.unit_filename(unit), data, len(rows), self._take_cleaned())

    def _task_table(
        self,
        unit: str,
        rows: list[Row],
        columns: Sequence[Heading],
        widths: list[int],
        last: bool = False,
    ) -> str:
        """One task's rows; its title in a full-width header row under the column headings.

        The `last` table's last row keeps with the 填报 line below it (`w:keepNext`), so the
        line never stands alone on a page."""
        task, goal = rows[0].task, rows[0].goal
        # the level its rows belong to: the task, or the goal where the table has no task level
        level: Task | Goal | None = None
        if self.checklist.has(TableColumn.task) and task.heading:
            level = task
        if level is None and self.checklist.has(TableColumn.goal) and goal.heading:
            level = goal
        header = ""
        if level is not None:
            text = self.sheet_texts.render(
                "task_row",
                task=self._clean(level.heading, level, "title"),
                goal=self._clean(goal.heading, goal, "title") if level is task else "",
            )
            cell = self._cell(
                sum(widths), self._para("text", text, bold=True), span=len(columns), fill=TASK_FILL
            )
            header = self._row(cell, header=True)
        rows_xml = self._body("unit", rows, columns, widths, unit)
        if last and rows_xml:
            rows_xml[-1] = _KEEP_AFTER.sub(r"\1<w:keepNext/>", rows_xml[-1])
        return self._table(columns, rows_xml, extra_header=header)

    def _sign_off(self, text: str) -> str:
        """The 填报 line under the table: the note style, set left with a space above."""
        sid, fonts = self._styles["note"]
        return (
            f'<w:p><w:pPr><w:pStyle w:val="{xml_escape(sid)}"/>'
            '<w:spacing w:before="240" w:after="0"/><w:jc w:val="left"/></w:pPr>'
            f'<w:r><w:rPr>{fonts}</w:rPr><w:t xml:space="preserve">{xml_escape(text)}</w:t>'
            "</w:r></w:p>"
        )

    def _text(self, key: str, **values: Any) -> str:
        """A rendered text template, memoised (the role lines repeat on most rows)."""
        memo = (key, *((k, tuple(v) if isinstance(v, list) else v) for k, v in values.items()))
        found = self._rendered.get(memo)
        if found is None:
            source = self.texts if self.texts.has(key) else self.sheet_texts
            found = self._rendered[memo] = source.render(key, **values)
        return found

    def _role_lines(self, unit: str, row: Row) -> tuple[list[str], int]:
        """The unit's own roles (counted, shown in bold), then the other units by role.

        An assignment inferred from a measure's text (the source cell is empty) is not a fact:
        its roles are marked (`pending`: 牵头（待确认）), without the measure's sentence as a
        duty, and a line says why (`pending_note`).
        """
        names = self.texts.role_names
        ind = row.indicator
        inferred = ind.units.origin is Origin.inferred

        def role_name(role: Role) -> str:
            shown = names[role]
            return self._text("pending", role=shown) if inferred else shown

        own: list[str] = []
        for a in row.roles:
            if inferred:
                line = self._text("role_own", role=role_name(a.role), via=a.via, duty=None)
            else:
                line = self._text("role_own", role=names[a.role], via=a.via, duty=a.duty)
            line = self._clean(line, ind, "units")
            if line not in own:
                own.append(line)
        others: dict[Role, list[str]] = {}
        via = {a.via for a in row.roles if a.via}
        for a in row.named:
            if a.unit == unit or a.unit in via:  # itself, or the group it is reached through
                continue
            shown = f"{a.unit}（{a.duty}）" if a.duty and not inferred else a.unit
            others.setdefault(a.role, []).append(self._clean(shown, ind, "units"))
        lines = list(own)
        if others:
            lines.append(self._text("role_others_heading"))
            lines += [
                self._text("role_others_line", role=role_name(r), units=others[r])
                for r in ROLE_ORDER
                if r in others
            ]
        if inferred:
            lines.append(self._text("pending_note"))
        return lines, len(own)

    def _measures(self, row: Row) -> list[str]:
        return [f"（{m.number}）" + self._clean(m.text.strip(), m, "text") for m in row.measures]

    def _text_cell(self, row: Row, column: SheetColumn) -> str:
        """A one-text cell's text (完成时限, 可检视成果 …), as a .docx can hold it."""
        ind = row.indicator
        assert column.attribute is not None
        cell = getattr(ind, column.attribute)
        return self._clean(cell.text or "", ind, column.attribute, "text")

    # -- the whole table ----------------------------------------------------------------------

    def full_sheet(self, rows: list[Row], scope: str | None = None) -> Sheet:
        """The 附件 table in seven columns; goal, task and carried cells merged as in the source.

        `scope` says what a filtered table holds (see `scope`), in its title."""
        values = {**self.common, "total": len(rows)}
        label = self._clean(self.texts.render("full_label", **values), None, "full_label")
        title = self.texts.render("full_title", **values)
        if scope:
            title = self.sheet_texts.render("scope_title", title=title, scope=scope, unit="")
        title = self._clean(title, None, "full_title")
        note = self.texts.render("full_note", **values) if self.texts.has("full_note") else ""

        columns, widths = self._layout("full_columns")
        body = self._body("full", rows, columns, widths)
        content = self._para("label", label) + self._para("title", title)
        if note:
            content += self._para("note", note)
        content += self._table(columns, body)
        data = self._document(content, title)
        return Sheet(self.full_filename(), data, len(rows), self._take_cleaned())


_KEEP_AFTER = re.compile(r"(<w:pStyle w:val=\"[^\"]*\"/>)")
_Est = tuple[int, Sequence[str], str | None]  # a cell for the height estimate: width, texts, merge


def _lines(width: int, texts: Sequence[str]) -> int:
    """Lines a cell's texts take at this width (each text a paragraph, wrapped)."""
    room = max(width - CELL_MARGINS, TEXT_EM) / TEXT_EM
    count = 0
    for text in texts:
        for line in text.split("\n"):
            count += max(1, math.ceil(display_width(line.strip()) / room))
    return count


def _day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _numeral(number: int) -> str:
    from ..numerals import int_to_chinese

    return int_to_chinese(number)


def _bundled_texts() -> Path:
    from ..resources import templates_dir

    return templates_dir() / "sheet.yaml"


def _runs(rows: Sequence[Row], key: Callable[[Row], object]) -> list[list[Row]]:
    """Consecutive rows with the same key, in order."""
    runs: list[list[Row]] = []
    for row in rows:
        if runs and key(runs[-1][0]) == key(row):
            runs[-1].append(row)
        else:
            runs.append([row])
    return runs


def _key(value: object) -> object:
    """A merge key: equal values merge, empty ones never do (each is its own object)."""
    return value if value else object()


def _merges(keys: Sequence[object]) -> list[str | None]:
    """vMerge values for runs of equal keys: restart on the first of a run of 2+, continue after."""
    result: list[str | None] = []
    for i, key in enumerate(keys):
        if i and keys[i - 1] == key:
            result.append("continue")
        elif i + 1 < len(keys) and keys[i + 1] == key:
            result.append("restart")
        else:
            result.append(None)
    return result


def _carried_merges(rows: Sequence[Row], name: str) -> list[str | None]:
    """Merge a carried cell with the row above when that row states or carries the same value."""
    from ..model import Origin

    source: list[object] = []
    for i, row in enumerate(rows):
        cell = getattr(row.indicator, name)
        own = ("own", i)
        if cell.origin is Origin.carried and i and rows[i - 1].task is row.task:
            above = getattr(rows[i - 1].indicator, name)
            above_from = above.from_ if above.origin is Origin.carried else rows[i - 1].number
            source.append(("from", cell.from_) if above_from == cell.from_ else own)
            if above_from == cell.from_ and source[i - 1] == ("own", i - 1):
                source[i - 1] = ("from", cell.from_)
        else:
            source.append(own)
    return _merges(source)


def _info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    copy.compress_type = zipfile.ZIP_DEFLATED
    copy.external_attr = info.external_attr
    return copy
