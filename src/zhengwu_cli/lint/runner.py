"""Run the rules over a file: read it once, tell what it is, load, check, stamp, waive, sort.

A file is read and parsed once (load.read_document); the keys at its top say whether it is a
checklist, a unit registry or a progress ledger (台账), and it is validated as that only. The
waivers of a checklist and of a ledger are applied by one engine (zhengwu_cli.waivers).

The runner, not the rule, stamps each finding with the rule's code, name and severity and with
the line and column of the YAML value it points at, so rules stay small and cannot drift.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..i18n import _
from ..load import Document, LoadError, load, load_model, read_document
from ..positions import Positions
from ..problems import Problem, Severity
from ..waivers import Waivers
from .context import Context, Finding
from .results import Options, Result
from .rules import RULES, Rule, lookup

__all__ = ["Options", "Result", "lint_file", "lint_paths"]


def _stale(waivers: Waivers, active: dict[str, Rule]) -> Iterator[Finding]:
    """ZW006: the waivers that name no rule, or accept nothing although their rule ran."""
    for owner, index, waiver, used in waivers:
        where = (*owner, "waive", index, "rule")
        try:
            rules = lookup(waiver.rule)
        except ValueError:
            yield Finding(
                where,
                _("the waiver names “{rule}”, which is no rule").format(rule=waiver.rule),
                _("write a rule code or name as `zhengwu rules` lists them"),
            )
            continue
        if not used and any(r.code in active for r in rules):
            yield Finding(
                where,
                _("the waiver of {rule} accepts nothing here (no such finding)").format(
                    rule=waiver.rule
                ),
                _("remove the waiver: the finding it accepted is gone"),
            )


def document_kind(parsed: Any) -> str:
    """checklist, registry or ledger, by the keys at the top of the file."""
    if isinstance(parsed, dict) and "goals" not in parsed:
        if "units" in parsed:
            return "registry"
        if "entries" in parsed and "year" in parsed:
            return "ledger"
    return "checklist"


def _ledger_checklist(path: Path, year: int) -> Path:
    """The checklist a ledger belongs to: ../checklists/YEAR.yaml beside progress/, else the
    default checklist of that year."""
    from ..resources import default_checklist

    beside = path.resolve().parent.parent / "checklists" / f"{year}.yaml"
    return beside if beside.is_file() else default_checklist(year)


def _waive(
    problems: list[Problem], waivers: Waivers, result: Result, active: dict[str, Rule]
) -> None:
    """Each finding of an active rule to result.problems, or to result.waived where a waiver
    accepts it."""
    for problem in problems:
        if problem.code in active and waivers.covers(problem.code, problem.name, problem.where):
            result.waived.append(problem)
        else:
            result.problems.append(problem)


def _lint_ledger(path: Path, document: Document, active: dict[str, Rule]) -> Result:
    from ..ledger.check import check_ledger
    from ..ledger.load import load_ledger
    from .rules._names import ledger_problems

    try:
        ledger = load_ledger(path, document)
        checklist = load(_ledger_checklist(path, ledger.ledger.year))
    except LoadError as error:
        return Result(str(path), error.problems)
    waivers = Waivers(ledger.ledger)
    found = check_ledger(
        ledger.ledger, ledger.positions, checklist.checklist, checklist.registry, waivers
    )
    result = Result(str(path), ledger.warnings + found)
    _waive(ledger_problems(str(path), ledger.ledger, ledger.positions), waivers, result, active)
    if "ZW006" in active:
        result.problems += [
            _stamp(ledger.positions, RULES["ZW006"], f) for f in _stale(waivers, active)
        ]
    return result


def _lint_registry(path: Path, document: Document) -> Result:
    from ..units import Registry
    from .rules._names import registry_problems

    try:
        registry, positions, problems = load_model(Registry, path, document=document)
    except LoadError as error:
        return Result(str(path), error.problems)
    return Result(str(path), problems + registry_problems(str(path), registry, positions))


def _filter(problems: list[Problem], options: Options, active: dict[str, Rule]) -> list[Problem]:
    """Loading problems obey --select/--ignore, except errors: a broken file always fails."""
    kept = []
    for problem in problems:
        if problem.code in active or problem.severity is Severity.error:
            level = options.severity.get(problem.code, problem.severity)
            if problem.severity is Severity.error:
                level = Severity.error
            kept.append(_restamp(problem, level))
    return kept


def _restamp(problem: Problem, severity: Severity) -> Problem:
    if problem.severity is severity:
        return problem
    return Problem(
        problem.path,
        problem.line,
        problem.col,
        problem.code,
        problem.name,
        severity,
        problem.message,
        problem.hint,
        problem.where,
    )


def _key(problem: Problem) -> tuple[str, int, int, str, str]:
    return (problem.path, problem.line, problem.col, problem.code, problem.message)


def _stamp(
    positions: Positions, rule: Rule, finding: Finding, severity: Severity | None = None
) -> Problem:
    """A rule's finding as a Problem at the line and column of the value it points at."""
    line, col = positions.of(finding.where)
    return Problem(
        positions.path,
        line,
        col,
        rule.code,
        rule.name,
        severity or rule.severity,
        finding.message,
        finding.hint,
        finding.where,
    )


def _lint_checklist(
    path: Path, document: Document, options: Options, active: dict[str, Rule]
) -> Result:
    try:
        loaded = load(path, document)
    except LoadError as error:
        return Result(str(path), error.problems)
    result = Result(str(path), list(loaded.warnings), sources=list(loaded.sources.items()))
    context = Context(loaded)
    waivers = Waivers(loaded.checklist, everywhere=[("meta",)])
    for rule in active.values():
        severity = options.severity.get(rule.code, rule.severity)
        for finding in rule.check(context):
            problem = _stamp(loaded.positions, rule, finding, severity)
            if waivers.covers(rule.code, rule.name, finding.where):
                result.waived.append(problem)
            else:
                result.problems.append(problem)
    if "ZW006" in active:
        rule = RULES["ZW006"]
        severity = options.severity.get(rule.code, rule.severity)
        result.problems += [
            _stamp(loaded.positions, rule, f, severity) for f in _stale(waivers, active)
        ]
    return result


def lint_file(path: Path, options: Options | None = None) -> Result:
    """All findings for one file: a checklist, a unit registry or a progress ledger (台账), told
    apart by the keys at its top before it is loaded, so the file is read once."""
    options = options or Options()
    active = options.rules()
    try:
        document = read_document(path)
    except LoadError as error:
        result = Result(str(path), error.problems)
    else:
        kind = document_kind(document.parsed)
        if kind == "registry":
            result = _lint_registry(path, document)
        elif kind == "ledger":
            result = _lint_ledger(path, document, active)
        else:
            result = _lint_checklist(path, document, options, active)
    result.unreadable = any(p.code == "ZW000" and p.path == str(path) for p in result.problems)
    result.problems = sorted(
        {_key(p): p for p in _filter(result.problems, options, active)}.values(), key=_key
    )
    result.waived.sort(key=_key)
    return result


def lint_paths(paths: Sequence[Path], options: Options | None = None) -> list[Result]:
    return [lint_file(path, options) for path in paths]
