"""Sheets as liaisons send them back, made in code: rows deleted, added, renumbered, a table
split in two (Word's 拆分表格), a 填报 block, a zip rebuilt with hostile parts."""

from __future__ import annotations

import copy
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml.ns import qn

from zhengwu_cli.ledger.collect import ReturnedSheet, read_sheet
from zhengwu_cli.load import load

from .helpers import CHECKLIST

TODAY = date(2022, 7, 15)
_LOADED: list[Any] = []


def loaded() -> Any:
    if not _LOADED:
        _LOADED.append(load(CHECKLIST))
    return _LOADED[0]


def read(path: Path, unit: str | None = None, today: date = TODAY) -> ReturnedSheet:
    found = loaded()
    return read_sheet(path, found.checklist, found.registry, unit, today)


def codes(sheet: ReturnedSheet) -> list[str]:
    return [w.code for w in sheet.warnings]


def messages(sheet: ReturnedSheet, code: str) -> list[str]:
    return [w.message for w in sheet.warnings if w.code == code]


class Edit:
    """A rendered sheet opened with python-docx, to be changed as a person would.

    A unit's sheet is one table per 主要任务 (its headings, the task's title across the table,
    its rows); `table` is the first, `row(n)` looks through all of them.
    """

    def __init__(self, sheet: Path) -> None:
        self.document = Document(str(sheet))
        self.tables = [t for t in self.document.tables if "完成情况" in self._headings(t)]
        self.table = self.tables[0]
        headings = self._headings(self.table)
        self.number_col = headings.index("序号")
        self.status_col = headings.index("完成情况")
        self.indicator_col = headings.index("细化指标")

    @staticmethod
    def _headings(table: Any) -> list[str]:
        return [c.text.strip() for c in table.rows[0].cells]

    def numbers(self) -> list[int]:
        """The 序号 of every indicator row, in the order of the sheet."""
        found = []
        for table in self.tables:
            for tr in table._tbl.findall(qn("w:tr")):
                text = self._number(tr)
                if text.isdigit():
                    found.append(int(text))
        return found

    def row(self, number: int) -> Any:
        for table in self.tables:
            for row in table.rows[1:]:
                if self._number(row._tr) == str(number):
                    return row
        raise AssertionError(f"no row {number}")

    def fill(self, cells: dict[int, str]) -> Edit:
        for number, text in cells.items():
            self.row(number).cells[self.status_col].text = text
        return self

    def delete(self, number: int) -> Edit:
        tr = self.row(number)._tr
        tr.getparent().remove(tr)
        return self

    def set_cell(self, number: int, column: int, text: str) -> Edit:
        self.row(number).cells[column].text = text
        return self

    def add_after(self, number: int, cells: dict[int, str]) -> Edit:
        """A copy of row `number` with its texts replaced (an empty 序号: a row added)."""
        tr = self.row(number)._tr
        new = copy.deepcopy(tr)
        tr.addnext(new)
        for tc_index, tc in enumerate(new.findall(qn("w:tc"))):
            for p in tc.findall(qn("w:p"))[1:]:
                tc.remove(p)
            p = tc.find(qn("w:p"))
            for r in p.findall(qn("w:r")):
                p.remove(r)
            text = cells.get(tc_index, "")
            if text:
                run = p.makeelement(qn("w:r"), {})
                t = run.makeelement(qn("w:t"), {})
                t.text = text
                run.append(t)
                p.append(run)
        return self

    def full_row_after(self, number: int, text: str) -> Edit:
        """A row of one cell across the whole table (a task's heading, or a note)."""
        tr = self.row(number)._tr
        new = tr.makeelement(qn("w:tr"), {})
        tc = new.makeelement(qn("w:tc"), {})
        pr = tc.makeelement(qn("w:tcPr"), {})
        columns = len(tr.getparent().find(qn("w:tblGrid")).findall(qn("w:gridCol")))
        span = pr.makeelement(qn("w:gridSpan"), {qn("w:val"): str(columns)})
        pr.append(span)
        tc.append(pr)
        p = tc.makeelement(qn("w:p"), {})
        run = p.makeelement(qn("w:r"), {})
        t = run.makeelement(qn("w:t"), {})
        t.text = text
        run.append(t)
        p.append(run)
        tc.append(p)
        new.append(tc)
        tr.addnext(new)
        return self

    def split_before(self, number: int, repeat_header: bool) -> Edit:
        """Word's 拆分表格: the rows from `number` on become a second table after an empty
        paragraph; with `repeat_header` the header row is copied above them."""
        tbl = self.row(number)._tr.getparent()
        rows = tbl.findall(qn("w:tr"))
        at = next(i for i, tr in enumerate(rows) if self._number(tr) == str(number))
        second = tbl.makeelement(qn("w:tbl"), {})
        second.append(copy.deepcopy(tbl.find(qn("w:tblPr"))))
        second.append(copy.deepcopy(tbl.find(qn("w:tblGrid"))))
        if repeat_header:
            second.append(copy.deepcopy(rows[0]))
        for tr in rows[at:]:
            second.append(tr)
        gap = self.document.add_paragraph()._p
        tbl.addnext(gap)
        gap.addnext(second)
        return self

    def _number(self, tr: Any) -> str:
        cells = tr.findall(qn("w:tc"))
        if len(cells) <= self.number_col:  # a task's title across the table
            return ""
        return "".join(t.text or "" for t in cells[self.number_col].iter(qn("w:t"))).strip()

    def fill_block(self, values: dict[str, str], as_table: bool = False) -> Edit:
        """The 填报 block under the table: one paragraph per label, or a 2×4 table."""
        body = self.document.element.body
        anchor = self.tables[-1]._tbl
        while anchor.getnext() is not None and anchor.getnext().tag == qn("w:tbl"):
            anchor = anchor.getnext()
        if as_table:
            block = self.document.add_table(rows=2, cols=4)
            items = list(values.items())
            for i, (label, value) in enumerate(items):
                block.cell(i // 2, (i % 2) * 2).text = f"{label}："
                block.cell(i // 2, (i % 2) * 2 + 1).text = value
            element = block._tbl
            anchor.addnext(element)
        else:
            last = anchor
            for label, value in values.items():
                p = self.document.add_paragraph(f"{label}：{value}")._p
                last.addnext(p)
                last = p
        assert body is not None
        return self

    def title(self, text: str) -> Edit:
        self.document.paragraphs[0].text = text
        return self

    def save(self, target: Path) -> Path:
        target.parent.mkdir(parents=True, exist_ok=True)
        self.document.save(str(target))
        return target


def rezip(
    source: Path,
    target: Path,
    change: Callable[[str, bytes], bytes | None] = lambda name, data: data,
    extra: list[tuple[str, bytes]] = (),  # type: ignore[assignment]
) -> Path:
    """The sheet's zip rewritten: each part through `change` (None drops it), then `extra`."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = change(info.filename, old.read(info))
            if data is not None:
                new.writestr(info.filename, data)
        for name, data in extra:
            new.writestr(name, data)
    return target
