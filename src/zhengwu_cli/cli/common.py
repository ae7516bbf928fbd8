"""Shared CLI plumbing: the --checklist option, loading with located errors, exit codes.

Exit codes (all commands): 0 done, 1 findings at the failing level (lint, status), 2 a file that
cannot be read or written, or a misused command.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn, TypeVar

import click

from ..i18n import N_, _

if TYPE_CHECKING:
    from ..load import Loaded
    from ..problems import Problem

F = TypeVar("F", bound=Callable[..., Any])


class _Failure(click.ClickException):
    def format_message(self) -> str:  # a name quoted from the data never sends ESC sequences
        from ..names import printable

        return printable(self.message)


class UsageFailure(_Failure):
    """An error the user can fix; printed as `Error: …`, exit 2."""

    exit_code = 2


class FileFailure(_Failure):
    """A file that cannot be read, built or written (a full disk, a broken template); exit 2,
    as for render, whatever the command."""

    exit_code = 2


def _remember_year(ctx: click.Context, _: click.Parameter, value: int | None) -> None:
    if value is not None:
        ctx.meta["zhengwu.year"] = value


def checklist_option(func: F) -> F:
    func = click.option(
        "--year",
        "-y",
        type=click.IntRange(2000, 2100),
        metavar="YEAR",
        expose_value=False,
        callback=_remember_year,
        help=N_(
            "The plan year: use checklists/YEAR.yaml of this folder [default: the newest "
            "there is]; a year it lacks is an error."
        ),
    )(func)
    return click.option(
        "--checklist",
        "-c",
        "checklist_path",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help=N_(
            "Checklist YAML [default: ./checklists/YEAR.yaml; the bundled one only where "
            "this folder has no checklists/ folder]."
        ),
    )(func)


def output_options(
    formats: Sequence[str] = (),
    *,
    default: str | None = None,
    format_help: str | None = None,
    output_help: str | None = None,
    force_help: str = N_("Replace FILE if it exists."),
    short: Literal["format", "force"] | None = "format",
    output_type: click.Path | None = None,
) -> Callable[[F], F]:
    """The output options, declared once: `--format/-f FMT` (passed as `fmt`) when `formats`
    are given, and `--output/-o FILE` with `--force` (passed as `output`, `force`) when
    `output_help` is given. `short` says which of --format and --force takes -f. Help texts
    are `N_()` texts, translated when shown.

    @output_options(["text", "json"], default="text", output_help=N_("Write to FILE."))
    def cmd(fmt: str, output: Path | None, force: bool, ...): ...
    """
    options: list[Callable[[F], F]] = []
    if formats:
        options.append(
            click.option(
                "--format",
                *(["-f"] if short == "format" else []),
                "fmt",
                type=click.Choice(list(formats)),
                default=default or formats[0],
                show_default=True,
                help=format_help,
            )
        )
    if output_help is not None:
        options.append(
            click.option(
                "--output",
                "-o",
                type=output_type or click.Path(path_type=Path, dir_okay=False),
                default=None,
                help=output_help,
            )
        )
        options.append(
            click.option(
                "--force", *(["-f"] if short == "force" else []), is_flag=True, help=force_help
            )
        )

    def decorate(func: F) -> F:
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


def checklist_path(given: Path | None) -> Path:
    """The checklist a command reads: --checklist, else ./checklists/YEAR.yaml, else (with no
    checklists/ folder here) the bundled one — said on standard error, since it is not the
    user's own file. A year the folder lacks is an error naming what is there."""
    from ..resources import NoChecklist, find_checklist

    if given is not None:
        return given
    ctx = click.get_current_context(silent=True)
    year = ctx.meta.get("zhengwu.year") if ctx is not None else None
    try:
        choice = find_checklist(year)
    except NoChecklist as error:
        raise UsageFailure(str(error)) from None
    said = ctx.find_root().meta if ctx is not None else {}
    if choice.bundled and not said.get("zhengwu.said-bundled"):
        said["zhengwu.said-bundled"] = True  # once per command, however often it is asked
        click.echo(
            _(
                "Reading {path} (bundled with zhengwu; this folder has no checklists/ folder)."
            ).format(path=choice.path),
            err=True,
        )
    return choice.path


def problem_line(problem: Problem) -> str:
    """A problem as a person reads it: `path:line:col: [警告] message（ZW612）` in Chinese (the
    severity and the code as lint's standard format says them), the parsable line in English."""
    from ..lint.format import SEVERITY_WORDS
    from ..names import printable

    where = f"{problem.path}:{problem.line}:{problem.col}"
    line = _("{where}: [{severity}] {message} ({code})").format(
        where=where,
        severity=_(SEVERITY_WORDS[problem.severity]),
        message=problem.message,
        code=problem.code,
    )
    return printable(line)


def print_problems(problems: list[Problem]) -> None:
    from ..names import printable

    for problem in problems:
        click.echo(problem_line(problem), err=True)
        if problem.hint:
            click.echo(f"    → {printable(problem.hint)}", err=True)


UNREADABLE = "ZW000"  # the file itself cannot be read: missing, a folder, no permission


def fail_load(problems: list[Problem], registry: Path | None = None) -> NoReturn:
    """Print the problems and exit 2, saying which file failed: the checklist, or the unit
    `registry` its meta.registry names."""
    print_problems(problems)
    if registry is not None:
        click.echo(
            _(
                "Error: the unit registry {path} (meta.registry of the checklist) could not be "
                "loaded; fix the lines above (`zhengwu lint` shows every problem)."
            ).format(path=registry),
            err=True,
        )
        sys.exit(2)
    if problems and all(p.code == UNREADABLE for p in problems):
        said = _("Error: the checklist could not be loaded; check its name and folder (above).")
    else:
        said = _(
            "Error: the checklist could not be loaded; fix the lines above "
            "(`zhengwu lint` shows every problem)."
        )
    click.echo(said, err=True)
    sys.exit(2)


def load_checklist(given: Path | None) -> Loaded:
    """Load the checklist or exit 2 with each problem at its file:line:col."""
    from ..load import LoadError, load

    try:
        return load(checklist_path(given))
    except LoadError as error:
        fail_load(error.problems, error.registry)
