"""The row filters `zhengwu list` and `zhengwu render` share: declared once, read once.

@filter_options()                      # --unit --direct --role --due-before … --grep
def list_(..., **filter_values): ...
filters = parse_filters(filter_values)               # UsageFailure on a bad value
filters.units = resolve_units(names, registry)      # UsageFailure with suggestions
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..i18n import N_, _
from .common import UsageFailure

if TYPE_CHECKING:
    from ..model import Role
    from ..query import Filters
    from ..units import Registry

F = TypeVar("F", bound=Callable[..., Any])


def filter_options(short_task: bool = True) -> Callable[[F], F]:
    """The filter options; `short_task=False` leaves -t to the command (render's --template)."""
    task_names = ["--task", "-t"] if short_task else ["--task"]
    options = [
        click.option(
            "--unit",
            "-u",
            "units",
            multiple=True,
            metavar="NAME",
            help=N_(
                "A unit or group (canonical name, short name or alias); repeatable "
                "(render: a sheet for each)."
            ),
        ),
        click.option(
            "--direct",
            is_flag=True,
            help=N_("Only rows that name the unit itself, not a group it belongs to."),
        ),
        click.option(
            "--role",
            "-r",
            "roles",
            multiple=True,
            metavar="ROLE",
            help=N_("牵头, 负责, 配合, 落实, 推动 or 共同 (co-responsible); repeatable."),
        ),
        click.option(
            "--due-before",
            metavar="DATE",
            help=N_("Due on or before DATE (2022-06-30 or 2022年6月30日)."),
        ),
        click.option("--due-after", metavar="DATE", help=N_("Due on or after DATE.")),
        click.option(
            "--month",
            metavar="MONTH",
            help=N_("Due in that month (6 or 六), by date: 12 includes “年底前”."),
        ),
        click.option(
            "--deadline",
            metavar="TEXT",
            help=N_("Deadline written exactly so, e.g. “贯穿全年” or “按照年报发布时间”."),
        ),
        click.option(
            "--overdue", is_flag=True, help=N_("Deadline passed by --as-of (default today).")
        ),
        click.option(
            "--as-of", metavar="DATE", help=N_("The day --overdue counts from [default: today].")
        ),
        click.option(
            "--goal",
            "-g",
            metavar="N",
            help=N_("The top level's number (e.g. “二、” of a 目标): 二 or 2."),
        ),
        click.option(
            *task_names,
            metavar="N",
            help=N_("The second level's number (e.g. “（十一）” of a 主要任务): 十一 or 11."),
        ),
        click.option(
            "--grep", metavar="TEXT", help=N_("Text in the indicator, its measures or outcome.")
        ),
    ]

    def decorate(func: F) -> F:
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


def role(text: str) -> Role:
    from ..model import Role

    wanted = text.strip()
    aliases = {"co-responsible": Role.shared, "shared": Role.shared}
    for known in Role:
        if wanted in (known.value, known.name):
            return known
    if wanted in aliases:
        return aliases[wanted]
    raise UsageFailure(
        _("unknown role “{role}”; use one of {roles}").format(
            role=text, roles="、".join(r.value for r in Role)
        )
    )


def _number(values: dict[str, Any], key: str) -> int | None:
    from ..query import parse_number

    if not values.get(key):
        return None
    number = parse_number(values[key], _(WORDS[key]))
    if number < 1:
        raise UsageFailure(
            _("--{option} {value}: numbering starts at 1 (一)").format(
                option=key, value=values[key]
            )
        )
    return number


def parse_filters(values: dict[str, Any]) -> Filters:
    """The Filters the options ask for, units left out (they need the registry); UsageFailure
    names the option and what to write."""
    from ..query import Filters, QueryError, parse_date

    if values.get("as_of") and not values.get("overdue"):
        raise UsageFailure(_("--as-of goes with --overdue: add --overdue"))
    try:
        as_of = parse_date(values["as_of"]) if values.get("as_of") else date.today()
        filters = Filters(
            direct=bool(values.get("direct")),
            roles=[role(r) for r in values.get("roles") or ()],
            due_before=parse_date(values["due_before"]) if values.get("due_before") else None,
            due_after=parse_date(values["due_after"]) if values.get("due_after") else None,
            month=_number(values, "month"),
            deadline=values["deadline"].strip() if values.get("deadline") else None,
            overdue_as_of=as_of if values.get("overdue") else None,
            goal=_number(values, "goal"),
            task=_number(values, "task"),
            grep=values.get("grep"),
        )
    except QueryError as error:
        raise UsageFailure(str(error)) from None
    if filters.month is not None and filters.month > 12:
        raise UsageFailure(
            _("--month {value}: there is no such month; give 1 to 12").format(value=values["month"])
        )
    return filters


def resolve_units(names: Iterable[str], registry: Registry) -> list[str]:
    """The registry's names for what was typed; UsageFailure with suggestions if unknown."""
    from ..query import QueryError, resolve_unit

    try:
        return [resolve_unit(name, registry) for name in names]
    except QueryError as error:
        raise UsageFailure(str(error)) from None


# the filters in words, for the "nothing matches" message and parse_number's "not a … number"
WORDS = {
    "due_before": N_("due before"),
    "due_after": N_("due after"),
    "month": N_("month"),
    "deadline": N_("deadline"),
    "goal": N_("goal"),
    "task": N_("task"),
}


def describe(values: dict[str, Any], as_of: date | None) -> list[str]:
    """The filters a user gave, in words, for the "nothing matches" message."""
    parts = [_("unit {name}").format(name=u) for u in values.get("units") or ()]
    parts += [_("direct only")] if values.get("direct") else []
    parts += [_("role {role}").format(role=r) for r in values.get("roles") or ()]
    for key, word in WORDS.items():
        parts += [f"{_(word)} {values[key]}"] if values.get(key) else []
    if values.get("overdue") and as_of:
        parts += [_("overdue as of {date}").format(date=as_of)]
    parts += [_("text “{text}”").format(text=values["grep"])] if values.get("grep") else []
    return parts
