"""A short name or alias where the registry's canonical name belongs.

Why: `unit:` is the key task sheets and queries match on; the name as the source writes it
belongs in `written:`, so each unit is spelt one way across the document.

PASS:
    units: [{unit: 市市场监督管理局, written: 市市场监管局}]
FAIL:
    units: [市市场监管局]
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import _
from ...problems import Severity
from ..context import Context, Finding
from ._units import refs

CODE = "ZW302"
NAME = "alias-unit"
SEVERITY = Severity.warning


def check(ctx: Context) -> Iterator[Finding]:
    for where, _place, ref in refs(ctx):
        canonical = ctx.registry.canonical(ref.unit)
        if canonical is not None and canonical != ref.unit:
            yield Finding(
                (*where, "unit") if ref.written or ref.duty else where,
                _("“{name}” is an alias of {canonical}").format(name=ref.unit, canonical=canonical),
                _("write unit: {canonical}, written: {name}").format(
                    canonical=canonical, name=ref.unit
                ),
            )
