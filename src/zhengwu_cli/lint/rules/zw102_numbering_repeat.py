"""A number is used twice at the same level (two 细化指标 numbered 12.).

Why: indicators and measures are assigned, tracked and reported by number; two rows with one
number make every report about that number ambiguous.

PASS:
    indicators: [{number: 11, …}, {number: 12, …}]
FAIL:
    indicators: [{number: 12, …}, {number: 12, …}]
"""

from __future__ import annotations

from collections.abc import Iterator

from ...problems import Severity
from ..context import Context, Finding
from ._numbering import steps

CODE = "ZW102"
NAME = "numbering-repeat"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Finding]:
    for step in steps(ctx):
        if step.kind == "repeat" and step.first is not None:
            first = ctx.loaded.positions.of(step.first.where)[0]
            yield Finding(
                step.item.where,
                f"{step.item.level} {step.item.label} appears twice (first at line {first})",
                "give each one its own number",
            )
