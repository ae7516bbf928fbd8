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

from ...problems import Severity
from ..context import Context, Finding, Where
from ._units import refs

CODE = "ZW306"
NAME = "unknown-member"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Finding]:
    registry = ctx.registry
    first: dict[str, Where] = {}
    for where, _, ref in refs(ctx):
        first.setdefault(registry.canonical(ref.unit) or ref.unit, where)
    shown = ctx.loaded.registry_path.name
    for gi, group in enumerate(registry.groups):
        for mi, name in enumerate(group.members):
            if registry.unit(name) is not None:
                continue
            line = ctx.loaded.registry_positions.of(("groups", gi, "members", mi))[0]
            canonical = registry.canonical(name)
            if canonical is not None and registry.unit(canonical) is not None:
                hint = f"write {canonical}: “{name}” is its alias, and members are canonical names"
            elif canonical is not None:
                hint = f"list the units of {canonical} instead: a member is a unit, not a group"
            else:
                found = registry.suggest(name, units_only=True)
                hint = (
                    f"did you mean {'、'.join(found)}?"
                    if found
                    else f"add “{name}” to the units of {shown}, with its kind"
                )
            yield Finding(
                first.get(group.name, ("meta", "registry")),
                f"{shown}:{line}: the group {group.name} lists “{name}”, which is no unit of "
                f"the registry, so it gets none of the group's rows",
                hint,
            )
