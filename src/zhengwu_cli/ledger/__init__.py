"""The progress ledger (台账): what each unit reported for each indicator, and what follows from it.

model.py    the ledger's pydantic models     load.py     YAML → Ledger with positions
check.py    ledger findings (ZW6xx)          status.py   completion by goal and unit, overdue
collect.py  完成情况 cells of filled sheets   merge.py    new entries into the ledger, atomically
The report and the status printing are publishers: render/report.py, render/report_docx.py and
cli/status_view.py.
"""

from __future__ import annotations


class LedgerError(Exception):
    """Something about the ledger or a sheet that the user must fix; the message says what."""
