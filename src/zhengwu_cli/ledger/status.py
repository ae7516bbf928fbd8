"""Where each indicator stands on a date: its state, evidence, notes, who has not reported.

How entries decide (documented in docs/ledger.md, 由条目得出的完成情况):
- An entry is in effect from its `date`; an entry without one from the day it was collected
  (`collected`), else from 1 January of the plan year. Of the entries in effect on the as-of
  date, the last one per (indicator, unit, measure) is current.
- A row *reaches* the units it names and the members of the groups it names (query's rows and
  roles); a group is not a unit that reports, and a unit that ended reports no more.
- For one unit the row reaches: its own entries decide; without any, the entries for the
  indicator as a whole (no unit); without those, the unit has not reported (未报送).
- For the city: an entry for the whole indicator (no unit, no measure) decides. Otherwise the
  states of the units the row reaches: 已完成 only when every one of them has reported 已完成
  or 不适用 (all 不适用: 不适用); when some have not reported, what the others said but never
  已完成 (推进中 if they finished their part); nobody reported: 未报送. Entries of a unit the
  row does not reach never count for the city (a row that names no unit at all takes any
  unit's entries, there being nobody else to ask).
- Several entries together: 不适用 ones are left out unless all are 不适用; then 已完成 if all
  are 已完成, 未启动 if all are 未启动, else 推进中.
- Overdue: the deadline (a county's own where it differs) is before the as-of date and the
  state is 推进中, 未启动 or 未报送.
- Percentages round half up to one decimal (9/16 = 56.3%): `percent` is the one function.

Linear in the size of the table and the ledger: the entries are indexed once by indicator and
unit, the rows' reach once by unit; nothing scans all entries per row or all rows per unit.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from typing import TYPE_CHECKING

from ..deadlines import DeadlineError, parse_deadline
from ..i18n import _, join
from ..model import ROLE_ORDER, Checklist, Goal, Role
from ..problems import Problem, Severity
from ..query import Row, expand, rows
from ..units import Registry, UnitKind
from . import LedgerError
from .model import Entry, Ledger, Status

if TYPE_CHECKING:
    from .load import LoadedLedger

Key = tuple[int, str | None, int | None]


class State(str, Enum):
    """完成情况 as status and report count it: a reported status, or 未报送 (no entry)."""

    done = "已完成"
    in_progress = "推进中"
    not_started = "未启动"
    unreported = "未报送"
    not_applicable = "不适用"


STATE_ORDER = [
    State.done,
    State.in_progress,
    State.not_started,
    State.unreported,
    State.not_applicable,
]
UNFINISHED = (State.in_progress, State.not_started, State.unreported)


def percent(part: int, whole: int) -> Decimal:
    """part/whole in per cent, rounded half up to one decimal (9/16 → 56.3); 100 if whole is 0."""
    if not whole:
        return Decimal(100)
    value = Decimal(part) * 100 / Decimal(whole)
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def percent_text(part: int, whole: int) -> str:
    """The percentage as printed: 56.3, 20 (not 20.0), 100."""
    return f"{percent(part, whole)}".removesuffix(".0")


def state_of(status: Status) -> State:
    return State(status.value)


@dataclass
class IndicatorStanding:
    """One indicator as it stands, for the city or for one unit."""

    row: Row
    state: State
    entries: list[Entry]  # the current entries that decide it
    due: date | None
    overdue: bool
    unit: str | None = None  # the unit this is for; None: the city
    roles: list[Role] = field(default_factory=list)  # that unit's roles on the row
    parts: list[IndicatorStanding] = field(
        default_factory=list
    )  # city: each unit reached, as it stands
    own: bool = False  # one unit: its own entries decide (it has reported)
    covered: bool = False  # one unit: an entry for the whole indicator decides for it

    @property
    def number(self) -> int:
        return self.row.number

    @property
    def reported(self) -> bool:
        return self.state is not State.unreported

    @property
    def status(self) -> Status | None:
        """The reported status; None for 未报送."""
        return None if self.state is State.unreported else Status(self.state.value)

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
        return max(dates) if dates and self.state is State.done else None

    @property
    def reporters(self) -> list[str]:
        """The units whose entries decide it."""
        return list(dict.fromkeys(e.unit for e in self.entries if e.unit))

    @property
    def achieved_by(self) -> list[str]:
        """The units that reported it 已完成 (city: among those it reaches)."""
        if self.parts:
            return [p.unit or "" for p in self.parts if p.own and p.state is State.done]
        done = [e.unit for e in self.entries if e.unit and e.status is Status.done]
        return list(dict.fromkeys(done))

    @property
    def silent(self) -> list[str]:
        """City: the units the row reaches that have not reported."""
        return [p.unit or "" for p in self.parts if p.state is State.unreported]


@dataclass
class Tally:
    """Counts of indicators (or of one unit's rows) by state."""

    counts: dict[State, int] = field(default_factory=lambda: dict.fromkeys(STATE_ORDER, 0))
    overdue: int = 0
    reported: int = 0  # one unit's rows: those it has reported itself
    expected: int = 0  # one unit's rows: those it should report (not decided for the whole)

    def add(self, item: IndicatorStanding) -> None:
        self.counts[item.state] += 1
        self.overdue += item.overdue
        if item.unit is not None:
            self.reported += item.own
            self.expected += not item.covered

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        return self.counts[State.done]

    @property
    def applicable(self) -> int:
        return self.total - self.counts[State.not_applicable]

    @property
    def rate(self) -> str:
        """Share of applicable indicators completed, as printed (56.3); 100 when none applies."""
        return percent_text(self.done, self.applicable)

    @property
    def report_rate(self) -> str:
        """报送率 of one unit's rows: reported by the unit ÷ expected of it, as printed."""
        return percent_text(self.reported, self.expected)


@dataclass
class UnitStanding:
    """One unit's rows, each as that unit stands on it."""

    name: str
    tally: Tally
    items: list[IndicatorStanding]

    @property
    def missing(self) -> list[IndicatorStanding]:
        """The rows it has not reported (the chase list, 催报)."""
        return [p for p in self.items if p.state is State.unreported]


@dataclass
class Standing:
    """The whole picture on a date: every indicator in scope, by goal and by unit."""

    as_of: date
    unit: str | None
    items: list[IndicatorStanding]
    by_goal: list[tuple[Goal, Tally, list[IndicatorStanding]]]
    by_unit: list[UnitStanding]
    total: Tally

    @property
    def overdue(self) -> list[IndicatorStanding]:
        return [p for p in self.items if p.overdue]

    @property
    def expected(self) -> int:
        """(unit, row) pairs that should be reported."""
        return sum(u.tally.expected for u in self.by_unit)

    @property
    def reported(self) -> int:
        return sum(u.tally.reported for u in self.by_unit)

    @property
    def report_rate(self) -> str:
        """报送率 over every unit and row: reported ÷ expected, as printed."""
        return percent_text(self.reported, self.expected)

    @property
    def units_reported(self) -> list[str]:
        return [u.name for u in self.by_unit if u.tally.reported]

    @property
    def missing(self) -> list[UnitStanding]:
        """Per unit with something missing: the rows it has not reported."""
        return [u for u in self.by_unit if u.missing]


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


class _Names:
    """Registry look-ups remembered (the registry's own look-ups scan its lists on every call)."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._canonical: dict[str, str] = {}
        self._county: dict[str, bool] = {}
        self._units = {u.name: u for u in registry.units}

    def canonical(self, name: str) -> str:
        found = self._canonical.get(name)
        if found is None:
            found = self._canonical[name] = self.registry.canonical(name) or name
        return found

    def reporting(self, name: str) -> bool:
        """A unit that can report: in the registry, not a group, not ended."""
        unit = self._units.get(name)
        return unit is not None and not unit.ended

    def county(self, name: str | None) -> bool:
        if name is None:
            return False
        if name not in self._county:
            unit = self._units.get(name)
            self._county[name] = unit is not None and unit.kind is UnitKind.county
        return self._county[name]


def effective(entry: Entry, year: int) -> date:
    """The day an entry counts from: its date, else the day collected, else 1 January."""
    return entry.date or entry.collected or date(year, 1, 1)


def current_entries(ledger: Ledger, as_of: date, registry: Registry) -> dict[Key, Entry]:
    """The last entry per key among those in effect on `as_of`, unit names made canonical."""
    names = _Names(registry)
    return _current(ledger, as_of, names)


def _current(ledger: Ledger, as_of: date, names: _Names) -> dict[Key, Entry]:
    result: dict[Key, Entry] = {}
    for entry in ledger.entries:
        if effective(entry, ledger.year) > as_of:
            continue
        unit = names.canonical(entry.unit) if entry.unit else None
        if unit != entry.unit:
            entry = entry.model_copy(update={"unit": unit})
        result[(entry.indicator, unit, entry.measure)] = entry
    return result


class _Index:
    """The current entries by indicator and unit, and each row's reach, built once."""

    def __init__(
        self, checklist: Checklist, registry: Registry, ledger: Ledger, as_of: date
    ) -> None:
        self.names = _Names(registry)
        self.as_of = as_of
        self.rows = rows(checklist, registry)
        self.by_indicator: dict[int, dict[str | None, list[Entry]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for (number, unit, _measure), entry in _current(ledger, as_of, self.names).items():
            self.by_indicator[number][unit].append(entry)
        self.reach: dict[int, dict[str, list[Role]]] = {}
        members: dict[str, list[str]] = {}
        for row in self.rows:
            reached: dict[str, list[Role]] = {}
            for assignment in _expand(row, registry, members):
                if self.names.reporting(assignment.unit):
                    roles = reached.setdefault(assignment.unit, [])
                    if assignment.role not in roles:
                        roles.append(assignment.role)
            self.reach[row.number] = reached

    def entries(self, number: int) -> dict[str | None, list[Entry]]:
        return self.by_indicator.get(number, {})

    def due(self, row: Row, unit: str | None) -> date | None:
        when = row.deadline.due_for(self.names.county(unit)) if row.deadline else None
        relative = _relative(row, self.entries(row.number))
        if relative is not None:
            when = min(when, relative) if when else relative
        return when

    def for_unit(self, row: Row, unit: str) -> IndicatorStanding:
        mine = self.entries(row.number)
        own = mine.get(unit, [])
        deciding = own or mine.get(None, [])
        state = state_of(combine([e.status for e in deciding])) if deciding else State.unreported
        roles = sorted(self.reach[row.number].get(unit, []), key=ROLE_ORDER.index)
        item = self._item(row, state, list(deciding), unit, roles=roles)
        item.own, item.covered = bool(own), bool(deciding) and not own
        return item

    def for_city(self, row: Row, per_unit: list[IndicatorStanding]) -> IndicatorStanding:
        mine = self.entries(row.number)
        whole = [e for e in mine.get(None, []) if e.measure is None]
        if whole:
            state = state_of(combine([e.status for e in whole]))
            own = [e for p in per_unit if p.own for e in p.entries]  # their evidence and notes
            return self._item(row, state, whole + own, None, parts=per_unit)
        if not self.reach[row.number]:  # a row that names no unit: anyone's word counts
            deciding = [e for unit, found in mine.items() for e in found]
            deciding = [e for e in deciding if e.unit is None or self.names.reporting(e.unit)]
            state = (
                state_of(combine([e.status for e in deciding])) if deciding else State.unreported
            )
            return self._item(row, state, deciding, None)
        said = [p for p in per_unit if p.reported]
        deciding = list({id(e): e for p in said for e in p.entries}.values())
        if not said:
            state = State.unreported
        else:
            state = state_of(combine([s.status for s in said if s.status is not None]))
            if len(said) < len(per_unit):  # someone has not reported: never done
                if state is State.done:
                    state = State.in_progress
                elif state is State.not_applicable:
                    state = State.unreported
        return self._item(row, state, deciding, None, parts=per_unit)

    def _item(
        self,
        row: Row,
        state: State,
        entries: list[Entry],
        unit: str | None,
        roles: list[Role] | None = None,
        parts: list[IndicatorStanding] | None = None,
    ) -> IndicatorStanding:
        when = self.due(row, unit)
        late = when is not None and when < self.as_of and state in UNFINISHED
        return IndicatorStanding(row, state, entries, when, late, unit, roles or [], parts or [])


def _expand(row: Row, registry: Registry, cache: dict[str, list[str]]) -> list[_Reach]:
    """The row's assignments with each group replaced by its members (a group's members are
    worked out once per run)."""
    result: list[_Reach] = []
    for item in row.named:
        if item.unit not in cache:
            expanded = expand([item], registry)
            cache[item.unit] = [a.unit for a in expanded]
        result += [_Reach(name, item.role) for name in cache[item.unit]]
    return result


@dataclass(frozen=True)
class _Reach:
    unit: str
    role: Role


def _relative(row: Row, entries: dict[str | None, list[Entry]]) -> date | None:
    """The date a relative deadline (决策文件出台后的10个工作日内) falls on, once the 台账 gives
    the event's date: counted from the latest event recorded for the indicator."""
    text = row.indicator.relative_deadline
    if not text:
        return None
    events = [e.event_date for found in entries.values() for e in found if e.event_date]
    if not events:
        return None
    try:
        deadline = parse_deadline(text, max(events).year)
    except DeadlineError:
        return None  # lint reports it (ZW401)
    return deadline.after(max(events)) if deadline.days is not None else None


def standing(
    checklist: Checklist,
    registry: Registry,
    ledger: Ledger,
    as_of: date,
    unit: str | None = None,
) -> Standing:
    """Where every indicator (of one unit, or all) stands on `as_of`."""
    index = _Index(checklist, registry, ledger, as_of)
    per_unit: dict[str, list[IndicatorStanding]] = defaultdict(list)
    items: list[IndicatorStanding] = []
    for row in index.rows:
        reached = index.reach[row.number]
        mine = [index.for_unit(row, name) for name in reached]
        for one in mine:
            per_unit[one.unit or ""].append(one)
        if unit is None:
            items.append(index.for_city(row, mine))
        elif unit in reached:
            items.append(next(p for p in mine if p.unit == unit))

    total = Tally()
    by_goal: list[tuple[Goal, Tally, list[IndicatorStanding]]] = []
    goal_items: dict[int, list[IndicatorStanding]] = defaultdict(list)
    for item in items:
        goal_items[id(item.row.goal)].append(item)
    for goal in checklist.goals:
        found = goal_items.get(id(goal))
        if not found:
            continue
        tally = Tally()
        for item in found:
            tally.add(item)
            total.add(item)
        by_goal.append((goal, tally, found))

    order = [u.name for u in registry.units if u.name in per_unit]
    by_unit: list[UnitStanding] = []
    for name in [unit] if unit else order:
        tally = Tally()
        for item in per_unit.get(name, []):
            tally.add(item)
        by_unit.append(UnitStanding(name, tally, per_unit.get(name, [])))
    return Standing(as_of, unit, items, by_goal, by_unit, total)


def done_indicators(
    checklist: Checklist, registry: Registry, ledger: Ledger, as_of: date, unit: str | None = None
) -> set[int]:
    """The indicators 已完成 (for one unit, or for the city) on `as_of`."""
    found = standing(checklist, registry, ledger, as_of, unit)
    return {p.number for p in found.items if p.state is State.done}


def event_dues(
    checklist: Checklist, registry: Registry, ledger: Ledger, as_of: date
) -> dict[int, date]:
    """Per indicator, the date its relative deadline falls on (events recorded by `as_of`)."""
    index = _Index(checklist, registry, ledger, as_of)
    found = {row.number: _relative(row, index.entries(row.number)) for row in index.rows}
    return {number: when for number, when in found.items() if when is not None}


class GroupGiven(LedgerError):
    """A group (市政府各部门) was given as the unit: a group does not report, its units do."""


@dataclass
class Checked:
    """A ledger checked against the checklist, and (when it has no errors) where it stands."""

    problems: list[Problem]  # the ledger's findings (ZW6xx), errors and warnings
    standing: Standing | None  # None when the ledger has errors: it stands for nothing

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.error]


def ledger_standing(
    checklist: Checklist,
    registry: Registry,
    ledger: LoadedLedger,
    as_of: date,
    unit: str | None = None,
) -> Checked:
    """`zhengwu status` and `report` without their printing: the ledger checked (check.py), and
    where every indicator (of one unit, or all) stands on `as_of`. Raises GroupGiven for a
    group given as `unit` (its message names some of its units)."""
    from .check import check_ledger

    group = registry.group(unit) if unit else None
    if group is not None:
        members = [u.name for u in registry.members(group)[:3]]
        if members:
            message = _(
                "{group} is a group, not a unit that reports; give one of its units "
                "(e.g. {members})"
            )
        else:
            message = _("{group} is a group, not a unit that reports; give one of its units")
        raise GroupGiven(message.format(group=unit, members=join(members)))
    problems = check_ledger(ledger.ledger, ledger.positions, checklist, registry)
    if any(p.severity is Severity.error for p in problems):
        return Checked(problems, None)
    return Checked(problems, standing(checklist, registry, ledger.ledger, as_of, unit))
