"""The report as .docx, built from its blocks (report.document), in GB/T 9704 body format.

The page set-up, footer and page numbers come from the Word template (templates/sheet.docx, the
one the task sheets use); fonts, sizes and line spacing from templates/report/docx.yaml. Every
text goes into a run as it is (nothing is parsed back from Markdown): a `|`, a `#` or a line
break in a liaison's text stays text. The table's columns take the widths the blocks give
(细化指标 wide, 完成情况 narrow). A number and its % never part at a line end ("完成率0" above,
"%。" below): a word joiner sits between them and the runs' Latin text is en-US (`keep_percent`,
LANG_XML).
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import yaml

from ..i18n import _
from ..resources import templates_dir
from . import RenderError
from .report import Block, Table
from .text import xml_escape

_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# a number and its per cent sign: LibreOffice breaks a line between them ("完成率0" / "%。")
_PERCENT = re.compile(r"(?<=\d)(?=[%％‰])")
_SPACED_PERCENT = re.compile(r"(?<=\d)[ \u3000](?=[%％‰])")
WORD_JOINER = "\u2060"  # zero width, no line break on either side (Word; ICU)
NO_BREAK_SPACE = "\u00a0"
# the languages of a run: Latin text (digits, %) en-US, so LibreOffice breaks it by the Unicode
# rules (no break inside "0%"; with zh-CN it may break between any two characters, and it
# ignores the word joiner), Chinese text zh-CN; Word's own default on a Chinese desktop
LATIN_LANG, EAST_ASIAN_LANG = "en-US", "zh-CN"
LANG_XML = f'<w:lang w:val="{LATIN_LANG}" w:eastAsia="{EAST_ASIAN_LANG}"/>'


def _layout(path: Path | None = None) -> tuple[dict[str, Any], Path]:
    spec = path or templates_dir() / "report" / "docx.yaml"
    try:
        data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise RenderError(
            _("{path}: cannot read the report layout: {error}").format(path=spec, error=error)
        ) from None
    needed = ("template", "line_spacing", "title", "heading1", "heading2", "body", "table")
    missing = [k for k in needed if not isinstance(data, dict) or k not in data]
    if missing:
        raise RenderError(
            _("{path}: the layout lacks {keys}; see the bundled docx.yaml").format(
                path=spec, keys=", ".join(missing)
            )
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
    lang = rpr.makeelement(
        qn("w:lang"), {qn("w:val"): LATIN_LANG, qn("w:eastAsia"): EAST_ASIAN_LANG}
    )
    rpr.append(lang)  # last in w:rPr, where the schema puts it


def build(blocks: list[Block], layout: Path | None = None) -> bytes:
    """The .docx bytes of the report's blocks."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docx.shared import Pt

    spec, template = _layout(layout)
    try:
        document = Document(str(template))
    except Exception as error:  # a missing or damaged template: say which file
        raise RenderError(
            _("{path}: cannot open the Word template: {error}").format(path=template, error=error)
        ) from None
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
        run = p.add_run(keep_percent(_xml(text)))
        _fonts(run, str(style["font"]), float(style["size"]), bool(style.get("bold", False)))

    def table(data: Table) -> None:
        style = spec["table"]
        element = parse_xml(_table_xml(data, style))
        section = body.find(qn("w:sectPr"))
        if section is not None:
            section.addprevious(element)
        else:
            body.append(element)

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


def keep_percent(text: str) -> str:
    """The text with a word joiner between each number and its %, so no line ends between
    them: 0%, 2.4%, 60％ stay whole (a space written between them, "60 %", becomes a no-break
    space)."""
    return _PERCENT.sub(WORD_JOINER, _SPACED_PERCENT.sub(NO_BREAK_SPACE, text))


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DXA_PER_CM = 567
BORDERS = "".join(
    f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def _table_xml(data: Table, style: dict[str, Any]) -> str:
    """The table as WordprocessingML, written in one pass (python-docx's cell API costs
    milliseconds per cell: seconds for a big table). Fixed layout, each column the width the
    blocks give (on the grid for LibreOffice and on each cell for Word), a repeated heading row,
    single borders."""
    widths = [round(w * DXA_PER_CM) for w in data.widths]
    size = round(float(style["size"]) * 2)

    def run_xml(text: str, font: str) -> str:
        fonts = "".join(
            f' w:{a}="{xml_escape(font)}"' for a in ("ascii", "hAnsi", "eastAsia", "cs")
        )
        sizes = f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        props = f"<w:rPr><w:rFonts{fonts}/>{sizes}{LANG_XML}</w:rPr>"
        lines = keep_percent(_xml(text)).split("\n")
        body = "<w:br/>".join(
            f'<w:t xml:space="preserve">{xml_escape(line)}</w:t>' for line in lines
        )
        return f"<w:r>{props}{body}</w:r>"

    def row_xml(cells: list[str], heading: bool) -> str:
        font = str(style.get("heading_font", style["font"]) if heading else style["font"])
        align = "center" if heading else "left"
        parts = ["<w:tr>", "<w:trPr><w:tblHeader/></w:trPr>" if heading else ""]
        for index, width in enumerate(widths):
            text = cells[index] if index < len(cells) else ""
            parts.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                f'<w:p><w:pPr><w:jc w:val="{align}"/></w:pPr>{run_xml(text, font)}</w:p></w:tc>'
            )
        parts.append("</w:tr>")
        return "".join(parts)

    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    rows = [row_xml(data.headings, True)] + [row_xml(r, False) for r in data.rows]
    return (
        f'<w:tbl xmlns:w="{W}"><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:jc w:val="center"/><w:tblBorders>{BORDERS}</w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        + "".join(rows)
        + "</w:tbl>"
    )
