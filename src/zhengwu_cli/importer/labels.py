"""The numbers tables print before a text: 一、 （一） (一) 1. 1、 （1） ① …"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..numerals import chinese_to_int

_CIRCLED = "".join(chr(c) for c in range(0x2460, 0x2474))
_SHAPES: list[tuple[str, re.Pattern[str]]] = [
    ("cn", re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*[、，,．.]\s*")),
    ("cn-paren", re.compile(r"^\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*[、.．]?\s*")),
    ("paren", re.compile(r"^\s*[（(]\s*(\d{1,4})\s*[）)]\s*[、.．]?\s*")),
    ("dot", re.compile(r"^\s*(\d{1,4})\s*[.．](?!\d)\s*")),
    ("dun", re.compile(r"^\s*(\d{1,4})\s*[、，,]\s*")),
    ("circle", re.compile(rf"^\s*([{_CIRCLED}])\s*[、.．]?\s*")),
]
_BARE = re.compile(r"^\s*[（(]?\s*(\d{1,4}|[一二三四五六七八九十]{1,3})\s*[）)]?\s*[.．、]?\s*$")


@dataclass(frozen=True)
class Label:
    shape: str  # cn, cn-paren, paren, dot, dun, circle, bare
    printed: str  # the label as the table prints it, e.g. 一、 （1） 2.
    numeral: str  # the number's own characters: 一, 1, ①
    value: int | None  # as an integer, where it has one

    @property
    def key(self) -> str:
        """How Indicator.label keeps it: 2 for 2. and 2、, （2） and ① as printed."""
        return self.numeral if self.shape in ("dot", "dun", "bare") else self.printed.strip()


def _value(numeral: str) -> int | None:
    if numeral in _CIRCLED:
        return _CIRCLED.index(numeral) + 1
    try:
        return chinese_to_int(numeral)
    except ValueError:
        return None


def split(text: str) -> tuple[Label | None, str]:
    """The label at the start of a text and the text after it."""
    for shape, pattern in _SHAPES:
        found = pattern.match(text)
        if found and found.end() < len(text):
            numeral = found.group(1)
            printed = text[: found.end()].strip()
            return Label(shape, printed, numeral, _value(numeral)), text[found.end() :]
    return None, text


def bare(text: str) -> Label | None:
    """A number standing alone, as a 序号 column holds it: 1, 1., （1）, 一."""
    found = _BARE.match(text)
    if not found:
        return None
    numeral = found.group(1)
    return Label("bare", text.strip(), numeral, _value(numeral))


def is_number_only(text: str) -> bool:
    return bool(text.strip()) and bare(text) is not None
