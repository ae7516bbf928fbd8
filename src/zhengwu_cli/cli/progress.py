"""`zhengwu status`, `zhengwu collect`, `zhengwu report`: the progress ledger (台账) commands.

Exit codes: 0 done; 1 status found overdue items / collect could read no sheet at all;
2 a file that cannot be read or a misused command.
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
    from ..ledger.status import Standing
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
    sys.exit(1 if standing.overdue else 0)


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
    "(the old entry stays in the ledger as history).",
)
@click.option("--dry-run", "-n", is_flag=True, help="Show what would be added; write nothing.")
def collect(
    checklist_path: Path | None,
    ledger_path: Path | None,
    sheets: tuple[Path, ...],
    unit: str | None,
    update: bool,
    dry_run: bool,
) -> None:
    """Read the 完成情况 column of filled task sheets into the ledger (台账).

    Each filled cell is read as: a status (已完成, 推进中, 未启动, 不适用), an optional date
    (2022年6月30日 or 2022-06-30), then the evidence (for 已完成) or notes. Nothing in the
    ledger is changed or lost: entries are appended; where a sheet disagrees with the ledger
    the conflict is listed and not applied unless --update. A document that is not a task
    sheet, or is damaged, is reported and skipped; exit 2 only when no sheet could be read.

    \b
    Example:
      zhengwu collect 回收/*.docx
      zhengwu collect 市司法局.docx --ledger progress/2022.yaml --dry-run
    """
    from ..ledger import LedgerError
    from ..ledger.collect import SheetError, read_sheet
    from ..ledger.merge import new_text, plan, verify, write
    from ..ledger.model import Entry, Ledger

    loaded = load_checklist(checklist_path)
    meta = loaded.checklist.meta
    chosen = _unit(unit, loaded)
    path = _ledger_path(loaded, ledger_path)
    old = _load_ledger(path, required=False)
    if old is not None and old.ledger.year != meta.year:
        raise UsageFailure(
            f"{path}: the ledger is for {old.ledger.year}, the checklist for {meta.year}; "
            "give the matching --ledger or --checklist"
        )
    incoming: list[Entry] = []
    read = 0
    for sheet_path in sheets:
        try:
            sheet = read_sheet(sheet_path, loaded.checklist, loaded.registry, chosen)
        except SheetError as error:
            click.echo(f"{sheet_path}: skipped: {error}", err=True)
            continue
        read += 1
        print_problems(sheet.warnings)
        filled = len(sheet.entries)
        click.echo(f"{sheet_path}: {sheet.unit}, {filled} of {sheet.rows} rows filled in")
        incoming += sheet.entries
    if not read:
        raise FileFailure("no sheet could be read; nothing was collected")

    ledger = old.ledger if old else Ledger(place=meta.place, year=meta.year)
    result = plan(ledger, incoming, loaded.registry, update)
    for conflict in result.conflicts:
        current, new = conflict.current, conflict.incoming
        who = f"{new.indicator}" + (f" {new.unit}" if new.unit else "")
        click.echo(
            f"conflict: indicator {who}: the ledger has {_describe(current)}, "
            f"{new.source or 'the sheet'} says {_describe(new)}"
            + (
                "; the sheet's value was added (the old stays as history)" if conflict.taken else ""
            ),
            err=True,
        )
    kept = [c for c in result.conflicts if not c.taken]
    if kept:
        click.echo(
            f"    → {len(kept)} conflict(s) left as the ledger has them; check with the unit, "
            "then edit the ledger or run again with --update",
            err=True,
        )
    click.echo(
        f"{len(result.added)} entries to add, {len(result.unchanged)} already in the ledger, "
        f"{len(result.conflicts)} conflicts"
    )
    if dry_run or not result.added:
        click.echo("nothing written" + (" (--dry-run)" if dry_run else ""))
        return
    try:
        text = new_text(old, result.added, meta.place, meta.year)
        verify(text, str(path), list(ledger.entries), result.added)
        write(path, text, old.text if old else None)
    except LedgerError as error:
        raise FileFailure(str(error)) from None
    click.echo(f"wrote {path}")


def _describe(entry: object) -> str:
    from ..ledger.model import Entry

    assert isinstance(entry, Entry)
    parts = [entry.status.value]
    if entry.date:
        parts.append(entry.date.isoformat())
    if entry.evidence or entry.notes:
        parts.append(f"“{entry.evidence or entry.notes}”")
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


COMMANDS = [status, collect, report]
