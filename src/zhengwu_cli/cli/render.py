"""`zhengwu render`: Word task sheets, one per unit or the whole 附件 table.

The command parses its options into a `Request` (render/write.py), calls `write_sheets` once and
prints what it did; the progress bar is a callback it passes in.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..i18n import N_, _, ngettext, pgettext
from .common import UsageFailure, checklist_option, load_checklist
from .filters import filter_options, parse_filters, resolve_units
from .translate import Command

if TYPE_CHECKING:
    from ..load import Loaded
    from ..render.write import Outcome, Progress


@dataclass
class RenderArgs:
    checklist: Path | None
    units: list[str]
    all_units: bool
    full: bool
    output: Path | None
    force: bool
    template: Path | None
    filter_values: dict[str, Any] = field(default_factory=dict)
    generated: str | None = None  # the date printed on the sheets; None: today


@click.command("render", cls=Command)
@checklist_option
@filter_options(short_task=False)
@click.option(
    "--all",
    "all_units",
    is_flag=True,
    help=N_("One sheet for every unit that has rows (city departments and 县（市）区)."),
)
@click.option("--full", is_flag=True, help=N_("The whole 附件 table in its seven-column layout."))
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    default=None,
    help=N_("File (*.docx) for one sheet, or folder [default: out/<year>/]."),
)
@click.option("--force", "-f", is_flag=True, help=N_("Overwrite files that exist."))
@click.option(
    "--template",
    "-t",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help=N_(
        "Word template .docx [default: the bundled templates/sheet.docx]; "
        "a .yaml of the same name beside it replaces the text templates."
    ),
)
@click.option(
    "--date",
    "generated",
    metavar="DATE",
    help=N_("The 生成日期 printed on the sheets (2022-03-01 or 2022年3月1日) [default: today]."),
)
def render(
    checklist_path: Path | None,
    units: tuple[str, ...],
    all_units: bool,
    full: bool,
    output: Path | None,
    force: bool,
    template: Path | None,
    generated: str | None,
    **filters: Any,
) -> None:
    """Write Word task sheets (.docx): one per unit, or the whole table.

    A unit's sheet has a title, a line counting its indicators by role, and a landscape A4
    table: 序号 / 主要任务 / 细化指标 / 责任角色 / 工作措施 / 完成时限 / 可检视成果 /
    完成情况 (left empty for the unit to fill in). Existing files are kept unless --force;
    with --all, if any sheet exists, none is written.

    \b
    Example:
      zhengwu render --unit 市司法局            # → out/2022/市司法局.docx
      zhengwu render --unit 梨树县 --month 6 -o 梨树县6月.docx
      zhengwu render --all -o 任务单/           # every unit, with a progress bar
      zhengwu render --full                     # the whole 附件 table
    """
    args = RenderArgs(
        checklist_path,
        list(units),
        all_units,
        full,
        output,
        force,
        template,
        dict(filters),
        generated,
    )
    sys.exit(execute(args))


def _check_usage(args: RenderArgs) -> None:
    chosen = [
        name
        for name, on in (
            ("--unit", bool(args.units)),
            ("--all", args.all_units),
            ("--full", args.full),
        )
        if on
    ]
    if not chosen:
        raise UsageFailure(
            _(
                "say which sheet to write: --unit 单位, --all or --full "
                "(e.g. zhengwu render --unit 市司法局)"
            )
        )
    if len(chosen) > 1 and not (args.full and args.units):
        raise UsageFailure(
            _("{options} cannot be combined; choose one").format(options=_both(chosen))
        )


def _both(options: list[str]) -> str:
    """--unit and --all (in Chinese: --unit 与 --all)."""
    shown = options[0]
    for option in options[1:]:
        shown = pgettext("options", "{first} and {second}").format(first=shown, second=option)
    return shown


def _generated(args: RenderArgs) -> date | None:
    from ..query import QueryError, parse_date

    if args.generated is None:
        return None
    try:
        return parse_date(args.generated)
    except QueryError as error:
        raise UsageFailure(f"--date: {error}") from None


def execute(args: RenderArgs) -> int:
    from ..render import RenderError
    from ..render.write import Interrupted, Request, write_sheets

    _check_usage(args)
    filters = parse_filters(args.filter_values)
    generated = _generated(args)
    loaded = load_checklist(args.checklist)
    filters.units = resolve_units(args.units, loaded.registry)
    request = Request(
        filters=filters,
        all_units=args.all_units,
        full=args.full,
        output=args.output,
        force=args.force,
        template=args.template,
        generated=generated,
    )
    try:
        with _progress_bar(show=args.all_units) as progress:
            outcome = write_sheets(loaded, request, progress)
    except RenderError as error:
        raise UsageFailure(str(error)) from None
    except Interrupted as interrupted:
        click.echo(_interrupted(len(interrupted.written)), err=True)
        return 130
    except KeyboardInterrupt:  # a Ctrl-C that came before write_sheets took charge
        click.echo(_interrupted(0), err=True)
        return 130
    _print(outcome, loaded)
    return 0


def _interrupted(written: int) -> str:
    return _("interrupted: {n} of the sheets written, no partial file left").format(n=written)


@contextmanager
def _progress_bar(show: bool) -> Iterator[Progress | None]:
    """A progress bar on a terminal (rich); elsewhere (a pipe, CI) nothing, and no rich."""
    if not show or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as bar:
        task = bar.add_task(_("task sheets"), total=None)

        def step(target: Path, done: int, total: int) -> None:
            bar.update(task, description=target.name, completed=done, total=total)

        yield step


def _print(outcome: Outcome, loaded: Loaded) -> None:
    """What was written, and what a person should know about it (on standard error)."""
    from ..names import printable
    from ..reach import describe

    if outcome.dropped:
        click.echo(
            _("{path}: not taken into the sheets: {dropped}").format(
                path=outcome.template, dropped=outcome.dropped
            ),
            err=True,
        )
    for item in outcome.unholdable:
        click.echo(
            _(
                "{where}: warning: text holds characters a .docx cannot hold ({chars}); "
                "written as line breaks or dropped — fix the text in the checklist "
                "(`zhengwu lint` finds them)"
            ).format(where=f"{loaded.path}:{item.line}:{item.column}", chars="、".join(item.chars)),
            err=True,
        )
    if outcome.unreached:
        count = len(outcome.unreached)
        click.echo(
            ngettext(
                "warning: {n} 细化指标 reaches no unit and is on no unit's sheet:",
                "warning: {n} 细化指标 reach no unit and are on no unit's sheet:",
                count,
            ).format(n=count),
            err=True,
        )
        for line in describe(outcome.unreached, loaded.path.name, loaded.registry_path.name):
            click.echo(f"  {line}", err=True)
    for unit in outcome.skipped:
        click.echo(
            _("skipped {unit}: no indicator under these filters").format(unit=printable(unit)),
            err=True,
        )
    written = outcome.written
    if len(written) == 1:
        click.echo(_("wrote {path}").format(path=written[0]))
    else:
        folder = written[0].parent if written else "-"
        click.echo(
            ngettext(
                "wrote {n} sheet to {folder}", "wrote {n} sheets to {folder}", len(written)
            ).format(n=len(written), folder=folder)
        )
