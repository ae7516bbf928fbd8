"""A carried cell whose value differs from the row it names in `from`.

Why: a carried cell repeats the value of the row above so that each indicator reads on its
own; when one copy is edited and the other is not, task sheets disagree with the table.

PASS:
    - number: 1
      deadline: {origin: stated, text: 6月底前}
    - number: 2
      deadline: {origin: carried, from: 1, text: 6月底前}
FAIL:
    - number: 2
      deadline: {origin: carried, from: 1, text: 9月底前}     # row 1 says 6月底前
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...i18n import _
from ...model import CellBase, MeasuresCell, Origin
from ...problems import Severity
from ..context import Context, Finding

CODE = "ZW207"
NAME = "carried-mismatch"
SEVERITY = Severity.error


def _value(cell: CellBase, carried: bool) -> Any:
    if isinstance(cell, MeasuresCell):
        return cell.refs if carried else [m.number for m in cell.items]
    return cell.model_dump(
        mode="json", exclude={"origin", "from_", "reason", "original", "note", "waive"}
    )


def check(ctx: Context) -> Iterator[Finding]:
    by_number = {p.indicator.number: p.indicator for p in ctx.places()}
    for where, _place, column, cell in ctx.cells():
        if cell.origin is not Origin.carried or cell.from_ is None:
            continue
        source = by_number.get(cell.from_)
        if source is None:
            yield Finding(
                (*where, "from"),
                _("{column} is carried from 细化指标 {source}., which does not exist").format(
                    column=column, source=cell.from_
                ),
                _("name the indicator whose row states the value"),
            )
            continue
        stated: CellBase = getattr(source, column)
        if stated.origin is Origin.carried or stated.origin is Origin.missing:
            yield Finding(
                (*where, "from"),
                _(
                    "{column} is carried from 细化指标 {source}., but that row does not state "
                    "it ({origin})"
                ).format(column=column, source=cell.from_, origin=stated.origin.value),
                _("name the row that states the value (from: {row})").format(
                    row=stated.from_ or "…"
                ),
            )
        elif _value(cell, True) != _value(stated, False):
            yield Finding(
                where,
                _("{column} is carried from 细化指标 {source}., but differs from that row").format(
                    column=column, source=cell.from_
                ),
                _(
                    "make it equal to row {source}, or set origin: stated if it really differs"
                ).format(source=cell.from_),
            )
