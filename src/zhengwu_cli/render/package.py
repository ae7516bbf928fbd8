"""Take from a Word template only what a sheet needs, and nothing that could act on the reader.

A `--template` .docx may come from anyone (an e-mail, a pull request). The sheets made from it go
to dozens of departments, so only these parts pass, rebuilt under their usual names: the main
document (for its page set-up: `w:sectPr`), styles, numbering, settings, the font table, the
theme, headers, footers, footnote and endnote separators. Everything else is dropped and named in
one line (`Package.dropped`):

- macros (vbaProject.bin, keyMapCustomizations …) and every part the list above does not name
  (altChunk parts, embedded objects and images, custom XML, people, comments, the thumbnail,
  stylesWithEffects, webSettings);
- every relationship that leaves the package (`TargetMode="External"`: a remote
  attachedTemplate, a UNC image or OLE link, a hyperlink), and every relationship of the parts
  kept but the document's own (header, footer, styles …);
- every field but PAGE, NUMPAGES and SECTIONPAGES (DDE, DDEAUTO, INCLUDEPICTURE, INCLUDETEXT,
  LINK, HYPERLINK …), and drawings, pictures, objects and hyperlinks in headers and footers;
- in settings: the attached template, mail merge (its data source), document variables, update
  fields on open, protection, revision ids;
- the author's name and e-mail: core.xml and app.xml are not taken from the template, the
  renderer writes its own;
- zip members with a name that is absolute, climbs out (`../../../x`), repeats, is not UTF-8 or
  is a symlink, and any part larger than MAX_PART (read at most that far: a 1 GB part costs no
  more than MAX_PART of memory).

A template is refused (RenderError) when it has more than MAX_MEMBERS members or an encrypted
one, when the parts kept add up to more than MAX_TOTAL, and when a part declares a DTD: each
XML part kept is parsed without DTDs, entities or network access, and `<!DOCTYPE` (the carrier
of external entities and of entity expansion bombs) is never in a Word document.
"""

from __future__ import annotations

import posixpath
import re
import stat
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

from ..i18n import N_, _, join
from . import RenderError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
# A template's own limits, not archive.py's (which collect and import apply to returned sheets
# and tables): archive.py refuses a whole file for one part too big or compressed over 100:1,
# but a template gives a sheet only its styles, headers and settings (the bundled styles.xml is
# 0.35 MB), so a part over MAX_PART is dropped and named, never inflated further, and the sheet
# is still made; and MAX_TOTAL counts the bytes actually inflated, not the sizes the zip claims.
MAX_PART = 16 * 1024 * 1024  # bytes read of one part, at most
MAX_TOTAL = 64 * 1024 * 1024  # bytes read of all the parts kept, as inflated (not as declared)
MAX_MEMBERS = 2000
FIELDS = {"PAGE", "NUMPAGES", "SECTIONPAGES"}
# the kinds of what a sheet does not take, as the one line names them (translated when shown)
UNSAFE = N_("unsafe zip entries")
OVERSIZED = N_("oversized parts")
MACROS = N_("macros")
FIELDS_DROPPED = N_("fields")
EXTERNAL = N_("external links")
LINKED = N_("linked parts")
PARTS = {
    "aFChunk": N_("aFChunk parts"),
    "oleObject": N_("oleObject parts"),
    "package": N_("package parts"),
    "image": N_("image parts"),
    "subDocument": N_("subDocument parts"),
}

WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
MAIN_TYPES = {
    f"{WML}.document.main+xml",
    f"{WML}.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
# relationship type of the document's parts kept → (canonical name, content type)
KEPT: dict[str, tuple[str, str]] = {
    "styles": ("word/styles.xml", f"{WML}.styles+xml"),
    "numbering": ("word/numbering.xml", f"{WML}.numbering+xml"),
    "settings": ("word/settings.xml", f"{WML}.settings+xml"),
    "fontTable": ("word/fontTable.xml", f"{WML}.fontTable+xml"),
    "theme": ("word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
    "footnotes": ("word/footnotes.xml", f"{WML}.footnotes+xml"),
    "endnotes": ("word/endnotes.xml", f"{WML}.endnotes+xml"),
    "header": ("word/header{n}.xml", f"{WML}.header+xml"),
    "footer": ("word/footer{n}.xml", f"{WML}.footer+xml"),
}
DOCUMENT = "word/document.xml"
DOCUMENT_TYPE = f"{WML}.document.main+xml"
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_pis=True
)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class Package:
    """The parts a sheet may take from a template, under their usual names, and what was left."""

    parts: dict[str, bytes]  # name → bytes, [Content_Types].xml and the relationships included
    dropped: list[str] = field(default_factory=list)

    def note(self) -> str | None:
        """One line: what was dropped, or None."""
        return _("; ").join(self.dropped) if self.dropped else None


class _Dropped:
    def __init__(self) -> None:
        self.kinds: dict[str, list[str]] = {}

    def add(self, kind: str, what: str) -> None:
        """`kind`: a text of N_() (translated when the lines are made); `what`: as shown."""
        found = self.kinds.setdefault(kind, [])
        if what not in found:
            found.append(what)

    def lines(self) -> list[str]:
        out = []
        for kind, items in self.kinds.items():
            shown = join(items[:4])
            if len(items) > 4:
                shown = _("{items} and {n} more").format(items=shown, n=len(items) - 4)
            out.append(
                _("{kind} ({items})").format(kind=_(kind), items=shown) if shown else _(kind)
            )
        return out


def _members(path: Path, dropped: _Dropped) -> dict[str, zipfile.ZipInfo]:
    """The zip's members by normalised name; unsafe ones dropped."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise RenderError(
            _("{path}: no such template; check the --template path").format(path=path)
        ) from None
    except IsADirectoryError:
        raise RenderError(
            _("{path}: this is a folder; --template takes a .docx file").format(path=path)
        ) from None
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise RenderError(
            _(
                "{path}: not a Word document ({error}); save the template as .docx "
                "(Word: 另存为 › Word 文档) and try again"
            ).format(path=path, error=error)
        ) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise RenderError(
                _(
                    "{path}: the template holds {n} parts, more than a Word document has "
                    "({most}); save it again from Word or start from templates/sheet.docx"
                ).format(path=path, n=len(infos), most=MAX_MEMBERS)
            )
    if any(info.flag_bits & 0x1 for info in infos):  # zipfile would raise RuntimeError
        raise RenderError(
            _(
                "{path}: the template is encrypted (password-protected); save it from Word "
                "without a password"
            ).format(path=path)
        )
    found: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.filename
        mode = info.external_attr >> 16
        if info.flag_bits & 0x800 == 0 and not name.isascii():
            dropped.add(UNSAFE, _("a name not in UTF-8: {name}").format(name=repr(name)))
            continue
        if stat.S_ISLNK(mode):
            dropped.add(UNSAFE, _("the symlink {name}").format(name=name))
            continue
        clean = posixpath.normpath(name.replace("\\", "/")) if name else ""
        if (
            not name
            or name.startswith(("/", "\\"))
            or re.match(r"^[A-Za-z]:", name)
            or clean.startswith("..")
            or ".." in name.replace("\\", "/").split("/")
            or "\x00" in name
        ):
            dropped.add(UNSAFE, repr(name))
            continue
        if info.is_dir():
            continue
        key = clean.lower()
        if key in found:
            dropped.add(UNSAFE, _("a second {name}").format(name=name))
            continue
        found[key] = info
    return found


class _Reader:
    def __init__(self, path: Path, members: dict[str, zipfile.ZipInfo], dropped: _Dropped):
        self.path = path
        self.members = members
        self.dropped = dropped
        self.total = 0

    def read(self, name: str) -> bytes | None:
        """A member's bytes (at most MAX_PART read), None if absent or too big."""
        info = self.members.get(name.lower())
        if info is None:
            return None
        if info.file_size > MAX_PART:
            size = info.file_size // 1_000_000
            self.dropped.add(OVERSIZED, _("{name}, {size} MB").format(name=name, size=size))
            return None
        try:
            with zipfile.ZipFile(self.path) as archive, archive.open(info) as handle:
                data = handle.read(MAX_PART + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
            raise RenderError(
                _(
                    "{path}: {name} cannot be read ({error}); save the template again from Word"
                ).format(path=self.path, name=name, error=error)
            ) from None
        if len(data) > MAX_PART:  # the size in the header lied
            size = MAX_PART // 1_000_000
            self.dropped.add(OVERSIZED, _("{name}, over {size} MB").format(name=name, size=size))
            return None
        self.total += len(data)
        if self.total > MAX_TOTAL:
            raise RenderError(
                _(
                    "{path}: the template's parts add up to more than {size} MB; a Word "
                    "template is a fraction of that"
                ).format(path=self.path, size=MAX_TOTAL // 1_000_000)
            )
        return data

    def xml(self, name: str, data: bytes) -> etree._Element:
        if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
            raise RenderError(
                _(
                    "{path}: {name} declares a DTD or entities (<!DOCTYPE …>), which a Word "
                    "document never does (it is how external files are read and entities "
                    "expanded); the template is refused and nothing was expanded. Save it again "
                    "from Word, or start from templates/sheet.docx"
                ).format(path=self.path, name=name)
            )
        try:
            root = etree.fromstring(data, parser=_PARSER)
        except etree.XMLSyntaxError as error:
            raise RenderError(
                _("{path}: {name} is damaged ({error}); save it again from Word").format(
                    path=self.path, name=name, error=error
                )
            ) from None
        if root.getroottree().docinfo.doctype:
            raise RenderError(
                _("{path}: {name} declares a DTD; the template is refused").format(
                    path=self.path, name=name
                )
            )
        return root


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _rels(reader: _Reader, part: str) -> list[etree._Element]:
    name = _rels_name(part)
    data = reader.read(name)
    if data is None:
        return []
    return list(reader.xml(name, data).iter(f"{{{PKG_RELS}}}Relationship"))


def _resolve(part: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))


def _content_types(reader: _Reader) -> dict[str, str]:
    data = reader.read("[Content_Types].xml")
    if data is None:
        raise RenderError(
            _("{path}: not a Word document (no [Content_Types].xml); save it as .docx").format(
                path=reader.path
            )
        )
    root = reader.xml("[Content_Types].xml", data)
    types = {
        o.get("PartName", "").lstrip("/").lower(): o.get("ContentType", "")
        for o in root.iter(f"{{{CT}}}Override")
    }
    for default in root.iter(f"{{{CT}}}Default"):
        types.setdefault(
            "*." + default.get("Extension", "").lower(), default.get("ContentType", "")
        )
    return types


def _main(reader: _Reader, types: dict[str, str]) -> str:
    for rel in _rels(reader, ""):
        if rel.get("Type", "").endswith("/officeDocument") and rel.get("TargetMode") != "External":
            target = _resolve("", rel.get("Target", ""))
            kind = types.get(target.lower(), "")
            if kind not in MAIN_TYPES:
                what = (
                    _("an Excel workbook") if "spreadsheetml" in kind else _("not a Word document")
                )
                raise RenderError(
                    _(
                        "{path}: not a Word document ({what}: its main part is {part}); "
                        "--template takes a Word .docx"
                    ).format(path=reader.path, what=what, part=target)
                )
            if "macroEnabled" in kind:
                reader.dropped.add(MACROS, _("the document is macro-enabled"))
            return target
    raise RenderError(
        _("{path}: not a Word document (no main document part); save it as .docx").format(
            path=reader.path
        )
    )


# -- cleaning the XML ------------------------------------------------------------------------


def _field_code(instr: str) -> str:
    words = instr.strip().split()
    return words[0].upper() if words else ""


def _clean_fields(root: etree._Element, dropped: _Dropped) -> None:
    """Keep PAGE/NUMPAGES/SECTIONPAGES; remove every other field, result included."""
    for simple in list(root.iter(_w("fldSimple"))):
        code = _field_code(simple.get(_w("instr"), ""))
        if code not in FIELDS:
            dropped.add(FIELDS_DROPPED, code or _("empty"))
            parent = simple.getparent()
            if parent is not None:
                parent.remove(simple)
    runs = list(root.iter(_w("r")))
    depth = 0
    instr: list[str] = []
    current: list[etree._Element] = []  # the runs of the outermost field being read
    remove: list[etree._Element] = []
    for run in runs:
        char = run.find(_w("fldChar"))
        kind = char.get(_w("fldCharType")) if char is not None else None
        if kind == "begin":
            depth += 1
        if depth:
            current.append(run)
            if depth == 1:
                instr += [t.text or "" for t in run.iter(_w("instrText"))]
        elif run.find(_w("instrText")) is not None:
            remove.append(run)  # an instruction outside any field
            dropped.add(FIELDS_DROPPED, _field_code("".join(t.text or "" for t in run.iter())))
        if kind == "end" and depth:
            depth -= 1
            if depth == 0:
                code = _field_code("".join(instr))
                if code not in FIELDS:
                    dropped.add(FIELDS_DROPPED, code or _("empty"))
                    remove += current
                current, instr = [], []
    if depth:  # a field never ended: drop what it held
        remove += current
    for run in remove:
        parent = run.getparent()
        if parent is not None:
            parent.remove(run)


_FOREIGN = (
    "drawing",
    "pict",
    "object",
    "hyperlink",
    "altChunk",
    "subDoc",
    "control",
    "embedObject",
)


def _clean_story(root: etree._Element, dropped: _Dropped) -> None:
    """A header, footer or note part: text and page numbers, nothing that points elsewhere."""
    _clean_fields(root, dropped)
    for tag in _FOREIGN:
        for element in list(root.iter(_w(tag))):
            dropped.add(N_("pictures, objects and links in headers and footers"), tag)
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    for element in list(root.iter(f"{{{mc}}}AlternateContent")):
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
    _strip_relationship_attrs(root)


def _strip_relationship_attrs(root: etree._Element) -> None:
    """Remove any element left that points at a relationship (r:id, r:embed, r:link …)."""
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if any(key.startswith(f"{{{R}}}") for key in element.attrib):
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)


SETTINGS_DROPPED = {
    "attachedTemplate": N_("a template link"),
    "mailMerge": N_("mail merge"),
    "docVars": N_("document variables"),
    "updateFields": N_("update fields on open"),
    "documentProtection": N_("protection"),
    "writeProtection": N_("protection"),
    "rsids": "",
    "saveThroughXslt": N_("an XSLT link"),
    "attachedSchema": N_("a schema link"),
    "removePersonalInformation": "",
}


def _clean_settings(root: etree._Element, dropped: _Dropped) -> None:
    for tag, what in SETTINGS_DROPPED.items():
        for element in list(root.iter(_w(tag))):
            if what:
                dropped.add(N_("settings"), _(what))
            element.getparent().remove(element)
    _strip_relationship_attrs(root)
    lang = root.find(_w("themeFontLang"))
    if lang is None:
        lang = etree.SubElement(root, _w("themeFontLang"))
        # schema order: themeFontLang follows most settings; Word accepts it before clrSchemeMapping
        mapping = root.find(_w("clrSchemeMapping"))
        if mapping is not None:
            mapping.addprevious(lang)
    lang.set(_w("eastAsia"), "zh-CN")
    if lang.get(_w("val")) is None:
        lang.set(_w("val"), "en-US")


def _clean_fonts(root: etree._Element) -> None:
    for tag in ("embedRegular", "embedBold", "embedItalic", "embedBoldItalic"):
        for element in list(root.iter(_w(tag))):
            element.getparent().remove(element)


def _clean_numbering(root: etree._Element) -> None:
    for tag in ("numPicBullet", "lvlPicBulletId"):
        for element in list(root.iter(_w(tag))):
            element.getparent().remove(element)
    _strip_relationship_attrs(root)


def _serialise(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


# -- the package -----------------------------------------------------------------------------


def read_package(path: Path) -> Package:
    """The template's parts a sheet may take, rebuilt; RenderError if it is no Word document."""
    dropped = _Dropped()
    members = _members(path, dropped)
    reader = _Reader(path, members, dropped)
    types = _content_types(reader)
    main = _main(reader, types)
    data = reader.read(main)
    if data is None:
        raise RenderError(
            _("{path}: the .docx has no {part}; save it again from Word or WPS").format(
                path=path, part=main
            )
        )
    document = reader.xml(main, data)

    parts: dict[str, bytes] = {}
    used = {"[content_types].xml", "_rels/.rels", main.lower()}
    used.add(_rels_name(main).lower())
    rels: list[tuple[str, str, str]] = []  # new id, type, target (relative to word/)
    renamed: dict[str, str] = {}  # old relationship id → new
    overrides: dict[str, str] = {DOCUMENT: DOCUMENT_TYPE}
    count = {"header": 0, "footer": 0}
    for rel in _rels(reader, main):
        kind = rel.get("Type", "")
        short = kind.rsplit("/", 1)[-1]
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            dropped.add(EXTERNAL, f"{short} → {target}")
            continue
        name = _resolve(main, target)
        if short not in KEPT or not kind.startswith(RT):
            if short in ("vbaProject", "keyMapCustomizations", "wordVbaData"):
                dropped.add(MACROS, name)
            elif short in ("aFChunk", "oleObject", "package", "image", "subDocument"):
                dropped.add(PARTS[short], name)
            used.add(name.lower())
            continue
        used.add(name.lower())
        part = reader.read(name)
        if part is None:
            continue
        root = reader.xml(name, part)
        for inner in _rels(reader, name):
            mode = inner.get("TargetMode")
            what = inner.get("Type", "").rsplit("/", 1)[-1]
            shown = f"{what} → {inner.get('Target', '')}"
            dropped.add(EXTERNAL if mode == "External" else LINKED, shown)
        used.add(_rels_name(name).lower())
        if short in ("header", "footer", "footnotes", "endnotes"):
            _clean_story(root, dropped)
        elif short == "settings":
            _clean_settings(root, dropped)
        elif short == "fontTable":
            _clean_fonts(root)
        elif short == "numbering":
            _clean_numbering(root)
        elif short == "styles":
            _strip_relationship_attrs(root)
        elif short == "theme" and any(
            key.startswith(f"{{{R}}}") for e in root.iter() for key in e.attrib
        ):
            dropped.add(LINKED, _("pictures in the theme"))
            _strip_relationship_attrs(root)
        canonical, content_type = KEPT[short]
        if short in count:
            count[short] += 1
            canonical = canonical.format(n=count[short])
        if canonical in parts:  # a second styles part …: the first one counts
            continue
        parts[canonical] = _serialise(root)
        overrides[canonical] = content_type
        new_id = f"rId{len(rels) + 1}"
        old_id = rel.get("Id")
        if old_id:
            renamed[old_id] = new_id
        rels.append((new_id, kind, posixpath.relpath(canonical, "word")))

    # the main document: only its root and section properties matter (the body is replaced)
    _clean_document(document, renamed)
    parts[DOCUMENT] = _serialise(document)

    fonts = _with_fallbacks(parts.get("word/fontTable.xml"), parts)
    if fonts is not None:
        if "word/fontTable.xml" not in parts:
            rels.append((f"rId{len(rels) + 1}", RT + "fontTable", "fontTable.xml"))
            overrides["word/fontTable.xml"] = KEPT["fontTable"][1]
        parts["word/fontTable.xml"] = fonts

    for name, info in members.items():
        if name not in used and not name.startswith(("docprops/", "customxml/")):
            short = posixpath.basename(info.filename)
            kind = MACROS if "vba" in short.lower() else N_("other parts")
            dropped.add(kind, info.filename)
    if any(reader.members.get(n) for n in ("docprops/core.xml", "docprops/app.xml")):
        personal = _personal(reader)
        if personal:
            dropped.add(N_("the template's document properties"), personal)

    parts["word/_rels/document.xml.rels"] = _relationships(rels)
    parts["_rels/.rels"] = _relationships(
        [
            ("rId1", RT + "officeDocument", DOCUMENT),
            (
                "rId2",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                "core-properties",
                "docProps/core.xml",
            ),
            ("rId3", RT + "extended-properties", "docProps/app.xml"),
        ]
    )
    overrides["docProps/core.xml"] = "application/vnd.openxmlformats-package.core-properties+xml"
    overrides["docProps/app.xml"] = (
        "application/vnd.openxmlformats-officedocument.extended-properties+xml"
    )
    parts["docProps/core.xml"] = core_properties("", "", datetime.now(timezone.utc))
    parts["docProps/app.xml"] = APP
    parts["[Content_Types].xml"] = _types(overrides)
    return Package(parts, dropped.lines())


def _clean_document(document: etree._Element, renamed: dict[str, str]) -> None:
    """Only the root (namespaces) and the last section properties stay: the body is replaced."""
    body = document.find(_w("body"))
    if body is None:
        body = etree.SubElement(document, _w("body"))
    sects = body.findall(_w("sectPr"))
    for child in list(body):
        if child.tag != _w("sectPr") or child is not (sects[-1] if sects else None):
            body.remove(child)
    for sect in body.iter(_w("sectPr")):
        for element in list(sect):
            rid = element.get(f"{{{R}}}id")
            if rid is None:
                continue
            if element.tag in (_w("headerReference"), _w("footerReference")) and rid in renamed:
                element.set(f"{{{R}}}id", renamed[rid])
            else:
                sect.remove(element)
        for element in list(sect.iter()):
            if any(k.startswith(f"{{{R}}}") and k != f"{{{R}}}id" for k in element.attrib):
                element.getparent().remove(element)


def _personal(reader: _Reader) -> str:
    """Who the template's properties name (its author, company …), for the note."""
    found: list[str] = []
    for name, tags in (
        ("docProps/core.xml", ("creator", "lastModifiedBy", "description")),
        ("docProps/app.xml", ("Company", "Manager")),
    ):
        data = reader.read(name)
        if data is None:
            continue
        try:
            root = reader.xml(name, data)
        except RenderError:
            found.append(name)
            continue
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            local = etree.QName(element).localname
            if local in tags and (element.text or "").strip():
                found.append(_(PERSONAL[local]) if local in PERSONAL else local)
    return ", ".join(dict.fromkeys(found))


# what a template's properties name, in words (Company, Manager and the part names as they are)
PERSONAL = {
    "creator": N_("author"),
    "lastModifiedBy": N_("last saved by"),
    "description": N_("description"),
}


# The 公文 fonts a stock Windows PC lacks, and what it shows instead (w:altName): 仿宋_GB2312 is
# 仿宋 on Windows since Vista, 方正小标宋简体 falls back to 宋体. (panose, family, pitch)
FALLBACKS: dict[str, tuple[str, str, str, str]] = {
    "仿宋_GB2312": ("仿宋", "02010609030101010101", "modern", "fixed"),
    "楷体_GB2312": ("楷体", "02010609030101010101", "modern", "fixed"),
    "方正小标宋简体": ("宋体", "02000000000000000000", "script", "variable"),
    "方正仿宋_GBK": ("仿宋", "02000000000000000000", "script", "variable"),
    "方正楷体_GBK": ("楷体", "02000000000000000000", "script", "variable"),
    "方正黑体_GBK": ("黑体", "02000000000000000000", "script", "variable"),
    "仿宋": ("", "02010609060101010101", "modern", "fixed"),
    "楷体": ("", "02010609060101010101", "modern", "fixed"),
    "宋体": ("", "02010600030101010101", "auto", "variable"),
    "黑体": ("", "02010609060101010101", "modern", "fixed"),
}


def _with_fallbacks(font_table: bytes | None, parts: dict[str, bytes]) -> bytes | None:
    """The font table with an entry (Chinese charset, w:altName) for each font the styles
    name that has a fallback, so Word shows 仿宋/宋体 where the 公文 font is missing."""
    styles = parts.get("word/styles.xml")
    if styles is None:
        return None
    used: list[str] = []
    for rfonts in etree.fromstring(styles, parser=_PARSER).iter(_w("rFonts")):
        for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
            name = rfonts.get(_w(attr))
            if name in FALLBACKS and name not in used:
                used.append(name)
    for name in list(used):
        alt = FALLBACKS[name][0]
        if alt and alt not in used:
            used.append(alt)
    if not used:
        return font_table
    if font_table is None:
        root = etree.Element(_w("fonts"), nsmap={"w": W, "r": R})
    else:
        root = etree.fromstring(font_table, parser=_PARSER)
    entries = {f.get(_w("name")): f for f in root.iter(_w("font"))}
    for name in used:
        alt, panose, family, pitch = FALLBACKS[name]
        font = entries.get(name)
        if font is None:
            font = etree.SubElement(root, _w("font"))
            font.set(_w("name"), name)
        for tag in ("altName", "panose1", "charset", "family", "pitch"):
            for old in font.findall(_w(tag)):
                font.remove(old)
        values = [("panose1", panose), ("charset", "86"), ("family", family), ("pitch", pitch)]
        if alt:
            values.insert(0, ("altName", alt))
        for index, (tag, value) in enumerate(values):  # schema order: altName, panose1 …
            element = etree.Element(_w(tag))
            element.set(_w("val"), value)
            font.insert(index, element)
    return _serialise(root)


def _relationships(rels: list[tuple[str, str, str]]) -> bytes:
    root = etree.Element(f"{{{PKG_RELS}}}Relationships", nsmap={None: PKG_RELS})
    for rid, kind, target in rels:
        etree.SubElement(root, f"{{{PKG_RELS}}}Relationship", Id=rid, Type=kind, Target=target)
    return _serialise(root)


def _types(overrides: dict[str, str]) -> bytes:
    root = etree.Element(f"{{{CT}}}Types", nsmap={None: CT})
    etree.SubElement(
        root,
        f"{{{CT}}}Default",
        Extension="rels",
        ContentType="application/vnd.openxmlformats-package.relationships+xml",
    )
    etree.SubElement(root, f"{{{CT}}}Default", Extension="xml", ContentType="application/xml")
    for name, kind in overrides.items():
        etree.SubElement(root, f"{{{CT}}}Override", PartName="/" + name, ContentType=kind)
    return _serialise(root)


APP = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>zhengwu</Application><DocSecurity>0</DocSecurity></Properties>"
)


def now() -> datetime:
    return datetime.now(timezone.utc)


def core_properties(title: str, subject: str, when: datetime) -> bytes:
    """A sheet's own core.xml: its title and subject, made now; no author, no description."""
    cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    dc = "http://purl.org/dc/elements/1.1/"
    dcterms = "http://purl.org/dc/terms/"
    xsi = "http://www.w3.org/2001/XMLSchema-instance"
    root = etree.Element(
        f"{{{cp}}}coreProperties", nsmap={"cp": cp, "dc": dc, "dcterms": dcterms, "xsi": xsi}
    )
    etree.SubElement(root, f"{{{dc}}}title").text = title
    etree.SubElement(root, f"{{{dc}}}subject").text = subject
    stamp = when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    for tag in ("created", "modified"):
        element = etree.SubElement(root, f"{{{dcterms}}}{tag}")
        element.set(f"{{{xsi}}}type", "dcterms:W3CDTF")
        element.text = stamp
    return _serialise(root)
