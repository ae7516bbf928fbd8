"""A 责任单位 cell whose `roles` differ from what its `text` reads as.

Why: the text is what the table says; the roles are what sheets, lists and counts use. When one
is edited and not the other (市司法局 changed to 市司法句 in the text only), the two disagree and
nothing else notices. A cell that gives only its text has its roles read from it and cannot
disagree; a cell that also writes `roles` out is checked against the reading. Where a person's
reading differs on purpose, waive this on the cell with the reason.

PASS:
    units: {text: 牵头部门：市司法局, roles: [{role: 牵头, units: [市司法局]}]}
FAIL:
    units: {text: 牵头部门：市司法句, roles: [{role: 牵头, units: [市司法局]}]}
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import _
from ...model import Origin, RoleLine
from ...problems import Severity
from ...units import Registry
from ...unittext import read_unit_text
from ..context import Context, Finding

CODE = "ZW308"
NAME = "roles-differ-from-text"
SEVERITY = Severity.error


def _key(lines: list[RoleLine], registry: Registry) -> list[tuple[str, list[tuple[str, str]], str]]:
    return [
        (
            line.role.value,
            [(registry.canonical(u.unit) or u.unit, u.duty or "") for u in line.units],
            line.etc or "",
        )
        for line in lines
    ]


def _words(lines: list[RoleLine]) -> str:
    parts = []
    for line in lines:
        names = "、".join(u.unit for u in line.units) + (line.etc or "")
        parts.append(f"{line.role.value}：{names}")
    return "；".join(parts) or _("nothing")


def check(ctx: Context) -> Iterator[Finding]:
    registry = ctx.registry
    for place in ctx.places():
        indicator = place.indicator
        cell = indicator.units
        if (
            cell.origin is Origin.carried
            or not cell.text
            or not cell.roles
            or indicator.number in ctx.loaded.read_from_text
        ):
            continue
        reading = read_unit_text(cell.text, registry)
        if not reading.unplaced and _key(reading.lines, registry) == _key(cell.roles, registry):
            continue
        unplaced = "、".join(f"“{n}”" for n in reading.unplaced)
        if unplaced:
            message = _(
                "细化指标 {number}.: the 责任单位 text reads as {reading} (the text names "
                "{unplaced}, which matches no unit), but `roles` say {roles}"
            )
        else:
            message = _(
                "细化指标 {number}.: the 责任单位 text reads as {reading}, but `roles` say {roles}"
            )
        yield Finding(
            (*place.where, "units", "text"),
            message.format(
                number=indicator.number,
                reading=_words(reading.lines),
                unplaced=unplaced,
                roles=_words(cell.roles),
            ),
            _(
                "correct the text or the roles so they agree (or leave `roles` out: zhengwu "
                "reads them from the text); where the roles are a reading on purpose, waive "
                "ZW308 here with the reason"
            ),
        )
