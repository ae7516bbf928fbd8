"""A cell whose value was inferred, not read from the table (info, so a person confirms it).

Why: an inferred 责任单位 (say, read from a measure's text where the cell was empty) is a
reasonable guess, but the issuing office should confirm it before units are held to it.
Waive it with who confirmed it once it is confirmed.

PASS:
    units: {origin: stated, text: 牵头部门：市政府办公室, roles: […]}
FAIL:
    units: {origin: inferred, reason: 工作措施（55）写明由市政府办公室牵头, roles: […]}
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import _
from ...model import Origin
from ...problems import Severity
from ..context import Context, Finding

CODE = "ZW208"
NAME = "inferred-value"
SEVERITY = Severity.info


def check(ctx: Context) -> Iterator[Finding]:
    for where, place, column, cell in ctx.cells():
        if cell.origin is Origin.inferred:
            yield Finding(
                (*where, "origin"),
                _("细化指标 {number}.: {column} is inferred, not in the table ({reason})").format(
                    number=place.indicator.number, column=column, reason=cell.reason
                ),
                _("have the issuing office confirm it, then waive this with who confirmed it"),
            )
