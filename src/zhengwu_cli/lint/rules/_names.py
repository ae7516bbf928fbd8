"""Every unit and place name a file holds, with its model path, and names.py's defects of each.

Shared by ZW309 (hidden-character) and ZW310 (unusable-file-name): in a checklist (meta.place
and every unit it names), in its unit registry (reported at the checklist's `meta.registry`,
naming the registry's own line), and in a registry or ledger linted on its own (`problems`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ...i18n import N_, _
from ...names import HIDDEN, Defect, defects, printable
from ...positions import Positions
from ...problems import Problem, Severity
from ...units import Registry
from ..context import Context, Finding, Where
from ._text import clauses
from ._units import refs

Named = tuple[Where, str, str]  # model path, what it is ("unit", "place", "alias" …), the name


def registry_names(registry: Registry) -> Iterator[Named]:
    yield ("place",), "place", registry.place
    for i, unit in enumerate(registry.units):
        yield ("units", i, "name"), "unit", unit.name
        for a, alias in enumerate(unit.aliases):
            yield ("units", i, "aliases", a), "alias", alias
    for g, group in enumerate(registry.groups):
        yield ("groups", g, "name"), "group", group.name
        for a, alias in enumerate(group.aliases):
            yield ("groups", g, "aliases", a), "alias", alias
    for g, group in enumerate(registry.groups):
        for m, member in enumerate(group.members):
            yield ("groups", g, "members", m), "member", member


def checklist_names(ctx: Context) -> Iterator[Named]:
    yield ("meta", "place"), "place", ctx.checklist.meta.place
    for where, _place, ref in refs(ctx):
        yield (*where, "unit"), "unit", ref.unit


def _select(name: str, hidden: bool) -> list[Defect]:
    return [d for d in defects(name) if (d.kind in HIDDEN) == hidden]


# what a name is, in a message
KINDS = {
    "place": N_("place"),
    "unit": N_("unit"),
    "alias": N_("alias"),
    "group": N_("group"),
    "member": N_("member"),
}


def _message(kind: str, name: str, found: list[Defect]) -> str:
    return _("the {kind} name “{name}” has {defects}").format(
        kind=_(KINDS.get(kind, kind)),
        name=printable(name),
        defects=clauses([d.message for d in found], ";"),
    )


def _hint(hidden: bool) -> str:
    if hidden:
        return _(
            "retype the name (a copy from a web page or a chat carries such characters); "
            "a name that looks the same but differs gets no sheet and no entries"
        )
    return _("use the unit's short name, as the registry writes it (files are named after it)")


def findings(ctx: Context, hidden: bool) -> Iterator[Finding]:
    for where, kind, name in checklist_names(ctx):
        found = _select(name, hidden)
        if found:
            yield Finding(where, _message(kind, name, found), _hint(hidden))
    registry = ctx.loaded.registry_path.name
    for where, kind, name in registry_names(ctx.registry):
        found = _select(name, hidden)
        if found:
            line, col = ctx.loaded.registry_positions.of(where)
            yield Finding(
                ("meta", "registry"),
                f"{registry}:{line}:{col}: " + _message(kind, name, found),
                _hint(hidden),
            )


def problems(
    path: str, positions: Positions, named: Iterable[Named], rules: dict[str, tuple[str, bool]]
) -> list[Problem]:
    """Problems for a registry or ledger linted on its own; `rules`: code → (name, hidden)."""
    found = []
    for where, kind, name in named:
        for code, (rule, hidden) in rules.items():
            defects_found = _select(name, hidden)
            if defects_found:
                line, col = positions.of(where)
                found.append(
                    Problem(
                        path,
                        line,
                        col,
                        code,
                        rule,
                        Severity.error,
                        _message(kind, name, defects_found),
                        _hint(hidden),
                        where,
                    )
                )
    return found


RULES = {"ZW309": ("hidden-character", True), "ZW310": ("unusable-file-name", False)}


def registry_problems(path: str, registry: Registry, positions: Positions) -> list[Problem]:
    return problems(path, positions, registry_names(registry), RULES)


def ledger_problems(path: str, ledger: Any, positions: Positions) -> list[Problem]:
    """The place and every entry's unit of a progress ledger (ledger.model.Ledger)."""
    named: list[Named] = []
    if ledger.place:
        named.append((("place",), "place", ledger.place))
    for i, entry in enumerate(ledger.entries):
        if entry.unit:
            named.append((("entries", i, "unit"), "unit", entry.unit))
    return problems(path, positions, named, RULES)
