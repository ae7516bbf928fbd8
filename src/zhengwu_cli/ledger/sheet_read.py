"""A returned sheet's body (package.py) → ledger entries, with what the unit changed in it.

The task table is the first table with a header row holding 序号 and 完成情况 (细化指标 too, when
the template keeps it). Word's 拆分表格 splits it: a later table with the same columns, with or
without a repeated header row, is read as its continuation. A small table or paragraphs with
填报单位、填报人、联系电话、填报日期 (the 填报 block) give who reported and when.

Per row: the 序号 names the indicator, unless the 细化指标 text is another indicator's (rows
renumbered: the text wins); a row without a 序号 is added by the unit and quoted for the office,
not collected; a 序号 twice is collected once; rows of the unit missing from the sheet are
deleted. Every finding is a warning (codes.COLLECT_CODES), and one summary line counts them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .. import dates
from ..docx_text import clean as clean_text
from ..i18n import N_, _, join, ngettext
from ..model import Checklist
from ..problems import Problem, visible
from ..units import Registry
from .cell import read_cell
from .codes import COLLECT_CODES
from .model import Entry, Status
from .package import MAX_CELL, Block, Cell, Package, Paragraph, Row, SheetError, Table

NUMBER_HEADING = "序号"
STATUS_HEADING = "完成情况"
INDICATOR_HEADING = "细化指标"
FILL_LABELS = ("填报单位", "填报人", "联系电话", "填报日期")
_FIELD = re.compile(rf"({'|'.join(FILL_LABELS)})\s*(?:[：:]|\t)")
_FIELD_BLANKS = " \t\n\u3000_＿-—:：;；，,。"
_YEAR = re.compile(r"(\d{4})\s*年")
_COUNT = re.compile(r"共\s*(\d{1,6})\s*项")
_NUMBER_PREFIX = re.compile(r"^\d{1,6}[.、．]")
_OPEN, _CLOSE = "（(", "）)"
_CONTINUED = re.compile(r"[（(]续[^）)]{0,4}[）)]$")
_NOTE = re.compile(r"[（(【\[][^（）()【】\[\]]{1,10}[）)】\]]")


@dataclass
class ReturnedSheet:
    path: Path
    unit: str
    entries: list[Entry] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    rows: int = 0  # indicator rows found, filled or not
    title: str = ""  # the sheet's visible title
    # when the sheet was last saved: docProps/core.xml's modified, else the file's mtime; the later
    # of two sheets of one unit is the current one
    modified: datetime | None = None
    summary: str = ""  # one line on what the sheet holds: rows filled, empty, deleted, added
    reported_by: str | None = None  # 填报人 (联系电话) of the 填报 block
    reported_on: date | None = None  # 填报日期 of the 填报 block


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def shown_name(name: str) -> str:
    """A file name as valid text: one that is not UTF-8 (a GBK name unpacked from a Chinese
    Windows zip arrives as surrogate escapes) is decoded as GB18030, else with replacements."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    raw = name.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


def _quote(text: str, limit: int = MAX_CELL) -> str:
    text = text.strip()
    if len(text) > limit:
        text = _("{start}…({length} characters)").format(start=text[:limit], length=len(text))
    return visible(text)


def _row_at(line: int) -> str:
    """A row of the task table inside a sentence (第5行), counted through every part."""
    return _("row {row}").format(row=line)


# -- the checklist's side, built once per checklist and registry ------------------------------


class Index:
    """What every sheet of a run is compared with: the indicators' texts, the units' rows."""

    def __init__(self, checklist: Checklist, registry: Registry) -> None:
        from ..query import rows

        self.checklist, self.registry = checklist, registry
        self.all_rows = rows(checklist, registry)
        self.text: dict[int, str] = {}
        self.by_text: dict[str, list[int]] = {}
        for row in self.all_rows:
            text = squash(clean_text(row.indicator.text)[0])
            self.text[row.number] = text
            self.by_text.setdefault(text, []).append(row.number)
        self._units: dict[str, list[int]] = {}
        # goal and task headings, as a sheet may print them in a row of their own
        self.headings: set[str] = set()
        for goal in checklist.goals:
            self.headings |= {squash(goal.heading), squash(goal.title or "")}
            for task in goal.tasks:
                self.headings |= {squash(task.heading), squash(task.title or "")}
        self.headings.discard("")

    def is_heading(self, text: str) -> bool:
        """A goal's or task's heading (with “（续）” after it on a continuation page)."""
        return _CONTINUED.sub("", squash(text)) in self.headings

    def edited(self, number: int, written: str) -> bool:
        """Whether a row's 细化指标 text (squashed) is not the indicator's: the sheet may put
        the number before it (1.…) or a short note in brackets after it (（待确认）)."""
        expected = self.text.get(number, "")
        written = _NUMBER_PREFIX.sub("", written)
        if written == expected:
            return False
        rest = written[len(expected) :] if written.startswith(expected) else None
        return rest is None or not _NOTE.fullmatch(rest)

    def unit_rows(self, unit: str) -> list[int]:
        """The indicators the unit holds a role in (named, or through a group)."""
        found = self._units.get(unit)
        if found is None:
            from ..query import Filters, select

            chosen = select(self.all_rows, Filters(units=[unit]), self.registry)
            found = self._units[unit] = [r.number for r in chosen]
        return found


_INDEX: list[Index] = []


def index_for(checklist: Checklist, registry: Registry) -> Index:
    if not (_INDEX and _INDEX[0].checklist is checklist and _INDEX[0].registry is registry):
        _INDEX[:] = [Index(checklist, registry)]
    return _INDEX[0]


# -- the task table -------------------------------------------------------------------------


@dataclass(frozen=True)
class Columns:
    number: int
    status: int
    indicator: int | None
    headings: dict[int, str]


def header(row: Row) -> Columns | None:
    by_text = {squash(c.text): c.column for c in row.cells}
    number = by_text.get(NUMBER_HEADING)
    status = next((c for t, c in by_text.items() if t.startswith(STATUS_HEADING)), None)
    if number is None or status is None:
        return None
    indicator = next((c for t, c in by_text.items() if t.startswith(INDICATOR_HEADING)), None)
    headings = {c.column: squash(c.text) for c in row.cells}
    return Columns(number, status, indicator, headings)


def _table_header(table: Table) -> tuple[int, Columns] | None:
    for i, row in enumerate(table.rows):
        found = header(row)
        if found:
            return i, found
    return None


def _is_fill_block(table: Table) -> bool:
    return any(
        _FIELD.search(c.text + "\t") for row in table.rows for c in row.cells if c.text.strip()
    )


def _text_of(table: Table) -> str:
    return " / ".join(squash(c.text) for row in table.rows for c in row.cells if c.text.strip())


# -- the title, the unit, the 填报 block --------------------------------------------------------


def paren_groups(text: str) -> list[str]:
    """The outermost （…） groups of a text, right-most first (nested ones stay inside)."""
    groups: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                groups.append(text[start:i])
    return groups[::-1]


def _named(text: str, registry: Registry) -> str | None:
    """The unit (or group) a title or file name names: a （…） group, or the whole text."""
    for candidate in [*paren_groups(text), text]:
        for part in [candidate, *re.split(r"[，,、\s\-_—]+", candidate)]:
            found = registry.canonical(part.strip())
            if found:
                return found
    return None


def fill_block(blocks: list[Block]) -> dict[str, str]:
    """The 填报 block's values by label, from paragraphs and rows of small tables."""
    texts: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            texts.append(block.text)
        else:
            texts += ["\t".join(c.text for c in row.cells) + "\t" for row in block.rows]
    found: dict[str, str] = {}
    for text in texts:
        marks = list(_FIELD.finditer(text))
        for i, mark in enumerate(marks):
            end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
            value = text[mark.end() : end].strip(_FIELD_BLANKS)
            if value and mark.group(1) not in found:
                found[mark.group(1)] = value
    return found


# -- reading ----------------------------------------------------------------------------------


class _Reader:
    def __init__(
        self,
        package: Package,
        path: Path,
        index: Index,
        given: str | None,
        today: date,
        mtime: datetime | None,
    ) -> None:
        self.package, self.path, self.index, self.today = package, path, index, today
        self.given = given
        self.shown = shown_name(str(path))
        self.source = shown_name(path.name)
        self.year = index.checklist.meta.year
        self.warnings: list[Problem] = []
        self.modified = package.modified or mtime

    def warn(self, line: int, col: int, code: str, message: str, hint: str | None = None) -> None:
        name, severity, _ = COLLECT_CODES[code]
        self.warnings.append(Problem(self.shown, line, col, code, name, severity, message, hint))

    def read(self) -> ReturnedSheet:
        body = self.package.body
        start = next(
            (i for i, b in enumerate(body) if isinstance(b, Table) and _table_header(b)), None
        )
        if start is None:
            raise SheetError(
                _(
                    "not a zhengwu task sheet: no table with the headings {number} and {status}"
                ).format(number=NUMBER_HEADING, status=STATUS_HEADING)
            )
        before = [b.text.strip() for b in body[:start] if isinstance(b, Paragraph)]
        before = [t for t in before if t]
        title = next((t for t in before if "清单" in t or "任务" in t), before[0] if before else "")
        self._check_year(title)
        parts, others = self._parts(body, start)
        filled = fill_block(others)
        unit = self._unit(title, before, filled)
        sheet = ReturnedSheet(self.path, unit, title=title, modified=self.modified)
        self._fill(sheet, filled)
        counted = next((int(m.group(1)) for t in before for m in [_COUNT.search(t)] if m), None)
        filtered = any(_named(g, self.index.registry) is None for g in paren_groups(title))
        _Rows(self, sheet, parts, filtered, counted).read()
        return sheet

    def _check_year(self, title: str) -> None:
        years = {int(y) for y in _YEAR.findall(title)}
        if years and self.year not in years:
            raise SheetError(
                _(
                    "this sheet is for {years}, the checklist for {year}; give the checklist of "
                    "that year with --checklist"
                ).format(years=join(str(y) for y in sorted(years)), year=self.year)
            )

    def _parts(self, body: list[Block], start: int) -> tuple[list[Table], list[Block]]:
        """The task table's parts (a split table) and the other blocks."""
        first = body[start]
        assert isinstance(first, Table)
        parts = [first]
        others: list[Block] = [b for b in body[:start] if isinstance(b, Paragraph)]
        for block in body[start + 1 :]:
            if isinstance(block, Paragraph):
                others.append(block)
            elif _table_header(block) or (
                block.columns == first.columns and not _is_fill_block(block)
            ):
                parts.append(block)
            elif _is_fill_block(block):
                others.append(block)
            elif _text_of(block):
                self.warn(
                    1,
                    1,
                    "ZW622",
                    _(
                        "a table after the task table, with {columns} columns (the task table "
                        "has {expected}), was not read: “{text}”"
                    ).format(
                        columns=block.columns,
                        expected=first.columns,
                        text=_quote(_text_of(block), 200),
                    ),
                    _("if it holds 完成情况, copy its rows into the task table and collect again"),
                )
        return parts, others

    def _unit(self, title: str, before: list[str], filled: dict[str, str]) -> str:
        registry = self.index.registry
        in_title = _named(title, registry) if title else None
        if in_title is None:
            in_title = next((u for t in before if (u := _named(t, registry))), None)
        in_block = registry.canonical(filled.get("填报单位", "").strip()) or (
            _named(filled["填报单位"], registry) if "填报单位" in filled else None
        )
        in_name = _named(shown_name(self.path.stem), registry)
        unit = self.given or in_title or in_block or in_name
        if unit is None:
            raise SheetError(
                _(
                    "cannot tell which unit this sheet is for (its title ends in no known unit "
                    "（…）, it has no 填报单位, nor is the file named after one); give --unit NAME"
                )
            )
        group = registry.group(unit)
        if group is not None:
            members = registry.members(group)
            raise SheetError(
                ngettext(
                    "“{group}” is a group of {n} unit, not a unit that reports; each member "
                    "reports on its own sheet — give --unit with the member's name",
                    "“{group}” is a group of {n} units, not a unit that reports; each member "
                    "reports on its own sheet — give --unit with the member's name",
                    len(members),
                ).format(group=unit, n=len(members))
            )
        if self.given and in_title and in_title != self.given:
            self.warn(
                1,
                1,
                "ZW620",
                _(
                    "--unit {given}, but the sheet's title names {titled}; collected as {given}"
                ).format(given=self.given, titled=in_title),
                _("check that this is the sheet you meant, or drop --unit"),
            )
        if in_block and in_block != unit:
            self.warn(
                1,
                1,
                "ZW620",
                _("the 填报单位 is {named}, but the sheet is {unit}'s; collected as {unit}").format(
                    named=in_block, unit=unit
                ),
                _("check with the unit which sheet this is"),
            )
        elif "填报单位" in filled and in_block is None:
            self.warn(
                1,
                1,
                "ZW620",
                _(
                    "the 填报单位 “{named}” is not a known unit; the sheet is collected as {unit}'s"
                ).format(named=_quote(filled["填报单位"], 100), unit=unit),
            )
        return unit

    def _fill(self, sheet: ReturnedSheet, filled: dict[str, str]) -> None:
        person, phone = filled.get("填报人"), filled.get("联系电话")
        if person or phone:
            who = person or sheet.unit
            sheet.reported_by = f"{who}（{phone}）" if phone else who
        written = filled.get("填报日期")
        if written:
            found = dates.find(written)
            day = found[0].last(self.year) if found and found[0].valid() else None
            if day is not None and found[0].precise:
                sheet.reported_on = day
            elif day is not None:
                sheet.reported_on = min(day, self.today)
            else:
                self.warn(
                    1,
                    1,
                    "ZW613",
                    _(
                        "the 填报日期 “{text}” is not a date; entries without a date of their own "
                        "stay undated (the day of collection counts)"
                    ).format(text=_quote(written, 100)),
                    _("write the date as 2022年6月30日"),
                )


@dataclass
class _Seen:
    line: int
    filled: bool
    entry: int | None  # its index in sheet.entries


class _Rows:
    """The rows of the task table's parts → entries and findings."""

    def __init__(
        self,
        reader: _Reader,
        sheet: ReturnedSheet,
        parts: list[Table],
        filtered: bool,
        counted: int | None,
    ) -> None:
        self.r, self.sheet, self.parts = reader, sheet, parts
        self.filtered, self.counted = filtered, counted
        self.index = reader.index
        self.expected = reader.index.unit_rows(sheet.unit)
        self.expected_set = set(self.expected)
        if counted is not None and counted < len(self.expected):
            self.filtered = True  # made with a filter (--month …): fewer rows than the unit has
        self.seen: dict[int, _Seen] = {}
        self.count = dict.fromkeys(
            (
                "filled",
                "empty",
                "added",
                "unknown",
                "duplicate",
                "renumbered",
                "edited",
                "norole",
                "month",
            ),
            0,
        )

    def read(self) -> None:
        line = 0
        columns: Columns | None = None
        above: dict[int, tuple[Cell, str]] = {}  # vertical merges: the restart cell per column
        for table in self.parts:
            for row in table.rows:
                line += 1
                found = header(row)
                if found is not None:
                    columns = found
                    continue
                if columns is None:
                    continue
                self._row(row, line, columns, above)
        self._deleted()
        self._summary()

    def _heading(self, columns: Columns, column: int) -> str:
        return columns.headings.get(column) or _("column {column}").format(column=column + 1)

    def _row(
        self, row: Row, line: int, columns: Columns, above: dict[int, tuple[Cell, str]]
    ) -> None:
        r = self.r
        for note in row.notes:
            r.warn(line, 1, "ZW622", _("{row}: {note}").format(row=_row_at(line), note=note))
        cells = {c.column: c for c in row.cells}
        status_cell = cells.get(columns.status)
        number_cell = cells.get(columns.number)
        raw_number = number_cell.text if number_cell else ""
        merged_from: str | None = None
        if status_cell is not None:
            if status_cell.merge == "restart":
                above[columns.status] = (
                    status_cell,
                    _("{row}, 序号 {number}").format(
                        row=_row_at(line), number=_quote(raw_number, 12)
                    ),
                )
            elif status_cell.merge == "continue" and columns.status in above:
                restart, merged_from = above[columns.status]
                status_cell = restart
            elif status_cell.merge is None:
                above.pop(columns.status, None)
        blank = not any(c.text.strip() for c in row.cells if c.merge != "continue")
        if blank and merged_from is None:
            return  # a blank row
        number_text = squash(unicodedata.normalize("NFKC", raw_number)).strip("、.．()（）")
        status_text = status_cell.text if status_cell else ""
        for cell in row.cells:
            if cell.length > len(cell.text):
                fields = {
                    "row": _row_at(line),
                    "column": self._heading(columns, cell.column),
                    "number": _quote(raw_number, 12),
                    "length": f"{cell.length:,}",
                    "kept": f"{MAX_CELL:,}",
                }
                message = (
                    _(
                        "{row}, {column} (序号 {number}): {length} characters; the first {kept} "
                        "are kept"
                    )
                    if raw_number.strip()
                    else _("{row}, {column}: {length} characters; the first {kept} are kept")
                )
                r.warn(
                    line,
                    cell.column + 1,
                    "ZW621",
                    message.format(**fields),
                    _("ask the unit to shorten the cell (attach long material instead)"),
                )
        if not number_text.isdigit() or not number_text.isascii():
            written = [c for c in row.cells if c.text.strip() and c.merge != "continue"]
            if len(written) == 1 and written[0].span > 1 and self.index.is_heading(written[0].text):
                return  # a task's heading in a row of its own (continuation pages)
            self._added(row, line, columns, raw_number)
            return
        if len(number_text) > 6 or self.index.checklist.indicator(int(number_text)) is None:
            self.count["unknown"] += 1
            shown = number_text if len(number_text) <= 12 else f"{number_text[:12]}…"
            if len(number_text) > 6:
                shown = _("{number} ({n} digits)").format(number=shown, n=len(number_text))
            message = (
                _(
                    "序号 {number} is not an indicator of the checklist; row not collected; its "
                    "完成情况 “{text}” was not collected"
                )
                if status_text.strip()
                else _("序号 {number} is not an indicator of the checklist; row not collected")
            )
            r.warn(
                line,
                columns.number + 1,
                "ZW611",
                message.format(number=shown, text=_quote(status_text)),
                _("was the 序号 cell edited? write the indicator's number back and collect again"),
            )
            return
        number = self._identify(int(number_text), cells, line, columns)
        self._collect(number, status_text, line, columns, merged_from)

    def _added(self, row: Row, line: int, columns: Columns, raw_number: str) -> None:
        self.count["added"] += 1
        texts = _("; ").join(
            _("{column}: “{text}”").format(
                column=self._heading(columns, c.column), text=_quote(c.text)
            )
            for c in row.cells
            if c.text.strip() and c.merge != "continue"
        )
        message = (
            _(
                "a row whose 序号 is not a number (added by the unit?); not collected — for the "
                "office: {texts}"
            )
            if raw_number.strip()
            else _(
                "a row without a 序号 (added by the unit?); not collected — for the office: {texts}"
            )
        )
        self.r.warn(
            line,
            columns.number + 1,
            "ZW614",
            message.format(texts=texts),
            _("if it reports on an indicator, write that indicator's 序号 in it and collect again"),
        )

    def _identify(self, number: int, cells: dict[int, Cell], line: int, columns: Columns) -> int:
        """The indicator a row is about: its 序号, unless its 细化指标 text is another's."""
        if columns.indicator is None or columns.indicator not in cells:
            return number
        written = squash(cells[columns.indicator].text)
        if not written or not self.index.edited(number, written):
            return number
        others = self.index.by_text.get(written) or self.index.by_text.get(
            _NUMBER_PREFIX.sub("", written), []
        )
        if others and number not in others:
            target = next((n for n in others if n not in self.seen), others[0])
            self.count["renumbered"] += 1
            self.r.warn(
                line,
                columns.number + 1,
                "ZW616",
                _(
                    "序号 {number} holds the 细化指标 text of indicator {target}; collected for "
                    "{target}"
                ).format(number=number, target=target),
                _("the rows were renumbered; check the sheet with the unit"),
            )
            return target
        self.count["edited"] += 1
        self.r.warn(
            line,
            columns.indicator + 1,
            "ZW617",
            _(
                "序号 {number}: the 细化指标 text differs from the checklist's; collected for "
                "{number}. The sheet says: “{text}”"
            ).format(number=number, text=_quote(cells[columns.indicator].text)),
            _("check that the row reports on this indicator"),
        )
        return number

    def _collect(
        self, number: int, text: str, line: int, columns: Columns, merged_from: str | None
    ) -> None:
        r, sheet = self.r, self.sheet
        reading = read_cell(text, r.year, r.today)
        seen = self.seen.get(number)
        if seen is not None:
            self.count["duplicate"] += 1
            if reading is not None and not seen.filled:
                # the earlier row was empty: this one is collected, the earlier counts as the
                # duplicate
                self.count["empty"] -= 1
                del self.seen[number]
                r.warn(
                    line,
                    columns.number + 1,
                    "ZW618",
                    _(
                        "序号 {number} appears twice (rows {first} and {second}); the filled "
                        "row {second} is collected"
                    ).format(number=number, first=seen.line, second=line),
                )
            else:
                message = (
                    _(
                        "序号 {number} appears again (first in row {first}); this row's 完成情况 "
                        "“{text}” was not collected"
                    )
                    if reading is not None
                    else _("序号 {number} appears again (first in row {first})")
                )
                r.warn(
                    line,
                    columns.number + 1,
                    "ZW618",
                    message.format(number=number, first=seen.line, text=_quote(text)),
                    _("keep one row per indicator; if the two say different things, ask the unit"),
                )
                return
        if reading is None:
            self.count["empty"] += 1
            self.seen[number] = _Seen(line, False, None)
            return
        self.count["filled"] += 1
        self.seen[number] = _Seen(line, True, len(sheet.entries))
        where = (line, columns.status + 1)
        if merged_from is not None:
            r.warn(
                *where,
                "ZW624",
                _(
                    "序号 {number}: its 完成情况 is one cell merged down from the row above "
                    "({above}); read for this row too"
                ).format(number=number, above=merged_from),
            )
        if number not in self.expected_set:
            self.count["norole"] += 1
            r.warn(
                *where,
                "ZW619",
                _(
                    "序号 {number}: {unit} has no role in this indicator; collected, but it does "
                    "not count for the city"
                ).format(number=number, unit=sheet.unit),
                _(
                    "if the unit does take part, add it to the indicator's 责任单位 in the "
                    "checklist"
                ),
            )
        if reading.guessed:
            r.warn(
                *where,
                "ZW612",
                _(
                    "序号 {number}: 完成情况 “{text}” was not understood; recorded as 推进中 with "
                    "the text as a note"
                ).format(number=number, text=_quote(text, 200)),
                _("start the cell with 已完成, 推进中, 未启动 or 不适用"),
            )
        if reading.bad_date:
            r.warn(
                *where,
                "ZW613",
                _("序号 {number}: “{text}” is not a date; kept in the text").format(
                    number=number, text=reading.bad_date
                ),
                _("write the date as 2022年6月30日 or 2022-06-30"),
            )
        if reading.unsure:
            r.warn(
                *where,
                "ZW623",
                _("序号 {number}: {doubt}: “{text}”").format(
                    number=number, doubt=reading.unsure, text=_quote(text, 200)
                ),
            )
        if reading.status is Status.done and reading.date and reading.date > r.today:
            r.warn(
                *where,
                "ZW623",
                _(
                    "序号 {number}: 已完成 on {date}, after the day of collection ({today}); is it "
                    "a planned date?"
                ).format(number=number, date=reading.date.isoformat(), today=r.today.isoformat()),
            )
        done = reading.status is Status.done
        month = reading.date is not None and reading.month_only
        if month:
            self.count["month"] += 1
        sheet.entries.append(
            Entry(
                indicator=number,
                unit=sheet.unit,
                status=reading.status,
                date=_own(reading.date or sheet.reported_on),
                date_inferred="month" if month else None,
                evidence=reading.rest if done else None,
                notes=None if done else reading.rest,
                text=text,
                collected=_own(r.today),
                reported_by=sheet.reported_by or sheet.unit,
                source=r.source,
            )
        )

    def _deleted(self) -> None:
        found = set(self.seen)
        if self.filtered:
            present = self.count["filled"] + self.count["empty"]
            missing = (self.counted - present) if self.counted is not None else 0
            if missing > 0:
                self.count["deleted"] = missing
                self.r.warn(
                    1,
                    1,
                    "ZW615",
                    _(
                        "the sheet says 共{counted}项 but holds {present} rows: {missing} deleted "
                        "(a filtered sheet: which ones cannot be told)"
                    ).format(counted=self.counted, present=present, missing=missing),
                    _("ask the unit for the rows it deleted"),
                )
            return
        missing_rows = [n for n in self.expected if n not in found]
        self.count["deleted"] = len(missing_rows)
        if missing_rows:
            listed = join(str(n) for n in missing_rows[:50])
            if len(missing_rows) > 50:
                listed = _("{numbers} and {n} more").format(
                    numbers=listed, n=len(missing_rows) - 50
                )
            self.r.warn(
                1,
                1,
                "ZW615",
                ngettext(
                    "{n} of {unit}'s rows is not in the sheet (deleted): 序号 {numbers}; nothing "
                    "was collected for it",
                    "{n} of {unit}'s rows are not in the sheet (deleted): 序号 {numbers}; nothing "
                    "was collected for them",
                    len(missing_rows),
                ).format(n=len(missing_rows), unit=self.sheet.unit, numbers=listed),
                _("ask the unit to report on them (send the sheet again: zhengwu render --unit)"),
            )

    def _summary(self) -> None:
        c = self.count
        total = c["filled"] + c["empty"] + c["added"] + c["unknown"] + c["duplicate"]
        self.sheet.rows = c["filled"] + c["empty"]
        parts = [
            ngettext(
                "{n} row: {filled} filled, {empty} empty",
                "{n} rows: {filled} filled, {empty} empty",
                total,
            ).format(n=total, filled=c["filled"], empty=c["empty"])
        ]
        for key, label in _SUMMARY:
            if c.get(key):
                parts.append(_(label).format(n=c[key]))
        self.sheet.summary = _(", ").join(parts)
        self.sheet.warnings.extend(self.r.warnings)


# what the summary line counts besides the filled and empty rows, in its order
_SUMMARY = (
    ("deleted", N_("{n} deleted")),
    ("added", N_("{n} added (not collected, see the warnings)")),
    ("unknown", N_("{n} with an unknown 序号 (not collected, see the warnings)")),
    ("duplicate", N_("{n} duplicated")),
    ("renumbered", N_("{n} renumbered")),
    ("edited", N_("{n} with the 细化指标 text edited")),
    ("norole", N_("{n} without a role")),
    ("month", N_("{n} dated by a month alone (its day inferred: date_inferred: month)")),
)


def _own(day: date | None) -> date | None:
    """A date object of the entry's own: PyYAML writes one object shared by several entries as
    an anchor and aliases (&id001 … *id001), which a person editing the ledger should not meet."""
    return None if day is None else date.fromordinal(day.toordinal())


def read_body(
    package: Package,
    path: Path,
    checklist: Checklist,
    registry: Registry,
    unit: str | None,
    today: date,
    mtime: datetime | None,
) -> ReturnedSheet:
    """The entries of a package read from `path`. Raises SheetError."""
    return _Reader(package, path, index_for(checklist, registry), unit, today, mtime).read()
