"""A group member that is no unit of the registry (a misspelling, an alias, or a unit to add).

Why: a group reaches units only through its members; a member name the registry does not know
is dropped, so that unit loses every row of the group and gets no sheet for them. The finding
names the line of the registry and suggests close names. It is reported at the first row that
names the group (or at `meta.registry` when no row does).

PASS:
    # registry: units: [{name: 督查科, kind: section}]
    groups: [{name: 执法条线, members: [督查科]}]
FAIL:
    groups: [{name: 执法条线, members: [督察科]}]     # did you mean 督查科?
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import _
from ...problems import Severity
from ..context import Context, Finding, Where
from ._units import refs

CODE = "ZW306"
NAME = "unknown-member"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Finding]:
    registry = ctx.registry
    first: dict[str, Where] = {}
    for where, _place, ref in refs(ctx):
        first.setdefault(registry.canonical(ref.unit) or ref.unit, where)
    shown = ctx.loaded.registry_path.name
    for gi, group in enumerate(registry.groups):
        for mi, name in enumerate(group.members):
            if registry.unit(name) is not None:
                continue
            line = ctx.loaded.registry_positions.of(("groups", gi, "members", mi))[0]
            canonical = registry.canonical(name)
            if canonical is not None and registry.unit(canonical) is not None:
                hint = _(
                    "write {canonical}: “{name}” is its alias, and members are canonical names"
                ).format(canonical=canonical, name=name)
            elif canonical is not None:
                hint = _(
                    "list the units of {canonical} instead: a member is a unit, not a group"
                ).format(canonical=canonical)
            else:
                found = registry.suggest(name, units_only=True)
                hint = (
                    _("did you mean {names}?").format(names="、".join(found))
                    if found
                    else _("add “{name}” to the units of {registry}, with its kind").format(
                        name=name, registry=shown
                    )
                )
            yield Finding(
                first.get(group.name, ("meta", "registry")),
                f"{shown}:{line}: "
                + _(
                    "the group {group} lists “{name}”, which is no unit of "
                    "the registry, so it gets none of the group's rows"
                ).format(group=group.name, name=name),
                hint,
            )
