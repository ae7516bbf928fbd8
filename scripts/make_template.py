"""Build templates/sheet.docx: the Word template `zhengwu render` fills.

Run from the repository root: `python scripts/make_template.py` (overwrites templates/sheet.docx).
The template holds what staff may restyle in Word or WPS: the named styles the renderer uses, the
A4 page set-up after GB/T 9704-2012 and the footer with the page number "— 1 —" (odd pages right,
even pages left, inset one character). Its body is empty; the renderer fills it.

Fonts are set on `w:eastAsia` as well as `w:ascii`/`w:hAnsi`, and every `*Theme` font attribute is
removed, so Word, WPS and LibreOffice all show the fonts named here. The 表头 and 表格文字居中
styles are based on 表格文字 and set only what differs (the heading font, the alignment), so
restyling 表格文字 restyles the whole table.

The file python-docx saves is then passed through the renderer's own template reader
(`zhengwu_cli.render.package.read_package`), so the template holds exactly what a sheet takes:
no thumbnail, stylesWithEffects, webSettings or customXml part, no author or description,
`themeFontLang` zh-CN, and font-table entries with fallbacks (仿宋_GB2312 → 仿宋,
方正小标宋简体 → 宋体) for a PC without the 公文 fonts.
"""

from __future__ import annotations

import sys
import tempfile
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "templates" / "sheet.docx"

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
BODY_FONT = "仿宋_GB2312"
NUMBER_FONT = "宋体"

# (name shown in Word, style id, font, size pt, alignment, bold, space after pt, based on);
# font and size None: taken from the style it is based on
PARAGRAPH_STYLES = [
    ("任务单标题", "ZwTitle", TITLE_FONT, 22, WD_ALIGN_PARAGRAPH.CENTER, False, 6, None),
    ("任务单说明", "ZwNote", BODY_FONT, 14, WD_ALIGN_PARAGRAPH.CENTER, False, 8, None),
    ("附件标识", "ZwAttachment", HEADING_FONT, 16, WD_ALIGN_PARAGRAPH.LEFT, False, 6, None),
    ("表格文字", "ZwTableText", BODY_FONT, 10.5, WD_ALIGN_PARAGRAPH.LEFT, False, 0, None),
    ("表头", "ZwTableHeading", HEADING_FONT, None, WD_ALIGN_PARAGRAPH.CENTER, False, 0, "表格文字"),
    ("表格文字居中", "ZwTableCenter", None, None, WD_ALIGN_PARAGRAPH.CENTER, False, 0, "表格文字"),
    ("页码", "ZwPageNumber", NUMBER_FONT, 14, WD_ALIGN_PARAGRAPH.RIGHT, False, 0, None),
]
TABLE_STYLE = ("任务单表格", "ZwTable")


def set_fonts(rpr: object, font: str) -> None:
    """Explicit ascii/hAnsi/eastAsia fonts; drop the theme attributes that would override them."""
    rfonts = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)  # type: ignore[attr-defined]
    for key in list(rfonts.attrib):
        if key.endswith("Theme") or key.endswith("theme"):
            del rfonts.attrib[key]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), font)


def page_number_paragraph(footer: object, align: WD_ALIGN_PARAGRAPH, inset: str) -> None:
    paragraph = footer.paragraphs[0]  # type: ignore[attr-defined]
    paragraph.style = "页码"
    paragraph.alignment = align
    if inset == "right":
        paragraph.paragraph_format.right_indent = Pt(14)
    else:
        paragraph.paragraph_format.left_indent = Pt(14)
    p = paragraph._p
    fld = (
        f'<w:r {nsdecls("w")}><w:t xml:space="preserve">— </w:t></w:r>'
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r {nsdecls('w')}><w:t>1</w:t></w:r>"
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'
        f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> —</w:t></w:r>'
    )
    for run in parse_xml(f"<w:p {nsdecls('w')}>{fld}</w:p>"):
        p.append(run)


def build() -> object:
    document = Document()
    styles = document.styles

    # Document defaults and Normal: 3号仿宋, explicit East Asian font, Chinese language.
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr_default, BODY_FONT)
    lang = rpr_default.find(qn("w:lang"))
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")
    normal = styles["Normal"]
    normal.font.size = Pt(16)
    set_fonts(normal.element.get_or_add_rPr(), BODY_FONT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0

    # Built-in styles (headings, table styles …) carry majorEastAsia / minorEastAsia themes.
    for rfonts in styles.element.iter(qn("w:rFonts")):
        for key in list(rfonts.attrib):
            if key.endswith("Theme") or key.endswith("theme"):
                del rfonts.attrib[key]

    for name, style_id, font, size, align, bold, after, based in PARAGRAPH_STYLES:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.style_id = style_id
        style.base_style = styles[based] if based else normal
        style.quick_style = True
        if size is not None:
            style.font.size = Pt(size)
        style.font.bold = bold
        if font is not None:
            set_fonts(style.element.get_or_add_rPr(), font)
        fmt = style.paragraph_format
        fmt.alignment = align
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(after)
        fmt.line_spacing = 1.0
        # Table text must not snap to a document grid (it would take 3号 line pitch).
        ppr = style.element.get_or_add_pPr()
        snap = OxmlElement("w:snapToGrid")
        snap.set(qn("w:val"), "0")
        ppr.insert(0, snap)

    table_style = styles.add_style(TABLE_STYLE[0], WD_STYLE_TYPE.TABLE)
    table_style.style_id = TABLE_STYLE[1]
    table_style.base_style = None
    border = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
    table_style.element.append(
        parse_xml(
            f"<w:tblPr {nsdecls('w')}>"
            f"<w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/>"
            f"<w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders>"
            '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
            '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
            "</w:tblPr>"
        )
    )

    # A4 portrait after GB/T 9704: top 37, left 28, right 26, bottom 35 mm. The renderer turns it
    # to landscape for the tables by rotating these margins (binding edge on top).
    section = document.sections[0]
    section.page_width = Mm(210)
    section.page_height = Mm(297)
    section.top_margin = Mm(37)
    section.bottom_margin = Mm(35)
    section.left_margin = Mm(28)
    section.right_margin = Mm(26)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(23)  # the 一字线 sits about 7 mm below the type area

    document.settings.odd_and_even_pages_header_footer = True
    page_number_paragraph(section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right")
    page_number_paragraph(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left")

    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    body.insert(0, parse_xml(f"<w:p {nsdecls('w')}/>"))

    props = document.core_properties
    props.author = ""
    props.title = "政务公开工作任务单模板"
    props.comments = ""
    return document


def main() -> int:
    from zhengwu_cli.render.package import core_properties, now, read_package

    document = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        saved = Path(folder) / "sheet.docx"
        document.save(str(saved))  # type: ignore[attr-defined]
        package = read_package(saved)
    package.parts["docProps/core.xml"] = core_properties("政务公开工作任务单模板", "", now())
    with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in package.parts.items():
            info = zipfile.ZipInfo(name, date_time=(2022, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    print(f"wrote {OUT.relative_to(ROOT)}; left out: {package.note() or 'nothing'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
