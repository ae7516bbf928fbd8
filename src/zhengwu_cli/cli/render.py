"""`zhengwu render`: Word task sheets, one per unit or the whole 附件 table."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .common import UsageFailure, checklist_option, load_checklist

if TYPE_CHECKING:
    from ..load import Loaded
    from ..query import Filters
    from ..render.docx_sheet import Cleaned, Renderer

F = TypeVar("F", bound=Callable[..., Any])
ROLE_CHOICES = ["牵头", "配合", "落实", "推动", "共同"]


def filter_options(func: F) -> F:
    """The row filters `zhengwu list` has, for render."""
    options = [
        click.option(
            "--unit",
            "-u",
            "units",
            multiple=True,
            metavar="单位",
            help="A unit (name, short name or alias); repeat for one sheet per unit.",
        ),
        click.option(
            "--direct",
            is_flag=True,
            help="Only rows that name the unit itself, not through a group.",
        ),
        click.option(
            "--role",
            "roles",
            multiple=True,
            type=click.Choice(ROLE_CHOICES),
            help="Only rows where the unit has this role (repeatable).",
        ),
        click.option("--due-before", metavar="DATE", help="Due on or before DATE (2022-06-30)."),
        click.option("--due-after", metavar="DATE", help="Due on or after DATE."),
        click.option("--month", type=click.IntRange(1, 12), help="Deadline N月底前."),
        click.option("--deadline", metavar="TEXT", help="Exact 完成时限 text, e.g. 贯穿全年."),
        click.option("--overdue", is_flag=True, help="Due before --as-of (default today)."),
        click.option("--as-of", metavar="DATE", help="The day --overdue counts from."),
        click.option("--goal", metavar="N", help="Only this 目标 (二 or 2)."),
        click.option("--task", metavar="N", help="Only this 主要任务 (十一 or 11)."),
        click.option("--grep", metavar="TEXT", help="Indicator, measure or outcome contains TEXT."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


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


@click.command("render")
@checklist_option
@filter_options
@click.option(
    "--all",
    "all_units",
    is_flag=True,
    help="One sheet for every unit that has rows (city departments and 县（市）区).",
)
@click.option("--full", is_flag=True, help="The whole 附件 table in its seven-column layout.")
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    default=None,
    help="File (*.docx) for one sheet, or folder [default: out/<year>/].",
)
@click.option("--force", "-f", is_flag=True, help="Overwrite files that exist.")
@click.option(
    "--template",
    "-t",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Word template .docx [default: the bundled templates/sheet.docx]; "
    "a .yaml of the same name beside it replaces the text templates.",
)
def render(
    checklist_path: Path | None,
    units: tuple[str, ...],
    all_units: bool,
    full: bool,
    output: Path | None,
    force: bool,
    template: Path | None,
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
        checklist_path, list(units), all_units, full, output, force, template, dict(filters)
    )
    sys.exit(execute(args))


def _filters(args: RenderArgs, loaded: Loaded) -> Filters:
    from ..model import Role
    from ..query import Filters, QueryError, parse_date, parse_number, resolve_unit

    v = args.filter_values
    try:
        as_of = parse_date(v["as_of"]) if v.get("as_of") else None
        if as_of and not v.get("overdue"):
            raise QueryError("--as-of goes with --overdue")
        return Filters(
            units=[resolve_unit(u, loaded.registry) for u in args.units],
            direct=bool(v.get("direct")),
            roles=[Role(r) for r in v.get("roles") or ()],
            due_before=parse_date(v["due_before"]) if v.get("due_before") else None,
            due_after=parse_date(v["due_after"]) if v.get("due_after") else None,
            month=v.get("month"),
            deadline=v.get("deadline"),
            overdue_as_of=(as_of or date.today()) if v.get("overdue") else None,
            goal=parse_number(v["goal"], "目标") if v.get("goal") else None,
            task=parse_number(v["task"], "主要任务") if v.get("task") else None,
            grep=v.get("grep"),
        )
    except QueryError as error:
        raise UsageFailure(str(error)) from None


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
            "say which sheet to write: --unit 单位, --all or --full "
            "(e.g. zhengwu render --unit 市司法局)"
        )
    if len(chosen) > 1 and not (args.full and args.units):
        raise UsageFailure(f"{' and '.join(chosen)} cannot be combined; choose one")


def _renderer(args: RenderArgs, loaded: Loaded) -> Renderer:
    from ..render.docx_sheet import Renderer
    from ..render.template import load_texts, load_word, text_templates_for
    from ..resources import templates_dir

    bundled = templates_dir()
    word_path = args.template or bundled / "sheet.docx"
    word = load_word(word_path)
    texts = load_texts(text_templates_for(word_path, bundled / "sheet.yaml"))
    return Renderer(loaded.checklist, loaded.registry, word, texts, date.today())


def _folder(args: RenderArgs, year: int, single: bool) -> tuple[Path, str | None]:
    """(folder, file name or None): -o is a file when it ends in .docx, else a folder."""
    if args.output is None:
        return Path("out") / str(year), None
    if args.output.suffix.lower() == ".docx":
        if not single:
            raise UsageFailure(f"-o {args.output}: several sheets need a folder, not a .docx file")
        if args.output.is_dir():
            raise UsageFailure(f"-o {args.output} is a folder; give a file name or drop .docx")
        return args.output.parent, args.output.name
    if args.output.exists() and not args.output.is_dir():
        raise UsageFailure(f"-o {args.output} is a file; name a folder, or a file ending in .docx")
    return args.output, None


def execute(args: RenderArgs) -> int:
    from ..query import rows, select, units_with_rows
    from ..render import RenderError
    from ..render.files import existing, inside, refuse_existing, write_atomic

    _check_usage(args)
    loaded = load_checklist(args.checklist)
    filters = _filters(args, loaded)
    all_rows = rows(loaded.checklist, loaded.registry)
    written: list[Path] = []
    try:
        renderer = _renderer(args, loaded)
        year = loaded.checklist.meta.year
        jobs: list[tuple[Path, Callable[[], Any]]] = []
        skipped: list[str] = []
        if args.full:
            chosen = select(all_rows, filters, loaded.registry)
            if not chosen:
                raise UsageFailure("no indicator passes these filters; nothing written")
            folder, name = _folder(args, year, single=True)
            target = inside(folder, name or renderer.full_filename())
            jobs.append((target, partial(renderer.full_sheet, chosen)))
        else:
            names = filters.units or units_with_rows(loaded.checklist, loaded.registry, all_rows)
            folder, name = _folder(args, year, single=len(names) == 1)
            for unit in names:
                one = _for_unit(filters, unit)
                chosen = select(all_rows, one, loaded.registry)
                if not chosen:
                    if not args.all_units:
                        raise UsageFailure(
                            f"{unit} has no indicator under these filters; "
                            "nothing written (`zhengwu list --unit` shows its rows)"
                        )
                    skipped.append(unit)
                    continue
                target = inside(folder, name or renderer.unit_filename(unit))
                jobs.append((target, partial(renderer.unit_sheet, unit, chosen)))
        targets = [t for t, _ in jobs]
        dupes = {t for t in targets if targets.count(t) > 1}
        if dupes:
            raise UsageFailure(
                "two sheets would get the same file name: "
                + ", ".join(map(str, sorted(dupes)))
                + "; put {{ unit }} in unit_file of the text templates"
            )
        if not args.force:
            refuse_existing(existing(targets))
        cleaned: list[Cleaned] = []
        for target, build in _progress(jobs, show=args.all_units):
            sheet = build()
            write_atomic(target, sheet.data)
            written.append(target)
            cleaned += [c for c in sheet.cleaned if c not in cleaned]
    except RenderError as error:
        raise UsageFailure(str(error)) from None
    except KeyboardInterrupt:
        click.echo(
            f"interrupted: {len(written)} of the sheets written, no partial file left", err=True
        )
        return 130
    _report_cleaned(cleaned, loaded)
    for unit in skipped:
        click.echo(f"skipped {unit}: no indicator under these filters", err=True)
    if len(written) == 1:
        click.echo(f"wrote {written[0]}")
    else:
        click.echo(f"wrote {len(written)} sheets to {written[0].parent if written else '-'}")
    return 0


def _for_unit(filters: Filters, unit: str) -> Filters:
    from dataclasses import replace

    return replace(filters, units=[unit])


def _progress(jobs: list[tuple[Path, Callable[[], Any]]], show: bool) -> Any:
    """A progress bar on a terminal (rich); elsewhere (a pipe, CI) nothing, and no rich."""
    if not show or not sys.stderr.isatty():
        yield from jobs
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
        task = bar.add_task("任务单", total=len(jobs))
        for job in jobs:
            bar.update(task, description=job[0].name)
            yield job
            bar.advance(task)


def _report_cleaned(cleaned: list[Cleaned], loaded: Loaded) -> None:
    for item in cleaned:
        line, col = loaded.positions.of(item.path) if item.path else (1, 1)
        where = f"{loaded.path}:{line}:{col}"
        chars = "、".join(item.chars)
        click.echo(
            f"{where}: warning: text holds characters a .docx cannot hold ({chars}); "
            "written as line breaks or dropped — fix the text in the checklist "
            "(`zhengwu lint` finds them)",
            err=True,
        )


COMMANDS = [render]
