"""`zhengwu list`, `zhengwu units`, `zhengwu show`: parse, call the library, print.

Never imports python-docx or jinja2; rich only for the table output.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from ..i18n import N_, _, at, ngettext
from ..names import printable
from .common import UsageFailure, checklist_option, fail_load, load_checklist, output_options
from .filters import describe, filter_options, parse_filters, resolve_units
from .translate import Command

F = TypeVar("F", bound=Callable[..., Any])

if TYPE_CHECKING:
    from ..load import Loaded
    from ..query import Filters

LIST_FORMATS = ["auto", "table", "plain", "json", "csv", "yaml", "xlsx"]
UNIT_FORMATS = ["auto", "table", "plain", "json", "yaml"]


def _template_errors(func: F) -> F:
    """A broken templates/list.yaml is an error that names the file, not a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from ..export import TemplateError

        try:
            return func(*args, **kwargs)
        except TemplateError as error:
            raise UsageFailure(str(error)) from None

    return cast(F, wrapper)


def _use_table(fmt: str) -> bool:
    if fmt == "table":
        return True
    if fmt != "auto":
        return False
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def _emit(text: str, output: Path | None, force: bool, bom: bool = False) -> None:
    from ..export import ExportError, write_text

    if output is None:  # on a terminal, an ESC from the data is shown, never obeyed
        click.echo(printable(text) if sys.stdout.isatty() else text, nl=False)
        return
    try:
        write_text(text, output, force, bom=bom)
    except ExportError as error:
        raise UsageFailure(str(error)) from None
    click.echo(_("Wrote {file}").format(file=output), err=True)


def _empty(filters_given: list[str]) -> str:
    """The "nothing matches" line, with the filters given."""
    if not filters_given:
        return _("No indicator matches.")
    return _("No indicator matches ({filters}).").format(filters=_("; ").join(filters_given))


@click.command("list", cls=Command)
@filter_options()
@click.option(
    "--ledger",
    "ledger_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help=N_(
        "With --overdue: the 台账 whose 已完成 entries are not overdue "
        "[default: progress/<year>.yaml, if present]."
    ),
)
@output_options(
    LIST_FORMATS,
    format_help=N_("auto: a table on a terminal, plain text otherwise. xlsx needs -o."),
    output_help=N_("Write to FILE (atomically) instead of standard output."),
)
@checklist_option
@_template_errors
def list_(
    ledger_path: Path | None,
    fmt: str,
    output: Path | None,
    force: bool,
    checklist_path: Path | None,
    **filter_values: Any,
) -> None:
    """List the indicators that match every filter given (AND).

    With --unit, each row shows that unit's role, and the group it comes through
    (配合，经 GROUP): a unit gets what each group it belongs to holds (see `zhengwu units`),
    unless the row names it itself. For a county-level government, 按照年报发布时间 is due
    3月31日, not 1月31日.

    \b
    Example:
      zhengwu units                      # the unit names to give --unit
      zhengwu list --unit NAME --direct
      zhengwu list --role 牵头 --format xlsx -o 清单.xlsx
      zhengwu list --overdue --as-of 2022年7月1日 --format json
    """
    if fmt == "xlsx" and output is None:
        raise UsageFailure(_("xlsx is a binary file: give -o FILE.xlsx"))
    if ledger_path and not filter_values.get("overdue"):
        raise UsageFailure(_("--ledger goes with --overdue: add --overdue"))
    from ..query import QueryError, check_filters

    filters = parse_filters(filter_values)
    loaded = load_checklist(checklist_path)
    filters.units = resolve_units(filter_values["units"], loaded.registry)
    try:
        check_filters(filters, loaded.checklist)
    except QueryError as error:
        raise UsageFailure(str(error)) from None
    given = describe(filter_values, filters.overdue_as_of)
    done, event_due = (
        _progress(loaded, filters, ledger_path) if filters.overdue_as_of else (set(), {})
    )
    _list(loaded, filters, fmt, output, force, given, done, event_due)


def _progress(
    loaded: Loaded, filters: Filters, given: Path | None
) -> tuple[set[int], dict[int, date]]:
    """What the ledger says by --as-of: the indicators marked 已完成 (not overdue), and the dates
    relative deadlines fall on once their events have dates."""
    from ..ledger.load import default_ledger_path, load_ledger
    from ..ledger.status import done_indicators, event_dues
    from ..load import LoadError

    year = loaded.checklist.meta.year
    path = given or default_ledger_path(loaded.path, year)
    if not path.is_file():
        if given:
            raise UsageFailure(_("no ledger (台账) at {path}").format(path=path))
        return set(), {}
    try:
        ledger = load_ledger(path)
    except LoadError as error:
        fail_load(error.problems)
    assert filters.overdue_as_of is not None
    unit = filters.units[0] if len(filters.units) == 1 else None
    as_of = filters.overdue_as_of
    return (
        done_indicators(loaded.checklist, loaded.registry, ledger.ledger, as_of, unit),
        event_dues(loaded.checklist, loaded.registry, ledger.ledger, as_of),
    )


def _list(
    loaded: Loaded,
    filters: Filters,
    fmt: str,
    output: Path | None,
    force: bool,
    given: list[str],
    done: set[int],
    event_due: dict[int, date],
) -> None:
    from ..export import (
        ExportError,
        Shape,
        records,
        to_csv,
        to_json,
        to_plain,
        to_yaml,
        write_xlsx,
    )
    from ..query import rows, select

    chosen = select(
        rows(loaded.checklist, loaded.registry), filters, loaded.registry, done, event_due
    )
    queried = filters.units
    shape = Shape(loaded.checklist)
    recs = records(chosen, loaded.registry, queried, shape)
    empty = _empty(given)
    with_roles = bool(queried)
    many = len(queried) > 1
    if fmt in ("json", "csv", "yaml", "xlsx"):
        if not recs:
            click.echo(empty, err=True)
        if fmt == "json":
            _emit(to_json(recs), output, force)
        elif fmt == "yaml":
            _emit(to_yaml(recs), output, force)
        elif fmt == "csv":
            text = to_csv(recs, with_roles, shape, many)
            _emit(text, output, force, bom=output is not None)
        else:
            assert output is not None
            try:
                write_xlsx(recs, output, with_roles, force, shape, many)
            except ExportError as error:
                raise UsageFailure(str(error)) from None
            count = ngettext("{n} indicator", "{n} indicators", len(recs)).format(n=len(recs))
            click.echo(_("Wrote {file} ({count})").format(file=output, count=count), err=True)
        return
    if not recs:
        click.echo(empty)
        return
    if _use_table(fmt) and output is None:
        from ..terminal import console, print_rows

        print_rows(recs, console(), queried, shape)
        return
    _emit(to_plain(recs, queried, shape), output, force)


@click.command("units", cls=Command)
@output_options(UNIT_FORMATS, format_help=N_("auto: a table on a terminal, plain text otherwise."))
@checklist_option
@_template_errors
def units(fmt: str, checklist_path: Path | None) -> None:
    """List every unit with its kind, aliases and groups, and how many indicators it holds
    per role (named itself + through a group); then every group with its members.

    \b
    Example:
      zhengwu units
      zhengwu units --format json
    """
    from ..export import group_records, to_json, to_yaml, unit_records, units_plain
    from ..query import role_counts, rows

    loaded = load_checklist(checklist_path)
    registry = loaded.registry
    counts = role_counts(rows(loaded.checklist, registry), registry)
    unit_recs, group_recs = unit_records(registry, counts), group_records(registry, counts)
    if fmt in ("json", "yaml"):
        data = {"units": unit_recs, "groups": group_recs}
        click.echo(to_json(data) if fmt == "json" else to_yaml(data), nl=False)
    elif _use_table(fmt):
        from ..terminal import console, print_units

        print_units(unit_recs, group_recs, console())
    else:
        click.echo(printable(units_plain(unit_recs, group_recs)), nl=False)


@click.command("show", cls=Command)
@click.argument("number", metavar="N")
@output_options(["text", "json", "yaml"])
@checklist_option
@_template_errors
def show(number: str, fmt: str, checklist_path: Path | None) -> None:
    """Show one indicator in full: its levels, text and each column the table has, where each
    value comes from (its own row, carried from a row above, inferred, or missing), and its
    line in the source document. N is the indicator's number (its key, as `zhengwu list`
    prints it).

    \b
    Example:
      zhengwu show 1
      zhengwu show 1 --format json
    """
    from ..export import Shape, record, show_text, to_json, to_yaml
    from ..query import Filters, QueryError, rows, select

    loaded = load_checklist(checklist_path)
    try:
        wanted = int(number) if number.strip().isdigit() else _indicator_number(number)
    except QueryError as error:
        raise UsageFailure(str(error)) from None
    found = select(
        rows(loaded.checklist, loaded.registry), Filters(indicators=[wanted]), loaded.registry
    )
    if not found:
        numbers = [i.number for _, _, i in loaded.checklist.indicators()]
        span = f"{min(numbers)}–{max(numbers)}" if numbers else _("none")
        raise UsageFailure(
            _(
                "there is no indicator {number} in {path}; its indicators are {span} "
                "(`zhengwu list` shows them)"
            ).format(number=number, path=loaded.path, span=span)
        )
    row = found[0]
    shape = Shape(loaded.checklist)
    rec = record(row, loaded.registry, (), shape)
    if fmt == "json":
        click.echo(to_json(rec), nl=False)
        return
    if fmt == "yaml":
        click.echo(to_yaml(rec), nl=False)
        return
    source, line_text = _source(loaded, row.indicator.line)
    click.echo(printable(show_text(row, rec, source, line_text, shape)), nl=False)


def _indicator_number(text: str) -> int:
    from ..query import parse_number

    return parse_number(text, _("indicator"))


def _source(loaded: Loaded, line: int | None) -> tuple[str | None, str | None]:
    """`file:line` of the indicator's row in the source document, and that line's text."""
    name = loaded.checklist.meta.source.file
    if not name or line is None:
        return (at(line) if line else None), None
    path = Path(loaded.path).parent / name
    try:
        with path.open(encoding="utf-8") as handle:
            for index, text in enumerate(handle, start=1):
                if index == line:
                    return f"{path}:{line}", text
    except (OSError, UnicodeDecodeError):
        pass
    return f"{path}:{line}", None
