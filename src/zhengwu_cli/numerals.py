"""Chinese list numerals (一 … 九十九), as tables number their goals and tasks.

Small enough to keep here: cn2an would add a dependency and start-up time for 1–99.
"""

from __future__ import annotations

from .i18n import _

DIGITS = "零一二三四五六七八九"


def _not_a_numeral(text: str) -> ValueError:
    return ValueError(
        _("“{text}” is not a Chinese numeral between 一 and 九十九").format(text=text)
    )


def chinese_to_int(text: str) -> int:
    """一 → 1, 十一 → 11, 三十四 → 34; an Arabic number is accepted as it is."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(ch not in DIGITS + "十" for ch in text) or text.count("十") > 1:
        raise _not_a_numeral(text)
    if "十" not in text:
        if len(text) != 1:
            raise _not_a_numeral(text)
        return DIGITS.index(text)
    tens, _ten, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        raise _not_a_numeral(text)
    return (DIGITS.index(tens) if tens else 1) * 10 + (DIGITS.index(ones) if ones else 0)


def int_to_chinese(number: int) -> str:
    """1 → 一, 11 → 十一, 34 → 三十四 (1–99)."""
    if not 1 <= number <= 99:
        raise ValueError(_("{number} is outside 1–99").format(number=number))
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else DIGITS[tens] + "十")
    return head + (DIGITS[ones] if ones else "")
