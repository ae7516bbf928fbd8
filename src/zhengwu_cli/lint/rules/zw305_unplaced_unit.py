"""A name in a 责任单位 text that zhengwu could not place: the cell gives only its text, and
zhengwu read the roles from it, but this name matches no unit or group of the registry.

Why: a unit that is not placed receives no task sheet, so its indicators go unseen. Tables from
other places write units inline ("市发改委牵头，市住建局等有关单位配合"); zhengwu reads what it
can and says what it could not.

PASS:
    units: {text: 市发改委牵头，市住建局配合}     # both names are in the registry
FAIL:
    units: {text: 市发改委牵头，市科技局配合}     # 市科技局 is not
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import _
from ...problems import Severity
from ..context import Context, Finding

CODE = "ZW305"
NAME = "unplaced-unit"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Finding]:
    for place in ctx.places():
        for name in ctx.loaded.unplaced.get(place.indicator.number, []):
            yield Finding(
                (*place.where, "units", "text"),
                _(
                    "细化指标 {number}.: “{name}” matches no unit in the registry, "
                    "so its role could not be read"
                ).format(number=place.indicator.number, name=name),
                _(
                    "add “{name}” (or the name it stands for, as an alias) to the registry, "
                    "or write the roles out"
                ).format(name=name),
            )
