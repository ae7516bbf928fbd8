"""A 责任单位 that is not in the unit registry (a misspelling, or a unit to add).

Why: task sheets are made per unit from the registry; a name it does not know reaches nobody.
The finding suggests close names and aliases, and says when the name differs from a known one
only by an invisible or look-alike character (ZW309 names it too).

PASS:
    units: [市司法局]
FAIL:
    units: [市司发局]        # did you mean 市司法局?
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import _
from ...names import did_you_mean, printable
from ...problems import Severity
from ..context import Context, Finding
from ._units import refs

CODE = "ZW301"
NAME = "unknown-unit"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Finding]:
    for where, _place, ref in refs(ctx):
        if ctx.registry.canonical(ref.unit) is None:
            suggestions = ctx.registry.suggest(ref.unit)
            hint = did_you_mean(ref.unit, suggestions, ctx.registry.canonical)
            registry = ctx.loaded.registry_path.name
            yield Finding(
                where,
                _("the unit “{name}” is not in the registry {registry}").format(
                    name=printable(ref.unit), registry=registry
                ),
                hint
                or _("add it to {registry}, with its kind and aliases").format(registry=registry),
            )
