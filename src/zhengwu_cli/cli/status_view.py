"""`zhengwu status` output: the terminal view, a JSON document, and the chase list (催报).

The figures come from `ledger.status`; this module only lays them out, in the reader's
language (the .xlsx chase list too: its headings are for people). Level names are the table's
own (`meta.headers`): a table whose rows are called 任务 says 任务 here too. The JSON keeps its
keys in any language (docs/fields.md).
"""

from __future__ import annotations

import io
from typing import Any

from ..i18n import _, join, ngettext
from ..ledger.status import STATE_ORDER, IndicatorStanding, Standing, State, Tally, percent
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


def _label(item: IndicatorStanding) -> str:
    return item.row.indicator.label or str(item.number)


def _item(item: IndicatorStanding) -> dict[str, Any]:
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


def missing_json(standing: Standing, checklist: Checklist) -> list[dict[str, Any]]:
    """The chase list as JSON: per unit with something missing, the indicators' numbers."""
    units = as_json(standing, checklist)["units"]
    return [{"unit": u["unit"], "missing": u["missing"]} for u in units if u["missing"]]


def _bar_line(label: str, tally: Tally, reporting: bool) -> list[Any]:
    from rich.progress_bar import ProgressBar

    bar = ProgressBar(total=max(tally.applicable, 1), completed=tally.done, width=24)
    counts = f"{tally.done}/{tally.applicable}"
    late = _("{n} overdue").format(n=tally.overdue) if tally.overdue else ""
    line = [label, bar, counts, f"{tally.rate}%"]
    if reporting:
        line.append(
            _("reported {reported}/{expected} ({rate}%)").format(
                reported=tally.reported, expected=tally.expected, rate=tally.report_rate
            )
        )
    return [*line, late]


def counts_line(tally: Tally) -> str:
    shown = [s for s in STATE_ORDER if s is not State.not_applicable or tally.counts[s]]
    return _(", ").join(_("{state} {n}").format(state=s.value, n=tally.counts[s]) for s in shown)


def show(standing: Standing, checklist: Checklist) -> None:
    from rich.markup import escape
    from rich.table import Table

    from ..terminal import console

    out = console()
    indicator = checklist.header(Column.indicator)
    who = standing.unit or _("all units")
    out.print(
        escape(_("Completion ({who}, as of {day})").format(who=who, day=standing.as_of.isoformat()))
    )
    total = _("{n} {indicator} in all: {counts}").format(
        n=standing.total.total, indicator=indicator, counts=counts_line(standing.total)
    )
    out.print(escape(total))
    if standing.unit is None:
        units = _("; {reported} of {units} units have reported").format(
            reported=len(standing.units_reported), units=len(standing.by_unit)
        )
    else:
        units = ""
    rate = _("报送率 {rate}%: {expected} reports due, {reported} reported").format(
        rate=standing.report_rate, expected=standing.expected, reported=standing.reported
    )
    out.print(escape(rate + units))

    def table(title: str, lines: list[list[Any]]) -> None:
        grid = Table(title=title, title_justify="left", show_header=False, box=None, pad_edge=False)
        for _column in range(max((len(line) for line in lines), default=1)):
            grid.add_column()
        for line in lines:
            grid.add_row(*[escape(c) if isinstance(c, str) else c for c in line])
        out.print(grid)

    if checklist.has(Column.goal):
        goal = checklist.header(Column.goal)
        everything = _("(all)")
        lines = [_bar_line(g.heading or everything, t, False) for g, t, _i in standing.by_goal]
        table(_("by {level}").format(level=goal), lines)
    if standing.unit is None:
        table(_("by unit"), [_bar_line(u.name, u.tally, True) for u in standing.by_unit])
    if standing.overdue:
        count = len(standing.overdue)
        out.print(
            ngettext(
                "Overdue, not finished ({n} indicator)",
                "Overdue, not finished ({n} indicators)",
                count,
            ).format(n=count)
        )
        for item in standing.overdue:
            due = item.due.isoformat() if item.due else ""
            note = _(": {notes}").format(notes=_("; ").join(item.notes)) if item.notes else ""
            out.print(
                escape(
                    f"  {_label(item):>3}  {item.state.value}  {due}  "
                    f"{item.row.indicator.text.strip()[:24]}{note}"
                ),
                soft_wrap=True,
            )
    else:
        out.print(escape(_("No {indicator} is overdue.").format(indicator=indicator)))


# -- the chase list (催报) ------------------------------------------------------------------------


def _deadline(item: IndicatorStanding) -> str:
    return (item.row.indicator.deadline.text or "").strip()


def show_missing(standing: Standing, checklist: Checklist) -> None:
    from rich.markup import escape

    from ..terminal import console

    out = console()
    indicator = checklist.header(Column.indicator)
    deadline = checklist.has(Column.deadline)
    chase = standing.missing
    total = sum(len(u.missing) for u in chase)
    head = _(
        "Not reported (as of {day}): {units} units, {total} reports of {indicator} missing"
    ).format(day=standing.as_of.isoformat(), units=len(chase), total=total, indicator=indicator)
    out.print(escape(head))
    if not chase:
        out.print(_("Every unit has reported."))
        return
    for unit in chase:
        out.print(
            escape(_("{unit} ({n} not reported)").format(unit=unit.name, n=len(unit.missing)))
        )
        for item in unit.missing:
            when = ""
            if deadline:
                due = _("({day})").format(day=item.due.isoformat()) if item.due else ""
                late = _(", overdue") if item.overdue else ""
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
    headings = [_("Unit"), _("No."), checklist.header(Column.indicator), _("Role")]
    widths = [22, 8, 60, 12]
    if deadline:
        headings += [checklist.header(Column.deadline), _("Due"), _("Overdue")]
        widths += [16, 12, 8]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Not reported")
    sheet.append(
        [_("Not reported: the chase list (as of {day})").format(day=standing.as_of.isoformat())]
    )
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
                join(r.value for r in item.roles),
            ]
            if deadline:
                line += [
                    _deadline(item),
                    item.due.isoformat() if item.due else "",
                    _("yes") if item.overdue else "",
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
