"""The report as .docx: the Markdown rendering laid out in GB/T 9704 body format.

The page set-up, footer and page numbers come from the Word template (templates/sheet.docx, the
one the task sheets use); fonts, sizes and line spacing from templates/report/docx.yaml. Lines of
the Markdown: `# ` title, `## ` level-1 heading (黑体), `### ` level-2 heading (楷体), a run of
`| … |` lines a table (first row the header, `|---|` rows skipped), anything else a paragraph.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..resources import templates_dir
from . import LedgerError


@dataclass
class Block:
    kind: str  # title, heading1, heading2, body, table
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)


def blocks(markdown: str) -> list[Block]:
    result: list[Block] = []
    table: Block | None = None
    for raw in markdown.splitlines():
        line = raw.strip()
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if all(set(c) <= set("-: ") for c in cells):
                continue
            if table is None:
                table = Block("table")
                result.append(table)
            table.rows.append(cells)
            continue
        table = None
        if not line:
            continue
        for prefix, kind in (("### ", "heading2"), ("## ", "heading1"), ("# ", "title")):
            if line.startswith(prefix):
                result.append(Block(kind, line[len(prefix) :].strip()))
                break
        else:
            result.append(Block("body", line))
    return result


def _layout(path: Path | None = None) -> tuple[dict[str, Any], Path]:
    spec = path or templates_dir() / "report" / "docx.yaml"
    try:
        data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise LedgerError(f"{spec}: cannot read the report layout: {error}") from None
    needed = ("template", "line_spacing", "title", "heading1", "heading2", "body", "table")
    missing = [k for k in needed if not isinstance(data, dict) or k not in data]
    if missing:
        raise LedgerError(
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


def build(markdown: str, layout: Path | None = None) -> bytes:
    """The .docx bytes for a Markdown rendering of the report."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Pt

    spec, template = _layout(layout)
    try:
        document = Document(str(template))
    except Exception as error:  # a missing or damaged template: say which file
        raise LedgerError(f"{template}: cannot open the Word template: {error}") from None
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
        _fonts(p.add_run(text), str(style["font"]), float(style["size"]))

    def table(rows: list[list[str]]) -> None:
        style = spec["table"]
        width = max(len(r) for r in rows)
        grid = document.add_table(rows=0, cols=width)
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
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
                _fonts(p.add_run(text), str(font), float(style["size"]))
        _borders(grid)

    for block in blocks(markdown):
        if block.kind == "table":
            table(block.rows)
        else:
            paragraph(block.kind, block.text)
    document.add_paragraph()  # a document may not end with a table
    document.core_properties.title = next(
        (b.text for b in blocks(markdown) if b.kind == "title"), ""
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


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
