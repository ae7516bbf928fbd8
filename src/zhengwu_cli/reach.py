"""Which indicators reach no unit's task sheet, and why.

An indicator reaches a unit when its 责任单位 names a current unit of the registry, or a group
with at least one current member. One that reaches nobody lands on no sheet of `render --all` and
is never done unless the office notices; `render` and `status` say which and why:

- `no-unit`: the 责任单位 cell is empty and nothing above carries into it (origin: missing);
- `empty-group`: it names only groups whose members the registry does not list;
- `ended`: it names only units that no longer exist (`ended:` in the registry);
- `unknown`: it names only names the registry does not know (`zhengwu lint` says which).

A row may have several of the last three at once; each is listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum

from .i18n import _
from .model import Checklist, Column, Indicator, Origin
from .query import named_assignments
from .units import Registry


class Why(str, Enum):
    no_unit = "no-unit"
    empty_group = "empty-group"
    ended = "ended"
    unknown = "unknown"


@dataclass(frozen=True)
class Unreached:
    """One indicator no unit receives, with the reasons and the names behind them."""

    number: int
    reasons: tuple[Why, ...]
    names: tuple[str, ...] = field(default=())  # the groups / ended / unknown names it gives


def reasons_of(indicator: Indicator, registry: Registry) -> Unreached | None:
    """Why this indicator reaches no unit; None when it reaches at least one."""
    if indicator.units.origin is Origin.missing or not indicator.units.roles:
        return Unreached(indicator.number, (Why.no_unit,))
    reasons: list[Why] = []
    names: list[str] = []
    for assignment in named_assignments(indicator, registry):
        name = assignment.unit
        group = registry.group(name)
        unit = registry.unit(name)
        if group is not None:
            if any(not member.ended for member in registry.members(group)):
                return None
            why = Why.empty_group
        elif unit is not None:
            if not unit.ended:
                return None
            why = Why.ended
        else:
            why = Why.unknown
        if why not in reasons:
            reasons.append(why)
        if name not in names:
            names.append(name)
    return Unreached(indicator.number, tuple(reasons), tuple(names))


def unreached(checklist: Checklist, registry: Registry) -> list[Unreached]:
    """Every indicator that reaches no unit, in checklist order.

    A table without a 责任单位 column (meta.columns) assigns nothing by design: empty list.
    """
    if not checklist.has(Column.units):
        return []
    found = (reasons_of(indicator, registry) for _, _, indicator in checklist.indicators())
    return [item for item in found if item is not None]


def by_reason(items: Sequence[Unreached]) -> list[tuple[Why, list[Unreached]]]:
    """The items grouped by their first reason, in the order of Why."""
    groups: dict[Why, list[Unreached]] = {}
    for item in items:
        groups.setdefault(item.reasons[0], []).append(item)
    return [(why, groups[why]) for why in Why if why in groups]


def describe(items: Sequence[Unreached], checklist: str, registry: str) -> list[str]:
    """One line per reason: the indicators and what the office does about them
    (`checklist` and `registry`: the file names to point at)."""
    lines = []
    for why, group in by_reason(items):
        numbers = "、".join(str(item.number) for item in group)
        names = "、".join(dict.fromkeys(name for item in group for name in item.names))
        if why is Why.no_unit:
            text = _(
                "no 责任单位 (the source cell is empty); name the unit in {checklist} "
                "(each such row's note says how)"
            ).format(checklist=checklist)
        elif why is Why.empty_group:
            text = _(
                "only groups without members ({names}); list their members in {registry}"
            ).format(names=names, registry=registry)
        elif why is Why.ended:
            text = _(
                "only units that no longer exist ({names}); name the unit that took over"
            ).format(names=names)
        else:
            text = _("only names not in the registry ({names}); `zhengwu lint` says which").format(
                names=names
            )
        lines.append(_("{numbers}: {text}").format(numbers=numbers, text=text))
    return lines
