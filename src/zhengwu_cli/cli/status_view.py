"""`zhengwu status` output: the terminal view, a JSON document, and the chase list (催报).

The figures come from `ledger.status`; this module only lays them out. Level names are the
table's own (`meta.headers`): a table whose rows are called 任务 says 任务 here too.
"""

from __future__ import annotations

import io
from typing import Any

from ..ledger.status import STATE_ORDER, Progress, Standing, State, Tally, percent
from ..model import Checklist, Column


def _share(part: int, whole: int) -> float:
    """A share 0–1 from the one rounding of `percent` (9/16 → 0.563)."""
    return float(percent(part, whole) / 100)


def _tally(tally: Tally) -> dict[str, Any]:
    return {
        "total": tally.total,
        **{s.value: tally.counts[s] for s in STATE_ORDER},
        "rate": _share(tally.done, tally.applicable),
        "overdue": tally.overdue,
    }


def _label(item: Progress) -> str:
    return item.row.indicator.label or str(item.number)


def _item(item: Progress) -> dict[str, Any]:
    return {
        "indicator": item.number,
        "text": item.row.indicator.text.strip(),
        "status": item.state.value,
        "reported": item.reported,
        "due": item.due.isoformat() if item.due else None,
        "deadline": (item.row.indicator.deadline.text or "").strip(),
        "notes": item.notes,
        "units_not_reported": item.silent,
    }


def as_json(standing: Standing, checklist: Checklist) -> dict[str, Any]:
    goals = checklist.has(Column.goal)
    return {
        "as_of": standing.as_of.isoformat(),
        "unit": standing.unit,
        "total": _tally(standing.total),
        "reporting": {
            "expected": standing.expected,
            "reported": standing.reported,
            "rate": _share(standing.reported, standing.expected),
            "units": len(standing.by_unit),
            "units_reported": len(standing.units_reported),
        },
        "goals": [
            {"goal": goal.number, "title": goal.title, **_tally(tally)}
            for goal, tally, _ in standing.by_goal
        ]
        if goals
        else [],
        "units": [
            {
                "unit": u.name,
                **_tally(u.tally),
                "expected": u.tally.expected,
                "reported": u.tally.reported,
                "report_rate": _share(u.tally.reported, u.tally.expected),
                "missing": [p.number for p in u.missing],
            }
            for u in standing.by_unit
        ],
        "overdue": [_item(p) for p in standing.overdue],
    }


def _bar_line(label: str, tally: Tally, reporting: bool) -> list[Any]:
    from rich.progress_bar import ProgressBar

    bar = ProgressBar(total=max(tally.applicable, 1), completed=tally.done, width=24)
    counts = f"{tally.done}/{tally.applicable}"
    late = f"逾期{tally.overdue}" if tally.overdue else ""
    line = [label, bar, counts, f"{tally.rate}%"]
    if reporting:
        line.append(f"报送{tally.reported}/{tally.expected}（{tally.report_rate}%）")
    return [*line, late]


def counts_line(tally: Tally) -> str:
    shown = [s for s in STATE_ORDER if s is not State.not_applicable or tally.counts[s]]
    return "，".join(f"{s.value}{tally.counts[s]}项" for s in shown)


def show(standing: Standing, checklist: Checklist) -> None:
    from rich.markup import escape
    from rich.table import Table

    from ..terminal import console

    out = console()
    indicator = checklist.header(Column.indicator)
    who = standing.unit or "全部单位"
    out.print(escape(f"完成情况（{who}，截至{standing.as_of.isoformat()}）"))
    out.print(escape(f"共{standing.total.total}项{indicator}：{counts_line(standing.total)}"))
    if standing.unit is None:
        units = f"；{len(standing.by_unit)}个单位中{len(standing.units_reported)}个已报送"
    else:
        units = ""
    out.print(
        escape(
            f"报送率{standing.report_rate}%：应报送{standing.expected}项次，已报送"
            f"{standing.reported}项次{units}"
        )
    )

    def table(title: str, lines: list[list[Any]]) -> None:
        grid = Table(title=title, title_justify="left", show_header=False, box=None, pad_edge=False)
        for _ in range(max((len(line) for line in lines), default=1)):
            grid.add_column()
        for line in lines:
            grid.add_row(*[escape(c) if isinstance(c, str) else c for c in line])
        out.print(grid)

    if checklist.has(Column.goal):
        goal = checklist.header(Column.goal)
        lines = [_bar_line(g.heading or "各项", t, False) for g, t, _ in standing.by_goal]
        table(f"按{goal}", lines)
    if standing.unit is None:
        table("按单位", [_bar_line(u.name, u.tally, True) for u in standing.by_unit])
    if standing.overdue:
        out.print(f"逾期未完成（{len(standing.overdue)}项）")
        for item in standing.overdue:
            due = item.due.isoformat() if item.due else ""
            note = f"：{'；'.join(item.notes)}" if item.notes else ""
            out.print(
                escape(
                    f"  {_label(item):>3}  {item.state.value}  {due}  "
                    f"{item.row.indicator.text.strip()[:24]}{note}"
                ),
                soft_wrap=True,
            )
    else:
        out.print(escape(f"没有逾期未完成的{indicator}。"))


# -- the chase list (催报) ------------------------------------------------------------------------


def _deadline(item: Progress) -> str:
    return (item.row.indicator.deadline.text or "").strip()


def show_missing(standing: Standing, checklist: Checklist) -> None:
    from rich.markup import escape

    from ..terminal import console

    out = console()
    indicator = checklist.header(Column.indicator)
    deadline = checklist.has(Column.deadline)
    chase = standing.missing
    total = sum(len(u.missing) for u in chase)
    out.print(
        escape(
            f"未报送清单（截至{standing.as_of.isoformat()}）：{len(chase)}个单位，"
            f"{total}项次{indicator}未报送完成情况"
        )
    )
    if not chase:
        out.print("每个单位都已报送。")
        return
    for unit in chase:
        out.print(escape(f"{unit.name}（未报送{len(unit.missing)}项）"))
        for item in unit.missing:
            when = ""
            if deadline:
                due = f"（{item.due.isoformat()}）" if item.due else ""
                late = "，已逾期" if item.overdue else ""
                when = f"  {_deadline(item) or '—'}{due}{late}"
            text = item.row.indicator.text.strip()
            short = text if len(text) <= 24 else text[:23] + "…"
            out.print(escape(f"  {_label(item):>4}{when}  {short}"), soft_wrap=True)


def missing_xlsx(standing: Standing, checklist: Checklist) -> bytes:
    """The chase list as an .xlsx workbook to send out: one row per unit and indicator."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    deadline = checklist.has(Column.deadline)
    headings = ["单位", "序号", checklist.header(Column.indicator), "角色"]
    widths = [22, 8, 60, 12]
    if deadline:
        headings += [checklist.header(Column.deadline), "到期日", "已逾期"]
        widths += [16, 12, 8]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "未报送清单"
    sheet.append([f"未报送完成情况清单（截至{standing.as_of.isoformat()}）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headings))
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    sheet.append(headings)
    for col in range(1, len(headings) + 1):
        sheet.cell(2, col).font = Font(bold=True)
        sheet.cell(2, col).alignment = Alignment(horizontal="center", vertical="center")
    for unit in standing.missing:
        for item in unit.missing:
            line: list[Any] = [
                unit.name,
                _label(item),
                item.row.indicator.text.strip(),
                "、".join(r.value for r in item.roles),
            ]
            if deadline:
                line += [
                    _deadline(item),
                    item.due.isoformat() if item.due else "",
                    "是" if item.overdue else "",
                ]
            sheet.append(line)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = wrap
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # a text, never a formula
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A3"
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(headings))}{max(sheet.max_row, 2)}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
