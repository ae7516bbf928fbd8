"""Rows → records with stable field names, and the json / csv / yaml / xlsx writers.

A *record* is one indicator as plain data (see docs/fields.md, which documents every field);
`flat()` turns a record into one spreadsheet row. Field names are English and stable; values
stay Chinese as in the checklist. Writers return text (json, csv, yaml) or write a file (xlsx,
and any format given `-o FILE`) atomically: a temporary file in the same folder, then a rename,
never replacing an existing file unless asked to.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from . import columns as declared
from .columns import Cell, SheetColumn
from .i18n import _
from .model import ALL_COLUMNS, DEFAULT_HEADERS, ROLE_ORDER, CellBase, Checklist, Column, Origin
from .query import RoleCounts, Row, due
from .units import Registry

Record = dict[str, Any]

# spreadsheet field → the table column it shows; a field named as a declared column
# (zhengwu_cli.columns) shows that one; the others are always there
FLAT_COLUMNS = {
    "goal": Column.goal,
    "task": Column.task,
    "text": Column.indicator,
    "roles": Column.units,
    "units": Column.units,
    "measures": Column.measures,
    "deadline": Column.deadline,
    "deadline_date": Column.deadline,
    "outcome": Column.outcome,
}


class Shape:
    """The columns a table has and its own headings (a checklist's meta.columns and
    meta.headers): an absent column is left out of every output, a heading is the table's."""

    def __init__(self, checklist: Checklist | None = None) -> None:
        self.columns = set(checklist.meta.columns) if checklist else set(ALL_COLUMNS)
        self.headers = dict(checklist.meta.headers) if checklist else {}
        self.checklist = checklist
        self._shown: dict[str, bool] = {}  # declared column → whether the table has it

    def has(self, column: Column) -> bool:
        return column in self.columns

    def shows(self, column: SheetColumn) -> bool:
        """Whether the table has this declared column (all of them, with no checklist)."""
        if self.checklist is None:
            return True
        if column.name not in self._shown:  # a column without meta.columns looks at every row
            self._shown[column.name] = column.shown(self.checklist)
        return self._shown[column.name]

    def heading(self, column: SheetColumn) -> str:
        """A declared column's heading: the table's own, else the declared one."""
        return self.header(column.column) if column.column else column.heading

    def header(self, column: Column) -> str:
        return self.headers.get(column, DEFAULT_HEADERS[column])

    def own_header(self, column: Column, default: str) -> str:
        """The table's own heading where it gives one, else the template's wording."""
        return self.headers.get(column, default)

    def cells(self) -> list[SheetColumn]:
        """The declared columns of the indicator's cells (units, measures …) the table has."""
        return [column for column in declared.cells() if self.shows(column)]


# CSV uses the field names (stable, for scripts); the xlsx uses the Chinese headers (for people).
class TemplateError(ValueError):
    """templates/list.yaml lacks a key or is malformed."""


@lru_cache(maxsize=1)
def texts() -> dict[str, Any]:
    """The wording and layout of list/show/units output, from templates/list.yaml."""
    from .resources import templates_dir

    path = templates_dir() / "list.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise TemplateError(
            _("{path}: cannot read the output template: {error}").format(path=path, error=error)
        ) from None
    needed = ("xlsx_columns", "xlsx_sheet", "cell_labels", "kind_labels")
    missing = [k for k in needed if not isinstance(data, dict) or k not in data]
    if missing:
        raise TemplateError(
            _("{path}: the output template lacks {keys}").format(path=path, keys=", ".join(missing))
        )
    return dict(data)


def columns_spec() -> list[tuple[str, str, int]]:
    """(field, heading, width) of each spreadsheet column, as templates/list.yaml orders them."""
    return [(c["field"], str(c["heading"]), int(c["width"])) for c in texts()["xlsx_columns"]]


class ExportError(ValueError):
    """An output that cannot be written (file exists, binary format to stdout …)."""


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    stripped = text.strip()
    return stripped or None


def one_line(text: str) -> str:
    """A multi-line cell on one line: its non-empty lines joined by ；."""
    return "；".join(line.strip().rstrip("；;") for line in text.splitlines() if line.strip())


def cells(row: Row, shape: Shape | None = None) -> dict[str, CellBase]:
    """The row's cells of the columns the table has, by their attribute (units, measures …)."""
    found: dict[str, CellBase] = {}
    for column in (shape or Shape()).cells():
        assert column.attribute is not None
        found[column.attribute] = getattr(row.indicator, column.attribute)
    return found


def _level(number: int, numeral: str | None, title: str | None, heading: str) -> Record:
    return {"number": number, "numeral": numeral, "title": title, "heading": heading}


def record(
    row: Row, registry: Registry, queried: Sequence[str] = (), shape: Shape | None = None
) -> Record:
    """One indicator as plain data. `queried`: the units given with --unit (adds `roles`);
    `shape`: the table's columns — a level or column it lacks is left out of the record."""
    shape = shape or Shape()
    indicator = row.indicator
    unit = queried[0] if len(queried) == 1 else None
    result: Record = {"indicator": indicator.number, "label": indicator.label}
    result["text"] = indicator.text.strip()
    for column in declared.COLUMNS:  # in the order of the sheets' columns
        if column.cell is Cell.roles:
            if queried:
                result["roles"] = [
                    {"unit": a.unit, "role": a.role.value, "via": a.via} for a in row.roles
                ]
            continue
        if column.cell in (Cell.number, Cell.indicator, Cell.blank) or not shape.shows(column):
            continue
        if column.cell is Cell.level:
            level = row.goal if column.column is Column.goal else row.task
            result[column.name] = _level(level.index, level.number, level.title, level.heading)
        elif column.cell is Cell.units:
            result[column.name] = [
                {"unit": a.unit, "role": a.role.value, "duty": a.duty, "etc": a.etc}
                for a in row.named
            ]
        elif column.cell is Cell.measures:
            result[column.name] = [
                {"number": m.number, "text": m.text.strip()} for m in row.measures
            ]
        elif column.column is Column.deadline:
            when = due(row, unit, registry)
            result[column.name] = {
                "text": _clean(indicator.deadline.text),
                "date": when.isoformat() if when else None,
                "continuous": bool(row.deadline and row.deadline.continuous),
                "relative": indicator.relative_deadline,
            }
        elif column.attribute is not None:  # a one-text cell: 可检视成果 …
            result[column.name] = _clean(getattr(indicator, column.attribute).text)
    present = cells(row, shape)
    result["origin"] = {name: cell.origin.value for name, cell in present.items()}
    result["carried_from"] = {
        name: cell.from_
        for name, cell in present.items()
        if cell.origin is Origin.carried and cell.from_ is not None
    }
    result["inferred_because"] = {
        name: cell.reason
        for name, cell in present.items()
        if cell.origin is Origin.inferred and cell.reason
    }
    result["source_line"] = indicator.line
    return result


def records(
    rows: Sequence[Row], registry: Registry, queried: Sequence[str] = (), shape: Shape | None = None
) -> list[Record]:
    return [record(row, registry, queried, shape) for row in rows]


# -- flat rows (csv, xlsx) ------------------------------------------------------------------


def units_summary(units: list[dict[str, Any]]) -> str:
    """牵头：市政府办公室、市司法局；配合：市政府各部门；县（市）区政府 — one line per role."""
    lines: list[str] = []
    by_role: dict[str, list[str]] = {}
    for item in units:
        name = f"{item['unit']}（{item['duty']}）" if item.get("duty") else item["unit"]
        by_role.setdefault(item["role"], []).append(name + (item.get("etc") or ""))
    for role, names in by_role.items():
        joined = "、".join(names)
        lines.append(joined if role == "共同" else f"{role}：{joined}")
    return "\n".join(lines)


def roles_summary(roles: list[dict[str, Any]], many: bool) -> str:
    parts = []
    for item in roles:
        label = f"{item['role']}，经 {item['via']}" if item.get("via") else item["role"]
        parts.append(f"{item['unit']}：{label}" if many else label)
    return "\n".join(parts)


def origin_summary(rec: Record, shape: Shape | None = None) -> str:
    shape = shape or Shape()
    names = {c.attribute: shape.heading(c) for c in declared.cells()}
    parts = []
    for cell, origin in rec["origin"].items():
        if origin == "stated":
            continue
        if origin == "carried":
            parts.append(f"{names[cell]}：沿用{rec['carried_from'].get(cell, '?')}")
        elif origin == "inferred":
            parts.append(f"{names[cell]}：推断")
        else:
            parts.append(f"{names[cell]}：原表空白")
    return "；".join(parts) or "本行"


def flat(
    rec: Record, many: bool = False, shape: Shape | None = None
) -> dict[str, str | int | None]:
    """A record as one spreadsheet row, keyed by the spreadsheet's field names. `many`: more
    than one unit was queried, so every row names whose role each is (办公室：牵头)."""
    roles = rec.get("roles")
    deadline = rec.get("deadline") or {}
    texts = {
        c.name: rec.get(c.name) for c in declared.text_cells() if c.column is not Column.deadline
    }
    return {
        **texts,
        "indicator": rec["indicator"],
        "label": rec.get("label"),
        "goal": (rec.get("goal") or {}).get("heading"),
        "task": (rec.get("task") or {}).get("heading"),
        "text": rec["text"],
        "roles": roles_summary(roles, many) if roles is not None else None,
        "units": units_summary(rec.get("units", [])),
        "measures": "\n".join(f"（{m['number']}）{m['text']}" for m in rec.get("measures", [])),
        "deadline": deadline.get("text"),
        "deadline_date": deadline.get("date"),
        "origin": origin_summary(rec, shape),
    }


LABEL_COLUMN = ("label", "原表编号", 8)
NEW_WIDTH = 20  # the width (characters) of a declared column templates/list.yaml does not list


def _columns(
    recs: Sequence[Record], with_roles: bool, shape: Shape | None = None
) -> list[tuple[str, str, int]]:
    """The spreadsheet's columns: the template's, less the table's absent columns, each headed
    as the table heads it; 原表编号 after 序号 where the table's own numbers differ."""
    shape = shape or Shape()
    spec = columns_spec()
    listed = {name for name, _, _ in spec}
    # a declared one-text column the template does not list (one added after it was written)
    # comes before 来源, headed as declared
    new = [
        (c.name, c.heading, NEW_WIDTH)
        for c in declared.text_cells()
        if c.name not in listed and c.name not in FLAT_COLUMNS
    ]
    at = next((i for i, (name, _, _) in enumerate(spec) if name == "origin"), len(spec))
    result: list[tuple[str, str, int]] = []
    for name, heading, width in [*spec[:at], *new, *spec[at:]]:
        column = FLAT_COLUMNS.get(name)
        other = declared.named(name) if column is None else None
        if (name == "roles" and not with_roles) or (column and not shape.has(column)):
            continue
        if other is not None and other.attribute is not None and not shape.shows(other):
            continue
        if column and name not in ("roles", "deadline_date"):
            heading = shape.own_header(column, heading)
        result.append((name, heading, width))
        if name == "indicator" and any(r.get("label") for r in recs):
            result.append(LABEL_COLUMN)
    return result


# -- writers ----------------------------------------------------------------------------------


def to_json(data: Sequence[Record] | Record) -> str:
    """Records (a list) or one record / document (a mapping) as indented UTF-8 JSON."""
    return (
        json.dumps(data if isinstance(data, dict) else list(data), ensure_ascii=False, indent=2)
        + "\n"
    )


def to_yaml(data: Sequence[Record] | Record) -> str:
    plain = data if isinstance(data, dict) else list(data)
    return yaml.safe_dump(plain, allow_unicode=True, sort_keys=False, width=100)


def to_csv(
    recs: Sequence[Record], with_roles: bool, shape: Shape | None = None, many: bool = False
) -> str:
    columns = _columns(recs, with_roles, shape)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, [name for name, _, _ in columns], lineterminator="\r\n")
    writer.writeheader()
    for rec in recs:
        row = flat(rec, many, shape)
        writer.writerow({name: row[name] for name, _, _ in columns})
    return buffer.getvalue()


def write_xlsx(
    recs: Sequence[Record],
    path: Path,
    with_roles: bool,
    force: bool = False,
    shape: Shape | None = None,
    many: bool = False,
) -> None:
    """One row per indicator; frozen, bold header; set column widths; wrapped text."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    columns = _columns(recs, with_roles, shape)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = str(texts()["xlsx_sheet"])
    sheet.append([header for _, header, _ in columns])
    for rec in recs:
        row = flat(rec, many, shape)
        sheet.append([row[name] for name, _, _ in columns])
    wrap = Alignment(wrap_text=True, vertical="top")
    for cells in sheet.iter_rows():
        for cell in cells:
            cell.alignment = wrap
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, (_name, _heading, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width * 2  # CJK: 2 per char
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    write_atomic(path, lambda target: book.save(target), force)


def write_text(text: str, path: Path, force: bool = False, bom: bool = False) -> None:
    data = (("\ufeff" if bom else "") + text).encode("utf-8")
    write_atomic(path, lambda target: target.write_bytes(data), force)


def write_atomic(path: Path, save: Callable[[Path], object], force: bool = False) -> None:
    """Write via a temporary file in the same folder and a rename (`zhengwu_cli.atomic`); keep
    an existing file unless `force`."""
    from .atomic import TargetExists, WriteError
    from .atomic import write_atomic as write

    if path.is_dir():
        raise ExportError(
            _("{path} is a folder; give a file name, e.g. {example}").format(
                path=path, example=path / "list.xlsx"
            )
        )
    if path.exists() and not force:
        raise ExportError(_("{path} already exists; add --force to replace it").format(path=path))
    try:
        write(path, save, replace=force)
    except TargetExists:
        raise ExportError(
            _("{path} already exists; add --force to replace it").format(path=path)
        ) from None
    except WriteError as error:
        raise ExportError(str(error)) from None


# -- plain text (a pipe, a file, or NO_COLOR without a terminal) ----------------------------


def number_text(rec: Record) -> str:
    """The indicator's number, and the table's own where it differs: 5（原表 2）."""
    label = rec.get("label")
    return f"{rec['indicator']}（原表 {label}）" if label else str(rec["indicator"])


def level_heading(rec: Record) -> str:
    """The goal and task headings the table has, e.g. 二、… / （十一）…; empty if none."""
    parts = [(rec.get(level) or {}).get("heading") for level in ("goal", "task")]
    return " / ".join(p for p in parts if p)


def to_plain(
    recs: Sequence[Record], queried: Sequence[str] = (), shape: Shape | None = None
) -> str:
    """One block per indicator, one field a line, so grep and less work on it."""
    shape = shape or Shape()
    many = len(queried) > 1
    blocks: list[str] = []
    last_heading = None
    for rec in recs:
        heading = level_heading(rec)
        lines = []
        if heading != last_heading:
            if heading:
                lines.append(heading)
            last_heading = heading
        lines.append(f"{number_text(rec):>3}  {rec['text']}")
        if queried:
            lines.append(f"     角色：{one_line(roles_summary(rec['roles'], many))}")
        if shape.has(Column.units):
            units = one_line(units_summary(rec["units"])) or "—"
            lines.append(f"     {shape.header(Column.units)}：{units}")
        if shape.has(Column.deadline):
            deadline = rec["deadline"]["text"] or "—"
            if rec["deadline"]["date"] and not rec["deadline"]["continuous"]:
                deadline += f"（{rec['deadline']['date']}）"
            lines.append(f"     {shape.header(Column.deadline)}：{deadline}")
        for column in declared.text_cells():  # 可检视成果 …
            if column.column is not Column.deadline and shape.shows(column):
                text = one_line(rec[column.name] or "—")
                lines.append(f"     {shape.heading(column)}：{text}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + f"\n\n{len(recs)} 项{shape.header(Column.indicator)}\n"


# -- the registry (zhengwu units) -----------------------------------------------------------


def unit_records(registry: Registry, counts: dict[str, RoleCounts]) -> list[Record]:
    """Every unit: name, kind, aliases, groups, ended, and per role {direct, via} counts."""
    result: list[Record] = []
    for unit in registry.units:
        count = counts.get(unit.name, RoleCounts())
        result.append(
            {
                "unit": unit.name,
                "full_name": unit.full_name,
                "kind": unit.kind.value,
                "aliases": list(unit.aliases),
                "groups": [g.name for g in registry.groups_of(unit)],
                "ended": unit.ended,
                "counts": {
                    role.value: {"direct": count.direct[role], "via": count.via[role]}
                    for role in ROLE_ORDER
                },
            }
        )
    return result


def group_records(registry: Registry, counts: dict[str, RoleCounts]) -> list[Record]:
    """Every group: name, aliases, how members are known, the members, and per role counts."""
    result: list[Record] = []
    for group in registry.groups:
        count = counts.get(group.name, RoleCounts())
        result.append(
            {
                "group": group.name,
                "aliases": list(group.aliases),
                "member_rule": group.member_rule.value if group.member_rule else None,
                "members": [u.name for u in registry.members(group)],
                "note": group.note,
                "counts": {
                    role.value: {"direct": count.direct[role], "via": 0} for role in ROLE_ORDER
                },
            }
        )
    return result


KIND_NAMES = {"department": "政府部门", "county": "县（市）区", "section": "科室", "other": "其他"}


def kind_name(kind: str) -> str:
    """A unit kind in Chinese: templates/list.yaml's kind_labels, else the built-in name."""
    labels = texts()["kind_labels"]
    return str(labels.get(kind) or KIND_NAMES.get(kind, kind))


def units_plain(units: Sequence[Record], groups: Sequence[Record]) -> str:
    """The registry as plain text: one line per unit, then one per group."""

    def counts(rec: Record) -> str:
        parts = []
        for role, cell in rec["counts"].items():
            if cell["direct"] or cell["via"]:
                via = f"+{cell['via']}" if cell["via"] else ""
                parts.append(f"{role} {cell['direct']}{via}")
        return "，".join(parts) or "无"

    lines = ["单位（类别；别名；所属组；按角色计的条数：直接+经组）"]
    for unit in units:
        ended = f"（已撤销：{unit['ended']}）" if unit["ended"] else ""
        aliases = "、".join(unit["aliases"]) or "无"
        lines.append(
            f"  {unit['unit']}{ended}；{kind_name(unit['kind'])}；别名 {aliases}"
            f"；所属组 {'、'.join(unit['groups']) or '无'}；{counts(unit)}"
        )
    lines.append("")
    lines.append("组（成员；按角色计的条数）")
    for group in groups:
        members = "、".join(group["members"]) or (group["note"] or "成员未知")
        lines.append(f"  {group['group']}：{members}；{counts(group)}")
    return "\n".join(lines) + "\n"


# -- one indicator (zhengwu show) -----------------------------------------------------------


def where_from(cell: CellBase) -> str:
    """Where a cell's value comes from, in words."""
    if cell.origin is Origin.carried:
        return f"沿用细化指标 {cell.from_} 一行，原表合并单元格"
    if cell.origin is Origin.inferred:
        return f"推断：{cell.reason}"
    if cell.origin is Origin.missing:
        return "原表空白"
    return "本行"


def show_text(
    row: Row, rec: Record, source: str | None, source_line: str | None, shape: Shape | None = None
) -> str:
    """One indicator in full: its levels, text, each cell the table has with where it came
    from, and the source line; every name as the table heads it."""
    shape = shape or Shape()
    indicator = row.indicator
    label = f"（原表编号 {indicator.label}）" if indicator.label else ""
    lines = [f"{shape.header(Column.indicator)} {indicator.number}{label}"]
    for column, level in ((Column.goal, row.goal), (Column.task, row.task)):
        if shape.has(column) and level.heading:
            lines.append(f"  {shape.header(column)}：{level.heading}")
    lines.append(f"  {shape.header(Column.indicator)}：{rec['text']}")
    if indicator.original is not None:
        lines.append(f"    原文：{indicator.original.strip()}")
    if indicator.note:
        lines.append(f"    更正说明：{indicator.note}")
    parts = cells(row, shape)
    labels = texts()["cell_labels"]
    for cell in shape.cells():
        name = str(cell.attribute)
        if cell.column is not None:
            label = shape.own_header(cell.column, str(labels.get(name, cell.heading)))
        else:
            label = str(labels.get(name, cell.heading))
        lines.append(f"  {label}［{where_from(parts[name])}］")
        if name == "units":
            lines += [f"    {line}" for line in units_summary(rec["units"]).splitlines()]
            if not rec["units"]:
                lines.append("    —")
        elif name == "measures":
            lines += [f"    （{m['number']}）{m['text']}" for m in rec["measures"]] or ["    —"]
        elif name == "deadline":
            deadline = rec["deadline"]
            text = deadline["text"] or "—"
            if deadline["continuous"]:
                text += "（全年持续）"
            elif deadline["date"]:
                text += f"（{deadline['date']}"
                if row.deadline and row.deadline.due_county:
                    text += f"；县级政府 {row.deadline.due_county.isoformat()}"
                text += "）"
            lines.append(f"    {text}")
            if deadline["relative"]:
                lines.append(
                    f"    另：{deadline['relative']}"
                    "（自事件发生之日起算，事件日期记入台账 event_date）"
                )
        else:  # a one-text cell: 可检视成果 …
            lines += [f"    {line}" for line in (rec[cell.name] or "—").splitlines()]
    if source:
        lines.append(f"  原表：{source}")
        if source_line:
            lines.append(f"    {source_line.strip()}")
    return "\n".join(lines) + "\n"
