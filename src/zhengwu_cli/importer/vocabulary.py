"""The header vocabulary (headers.yaml beside this module): which heading names which column."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..i18n import _, join

KINDS = (
    "goal",
    "task",
    "indicator",
    "number",
    "units",
    "lead",
    "support",
    "measures",
    "deadline",
    "outcome",
)
LEVELS = ("goal", "task", "indicator")
UNIT_KINDS = ("units", "lead", "support")
_SPACE = re.compile(r"[\s\u3000\xa0]+")
_NOTE = re.compile(r"[（(][^）)]*[）)]$")  # 责任单位（部门） → 责任单位


def normal(text: str) -> str:
    return _SPACE.sub("", text)


@lru_cache(maxsize=1)
def default_vocabulary() -> dict[str, tuple[str, ...]]:
    import yaml

    data: Any = yaml.safe_load(Path(__file__).with_name("headers.yaml").read_text("utf-8"))
    return {kind: tuple(str(w) for w in data.get(kind, ())) for kind in KINDS}


def merge(extra: dict[str, list[str]] | None) -> dict[str, tuple[str, ...]]:
    """The default vocabulary with a table's own words added (they are tried first)."""
    base = default_vocabulary()
    if not extra:
        return base
    unknown = sorted(set(extra) - set(KINDS))
    if unknown:
        raise ValueError(
            _(
                "unknown column kinds in the header vocabulary: {unknown}; the kinds are {known}"
            ).format(unknown=join(unknown), known=join(KINDS))
        )
    return {k: (*extra.get(k, ()), *base[k]) for k in KINDS}


def kind_of(heading: str, vocabulary: dict[str, tuple[str, ...]]) -> str | None:
    """The column kind a heading names: the same word, else the longest word it contains."""
    text = normal(heading)
    if not text or len(text) > 20:
        return None
    for candidate in (text, _NOTE.sub("", text)):
        for kind, words in vocabulary.items():
            if candidate in words:
                return kind
    best: tuple[int, str] | None = None
    for kind, words in vocabulary.items():
        for word in words:
            if len(word) >= 2 and word in text and (best is None or len(word) > best[0]):
                best = (len(word), kind)
    return best[1] if best else None
