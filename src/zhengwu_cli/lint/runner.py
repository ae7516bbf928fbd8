"""Run the rules over checklist files: load, check, stamp, waive, sort.

The runner, not the rule, stamps each finding with the rule's code, name and severity and with
the line and column of the YAML value it points at, so rules stay small and cannot drift.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..model import Waiver
from ..problems import Problem, Severity
from .context import Context, Finding, Where
from .results import Options, Result
from .rules import RULES, Rule, lookup

__all__ = ["Options", "Result", "lint_file", "lint_paths"]


def _waivers(obj: Any, at: Where = ()) -> Iterator[tuple[Where, int, Waiver]]:
    """Every waiver in the model, with the path of the object that holds it."""
    if isinstance(obj, BaseModel):
        for index, waiver in enumerate(getattr(obj, "waive", None) or []):
            if isinstance(waiver, Waiver):
                yield at, index, waiver
        for name in type(obj).model_fields:
            if name != "waive":
                yield from _waivers(getattr(obj, name), (*at, name))
    elif isinstance(obj, list):
        for index, item in enumerate(obj):
            yield from _waivers(item, (*at, index))


def _matches(waiver: Waiver, rule: Rule) -> bool:
    key = waiver.rule.strip()
    return key == rule.name or key.upper() == rule.code


class _Waivers:
    def __init__(self, loaded_model: BaseModel) -> None:
        self.by_owner: dict[Where, list[tuple[int, Waiver]]] = {}
        for owner, index, waiver in _waivers(loaded_model):
            self.by_owner.setdefault(owner, []).append((index, waiver))
        self.used: set[tuple[Where, int]] = set()

    def covers(self, rule: Rule, where: Where) -> bool:
        """A waiver on the object holding the finding or on any object around it, or on meta."""
        owners = [where[:n] for n in range(len(where), -1, -1)] + [("meta",)]
        for owner in owners:
            for index, waiver in self.by_owner.get(owner, []):
                if _matches(waiver, rule):
                    self.used.add((owner, index))
                    return True
        return False

    def stale(self, active: dict[str, Rule]) -> Iterator[Finding]:
        for owner, entries in self.by_owner.items():
            for index, waiver in entries:
                where = (*owner, "waive", index, "rule")
                try:
                    rules = lookup(waiver.rule)
                except ValueError:
                    yield Finding(
                        where,
                        f"the waiver names “{waiver.rule}”, which is no rule",
                        "write a rule code or name as `zhengwu rules` lists them",
                    )
                    continue
                if (owner, index) not in self.used and any(r.code in active for r in rules):
                    yield Finding(
                        where,
                        f"the waiver of {waiver.rule} accepts nothing here (no such finding)",
                        "remove the waiver: the finding it accepted is gone",
                    )


def _document_kind(path: Path) -> str:
    """checklist, registry or ledger, by the keys at the top of the file."""
    from ..load import LoadError, parse_yaml, read_text

    try:
        data, _ = parse_yaml(read_text(path)[0], str(path))
    except LoadError:
        return "checklist"
    if isinstance(data, dict) and "goals" not in data:
        if "units" in data:
            return "registry"
        if "entries" in data and "year" in data:
            return "ledger"
    return "checklist"


def _ledger_checklist(path: Path, year: int) -> Path:
    """The checklist a ledger belongs to: ../checklists/YEAR.yaml beside progress/, else the
    default checklist of that year."""
    from ..resources import default_checklist

    beside = path.resolve().parent.parent / "checklists" / f"{year}.yaml"
    return beside if beside.is_file() else default_checklist(year)


def _lint_ledger(path: Path) -> list[Problem]:
    from ..ledger.check import check_ledger
    from ..ledger.load import load_ledger
    from ..load import LoadError, load

    try:
        ledger = load_ledger(path)
        checklist = load(_ledger_checklist(path, ledger.ledger.year))
    except LoadError as error:
        return error.problems
    found = check_ledger(ledger.ledger, ledger.positions, checklist.checklist, checklist.registry)
    from .rules._names import ledger_problems

    return ledger.warnings + found + ledger_problems(str(path), ledger.ledger, ledger.positions)


def _load_failure(path: Path, problems: list[Problem]) -> Result:
    from ..load import LoadError, load_model
    from ..units import Registry

    if any(p.code == "ZW002" for p in problems):
        kind = _document_kind(path)
        if kind == "registry":
            try:
                registry, positions, problems = load_model(Registry, path)  # a registry, valid
                from .rules._names import registry_problems

                problems += registry_problems(str(path), registry, positions)
            except LoadError as error:
                problems = error.problems
        elif kind == "ledger":
            problems = _lint_ledger(path)
    unreadable = any(p.code == "ZW000" and p.path == str(path) for p in problems)
    return Result(str(path), list(problems), unreadable=unreadable)


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


def lint_file(path: Path, options: Options | None = None) -> Result:
    """All findings for one checklist file (a unit registry is only checked against its schema)."""
    from ..load import LoadError, load

    options = options or Options()
    active = options.rules()
    try:
        loaded = load(path)
    except LoadError as error:
        result = _load_failure(path, error.problems)
        result.problems = sorted(_filter(result.problems, options, active), key=_key)
        return result
    result = Result(
        str(path),
        _filter(loaded.warnings, options, active),
        sources=list(loaded.sources.items()),
    )
    context = Context(loaded)
    waivers = _Waivers(loaded.checklist)

    def stamp(rule: Rule, finding: Finding) -> Problem:
        line, col = loaded.positions.of(finding.where)
        severity = options.severity.get(rule.code, rule.severity)
        return Problem(
            str(path),
            line,
            col,
            rule.code,
            rule.name,
            severity,
            finding.message,
            finding.hint,
            finding.where,
        )

    for rule in active.values():
        for finding in rule.check(context):
            problem = stamp(rule, finding)
            if waivers.covers(rule, finding.where):
                result.waived.append(problem)
            else:
                result.problems.append(problem)
    if "ZW006" in active:
        result.problems += [stamp(RULES["ZW006"], f) for f in waivers.stale(active)]
    result.problems = sorted({_key(p): p for p in result.problems}.values(), key=_key)
    result.waived.sort(key=_key)
    return result


def lint_paths(paths: Sequence[Path], options: Options | None = None) -> list[Result]:
    return [lint_file(path, options) for path in paths]
