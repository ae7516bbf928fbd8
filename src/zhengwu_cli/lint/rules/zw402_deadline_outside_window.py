"""A date in a 完成时限 outside the plan year and its annual-report window.

Why: a table for 2022 runs from 1 January 2022 to the annual report of 31 March 2023 (县级以上
政府; departments 31 January). A date before or after that is a typo or a copy from another
year's table.

PASS:
    # meta.year: 2022
    deadline: {text: 2022年6月30日前}
FAIL:
    deadline: {text: 2021年6月30日前}
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ...problems import Severity
from ..context import Context, Finding
from ._deadlines import deadlines

CODE = "ZW402"
NAME = "deadline-outside-window"
SEVERITY = Severity.error

DATE = re.compile(r"(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*(?:[月.\-/]\s*(?:(\d{1,2})\s*[日号]?)?)?")


def check(ctx: Context) -> Iterator[Finding]:
    first, last = date(ctx.year, 1, 1), date(ctx.year + 1, 3, 31)
    for where, _, text in deadlines(ctx):
        for match in DATE.finditer(text):
            year, month, day = int(match[1]), int(match[2]), int(match[3] or 1)
            try:
                when = date(year, month, day)
            except ValueError:
                yield Finding(where, f"“{match[0]}” is not a date", "check the month and day")
                continue
            if not first <= when <= last:
                yield Finding(
                    where,
                    f"“{match[0]}” lies outside the {ctx.year} plan year and its annual-report "
                    f"window ({first:%Y-%m-%d} … {last:%Y-%m-%d})",
                    f"check the year: the checklist is for {ctx.year}",
                )
