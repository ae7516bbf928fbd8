"""`zhengwu status`, `zhengwu collect`, `zhengwu report`: the ledger (台账) commands.

Each parses its options, calls one library function (`ledger.collect.collect`,
`ledger.status.ledger_standing`, `render.report.write_report`) and prints what it returns.

Exit codes: 0 done; 1 `status` found overdue items (not with --missing); 2 a file that cannot
be read or written (collect: no sheet could be read, or the ledger), a ledger with errors
(status, report), or a misused command; 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..i18n import N_, _, ngettext
from .common import FileFailure, UsageFailure, checklist_option, load_checklist, print_problems
from .translate import Command

if TYPE_CHECKING:
    from ..ledger.collect import Collected, Event
    from ..ledger.load import LoadedLedger
    from ..ledger.merge import Conflict, Plan
    from ..ledger.model import Entry
    from ..ledger.status import Standing
    from ..load import Loaded
    from ..problems import Problem


def ledger_option(func: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--ledger",
        "-l",
        "ledger_path",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help=N_(
            "The ledger (台账) YAML [default: progress/<year>.yaml beside the checklist folder]."
        ),
    )(func)


def _ledger_path(loaded: Loaded, given: Path | None) -> Path:
    from ..ledger.load import default_ledger_path

    return given or default_ledger_path(loaded.path, loaded.checklist.meta.year)


def _unreadable_ledger(problems: list[Problem]) -> FileFailure:
    """The located problems of a ledger that cannot be read printed; the error to raise."""
    print_problems(problems)
    return FileFailure(_("the ledger could not be read; fix the lines above"))


def _load_ledger(path: Path) -> LoadedLedger:
    from ..ledger.load import load_ledger, missing_ledger
    from ..load import LoadError

    if not path.exists():
        print_problems(missing_ledger(path).problems)
        sys.exit(2)
    try:
        loaded = load_ledger(path)
    except LoadError as error:
        raise _unreadable_ledger(list(error.problems)) from None
    print_problems(loaded.warnings)
    return loaded


def default_as_of(year: int, today: date) -> date:
    """The day `status` and `report` stand on without --as-of: today, also for a plan year that
    has ended. Its 31 December would hide what was collected after it without a date of its
    own (a January collect for the annual report is the usual case): an undated entry counts
    from the day it was collected."""
    return today


def _as_of(text: str | None, year: int) -> date:
    from ..query import QueryError, parse_date

    if text is None:
        day = default_as_of(year, date.today())
        if day > date(year, 12, 31):
            said = _(
                "as of today, {day}: the plan year {year} has ended; to count only what stood "
                "at its end, give --as-of {year}-12-31 (an entry without a date then counts "
                "only if it was collected by that day)"
            ).format(day=day.isoformat(), year=year)
            click.echo(said, err=True)
        return day
    try:
        return parse_date(text)
    except QueryError as error:
        raise UsageFailure(f"--as-of: {error}") from None


def _unit(text: str | None, loaded: Loaded) -> str | None:
    from ..query import QueryError, resolve_unit

    if text is None:
        return None
    try:
        return resolve_unit(text, loaded.registry)
    except QueryError as error:
        raise UsageFailure(f"--unit: {error}") from None


def _standing(
    checklist_path: Path | None, ledger_path: Path | None, as_of: str | None, unit: str | None
) -> tuple[Loaded, Standing]:
    from ..ledger.status import GroupGiven, ledger_standing

    loaded = load_checklist(checklist_path)
    ledger = _load_ledger(_ledger_path(loaded, ledger_path))
    chosen = _unit(unit, loaded)
    when = _as_of(as_of, loaded.checklist.meta.year)
    try:
        checked = ledger_standing(loaded.checklist, loaded.registry, ledger, when, chosen)
    except GroupGiven as error:
        raise UsageFailure(f"--unit: {error}") from None
    print_problems(checked.problems)
    if checked.standing is None:
        raise UsageFailure(_("the ledger has errors (above); fix them and run again"))
    return loaded, checked.standing


# -- status --------------------------------------------------------------------------------------


@click.command("status", cls=Command)
@checklist_option
@ledger_option
@click.option("--unit", "-u", metavar="单位", help=N_("One unit's indicators and its own reports."))
@click.option(
    "--as-of",
    metavar="DATE",
    help=N_("The day to stand on [default: today]."),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help=N_("text: tables to read; json: the figures for another program."),
)
@click.option(
    "--missing",
    is_flag=True,
    help=N_("The chase list (催报): per unit, the rows it has not reported, with their deadlines."),
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help=N_("With --missing: write the chase list as this .xlsx file to send out."),
)
@click.option("--force", "-f", is_flag=True, help=N_("Overwrite the output file if it exists."))
def status(
    checklist_path: Path | None,
    ledger_path: Path | None,
    unit: str | None,
    as_of: str | None,
    fmt: str,
    missing: bool,
    output: Path | None,
    force: bool,
) -> None:
    """Completion by goal and by unit, the 报送率, and the overdue items.

    An indicator is 已完成 for the city only when an entry for the whole indicator says so, or
    every unit its row reaches has reported 已完成 or 不适用; a unit without an entry is 未报送,
    counted apart from 未启动. Exit 1 when something is overdue, so a scheduled job can notice
    (with --missing: 0).

    \b
    Example:
      zhengwu status --as-of 2022-07-01
      zhengwu status --unit 市司法局 --format json
      zhengwu status --missing -o 催报.xlsx
    """
    from .status_view import as_json, missing_json, missing_xlsx, show, show_missing

    if output is not None and not missing:
        raise UsageFailure(_("-o writes the chase list: add --missing"))
    if output is not None and output.suffix.lower() != ".xlsx":
        raise UsageFailure(
            _("{path}: the chase list is written as .xlsx; give a name ending in .xlsx").format(
                path=output
            )
        )
    if output is not None and output.exists() and not force:
        raise UsageFailure(_exists(output))
    loaded, standing = _standing(checklist_path, ledger_path, as_of, unit)
    checklist = loaded.checklist
    if missing:
        if output is not None:
            _write(output, missing_xlsx(standing, checklist))
        elif fmt == "json":
            click.echo(json.dumps(missing_json(standing, checklist), ensure_ascii=False, indent=2))
        else:
            show_missing(standing, checklist)
        return
    if fmt == "json":
        click.echo(json.dumps(as_json(standing, checklist), ensure_ascii=False, indent=2))
    else:
        show(standing, checklist)
        if unit is None:
            _show_unreached(loaded)
    sys.exit(1 if standing.overdue else 0)


def _exists(target: Path) -> str:
    return _("{path} exists; nothing was written. Add --force, or choose -o").format(path=target)


def _show_unreached(loaded: Loaded) -> None:
    """The indicators no unit receives: nobody will report them, so the office must decide."""
    from ..reach import describe, unreached

    found = unreached(loaded.checklist, loaded.registry)
    if found:
        click.echo(
            ngettext(
                "Reached by no unit ({n} indicator, which no unit will report):",
                "Reached by no unit ({n} indicators, which no unit will report):",
                len(found),
            ).format(n=len(found))
        )
        for line in describe(found, loaded.path.name, loaded.registry_path.name):
            click.echo(f"  {line}")


def _write(target: Path, data: bytes) -> None:
    from ..render import RenderError
    from ..render.files import write_atomic

    try:
        write_atomic(target, data)
    except RenderError as error:
        raise FileFailure(str(error)) from None
    click.echo(_("wrote {path}").format(path=target))


# -- collect -------------------------------------------------------------------------------------


@click.command("collect", cls=Command)
@checklist_option
@ledger_option
@click.argument("sheets", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--unit",
    "-u",
    metavar="单位",
    help=N_("The unit of every sheet given (else read from each)."),
)
@click.option(
    "--update",
    is_flag=True,
    help=N_(
        "Where a sheet says something else than the ledger, take the sheet's value "
        "(the old entry stays in the ledger as history). Never over an entry written by hand, "
        "nor from a sheet older than the one the ledger's entry came from."
    ),
)
@click.option(
    "--dry-run",
    "-n",
    is_flag=True,
    help=N_("Show the entries that would be added; write nothing."),
)
@click.option(
    "--wait",
    type=click.FloatRange(min=0),
    default=60,
    show_default=True,
    metavar="SECONDS",
    help=N_("How long to wait while another collect is writing the same ledger."),
)
def collect(
    checklist_path: Path | None,
    ledger_path: Path | None,
    sheets: tuple[Path, ...],
    unit: str | None,
    update: bool,
    dry_run: bool,
    wait: float,
) -> None:
    """Read the 完成情况 column of filled task sheets into the ledger (台账).

    Each filled cell is read as: a status (已完成, 推进中, 未启动, 不适用), an optional date
    (2022年6月30日 or 2022-06-30), then the evidence (for 已完成) or notes. Nothing in the
    ledger is changed or lost: entries are appended; where a sheet disagrees with the ledger
    the conflict is listed and not applied unless --update. Collecting the same sheets again
    adds nothing; of two sheets of one unit the later saved is current. A document that is
    not a task sheet, or is damaged, is reported and skipped; exit 2 when no sheet could be
    read, or the ledger cannot be read or written; 130 when interrupted (Ctrl-C).

    \b
    Example:
      zhengwu collect 回收/*.docx
      zhengwu collect 市司法局.docx --ledger progress/2022.yaml --dry-run
    """
    collected: Collected | None = None
    try:  # from the first import on: Ctrl-C at any moment is a message, never a traceback
        from ..ledger.collect import Interrupted

        try:
            collected = _collect(checklist_path, ledger_path, sheets, unit, update, dry_run, wait)
        except Interrupted as interrupted:
            collected = interrupted.collected
            raise KeyboardInterrupt from None
        _show_end(collected)
    except (KeyboardInterrupt, RuntimeError) as error:
        # a Ctrl-C while pydantic builds a model class comes wrapped in a RuntimeError (3.11)
        if isinstance(error, RuntimeError) and not isinstance(error.__cause__, KeyboardInterrupt):
            raise
        if collected is not None and collected.written:
            said = _("{path} was written in full before that").format(path=collected.ledger_path)
        else:
            said = _("the ledger was not changed")
        message = _("interrupted (Ctrl-C): {what}; nothing is half-written").format(what=said)
        click.echo(f"\n{message}", err=True)
        sys.exit(130)


def _collect(
    checklist_path: Path | None,
    ledger_path: Path | None,
    sheets: tuple[Path, ...],
    unit: str | None,
    update: bool,
    dry_run: bool,
    wait: float,
) -> Collected:
    from ..ledger import LedgerError
    from ..ledger.collect import collect as collect_sheets
    from ..load import LoadError

    loaded = load_checklist(checklist_path)
    try:
        collected = collect_sheets(
            sheets,
            _ledger_path(loaded, ledger_path),
            loaded.checklist,
            loaded.registry,
            unit=_unit(unit, loaded),
            update=update,
            dry_run=dry_run,
            wait=wait,
            on_progress=_show_progress,
        )
    except LoadError as error:  # the ledger, or someone saved a broken ledger meanwhile
        raise _unreadable_ledger(list(error.problems)) from None
    except LedgerError as error:
        raise FileFailure(str(error)) from None
    return collected


def _show_end(collected: Collected) -> None:
    """The last line: what was written, and how many sheets were skipped."""
    read, skipped = len(collected.read), len(collected.skipped)
    tail = (
        _("; {sheets} read, {skipped} skipped — see above").format(
            sheets=ngettext("{n} sheet", "{n} sheets", read).format(n=read), skipped=skipped
        )
        if skipped
        else ""
    )
    if collected.dry_run:
        for entry in collected.plan.added:
            click.echo(f"  + {_describe(entry, full=True)}")
        click.echo(_("nothing written (--dry-run)") + tail)
    elif collected.written:
        click.echo(_("wrote {path}").format(path=collected.ledger_path) + tail)
    else:
        click.echo(_("nothing written") + tail)


def _show_progress(event: Event) -> None:
    """Each step of a collect as it happens: the ledger's warnings, each sheet, the plan."""
    from ..ledger.collect import LedgerRead, SheetRead, SheetSkipped, shown

    if isinstance(event, LedgerRead):
        print_problems(event.warnings)
    elif isinstance(event, SheetSkipped):
        said = _("{path}: skipped: {reason}").format(path=shown(event.path), reason=event.reason)
        click.echo(said, err=True)
    elif isinstance(event, SheetRead):
        print_problems(event.sheet.warnings)
        said = _("{path}: {unit}: {summary}").format(
            path=shown(event.path), unit=event.sheet.unit, summary=event.sheet.summary
        )
        click.echo(said)
    else:
        _show_plan(event)


def _show_plan(result: Plan) -> None:
    """The conflicts (to stderr, each shortened) and the counts."""
    for conflict in result.conflicts:
        click.echo(_conflict(conflict), err=True)
    waiting = [c for c in result.conflicts if c.update_helps]
    kept = [c for c in result.conflicts if not c.taken and not c.update_helps]
    if waiting:
        said = _(
            "{n} conflict(s) left as the ledger has them; check with the unit, "
            "then edit the ledger or run again with --update"
        ).format(n=len(waiting))
        click.echo(f"    → {said}", err=True)
    if kept:
        said = _(
            "{n} conflict(s) kept as the ledger has them even with --update "
            "(see each); edit the ledger to change them"
        ).format(n=len(kept))
        click.echo(f"    → {said}", err=True)
    corrected = (
        _(", {n} corrected by hand in the ledger (kept)").format(n=len(result.corrected))
        if result.corrected
        else ""
    )
    counts = _(
        "{added} entries to add, {unchanged} already in the ledger, {conflicts} conflicts"
    ).format(
        added=len(result.added), unchanged=len(result.unchanged), conflicts=len(result.conflicts)
    )
    click.echo(counts + corrected)


def _conflict(conflict: Conflict) -> str:
    from ..ledger.merge import Why

    current, new = conflict.current, conflict.incoming
    who = f"{new.indicator}" + (f" {_short(new.unit, 40)}" if new.unit else "")
    head = _("conflict: indicator {who}: ").format(who=who)
    if conflict.why in (Why.sheets, Why.unordered):
        said = _("two sheets of the unit disagree: {first} says {one}, {second} says {other}")
        said = said.format(
            first=_from(current), one=_describe(current), second=_from(new), other=_describe(new)
        )
        if conflict.why is Why.unordered:
            return (
                head
                + said
                + _(
                    "; neither was applied — it cannot be told which is later (one sheet with the "
                    "row twice, or saved at the same time): correct the sheets and collect again"
                )
            )
        if conflict.taken:
            return head + said + _("; the later is taken (--update)")
        return (
            head
            + said
            + _(
                "; neither was applied — collect only the right sheet, or add --update to take "
                "the later one"
            )
        )
    said = _("the ledger has {old}, {source} says {new}").format(
        old=_describe(current),
        source=_short(new.source, 60) if new.source else _("the sheet"),
        new=_describe(new),
    )
    if conflict.why is Why.by_hand:
        when = current.date or current.collected
        if when:
            kept = _(
                "; kept: the ledger's entry was written by hand (no source) "
                "on or after {day}, not before {sheet}"
            ).format(day=when, sheet=_from(new))
        else:
            kept = _("; kept: the ledger's entry was written by hand (no source) and has no date")
        return head + said + kept
    if conflict.why is Why.older:
        kept = _(
            "; kept: {sheet} is not newer than {source}, which the ledger's entry came from"
        ).format(sheet=_from(new), source=_from(current))
        return head + said + kept
    if conflict.why is Why.dated_later:
        kept = _("; kept: the ledger's entry is dated {day}, after {sheet}").format(
            day=current.date_text, sheet=_from(new)
        )
        return head + said + kept
    if conflict.taken:
        return head + said + _("; the sheet's value was added (the old stays as history)")
    return head + said


def _from(entry: Entry) -> str:
    name = _short(entry.source, 60) if entry.source else _("the ledger")
    if entry.saved is None:
        return name
    return _("{name} (saved {time})").format(name=name, time=entry.saved.strftime("%Y-%m-%d %H:%M"))


def _short(text: str | None, limit: int) -> str:
    """One line, at most `limit` characters, nothing a terminal would act on."""
    flat = " ".join("".join(c if c.isprintable() else " " for c in text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _describe(entry: Entry, full: bool = False) -> str:
    parts = [f"{entry.indicator} {_short(entry.unit, 40)}"] if full and entry.unit else []
    if full and not entry.unit:
        parts.append(str(entry.indicator))
    parts.append(entry.status.value)
    if entry.date_text:
        parts.append(entry.date_text)
    said = (entry.text if full else None) or entry.evidence or entry.notes
    if said:
        parts.append(f"“{_short(said, 60)}”")
    return " ".join(parts)


# -- report --------------------------------------------------------------------------------------


def _report_formats() -> list[str]:
    return ["docx", "md", "text"]  # render.report.PUBLISHERS (not imported for --help)


@click.command("report", cls=Command)
@checklist_option
@ledger_option
@click.option(
    "--unit",
    "-u",
    metavar="单位",
    help=N_("A department's own report; a county's report covers its county's share."),
)
@click.option(
    "--as-of",
    metavar="DATE",
    help=N_("The day the report stands on [default: today]."),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(_report_formats()),
    default="docx",
    show_default=True,
    help=N_("docx: a Word document; md: Markdown; text: plain text."),
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help=N_(
        "File to write [default: the text formats to stdout; docx: "
        "<place>落实<year>年政务公开工作要点情况.docx in the current folder]."
    ),
)
@click.option(
    "--templates",
    "templates",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=None,
    help=N_("A folder with your own _phrases.j2 and docx.yaml (the bundled ones fill the rest)."),
)
@click.option("--force", "-f", is_flag=True, help=N_("Overwrite the output file if it exists."))
def report(
    checklist_path: Path | None,
    ledger_path: Path | None,
    unit: str | None,
    as_of: str | None,
    fmt: str,
    output: Path | None,
    templates: Path | None,
    force: bool,
) -> None:
    """The report 落实<year>年政务公开工作要点情况, for 六、其他需要报告的事项 of the annual report.

    Its headings sit one level below 六、: （一）总体情况 with the basis and the 报送率,
    （二）completion per goal (for a table with goals), the achievements numbered 1, 2, 3 with
    the units that achieved them, what remains unfinished grouped by reason and the units that
    have not reported, and a table of every indicator. Wording: templates/report/_phrases.j2
    (or --templates); Word layout: docx.yaml.

    \b
    Example:
      zhengwu report --as-of 2022-12-31 -o 年报插页.docx
      zhengwu report --unit 市司法局 --format md
      zhengwu report --format text > 插页.txt
    """
    from ..render import RenderError
    from ..render.report import check_output, write_report

    try:
        check_output(fmt, output)
    except RenderError as error:
        raise UsageFailure(str(error)) from None
    loaded, standing = _standing(checklist_path, ledger_path, as_of, unit)
    try:
        published = write_report(loaded.checklist, standing, fmt, output, templates, force)
    except RenderError as error:
        raise FileFailure(str(error)) from None
    if published.written is None:
        click.echo(published.data.decode("utf-8"), nl=False)
    else:
        click.echo(_("wrote {path}").format(path=published.written))
