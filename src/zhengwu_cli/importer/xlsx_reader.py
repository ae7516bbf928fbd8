"""An .xlsx workbook → one grid per sheet (openpyxl, not read-only, so merged ranges show).

A merged range's value sits in its top-left cell; the other cells of the range continue it.
In-cell line breaks (Alt+Enter, `\\n`, Excel's `_x000D_`, a vertical tab) are lines. Addresses
are Excel's own (B7). The archive is checked for size before openpyxl unpacks it.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..archive import UnsafeArchive, check
from ..i18n import _
from .grid import MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, Cell, Grid, ReadError

_BREAKS = re.compile(r"\r\n|\r|\n|\x0b|_x000[dDaAbB]_")


_DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+(?::([A-Z]+)(\d+))?"')


def _check_archive(path: Path) -> None:
    """Refuse a zip bomb, and a sheet too large, before openpyxl unpacks it all."""
    try:
        with zipfile.ZipFile(path) as archive:
            try:
                check(archive, "")
            except UnsafeArchive as error:
                raise ReadError(f"{path.name}: {error}") from None
            for info in archive.infolist():
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    with archive.open(info) as handle:
                        found = _DIMENSION.search(handle.read(4096))
                    if found and found.group(2) and int(found.group(2)) > MAX_ROWS:
                        raise ReadError(
                            _(
                                "{name}: a sheet has {rows} rows; a task table has at most {limit}"
                            ).format(name=path.name, rows=int(found.group(2)), limit=MAX_ROWS)
                        )
    except (OSError, zipfile.BadZipFile) as error:
        raise ReadError(
            _(
                "{name}: not an Excel .xlsx file ({error}); open it in Excel or WPS and save it "
                "as .xlsx (Excel 工作簿)"
            ).format(name=path.name, error=error)
        ) from None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date() if not (value.hour or value.minute) else value
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)[:MAX_CELL_CHARS]


def read_xlsx(path: Path, sheet: str | None = None) -> list[Grid]:
    """Every sheet as a grid (only `sheet` when given); rows above the table are kept as rows."""
    _check_archive(path)
    import warnings

    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it does not know
            book = load_workbook(path, read_only=False, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise ReadError(
            _(
                "{name}: cannot be read as an Excel workbook ({error}); open it in Excel or WPS "
                "and save it as .xlsx"
            ).format(name=path.name, error=f"{type(error).__name__}: {error}")
        ) from None
    if sheet is not None and sheet not in book.sheetnames:
        raise ReadError(
            _("{name} has no sheet “{sheet}”; its sheets are: {sheets}").format(
                name=path.name, sheet=sheet, sheets="、".join(book.sheetnames)
            )
        )
    grids: list[Grid] = []
    for ws in book.worksheets:
        if sheet is not None and ws.title != sheet:
            continue
        height, width = ws.max_row, ws.max_column
        if height > MAX_ROWS or width > MAX_COLUMNS:
            raise ReadError(
                _(
                    "{name}: sheet “{sheet}” has {rows} rows and {columns} columns; a task table "
                    "has at most {max_rows} rows and {max_columns} columns"
                ).format(
                    name=path.name,
                    sheet=ws.title,
                    rows=height,
                    columns=width,
                    max_rows=MAX_ROWS,
                    max_columns=MAX_COLUMNS,
                )
            )
        merged: dict[tuple[int, int], tuple[int, int]] = {}
        budget = 4 * max(height, 1) * max(width, 1)  # overlapping ranges of a hostile file
        for rng in ws.merged_cells.ranges:
            top, left = rng.min_row - 1, rng.min_col - 1
            budget -= (min(rng.max_row, height) - top) * (min(rng.max_col, width) - left)
            if budget < 0:
                raise ReadError(
                    _(
                        "{name}: sheet “{sheet}” has more merged cells than it has cells; the "
                        "file is damaged or not a task table"
                    ).format(name=path.name, sheet=ws.title)
                )
            for r in range(rng.min_row - 1, min(rng.max_row, height)):
                for c in range(rng.min_col - 1, min(rng.max_col, width)):
                    if (r, c) != (top, left):
                        merged[r, c] = (top, left)
        rows: list[list[Cell]] = []
        for r, values in enumerate(ws.iter_rows(values_only=True, max_col=width)):
            row: list[Cell] = []
            for c in range(width):
                address = f"{get_column_letter(c + 1)}{r + 1}"
                origin = merged.get((r, c))
                value = values[c] if c < len(values) else None
                lines = () if origin else tuple(_BREAKS.split(_text(value)))
                if lines and not any(x.strip() for x in lines):
                    lines = ()
                row.append(Cell(lines, r, c, address, origin))
            rows.append(row)
        while rows and all(c.empty and c.continues is None for c in rows[-1]):
            rows.pop()
        grids.append(Grid(ws.title, rows))
    book.close()
    return grids
