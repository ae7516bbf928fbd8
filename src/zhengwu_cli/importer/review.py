"""What an import found, for a person to check: a terminal summary and a review workbook."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from ..i18n import _, language

if TYPE_CHECKING:
    from .interpret import Result

COLUMNS = (
    ("number", "序号", 6),
    ("label", "原表编号", 8),
    ("address", "原表位置", 16),
    ("goal", "目标", 18),
    ("task", "主要任务", 20),
    ("text", "细化指标", 40),
)
CELL_HEADINGS = {
    "units": "责任单位",
    "measures": "工作措施",
    "deadline": "完成时限",
    "outcome": "可检视成果",
}


def summary(result: Result) -> list[str]:
    """What the import found, one line each, for the terminal and the review's notes sheet."""
    levels = result.levels
    # each heading with the kind it was read as: the kind is the key a setting uses
    # ([tool.zhengwu.import.headers], meta.columns), so it is shown, in brackets, in Chinese
    columns = (" | " if language() != "zh" else "、").join(
        (_("{heading}→{kind}") if k else _("{heading}→?")).format(heading=h or "—", kind=k)
        for h, k in zip(result.header.headings, result.header.kinds, strict=True)
    )
    lines = [
        _("table: {tables}; header row {row}: {columns}").format(
            tables="、".join(result.tables), row=result.header.row + 1, columns=columns
        ),
        _(
            "levels: {goals} 目标, {tasks} 主要任务, {indicators} 细化指标, {measures} 工作措施"
        ).format(
            goals=levels["goal"],
            tasks=levels["task"],
            indicators=levels["indicator"],
            measures=levels["measures"],
        ),
        _(
            "rows: {indicators} indicators; {repeated} repeated header rows skipped; "
            "{merges} merged cells carried"
        ).format(
            indicators=levels["indicator"],
            repeated=result.repeated_headers,
            merges=result.merges,
        ),
        (
            _("units: {named} named; {unplaced} not in the registry")
            if result.unplaced
            else _("units: {named} named")
        ).format(named=len(result.units), unplaced=len(result.unplaced)),
        _("deadlines: {read} read, {unread} not read").format(
            read=result.deadlines_read, unread=len(result.deadlines_unread)
        ),
    ]
    for number, text in result.deadlines_unread:
        lines.append(
            "  "
            + _("deadline of {number} not read, kept as text: “{text}”").format(
                number=number, text=text
            )
        )
    for name, suggestions in result.unplaced.items():
        if suggestions:
            said = _("unit not in the registry: “{name}” (did you mean {suggestions}?)")
        else:
            said = _("unit not in the registry: “{name}”")
        lines.append("  " + said.format(name=name, suggestions="、".join(suggestions)))
    for note in result.notes:
        lines.append("  " + _("note: {note}").format(note=note))
    return lines


def workbook(result: Result) -> bytes:
    """Every row with each value and where it came from, as an .xlsx."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "导入核对"
    headings = [heading for _key, heading, _width in COLUMNS]
    widths = [width for _key, _heading, width in COLUMNS]
    kinds = [k for k in CELL_HEADINGS if k in result.columns]
    for kind in kinds:
        headings += [CELL_HEADINGS[kind], f"{CELL_HEADINGS[kind]}来源"]
        widths += [30, 24]
    sheet.append(headings)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in result.review:
        values: list[object] = [
            row.number,
            row.label or "",
            row.address,
            row.goal,
            row.task,
            row.text,
        ]
        for kind in kinds:
            text, how = row.values.get(kind, ("", "无此栏"))
            values += [text, how]
        sheet.append(values)
    for r in sheet.iter_rows(min_row=2):
        for cell in r:
            cell.alignment = wrap
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    notes = book.create_sheet("说明")
    notes.append(["导入时的说明与推断"])
    for line in summary(result):
        notes.append([line.strip()])
    notes.column_dimensions["A"].width = 120
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
