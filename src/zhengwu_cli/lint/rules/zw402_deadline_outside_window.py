"""A date in a 完成时限 outside the plan year and its annual-report window.

Why: a table for 2022 runs from 1 January 2022 to the annual report of 31 March 2023 (县级以上
政府; departments 31 January). A date before or after that is a typo or a copy from another
year's table. Dates are read as everywhere in the tool (zhengwu_cli.dates): 2022年6月30日,
2022-06-30, 2022.6.30, 20220630, 二〇二二年六月三十日, 2022年6月, 2022年底; a date without a year
(6月30日, 年底) is in the plan year.

PASS:
    # meta.year: 2022
    deadline: {text: 2022年6月30日前}
FAIL:
    deadline: {text: 2021年6月30日前}
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ... import dates
from ...i18n import _
from ...problems import Severity
from ..context import Context, Finding
from ._deadlines import deadlines

CODE = "ZW402"
NAME = "deadline-outside-window"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Finding]:
    first, last = date(ctx.year, 1, 1), date(ctx.year + 1, 3, 31)
    for where, _place, text in deadlines(ctx):
        for found in dates.find(text):
            if found.year is None:  # 6月30日, 年底: the plan year, inside the window
                continue
            start, end = found.first(), found.last()
            if start is None or end is None:
                yield Finding(
                    where,
                    _("“{text}” is not a date").format(text=found.text),
                    _("check the month and day"),
                )
                continue
            if end < first or start > last:  # a month: outside when none of its days is in
                yield Finding(
                    where,
                    _(
                        "“{text}” lies outside the {year} plan year and its annual-report "
                        "window ({first} … {last})"
                    ).format(
                        text=found.text,
                        year=ctx.year,
                        first=f"{first:%Y-%m-%d}",
                        last=f"{last:%Y-%m-%d}",
                    ),
                    _("check the year: the checklist is for {year}").format(year=ctx.year),
                )
