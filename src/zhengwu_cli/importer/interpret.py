"""One interpreter from a grid to a checklist: headings, levels, numbers, merges, units, deadlines.

It reads any grid a reader made (docx, xlsx, html, or one built by hand in a test) and knows
nothing of files. What it decides it reports: the header row and each column's kind, headings it
does not know (kept in meta.notes, cell by cell, never dropped), repeated header rows skipped,
merged cells (a `carried` cell names the indicator whose row holds the merged cell's text — from
the file's merges only; an empty cell that is not merged is `missing`), numbers it assigned,
deadlines it could not read, unit names it could not place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..deadlines import DeadlineError, DeadlineKind, parse_deadline
from ..i18n import _, join, language
from ..model import DEFAULT_HEADERS, Column
from ..numerals import int_to_chinese
from ..units import Registry
from . import labels as lab
from . import names as unit_names
from .cleanup import clean
from .grid import Cell, Grid, ReadError
from .vocabulary import LEVELS, UNIT_KINDS, kind_of, normal

HEADER_SCAN = 15  # rows searched for the header at the top of a table
FIELD_NAMES = {
    "goal": "目标",
    "task": "主要任务",
    "indicator": "细化指标",
    "number": "序号",
    "units": "责任单位",
    "lead": "牵头单位",
    "support": "配合单位",
    "measures": "工作措施",
    "deadline": "完成时限",
    "outcome": "可检视成果",
}
CELLS = ("units", "measures", "deadline", "outcome")
_TITLE_WORDS = re.compile(r"清单|任务|要点|分工|台账|方案|计划|责任")
_ANNEX = re.compile(r"^附件\s*\d*\s*[:：]?\s*$")
_YEAR = re.compile(r"(20\d\d)\s*年")
_PLACE = re.compile(
    r"^(?:附件\s*\d*\s*[:：]?\s*)?"
    r"([\u4e00-\u9fff×Ｘ〇○]{1,8}?(?:自治州|自治县|地区|盟|省|市|县|区|旗|局|委员会|委|办公室|厅))"
)
_CONNECTIVE = re.compile(r"^(?:并且|并|且|要|须|应|均|需|同时)")


class InterpretError(ReadError):
    """No table in the file looks like a task table; the message says what was found."""


def clauses(items: Iterable[str]) -> str:
    """Clauses of one sentence as the reader writes them: 甲；乙 in Chinese, "a; b" in English."""
    return ("；" if language() == "zh" else "; ").join(items)


@dataclass
class _Level:
    number: str | None
    title: str | None
    address: str
    label: str | None = None
    note: str | None = None
    variants: list[str] = field(default_factory=list)
    children: list[Any] = field(default_factory=list)


@dataclass
class _CellValue:
    origin: str  # stated, carried, missing
    text: str = ""
    source: Any = None  # carried: the _Indicator whose row holds the text
    address: str = ""
    measures: list[tuple[lab.Label | None, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _Indicator:
    label: lab.Label | None
    text: str
    address: str
    rows: set[tuple[int, int]] = field(default_factory=set)
    cells: dict[str, _CellValue] = field(default_factory=dict)
    number: int = 0
    extra: dict[str, str] = field(default_factory=dict)  # unknown columns: heading → text


@dataclass
class Header:
    grid: int
    row: int
    rows: int  # header rows (2 when a second row names the parts of a merged heading)
    kinds: list[str | None]
    headings: list[str]


@dataclass
class ReviewRow:
    number: int
    label: str | None
    goal: str
    task: str
    text: str
    address: str
    values: dict[str, tuple[str, str]]  # column → (value, where it came from)


@dataclass
class Result:
    data: dict[str, Any]
    registry: dict[str, Any] | None  # the draft, when no registry was given
    header: Header
    columns: list[str]  # model columns the table has
    review: list[ReviewRow]
    notes: list[str]  # what the interpreter decided or could not do, for the terminal
    levels: dict[str, int]
    merges: int
    repeated_headers: int
    units: list[str]
    unplaced: dict[str, list[str]]  # name → suggestions
    deadlines_read: int
    deadlines_unread: list[tuple[int, str]]
    tables: list[str]
    # what the person must see first (the title's year against the output file's name …)
    warnings: list[str] = field(default_factory=list)


def _origin(grid: Grid, cell: Cell) -> Cell:
    return grid.origin(cell) if cell.continues is not None else cell


# -- the header ---------------------------------------------------------------------------------


def _row_kinds(
    grid: Grid, r: int, vocabulary: dict[str, tuple[str, ...]]
) -> tuple[list[str | None], list[str]]:
    headings = [normal(_origin(grid, cell).text) for cell in grid.rows[r]]
    return [kind_of(h, vocabulary) for h in headings], headings


def find_header(grids: list[Grid], vocabulary: dict[str, tuple[str, ...]]) -> Header:
    seen: list[str] = []
    for g, grid in enumerate(grids):
        first: list[str] | None = None
        for r in range(min(len(grid.rows), HEADER_SCAN)):
            kinds, headings = _row_kinds(grid, r, vocabulary)
            if first is None and any(headings):
                first = headings
            found = set(filter(None, kinds))
            if found & set(LEVELS) and found & set(UNIT_KINDS):
                rows = 1
                if r + 1 < len(grid.rows):
                    below, texts = _row_kinds(grid, r + 1, vocabulary)
                    # a second header row names the parts of a heading above it: every cell of
                    # it continues the row above, or is a heading (or empty)
                    parts = all(
                        cell.vertical or kind is not None or cell.empty
                        for cell, kind in zip(grid.rows[r + 1], below, strict=True)
                    )
                    if any(below) and parts:
                        for c, kind in enumerate(below):
                            if kind and not grid.rows[r + 1][c].vertical:
                                kinds[c], headings[c] = kind, texts[c]
                        rows = 2
                return Header(g, r, rows, kinds, headings)
        if first is not None:
            shown = "、".join(h for i, h in enumerate(first) if h and h not in first[:i])[:200]
            kinds_found = {kind_of(h, vocabulary) for h in first}
            if not kinds_found & set(UNIT_KINDS) and kinds_found & set(LEVELS):
                said = _("{table}'s header is: {headings}; no column like 责任单位 found")
            elif not kinds_found & set(UNIT_KINDS):
                said = _(
                    "{table}'s header is: {headings}; no column like 细化指标、主要任务 or "
                    "责任单位 found"
                )
            else:
                said = _("{table}'s header is: {headings}; no column like 细化指标、主要任务 found")
            seen.append(said.format(table=grid.name, headings=shown))
        else:
            seen.append(_("{table} is empty").format(table=grid.name))
    if not grids:
        raise InterpretError(_("the file has no table"))
    raise InterpretError(
        _(
            "no table looks like a task table (a header row with a column such as 细化指标 or "
            "主要任务 and one such as 责任单位): {found}. Give the columns headings like "
            "目标 / 主要任务 / 细化指标 / 责任单位 / 工作措施 / 完成时限 / 可检视成果"
        ).format(found=clauses(seen))
    )


# -- columns ------------------------------------------------------------------------------------


@dataclass
class _Columns:
    goal: int | None = None
    task: int | None = None
    indicator: int = 0
    number: int | None = None
    units: list[tuple[int, str]] = field(default_factory=list)  # (column, kind)
    cells: dict[str, int] = field(default_factory=dict)  # measures, deadline, outcome
    extra: dict[int, str] = field(default_factory=dict)  # column → heading
    notes: list[str] = field(default_factory=list)


def _sample(grid: Grid, start: int, col: int, limit: int = 200) -> list[str]:
    texts = []
    for row in grid.rows[start : start + limit]:
        cell = row[col]
        if cell.continues is None and not cell.empty:
            texts.append(cell.text.strip())
    return texts


def assign_columns(grid: Grid, header: Header) -> _Columns:
    cols = _Columns()
    start = header.row + header.rows
    level_cols: list[int] = []
    for c, kind in enumerate(header.kinds):
        if kind in ("goal", "task", "indicator", "number"):
            texts = _sample(grid, start, c)
            numbers = sum(lab.is_number_only(t) for t in texts)
            if kind == "number" or (texts and numbers >= 0.8 * len(texts)):
                if cols.number is None:
                    cols.number = c
                else:
                    cols.extra[c] = header.headings[c] or f"第{c + 1}列"
                continue
            level_cols.append(c)
    explicit = [c for c in level_cols if header.kinds[c] == "indicator"]
    if explicit:
        cols.indicator = explicit[0]
        before = [c for c in level_cols if c < cols.indicator]
        for c in level_cols:
            if c > cols.indicator:
                cols.extra[c] = header.headings[c]
    elif level_cols:
        cols.indicator = level_cols[-1]
        before = level_cols[:-1]
        if header.kinds[cols.indicator] != "indicator":
            cols.notes.append(
                _(
                    "no 细化指标 column: the lowest level “{heading}” is the row that is assigned "
                    "and tracked"
                ).format(heading=header.headings[cols.indicator])
            )
    else:
        raise InterpretError(_("the header has no column for the rows that are assigned"))
    if len(before) == 1:
        shapes = [lab.split(t)[0] for t in _sample(grid, start, before[0])]
        cn = sum(1 for x in shapes if x is not None and x.shape == "cn")
        paren = sum(1 for x in shapes if x is not None and x.shape == "cn-paren")
        # the only level above the indicators: 一、 numbers a goal, （一） a task; else the heading
        if cn > paren or (cn == paren and header.kinds[before[0]] == "goal"):
            cols.goal = before[0]
        else:
            cols.task = before[0]
    elif len(before) >= 2:
        cols.goal, cols.task = before[0], before[1]
        for c in before[2:]:
            cols.extra[c] = header.headings[c]
    for c, kind in enumerate(header.kinds):
        if kind in UNIT_KINDS:
            cols.units.append((c, kind))
        elif kind in ("measures", "deadline", "outcome"):
            if kind in cols.cells:
                cols.extra[c] = header.headings[c]
            else:
                cols.cells[kind] = c
        elif kind is None and c not in cols.extra:
            cell = grid.rows[header.row][c]
            if cell.horizontal and header.kinds[_origin(grid, cell).col] is not None:
                continue
            if header.headings[c] or _sample(grid, start, c):
                cols.extra[c] = header.headings[c] or f"第{c + 1}列"
    return cols


# -- rows ---------------------------------------------------------------------------------------


def _is_header_repeat(grid: Grid, r: int, header: Header, first: Grid) -> bool:
    matches = 0
    for c, cell in enumerate(grid.rows[r]):
        if cell.continues is not None or cell.empty or c >= len(header.headings):
            continue
        text = normal(cell.text)
        if text and (text == header.headings[c] or text == _top_heading(first, header, c)):
            matches += 1
        elif text:
            return False
    return matches >= 2


def _top_heading(grid: Grid, header: Header, c: int) -> str:
    row = grid.rows[header.row]
    return normal(_origin(grid, row[c]).text) if c < len(row) else ""


def _section(grid: Grid, r: int) -> Cell | None:
    """A row that is one cell across the whole table (a heading inside the table)."""
    row = grid.rows[r]
    if len(row) < 2:
        return None
    head = row[0]
    if head.continues is not None or head.empty:
        return None
    if all(c.continues == (r, 0) for c in row[1:]):
        return head
    return None


class _Builder:
    def __init__(self, grids: list[Grid], header: Header, cols: _Columns) -> None:
        self.grids = grids
        self.header = header
        self.cols = cols
        self.goals: list[_Level] = []
        self.goal: _Level | None = None
        self.task: _Level | None = None
        self.by_origin: dict[tuple[int, int, int], Any] = {}  # (grid, row, col) → level/indicator
        self.row_indicator: dict[tuple[int, int], _Indicator] = {}
        self.indicators: list[_Indicator] = []
        self.notes: list[str] = list(cols.notes)
        self.merges = 0
        self.repeated = 0
        self.sections = {"goal": False, "task": False}
        self.extra_notes: list[str] = []

    # levels
    def _new_goal(self, number: str | None, title: str | None, address: str) -> _Level:
        goal = _Level(number, title, address)
        self.goals.append(goal)
        self.goal, self.task = goal, None
        return goal

    def _ensure_goal(self, address: str) -> _Level:
        return self.goal or self._new_goal(None, None, address)

    def _new_task(self, number: str | None, title: str | None, address: str) -> _Level:
        goal = self._ensure_goal(address)
        task = _Level(number, title, address)
        goal.children.append(task)
        self.task = task
        return task

    def _ensure_task(self, address: str) -> _Level:
        return self.task or self._new_task(None, None, address)

    @staticmethod
    def _parse_level(text: str) -> tuple[str | None, str, str | None]:
        label, rest = lab.split(text.strip())
        if label is None:
            return None, text.strip(), None
        numeral = label.numeral
        if not numeral.isdigit() and label.value is not None and label.shape == "circle":
            numeral = str(label.value)
        return numeral, rest.strip(), label.printed

    def level(self, kind: str, g: int, grid: Grid, r: int, col: int) -> None:
        cell = grid.rows[r][col]
        o = _origin(grid, cell)
        key = (g, o.row, o.col)
        if cell.continues is not None and key in self.by_origin:
            found = self.by_origin[key]
            if kind == "goal" and found is not self.goal:
                self.goal, self.task = found, None
            elif kind == "task" and found is not self.task:
                self.task = found
            return
        if o.empty:
            current = self.goal if kind == "goal" else self.task
            if current is None:
                self.notes.append(
                    _(
                        "{address}: the {field} cell is empty on the first row of its part; a "
                        "level without a title was made"
                    ).format(address=cell.address, field=FIELD_NAMES[kind])
                )
                made = (
                    self._new_goal(None, None, cell.address)
                    if kind == "goal"
                    else (self._new_task(None, None, cell.address))
                )
                made.note = "原表此格空白"
            else:
                self.notes.append(
                    _(
                        "{address}: the {field} cell is empty and not merged; the row is taken "
                        "as part of {level}"
                    ).format(
                        address=cell.address,
                        field=FIELD_NAMES[kind],
                        level=f"{current.label or ''}{current.title or ''}",
                    )
                )
            return
        number, title, printed = self._parse_level(o.text)
        current = self.goal if kind == "goal" else self.task
        same = current is not None and (
            (number is not None and number == current.number)
            or (
                number is None
                and current.number is None
                and normal(title) == normal(current.title or "")
            )
        )
        if same and current is not None:
            if normal(title) != normal(current.title or "") and title not in current.variants:
                current.variants.append(title)
            self.by_origin[key] = current
            return
        made = (
            self._new_goal(number, title, o.address)
            if kind == "goal"
            else (self._new_task(number, title, o.address))
        )
        made.label = printed
        self.by_origin[key] = made

    def section(self, cell: Cell) -> None:
        number, title, printed = self._parse_level(cell.text)
        label = lab.split(cell.text.strip())[0]
        shape = label.shape if label else None
        if self.cols.goal is None and (shape in ("cn", None) or self.cols.task is not None):
            made = self._new_goal(number, title, cell.address)
            self.sections["goal"] = True
        elif self.cols.task is None:
            made = self._new_task(number, title, cell.address)
            self.sections["task"] = True
        else:
            self.extra_notes.append(f"原表{cell.address}（通栏）：{cell.text.strip()}")
            self.notes.append(
                _("{address}: a row across the table, kept in meta.notes").format(
                    address=cell.address
                )
            )
            return
        made.label = printed

    # cells
    def cell(
        self, kind: str, g: int, grid: Grid, r: int, col: int, ind: _Indicator, key: str
    ) -> _CellValue:
        cell = grid.rows[r][col]
        if cell.continues is None:
            if cell.empty:
                return _CellValue("missing", address=cell.address)
            return _CellValue("stated", cell.text, address=cell.address)
        o = _origin(grid, cell)
        if o.row == r or (o.col != col and self._kind_at(o.col) != kind):
            self.notes.append(
                _(
                    "{address}: merged with {origin} across columns; {field} is taken as empty here"
                ).format(address=cell.address, origin=o.address, field=FIELD_NAMES[kind])
            )
            return _CellValue("missing", address=cell.address)
        if o.empty:  # merged with an empty cell: nothing to carry
            return _CellValue("missing", address=cell.address)
        source = self.row_indicator.get((g, o.row))
        if source is None:
            self.notes.append(
                _(
                    "{address}: a merged cell that starts above the first indicator ({origin}); "
                    "its text is taken as this row's own"
                ).format(address=cell.address, origin=o.address)
            )
            return _CellValue("stated", o.text, address=o.address)
        if source is ind:
            return _CellValue("same", address=cell.address)
        self.merges += 1
        own = source.cells.get(key)
        if own is not None and own.origin == "carried":
            source = own.source
        return _CellValue("carried", o.text, source=source, address=o.address)

    def _kind_at(self, col: int) -> str | None:
        if any(c == col for c, _kind in self.cols.units):
            return "units"
        for k, c in self.cols.cells.items():
            if c == col:
                return k
        return None

    def row(self, g: int, grid: Grid, r: int) -> None:
        cols = self.cols
        row = grid.rows[r]
        if self._heading_in_indicator_column(row):
            return
        if cols.goal is not None:
            self.level("goal", g, grid, r, cols.goal)
        if cols.task is not None:
            self.level("task", g, grid, r, cols.task)
        icell = row[cols.indicator]
        io = _origin(grid, icell)
        if icell.vertical and (g, io.row) in self.row_indicator:
            self.extend(self.row_indicator[g, io.row], g, grid, r)
            return
        levels = {cols.goal, cols.task, cols.number}
        others = [c for i, c in enumerate(row) if i != cols.indicator and i not in levels]
        if icell.vertical:  # merged with a cell above the first indicator (a heading)
            io = Cell((), r, cols.indicator, icell.address)
        if io.empty:
            texts = [c.text.strip() for c in others if c.continues is None and not c.empty]
            if texts:
                self.notes.append(
                    _(
                        "{address}: a row without 细化指标 text; its cells are kept in meta.notes"
                    ).format(address=icell.address)
                )
                self.extra_notes.append(
                    f"原表{icell.address}所在行（无细化指标）：" + " | ".join(texts)
                )
            return
        label: lab.Label | None = None
        text = io.text
        if cols.number is not None and not row[cols.number].empty:
            label = lab.bare(_origin(grid, row[cols.number]).text)
        own, rest = lab.split(text)
        if own is not None and (label is None or own.value == label.value):
            label, text = label or own, rest
        goal_task = self._ensure_task(io.address)
        ind = _Indicator(label, text, io.address)
        ind.rows.add((g, r))
        self.row_indicator[g, r] = ind
        goal_task.children.append(ind)
        self.indicators.append(ind)
        for c, kind in cols.units:
            key = f"units:{kind}:{c}"
            ind.cells[key] = self.cell("units", g, grid, r, c, ind, key)
        for kind, c in cols.cells.items():
            ind.cells[kind] = self.cell(kind, g, grid, r, c, ind, kind)
        self._extra(ind, grid, r)

    def _heading_in_indicator_column(self, row: list[Cell]) -> bool:
        """一、… or （一）… alone on a row, in the 细化指标 column of a table without that level's
        column: a heading, as a row across the table would be."""
        cols = self.cols
        head = row[cols.indicator]
        if head.continues is not None or head.empty:
            return False
        if any(not c.empty or c.continues is not None for c in row if c is not head):
            return False
        label = lab.split(head.text.strip())[0]
        if label is None or not (
            (label.shape == "cn" and cols.goal is None)
            or (label.shape == "cn-paren" and cols.task is None)
        ):
            return False
        self.notes.append(
            _("{address}: a heading alone in the 细化指标 column").format(address=head.address)
        )
        self.section(head)
        return True

    def _extra(self, ind: _Indicator, grid: Grid, r: int) -> None:
        for c, heading in self.cols.extra.items():
            cell = grid.rows[r][c]
            if cell.continues is None and not cell.empty:
                before = ind.extra.get(heading)
                ind.extra[heading] = f"{before}\n{cell.text}" if before else cell.text

    def extend(self, ind: _Indicator, g: int, grid: Grid, r: int) -> None:
        """A row under a merged 细化指标 cell: its cells belong to the same indicator."""
        ind.rows.add((g, r))
        self.row_indicator[g, r] = ind
        self.notes.append(
            _(
                "{address}: the 细化指标 cell is merged over several rows; their cells are joined "
                "into one indicator"
            ).format(address=grid.rows[r][self.cols.indicator].address)
        )
        keys = [(f"units:{k}:{c}", "units", c) for c, k in self.cols.units]
        keys += [(k, k, c) for k, c in self.cols.cells.items()]
        for key, kind, c in keys:
            value = self.cell(kind, g, grid, r, c, ind, key)
            if value.origin != "stated":
                continue
            have = ind.cells.get(key)
            if have is None or have.origin == "missing":
                ind.cells[key] = value
            elif have.origin == "stated":
                have.text = f"{have.text}\n{value.text}"
        self._extra(ind, grid, r)


# -- after the rows -----------------------------------------------------------------------------


def _measures(text: str) -> list[tuple[lab.Label | None, str]]:
    items: list[tuple[lab.Label | None, str]] = []
    for line in text.split("\n"):
        label, rest = lab.split(line)
        if label is not None and label.shape in ("paren", "dot", "dun", "circle"):
            items.append((label, rest))
        elif items:
            label0, before = items[-1]
            items[-1] = (label0, f"{before}\n{line}")
        elif line.strip():
            items.append((None, line))
    return items


def _title(lines: list[str], fallback: str) -> tuple[str, str]:
    """(meta.title, meta.source.document) from the paragraphs above the table."""
    shown = [line.strip() for line in lines if line.strip()]
    candidates = [line for line in shown if not _ANNEX.match(line)]
    titled = [line for line in candidates if _TITLE_WORDS.search(line)]
    title = (titled or candidates or [fallback])[-1 if not titled else 0]
    title = re.sub(r"^附件\s*\d*\s*[:：]\s*", "", title).strip() or fallback
    head = shown[: shown.index(title) + 1] if title in shown else [title]
    document = "".join(
        f"{line}：" if _ANNEX.match(line) and not line.endswith(("：", ":")) else line
        for line in head
    )
    return title, document or title


@dataclass
class Options:
    file_name: str
    registry_name: str
    year: int | None = None
    place: str | None = None
    registry: Registry | None = None
    fallback_year: int | None = None  # from the output's file name (checklists/2023.yaml)
    vocabulary: dict[str, tuple[str, ...]] | None = None


def _tables(grids: list[Grid], header: Header) -> list[tuple[int, Grid, int]]:
    """(index, grid, first data row) of the table and the tables that continue it."""
    first = grids[header.grid]
    found = [(header.grid, first, header.row + header.rows)]
    for g in range(header.grid + 1, len(grids)):
        grid = grids[g]
        if grid.width != first.width:
            break
        if grid.joined or (grid.rows and _is_header_repeat(grid, 0, header, first)):
            found.append((g, grid, 0))
        else:
            break
    return found


def interpret(grids: list[Grid], options: Options) -> Result:
    from .vocabulary import default_vocabulary

    vocabulary = options.vocabulary or default_vocabulary()
    header = find_header(grids, vocabulary)
    first = grids[header.grid]
    cols = assign_columns(first, header)
    builder = _Builder(grids, header, cols)
    tables = _tables(grids, header)
    for g, grid, start in tables:
        for r in range(start, len(grid.rows)):
            if _is_header_repeat(grid, r, header, first):
                builder.repeated += 1
                continue
            row = grid.rows[r]
            if all(c.empty and not c.vertical for c in row):
                continue
            section = _section(grid, r)
            if section is not None:
                builder.section(section)
                continue
            builder.row(g, grid, r)
    if not builder.indicators:
        raise InterpretError(
            _(
                "{table}: the header was found ({headings}) but no row below it has a 细化指标 text"
            ).format(table=first.name, headings="、".join(h for h in header.headings if h))
        )
    used = {g for g, _grid, _start in tables}
    for _g, grid, _start in tables:
        builder.notes.extend(grid.notes)  # what the reader saw (nested tables, numbering …)
    for g, grid in enumerate(grids):
        if g not in used and grid.rows:
            builder.notes.append(
                _(
                    "{table} ({rows} rows, {columns} columns) is not part of the task table and "
                    "was not imported"
                ).format(table=grid.name, rows=len(grid.rows), columns=grid.width)
            )
    above = list(first.before)
    for r in range(header.row):
        above += [c.text.strip() for c in first.rows[r] if c.continues is None and not c.empty]
    return _finish(builder, header, cols, above, options, [t[1].name for t in tables])


def _year(title: str, above: list[str], options: Options) -> tuple[int, list[str], list[str]]:
    """The plan year, a warning when the title and the output's name disagree.

    --year decides. Without it the title's year wins over the output file's name (the title is
    what the table says; its deadlines were written for that year), and a disagreement is said
    first, with both years and what to do; the name is used only when the title has no year
    (a note says so). Returns (year, warnings, notes).
    """
    found = _YEAR.search(title) or _YEAR.search(" ".join(above))
    said = int(found.group(1)) if found else None
    named = options.fallback_year
    if options.year is not None:
        if named is not None and named != options.year:
            return (
                options.year,
                [
                    _(
                        "--year {year}, but the output file is named {named}.yaml: the checklist "
                        "says {year}; check the file name"
                    ).format(year=options.year, named=named)
                ],
                [],
            )
        return options.year, [], []
    if said is not None:
        if named is not None and named != said:
            return (
                said,
                [
                    _(
                        "the title says {said}, the output file is named {named}.yaml: the "
                        "checklist says year: {said} (the title's); --year decides — give "
                        "--year {named} for {named}, or name the output {said}.yaml"
                    ).format(said=said, named=named)
                ],
                [],
            )
        return said, [], []
    if named is not None:
        return (
            named,
            [],
            [_("the year {year} is taken from the output file's name").format(year=named)],
        )
    raise InterpretError(
        _("the title “{title}” does not say the year; give --year YEAR").format(title=title)
    )


def _finish(
    b: _Builder,
    header: Header,
    cols: _Columns,
    above: list[str],
    options: Options,
    tables: list[str],
) -> Result:
    notes = b.notes
    meta_notes = [f"由 zhengwu import 从 {options.file_name}（{'、'.join(tables)}）导入。"]
    title, document = _title(above, options.file_name.rsplit(".", 1)[0])
    year, year_warnings, year_notes = _year(title, above, options)
    notes.extend(year_notes)
    place = options.place
    if place is None:
        found_place = _PLACE.match(title)
        if found_place is None:
            raise InterpretError(
                _(
                    "the title “{title}” does not say the place; give --place, e.g. --place 四平市"
                ).format(title=title)
            )
        place = found_place.group(1)

    # numbers: the table's own where they are a key, else 1, 2, 3 … with the table's as label
    inds = b.indicators
    values = [i.label.value if i.label else None for i in inds]
    own_ok = all(v is not None and v >= 1 for v in values) and len(set(values)) == len(values)
    for n, ind in enumerate(inds, start=1):
        ind.number = values[n - 1] if own_ok else n  # type: ignore[assignment]
    if not own_ok:
        if any(v is None for v in values):
            said = _(
                "the table's own 细化指标 numbers repeat or are missing: numbered 1–{last} in "
                "order, the table's number kept as label"
            )
        else:
            said = _(
                "the table's own 细化指标 numbers repeat: numbered 1–{last} in order, the table's "
                "number kept as label"
            )
        notes.append(said.format(last=len(inds)))
        meta_notes.append(
            "原表细化指标编号不唯一或缺失："
            "number 为导入时按顺序所编（全表唯一），原表编号见 label。"
        )

    # measures: stated items, numbered as the table does where that is a key
    stated: list[tuple[_Indicator, list[tuple[lab.Label | None, str]]]] = []
    for ind in inds:
        cell = ind.cells.get("measures")
        if cell is not None and cell.origin == "stated":
            stated.append((ind, _measures(cell.text)))
    labels = [m[0].value if m[0] else None for _ind, items in stated for m in items]
    measure_own = all(v is not None for v in labels) and len(set(labels)) == len(labels)
    if labels and not measure_own:
        notes.append(
            _(
                "the table's 工作措施 numbers restart or are missing: numbered 1, 2, 3 … through "
                "the table"
            )
        )
        meta_notes.append("原表工作措施编号在各格重新起编或缺失：导入时按全表顺序编号。")
    numbers: dict[int, list[int]] = {}
    counter = 0
    measure_items: dict[int, list[dict[str, Any]]] = {}
    for ind, items in stated:
        out = []
        for label, text in items:
            counter += 1
            number = label.value if measure_own and label and label.value else counter
            item: dict[str, Any] = {"number": number}
            item.update(_cleaned(text))
            out.append(item)
        measure_items[id(ind)] = out
        numbers[id(ind)] = [m["number"] for m in out]

    # units
    unit_texts: dict[int, str] = {}
    for ind in inds:
        found_text = _units_text(ind, cols, header)
        if found_text is not None:
            unit_texts[id(ind)] = found_text
    registry = options.registry
    draft: dict[str, Any] | None = None
    if registry is None:
        found_names: list[str] = []
        for text in unit_texts.values():
            for name in unit_names.names_in(clean(text).text):
                if name not in found_names:
                    found_names.append(name)
        draft = unit_names.draft(place, found_names)
        for short, longer in unit_names.short_forms(place, found_names).items():
            if len(longer) == 1:
                said = _(
                    "“{short}” is a short form of “{name}” (the table uses both): the registry "
                    "draft makes it an alias of that unit; if they are two units, list both"
                )
            else:
                said = _(
                    "“{short}” may be a short form of {names}: in the registry draft, make it "
                    "an alias of the one it means"
                )
            names = join(f"“{n}”" for n in longer)
            notes.append(said.format(short=short, name=longer[0], names=names))
        registry = Registry.model_validate(draft)
    from ..unittext import read_unit_text

    unplaced: dict[str, list[str]] = {}
    unit_seen: list[str] = []
    readings: dict[int, tuple[list[dict[str, Any]], list[str]]] = {}
    for key, text in unit_texts.items():
        reading = read_unit_text(clean(text).text, registry)
        roles = [
            _role(line.model_dump(mode="json", exclude_none=True, exclude_defaults=True))
            for line in reading.lines
        ]
        readings[key] = (roles, reading.unplaced)
        for line in reading.lines:
            for ref in line.units:
                if ref.unit not in unit_seen:
                    unit_seen.append(ref.unit)
        for name in reading.unplaced:
            if name not in unplaced:
                unplaced[name] = registry.suggest(name) if options.registry else []

    # deadlines
    read, unread = 0, []
    for ind in inds:
        cell = ind.cells.get("deadline")
        if cell is not None and cell.origin == "stated":
            text = clean(cell.text).text
            try:
                parse_deadline(text, year)
                read += 1
            except DeadlineError:
                unread.append((ind.number, text))

    # the document
    columns: list[str] = []
    has_goal = cols.goal is not None or b.sections["goal"]
    has_task = cols.task is not None or b.sections["task"]
    for name, present in (
        ("goal", has_goal),
        ("task", has_task),
        ("indicator", True),
        ("units", bool(cols.units)),
        ("measures", "measures" in cols.cells),
        ("deadline", "deadline" in cols.cells),
        ("outcome", "outcome" in cols.cells),
    ):
        if present:
            columns.append(name)
    headers: dict[str, str] = {}
    positions = {"goal": cols.goal, "task": cols.task, "indicator": cols.indicator, **cols.cells}
    if cols.units:
        positions["units"] = cols.units[0][0]
    for name, c in positions.items():
        if c is None:
            continue
        heading = header.headings[c] if len(cols.units) < 2 or name != "units" else "责任单位"
        if heading and heading != DEFAULT_HEADERS[Column(name)]:
            headers[name] = heading
    if len(cols.units) > 1:
        meta_notes.append(
            "原表责任单位分"
            + "、".join(f"“{header.headings[c]}”" for c, _kind in cols.units)
            + "几栏：text 按栏合写，每栏一行并标明角色。"
        )
    for c, heading in cols.extra.items():
        shown = heading or f"第{c + 1}列"
        notes.append(
            _(
                "the column “{heading}” ({number}) is not a column zhengwu knows: its cells are "
                "kept in meta.notes"
            ).format(heading=shown, number=c + 1)
        )
    goals_out = _levels(b, has_goal, has_task, notes)
    review: list[ReviewRow] = []
    extra_lines: list[str] = []
    for goal, task_obj, ind in _walk(b):
        entry = _indicator_out(ind, cols, measure_items, numbers, readings, unit_texts, year)
        task_obj["_out"]["indicators"].append(entry)
        review.append(_review(ind, goal, task_obj["_level"], entry, cols, header))
        for heading, text in ind.extra.items():
            extra_lines.append(f"原表“{heading}”栏，第{ind.number}项：{text}")
    for goal_out in goals_out:
        for task_out in goal_out["tasks"]:
            task_out.pop("_level", None)
    meta: dict[str, Any] = {
        "place": place,
        "year": year,
        "title": title,
        "issuer": None,
        "source": {"document": document, "file": None, "basis": None},
        "registry": options.registry_name,
    }
    if columns != [c.value for c in Column]:
        meta["columns"] = columns
    if headers:
        meta["headers"] = headers
    meta["notes"] = meta_notes + b.extra_notes + extra_lines
    data = {"schema_version": 1, "meta": meta, "goals": goals_out}
    levels = {
        "goal": sum(1 for g in b.goals if g.number or g.title),
        "task": sum(1 for g in b.goals for t in g.children if t.number or t.title),
        "indicator": len(inds),
        "measures": counter,
    }
    return Result(
        data,
        draft,
        header,
        columns,
        review,
        notes,
        levels,
        b.merges,
        b.repeated,
        unit_seen,
        unplaced,
        read,
        unread,
        tables,
        year_warnings,
    )


def _cleaned(text: str) -> dict[str, Any]:
    done = clean(text)
    if done.note is None:
        return {"text": done.text}
    return {"text": done.text, "original": text, "note": done.note}


def _role(line: dict[str, Any]) -> dict[str, Any]:
    line["units"] = [u["unit"] if list(u) == ["unit"] else u for u in line["units"]]
    return line


def _units_text(ind: _Indicator, cols: _Columns, header: Header) -> str | None:
    """The 责任单位 text of a row whose units are stated (or carried: the source's text)."""
    parts: list[str] = []
    for c, kind in cols.units:
        cell = ind.cells.get(f"units:{kind}:{c}")
        if cell is None or cell.origin in ("missing", "same") or not cell.text.strip():
            continue
        text = cell.text.strip()
        if kind == "units" or len(cols.units) == 1:
            parts.append(text)
        else:
            joined = "、".join(line.strip() for line in text.split("\n") if line.strip())
            parts.append(f"{header.headings[c] or FIELD_NAMES[kind]}：{joined}")
    return "\n".join(parts) if parts else None


def _units_cell(ind: _Indicator, cols: _Columns) -> tuple[str, _Indicator | None]:
    """(origin, the indicator carried from) of the 责任单位 value, over its columns."""
    found = [ind.cells.get(f"units:{k}:{c}") for c, k in cols.units]
    cells = [f for f in found if f is not None and f.origin != "same"]
    if any(c.origin == "stated" for c in cells):
        return "stated", None
    carried = [c for c in cells if c.origin == "carried"]
    if carried and len({id(c.source) for c in carried}) == 1:
        return "carried", carried[0].source
    if carried:
        return "stated", None
    return "missing", None


def _levels(b: _Builder, has_goal: bool, has_task: bool, notes: list[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for gi, goal in enumerate(b.goals, start=1):
        g = _level_out(goal, gi, has_goal, "goal", notes)
        g["tasks"] = []
        for ti, task in enumerate(goal.children, start=1):
            t = _level_out(task, ti, has_task, "task", notes)
            t["indicators"] = []
            t["_level"] = task
            task.__dict__["_out"] = t
            g["tasks"].append(t)
        if goal.variants:
            g["variants"] = [
                {"text": v, "note": "原表续页或续表重复此栏时的写法"} for v in goal.variants
            ]
        goal.__dict__["_out"] = g
        out.append(g)
    return out


def _level_out(
    level: _Level, index: int, present: bool, kind: str, notes: list[str]
) -> dict[str, Any]:
    if not present:
        return {}
    result: dict[str, Any] = {}
    number = level.number
    note = level.note
    if number is None and not level.title:  # a level the table neither numbers nor titles
        number = int_to_chinese(index) if index <= 99 else str(index)
        note = "原表此级未编号；number 为导入时按顺序所加"
        notes.append(
            _("{address}: a {field} without a number; numbered {number}").format(
                address=level.address, field=FIELD_NAMES[kind], number=number
            )
        )
    if number is not None:
        result["number"] = number
    title = level.title
    if not title:
        title = "（原表空白）"
        note = (note + "；" if note else "") + "原表此格空白，title 为导入时所加"
    done = clean(title)
    result["title"] = done.text
    if done.note:
        result["original"] = title
        note = (note + "；" if note else "") + done.note
    if note:
        result["note"] = note
    return result


def _walk(b: _Builder) -> list[tuple[_Level, dict[str, Any], _Indicator]]:
    found = []
    for goal in b.goals:
        for task in goal.children:
            for ind in task.children:
                found.append((goal, {"_out": task.__dict__["_out"], "_level": task}, ind))
    return found


def _relative(text: str, year: int) -> str | None:
    for clause in re.split(r"[，,。；;]", text):
        candidate = _CONNECTIVE.sub("", clause.strip())
        if "日内" not in candidate:
            continue
        try:
            found = parse_deadline(candidate, year)
        except DeadlineError:
            continue
        if found.kind is DeadlineKind.relative:
            return candidate
    return None


def _indicator_out(
    ind: _Indicator,
    cols: _Columns,
    measure_items: dict[int, list[dict[str, Any]]],
    numbers: dict[int, list[int]],
    readings: dict[int, tuple[list[dict[str, Any]], list[str]]],
    unit_texts: dict[int, str],
    year: int,
) -> dict[str, Any]:
    out: dict[str, Any] = {"number": ind.number}
    if ind.label is not None and ind.label.value != ind.number:
        out["label"] = ind.label.key
    out.update(
        _cleaned(ind.text)
        if ind.text.strip()
        else {"text": ind.label.printed if ind.label else "（空）"}
    )
    relative = _relative(out["text"], year)
    if relative:
        out["relative_deadline"] = relative
    if cols.units:
        origin, source = _units_cell(ind, cols)
        cell: dict[str, Any] = {"origin": origin}
        key = id(source if origin == "carried" and source is not None else ind)
        if origin == "carried" and source is not None:
            cell["from"] = source.number
        if origin != "missing" and key in unit_texts:
            raw = unit_texts[key]
            if origin == "carried":
                cell["text"] = clean(raw).text
            else:
                cell.update(_cleaned(raw))
            roles, unplaced = readings[key]
            if roles and not unplaced:
                cell["roles"] = roles
            if unplaced:
                cell["note"] = (cell.get("note", "") + "；" if cell.get("note") else "") + (
                    "未能在单位名录中找到：" + "、".join(unplaced)
                )
        elif origin != "missing":
            cell = {"origin": "missing"}
        out["units"] = cell
    for kind in ("measures", "deadline", "outcome"):
        if kind not in cols.cells:
            continue
        value = ind.cells.get(kind)
        if (
            value is None
            or value.origin in ("missing", "same")
            or (value.origin == "stated" and not value.text.strip())
        ):
            out[kind] = {"origin": "missing"}
            continue
        if value.origin == "carried":
            source = value.source
            cell = {"origin": "carried", "from": source.number}
            if kind == "measures":
                refs = numbers.get(id(source), [])
                if not refs:
                    out[kind] = {"origin": "missing"}
                    continue
                cell["refs"] = refs
            else:
                cell["text"] = clean(value.text).text
            out[kind] = cell
            continue
        if kind == "measures":
            out[kind] = {"origin": "stated", "items": measure_items.get(id(ind), [])}
        else:
            out[kind] = {"origin": "stated", **_cleaned(value.text)}
    return out


def _review(
    ind: _Indicator,
    goal: _Level,
    task: _Level,
    entry: dict[str, Any],
    cols: _Columns,
    header: Header,
) -> ReviewRow:
    values: dict[str, tuple[str, str]] = {}
    for kind in CELLS:
        cell = entry.get(kind)
        if cell is None:
            continue
        if kind == "units":
            raw = [ind.cells.get(f"units:{k}:{c}") for c, k in cols.units]
            address = "、".join(v.address for v in raw if v is not None and v.address)
        else:
            value = ind.cells.get(kind)
            address = value.address if value else ""
        if kind == "measures" and cell.get("items"):
            text = "\n".join(f"（{m['number']}）{m['text']}" for m in cell["items"])
        elif kind == "measures" and cell.get("refs"):
            text = "见（" + "）（".join(str(n) for n in cell["refs"]) + "）"
        else:
            text = cell.get("text") or ""
        if cell["origin"] == "carried":
            how = f"合并单元格，沿用第{cell['from']}项（{address}）"
        elif cell["origin"] == "missing":
            how = "原表空白" if address else "无此栏"
        else:
            how = f"本行（{address}）"
        if cell.get("note"):
            how += f"；{cell['note']}"
        values[kind] = (text, how)
    return ReviewRow(
        ind.number,
        entry.get("label"),
        f"{goal.label or ''}{goal.title or ''}",
        f"{task.label or ''}{task.title or ''}",
        entry["text"],
        ind.address,
        values,
    )
