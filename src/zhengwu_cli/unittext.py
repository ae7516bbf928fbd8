"""Read a 责任单位 cell into role lines, the way tables write it.

Two shapes are understood:

- labelled lines, as in the 四平 table: "牵头部门：A、B\\n配合部门：C提供平台保障\\n县（市）区政府";
- inline clauses, as in 荆州 and 宣城: "市发展改革委牵头，市住建局等有关单位配合",
  "市政府各部门,各县(市、区)政府", "X负责落实", "办公室负责，法规科配合".

Role words: 牵头, 负责, 配合, 推动, 落实 (also 负责落实 and 同步落实). A clause without one takes
the role of the next clause of its line that has one ("A，B、C负责落实": all three 落实); one with
none after it is 共同 (co-responsible, a bare line). A cell that names one unit and no role word at
all is 负责: that unit is responsible. An open end ("…等有关单位", "…等相关科室") is kept in the
line's `etc`. Half-width brackets and commas are read like full-width ones. Names are matched
against the registry (longest name first); what cannot be placed is returned, not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .i18n import _
from .model import Role, RoleLine, UnitRef
from .units import Registry

_LABEL = re.compile(r"^(牵头|负责|配合|落实|推动)(?:部门|单位|科室)[：:]\s*(.*)$")
_SUFFIX = re.compile(r"^(.*?)(负责落实|同步落实|(?:负责)?(?:牵头|配合|推动)|落实|负责)$")
_SUFFIX_ROLE = {"负责落实": Role.implement, "同步落实": Role.implement, "负责": Role.responsible}
_ETC = re.compile(r"(等(?:其他|市|政府)?(?:各)?(?:有关|相关)?(?:部门|单位|科室)?)$")
_CLAUSES = re.compile(r"[，,；;]")


class UnitTextError(ValueError):
    pass


@dataclass
class Reading:
    lines: list[RoleLine] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)  # names found in no registry entry


def normalise(text: str) -> str:
    """Half-width brackets as full-width, so 各县(市、区)政府 reads like 各县（市、区）政府."""
    return text.replace("(", "（").replace(")", "）")


def _longest_prefix(item: str, names: list[str]) -> str | None:
    found = [n for n in names if item.startswith(n)]
    return max(found, key=len) if found else None


def split_items(content: str) -> list[str]:
    """Split on 、 but not inside brackets: 各县（市、区）政府 is one item."""
    items, depth, current = [], 0, ""
    for char in content:
        depth += {"（": 1, "）": -1}.get(char, 0)
        if char == "、" and depth == 0:
            items.append(current)
            current = ""
        else:
            current += char
    items.append(current)
    return [i.strip() for i in items if i.strip()]


_NAMES: dict[int, tuple[Registry, dict[str, str]]] = {}


def _names(registry: Registry) -> dict[str, str]:
    """Every name of the registry, normalised → as written; worked out once per registry (a
    registry is not edited after loading)."""
    cached = _NAMES.get(id(registry))
    if cached is None or cached[0] is not registry:
        if len(_NAMES) > 8:
            _NAMES.clear()
        cached = (registry, {normalise(n): n for n in registry.names()})
        _NAMES[id(registry)] = cached
    return cached[1]


def _read_items(
    content: str, registry: Registry, reading: Reading
) -> tuple[list[UnitRef], str | None]:
    """The units an item list names (and its open end); unplaced names go to `reading`."""
    originals = _names(registry)
    names = list(originals)
    refs: list[UnitRef] = []
    etc: str | None = None
    for item in split_items(content):
        name_part, _comma, duty = item.partition("，")
        tail = _ETC.search(name_part)
        if tail and tail.group(1) != name_part:
            etc, name_part = tail.group(1), name_part[: tail.start()]
        prefix = _longest_prefix(name_part, names)
        if prefix is None:
            reading.unplaced.append(name_part)
            continue
        written = originals[prefix]
        canonical = registry.canonical(written)
        assert canonical is not None
        rest = name_part[len(prefix) :]
        refs.append(
            UnitRef(
                unit=canonical,
                written=written if written != canonical else None,
                duty=(duty or rest) or None,
            )
        )
    return refs, etc


def _role(word: str) -> Role:
    return _SUFFIX_ROLE.get(word) or Role(word.removeprefix("负责"))


def read_unit_text(text: str, registry: Registry) -> Reading:
    """Every role line the text gives, and the names that match no registry entry."""
    reading = Reading()
    worded = False  # a role word somewhere in the cell
    for raw in normalise(text).split("\n"):
        line = raw.strip()
        if not line:
            continue
        match = _LABEL.match(line)
        if match:
            worded = True
            refs, etc = _read_items(match.group(2), registry, reading)
            _add(reading, _role(match.group(1)), refs, etc)
            continue
        pending: list[tuple[list[UnitRef], str | None]] = []  # bare clauses awaiting a role
        for clause in _CLAUSES.split(line):
            clause = clause.strip()
            if not clause:
                continue
            suffix = _SUFFIX.match(clause)
            if suffix and suffix.group(1):
                worded = True
                refs, etc = _read_items(suffix.group(1), registry, reading)
                earlier = [r for refs_, _etc in pending for r in refs_]
                etc = etc or next((e for _refs, e in reversed(pending) if e), None)
                _add(reading, _role(suffix.group(2)), earlier + refs, etc)
                pending = []
            else:
                pending.append(_read_items(clause, registry, reading))
        for refs, etc in pending:
            _add(reading, Role.shared, refs, etc)
    lines = reading.lines
    lone = len(lines) == 1 and len(lines[0].units) == 1 and not lines[0].etc
    if lone and not worded and not reading.unplaced:
        lines[0].role = Role.responsible  # one unit, no role word: it is responsible
    return reading


def _add(reading: Reading, role: Role, refs: list[UnitRef], etc: str | None) -> None:
    if refs:
        reading.lines.append(RoleLine(role=role, units=refs, etc=etc))


def parse_unit_text(text: str, registry: Registry) -> list[RoleLine]:
    """Like read_unit_text, but a name not in the registry is an error."""
    reading = read_unit_text(text, registry)
    if reading.unplaced:
        names = "、".join(f"“{n}”" for n in reading.unplaced)
        raise UnitTextError(_("no unit in the registry matches {names}").format(names=names))
    return reading.lines
