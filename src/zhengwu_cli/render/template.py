"""The Word template (styles, page set-up, footer) and the text templates (titles, lines, headings).

The Word template is read once, as the raw parts of its zip archive; each sheet is that archive with
a new `word/document.xml`, so nothing the staff set in Word or WPS is lost and rendering many sheets
costs one zip write each. The renderer needs the styles in STYLES (by the name shown in Word);
a template without one of them is a RenderError naming every missing style.

The text templates (`sheet.yaml`) are jinja2 strings rendered in jinja2's
ImmutableSandboxedEnvironment with StrictUndefined and no globals: a template from a pull request
or an e-mail can show values, never reach `__class__`/`__globals__` or run a command. Each key may
use only the placeholders listed in PLACEHOLDERS, checked when the file is loaded, so a misspelt
placeholder (or a hidden attribute) is an error at its line and column before any file is
written.
"""

from __future__ import annotations

import math
import stat
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from lxml import etree  # type: ignore[import-untyped]

from ..columns import SHEETS, SheetColumn, SheetKind, on
from ..i18n import N_, _, join
from ..model import Role
from . import RenderError
from .package import DOCUMENT, read_package
from .text import xml_escape

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# key → (style name as shown in Word, style type)
STYLES: dict[str, tuple[str, str]] = {
    "title": ("任务单标题", "paragraph"),
    "note": ("任务单说明", "paragraph"),
    "label": ("附件标识", "paragraph"),
    "heading": ("表头", "paragraph"),
    "text": ("表格文字", "paragraph"),
    "center": ("表格文字居中", "paragraph"),
    "table": ("任务单表格", "table"),
    "page": ("页码", "paragraph"),  # the footer's page number "— 1 —"
}
STYLE_KINDS = {"paragraph": N_("paragraph"), "table": N_("table")}  # as errors name them


@dataclass(frozen=True)
class Style:
    style_id: str
    fonts: str  # a ready <w:rFonts …/> for runs: the style's explicit fonts, eastAsia included


@dataclass
class WordTemplate:
    path: Path
    entries: list[tuple[zipfile.ZipInfo, bytes]] = field(repr=False)
    document_part: str  # e.g. word/document.xml
    document: bytes = field(repr=False)
    styles: dict[str, Style]
    dropped: str | None = None  # one line: what the template held that no sheet takes


def _xml(path: Path, part: str, data: bytes | None) -> etree._Element:
    if data is None:
        raise RenderError(
            _("{path}: the .docx has no {part}; save it again from Word or WPS").format(
                path=path, part=part
            )
        )
    return etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))


def _fonts(by_id: dict[str, etree._Element], defaults: etree._Element | None, sid: str) -> str:
    """The explicit fonts a style resolves to (its own, then basedOn, then the defaults)."""
    found: dict[str, str] = {}
    seen: set[str] = set()
    current: str | None = sid
    chain: list[etree._Element] = []
    while current and current not in seen and current in by_id:
        seen.add(current)
        chain.append(by_id[current])
        based = by_id[current].find(_w("basedOn"))
        current = based.get(_w("val")) if based is not None else None
    if defaults is not None:
        chain.append(defaults)
    for element in chain:
        rfonts = element.find(f"{_w('rPr')}/{_w('rFonts')}")
        if rfonts is None:
            continue
        for attr in ("ascii", "hAnsi", "eastAsia"):
            value = rfonts.get(_w(attr))
            if value and attr not in found:
                found[attr] = value
    attrs = "".join(f' w:{k}="{xml_escape(v)}"' for k, v in found.items())
    return f"<w:rFonts{attrs}/>" if attrs else ""


def load_word(path: Path) -> WordTemplate:
    """The template's parts a sheet may take (package.read_package: no macros, no external
    links, no fields but page numbers, no foreign parts), and the styles the renderer needs."""
    package = read_package(path)
    parts = package.parts
    document_part = DOCUMENT
    styles_part = "word/styles.xml"
    if styles_part not in parts:
        raise RenderError(
            _(
                "{path}: not a Word document the renderer can use (no styles part); "
                "start from a copy of the bundled templates/sheet.docx"
            ).format(path=path)
        )
    styles = _xml(path, styles_part, parts.get(styles_part))

    by_name: dict[str, tuple[str, etree._Element]] = {}
    by_id: dict[str, etree._Element] = {}
    for style in styles.iter(_w("style")):
        sid = style.get(_w("styleId"), "")
        by_id[sid] = style
        name = style.find(_w("name"))
        if name is not None:
            by_name[name.get(_w("val"), "")] = (style.get(_w("type"), "paragraph"), style)
    defaults = styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}")

    missing = [
        f"{name}（{_(STYLE_KINDS[kind])}）" for name, kind in STYLES.values() if name not in by_name
    ]
    wrong = [
        _("{name} is a {kind} style, not a {wanted} style").format(
            name=name,
            kind=_(STYLE_KINDS.get(by_name[name][0], by_name[name][0])),
            wanted=_(STYLE_KINDS[kind]),
        )
        for name, kind in STYLES.values()
        if name in by_name and by_name[name][0] != kind
    ]
    if missing or wrong:
        what = []
        if missing:
            what.append(_("it lacks the styles {styles}").format(styles="、".join(missing)))
        what += wrong
        raise RenderError(
            _(
                "{path}: the template cannot be used: {what}. Add them with exactly these "
                "names (Word: 开始 › 样式 › 新建样式), or start from a copy of the bundled "
                "templates/sheet.docx"
            ).format(path=path, what=_("; ").join(what))
        )
    found: dict[str, Style] = {}
    for key, (name, _kind) in STYLES.items():
        sid = by_name[name][1].get(_w("styleId"), "")
        found[key] = Style(sid, _fonts(by_id, defaults, sid))
    entries = [(_member(name), data) for name, data in parts.items()]
    return WordTemplate(path, entries, document_part, parts[document_part], found, package.note())


def _member(name: str) -> zipfile.ZipInfo:
    """A zip entry of a sheet: a plain file (0644), no symlink bits, no odd attributes."""
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


# ---------------------------------------------------------------------------------------------
# text templates

COMMON = {"place", "year", "title", "generated"}
PLACEHOLDERS: dict[str, set[str]] = {
    "unit_file": COMMON | {"unit"},
    "unit_title": COMMON | {"unit", "total", "counts"},
    "unit_note": COMMON | {"unit", "total", "counts"},
    "role_own": {"role", "via", "duty"},
    "role_others_heading": set(),
    "role_others_line": {"role", "units"},
    "full_file": COMMON,
    "full_label": COMMON | {"total"},
    "full_title": COMMON | {"total"},
    "full_note": COMMON | {"total"},
}
REQUIRED = {"unit_file": {"unit"}, "unit_title": {"unit"}}  # else every unit gets the same one
OPTIONAL = {"full_note"}
MAX_WIDTH = 100_000  # relative widths (twips in sheet.yaml); .inf, .nan or 1e308 break the sum
# the columns of a sheet.yaml that lists them instead of naming them (the format before
# columns were named), in that list's order; frozen: a new column is never added here
LISTED: dict[str, tuple[str, ...]] = {
    "unit_columns": (
        "number",
        "task",
        "indicator",
        "roles",
        "measures",
        "deadline",
        "outcome",
        "progress",
    ),
    "full_columns": ("goal", "task", "indicator", "units", "measures", "deadline", "outcome"),
}


@dataclass(frozen=True)
class Heading:
    """A sheet's column as its sheet.yaml heads it: the declared column, its heading, its width."""

    column: SheetColumn
    heading: str
    width: float


@dataclass
class TextTemplates:
    path: Path
    templates: dict[str, Any] = field(default_factory=dict)  # key → jinja2.Template
    where: dict[str, tuple[int, int]] = field(default_factory=dict)
    columns: dict[str, list[Heading]] = field(default_factory=dict)
    role_names: dict[Role, str] = field(default_factory=dict)

    def has(self, key: str) -> bool:
        return key in self.templates

    def render(self, key: str, **values: Any) -> str:
        import jinja2

        try:
            return str(self.templates[key].render(**values))
        except jinja2.TemplateError as error:
            line, col = self.where.get(key, (1, 1))
            raise RenderError(
                _(
                    "{path}:{line}:{col}: `{key}` cannot be filled in: {error}; it may use {names}"
                ).format(
                    path=self.path, line=line, col=col, key=key, error=error, names=_names(values)
                )
            ) from None


def sandbox() -> Any:
    """The environment every text template renders in: jinja2's immutable sandbox (no attribute
    starting with `_`, no method that changes a value), strict about unknown names, and without
    jinja2's globals (range, cycler, joiner, namespace, lipsum, dict), so a template sees only
    the placeholders the renderer passes."""
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    env = ImmutableSandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=False)
    env.globals.clear()
    return env


def _reaching(parsed: Any) -> str | None:
    """The first hidden attribute or item a template reaches for (`x.__class__`, `x['_y']`,
    `x|attr(...)`), or None. The sandbox refuses these when rendering too; refusing them when
    loading names the file and line before any sheet is made."""
    from jinja2 import nodes

    for node in parsed.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter)):
        if isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
            return _("the attribute `.{name}`").format(name=node.attr)
        if isinstance(node, nodes.Getitem):
            arg = node.arg
            if isinstance(arg, nodes.Const) and str(arg.value).startswith("_"):
                return _("the item `[{name}]`").format(name=repr(arg.value))
        if isinstance(node, nodes.Filter) and node.name == "attr":
            return _("the filter `attr`")
    return None


def _names(names: Iterable[str]) -> str:
    """The placeholders a text template may use, or that it may use none."""
    return ", ".join(sorted(names)) or _("no placeholders")


def _fail(path: Path, at: tuple[int, int], message: str) -> RenderError:
    return RenderError(f"{path}:{at[0]}:{at[1]}: {message}")


def load_texts(path: Path) -> TextTemplates:
    import jinja2
    from jinja2 import meta

    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RenderError(_("{path}: no such text template file").format(path=path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise RenderError(
            _("{path}: cannot read the text templates ({error})").format(path=path, error=error)
        ) from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = getattr(error, "problem", error)
        raise _fail(path, at, _("not valid YAML: {problem}").format(problem=problem)) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise _fail(path, (1, 1), _("expected a mapping of keys (unit_title: …, full_title: …)"))
    where: dict[str, tuple[int, int]] = {}
    nodes: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        where[str(key_node.value)] = _mark(value_node)
        nodes[str(key_node.value)] = value_node

    result = TextTemplates(path, where=where)
    keys = (*PLACEHOLDERS, "role_names")
    missing = [k for k in keys if k not in data and k not in OPTIONAL]
    if missing:
        raise _fail(
            path,
            (1, 1),
            _("missing the keys {keys}; copy them from the bundled templates/sheet.yaml").format(
                keys=", ".join(missing)
            ),
        )
    env = sandbox()
    for key, allowed in PLACEHOLDERS.items():
        if key not in data:
            continue
        source = data[key]
        at = where[key]
        if not isinstance(source, str):
            raise _fail(path, at, _("`{key}` must be a text (in quotes)").format(key=key))
        try:
            parsed = env.parse(source)
        except jinja2.TemplateSyntaxError as error:
            message = _("`{key}` is not a valid template: {error}").format(
                key=key, error=error.message
            )
            raise _fail(path, at, message) from None
        reach = _reaching(parsed)
        if reach:
            raise _fail(
                path,
                at,
                _(
                    "`{key}` reaches into {reach}, which a text template may not: it may only "
                    "show the placeholders (e.g. {{{{ unit }}}}) and use if/for and filters; "
                    "nothing was run and nothing written"
                ).format(key=key, reach=reach),
            )
        used = meta.find_undeclared_variables(parsed)
        unknown = sorted(used - allowed)
        if unknown:
            raise _fail(
                path,
                at,
                _(
                    "`{key}` uses {unknown}, which the renderer does not provide; it may use "
                    "{names}"
                ).format(
                    key=key,
                    unknown=", ".join("{{ " + u + " }}" for u in unknown),
                    names=_names(allowed),
                ),
            )
        lacking = sorted(REQUIRED.get(key, set()) - used)
        if lacking:
            raise _fail(
                path,
                at,
                _(
                    "`{key}` must contain {{{{ {name} }}}}, or every unit would get the same one"
                ).format(key=key, name=lacking[0]),
            )
        result.templates[key] = env.from_string(source)
    for key, sheet in SHEETS.items():
        result.columns[key] = _columns(path, key, sheet, data.get(key), nodes.get(key))
    names = data["role_names"]
    if not isinstance(names, dict) or any(not isinstance(v, str) for v in names.values()):
        raise _fail(
            path,
            where["role_names"],
            _("`role_names` maps each role to its wording, e.g. {牵头: 牵头, 共同: 共同落实}"),
        )
    # a role the file does not name (one added to zhengwu after the file was written) is
    # printed as the role itself, so an office's own sheet.yaml keeps working
    result.role_names = {role: str(names.get(role.value, role.value)) for role in Role}
    return result


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _columns(
    path: Path, key: str, sheet: SheetKind, value: Any, node: yaml.Node | None
) -> list[Heading]:
    """A sheet's columns in their declared order (zhengwu_cli.columns), each with the heading
    and width `key` gives it by name, or, for a column it does not name, the declared ones.

    A list (the format before columns were named) gives the columns of LISTED in that order."""
    given: dict[str, tuple[Any, tuple[int, int]]] = {}  # name → (its entry, where)
    if value is None:
        pass
    elif isinstance(value, list) and isinstance(node, yaml.SequenceNode):
        names = LISTED[key]
        if len(value) != len(names):
            raise _fail(
                path,
                _mark(node),
                _(
                    "`{key}` lists {count} columns, but a list of columns gives the {expected} "
                    "columns {names} in this order; give each column by its name instead, "
                    "e.g. `deadline: {{heading: 完成时限, width: 1100}}`"
                ).format(key=key, count=len(value), expected=len(names), names=", ".join(names)),
            )
        for name, item, item_node in zip(names, value, node.value, strict=True):
            _entry(path, key, item, _mark(item_node), listed=True)
            given[name] = (item, _mark(item_node))
    elif isinstance(value, dict) and isinstance(node, yaml.MappingNode):
        known = [c.name for c in on(sheet)]
        for key_node, item_node in node.value:
            name = str(key_node.value)
            if name not in known:
                raise _fail(
                    path,
                    _mark(key_node),
                    _("`{key}` has no column `{name}`; its columns are {known}").format(
                        key=key, name=name, known=join(known)
                    ),
                )
            item = value[key_node.value]
            _entry(path, key, item, _mark(item_node), listed=False)
            given[name] = (item, _mark(item_node))
    else:
        raise _fail(
            path,
            _mark(node) if node is not None else (1, 1),
            _(
                "`{key}` gives each column by its name, e.g. "
                "`deadline: {{heading: 完成时限, width: 1100}}`"
            ).format(key=key),
        )
    result: list[Heading] = []
    for column in on(sheet):
        item = given.get(column.name, ({}, (1, 1)))[0] or {}
        heading = item.get("heading", column.heading)
        default = column.width(sheet)
        assert default is not None  # on(sheet): the sheet's columns have a width there
        width = item.get("width", default)
        result.append(Heading(column, str(heading), float(width)))
    return result


def _entry(path: Path, key: str, item: Any, at: tuple[int, int], listed: bool) -> None:
    """Check one column's entry: {heading: 名称, width: N}; by name, either may be left out."""
    shape = _("{{heading: 名称, width: a number above 0, at most {most}}}").format(most=MAX_WIDTH)
    if item is None and not listed:
        return
    if not isinstance(item, dict) or (listed and not {"heading", "width"} <= item.keys()):
        raise _fail(
            path,
            at,
            _("each of `{key}` is {shape}; got {item}").format(
                key=key, shape=shape, item=repr(item)
            ),
        )
    unknown = sorted(str(k) for k in item if k not in ("heading", "width"))
    heading, width = item.get("heading", ""), item.get("width", 1)
    if (
        unknown
        or not isinstance(heading, str)
        or not isinstance(width, (int, float))
        or isinstance(width, bool)
        or not math.isfinite(width)
        or not 0 < width <= MAX_WIDTH
    ):
        raise _fail(
            path,
            at,
            _("each of `{key}` is {shape}; got {item}").format(
                key=key, shape=shape, item=repr(item)
            ),
        )


def text_templates_for(word_template: Path, bundled: Path) -> Path:
    """The .yaml beside a chosen .docx (same stem) if present, else the bundled sheet.yaml."""
    beside = word_template.with_suffix(".yaml")
    return beside if beside.is_file() else bundled
