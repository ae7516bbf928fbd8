"""Fixtures built in code: Word tables with real merges, workbooks, web pages."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document
from lxml import etree  # type: ignore[import-untyped]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W}"'

# One record of `zhengwu list --format json`, as parsed: JSON, whose values are of any JSON type.
Record = dict[str, Any]


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def para(text: str = "", extra: str = "", ppr: str = "") -> str:
    """A paragraph; `extra` is raw run XML appended after the text run."""
    run = f'<w:r><w:t xml:space="preserve">{esc(text)}</w:t></w:r>' if text else ""
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{run}{extra}</w:p>"


def tc(
    content: str | Sequence[str] = "",
    span: int = 1,
    vmerge: str | None = None,
    raw: str | None = None,
) -> str:
    """A cell: its paragraphs (a list of lines gives one paragraph each)."""
    pr = f'<w:tcW w:w="{1000 * span}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        pr += "<w:vMerge/>"
    lines = [content] if isinstance(content, str) else list(content)
    body = raw if raw is not None else "".join(para(line) for line in lines) or para()
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{body}</w:tc>"


def tr(*cells: str, header: bool = False, before: int = 0, after: int = 0) -> str:
    pr = ""
    if before:
        pr += f'<w:gridBefore w:val="{before}"/>'
    if after:
        pr += f'<w:gridAfter w:val="{after}"/>'
    if header:
        pr += "<w:tblHeader/>"
    return f"<w:tr>{f'<w:trPr>{pr}</w:trPr>' if pr else ''}{''.join(cells)}</w:tr>"


def tbl(*rows: str, width: int = 7) -> str:
    grid = "".join('<w:gridCol w:w="1000"/>' for _ in range(width))
    pr = f'<w:tblPr><w:tblW w:w="{1000 * width}" w:type="dxa"/></w:tblPr>'
    return f"<w:tbl {NS}>{pr}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def write_docx(path: Path, blocks: Sequence[str], numbering: str | None = None) -> Path:
    """A .docx whose body is `blocks` (paragraph or table XML, in order)."""
    doc = Document()
    body = doc.element.body
    sect = body[-1]
    for block in blocks:
        xml = block if block.startswith("<w:tbl") else block.replace("<w:p>", f"<w:p {NS}>", 1)
        sect.addprevious(etree.fromstring(xml))
    if numbering is not None:
        part = doc.part.numbering_part.element
        for child in etree.fromstring(f"<w:numbering {NS}>{numbering}</w:numbering>"):
            part.append(child)
    doc.save(str(path))
    return path


HEADER7 = ("目标", "主要任务", "细化指标", "责任单位", "工作措施", "完成时限", "可检视成果")


def header_row(names: Sequence[str] = HEADER7) -> str:
    return tr(*(tc(n) for n in names), header=True)
