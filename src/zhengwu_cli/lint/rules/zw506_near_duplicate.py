"""Two 细化指标 or two 工作措施 whose texts differ only in punctuation or spaces.

Why: a measure pasted twice with one edited copy is a common drafting slip; one of the two is
stale, and units cannot tell which to follow.

PASS:
    - {number: 5, text: 政策性文件集中公开}
    - {number: 6, text: 政策解读集中公开}
FAIL:
    - {number: 5, text: 政策性文件集中公开；}
    - {number: 6, text: 政策性文件集中公开}
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from ...i18n import _
from ...problems import Severity
from ..context import Context, Finding, Where

CODE = "ZW506"
NAME = "near-duplicate"
SEVERITY = Severity.warning


def _key(text: str) -> str:
    return "".join(c for c in text if unicodedata.category(c)[0] not in "PZSC")


def check(ctx: Context) -> Iterator[Finding]:
    kinds: dict[str, list[tuple[Where, int, str]]] = {"细化指标": [], "工作措施": []}
    for place in ctx.places():
        kinds["细化指标"].append((place.where, place.indicator.number, place.indicator.text))
        for mi, m in enumerate(place.indicator.measures.items):
            at = (*place.where, "measures", "items", mi)
            kinds["工作措施"].append((at, m.number, m.text))
    for kind, entries in kinds.items():
        first: dict[str, tuple[Where, int, str]] = {}
        for where, number, text in entries:
            key = _key(text)
            if not key:
                continue
            if key in first and first[key][2] != text:
                other = first[key][1]
                label = f"{number}." if kind == "细化指标" else f"（{number}）"
                shown = f"{other}." if kind == "细化指标" else f"（{other}）"
                yield Finding(
                    (*where, "text"),
                    _("{kind} {label} differs from {other} only in punctuation or spaces").format(
                        kind=kind, label=label, other=shown
                    ),
                    _("keep one wording; if both are meant, make the difference explicit"),
                )
            first.setdefault(key, (where, number, text))
