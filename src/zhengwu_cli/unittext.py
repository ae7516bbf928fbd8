"""Read a 责任单位 cell into role lines, the way tables write it.

Two shapes are understood:

- labelled lines, as in the 四平 table: "牵头部门：A、B\\n配合部门：C提供平台保障\\n县（市）区政府";
- inline clauses, as in 荆州 and 宣城: "市发展改革委牵头，市住建局等有关单位配合",
  "市政府各部门,各县(市、区)政府", "X负责落实".

A clause without a role word is 共同 (a bare line). Half-width brackets and commas are read like
full-width ones. Names are matched against the registry (longest name first); what cannot be
placed is returned, not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Role, RoleLine, UnitRef
from .units import Registry

_LABEL = re.compile(r"^(牵头|配合|落实|推动)(?:部门|单位)[：:]\s*(.*)$")
_SUFFIX = re.compile(r"^(.*?)(?:负责)?(?<!同步)(牵头|配合|落实|推动)$")  # 同步落实: a bare line
_ETC = re.compile(r"(等(?:其他|市|政府)?(?:各)?(?:有关|相关)?(?:部门|单位)?)$")
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


def _split_items(content: str) -> list[str]:
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


def _read_items(content: str, role: Role, registry: Registry, reading: Reading) -> None:
    names = [normalise(n) for n in registry.names()]
    originals = dict(zip(names, registry.names(), strict=True))
    refs: list[UnitRef] = []
    etc: str | None = None
    for item in _split_items(content):
        name_part, _, duty = item.partition("，")
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
    if refs:
        reading.lines.append(RoleLine(role=role, units=refs, etc=etc))


def read_unit_text(text: str, registry: Registry) -> Reading:
    """Every role line the text gives, and the names that match no registry entry."""
    reading = Reading()
    for raw in normalise(text).split("\n"):
        line = raw.strip()
        if not line:
            continue
        match = _LABEL.match(line)
        if match:
            _read_items(match.group(2), Role(match.group(1)), registry, reading)
            continue
        for clause in _CLAUSES.split(line):
            clause = clause.strip()
            if not clause:
                continue
            suffix = _SUFFIX.match(clause)
            if suffix and suffix.group(1):
                _read_items(suffix.group(1), Role(suffix.group(2)), registry, reading)
            else:
                _read_items(clause, Role.shared, registry, reading)
    return reading


def parse_unit_text(text: str, registry: Registry) -> list[RoleLine]:
    """Like read_unit_text, but a name not in the registry is an error."""
    reading = read_unit_text(text, registry)
    if reading.unplaced:
        names = "、".join(f"“{n}”" for n in reading.unplaced)
        raise UnitTextError(f"no unit in the registry matches {names}")
    return reading.lines
