"""A 责任单位 list with an open end: "…市税务局等市有关单位", "市住建局等政府各有关" (info).

Why: the units the open end stands for are not named, so no sheet reaches them; the named units
get the row, and the open end is kept and printed ("…等市有关单位") so that nobody reads the list
as complete. Name the units when the issuing office says who they are, or waive this with the
reason.

PASS:
    units: {text: 市发改委牵头，市住建局配合}
FAIL:
    units: {text: 市发改委、市税务局等市有关单位}
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import _
from ...model import Origin
from ...problems import Severity
from ..context import Context, Finding

CODE = "ZW307"
NAME = "open-unit-list"
SEVERITY = Severity.info


def check(ctx: Context) -> Iterator[Finding]:
    for place in ctx.places():
        cell = place.indicator.units
        if cell.origin is Origin.carried:
            continue  # reported where it is stated
        for ri, line in enumerate(cell.roles):
            if not line.etc:
                continue
            names = "、".join(u.unit for u in line.units)
            where = (*place.where, "units", "text")
            if not cell.text:
                where = (*place.where, "units", "roles", ri, "etc")
            yield Finding(
                where,
                _(
                    "细化指标 {number}.: the {role} list ends open "
                    "({names}{etc}); the units “{etc}” stands for are named nowhere, "
                    "so no sheet reaches them"
                ).format(
                    number=place.indicator.number, role=line.role.value, names=names, etc=line.etc
                ),
                _(
                    "name them once the issuing office says who they are, or waive this with "
                    "the reason"
                ),
            )
