"""The unit registry: every unit a table names, its aliases, kind, and the groups it belongs to."""

from __future__ import annotations

import unicodedata
from enum import Enum

from pydantic import Field, model_validator

from .i18n import _
from .strict import Strict, empty_list


def typed_form(name: str) -> str:
    """A unit name with the differences of typing taken out, to compare what a person typed
    with the registry's names: full-width ASCII (U+FF01–FF5E: （）, letters, digits) as
    half-width, then the half-width brackets ( ) as the full-width （） the registry writes, and
    no spaces of any width. Nothing else changes, so two different names stay different."""
    text = "".join(
        unicodedata.normalize("NFKC", c) if "\uff01" <= c <= "\uff5e" else c for c in name
    )
    return "".join(text.replace("(", "（").replace(")", "）").split())


class UnitKind(str, Enum):
    department = "department"  # a city government department (市政府工作部门)
    county = "county"  # a county-level government (县（市）区)
    section = "section"  # a section of one bureau (科室: 办公室, 法规科 …), in a bureau's own table
    other = "other"  # anything else the table names (vertical bureaus, offices of unknown name)


class MemberRule(str, Enum):
    all_departments = "all-departments"
    all_counties = "all-counties"
    all_sections = "all-sections"


class Unit(Strict):
    name: str = Field(description="canonical name, as the table writes it most often")
    full_name: str | None = None
    full_name_confirmed: bool = Field(
        default=True, description="false where the full name is inferred, not confirmed"
    )
    kind: UnitKind
    aliases: list[str] = Field(default_factory=empty_list)
    ended: str | None = Field(
        default=None, description="the unit no longer exists (e.g. left the city): when and why"
    )
    note: str | None = None


class Group(Strict):
    """A collective name (市政府各部门, 县（市）区政府 …) and how its members are known."""

    name: str
    aliases: list[str] = Field(default_factory=empty_list)
    members: list[str] = Field(default_factory=empty_list, description="explicit member unit names")
    member_rule: MemberRule | None = Field(
        default=None, description="members by kind instead of a list"
    )
    note: str | None = Field(default=None, description="how membership was decided, or why unknown")


class Registry(Strict):
    place: str
    units: list[Unit]
    groups: list[Group] = Field(default_factory=empty_list)

    @model_validator(mode="after")
    def _unique_names(self) -> Registry:
        seen: dict[str, str] = {}
        for owner, names in self._all_names():
            for name in names:
                if name in seen and seen[name] != owner:
                    raise ValueError(
                        _("the name “{name}” is used by both {first} and {second}").format(
                            name=name, first=seen[name], second=owner
                        )
                    )
                seen[name] = owner
        return self

    def _all_names(self) -> list[tuple[str, list[str]]]:
        entries: list[tuple[str, list[str]]] = [(u.name, [u.name, *u.aliases]) for u in self.units]
        entries += [(g.name, [g.name, *g.aliases]) for g in self.groups]
        return entries

    # -- look-ups ---------------------------------------------------------------------------

    def unit(self, name: str) -> Unit | None:
        return next((u for u in self.units if u.name == name), None)

    def group(self, name: str) -> Group | None:
        return next((g for g in self.groups if g.name == name), None)

    def canonical(self, name: str) -> str | None:
        """The canonical name for a name, short name or alias; None if unknown."""
        for owner, names in self._all_names():
            if name in names:
                return owner
        return None

    def resolve(self, name: str) -> str | None:
        """The canonical name for a name a person typed: as canonical(), else the one unit or
        group whose name or alias differs from it only in half-width/full-width brackets,
        letters and digits or in spaces (县(市)区政府 → 县（市）区政府); None if no name, or
        more than one, matches so."""
        found = self.canonical(name.strip())
        if found is not None:
            return found
        typed = typed_form(name)
        owners = {
            owner for owner, names in self._all_names() for n in names if typed_form(n) == typed
        }
        return owners.pop() if len(owners) == 1 else None

    def names(self) -> list[str]:
        return [n for _, names in self._all_names() for n in names]

    def members(self, group: Group) -> list[Unit]:
        if group.member_rule is MemberRule.all_departments:
            return [u for u in self.units if u.kind is UnitKind.department and not u.ended]
        if group.member_rule is MemberRule.all_counties:
            return [u for u in self.units if u.kind is UnitKind.county and not u.ended]
        if group.member_rule is MemberRule.all_sections:
            return [u for u in self.units if u.kind is UnitKind.section and not u.ended]
        return [u for u in (self.unit(n) for n in group.members) if u is not None]

    def unknown_members(self, group: Group) -> list[str]:
        """The names a group lists as members that are no unit of the registry (a misspelling,
        or a group named as a member)."""
        return [n for n in group.members if self.unit(n) is None]

    def groups_of(self, unit: Unit) -> list[Group]:
        return [g for g in self.groups if unit in self.members(g)]

    def suggest(self, name: str, limit: int = 3, units_only: bool = False) -> list[str]:
        """Canonical names close to a misspelt one (aliases and similar spellings)."""
        from rapidfuzz import fuzz, process, utils

        choices = {n: owner for owner, names in self._all_names() for n in names}
        if units_only:
            units = {u.name for u in self.units}
            choices = {n: owner for n, owner in choices.items() if owner in units}
        found = process.extract(
            name, list(choices), scorer=fuzz.WRatio, processor=utils.default_process, limit=10
        )
        result: list[str] = []
        for match, score, _index in found:
            owner = choices[match]
            if score >= 60 and owner not in result:
                result.append(owner)
        return result[:limit]
