"""Read a 责任单位 cell into role lines.

Example: "牵头部门：A、B\\n配合部门：C提供保障\\n县（市）区政府".
"""

from __future__ import annotations

import re

from .model import Role, RoleLine, UnitRef
from .units import Registry

_LABEL = re.compile(r"^(牵头|配合|落实|推动)(?:部门|单位)[：:]\s*(.*)$")


class UnitTextError(ValueError):
    pass


def _longest_prefix(item: str, names: list[str]) -> str | None:
    found = [n for n in names if item.startswith(n)]
    return max(found, key=len) if found else None


def parse_unit_text(text: str, registry: Registry) -> list[RoleLine]:
    names = registry.names()
    lines: list[RoleLine] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        match = _LABEL.match(line)
        role, content = (Role(match.group(1)), match.group(2)) if match else (Role.shared, line)
        refs: list[UnitRef] = []
        etc: str | None = None
        for item in content.split("、"):
            name_part, _, duty = item.partition("，")
            prefix = _longest_prefix(name_part, names)
            if prefix is None:
                raise UnitTextError(f"no unit in the registry matches “{item}” (in “{line}”)")
            rest = name_part[len(prefix) :]
            if rest.startswith("等"):
                etc, rest = rest, ""
            canonical = registry.canonical(prefix)
            assert canonical is not None
            refs.append(
                UnitRef(
                    unit=canonical,
                    written=prefix if prefix != canonical else None,
                    duty=(duty or rest) or None,
                )
            )
        lines.append(RoleLine(role=role, units=refs, etc=etc))
    return lines
