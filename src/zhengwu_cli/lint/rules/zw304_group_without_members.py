"""A collective unit (市政府各相关部门 …) whose members the registry does not list.

Why: a group reaches units only through its members; until they are listed, the rows naming
it land on no unit's task sheet. Reported once per group, at the first row naming it.

PASS:
    # registry: {name: 市政府各部门, member_rule: all-departments}
    units: [市政府各部门]
FAIL:
    # registry: {name: 市政府各相关部门}   (no members, no member_rule)
    units: [市政府各相关部门]
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import _
from ...problems import Severity
from ..context import Context, Finding, Where
from ._units import refs

CODE = "ZW304"
NAME = "group-without-members"
SEVERITY = Severity.warning


def check(ctx: Context) -> Iterator[Finding]:
    first: dict[str, Where] = {}
    for where, _place, ref in refs(ctx):
        group = ctx.registry.group(ctx.registry.canonical(ref.unit) or ref.unit)
        if group is not None and not ctx.registry.members(group):
            first.setdefault(group.name, where)
    reached: dict[str, tuple[Where, list[int]]] = {name: (w, []) for name, w in first.items()}
    for place in ctx.places():  # carried cells reach the group too
        for line in place.indicator.units.roles:
            for ref in line.units:
                name = ctx.registry.canonical(ref.unit) or ref.unit
                numbers = reached[name][1] if name in reached else None
                if numbers is not None and place.indicator.number not in numbers:
                    numbers.append(place.indicator.number)
    for name, (where, numbers) in reached.items():
        shown = "、".join(str(n) for n in numbers[:8]) + ("…" if len(numbers) > 8 else "")
        yield Finding(
            where,
            _(
                "the group {name} has no members in the registry; {count} 细化指标 "
                "({numbers}) reach no unit through it"
            ).format(name=name, count=len(numbers), numbers=shown),
            _("list its members in {registry}").format(registry=ctx.loaded.registry_path.name),
        )
