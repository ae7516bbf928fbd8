"""Where each indicator stands on a date: its status, evidence, notes and whether it is overdue.

How entries decide an indicator's status (documented in docs/ledger.md):
- Only entries dated on or before the as-of date count (entries without a date always count);
  of those, the last one for each (indicator, unit, measure) is current.
- For one unit: its own entries decide; without any, an entry for the indicator as a whole does.
- Overall: an entry for the indicator as a whole (no unit, no measure) decides; without one,
  all units' entries together do, leaving out a unit's 不适用 (it speaks for that unit only).
- Several entries together: 不适用 ones are left out unless all are 不适用; then 已完成 if all
  are 已完成, 未启动 if all are 未启动, else 推进中. No entry at all: 未启动, not reported.
- Overdue: the deadline (a county's own where it differs) is before the as-of date and the
  status is neither 已完成 nor 不适用.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..deadlines import DeadlineError, parse_deadline
from ..model import Checklist, Goal
from ..query import Filters, Row, due, rows, select, units_with_rows
from ..units import Registry
from .model import STATUS_ORDER, Entry, Ledger, Status

Key = tuple[int, str | None, int | None]


@dataclass
class Progress:
    """One indicator as it stands, overall or for one unit."""

    row: Row
    status: Status
    entries: list[Entry]  # the current entries that decide it
    due: date | None
    overdue: bool

    @property
    def number(self) -> int:
        return self.row.number

    @property
    def reported(self) -> bool:
        return bool(self.entries)

    @property
    def evidence(self) -> list[str]:
        found = [e.evidence for e in self.entries if e.status is Status.done and e.evidence]
        return list(dict.fromkeys(found))

    @property
    def notes(self) -> list[str]:
        return list(dict.fromkeys(e.notes for e in self.entries if e.notes))

    @property
    def completed(self) -> date | None:
        dates = [e.date for e in self.entries if e.status is Status.done and e.date]
        return max(dates) if dates and self.status is Status.done else None

    @property
    def units(self) -> list[str]:
        return list(dict.fromkeys(e.unit for e in self.entries if e.unit))


@dataclass
class Tally:
    """Counts of indicators by status."""

    counts: dict[Status, int] = field(default_factory=lambda: dict.fromkeys(STATUS_ORDER, 0))
    overdue: int = 0

    def add(self, item: Progress) -> None:
        self.counts[item.status] += 1
        self.overdue += item.overdue

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        return self.counts[Status.done]

    @property
    def applicable(self) -> int:
        return self.total - self.counts[Status.not_applicable]

    @property
    def rate(self) -> float:
        """Share of applicable indicators completed, 0–1 (1 when nothing applies)."""
        return self.done / self.applicable if self.applicable else 1.0


@dataclass
class Standing:
    """The whole picture on a date: every indicator in scope, by goal and by unit."""

    as_of: date
    unit: str | None
    items: list[Progress]
    by_goal: list[tuple[Goal, Tally, list[Progress]]]
    by_unit: list[tuple[str, Tally]]
    total: Tally

    @property
    def overdue(self) -> list[Progress]:
        return [p for p in self.items if p.overdue]


def combine(statuses: list[Status]) -> Status:
    applicable = [s for s in statuses if s is not Status.not_applicable]
    if not statuses:
        return Status.not_started
    if not applicable:
        return Status.not_applicable
    if all(s is Status.done for s in applicable):
        return Status.done
    if all(s is Status.not_started for s in applicable):
        return Status.not_started
    return Status.in_progress


def current_entries(ledger: Ledger, as_of: date, registry: Registry) -> dict[Key, Entry]:
    """The last entry per key among those in effect on `as_of`, unit names made canonical."""
    result: dict[Key, Entry] = {}
    for entry in ledger.entries:
        if entry.date is not None and entry.date > as_of:
            continue
        unit = registry.canonical(entry.unit) or entry.unit if entry.unit else None
        result[(entry.indicator, unit, entry.measure)] = entry.model_copy(update={"unit": unit})
    return result


def _deciding(number: int, current: dict[Key, Entry], unit: str | None) -> list[Entry]:
    mine = [e for k, e in current.items() if k[0] == number]
    whole = [e for e in mine if e.unit is None]
    if unit is not None:
        return [e for e in mine if e.unit == unit] or whole
    units = [e for e in mine if e.status is not Status.not_applicable or e.unit is None]
    return [e for e in whole if e.measure is None] or units


def relative_due(row: Row, current: dict[Key, Entry]) -> date | None:
    """The date a relative deadline (决策文件出台后的10个工作日内) falls on, once the 台账 gives
    the event's date: counted from the latest event recorded for the indicator."""
    text = row.indicator.relative_deadline
    events = [e.event_date for k, e in current.items() if k[0] == row.number and e.event_date]
    if not text or not events:
        return None
    try:
        deadline = parse_deadline(text, max(events).year)
    except DeadlineError:
        return None  # lint reports it (ZW401)
    return deadline.after(max(events)) if deadline.days is not None else None


def progress_of(
    row: Row, current: dict[Key, Entry], unit: str | None, as_of: date, registry: Registry
) -> Progress:
    deciding = _deciding(row.number, current, unit)
    status = combine([e.status for e in deciding])
    when = due(row, unit, registry)
    relative = relative_due(row, current)
    if relative is not None:
        when = min(when, relative) if when else relative
    late = when is not None and when < as_of and status in (Status.not_started, Status.in_progress)
    return Progress(row, status, deciding, when, late)


def standing(
    checklist: Checklist,
    registry: Registry,
    ledger: Ledger,
    as_of: date,
    unit: str | None = None,
) -> Standing:
    """Where every indicator (of one unit, or all) stands on `as_of`."""
    scope = rows(checklist, registry)  # own rows: select() sets each row's roles
    if unit:
        scope = select(scope, Filters(units=[unit]), registry)
    all_rows = rows(checklist, registry)
    current = current_entries(ledger, as_of, registry)
    items = [progress_of(row, current, unit, as_of, registry) for row in scope]

    total = Tally()
    by_goal: list[tuple[Goal, Tally, list[Progress]]] = []
    for goal in checklist.goals:
        mine = [p for p in items if p.row.goal is goal]
        if not mine:
            continue
        tally = Tally()
        for item in mine:
            tally.add(item)
            total.add(item)
        by_goal.append((goal, tally, mine))

    units = [unit] if unit else units_with_rows(checklist, registry, all_rows)
    by_unit: list[tuple[str, Tally]] = []
    for name in units:
        tally = Tally()
        for row in select(all_rows, Filters(units=[name]), registry):
            tally.add(progress_of(row, current, name, as_of, registry))
        by_unit.append((name, tally))
    return Standing(as_of, unit, items, by_goal, by_unit, total)


def done_indicators(
    checklist: Checklist, registry: Registry, ledger: Ledger, as_of: date, unit: str | None = None
) -> set[int]:
    """The indicators marked 已完成 (for one unit, or as a whole) on `as_of`."""
    current = current_entries(ledger, as_of, registry)
    return {
        row.number
        for row in rows(checklist, registry)
        if progress_of(row, current, unit, as_of, registry).status is Status.done
    }


def event_dues(
    checklist: Checklist, registry: Registry, ledger: Ledger, as_of: date
) -> dict[int, date]:
    """Per indicator, the date its relative deadline falls on (events recorded by `as_of`)."""
    current = current_entries(ledger, as_of, registry)
    found = {row.number: relative_due(row, current) for row in rows(checklist, registry)}
    return {number: when for number, when in found.items() if when is not None}
