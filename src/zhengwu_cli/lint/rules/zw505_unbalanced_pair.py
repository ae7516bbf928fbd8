"""An opening quote or bracket that is never closed, or a closing one that closes nothing
(“…“ with two opening quotes, 《… without 》).

Why: unbalanced marks are nearly always a typo (the wrong one of “ ”) and make a reader
guess where a name or title ends.

PASS:
    text: 在“政府信息公开”专栏中发布
FAIL:
    text: 在“政府信息公开“专栏中发布
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import _
from ...problems import Severity
from ..context import Context, Finding
from ._text import excerpt

CODE = "ZW505"
NAME = "unbalanced-pair"
SEVERITY = Severity.warning

PAIRS = {
    "“": "”",
    "‘": "’",
    "《": "》",
    "〈": "〉",
    "（": "）",
    "【": "】",
    "〔": "〕",
    "「": "」",
    "(": ")",
    "[": "]",
}
SAME = {"“", "‘"}
CLOSERS = {close: open_ for open_, close in PAIRS.items()}


def problems(text: str) -> Iterator[tuple[int, str]]:
    stack: list[tuple[str, int]] = []
    for index, char in enumerate(text):
        if char in SAME and stack and stack[-1][0] == char:
            # “…“: a quote does not nest in itself, so the second one should close
            stack.pop()
            yield (
                index,
                _("“{mark}” follows an open “{mark}”; the closing mark is {closing}").format(
                    mark=char, closing=PAIRS[char]
                ),
            )
        elif char in PAIRS:
            stack.append((char, index))
        elif char in CLOSERS:
            if stack and stack[-1][0] == CLOSERS[char]:
                stack.pop()
            elif any(opened == CLOSERS[char] for opened, _ in stack):
                while stack and stack[-1][0] != CLOSERS[char]:
                    opened, at = stack.pop()
                    yield at, _("“{mark}” is never closed").format(mark=opened)
                stack.pop()
            else:
                yield index, _("“{mark}” closes nothing").format(mark=char)
    for opened, at in stack:
        yield at, _("“{mark}” is never closed").format(mark=opened)


def check(ctx: Context) -> Iterator[Finding]:
    for where, text in ctx.texts():
        for index, message in problems(text):
            yield Finding(
                where,
                _("{problem} at {excerpt}").format(problem=message, excerpt=excerpt(text, index)),
                _("check the pair: “ opens and ” closes, 《 opens and 》 closes"),
            )
