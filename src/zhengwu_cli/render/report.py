"""The report 落实<year>年政务公开工作要点情况, to be placed under 六、其他需要报告的事项.

`context(checklist, standing)` gathers the report's data; `document(values)` lays it out as
blocks (headings one level below 六、: （一）… and 1.…, paragraphs, one table), their sentences
worded by the macros of templates/report/_phrases.j2, rendered in jinja2's
ImmutableSandboxedEnvironment (a template is data: it cannot reach Python's internals);
`PUBLISHERS` turns the blocks into Markdown, plain text or .docx (report_docx.py), each
escaping every text for its format. Nothing here names a place or a year: both come from
the checklist's meta.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..i18n import _
from ..ledger.cell import read_cell
from ..ledger.model import Entry, Status
from ..ledger.status import (
    STATE_ORDER,
    IndicatorStanding,
    Standing,
    State,
    combine,
    percent_text,
)
from ..model import Checklist, Column
from ..resources import templates_dir
from . import RenderError

PHRASES = "_phrases.j2"
URL = re.compile(r"(?:https?://|www\.)[^\s，。；、（）()<>“”\"'|]+", re.IGNORECASE)
# a remark in brackets about lateness (（逾期，7月5日完成）): not an achievement
LATE_REMARK = re.compile(r"[（(][^（）()]*逾期[^（）()]*[）)]")
SENTENCE_END = "。；;，,、 \t\n"
UNDEFINED = re.compile(r"'(\w+)' is undefined")  # jinja2's message for a name no one gave


def cn_date(value: Any) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def sentence(text: str) -> str:
    """A text as a sentence: trailing punctuation trimmed, one 。 added (never 。。)."""
    return text.strip().rstrip(SENTENCE_END) + "。" if text.strip() else ""


def clause(text: str) -> str:
    """A text to continue: trailing 。，； trimmed."""
    return text.strip().rstrip(SENTENCE_END)


def numbers(labels: list[str]) -> str:
    """第3、5—7项 style: runs of consecutive numbers joined with —."""
    if not all(label.isdigit() for label in labels):
        return "、".join(labels)
    values = sorted({int(label) for label in labels})
    runs: list[list[int]] = []
    for value in values:
        if runs and value == runs[-1][-1] + 1:
            runs[-1].append(value)
        else:
            runs.append([value])
    return "、".join(f"{r[0]}—{r[-1]}" if len(r) > 2 else "、".join(map(str, r)) for r in runs)


def _label(item: IndicatorStanding) -> str:
    return item.row.indicator.label or str(item.number)


def _achievement(item: IndicatorStanding) -> tuple[list[str], list[str]]:
    """An item's achievements as sentences, and the URLs they give (printed after the item)."""
    texts: list[str] = []
    urls: list[str] = []
    for evidence in item.evidence:
        urls += URL.findall(evidence)
        text = clause(URL.sub("", LATE_REMARK.sub("", evidence)))
        text = re.sub(r"[（(]\s*[）)]", "", text).strip(" ：:，,；;")
        if text:
            texts.append(text)
    return texts, list(dict.fromkeys(u.rstrip(".") for u in urls))


def _completed(item: IndicatorStanding) -> tuple[str, bool]:
    """The completion date as the report prints it, and whether it is after the deadline: a
    date inferred from a month alone (date_inferred: month) is printed as that month, and late
    only when the whole month is after the deadline."""
    when = item.completed
    if when is None:
        return "", False
    deciding = [e for e in item.entries if e.status is Status.done and e.date == when]
    if deciding and all(e.date_inferred for e in deciding):
        late = bool(item.due and when.replace(day=1) > item.due)
        return f"{when.year}年{when.month}月", late
    return cn_date(when), bool(item.due and when > item.due)


def unclear(entry: Entry) -> bool:
    """An entry whose 完成情况 was not understood: collect recorded it as 推进中 with the
    liaison's text as its note (ZW612), and the text still reads as no status (cell.py). Its
    note is no reason and its 推进中 no report of progress: the report says 完成情况待核实."""
    if entry.status is not Status.in_progress or not entry.text:
        return False
    reading = read_cell(entry.text)
    return reading is not None and reading.guessed


def _notes(item: IndicatorStanding) -> list[str]:
    """The reasons the units gave: the notes of the entries understood."""
    found = [clause(e.notes) for e in item.entries if e.notes and not unclear(e)]
    return [n for n in dict.fromkeys(found) if n]


def _said(item: IndicatorStanding) -> list[dict[str, Any]]:
    """What each unit that reported said, by status in STATE_ORDER, then those whose status
    was not understood: [{status, unclear, units}]; empty for a unit's own report."""
    if item.unit is not None:
        return []
    by_unit: dict[str, list[Entry]] = {}
    for entry in item.entries:
        if entry.unit:
            by_unit.setdefault(entry.unit, []).append(entry)
    groups: dict[tuple[str, bool], list[str]] = {}
    for unit, entries in by_unit.items():
        if any(unclear(e) for e in entries):
            key = ("", True)
        else:
            key = (combine([e.status for e in entries]).value, False)
        groups.setdefault(key, []).append(unit)
    order = [s.value for s in STATE_ORDER] + [""]
    return [
        {"status": status, "unclear": is_unclear, "units": units}
        for (status, is_unclear), units in sorted(
            groups.items(), key=lambda g: order.index(g[0][0])
        )
    ]


def _no_unit(item: IndicatorStanding) -> bool:
    """City: a row whose 责任单位 names no unit that reports (nobody to ask or to blame)."""
    return item.unit is None and not item.parts


def _item(item: IndicatorStanding) -> dict[str, Any]:
    ind = item.row.indicator
    achievements, urls = _achievement(item)
    completed, late = _completed(item)
    return {
        "number": item.number,
        "label": _label(item),
        "text": clause(ind.text),
        "goal": item.row.goal.heading,
        "task": item.row.task.heading,
        "status": item.state.value,
        "reported": item.reported,
        "date": completed,
        "due": cn_date(item.due) if item.due else "",
        "deadline": (ind.deadline.text or "").strip(),
        "overdue": item.overdue,
        "late": late,
        "evidence": item.evidence,
        "achievements": achievements,
        "urls": urls,
        "notes": _notes(item),
        "unclear": [u for e in item.entries if unclear(e) for u in [e.unit or ""]],
        "said": _said(item),
        "no_unit": _no_unit(item),
        "units": item.achieved_by,
        "silent": item.silent if item.unit is None else [],
    }


# the kinds of reason line, in the order they are listed
REASON_KINDS = ("stated", "unclear", "reported", "none", "no_unit")


def _reason_of(item: IndicatorStanding) -> tuple[str, str, tuple[Any, ...]]:
    """An unfinished item's line: its kind (REASON_KINDS), the reason stated and the key of
    the items listed together (a stated reason; else exactly what the units reported)."""
    notes = _notes(item)
    if notes:
        reason = "；".join(notes)
        return "stated", reason, ("stated", reason)
    said = tuple((g["status"], g["unclear"], tuple(g["units"])) for g in _said(item))
    silent = bool(item.silent)
    if any(unclear(e) for e in item.entries):
        return "unclear", "", ("unclear", said, silent)
    if item.reported:
        return "reported", "", ("reported", said, silent)
    if _no_unit(item):
        return "no_unit", "", ("no_unit",)
    if said:  # only 不适用 reported, others silent (the city counts it 未报送)
        return "reported", "", ("reported", said, silent)
    return "none", "", ("none",)


def _reasons(items: list[IndicatorStanding]) -> list[dict[str, Any]]:
    """Unfinished items by their reason: the notes the units gave; without one, what the units
    reported (never a liaison's text that was not understood), each with the items and units."""
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for item in items:
        kind, reason, key = _reason_of(item)
        group = groups.setdefault(
            key,
            {
                "kind": kind,
                "reason": reason,
                "labels": [],
                "units": [],
                "said": [] if kind == "stated" else _said(item),
                "silent": bool(item.silent),
            },
        )
        group["labels"].append(_label(item))
        for unit in item.reporters:
            if unit not in group["units"]:
                group["units"].append(unit)
    for group in groups.values():
        group["numbers"] = numbers(group["labels"])
    return sorted(groups.values(), key=lambda g: REASON_KINDS.index(g["kind"]))


def context(checklist: Checklist, standing: Standing) -> dict[str, Any]:
    """Everything the report's phrases may use (listed in templates/report/README.md)."""
    items = standing.items
    goals = {id(p.row.goal) for p in items}
    tasks = {id(p.row.task) for p in items}
    measures = {m.number for p in items for m in checklist.effective_measures(p.row.indicator)}
    meta = checklist.meta
    by_goal = []
    for goal, tally, _rows in standing.by_goal:
        by_goal.append(
            {
                "label": goal.label,
                "number": goal.number,
                "title": clause(goal.title or ""),
                "total": tally.total,
                "done": tally.done,
                "counts": {s.value: tally.counts[s] for s in STATE_ORDER},
                "rate": tally.rate,
            }
        )
    unfinished = []
    for state in (State.in_progress, State.not_started, State.unreported):
        found = [p for p in items if p.state is state]
        if found:
            unfinished.append(
                {"status": state.value, "count": len(found), "reasons": _reasons(found)}
            )
    silent_units = [
        {
            "name": u.name,
            "count": len(u.missing),
            "numbers": numbers([_label(p) for p in u.missing]),
        }
        for u in standing.missing
    ]
    return {
        "place": meta.place,
        "year": meta.year,
        "title": clause(meta.title),
        "basis": clause(meta.source.basis or ""),
        "unit": standing.unit or "",
        "subject": standing.unit or meta.place,
        "as_of": cn_date(standing.as_of),
        "totals": {
            "goals": len(goals),
            "tasks": len(tasks),
            "indicators": len(items),
            "measures": len(measures),
        },
        # the levels and columns the table has (a table of another shape may lack some)
        "has": {column.value: checklist.has(column) for column in Column},
        "headers": {column.value: checklist.header(column) for column in Column},
        "counts": {s.value: standing.total.counts[s] for s in STATE_ORDER},
        "done": standing.total.done,
        "applicable": standing.total.applicable,
        "rate": standing.total.rate,
        "overdue": standing.total.overdue,
        "reporting": {
            "expected": standing.expected,
            "reported": standing.reported,
            "rate": percent_text(standing.reported, standing.expected),
            "units": len(standing.by_unit),
            "units_reported": len(standing.units_reported),
        },
        "goals": by_goal,
        "achievements": [_item(p) for p in items if p.state is State.done],
        "unfinished": unfinished,
        "silent_units": silent_units,
        "indicators": [_item(p) for p in items],
        "statuses": [s.value for s in STATE_ORDER],
    }


# -- the blocks ----------------------------------------------------------------------------------


@dataclass
class Table:
    headings: list[str]
    rows: list[list[str]]
    widths: list[float]  # centimetres on the page (the docx uses them; md and text ignore them)


@dataclass
class Block:
    kind: str  # title, heading1 (（一）), heading2 (1.), body, table
    text: str = ""
    table: Table | None = field(default=None)


def environment(folder: Path | None = None) -> Any:
    """The sandboxed jinja2 environment: the bundled templates, or a folder's own first."""
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from ..numerals import int_to_chinese

    bundled = FileSystemLoader(str(templates_dir() / "report"))
    loader = ChoiceLoader([FileSystemLoader(str(folder)), bundled]) if folder else bundled
    env = ImmutableSandboxedEnvironment(
        loader=loader,
        undefined=StrictUndefined,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters["cn"] = int_to_chinese
    env.filters["sentence"] = sentence
    env.filters["clause"] = clause
    return env


def _template_line(error: BaseException, name: str, template: Any = None) -> str:
    """file:line of the template frame where a render error arose (a macro called from Python
    has its compiled line, mapped back through the template's debug info)."""
    where = name
    tb = error.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            line = tb.tb_lineno
            if template is not None and tb.tb_frame.f_globals.get("__jinja_template__"):
                line = template.get_corresponding_lineno(line)
            where = f"{filename}:{line}"
        tb = tb.tb_next
    return where


def phrases(values: dict[str, Any], folder: Path | None = None) -> Any:
    """The macros of _phrases.j2, bound to the report's values. Raises RenderError."""
    from jinja2 import TemplateError, TemplateSyntaxError

    env = environment(folder)
    try:
        template = env.get_template(PHRASES)
        module = template.make_module(vars=values)
    except TemplateSyntaxError as error:
        where = f"{error.filename or PHRASES}:{error.lineno}:1"
        raise RenderError(
            _("{where}: template syntax: {error}").format(where=where, error=error.message)
        ) from None
    except TemplateError as error:
        raise RenderError(f"{_template_line(error, PHRASES)}: {error}") from None
    return _Guarded(module, template)


class _Guarded:
    """Calls a template's macros, turning their errors into RenderError located in the file."""

    def __init__(self, module: Any, template: Any) -> None:
        self._module = module
        self._template = template

    def __call__(self, name: str, *args: Any) -> str:
        from jinja2 import TemplateError, UndefinedError
        from jinja2.exceptions import SecurityError

        macro = getattr(self._module, name, None)
        if macro is None:
            raise RenderError(
                _(
                    "{file}: no macro “{name}”; the bundled templates/report/{file} "
                    "lists the macros a report needs"
                ).format(file=PHRASES, name=name)
            )
        try:
            return str(macro(*args)).strip()
        except SecurityError as error:
            where = _template_line(error, PHRASES, self._template)
            raise RenderError(
                _(
                    "{where}: the template reaches for something a report template may not use "
                    "({error}); templates only word the report's values "
                    "(templates/report/README.md)"
                ).format(where=where, error=error)
            ) from None
        except UndefinedError as error:
            where = _template_line(error, PHRASES, self._template)
            misspelt = UNDEFINED.fullmatch(error.message or "")
            if misspelt:  # jinja2's own words, "'plcae' is undefined", in the reader's language
                said = _("'{name}' is undefined").format(name=misspelt.group(1))
            else:
                said = str(error.message)
            raise RenderError(
                _(
                    "{where}: {error}; the names a report template may use are listed in "
                    "templates/report/README.md"
                ).format(where=where, error=said)
            ) from None
        except TemplateError as error:
            where = _template_line(error, PHRASES, self._template)
            raise RenderError(f"{where}: {error}") from None


def document(values: dict[str, Any], folder: Path | None = None) -> list[Block]:
    """The report as blocks: its title, sections （一）… with items 1. …, and the table."""
    say = phrases(values, folder)
    blocks = [Block("title", say("report_title"))]
    section = 0

    def heading(text: str) -> None:
        nonlocal section
        section += 1
        from ..numerals import int_to_chinese

        blocks.append(Block("heading1", f"（{int_to_chinese(section)}）{text}"))

    heading(say("overview_heading"))
    blocks.append(Block("body", say("overview")))
    blocks.append(Block("body", say("report_rate")))

    if values["has"]["goal"] and values["goals"]:
        heading(say("goals_heading"))
        for number, goal in enumerate(values["goals"], start=1):
            blocks.append(Block("body", f"{number}.{say('goal_line', goal)}"))

    heading(say("achievements_heading"))
    if values["achievements"]:
        for number, item in enumerate(values["achievements"], start=1):
            line = f"{number}.{say('achievement', item)}"
            if item["urls"]:
                line += say("links", item)
            blocks.append(Block("body", line))
    else:
        blocks.append(Block("body", say("no_achievements")))

    heading(say("unfinished_heading"))
    if values["unfinished"]:
        blocks.append(Block("body", say("unfinished_overview")))
        number = 0
        for group in values["unfinished"]:
            number += 1
            blocks.append(Block("heading2", f"{number}.{say('unfinished_group', group)}"))
            for reason in group["reasons"]:
                blocks.append(Block("body", say("reason_line", group, reason)))
        if values["silent_units"]:
            number += 1
            blocks.append(Block("heading2", f"{number}.{say('silent_heading')}"))
            for unit in values["silent_units"]:
                blocks.append(Block("body", say("silent_unit", unit)))
    else:
        blocks.append(Block("body", say("all_finished")))

    heading(say("table_heading"))
    blocks.append(Block("table", table=_table(values, say)))
    return blocks


# the table's columns in centimetres: together the text width of a GB/T 9704 page (21 cm
# less margins of 2.8 and 2.6 cm: 15.6 cm); 序号, 完成时限 and 完成情况 hold their headings at
# 10.5 pt on one line (0.37 cm a character and the cell's margins of 0.19 cm)
TEXT_WIDTH = 15.6
WIDTHS = {"number": 1.2, "deadline": 2.0, "status": 2.0, "date": 2.0, "result": 3.0}


def _table(values: dict[str, Any], say: Callable[..., str]) -> Table:
    """The table of every indicator. The 完成时限 column only for a table that has one, the
    完成日期 column only when some indicator has been completed on a date (a column empty in
    every row says nothing)."""
    deadline = values["has"]["deadline"]
    dated = any(item["date"] for item in values["indicators"])
    headings = ["序号", values["headers"]["indicator"]]
    widths = [WIDTHS["number"], 0.0]
    if deadline:
        headings.append(values["headers"]["deadline"])
        widths.append(WIDTHS["deadline"])
    headings.append("完成情况")
    widths.append(WIDTHS["status"])
    if dated:
        headings.append("完成日期")
        widths.append(WIDTHS["date"])
    headings.append("成果或说明")
    widths.append(WIDTHS["result"] + (0 if dated else WIDTHS["date"]))
    widths[1] = round(TEXT_WIDTH - sum(widths), 2)  # 细化指标: what is left, the widest
    rows = []
    for item in values["indicators"]:
        line = [item["label"], item["text"]]
        if deadline:
            line.append(item["deadline"])
        line.append(item["status"])
        if dated:
            line.append(item["date"])
        line.append(say("result", item))
        rows.append(line)
    return Table(headings, rows, widths)


# -- publishers ----------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&!])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def md_escape(text: str) -> str:
    """Text as Markdown shows it literally: markup characters escaped, line breaks as <br>."""
    clean = _CONTROL.sub("", text)
    escaped = _MD_SPECIAL.sub(r"\\\1", clean)
    escaped = re.sub(r"^([ \t]*)([-+=]|\d+[.)])(?=\s|$)", r"\1\\\2", escaped)
    return "<br>".join(line.strip() for line in escaped.splitlines()) or ""


def plain(text: str) -> str:
    """Text on one line (a line break inside a field would split the paragraph)."""
    return " ".join(_CONTROL.sub("", text).split())


def to_markdown(blocks: list[Block], folder: Path | None = None) -> bytes:
    marks = {"title": "# ", "heading1": "## ", "heading2": "### ", "body": ""}
    out: list[str] = []
    for block in blocks:
        if block.table is not None:
            table = block.table
            out.append("| " + " | ".join(md_escape(h) for h in table.headings) + " |")
            out.append("|" + "|".join("---" for _ in table.headings) + "|")
            for row in table.rows:
                out.append("| " + " | ".join(md_escape(c) for c in row) + " |")
            out.append("")
            continue
        out.append(marks[block.kind] + md_escape(block.text))
        out.append("")
    return ("\n".join(out).rstrip("\n") + "\n").encode("utf-8")


def to_text(blocks: list[Block], folder: Path | None = None) -> bytes:
    out: list[str] = []
    for block in blocks:
        if block.table is not None:
            table = block.table
            out.append("\t".join(plain(h) for h in table.headings))
            out += ["\t".join(plain(c) for c in row) for row in table.rows]
            continue
        out.append(plain(block.text))
    return ("\n".join(out) + "\n").encode("utf-8")


def to_docx(blocks: list[Block], folder: Path | None = None) -> bytes:
    from .report_docx import build

    layout = folder / "docx.yaml" if folder and (folder / "docx.yaml").is_file() else None
    return build(blocks, layout)


Publisher = Callable[[list[Block], Path | None], bytes]
PUBLISHERS: dict[str, Publisher] = {
    "docx": to_docx,
    "md": to_markdown,
    "text": to_text,
}


# the file name endings of each format's output (-o): the first is the one to suggest
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "docx": (".docx",),
    "md": (".md", ".markdown"),
    "text": (".txt",),
}


def check_output(fmt: str, output: Path | None) -> None:
    """Refuse an output whose name does not end as `fmt` writes (plain text in a .docx would
    not open in Word). Raises RenderError saying which ending to use."""
    endings = EXTENSIONS.get(fmt)
    if output is None or endings is None or output.suffix.lower() in endings:
        return
    raise RenderError(
        _(
            "{path}: --format {format} writes a {ending} file; give a name ending in {ending}"
        ).format(path=output, format=fmt, ending=endings[0])
    )


def publisher(fmt: str) -> Publisher:
    """The publisher of a format; RenderError listing the known ones for any other."""
    found = PUBLISHERS.get(fmt)
    if found is None:
        raise RenderError(
            _("unknown report format “{format}”; the formats are {formats}").format(
                format=fmt, formats=", ".join(sorted(PUBLISHERS))
            )
        )
    return found


def report(checklist: Checklist, standing: Standing, fmt: str, folder: Path | None = None) -> bytes:
    """The report's bytes in `fmt` (one of PUBLISHERS). Raises RenderError."""
    publish = publisher(fmt)
    return publish(document(context(checklist, standing), folder), folder)


@dataclass(frozen=True)
class Published:
    """What `write_report` did: the report's bytes, and the file written (None: none was, the
    caller shows `data`)."""

    data: bytes
    written: Path | None


def report_filename(checklist: Checklist, standing: Standing) -> str:
    """<place or unit>落实<year>年政务公开工作要点情况.docx, safe as a file name."""
    from .files import safe_filename

    meta = checklist.meta
    name = f"{standing.unit or meta.place}落实{meta.year}年政务公开工作要点情况"
    return safe_filename(name, ".docx")


def write_report(
    checklist: Checklist,
    standing: Standing,
    fmt: str,
    output: Path | None = None,
    folder: Path | None = None,
    force: bool = False,
) -> Published:
    """The report in `fmt`, written to `output`; without one, a .docx goes to
    `report_filename` in the current folder and the text formats are only returned. A file that
    exists is kept unless `force`. Raises RenderError (nothing written)."""
    from .files import inside, write_atomic

    check_output(fmt, output)
    target = output
    if target is None and fmt == "docx":
        target = inside(Path.cwd(), report_filename(checklist, standing))
    if target is not None and target.exists() and not force:
        raise RenderError(
            _("{path} exists; nothing was written. Add --force, or choose -o").format(path=target)
        )
    data = report(checklist, standing, fmt, folder)
    if target is not None:
        write_atomic(target, data)
    return Published(data, target)
