"""`zhengwu render`: Word task sheets, one per unit or the whole 附件 table."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .common import UsageFailure, checklist_option, load_checklist
from .filters import filter_options, parse_filters, resolve_units

if TYPE_CHECKING:
    from ..load import Loaded
    from ..query import Filters
    from ..render.docx_sheet import Cleaned, Renderer


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


@click.command("render")
@checklist_option
@filter_options(short_task=False)
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
@click.option(
    "--date",
    "generated",
    metavar="DATE",
    help="The 生成日期 printed on the sheets (2022-03-01 or 2022年3月1日) [default: today].",
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
            "say which sheet to write: --unit 单位, --all or --full "
            "(e.g. zhengwu render --unit 市司法局)"
        )
    if len(chosen) > 1 and not (args.full and args.units):
        raise UsageFailure(f"{' and '.join(chosen)} cannot be combined; choose one")


def _renderer(args: RenderArgs, loaded: Loaded, generated: date) -> Renderer:
    from ..render.docx_sheet import Renderer
    from ..render.template import load_texts, load_word, text_templates_for
    from ..resources import templates_dir

    bundled = templates_dir()
    word_path = args.template or bundled / "sheet.docx"
    word = load_word(word_path)
    texts = load_texts(text_templates_for(word_path, bundled / "sheet.yaml"))
    if args.template is not None and word.dropped:  # what no sheet takes from a template
        click.echo(f"{word_path}: not taken into the sheets: {word.dropped}", err=True)
    return Renderer(loaded.checklist, loaded.registry, word, texts, generated)


def _generated(args: RenderArgs) -> date:
    from ..query import QueryError, parse_date

    if args.generated is None:
        return date.today()
    try:
        return parse_date(args.generated)
    except QueryError as error:
        raise UsageFailure(f"--date: {error}") from None


def _folder(args: RenderArgs, year: int, single: bool) -> tuple[Path, str | None]:
    """(folder, file name or None): -o is a file when it ends in .docx, else a folder."""
    if args.output is None:
        return Path("out") / str(year), None
    if args.output.suffix.lower() == ".docx":
        if not single:
            raise UsageFailure(f"-o {args.output}: several sheets need a folder, not a .docx file")
        # a name over 255 bytes is no folder (and is_dir would raise); `inside` refuses it
        if len(args.output.name.encode("utf-8", "surrogatepass")) <= 255 and args.output.is_dir():
            raise UsageFailure(f"-o {args.output} is a folder; give a file name or drop .docx")
        return args.output.parent, args.output.name
    if args.output.exists() and not args.output.is_dir():
        raise UsageFailure(f"-o {args.output} is a file; name a folder, or a file ending in .docx")
    return args.output, None


def execute(args: RenderArgs) -> int:
    from ..names import printable
    from ..query import rows, select, units_with_rows
    from ..render import RenderError
    from ..render.files import existing, inside, refuse_existing, write_atomic

    _check_usage(args)
    filters = parse_filters(args.filter_values)
    generated = _generated(args)
    loaded = load_checklist(args.checklist)
    filters.units = resolve_units(args.units, loaded.registry)
    all_rows = rows(loaded.checklist, loaded.registry)
    written: list[Path] = []
    try:
        renderer = _renderer(args, loaded, generated)
        year = loaded.checklist.meta.year
        jobs: list[tuple[Path, Callable[[], Any]]] = []
        skipped: list[str] = []
        if args.full:
            chosen = select(all_rows, filters, loaded.registry)
            if not chosen:
                raise UsageFailure("no indicator passes these filters; nothing written")
            folder, name = _folder(args, year, single=True)
            target = inside(folder, name or renderer.full_filename())
            jobs.append((target, partial(renderer.full_sheet, chosen, renderer.scope(filters))))
        else:
            names = filters.units or units_with_rows(loaded.checklist, loaded.registry, all_rows)
            folder, name = _folder(args, year, single=len(names) == 1)
            scope = renderer.scope(filters)
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
                jobs.append((target, partial(renderer.unit_sheet, unit, chosen, scope)))
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
    if args.all_units or args.full:
        _report_unreached(loaded)
    for unit in skipped:
        click.echo(f"skipped {printable(unit)}: no indicator under these filters", err=True)
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


def _report_unreached(loaded: Loaded) -> None:
    """Name the indicators no unit receives, and why, so none is left out silently."""
    from ..reach import describe, unreached

    found = unreached(loaded.checklist, loaded.registry)
    if not found:
        return
    click.echo(
        f"warning: {len(found)} 细化指标 reach no unit and are on no unit's sheet:", err=True
    )
    for line in describe(found, loaded.path.name, loaded.registry_path.name):
        click.echo(f"  {line}", err=True)


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
