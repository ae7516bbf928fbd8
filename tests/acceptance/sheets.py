"""What liaisons do to a task sheet before sending it back, done to a real .docx with python-docx
and lxml: type into 完成情况, delete a row, add a row without a 序号, split the table in two
(Word's 拆分表格), and save it as .doc through LibreOffice."""

from __future__ import annotations

import copy
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml.ns import qn

NUMBER, STATUS, INDICATOR = "序号", "完成情况", "细化指标"


def _text(tc: Any) -> str:
    return "".join(t.text or "" for t in tc.iter(qn("w:t"))).strip()


def _grid(tr: Any) -> dict[int, Any]:
    """The row's cells by grid column (a spanned cell at its first column)."""
    cells, column = {}, 0
    before = tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}")
    if before is not None:
        column = int(before.get(qn("w:val")))
    for tc in tr.findall(qn("w:tc")):
        cells[column] = tc
        span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
        column += int(span.get(qn("w:val"))) if span is not None else 1
    return cells


class Sheet:
    """A rendered task sheet opened for editing."""

    def __init__(self, path: Path) -> None:
        self.document = Document(str(path))
        self.tbl = next(t._tbl for t in self.document.tables if self._columns(t._tbl))
        self.number_col, self.status_col, self.indicator_col = self._columns(self.tbl)

    @staticmethod
    def _columns(tbl: Any) -> tuple[int, int, int] | None:
        for tr in tbl.tr_lst[:3]:
            heads = {_text(tc): col for col, tc in _grid(tr).items()}
            if NUMBER in heads and STATUS in heads:
                return heads[NUMBER], heads[STATUS], heads.get(INDICATOR, heads[NUMBER] + 1)
        return None

    def rows(self) -> Iterator[tuple[int, Any]]:
        """(序号, tr) for every indicator row."""
        for tr in self.tbl.tr_lst:
            cell = _grid(tr).get(self.number_col)
            text = _text(cell) if cell is not None else ""
            if text.isdigit():
                yield int(text), tr

    def numbers(self) -> list[int]:
        return [n for n, _ in self.rows()]

    def _set(self, tc: Any, text: str) -> None:
        paragraphs = tc.findall(qn("w:p"))
        for extra in paragraphs[1:]:
            tc.remove(extra)
        p = paragraphs[0]
        for child in list(p):
            if child.tag != qn("w:pPr"):
                p.remove(child)
        lines = text.split("\n")
        run = p.makeelement(qn("w:r"), {})
        for index, line in enumerate(lines):
            if index:
                run.append(run.makeelement(qn("w:br"), {}))
            t = run.makeelement(qn("w:t"), {qn("xml:space"): "preserve"})
            t.text = line
            run.append(t)
        p.append(run)

    def fill(self, cells: dict[int, str]) -> None:
        found = set()
        for number, tr in self.rows():
            if number in cells:
                self._set(_grid(tr)[self.status_col], cells[number])
                found.add(number)
        assert found == set(cells), f"rows {set(cells) - found} are not in the sheet"

    def delete(self, number: int) -> None:
        tr = dict(self.rows())[number]
        self.tbl.remove(tr)

    def add_after(self, number: int, indicator: str, status: str) -> None:
        """A row typed in by the liaison below row `number`: no 序号, its own text."""
        tr = dict(self.rows())[number]
        new = copy.deepcopy(tr)
        for tc in new.findall(qn("w:tc")):
            vmerge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            if vmerge is not None:
                vmerge.getparent().remove(vmerge)
            self._set(tc, "")
        cells = _grid(new)
        self._set(cells[self.indicator_col], indicator)
        self._set(cells[self.status_col], status)
        tr.addnext(new)

    def split_before(self, number: int) -> None:
        """Word's 拆分表格: the rows from `number` on become a second table after an empty
        paragraph, with no header row of its own."""
        rows = self.tbl.tr_lst
        start = rows.index(dict(self.rows())[number])
        second = self.tbl.makeelement(qn("w:tbl"), {})
        for part in ("w:tblPr", "w:tblGrid"):
            found = self.tbl.find(qn(part))
            if found is not None:
                second.append(copy.deepcopy(found))
        for tr in rows[start:]:
            second.append(tr)  # moves it
        paragraph = self.tbl.makeelement(qn("w:p"), {})
        self.tbl.addnext(paragraph)
        paragraph.addnext(second)

    def save(self, target: Path) -> Path:
        target.parent.mkdir(parents=True, exist_ok=True)
        self.document.save(str(target))
        return target


def as_doc(docx: Path, folder: Path) -> Path:
    """Saved as .doc by LibreOffice (through .odt: LibreOffice 7.4 writes python-docx tables to
    .doc only from its own format)."""
    given = docx
    for form in ("odt", "doc"):
        out = folder / form
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={(folder / 'lo-profile').resolve().as_uri()}",
                "--headless",
                "--convert-to",
                form,
                "--outdir",
                str(out),
                str(given),
            ],
            check=True,
            capture_output=True,
            timeout=240,
        )
        given = out / f"{docx.stem}.{form}"
    return given
