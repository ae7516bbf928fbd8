"""Ledger findings (ZW601–ZW607) as Problems at the entry's line and column; their names, levels
and meanings are in codes.py (`zhengwu rules ZW6`).

The report window ends on 3月31日 of the next year, the last day a government may publish its
政府信息公开工作年度报告 (条例第四十九条). A `waive:` on the entry (or the ledger) with the code or
name accepts a finding, as in the checklist (one engine: zhengwu_cli.waivers).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..i18n import _, join
from ..model import Checklist
from ..positions import Positions
from ..problems import Problem, Severity
from ..query import expand, named_assignments
from ..units import Registry
from ..waivers import Waivers
from .codes import CODES as LEDGER_CODES
from .model import Entry, Ledger, Status

CODES: dict[str, tuple[str, Severity]] = {
    code: (name, severity) for code, (name, severity, _) in LEDGER_CODES.items()
}

Finding = tuple[str, tuple[str | int, ...], str, str | None]  # code, model path, message, hint


def report_window(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year + 1, 3, 31)


def _entry(index: int, entry: Entry, checklist: Checklist, registry: Registry) -> Iterator[Finding]:
    at: tuple[str | int, ...] = ("entries", index)
    found = checklist.indicator(entry.indicator)
    if found is None:
        last = max((i.number for _, _, i in checklist.indicators()), default=0)
        yield (
            "ZW601",
            (*at, "indicator"),
            _("indicator {number} is not in the checklist (it has 1–{last})").format(
                number=entry.indicator, last=last
            ),
            _("check the number against `zhengwu list`"),
        )
    if entry.unit is not None:
        canonical = registry.canonical(entry.unit)
        if canonical is None:
            from ..names import did_you_mean, printable

            hint = did_you_mean(entry.unit, registry.suggest(entry.unit), registry.canonical)
            yield (
                "ZW602",
                (*at, "unit"),
                _("unknown unit “{name}”").format(name=printable(entry.unit)),
                hint or _("`zhengwu units` lists the known units"),
            )
        elif found is not None:
            named = named_assignments(found[2], registry)
            holders = {a.unit for a in named} | {a.unit for a in expand(named, registry)}
            if canonical not in holders:
                yield (
                    "ZW603",
                    (*at, "unit"),
                    _("{unit} holds no role for indicator {number}").format(
                        unit=entry.unit, number=entry.indicator
                    ),
                    _("check the indicator number, or waive ZW603 with the reason"),
                )
    if entry.measure is not None and found is not None:
        numbers = [m.number for m in checklist.effective_measures(found[2])]
        if entry.measure not in numbers:
            shown = join(f"（{n}）" for n in numbers) or _("none")
            yield (
                "ZW604",
                (*at, "measure"),
                _(
                    "measure （{measure}） is not one of indicator {number}'s measures ({measures})"
                ).format(measure=entry.measure, number=entry.indicator, measures=shown),
                _("fix the number or drop `measure:`"),
            )
    year = checklist.meta.year
    start, end = report_window(year)
    if entry.date is not None and not start <= entry.date <= end:
        yield (
            "ZW605",
            (*at, "date"),
            _("the date {date} lies outside {year} and its report window ({start} – {end})").format(
                date=entry.date.isoformat(),
                year=year,
                start=start.isoformat(),
                end=end.isoformat(),
            ),
            _("check the year of the date"),
        )
    if entry.status is Status.done and not entry.evidence:
        yield (
            "ZW606",
            (*at, "status"),
            _("indicator {number} is 已完成 without evidence").format(number=entry.indicator),
            _("add `evidence:` — a link or what 可检视成果 was produced"),
        )


def _findings(ledger: Ledger, checklist: Checklist, registry: Registry) -> Iterator[Finding]:
    if ledger.year != checklist.meta.year:
        yield (
            "ZW607",
            ("year",),
            _("the ledger is for {ledger_year}, the checklist for {checklist_year}").format(
                ledger_year=ledger.year, checklist_year=checklist.meta.year
            ),
            _("give the ledger of the same year with --ledger"),
        )
    if ledger.place is not None and ledger.place != checklist.meta.place:
        yield (
            "ZW607",
            ("place",),
            _("the ledger is for {ledger_place}, the checklist for {checklist_place}").format(
                ledger_place=ledger.place, checklist_place=checklist.meta.place
            ),
            _("give the ledger of the same checklist with --ledger"),
        )
    for index, entry in enumerate(ledger.entries):
        yield from _entry(index, entry, checklist, registry)


def check_ledger(
    ledger: Ledger,
    positions: Positions,
    checklist: Checklist,
    registry: Registry,
    waivers: Waivers | None = None,
) -> list[Problem]:
    """Every ledger finding not waived, sorted by line and column (`waivers`: the ledger's, when
    the caller wants to know afterwards which of them accepted something)."""
    problems = []
    waivers = waivers or Waivers(ledger)
    for code, at, message, hint in _findings(ledger, checklist, registry):
        name, severity = CODES[code]
        if waivers.covers(code, name, at):
            continue
        line, col = positions.of(at)
        problems.append(Problem(positions.path, line, col, code, name, severity, message, hint, at))
    return sorted(problems)
