"""The progress ledger (台账): what each unit reported for each indicator, and what follows from it.

model.py  the ledger's pydantic models          load.py    YAML → Ledger with positions
check.py  ledger findings (ZW6xx) as Problems    status.py  completion by goal and unit, overdue
collect.py the 完成情况 column of filled sheets    merge.py   new entries into the ledger, atomically
report.py the 落实…工作要点情况 insert (md, text, docx)
"""

from __future__ import annotations


class LedgerError(Exception):
    """Something about the ledger or a sheet that the user must fix; the message says what."""
