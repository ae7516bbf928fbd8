"""The neutral grid every reader produces and the interpreter reads.

A grid is one table as rows of cells, whatever the file was: each cell holds its paragraphs as
lines, its position (row and column in the grid, and the file's own address such as
"表1 第3行第2列" or "B7"), and — when the file merges it into a cell above or to its left —
which cell it continues. A merged area is one origin cell (with the text) and continuation cells
(empty, `continues` set to the origin's position). Readers know nothing of checklists.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_ROWS = 20_000  # a task table has about a hundred rows; more is a hostile or wrong file
MAX_COLUMNS = 64
MAX_CELL_CHARS = 100_000


class ReadError(ValueError):
    """A file that cannot be read as a table; the message says why and what to do."""


@dataclass(frozen=True)
class Cell:
    lines: tuple[str, ...]
    row: int  # 0-based row of the grid
    col: int  # 0-based grid column
    address: str  # the file's own address: 表1 第3行第2列, B7, 表1 第3行第2格
    continues: tuple[int, int] | None = None  # (row, col) of the merged cell this continues

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def empty(self) -> bool:
        return not any(line.strip() for line in self.lines)

    @property
    def vertical(self) -> bool:
        """Continues a cell of an earlier row (a vertical merge)."""
        return self.continues is not None and self.continues[0] < self.row

    @property
    def horizontal(self) -> bool:
        """Continues a cell of the same row (a horizontal merge)."""
        return self.continues is not None and self.continues[0] == self.row


@dataclass
class Grid:
    name: str  # 表1, the sheet's name, 第1个表格
    rows: list[list[Cell]] = field(default_factory=list)
    before: list[str] = field(default_factory=list)  # paragraphs above the table (titles)
    notes: list[str] = field(default_factory=list)  # what the reader reports (nested tables …)
    joined: bool = False  # this table continues the one before it (nothing between them)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def cell(self, row: int, col: int) -> Cell | None:
        if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row]):
            return self.rows[row][col]
        return None

    def origin(self, cell: Cell) -> Cell:
        """The cell holding the text of a merged area (the cell itself if not merged)."""
        seen = 0
        while cell.continues is not None and seen < MAX_ROWS:
            found = self.cell(*cell.continues)
            if found is None or found is cell:
                break
            cell, seen = found, seen + 1
        return cell


def square(rows: list[list[Cell]], name: str, address: str) -> list[list[Cell]]:
    """Every row as wide as the widest, with empty cells at the end of short rows."""
    width = max((len(r) for r in rows), default=0)
    out: list[list[Cell]] = []
    for r, row in enumerate(rows):
        cells = list(row)
        for c in range(len(cells), width):
            cells.append(Cell((), r, c, address.format(table=name, row=r + 1, col=c + 1)))
        out.append(cells)
    return out
