"""The unit names a 责任单位 text gives, before there is a registry; a registry draft from them.

The text is split as the unit-text reader (`zhengwu_cli.unittext`) splits it — labelled lines
("牵头部门：A、B"), clauses ("A牵头，B配合"), items on 、 outside brackets, a duty after "，",
an open end "等有关单位" — and each item's name is the longest head that ends like the name of
a body (局, 委, 办公室, 科, 区, 县, 政府 …) before any duty word (负责, 提供 …). The draft's kinds
are guesses (县/区/市 county, 科/室 section, 局/委/办 department); groups (各县（市）区, 市政府各
部门, 各科室) get no members: the office fills them in, and lint says which rows reach nobody.
"""

from __future__ import annotations

import re
from typing import Any

from ..unittext import normalise, split_items

# the unit-text reader's shapes, restated here: that module is another part's to change
_LABEL = re.compile(r"^(?:牵头|配合|落实|推动|责任)(?:部门|单位|科室)[：:]\s*(.*)$")
_SUFFIX = re.compile(r"^(.*?)(?:负责)?(?<!同步)(?:牵头|配合|落实|推动)$")
_ETC = re.compile(r"(等(?:其他|市|政府)?(?:各)?(?:有关|相关)?(?:部门|单位)?)$")
_CLAUSES = re.compile(r"[，,；;]")
_DUTY = re.compile(
    r"(?:负责|提供|做好|开展|组织|指导|督促|协调|保障|抓好|建好|按照|结合|同步|共同|统筹|"
    r"牵头|配合|落实|推动|会同|根据)"
    r"(?![部局办处科室厅])"  # 市委组织部, 保障处: a word that heads a body's name is no duty
)
_END = re.compile(
    r"(?:委员会|办公室|管理局|管委会|人民政府|政府|中心|部门|单位|科室|[局委办室科厅处院会部馆所站队社团组区县市旗])"
)
_GROUP = re.compile(r"各|有关|相关|所属|全体|其他|县（市）|县（市、区）|县市区|（市、区）")


def name_of(item: str) -> str | None:
    """The unit name at the head of one item of a 责任单位 text."""
    part = item.partition("，")[0].strip()
    tail = _ETC.search(part)
    if tail and tail.group(1) != part:
        part = part[: tail.start()]
    duty = _DUTY.search(part, 2)
    if duty:
        part = part[: duty.start()]
    best = None
    for match in _END.finditer(part):
        if match.end() >= 2:
            best = match.end()
    if best is None:
        return part or None
    return part[:best]


def names_in(text: str) -> list[str]:
    """Every unit name a 责任单位 text gives, in order."""
    found: list[str] = []
    for raw in normalise(text).split("\n"):
        line = raw.strip()
        if not line:
            continue
        label = _LABEL.match(line)
        clauses = [label.group(1)] if label else [c.strip() for c in _CLAUSES.split(line)]
        for clause in clauses:
            if not clause:
                continue
            suffix = _SUFFIX.match(clause)
            content = suffix.group(1) if suffix and suffix.group(1) else clause
            for item in split_items(content):
                name = name_of(item)
                if name and name not in found:
                    found.append(name)
    return found


def is_group(name: str) -> bool:
    return bool(_GROUP.search(name))


def guess_kind(name: str) -> str:
    """department, county, section or other: a guess from how the name ends."""
    if name.endswith("办公室") or re.search(r"(?:局|委|办|委员会|厅|管委会|中心)$", name):
        return "department"
    if re.search(r"(?:科|股|室)$", name):
        return "section"
    if re.search(r"(?:县|区|市|旗)(?:人民政府|政府)?$", name):
        return "county"
    return "other"


# the ends of a name that a table shortens: 市政府办 for 市政府办公室, 市委办 for 市委办公室
_LONG_END = re.compile(r"(?:办公室|办公厅|委员会|管理委员会|管理局)$")
# what a city's table leaves off the front of its own departments: 税务局 for 市税务局
_OWN = ("市",)


def _shortens(short: str, name: str, fronts: set[str]) -> bool:
    if len(name) <= len(short):
        return False
    end = _LONG_END.search(name)
    if end and name.startswith(short) and end.start() < len(short):
        return True  # 市政府办 of 市政府办公室
    return (  # 税务局 of 市税务局
        len(short) >= 3
        and name.endswith(short)
        and name[: -len(short)] in fronts
        and not short.startswith(("市", "县", "区", "省"))
    )


def short_forms(place: str, names: list[str]) -> dict[str, list[str]]:
    """Each name that is a short form of other names of the same table → those names.

    A short form is (a) the long name cut inside its last word — 市政府办 or 市政府办公 of
    市政府办公室 (but not 市政府, which is cut before it: the government is not its office), or
    (b) the long name without the place in front — 税务局 of 市税务局 or 四平市税务局. A name
    that only begins another (市委 and 市委组织部, 市政府 and 市政府办公室) is another unit.
    One long name: the short one is its alias; several: the office must say which.
    """
    bare = place.removesuffix("市") if len(place) > 2 else place
    fronts = {*_OWN, place, bare}
    real = [n for n in names if not is_group(n)]
    found: dict[str, list[str]] = {}
    for short in real:
        longer = [n for n in real if n != short and _shortens(short, n, fronts)]
        if longer:
            found[short] = longer
    # a name that is itself a short form is no long name for another (市政府办 of 市政府办公)
    return {
        short: [n for n in longer if n not in found] or longer for short, longer in found.items()
    }


def draft(place: str, names: list[str]) -> dict[str, Any]:
    """A registry draft: every name with a guessed kind; groups with members to fill in.

    A short form of one other name of the table is that unit's alias (see `short_forms`); of
    several, it stays a unit whose note names them, for the office to merge.
    """
    shorts = short_forms(place, names)
    units: list[dict[str, Any]] = []
    groups: list[dict[str, Any]] = []
    seen: set[str] = set()
    for name in names:
        if name in seen:
            continue
        if is_group(name):
            canonical = name[1:] if name.startswith("各") and len(name) > 3 else name
            aliases = [name] if canonical != name else []
            other = next((g for g in groups if g["name"] == canonical), None)
            if other is not None:
                other["aliases"] += [a for a in aliases if a not in other["aliases"]]
            else:
                groups.append(
                    {
                        "name": canonical,
                        "aliases": aliases,
                        "members": [],
                        "note": "导入时发现的集合名称，成员待填写",
                    }
                )
            seen.update([name, canonical])
            continue
        longer = shorts.get(name, [])
        if len(longer) == 1:
            continue  # an alias of that unit, added below
        note = "类别为导入时据名称推断，请核实"
        if longer:
            note += "；可能是" + "或".join(longer) + "的简称：请核实后并入其中一个的 aliases"
        unit = {"name": name, "kind": guess_kind(name), "aliases": [], "note": note}
        units.append(unit)
        seen.add(name)
    for unit in units:
        unit["aliases"] = [s for s, longer in shorts.items() if longer == [unit["name"]]]
    for group in groups:  # a group named bare and with 各 is one group
        if not group["aliases"]:
            del group["aliases"]
        if group["name"] in {u["name"] for u in units}:
            units[:] = [u for u in units if u["name"] != group["name"]]
    return {"place": place, "units": units, "groups": groups}
