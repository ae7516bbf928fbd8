"""The insert 落实<year>年政务公开工作要点情况: a context dict, and jinja2 templates that word it.

`context(...)` gathers the numbers and texts; `render_text(context, "md"|"text")` renders
templates/report/report.<fmt>.j2 (StrictUndefined: a misspelt name is an error at its line).
The .docx is built from the Markdown rendering (see report_docx.py), so the wording lives in one
place. Nothing here names a place or a year: both come from the checklist's meta.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ..model import Checklist, Column
from ..resources import templates_dir
from . import LedgerError
from .model import STATUS_ORDER, Status
from .status import Progress, Standing, Tally

FORMATS = {"md": "report.md.j2", "text": "report.txt.j2"}


def cn_date(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def _percent(tally: Tally) -> str:
    return f"{tally.rate * 100:.1f}".removesuffix(".0")


def _counts(tally: Tally) -> dict[str, int]:
    return {s.value: tally.counts[s] for s in STATUS_ORDER}


def _item(item: Progress) -> dict[str, Any]:
    ind = item.row.indicator
    return {
        "number": item.number,
        "text": ind.text.strip(),
        "goal": item.row.goal.heading,
        "task": item.row.task.heading,
        "status": item.status.value,
        "reported": item.reported,
        "date": cn_date(item.completed) if item.completed else "",
        "due": cn_date(item.due) if item.due else "",
        "deadline": (ind.deadline.text or "").strip(),
        "overdue": item.overdue,
        "evidence": item.evidence,
        "notes": item.notes,
        "units": item.units,
    }


def context(checklist: Checklist, standing: Standing) -> dict[str, Any]:
    """Everything the report templates may use (listed in templates/report/README.md)."""
    items = standing.items
    numbers = {i.number for i in items}
    goals = {id(p.row.goal) for p in items}
    tasks = {id(p.row.task) for p in items}
    measures = {m.number for p in items for m in checklist.effective_measures(p.row.indicator)}
    meta = checklist.meta
    by_goal = []
    for goal, tally, mine in standing.by_goal:
        by_goal.append(
            {
                "label": goal.label,
                "number": goal.number,
                "title": goal.title,
                "total": tally.total,
                "done": tally.done,
                "counts": _counts(tally),
                "rate": _percent(tally),
                "outcomes": [_item(p) for p in mine if p.status is Status.done],
            }
        )
    unfinished = [_item(p) for p in items if p.status in (Status.not_started, Status.in_progress)]
    return {
        "place": meta.place,
        "year": meta.year,
        "title": meta.title,
        "basis": meta.source.basis or "",
        "unit": standing.unit or "",
        "subject": standing.unit or meta.place,
        "as_of": cn_date(standing.as_of),
        "totals": {
            "goals": len(goals),
            "tasks": len(tasks),
            "indicators": len(numbers),
            "measures": len(measures),
        },
        # the levels and columns the table has (a table of another shape may lack some)
        "has": {column.value: checklist.has(column) for column in Column},
        "counts": _counts(standing.total),
        "done": standing.total.done,
        "applicable": standing.total.applicable,
        "rate": _percent(standing.total),
        "overdue": standing.total.overdue,
        "goals": by_goal,
        "unfinished": unfinished,
        "indicators": [_item(p) for p in items],
        "statuses": [s.value for s in STATUS_ORDER],
    }


def environment(folder: Path | None = None) -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from ..numerals import int_to_chinese

    env = Environment(
        loader=FileSystemLoader(str(folder or templates_dir() / "report")),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters["cn"] = int_to_chinese
    return env


def _template_line(error: BaseException, name: str) -> str:
    """file:line of the template frame where a render error arose (jinja2 keeps it)."""
    where = name
    tb = error.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            where = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where


def render_text(values: dict[str, Any], fmt: str, folder: Path | None = None) -> str:
    """The report as Markdown (`md`) or plain text (`text`). Raises LedgerError."""
    from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError

    name = FORMATS[fmt]
    env = environment(folder)
    try:
        template = env.get_template(name)
        return str(template.render(**values))
    except TemplateSyntaxError as error:
        where = f"{error.filename or name}:{error.lineno}:1"
        raise LedgerError(f"{where}: template syntax: {error.message}") from None
    except UndefinedError as error:
        raise LedgerError(
            f"{_template_line(error, name)}: {error.message}; the names a report template "
            "may use are listed in templates/report/README.md"
        ) from None
    except TemplateError as error:
        raise LedgerError(f"{_template_line(error, name)}: {error}") from None
