"""Pure queries over a loaded checklist: who is responsible for what, and filters on rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from .deadlines import Deadline, DeadlineError, Phrase, parse_deadline
from .i18n import _, join
from .model import ROLE_ORDER, Checklist, Column, Goal, Indicator, Measure, Role, Task
from .numerals import chinese_to_int
from .units import Registry, UnitKind


class QueryError(ValueError):
    """A filter a user gave that cannot be applied (unknown unit, bad date …)."""


@dataclass(frozen=True)
class Assignment:
    """One unit's responsibility for one indicator."""

    unit: str  # the name as it stands in the registry (a unit, or a group when not expanded)
    role: Role
    via: str | None = None  # the group through which the unit is reached
    duty: str | None = None
    # the open end the source adds after this unit (…市税务局等市有关单位): on the last unit
    # of its line, as the row names it (and on the members a group reaches through it)
    etc: str | None = None


@dataclass
class Row:
    """One indicator with its context, as list and render show it."""

    goal: Goal
    task: Task
    indicator: Indicator
    measures: list[Measure]
    deadline: Deadline | None
    named: list[Assignment]  # the units and groups the row names, not expanded (with `etc`)
    roles: list[Assignment] = field(default_factory=list)  # the queried unit's roles, if any
    # `named` with its groups replaced by their members, worked out once per registry (roles_of)
    _expanded: tuple[Registry, list[Assignment]] | None = field(
        default=None, repr=False, compare=False
    )

    @property
    def number(self) -> int:
        return self.indicator.number


def named_assignments(indicator: Indicator, registry: Registry) -> list[Assignment]:
    result: list[Assignment] = []
    for line in indicator.units.roles:
        for index, ref in enumerate(line.units):
            name = registry.canonical(ref.unit) or ref.unit
            etc = line.etc if index == len(line.units) - 1 else None
            result.append(Assignment(name, line.role, None, ref.duty, etc))
    return result


def expand(assignments: Iterable[Assignment], registry: Registry) -> list[Assignment]:
    """Replace each group by its member units (keeping the group in `via`)."""
    result: list[Assignment] = []
    for item in assignments:
        group = registry.group(item.unit)
        if group is None:
            result.append(item)
            continue
        for member in registry.members(group):
            result.append(Assignment(member.name, item.role, group.name, item.duty, item.etc))
    return result


def deadline_of(indicator: Indicator, year: int, phrases: Sequence[Phrase] = ()) -> Deadline | None:
    if not indicator.deadline.text:
        return None
    try:
        return parse_deadline(indicator.deadline.text, year, phrases)
    except DeadlineError:
        return None


def rows(checklist: Checklist, registry: Registry) -> list[Row]:
    year = checklist.meta.year
    return [
        Row(
            goal,
            task,
            indicator,
            checklist.effective_measures(indicator),
            deadline_of(indicator, year, checklist.meta.deadline_phrases),
            named_assignments(indicator, registry),
        )
        for goal, task, indicator in checklist.indicators()
    ]


def resolve_unit(name: str, registry: Registry) -> str:
    """The canonical name for what a user typed; QueryError with suggestions if unknown."""
    canonical = registry.resolve(name)
    if canonical:
        return canonical
    from .names import did_you_mean, printable

    found = did_you_mean(name, registry.suggest(name), registry.canonical)
    if found:
        raise QueryError(
            _("unknown unit “{name}”; {suggestion} (`zhengwu units` lists them all)").format(
                name=printable(name), suggestion=found
            )
        )
    raise QueryError(
        _("unknown unit “{name}” (`zhengwu units` lists them all)").format(name=printable(name))
    )


def roles_of(row: Row, unit: str, registry: Registry, direct: bool = False) -> list[Assignment]:
    """The queried unit's assignments on a row: by name, or through a group it belongs to.

    A unit the row names itself holds the roles it is named with, and none through its groups:
    a 牵头 unit does not also 配合 itself through 市政府各部门 or 各科室."""
    own = [a for a in row.named if a.unit == unit]
    if own or direct or registry.group(unit) is not None:
        return own
    if row._expanded is None or row._expanded[0] is not registry:  # render --all asks per unit
        row._expanded = (registry, expand(row.named, registry))
    return own + [a for a in row._expanded[1] if a.unit == unit and a.via]


def is_county(unit: str, registry: Registry) -> bool:
    found = registry.unit(unit)
    return found is not None and found.kind is UnitKind.county


def due(row: Row, unit: str | None, registry: Registry) -> date | None:
    if row.deadline is None:
        return None
    return row.deadline.due_for(county=unit is not None and is_county(unit, registry))


def parse_date(text: str) -> date:
    """A day a person typed for a filter, in any form `dates.parse` reads (2022-06-30,
    2022年6月30日, 2022/6/30, 二〇二二年六月三十日 …); a year must be written."""
    from .dates import DateError, parse

    try:
        return parse(text)
    except DateError as error:
        raise QueryError(str(error)) from None


def parse_number(text: str, what: str) -> int:
    clean = text.strip().strip("（）()、.")
    try:
        return chinese_to_int(clean)
    except ValueError:
        raise QueryError(
            _("“{text}” is not a {what} number; write 二 or 2").format(text=text, what=what)
        ) from None


@dataclass
class Filters:
    units: list[str] = field(default_factory=list)  # canonical names
    direct: bool = False
    roles: list[Role] = field(default_factory=list)
    due_before: date | None = None
    due_after: date | None = None
    month: int | None = None
    deadline: str | None = None
    overdue_as_of: date | None = None
    goal: int | None = None
    task: int | None = None
    grep: str | None = None
    indicators: list[int] = field(default_factory=list)


def select(
    all_rows: list[Row],
    filters: Filters,
    registry: Registry,
    done: set[int] | None = None,
    event_due: dict[int, date] | None = None,
) -> list[Row]:
    """Rows that pass every filter (AND). `done` holds indicator numbers marked 已完成;
    `event_due` the dates relative deadlines fall on once their events have dates (台账)."""
    chosen: list[Row] = []
    for row in all_rows:
        if filters.indicators and row.number not in filters.indicators:
            continue
        roles: list[Assignment] = []
        if filters.units:
            for unit in filters.units:
                roles += roles_of(row, unit, registry, filters.direct)
            if filters.roles:
                roles = [a for a in roles if a.role in filters.roles]
            if not roles:
                continue
        elif filters.roles and not any(a.role in filters.roles for a in row.named):
            continue
        single = filters.units[0] if len(filters.units) == 1 else None
        when = due(row, single, registry)
        if event_due and row.number in event_due:
            when = min(when, event_due[row.number]) if when else event_due[row.number]
        if filters.due_before and (when is None or when > filters.due_before):
            continue
        if filters.due_after and (when is None or when < filters.due_after):
            continue
        if filters.month and (
            when is None
            or row.deadline is None
            or row.deadline.continuous
            or when.month != filters.month
        ):
            continue  # by the due date: 年底前, 12月底前 and 12月31日前 are all month 12
        if filters.deadline and (row.indicator.deadline.text or "").strip() != filters.deadline:
            continue
        if filters.overdue_as_of and (
            when is None or when >= filters.overdue_as_of or row.number in (done or set())
        ):
            continue
        if filters.goal and row.goal.index != filters.goal:
            continue
        if filters.task and row.task.index != filters.task:
            continue
        if filters.grep and not _matches(row, filters.grep):
            continue
        # a new Row: the same rows are selected again for other units (render --all)
        chosen.append(replace(row, roles=sorted(roles, key=lambda a: ROLE_ORDER.index(a.role))))
    return chosen


DEADLINE_FILTERS = ("due_before", "due_after", "month", "deadline", "overdue_as_of")


def check_filters(filters: Filters, checklist: Checklist) -> None:
    """QueryError for a filter the table cannot answer: a deadline filter on a table without
    a 完成时限 column (meta.columns), or --goal/--task on a level the table lacks or does not
    number, would match nothing whatever the values."""
    for level, wanted in ((Column.goal, filters.goal), (Column.task, filters.task)):
        numbered = any(
            (goal if level is Column.goal else task).number for goal, task in checklist.tasks()
        )
        if wanted and not (checklist.has(level) and numbered):
            if not checklist.has(level):
                text = _(
                    "--{option} {value}: this table's {level} has no such level, so there is "
                    "no number to filter by; try --grep TEXT"
                )
            else:
                text = _(
                    "--{option} {value}: this table's {level} does not number it, so there is "
                    "no number to filter by; try --grep TEXT"
                )
            raise QueryError(
                text.format(option=level.value, value=wanted, level=checklist.header(level))
            )
    if checklist.has(Column.deadline):
        return
    given = [name for name in DEADLINE_FILTERS if getattr(filters, name)]
    if given:
        options = join("--" + n.removesuffix("_as_of").replace("_", "-") for n in given)
        raise QueryError(
            _(
                "{options}: this table has no {column} column (meta.columns leaves out "
                "deadline), so no indicator has a deadline to filter by; leave the option out"
            ).format(options=options, column=checklist.header(Column.deadline))
        )


def _matches(row: Row, needle: str) -> bool:
    texts = [row.indicator.text, row.indicator.outcome.text or ""]
    texts += [m.text for m in row.measures]
    return any(needle in t for t in texts)


def units_with_rows(
    checklist: Checklist, registry: Registry, all_rows: list[Row] | None = None
) -> list[str]:
    """Every unit (not group) that has at least one row, in registry order."""
    if all_rows is None:
        all_rows = rows(checklist, registry)
    found: set[str] = set()
    for row in all_rows:
        for a in expand(row.named, registry):
            if registry.unit(a.unit) is not None:
                found.add(a.unit)
    return [u.name for u in registry.units if u.name in found and not u.ended]


# -- counts per unit and role (zhengwu units) -----------------------------------------------


@dataclass
class RoleCounts:
    """How many indicators a unit or group holds per role: named itself, or through a group."""

    direct: dict[Role, int] = field(default_factory=lambda: dict.fromkeys(ROLE_ORDER, 0))
    via: dict[Role, int] = field(default_factory=lambda: dict.fromkeys(ROLE_ORDER, 0))


def role_counts(all_rows: list[Row], registry: Registry) -> dict[str, RoleCounts]:
    """Counts for every unit and group of the registry (zero where it holds nothing).

    An indicator counts once per role: in `direct` when its row names the unit, else in `via`
    when a group the unit belongs to holds that role.
    """
    counts = {name: RoleCounts() for name in [u.name for u in registry.units]}
    counts.update({g.name: RoleCounts() for g in registry.groups})
    for row in all_rows:
        direct = {(a.unit, a.role) for a in row.named}
        named = {a.unit for a in row.named}  # a unit named itself holds nothing through a group
        expanded = expand(row.named, registry)
        via = {(a.unit, a.role) for a in expanded if a.via and a.unit not in named}
        for unit, role in direct:
            counts.setdefault(unit, RoleCounts()).direct[role] += 1
        for unit, role in via:
            counts.setdefault(unit, RoleCounts()).via[role] += 1
    return counts
