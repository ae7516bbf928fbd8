"""Two spellings of one term in the same document (台帐/台账, 督查/督察, 帐号/账号).

Why: one document should spell a term one way; readers (and searches) take variants for
different things. 台账 and 账号 are the standard forms (《现代汉语词典》); 督查 (supervise and
check) and 督察 (as in 中央生态环境保护督察) are distinct words, so check which is meant.
Reported once per pair, at the first place the second spelling appears; waive on `meta` for
the whole document.

PASS:
    纳入工作台账 … 更新台账
FAIL:
    纳入工作台帐 … 更新台账
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import N_, _, at
from ...problems import Severity
from ..context import Context, Finding, Where

CODE = "ZW507"
NAME = "term-variant"
SEVERITY = Severity.warning

# (variant, variant, advice)
VARIANTS: list[tuple[str, str, str]] = [
    ("台账", "台帐", N_("台账 is the standard form")),
    ("账号", "帐号", N_("账号 is the standard form")),
    ("督查", "督察", N_("check which is meant: 督察 is the term of 生态环境保护督察")),
]


def check(ctx: Context) -> Iterator[Finding]:
    texts = list(ctx.texts())
    for one, two, advice in VARIANTS:
        places: dict[str, list[Where]] = {one: [], two: []}
        for where, text in texts:
            for term in (one, two):
                places[term].extend(where for _n in range(text.count(term)))
        if not places[one] or not places[two]:
            continue
        first = {t: ctx.loaded.positions.of(places[t][0])[0] for t in (one, two)}
        later = max((one, two), key=lambda t: first[t])
        counts = "，".join(
            _("{term} {count}× (first at {place})").format(
                term=t, count=len(places[t]), place=at(first[t])
            )
            for t in (one, two)
        )
        yield Finding(
            places[later][0],
            _("two spellings of one term in this document: {counts}").format(counts=counts),
            _("{advice}; use one spelling throughout").format(advice=_(advice)),
        )
