"""`zhengwu status` output: rich progress bars in the terminal, or a JSON document."""

from __future__ import annotations

from typing import Any

from .model import STATUS_ORDER
from .status import Progress, Standing, Tally


def _tally(tally: Tally) -> dict[str, Any]:
    return {
        "total": tally.total,
        **{s.value: tally.counts[s] for s in STATUS_ORDER},
        "rate": round(tally.rate, 4),
        "overdue": tally.overdue,
    }


def _item(item: Progress) -> dict[str, Any]:
    return {
        "indicator": item.number,
        "text": item.row.indicator.text.strip(),
        "status": item.status.value,
        "reported": item.reported,
        "due": item.due.isoformat() if item.due else None,
        "deadline": (item.row.indicator.deadline.text or "").strip(),
        "notes": item.notes,
    }


def as_json(standing: Standing) -> dict[str, Any]:
    return {
        "as_of": standing.as_of.isoformat(),
        "unit": standing.unit,
        "total": _tally(standing.total),
        "goals": [
            {"goal": goal.number, "title": goal.title, **_tally(tally)}
            for goal, tally, _ in standing.by_goal
        ],
        "units": [{"unit": name, **_tally(tally)} for name, tally in standing.by_unit],
        "overdue": [_item(p) for p in standing.overdue],
    }


def _bar_line(label: str, tally: Tally) -> list[Any]:
    from rich.progress_bar import ProgressBar

    bar = ProgressBar(total=max(tally.applicable, 1), completed=tally.done, width=24)
    counts = f"{tally.done}/{tally.applicable}"
    late = f"逾期{tally.overdue}" if tally.overdue else ""
    return [label, bar, counts, f"{tally.rate * 100:.0f}%", late]


def show(standing: Standing) -> None:
    from rich.table import Table

    from ..terminal import console

    out = console()
    who = standing.unit or "全部单位"
    out.print(f"完成情况（{who}，截至{standing.as_of.isoformat()}）")
    counts = "，".join(f"{s.value}{standing.total.counts[s]}项" for s in STATUS_ORDER)
    out.print(f"共{standing.total.total}项细化指标：{counts}")

    def table(title: str, lines: list[list[Any]]) -> None:
        grid = Table(title=title, title_justify="left", show_header=False, box=None, pad_edge=False)
        for _ in range(5):
            grid.add_column()
        for line in lines:
            grid.add_row(*line)
        out.print(grid)

    table("按目标", [_bar_line(f"{g.label}{g.title}", t) for g, t, _ in standing.by_goal])
    if standing.unit is None:
        table("按单位", [_bar_line(name, t) for name, t in standing.by_unit])
    if standing.overdue:
        out.print(f"逾期未完成（{len(standing.overdue)}项）")
        for item in standing.overdue:
            due = item.due.isoformat() if item.due else ""
            note = f"：{'；'.join(item.notes)}" if item.notes else ""
            out.print(
                f"  {item.number:>3}  {item.status.value}  {due}  "
                f"{item.row.indicator.text.strip()[:40]}{note}"
            )
    else:
        out.print("没有逾期未完成的细化指标。")
