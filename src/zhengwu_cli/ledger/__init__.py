"""The progress ledger (台账): what each unit reported for each indicator, and what follows from it.

model.py    the ledger's pydantic models      load.py     YAML → Ledger with positions
check.py    ledger findings (ZW601–ZW607)     codes.py    every ZW6xx code: name, level, meaning
collect.py  a returned sheet → entries: package.py (the .docx opened safely), sheet_read.py
            (its rows, and what the unit changed), cell.py (one 完成情况 cell)
merge.py    what new entries add              store.py    the locked, atomic write of them
status.py   completion by goal and unit, overdue
The report and the status printing are publishers: render/report.py, render/report_docx.py and
cli/status_view.py.
"""

from __future__ import annotations


class LedgerError(Exception):
    """Something about the ledger or a sheet that the user must fix; the message says what."""
