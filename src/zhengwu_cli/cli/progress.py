"""`zhengwu status`, `zhengwu collect`, `zhengwu report`: the progress ledger (台账) commands.

Exit codes: 0 done; 1 `status` found overdue items; 2 a file that cannot be read or written
(collect: no sheet could be read, or the ledger), a ledger with errors (status, report), or a
misused command; 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import FileFailure, UsageFailure, checklist_option, load_checklist, print_problems

if TYPE_CHECKING:
    from ..ledger.load import LoadedLedger
    from ..ledger.merge import Conflict, Plan
    from ..ledger.model import Entry
    from ..ledger.status import Standing
    from ..ledger.store import Outcome
    from ..load import Loaded


def ledger_option(func: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--ledger",
        "-l",
        "ledger_path",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help="The ledger (台账) YAML [default: progress/<year>.yaml beside the checklist folder].",
    )(func)


def _ledger_path(loaded: Loaded, given: Path | None) -> Path:
    from ..ledger.load import default_ledger_path

    return given or default_ledger_path(loaded.path, loaded.checklist.meta.year)


def _load_ledger(path: Path, required: bool) -> LoadedLedger | None:
    from ..ledger.load import load_ledger, missing_ledger
    from ..load import LoadError

    if not path.exists():
        if required:
            print_problems(missing_ledger(path).problems)
            sys.exit(2)
        return None
    try:
        loaded = load_ledger(path)
    except LoadError as error:
        print_problems(error.problems)
        click.echo("Error: the ledger could not be read; fix the lines above.", err=True)
        sys.exit(2)
    print_problems(loaded.warnings)
    return loaded


def _as_of(text: str | None) -> date:
    from ..query import QueryError, parse_date

    if text is None:
        return date.today()
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
    from ..ledger.check import check_ledger
    from ..ledger.status import standing
    from ..problems import Severity

    loaded = load_checklist(checklist_path)
    ledger = _load_ledger(_ledger_path(loaded, ledger_path), required=True)
    assert ledger is not None
    problems = check_ledger(ledger.ledger, ledger.positions, loaded.checklist, loaded.registry)
    print_problems(problems)
    if any(p.severity is Severity.error for p in problems):
        raise UsageFailure("the ledger has errors (above); fix them and run again")
    chosen = _unit(unit, loaded)
    group = loaded.registry.group(chosen) if chosen else None
    if group is not None:
        members = "、".join(u.name for u in loaded.registry.members(group)[:3])
        raise UsageFailure(
            f"--unit: {chosen} is a group, not a unit that reports; give one of its units"
            + (f" (e.g. {members})" if members else "")
        )
    return loaded, standing(loaded.checklist, loaded.registry, ledger.ledger, _as_of(as_of), chosen)


# -- status --------------------------------------------------------------------------------------


@click.command("status")
@checklist_option
@ledger_option
@click.option("--unit", "-u", metavar="单位", help="One unit's indicators and its own reports.")
@click.option("--as-of", metavar="DATE", help="The day to stand on [default: today].")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--missing",
    is_flag=True,
    help="The chase list (催报): per unit, the rows it has not reported, with their deadlines.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="With --missing: write the chase list as this .xlsx file to send out.",
)
@click.option("--force", "-f", is_flag=True, help="Overwrite the output file if it exists.")
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
    from .status_view import as_json, missing_xlsx, show, show_missing

    if output is not None and not missing:
        raise UsageFailure("-o writes the chase list: add --missing")
    if output is not None and output.suffix.lower() != ".xlsx":
        raise UsageFailure(
            f"{output}: the chase list is written as .xlsx; give a name ending in .xlsx"
        )
    if output is not None and output.exists() and not force:
        raise UsageFailure(f"{output} exists; nothing was written. Add --force, or choose -o")
    loaded, standing = _standing(checklist_path, ledger_path, as_of, unit)
    checklist = loaded.checklist
    if missing:
        if output is not None:
            _write(output, missing_xlsx(standing, checklist))
        elif fmt == "json":
            data = as_json(standing, checklist)["units"]
            chase = [{"unit": u["unit"], "missing": u["missing"]} for u in data if u["missing"]]
            click.echo(json.dumps(chase, ensure_ascii=False, indent=2))
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


def _show_unreached(loaded: Loaded) -> None:
    """The indicators no unit receives: nobody will report them, so the office must decide."""
    from ..reach import describe, unreached

    found = unreached(loaded.checklist, loaded.registry)
    if found:
        click.echo(f"未落实到任何单位（{len(found)}项，没有单位会报送）：")
        for line in describe(found, loaded.path.name, loaded.registry_path.name):
            click.echo(f"  {line}")


def _write(target: Path, data: bytes) -> None:
    from ..render import RenderError
    from ..render.files import write_atomic

    try:
        write_atomic(target, data)
    except RenderError as error:
        raise FileFailure(str(error)) from None
    click.echo(f"wrote {target}")


# -- collect -------------------------------------------------------------------------------------


@click.command("collect")
@checklist_option
@ledger_option
@click.argument("sheets", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--unit", "-u", metavar="单位", help="The unit of every sheet given (else read from each)."
)
@click.option(
    "--update",
    is_flag=True,
    help="Where a sheet says something else than the ledger, take the sheet's value "
    "(the old entry stays in the ledger as history). Never over an entry written by hand, "
    "nor from a sheet older than the one the ledger's entry came from.",
)
@click.option(
    "--dry-run", "-n", is_flag=True, help="Show the entries that would be added; write nothing."
)
@click.option(
    "--wait",
    type=click.FloatRange(min=0),
    default=60,
    show_default=True,
    metavar="SECONDS",
    help="How long to wait while another collect is writing the same ledger.",
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
    outcome: Outcome | None = None
    try:  # from the first import on: Ctrl-C at any moment is a message, never a traceback
        from ..ledger.store import Outcome

        outcome = Outcome(Path())
        _collect(checklist_path, ledger_path, sheets, unit, update, dry_run, wait, outcome)
    except (KeyboardInterrupt, RuntimeError) as error:
        # a Ctrl-C while pydantic builds a model class comes wrapped in a RuntimeError (3.11)
        if isinstance(error, RuntimeError) and not isinstance(error.__cause__, KeyboardInterrupt):
            raise
        if outcome is not None and outcome.written:
            said = f"{outcome.path} was written in full before that"
        else:
            said = "the ledger was not changed"
        click.echo(f"\ninterrupted (Ctrl-C): {said}; nothing is half-written", err=True)
        sys.exit(130)


def _collect(
    checklist_path: Path | None,
    ledger_path: Path | None,
    sheets: tuple[Path, ...],
    unit: str | None,
    update: bool,
    dry_run: bool,
    wait: float,
    outcome: Outcome,
) -> None:
    from ..ledger import LedgerError
    from ..ledger.collect import SheetError, read_sheet, sheet_files, shown
    from ..ledger.merge import plan, saved_time, stamped
    from ..ledger.model import Ledger
    from ..ledger.store import check_writable, merge_into
    from ..load import LoadError

    loaded = load_checklist(checklist_path)
    meta = loaded.checklist.meta
    chosen = _unit(unit, loaded)
    path = outcome.path = _ledger_path(loaded, ledger_path)
    if not dry_run:
        try:
            check_writable(path)  # before any sheet is read: a read-only ledger, a pipe
        except LedgerError as error:
            raise FileFailure(str(error)) from None
    old = _load_ledger(path, required=False)
    if old is not None and old.ledger.year != meta.year:
        raise UsageFailure(
            f"{path}: the ledger is for {old.ledger.year}, the checklist for {meta.year}; "
            "give the matching --ledger or --checklist"
        )
    incoming: list[Entry] = []
    read = skipped = 0
    today = date.today()
    for sheet_path in sheet_files(sheets):
        try:
            sheet = read_sheet(sheet_path, loaded.checklist, loaded.registry, chosen, today=today)
        except SheetError as error:
            click.echo(f"{shown(sheet_path)}: skipped: {error}", err=True)
            skipped += 1
            continue
        read += 1
        print_problems(sheet.warnings)
        click.echo(f"{shown(sheet_path)}: {sheet.unit}: {sheet.summary}")
        incoming += stamped(sheet.entries, saved_time(sheet.modified, sheet_path), today)
    if not read:
        raise FileFailure("no sheet could be read; nothing was collected")
    tail = f"; {_sheets(read)} read, {skipped} skipped — see above" if skipped else ""

    if dry_run:
        ledger = old.ledger if old else Ledger(place=meta.place, year=meta.year)
        result = plan(ledger, incoming, loaded.registry, update)
        _show_plan(result)
        for entry in result.added:
            click.echo(f"  + {_describe(entry, full=True)}")
        click.echo("nothing written (--dry-run)" + tail)
        return
    try:
        merge_into(
            outcome,
            incoming,
            loaded.registry,
            place=meta.place,
            year=meta.year,
            update=update,
            wait=wait,
            read_before=old,
            report=_show_plan,
        )
    except LoadError as error:  # someone saved a broken ledger meanwhile
        print_problems(error.problems)
        raise FileFailure("the ledger could not be read; fix the lines above") from None
    except LedgerError as error:
        raise FileFailure(str(error)) from None
    if outcome.written:
        click.echo(f"wrote {path}" + tail)
    else:
        click.echo("nothing written" + tail)


def _sheets(count: int) -> str:
    return f"{count} sheet" + ("" if count == 1 else "s")


def _show_plan(result: Plan) -> None:
    """The conflicts (to stderr, each shortened) and the counts."""
    for conflict in result.conflicts:
        click.echo(_conflict(conflict), err=True)
    waiting = [c for c in result.conflicts if c.update_helps]
    kept = [c for c in result.conflicts if not c.taken and not c.update_helps]
    if waiting:
        click.echo(
            f"    → {len(waiting)} conflict(s) left as the ledger has them; check with the unit, "
            "then edit the ledger or run again with --update",
            err=True,
        )
    if kept:
        click.echo(
            f"    → {len(kept)} conflict(s) kept as the ledger has them even with --update "
            "(see each); edit the ledger to change them",
            err=True,
        )
    corrected = (
        f", {len(result.corrected)} corrected by hand in the ledger (kept)"
        if result.corrected
        else ""
    )
    click.echo(
        f"{len(result.added)} entries to add, {len(result.unchanged)} already in the ledger, "
        f"{len(result.conflicts)} conflicts{corrected}"
    )


def _conflict(conflict: Conflict) -> str:
    from ..ledger.merge import Why

    current, new = conflict.current, conflict.incoming
    who = f"{new.indicator}" + (f" {_short(new.unit, 40)}" if new.unit else "")
    head = f"conflict: indicator {who}: "
    if conflict.why in (Why.sheets, Why.unordered):
        said = (
            f"two sheets of the unit disagree: {_from(current)} says {_describe(current)}, "
            f"{_from(new)} says {_describe(new)}"
        )
        if conflict.why is Why.unordered:
            return (
                head
                + said
                + (
                    "; neither was applied — it cannot be told which is later (one sheet with the "
                    "row twice, or saved at the same time): correct the sheets and collect again"
                )
            )
        if conflict.taken:
            return head + said + "; the later is taken (--update)"
        return (
            head
            + said
            + (
                "; neither was applied — collect only the right sheet, or add --update to take "
                "the later one"
            )
        )
    said = (
        f"the ledger has {_describe(current)}, {_short(new.source or 'the sheet', 60)} says "
        f"{_describe(new)}"
    )
    if conflict.why is Why.by_hand:
        when = current.date or current.collected
        return (
            head
            + said
            + (
                "; kept: the ledger's entry was written by hand (no source) "
                + (f"on or after {when}, not before {_from(new)}" if when else "and has no date")
            )
        )
    if conflict.why is Why.older:
        return (
            head
            + said
            + (
                f"; kept: {_from(new)} is not newer than {_from(current)}, which the ledger's "
                "entry came from"
            )
        )
    if conflict.why is Why.dated_later:
        return (
            head
            + said
            + (f"; kept: the ledger's entry is dated {current.date}, after {_from(new)}")
        )
    if conflict.taken:
        return head + said + "; the sheet's value was added (the old stays as history)"
    return head + said


def _from(entry: Entry) -> str:
    name = _short(entry.source or "the ledger", 60)
    if entry.saved is None:
        return name
    return f"{name} (saved {entry.saved.strftime('%Y-%m-%d %H:%M')})"


def _short(text: str | None, limit: int) -> str:
    """One line, at most `limit` characters, nothing a terminal would act on."""
    flat = " ".join("".join(c if c.isprintable() else " " for c in text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _describe(entry: Entry, full: bool = False) -> str:
    parts = [f"{entry.indicator} {_short(entry.unit, 40)}"] if full and entry.unit else []
    if full and not entry.unit:
        parts.append(str(entry.indicator))
    parts.append(entry.status.value)
    if entry.date:
        parts.append(entry.date.isoformat())
    said = (entry.text if full else None) or entry.evidence or entry.notes
    if said:
        parts.append(f"“{_short(said, 60)}”")
    return " ".join(parts)


# -- report --------------------------------------------------------------------------------------


def _report_formats() -> list[str]:
    return ["docx", "md", "text"]  # render.report.PUBLISHERS (not imported for --help)


@click.command("report")
@checklist_option
@ledger_option
@click.option(
    "--unit",
    "-u",
    metavar="单位",
    help="A department's own report; a county's report covers its county's share.",
)
@click.option("--as-of", metavar="DATE", help="The day the report stands on [default: today].")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(_report_formats()),
    default="docx",
    show_default=True,
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="File to write [default: the text formats to stdout; docx: "
    "<place>落实<year>年政务公开工作要点情况.docx in the current folder].",
)
@click.option(
    "--templates",
    "templates",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=None,
    help="A folder with your own _phrases.j2 and docx.yaml (the bundled ones fill the rest).",
)
@click.option("--force", "-f", is_flag=True, help="Overwrite the output file if it exists.")
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
    from ..render.files import inside, safe_filename
    from ..render.report import report as build_report

    loaded, standing = _standing(checklist_path, ledger_path, as_of, unit)
    try:
        data = build_report(loaded.checklist, standing, fmt, templates)
    except RenderError as error:
        raise FileFailure(str(error)) from None
    if output is None and fmt != "docx":
        click.echo(data.decode("utf-8"), nl=False)
        return
    if output is None:
        meta = loaded.checklist.meta
        name = f"{standing.unit or meta.place}落实{meta.year}年政务公开工作要点情况"
        try:
            target = inside(Path.cwd(), safe_filename(name, ".docx"))
        except RenderError as error:
            raise FileFailure(str(error)) from None
    else:
        target = output
    if target.exists() and not force:
        raise UsageFailure(f"{target} exists; nothing was written. Add --force, or choose -o")
    _write(target, data)
