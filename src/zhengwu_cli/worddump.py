"""Read a text dump of a Word table.

One tab-prefixed line starts each cell; other lines continue it.

This is the form of `checklists/sources/siping-2022-attachment.txt`: lines before the first cell are
the preamble (附件：, the title); every `width` cells make a row; the header row may repeat on every
page. Empty cells are vertically merged cells (or cells the source left empty).
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import _


@dataclass(frozen=True)
class Cell:
    line: int  # 1-based line of the cell's first line in the dump
    text: str  # lines joined with "\n"; trailing blank lines dropped, other whitespace kept


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]

    @property
    def line(self) -> int:
        return self.cells[0].line

    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass(frozen=True)
class Dump:
    preamble: list[str]
    header: tuple[str, ...]
    rows: list[Row]  # data rows, repeated header rows left out


class DumpError(ValueError):
    pass


def _normal(text: str) -> str:
    return "".join(text.split())


def _join(lines: list[str]) -> str:
    """A cell's lines; blank lines at its end separate rows in the dump and are dropped."""
    while len(lines) > 1 and not lines[-1].strip():
        lines = lines[:-1]
    return "\n".join(lines)


def read_dump(text: str, width: int = 7) -> Dump:
    preamble: list[str] = []
    cells: list[tuple[int, list[str]]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith("\t"):
            cells.append((number, [line[1:]]))
        elif cells:
            cells[-1][1].append(line)
        elif line.strip():
            preamble.append(line)
    if not cells:
        raise DumpError(_("no cells: a cell line starts with a tab"))
    if len(cells) % width:
        raise DumpError(
            _("{count} cells do not make rows of {width}").format(count=len(cells), width=width)
        )
    finished = [Cell(n, _join(lines)) for n, lines in cells]
    rows = [Row(tuple(finished[i : i + width])) for i in range(0, len(finished), width)]
    header = tuple(c.text for c in rows[0].cells)
    key = [_normal(h) for h in header]
    data = [r for r in rows[1:] if [_normal(t) for t in r.texts()] != key]
    return Dump(preamble, header, data)
