"""A web page (.html/.htm) → one grid per table (lxml.html).

Cells are placed by a running column index, as browsers do: a cell with `rowspan="3"` occupies
three rows, so the rows below have one `<td>` fewer and their cells move right. `<br>` and block
elements (`<p>`, `<div>`, `<li>`) make lines; `&nbsp;` is a space. The charset comes from a BOM or
the page's own `<meta>` (UTF-8, GBK/GB2312 read as GB18030), else UTF-8, else GB18030.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..i18n import _, os_reason
from .grid import MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, Cell, Grid, ReadError, square

MAX_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 200
ADDRESS = "{table} 第{row}行第{col}列"
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
_BLOCK = {
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "dd",
    "dt",
}
_SKIP = {"script", "style", "head", "noscript", "template"}


def charset(data: bytes) -> str:
    """The page's encoding, as Python names it."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    found = _META.search(data[:4096])
    if found:
        name = found.group(1).decode("ascii").lower()
        if name in ("gbk", "gb2312", "gb_2312-80", "gb18030", "x-gbk", "cp936"):
            return "gb18030"
        try:
            import codecs

            return codecs.lookup(name).name
        except LookupError:
            pass
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8"


def _lines(element: object, depth: int = 0) -> list[str]:
    """The element's text as lines: <br> and block elements break lines."""
    out = [""]

    def walk(el: object, level: int) -> None:
        tag = getattr(el, "tag", None)
        if not isinstance(tag, str) or level > MAX_DEPTH:
            return
        name = tag.lower()
        if name in _SKIP:
            return
        if name == "br":
            out.append("")
        else:
            block = name in _BLOCK and level > 0
            if block and out[-1].strip():
                out.append("")
            if el.text:  # type: ignore[attr-defined]
                out[-1] += el.text  # type: ignore[attr-defined]
            for child in el:  # type: ignore[attr-defined]
                walk(child, level + 1)
            if block and out[-1].strip():
                out.append("")
        tail = el.tail if level > 0 else None  # type: ignore[attr-defined]
        if tail:
            out[-1] += tail

    walk(element, depth)
    lines = [line.replace("\xa0", " ")[:MAX_CELL_CHARS] for line in out]
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    return lines


def _span(value: str | None, limit: int) -> int:
    try:
        number = int((value or "1").strip())
    except ValueError:
        return 1
    return min(max(number, 1), limit)


def _rows(table: object) -> list[object]:
    """The table's own rows (not those of a table inside a cell)."""
    found: list[object] = []
    for child in table:  # type: ignore[attr-defined]
        tag = getattr(child, "tag", "")
        if not isinstance(tag, str):
            continue
        if tag.lower() == "tr":
            found.append(child)
        elif tag.lower() in ("thead", "tbody", "tfoot"):
            found.extend(c for c in child if isinstance(c.tag, str) and c.tag.lower() == "tr")
    return found


def _grid(table: object, name: str) -> Grid:
    grid = Grid(name)
    taken: dict[tuple[int, int], tuple[int, int]] = {}  # position → origin of a span
    rows: list[list[Cell]] = []
    trs = _rows(table)
    if len(trs) > MAX_ROWS:
        raise ReadError(
            _("{table} has more than {limit} rows; not a task table").format(
                table=name, limit=MAX_ROWS
            )
        )
    for r, tr in enumerate(trs):
        row: list[Cell] = []

        def fill_taken(r: int = r, row: list[Cell] = row) -> None:
            while (r, len(row)) in taken:
                c = len(row)
                where = ADDRESS.format(table=name, row=r + 1, col=c + 1)
                row.append(Cell((), r, c, where, taken.pop((r, c))))

        for td in tr:  # type: ignore[attr-defined]
            if not isinstance(td.tag, str) or td.tag.lower() not in ("td", "th"):
                continue
            fill_taken()
            c = len(row)
            if c >= MAX_COLUMNS:
                raise ReadError(
                    _("{table} has more than {limit} columns; not a task table").format(
                        table=name, limit=MAX_COLUMNS
                    )
                )
            where = ADDRESS.format(table=name, row=r + 1, col=c + 1)
            if td.find(".//table") is not None:
                grid.notes.append(
                    _("{address} holds a table inside the cell; its text is read in order").format(
                        address=where
                    )
                )
            row.append(Cell(tuple(_lines(td)), r, c, where))
            rowspan = _span(td.get("rowspan"), len(trs) - r)
            colspan = _span(td.get("colspan"), MAX_COLUMNS - c)
            for dr in range(rowspan):
                for dc in range(colspan):
                    if dr == 0 and dc == 0:
                        continue
                    if dr == 0:
                        row.append(
                            Cell(
                                (),
                                r,
                                c + dc,
                                ADDRESS.format(table=name, row=r + 1, col=c + dc + 1),
                                (r, c),
                            )
                        )
                    else:
                        taken.setdefault((r + dr, c + dc), (r, c))
        fill_taken()
        for key in [k for k in taken if k[0] == r]:  # spans past the row's last cell
            while len(row) < key[1]:
                c = len(row)
                row.append(Cell((), r, c, ADDRESS.format(table=name, row=r + 1, col=c + 1)))
            if len(row) == key[1]:
                row.append(
                    Cell(
                        (),
                        r,
                        key[1],
                        ADDRESS.format(table=name, row=r + 1, col=key[1] + 1),
                        taken.pop(key),
                    )
                )
        rows.append(row)
    grid.rows = square(rows, name, ADDRESS)
    return grid


def read_html(path: Path) -> list[Grid]:
    import lxml.html  # type: ignore[import-untyped]
    from lxml import etree

    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(
                _("{name}: {size} MB is more than a web page of a table").format(
                    name=path.name, size=size // 2**20
                )
            )
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(
            _("{name}: cannot be read ({error})").format(name=path.name, error=os_reason(error))
        ) from None
    text = data.decode(charset(data), errors="replace")
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        root = lxml.html.document_fromstring(text or "<html></html>")
    except (etree.ParserError, ValueError) as error:
        raise ReadError(
            _("{name}: not a web page lxml can read ({error})").format(name=path.name, error=error)
        ) from None
    grids: list[Grid] = []
    before: list[str] = []
    title = root.findtext(".//title")
    if title and title.strip():
        before.append(" ".join(title.split()))
    body = root.find("body")
    if body is None:
        body = root

    def walk(el: object, level: int) -> None:
        nonlocal before
        tag = getattr(el, "tag", None)
        if not isinstance(tag, str) or level > MAX_DEPTH or tag.lower() in _SKIP:
            return
        if tag.lower() == "table":
            grid = _grid(el, f"表{len(grids) + 1}")
            grid.before = before
            grid.joined = bool(grids) and not before
            grids.append(grid)
            before = []
            if el.find(".//table") is not None:  # type: ignore[attr-defined]
                # a layout table (as many government pages are built): the task table is inside
                for child in el:  # type: ignore[attr-defined]
                    walk(child, level + 1)
            return
        if tag.lower() in ("p", "h1", "h2", "h3", "h4", "h5", "h6") or (
            tag.lower() == "div"
            and el.find(".//table") is None  # type: ignore[attr-defined]
            and el.find(".//div") is None  # type: ignore[attr-defined]
        ):
            shown = " ".join("".join(_lines(el, 0)).split())
            if shown:
                before.append(shown)
            return
        for child in el:  # type: ignore[attr-defined]
            walk(child, level + 1)

    walk(body, 0)
    return grids
