"""Rich tables for the terminal: fit the width, wrap Chinese by display cells, honour NO_COLOR.

Imported only for the table output (`zhengwu list` / `zhengwu units` on a terminal, or with
`--format table`); everything else prints plain text and never loads rich.

Every text from the data goes through `_text` (names.printable): an ESC or C1 control in a
unit name or a cell is shown as an escape (\\e, \\x9b), never sent to the terminal, where it
could retitle the window, clear the screen or hide a line (rich keeps ESC as it is).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .export import (
    Record,
    Shape,
    kind_name,
    level_heading,
    number_text,
    roles_summary,
    units_summary,
)
from .i18n import _, ngettext
from .model import ROLE_ORDER, Column
from .names import printable

ROLES = [role.value for role in ROLE_ORDER]


def console(file: IO[str] | None = None, width: int | None = None) -> Console:
    """A console that never reads markup or emoji from the data, so 【】 and [ ] stay as written."""
    return Console(file=file, width=width, markup=False, emoji=False, highlight=False)


def _text(value: str, style: str = "") -> Text:
    """A rich Text of a value from the data, with control and bidi characters made visible."""
    return Text(printable(value), style=style)


def _deadline(rec: Record) -> Text:
    text = _text(rec["deadline"]["text"] or "—")
    if rec["deadline"]["date"] and not rec["deadline"]["continuous"]:
        text.append("\n" + rec["deadline"]["date"], style="dim")
    return text


def print_rows(
    recs: Sequence[Record], out: Console, queried: Sequence[str] = (), shape: Shape | None = None
) -> None:
    """The list table: 序号 / the levels / the indicator / 责任 / deadline / outcome, each
    headed as the table heads it, and only the columns the table has.

    Columns give way on narrow terminals (the outcome below 100 cells, the levels below 70);
    a level's heading shows once, on the first of its rows, as in the source table.
    """
    shape = shape or Shape()
    width = out.width
    levels = [c for c in (Column.goal, Column.task) if shape.has(c)]
    show_level = width >= 70 and bool(levels)
    show_units = shape.has(Column.units) or bool(queried)
    show_deadline = shape.has(Column.deadline)
    show_outcome = width >= 100 and shape.has(Column.outcome)
    many = len(queried) > 1
    table = Table(box=box.SIMPLE_HEAD, show_lines=True, expand=True, header_style="bold")
    table.add_column(overflow="fold", header=_("No."), justify="right", no_wrap=True, min_width=4)
    if show_level:
        heading = " / ".join(dict.fromkeys(shape.header(c) for c in levels))
        table.add_column(overflow="fold", header=heading, ratio=2)
    table.add_column(overflow="fold", header=shape.header(Column.indicator), ratio=4)
    if show_units:
        table.add_column(
            overflow="fold", header=_("Role") if queried else shape.header(Column.units), ratio=2
        )
    if show_deadline:
        table.add_column(
            overflow="fold", header=shape.header(Column.deadline), ratio=1, min_width=10
        )
    if show_outcome:
        table.add_column(overflow="fold", header=shape.header(Column.outcome), ratio=2)
    last_level = None
    for rec in recs:
        level = level_heading(rec)
        cells: list[Any] = [number_text(rec)]
        if show_level:
            cells.append(_text(level if level != last_level else "", style="cyan"))
        cells.append(_text(rec["text"]))
        if show_units:
            who = roles_summary(rec["roles"], many) if queried else units_summary(rec["units"])
            cells.append(_text(who, style="green" if queried else ""))
        if show_deadline:
            cells.append(_deadline(rec))
        if show_outcome:
            cells.append(_text(rec["outcome"] or "—"))
        table.add_row(*cells, end_section=False)
        last_level = level
    out.print(table)
    count = ngettext("{n} row ({heading})", "{n} rows ({heading})", len(recs))
    out.print(Text(count.format(n=len(recs), heading=shape.header(Column.indicator)), style="dim"))


def _count(cell: dict[str, int]) -> str:
    direct, via = cell["direct"], cell["via"]
    if not direct and not via:
        return ""
    return f"{direct}+{via}" if via else str(direct)


def print_units(units: Sequence[Record], groups: Sequence[Record], out: Console) -> None:
    """The registry: units with kind, aliases, groups and counts per role; groups with members."""
    table = Table(
        box=box.SIMPLE_HEAD,
        expand=out.width < 120,
        header_style="bold",
        caption=_(
            "Numbers: the indicators whose row names the unit itself + those it holds "
            "through a group"
        ),
        caption_justify="left",
    )
    table.add_column(overflow="fold", header=_("Unit"), ratio=3)
    table.add_column(overflow="fold", header=_("Kind"), ratio=2)
    table.add_column(overflow="fold", header=_("Aliases"), ratio=2)
    table.add_column(overflow="fold", header=_("Groups"), ratio=3)
    for role in ROLES:
        table.add_column(overflow="fold", header=role, justify="right", no_wrap=True)
    for unit in units:
        name = _text(unit["unit"], style="dim" if unit["ended"] else "")
        if unit["ended"]:
            name.append(_(" (no longer exists)"))
        table.add_row(
            name,
            kind_name(unit["kind"]),
            _text("、".join(unit["aliases"])),
            _text("、".join(unit["groups"])),
            *(_count(unit["counts"][role]) for role in ROLES),
        )
    out.print(table)
    groups_table = Table(box=box.SIMPLE_HEAD, expand=True, header_style="bold")
    groups_table.add_column(overflow="fold", header=_("Group"), ratio=2)
    groups_table.add_column(overflow="fold", header=_("Members"), ratio=5)
    for role in ROLES:
        groups_table.add_column(overflow="fold", header=role, justify="right", no_wrap=True)
    for group in groups:
        members = "、".join(group["members"]) or (group["note"] or _("members unknown"))
        groups_table.add_row(
            _text(group["group"]),
            _text(members),
            *(_count(group["counts"][role]) for role in ROLES),
        )
    out.print(groups_table)
