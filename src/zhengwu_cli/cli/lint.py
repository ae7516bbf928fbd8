"""`zhengwu lint`, `zhengwu rules`, `zhengwu schema`: parse, call zhengwu_cli.lint, print, exit."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..i18n import N_, _
from .common import UsageFailure
from .translate import Command

FORMATS = ["auto", "standard", "parsable", "json", "github"]


def _selectors(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


@click.command(cls=Command)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "-f",
    "format_",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help=N_("auto = github under GitHub Actions, else standard."),
)
@click.option("--strict", is_flag=True, default=None, help=N_("Fail on warnings too."))
@click.option(
    "--select",
    multiple=True,
    metavar="RULE",
    help=N_("Only these rules: codes, prefixes (ZW5) or names; repeatable."),
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="RULE",
    help=N_("Skip these rules (codes, prefixes or names)."),
)
@click.option(
    "--cache/--no-cache",
    "use_cache",
    default=None,
    help=N_(
        "Answer unchanged files from the cache of earlier results (off unless --cache or "
        "ZHENGWU_CACHE=1: pre-commit and CI lint changed files, which the cache cannot answer)."
    ),
)
def lint(
    paths: tuple[Path, ...],
    format_: str,
    strict: bool | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    use_cache: bool | None,
) -> None:
    """Check checklists for gaps and text defects (numbering, spaces, units, deadlines,
    punctuation…).

    A checklist, a unit registry or a progress ledger (台账). Each finding is reported at its
    file:line:col with its rule code (`zhengwu rules` lists them). A finding accepted by a
    person is waived in the YAML, on the object holding it:
    `waive: [{rule: ZW503, reason: 原表如此}]`. Settings: [tool.zhengwu.lint] in pyproject.toml.

    Exit codes: 0 nothing at the failing level (errors; warnings too with --strict),
    1 something is, 2 a file cannot be read or the command is misused.

    With --cache (or ZHENGWU_CACHE=1) results are kept (in $ZHENGWU_CACHE_DIR, else the user
    cache folder, which must be yours alone) and reused only while the checklist, its registry,
    the settings and zhengwu itself are unchanged.

    \b
    Example:
      zhengwu lint                              # the bundled (or ./checklists/) 2022 checklist
      zhengwu lint checklists/*.yaml --strict
      zhengwu lint draft.yaml --format parsable --ignore term-variant
    """
    from ..lint.config import ConfigError, cache_enabled, find_pyproject, read_config
    from ..lint.format import REPORTERS
    from ..lint.results import Options, UnknownRule
    from .common import checklist_path

    try:
        pyproject = find_pyproject()
        options = read_config(pyproject) if pyproject else Options()
    except ConfigError as error:
        raise UsageFailure(str(error)) from None
    if select:
        options.select = _selectors(select)
    options.ignore += _selectors(ignore)
    if strict is not None:
        options.strict = strict
    targets = list(paths) or [checklist_path(None)]
    try:
        if cache_enabled(use_cache):  # the cache's hashing and signing load only with it
            from ..lint.cache import LintCache, default_folder, lint_cached

            results = lint_cached(targets, options, LintCache(default_folder(), options))
        else:
            from ..lint.runner import lint_paths

            results = lint_paths(targets, options)
    except UnknownRule as error:
        raise UsageFailure(str(error)) from None
    click.echo(REPORTERS[format_](results), nl=False)
    if any(r.unreadable for r in results):
        sys.exit(2)
    sys.exit(1 if any(r.fails(options.failing) for r in results) else 0)


@click.command(cls=Command)
@click.argument("rule", required=False)
def rules(rule: str | None) -> None:
    """List the lint rules; given a code or a name, explain that rule (why, passing and
    failing examples).

    Every code zhengwu prints is listed: lint's rules, the ledger's (ZW6xx) and the warnings of
    `zhengwu collect` (ZW611–ZW624, marked "collect:").

    \b
    Example:
      zhengwu rules
      zhengwu rules ZW101
      zhengwu rules ascii-punctuation
      zhengwu rules ZW611                       # a warning of zhengwu collect
    """
    from ..lint.format import SEVERITY_WORDS
    from ..lint.results import UnknownRule
    from ..lint.rules import RULES, explain

    if rule is None:
        for r in RULES.values():
            severity = _(SEVERITY_WORDS[r.severity])
            click.echo(f"{r.code}  {r.name:<26} {severity:<8} {r.summary}")
        return
    try:
        found = explain(rule)
    except UnknownRule as error:
        raise UsageFailure(str(error)) from None
    for index, r in enumerate(found):
        if index:
            click.echo("\n" + "-" * 60 + "\n")
        severity = _(SEVERITY_WORDS[r.severity])
        heading = _("{code} {name} (default severity: {severity})")
        click.echo(heading.format(code=r.code, name=r.name, severity=severity) + "\n")
        click.echo(r.doc)


@click.command(cls=Command)
@click.option("--registry", is_flag=True, help=N_("The unit registry's schema instead."))
def schema(registry: bool) -> None:
    """Print the JSON Schema of a checklist (or with --registry of a unit registry), for
    editors to check against.

    \b
    Example:
      zhengwu schema > schema/checklist.schema.json
      zhengwu schema --registry > schema/registry.schema.json
    """
    from ..lint.schema import schema_text

    click.echo(schema_text("registry" if registry else "checklist"), nl=False)
