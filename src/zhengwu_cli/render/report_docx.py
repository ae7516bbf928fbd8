"""The report as .docx, built from its blocks (report.document), in GB/T 9704 body format.

The page set-up, footer and page numbers come from the Word template (templates/sheet.docx, the
one the task sheets use); fonts, sizes and line spacing from templates/report/docx.yaml. Every
text goes into a run as it is (nothing is parsed back from Markdown): a `|`, a `#` or a line
break in a liaison's text stays text. The table's columns take the widths the blocks give
(细化指标 wide, 完成情况 narrow).
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import yaml

from ..resources import templates_dir
from . import RenderError
from .report import Block, Table

_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _layout(path: Path | None = None) -> tuple[dict[str, Any], Path]:
    spec = path or templates_dir() / "report" / "docx.yaml"
    try:
        data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise RenderError(f"{spec}: cannot read the report layout: {error}") from None
    needed = ("template", "line_spacing", "title", "heading1", "heading2", "body", "table")
    missing = [k for k in needed if not isinstance(data, dict) or k not in data]
    if missing:
        raise RenderError(
            f"{spec}: the layout lacks {', '.join(missing)}; see the bundled docx.yaml"
        )
    return data, (spec.parent / str(data["template"])).resolve()


def _fonts(run: Any, font: str, size: float, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), font)


def build(blocks: list[Block], layout: Path | None = None) -> bytes:
    """The .docx bytes of the report's blocks."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Pt

    spec, template = _layout(layout)
    try:
        document = Document(str(template))
    except Exception as error:  # a missing or damaged template: say which file
        raise RenderError(f"{template}: cannot open the Word template: {error}") from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)

    def paragraph(kind: str, text: str) -> None:
        style = spec[kind]
        p = document.add_paragraph()
        fmt = p.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(float(spec["line_spacing"]) * (1.3 if kind == "title" else 1))
        fmt.space_before = fmt.space_after = Pt(0)
        if kind == "title":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            fmt.space_after = Pt(float(spec["line_spacing"]))
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            fmt.first_line_indent = Pt(float(style["size"]) * float(style.get("indent", 2)))
        run = p.add_run(_xml(text))
        _fonts(run, str(style["font"]), float(style["size"]), bool(style.get("bold", False)))

    def table(data: Table) -> None:
        style = spec["table"]
        rows = [data.headings, *data.rows]
        width = len(data.headings)
        grid = document.add_table(rows=0, cols=width)
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        grid.autofit = False
        for index, cells in enumerate(rows):
            tr = grid.add_row()
            if index == 0:
                tr_pr = tr._tr.get_or_add_trPr()
                tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {}))
            for col in range(width):
                cell = tr.cells[col]
                p = cell.paragraphs[0]
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER if index == 0 else WD_ALIGN_PARAGRAPH.LEFT
                font = style.get("heading_font", style["font"]) if index == 0 else style["font"]
                text = cells[col] if col < len(cells) else ""
                _fonts(p.add_run(_xml(text)), str(font), float(style["size"]))
        _widths(grid, data.widths)
        _borders(grid)

    for block in blocks:
        if block.table is not None:
            table(block.table)
        else:
            paragraph(block.kind, block.text)
    document.add_paragraph()  # a document may not end with a table
    title = next((b.text for b in blocks if b.kind == "title"), "")
    document.core_properties.title = _xml(" ".join(title.split()))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xml(text: str) -> str:
    """Text XML can hold (control characters dropped)."""
    return _XML_INVALID.sub("", text)


def _widths(grid: Any, widths: list[float]) -> None:
    """Each column's width in cm, on the grid and on every cell (Word reads the cells, LibreOffice
    the grid); a fixed layout so Word does not size columns to their first words."""
    from docx.oxml.ns import qn
    from docx.shared import Cm

    tbl_pr = grid._tbl.tblPr
    layout = tbl_pr.makeelement(qn("w:tblLayout"), {qn("w:type"): "fixed"})
    tbl_pr.append(layout)
    for column, width in zip(grid.columns, widths, strict=False):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


def _borders(grid: Any) -> None:
    """Single borders on every cell edge (the template need not have a bordered table style)."""
    from docx.oxml.ns import qn

    tbl_pr = grid._tbl.tblPr
    borders = tbl_pr.makeelement(qn("w:tblBorders"), {})
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(
            borders.makeelement(
                qn(f"w:{edge}"),
                {
                    qn("w:val"): "single",
                    qn("w:sz"): "4",
                    qn("w:space"): "0",
                    qn("w:color"): "000000",
                },
            )
        )
    tbl_pr.append(borders)
