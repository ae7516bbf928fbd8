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

from .model import ROLE_ORDER, CellBase, Indicator, Origin
from .query import Assignment, RoleCounts, Row, due
from .units import Registry

Record = dict[str, Any]

FORMATS = ("json", "csv", "yaml", "xlsx")


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
        raise TemplateError(f"{path}: cannot read the output template: {error}") from None
    needed = ("xlsx_columns", "xlsx_sheet", "cell_labels", "kind_labels")
    missing = [k for k in needed if not isinstance(data, dict) or k not in data]
    if missing:
        raise TemplateError(f"{path}: the output template lacks {', '.join(missing)}")
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


def role_label(assignment: Assignment) -> str:
    """配合 or 配合（经 市政府各部门）: a role and the group it comes through."""
    role = assignment.role.value
    return f"{role}（经 {assignment.via}）" if assignment.via else role


def _origin(indicator: Indicator) -> dict[str, str]:
    return {
        "units": indicator.units.origin.value,
        "measures": indicator.measures.origin.value,
        "deadline": indicator.deadline.origin.value,
        "outcome": indicator.outcome.origin.value,
    }


def cells(indicator: Indicator) -> dict[str, CellBase]:
    return {
        "units": indicator.units,
        "measures": indicator.measures,
        "deadline": indicator.deadline,
        "outcome": indicator.outcome,
    }


def _carried_from(indicator: Indicator) -> dict[str, int]:
    return {
        name: cell.from_
        for name, cell in cells(indicator).items()
        if cell.origin is Origin.carried and cell.from_ is not None
    }


def _reasons(indicator: Indicator) -> dict[str, str]:
    return {
        name: cell.reason
        for name, cell in cells(indicator).items()
        if cell.origin is Origin.inferred and cell.reason
    }


def record(row: Row, registry: Registry, queried: Sequence[str] = ()) -> Record:
    """One indicator as plain data. `queried`: the units given with --unit (adds `roles`)."""
    indicator = row.indicator
    unit = queried[0] if len(queried) == 1 else None
    when = due(row, unit, registry)
    result: Record = {
        "indicator": indicator.number,
        "text": indicator.text.strip(),
        "goal": {
            "number": row.goal.index,
            "numeral": row.goal.number,
            "title": row.goal.title,
            "heading": row.goal.heading,
        },
        "task": {
            "number": row.task.index,
            "numeral": row.task.number,
            "title": row.task.title,
            "heading": row.task.heading,
        },
    }
    if queried:
        result["roles"] = [{"unit": a.unit, "role": a.role.value, "via": a.via} for a in row.roles]
    result.update(
        {
            "units": [{"unit": a.unit, "role": a.role.value, "duty": a.duty} for a in row.named],
            "measures": [{"number": m.number, "text": m.text.strip()} for m in row.measures],
            "deadline": {
                "text": _clean(indicator.deadline.text),
                "date": when.isoformat() if when else None,
                "continuous": bool(row.deadline and row.deadline.continuous),
                "relative": indicator.relative_deadline,
            },
            "outcome": _clean(indicator.outcome.text),
            "origin": _origin(indicator),
            "carried_from": _carried_from(indicator),
            "inferred_because": _reasons(indicator),
            "source_line": indicator.line,
        }
    )
    return result


def records(rows: Sequence[Row], registry: Registry, queried: Sequence[str] = ()) -> list[Record]:
    return [record(row, registry, queried) for row in rows]


# -- flat rows (csv, xlsx) ------------------------------------------------------------------


def units_summary(units: list[dict[str, Any]]) -> str:
    """牵头：市政府办公室、市司法局；配合：市政府各部门；县（市）区政府 — one line per role."""
    lines: list[str] = []
    by_role: dict[str, list[str]] = {}
    for item in units:
        name = f"{item['unit']}（{item['duty']}）" if item.get("duty") else item["unit"]
        by_role.setdefault(item["role"], []).append(name)
    for role, names in by_role.items():
        joined = "、".join(names)
        lines.append(joined if role == "共同" else f"{role}：{joined}")
    return "\n".join(lines)


def roles_summary(roles: list[dict[str, Any]], many: bool) -> str:
    parts = []
    for item in roles:
        label = f"{item['role']}（经 {item['via']}）" if item.get("via") else item["role"]
        parts.append(f"{item['unit']}：{label}" if many else label)
    return "\n".join(parts)


def origin_summary(rec: Record) -> str:
    names = {"units": "责任单位", "measures": "工作措施", "deadline": "完成时限", "outcome": "成果"}
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


def flat(rec: Record) -> dict[str, str | int | None]:
    """A record as one spreadsheet row, keyed by the spreadsheet's field names."""
    roles = rec.get("roles")
    many = roles is not None and len({r["unit"] for r in roles}) > 1
    return {
        "indicator": rec["indicator"],
        "goal": rec["goal"]["heading"],
        "task": rec["task"]["heading"],
        "text": rec["text"],
        "roles": roles_summary(roles, many) if roles is not None else None,
        "units": units_summary(rec["units"]),
        "measures": "\n".join(f"（{m['number']}）{m['text']}" for m in rec["measures"]),
        "deadline": rec["deadline"]["text"],
        "deadline_date": rec["deadline"]["date"],
        "outcome": rec["outcome"],
        "origin": origin_summary(rec),
    }


def _columns(recs: Sequence[Record], with_roles: bool) -> list[tuple[str, str, int]]:
    return [c for c in columns_spec() if with_roles or c[0] != "roles"]


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


def to_csv(recs: Sequence[Record], with_roles: bool) -> str:
    columns = _columns(recs, with_roles)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, [name for name, _, _ in columns], lineterminator="\r\n")
    writer.writeheader()
    for rec in recs:
        row = flat(rec)
        writer.writerow({name: row[name] for name, _, _ in columns})
    return buffer.getvalue()


def write_xlsx(recs: Sequence[Record], path: Path, with_roles: bool, force: bool = False) -> None:
    """One row per indicator; frozen, bold header; set column widths; wrapped text."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    columns = _columns(recs, with_roles)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = str(texts()["xlsx_sheet"])
    sheet.append([header for _, header, _ in columns])
    for rec in recs:
        row = flat(rec)
        sheet.append([row[name] for name, _, _ in columns])
    wrap = Alignment(wrap_text=True, vertical="top")
    for cells in sheet.iter_rows():
        for cell in cells:
            cell.alignment = wrap
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, (_, _, width) in enumerate(columns, start=1):
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
        raise ExportError(f"{path} is a folder; give a file name, e.g. {path / 'list.xlsx'}")
    if path.exists() and not force:
        raise ExportError(f"{path} already exists; add --force to replace it")
    try:
        write(path, save, replace=force)
    except TargetExists:
        raise ExportError(f"{path} already exists; add --force to replace it") from None
    except WriteError as error:
        raise ExportError(str(error)) from None


# -- plain text (a pipe, a file, or NO_COLOR without a terminal) ----------------------------


def to_plain(recs: Sequence[Record], queried: Sequence[str] = ()) -> str:
    """One block per indicator, one field a line, so grep and less work on it."""
    many = len(queried) > 1
    blocks: list[str] = []
    last_task = None
    for rec in recs:
        task = rec["task"]["heading"]
        lines = []
        if task != last_task:
            heading = " / ".join(h for h in (rec["goal"]["heading"], task) if h)
            if heading:
                lines.append(heading)
            last_task = task
        lines.append(f"{rec['indicator']:>3}  {rec['text']}")
        if queried:
            lines.append(f"     角色：{one_line(roles_summary(rec['roles'], many))}")
        lines.append(f"     责任单位：{one_line(units_summary(rec['units']))}")
        deadline = rec["deadline"]["text"] or "—"
        if rec["deadline"]["date"] and not rec["deadline"]["continuous"]:
            deadline += f"（{rec['deadline']['date']}）"
        lines.append(f"     完成时限：{deadline}")
        lines.append(f"     可检视成果：{one_line(rec['outcome'] or '—')}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + f"\n\n{len(recs)} 项细化指标\n"


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


def units_plain(units: Sequence[Record], groups: Sequence[Record]) -> str:
    """The registry as plain text: one line per unit, then one per group."""

    def counts(rec: Record) -> str:
        parts = []
        for role, cell in rec["counts"].items():
            if cell["direct"] or cell["via"]:
                via = f"+{cell['via']}" if cell["via"] else ""
                parts.append(f"{role} {cell['direct']}{via}")
        return "，".join(parts) or "无"

    lines = ["单位（类别；别名；所属组；按角色计的细化指标数：直接+经组）"]
    for unit in units:
        ended = f"（已撤销：{unit['ended']}）" if unit["ended"] else ""
        lines.append(
            f"  {unit['unit']}{ended}；{unit['kind']}；别名 {'、'.join(unit['aliases']) or '无'}"
            f"；所属组 {'、'.join(unit['groups']) or '无'}；{counts(unit)}"
        )
    lines.append("")
    lines.append("组（成员；按角色计的细化指标数）")
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


def show_text(row: Row, rec: Record, source: str | None, source_line: str | None) -> str:
    """One indicator in full: goal, task, text, each cell with where it came from, the source."""
    indicator = row.indicator
    lines = [
        f"细化指标 {indicator.number}",
        *([f"  目标：{row.goal.heading}"] if row.goal.heading else []),
        *([f"  主要任务：{row.task.heading}"] if row.task.heading else []),
        f"  指标：{rec['text']}",
    ]
    if indicator.original is not None:
        lines.append(f"    原文：{indicator.original.strip()}")
    if indicator.note:
        lines.append(f"    更正说明：{indicator.note}")
    parts = cells(indicator)
    for name, label in texts()["cell_labels"].items():
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
                    text += f"；县（市）区 {row.deadline.due_county.isoformat()}"
                text += "）"
            lines.append(f"    {text}")
            if deadline["relative"]:
                lines.append(
                    f"    另：{deadline['relative']}"
                    "（自事件发生之日起算，事件日期记入台账 event_date）"
                )
        else:
            lines += [f"    {line}" for line in (rec["outcome"] or "—").splitlines()]
    if source:
        lines.append(f"  原表：{source}")
        if source_line:
            lines.append(f"    {source_line.strip()}")
    return "\n".join(lines) + "\n"
