"""What a lint run is asked (Options) and what it finds (Result): plain data, no pydantic, so the
CLI can read settings, answer from the cache and print without loading the checklist models."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..problems import Problem, Severity

if TYPE_CHECKING:
    from .rules import Rule


class UnknownRule(ValueError):
    """A rule code or name that no rule has."""


@dataclass
class Options:
    """Which rules run and what fails. Selectors are codes, code prefixes or names."""

    select: list[str] = field(default_factory=list)  # empty: every rule
    ignore: list[str] = field(default_factory=list)
    strict: bool = False  # fail on warnings too
    severity: dict[str, Severity] = field(default_factory=dict)  # code -> level override

    def rules(self) -> dict[str, Rule]:
        """The active rules; raises UnknownRule for a selector no rule matches."""
        from .rules import LINTED, RULES, lookup

        every = [r for r in RULES.values() if r.kind in LINTED]  # not collect's warnings
        chosen = [r for s in self.select for r in lookup(s)] if self.select else every
        dropped = {r.code for s in self.ignore for r in lookup(s)}
        for code in self.severity:
            lookup(code)
        return {r.code: r for r in chosen if r.code not in dropped}

    @property
    def failing(self) -> Severity:
        return Severity.warning if self.strict else Severity.error


@dataclass
class Result:
    """The findings for one file."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    waived: list[Problem] = field(default_factory=list)
    unreadable: bool = False  # the file could not be read at all (exit 2)
    # the files the findings were made from (the checklist, then its registry), resolved, with
    # the sha256 of the bytes read; empty when the checklist did not load (never cached then)
    sources: list[tuple[Path, str]] = field(default_factory=list, compare=False)

    def fails(self, level: Severity) -> bool:
        return any(p.severity.rank >= level.rank for p in self.problems)
