"""Read the 完成情况 column back from task sheets that a person filled in (Word, WPS, LibreOffice).

A document is one of our sheets when a table in it has a header row with the headings 序号 and
完成情况 (the text templates may move them, not rename them). Its unit comes from `--unit`, else
from the document title （…） (core property, then the first paragraph), else from the file name.

How a 完成情况 cell is read (the convention in docs/ledger.md):
  [status] [date] [the rest]
- status: the first word, one of 已完成/完成 → 已完成; 推进中/进行中/未完成 → 推进中;
  未启动/未开始 → 未启动; 不适用 → 不适用. A cell that starts with none of them is recorded as
  推进中 with the whole text as a note, and a warning says so.
- date: 2022年6月30日, 2022-06-30, 2022/6/30 or 2022.6.30, right after the status.
- the rest: for 已完成 the evidence (a link or the 可检视成果 produced); otherwise notes (why).
An empty cell is not filled in and gives no entry.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..model import Checklist
from ..problems import Problem, Severity
from ..units import Registry
from .model import Entry, Status

STATUS_WORDS: dict[str, Status] = {
    "已完成": Status.done,
    "完成": Status.done,
    "推进中": Status.in_progress,
    "进行中": Status.in_progress,
    "未完成": Status.in_progress,
    "未启动": Status.not_started,
    "未开始": Status.not_started,
    "不适用": Status.not_applicable,
}
_WORDS = sorted(STATUS_WORDS, key=len, reverse=True)
_SEPARATORS = " \t\n\u3000，,。.：:、;；"
_DATE = re.compile(r"^(\d{4})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?")
_NUMBER = re.compile(r"^\s*(\d{1,4})\s*[.、．]?\s*$")
_TITLE_UNIT = re.compile(r"（([^（）]+)）\s*$")
_YEAR = re.compile(r"(\d{4})年")
NUMBER_HEADING = "序号"
STATUS_HEADING = "完成情况"


class SheetError(Exception):
    """A document that cannot be collected (damaged, not one of our sheets, unknown unit)."""


@dataclass(frozen=True)
class Reading:
    status: Status
    date: date | None
    rest: str | None
    guessed: bool  # no status word: read as 推进中
    bad_date: str | None = None  # a date-like text that is no date (2022年2月30日)


def read_cell(text: str) -> Reading | None:
    """One 完成情况 cell by the convention above; None when the cell is empty."""
    clean = text.strip(_SEPARATORS)
    if not clean:
        return None
    word = next((w for w in _WORDS if clean.startswith(w)), None)
    if word is None:
        return Reading(Status.in_progress, None, clean, guessed=True)
    rest = clean[len(word) :].lstrip(_SEPARATORS)
    when: date | None = None
    bad: str | None = None
    match = _DATE.match(rest)
    if match:
        try:
            when = date(*(int(g) for g in match.groups()))
            rest = rest[match.end() :].lstrip(_SEPARATORS)
        except ValueError:
            bad = match.group(0)
    return Reading(STATUS_WORDS[word], when, rest.strip() or None, guessed=False, bad_date=bad)


@dataclass
class Sheet:
    path: Path
    unit: str
    entries: list[Entry] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    rows: int = 0  # indicator rows found, filled or not
    title: str = ""  # the sheet's visible title
    # when the sheet was last saved: docProps/core.xml's modified, else the file's mtime; the later
    # of two sheets of one unit is the current one
    modified: datetime | None = None
    summary: str = ""  # one line on what the sheet holds: rows filled, empty, deleted, added


def _open(path: Path) -> Any:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    if not path.is_file():
        raise SheetError("no such file" if not path.exists() else "not a file")
    if not zipfile.is_zipfile(path):
        raise SheetError("not a Word .docx file (damaged, or another format such as .doc or .wps)")
    try:
        return Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise SheetError(f"a damaged .docx ({error})") from None
    except Exception as error:  # lxml syntax errors and other damage inside the zip
        raise SheetError(f"a damaged .docx ({type(error).__name__}: {error})") from None


def _cell_text(tc: Any) -> str:
    from docx.oxml.ns import qn

    paragraphs = []
    for p in tc.iter(qn("w:p")):
        parts = []
        for node in p.iter(qn("w:t"), qn("w:br"), qn("w:tab"), qn("w:cr")):
            if node.tag == qn("w:t"):
                parts.append(node.text or "")
            else:
                parts.append("\t" if node.tag == qn("w:tab") else "\n")
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)


def _grid_row(tr: Any) -> dict[int, str]:
    """The row's cells by grid column (spanned cells sit at their first column)."""
    from docx.oxml.ns import qn

    column = 0
    pr = tr.find(qn("w:trPr"))
    if pr is not None:
        before = pr.find(qn("w:gridBefore"))
        if before is not None:
            column = int(before.get(qn("w:val"), "0"))
    cells: dict[int, str] = {}
    for tc in tr.findall(qn("w:tc")):
        span = 1
        tcpr = tc.find(qn("w:tcPr"))
        if tcpr is not None:
            grid = tcpr.find(qn("w:gridSpan"))
            if grid is not None:
                span = int(grid.get(qn("w:val"), "1"))
        cells[column] = _cell_text(tc)
        column += span
    return cells


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _header(cells: dict[int, str]) -> tuple[int, int] | None:
    by_text = {_squash(t): c for c, t in cells.items()}
    if NUMBER_HEADING in by_text and STATUS_HEADING in by_text:
        return by_text[NUMBER_HEADING], by_text[STATUS_HEADING]
    return None


def _title(document: Any) -> str:
    title = (document.core_properties.title or "").strip()
    if title:
        return title
    for paragraph in document.paragraphs:
        if paragraph.text.strip():
            return str(paragraph.text.strip())
    return ""


def _unit(path: Path, title: str, registry: Registry, given: str | None) -> str:
    if given:
        return given
    candidates = []
    match = _TITLE_UNIT.search(title)
    if match:
        candidates.append(match.group(1))
    candidates.append(path.stem)
    for candidate in candidates:
        found = registry.canonical(candidate.strip())
        if found:
            return found
    raise SheetError(
        "cannot tell which unit this sheet is for (the title ends in no known unit （…）, "
        "nor is the file named after one); give --unit NAME"
    )


def read_sheet(
    path: Path, checklist: Checklist, registry: Registry, unit: str | None = None
) -> Sheet:
    """The filled 完成情况 cells of one sheet as ledger entries. Raises SheetError."""
    document = _open(path)
    title = _title(document)
    year = checklist.meta.year
    years = {int(y) for y in _YEAR.findall(title)}
    if years and year not in years:
        raise SheetError(
            f"this sheet is for {'、'.join(str(y) for y in sorted(years))}, the checklist for "
            f"{year}; give the checklist of that year with --checklist"
        )
    shown = str(path)
    found_header = False
    sheet: Sheet | None = None
    for table in document.tables:
        columns: tuple[int, int] | None = None
        for index, tr in enumerate(table._tbl.tr_lst, start=1):
            cells = _grid_row(tr)
            if columns is None:
                columns = _header(cells)
                if columns is not None and sheet is None:
                    found_header = True
                    sheet = Sheet(path, _unit(path, title, registry, unit))
                continue
            if sheet is None:
                continue
            number_col, status_col = columns
            match = _NUMBER.match(cells.get(number_col, ""))
            if not match:
                continue
            number = int(match.group(1))
            sheet.rows += 1
            if checklist.indicator(number) is None:
                sheet.warnings.append(
                    Problem(
                        shown,
                        index,
                        number_col + 1,
                        "ZW611",
                        "sheet-unknown-indicator",
                        Severity.warning,
                        f"序号 {number} is not an indicator of the checklist; row skipped",
                        "was the 序号 cell edited? write the indicator's number back",
                    )
                )
                continue
            reading = read_cell(cells.get(status_col, ""))
            if reading is None:
                continue
            sheet.entries.append(_entry(number, sheet.unit, reading, path))
            where = (shown, index, status_col + 1)
            if reading.guessed:
                sheet.warnings.append(
                    Problem(
                        *where,
                        "ZW612",
                        "sheet-no-status",
                        Severity.warning,
                        f"序号 {number}: 完成情况 does not start with a status; recorded as "
                        "推进中 with the text as a note",
                        "start the cell with 已完成, 推进中, 未启动 or 不适用",
                    )
                )
            if reading.bad_date:
                sheet.warnings.append(
                    Problem(
                        *where,
                        "ZW613",
                        "sheet-bad-date",
                        Severity.warning,
                        f"序号 {number}: “{reading.bad_date}” is not a date; kept in the text",
                        "write the date as 2022年6月30日 or 2022-06-30",
                    )
                )
    if not found_header or sheet is None:
        raise SheetError(
            f"not a zhengwu task sheet: no table with the headings {NUMBER_HEADING} and "
            f"{STATUS_HEADING}"
        )
    return sheet


def _entry(number: int, unit: str, reading: Reading, path: Path) -> Entry:
    done = reading.status is Status.done
    return Entry(
        indicator=number,
        unit=unit,
        status=reading.status,
        date=reading.date,
        evidence=reading.rest if done else None,
        notes=None if done else reading.rest,
        reported_by=unit,
        source=path.name,
    )
