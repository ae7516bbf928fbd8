"""ASCII punctuation inside Chinese text: `;` `[ ]` `< >` (and `, : ? ! ( )` beside a Chinese
character) where ； 〔〕 《》 ，：？！（） belong.

Why: GB/T 15834 (标点符号用法) and the 公文 format use full-width punctuation; half-width
marks look wrong in print, and `< >` even break some Word templates. 文号 years take 〔〕:
吉财社〔2019〕591号; document titles inside titles take 〈〉 or 《》.

PASS:
    text: 按照《关于印发〈吉林省就业补助资金管理办法〉的通知》（吉财社〔2019〕591号）
FAIL:
    text: 按照《关于印发<吉林省就业补助资金管理办法>的通知》（吉财社[2019]591号）
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import N_, _
from ...problems import Severity
from ..context import Context, Finding
from ._text import CJK, excerpt

CODE = "ZW504"
NAME = "ascii-punctuation"
SEVERITY = Severity.warning

ALWAYS = {";": "；", "[": "〔", "]": "〕", "<": N_("《 or 〈"), ">": N_("》 or 〉")}
BESIDE = {",": "，", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


def check(ctx: Context) -> Iterator[Finding]:
    for where, text in ctx.texts():
        if not CJK.search(text):
            continue
        seen: dict[str, int] = {}
        for index, char in enumerate(text):
            if char in ALWAYS:
                seen.setdefault(char, index)
            elif char in BESIDE:
                around = text[max(0, index - 1) : index] + text[index + 1 : index + 2]
                if CJK.search(around):
                    seen.setdefault(char, index)
        for char, index in seen.items():
            right = ALWAYS.get(char) or BESIDE[char]
            yield Finding(
                where,
                _("ASCII “{char}” in Chinese text at {excerpt}").format(
                    char=char, excerpt=excerpt(text, index)
                ),
                _("use the full-width {mark}").format(mark=_(right)),
            )
