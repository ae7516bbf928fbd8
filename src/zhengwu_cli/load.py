"""Load a checklist (and its unit registry) from YAML; every failure is a located Problem.

Safe loading only (libyaml's CSafeLoader where present); duplicate mapping keys, unsafe tags,
alias bombs, non-UTF-8 files and schema violations come out as `file:line:col: message`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .i18n import N_, _, at, join, os_reason
from .model import Checklist
from .positions import Positions
from .problems import Problem, Severity
from .units import Registry

try:
    from yaml import CSafeLoader as SafeLoader

    LIBYAML = True
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader  # type: ignore[assignment]

    LIBYAML = False

M = TypeVar("M", bound=BaseModel)


class _Loader(SafeLoader):
    """Safe loading whose impossible values (2022-02-30, a 5,000-digit integer) are located
    YAML errors instead of bare ValueErrors."""


def _located(kind: str, base: Any) -> Any:
    def construct(loader: _Loader, node: yaml.ScalarNode) -> Any:
        try:
            return base(loader, node)
        except ValueError as error:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                _("“{value}” is not a valid {kind} ({error})").format(
                    value=node.value[:40], kind=_(kind), error=error
                ),
                node.start_mark,
            ) from None

    return construct


_Loader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    _located(N_("date"), yaml.constructor.SafeConstructor.construct_yaml_timestamp),
)


def _int(loader: _Loader, node: yaml.ScalarNode) -> Any:
    """An integer; one too long for Python (over 4,300 digits) stays text, so the schema says
    at its field that a number belongs there."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)
    except ValueError:
        return str(node.value)


_Loader.add_constructor("tag:yaml.org,2002:int", _int)

MAX_BYTES = 64 * 1024 * 1024
MAX_NODES = 2_000_000  # after expanding aliases
MAX_DEPTH = 200


class LoadError(Exception):
    """Located problems that stop a file from loading. `registry` is the unit registry a
    checklist names (meta.registry) where that file, not the checklist, is what failed."""

    def __init__(self, problems: list[Problem], registry: Path | None = None) -> None:
        super().__init__("\n".join(p.parsable() for p in problems))
        self.problems = problems
        self.registry = registry


def _problem(
    path: str,
    line: int,
    col: int,
    code: str,
    name: str,
    message: str,
    hint: str | None = None,
    severity: Severity = Severity.error,
) -> Problem:
    return Problem(path, line, col, code, name, severity, message, hint)


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    col = len(before[start:].decode("utf-8", errors="replace")) + 1
    return line, col


def read_text(path: Path) -> tuple[str, list[Problem]]:
    """The file's text as UTF-8; a BOM is dropped with a warning; anything else is a LoadError."""
    return decode_text(read_file(path), str(path))


def read_file(path: Path) -> bytes:
    """The file's bytes; a missing, unreadable or oversized file is a LoadError."""
    shown = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LoadError(
                [
                    _problem(
                        shown,
                        1,
                        1,
                        "ZW004",
                        "encoding",
                        _("the file is {size} MB; a checklist is at most {limit} MB").format(
                            size=size // 1_048_576, limit=MAX_BYTES // 1_048_576
                        ),
                        _("check that this is the right file"),
                    )
                ]
            )
        return path.read_bytes()
    except IsADirectoryError:
        raise LoadError(
            [
                _problem(
                    shown,
                    1,
                    1,
                    "ZW000",
                    "unreadable",
                    _("this is a folder, not a checklist file"),
                    _("name a .yaml file"),
                )
            ]
        ) from None
    except FileNotFoundError:
        raise LoadError(
            [
                _problem(
                    shown,
                    1,
                    1,
                    "ZW000",
                    "unreadable",
                    _("no such file"),
                    _("check the name and the folder (the current folder is {folder})").format(
                        folder=Path.cwd()
                    ),
                )
            ]
        ) from None
    except OSError as error:
        raise LoadError(
            [
                _problem(
                    shown,
                    1,
                    1,
                    "ZW000",
                    "unreadable",
                    _("cannot read the file: {reason}").format(reason=os_reason(error)),
                )
            ]
        ) from None


def decode_text(data: bytes, shown: str) -> tuple[str, list[Problem]]:
    """The bytes as UTF-8 text; a BOM is dropped with a warning; anything else is a LoadError."""
    warnings: list[Problem] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        warnings.append(
            _problem(
                shown,
                1,
                1,
                "ZW004",
                "encoding",
                _("the file starts with a UTF-8 byte-order mark (BOM)"),
                _("harmless; save as “UTF-8” (without BOM) to silence this"),
                Severity.warning,
            )
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError(
            [
                _problem(
                    shown,
                    1,
                    1,
                    "ZW004",
                    "encoding",
                    _("the file is UTF-16 (what Windows Notepad calls “Unicode”), not UTF-8"),
                    _("open it in an editor and save it with the encoding “UTF-8”"),
                )
            ]
        )
    if b"\x00" in data[:8192]:
        line, col = _line_col(data, data.index(b"\x00"))
        raise LoadError(
            [
                _problem(
                    shown,
                    line,
                    col,
                    "ZW004",
                    "encoding",
                    _("this is a binary file, not a YAML text file"),
                    _("open the checklist .yaml, not a .docx or .xlsx"),
                )
            ]
        )
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError as error:
        line, col = _line_col(data, error.start)
        message = _("the file is not UTF-8")
        try:
            data.decode("gb18030")
            message = _(
                "the file is not UTF-8 (it looks like GBK/GB18030, as Windows Notepad and "
                "WPS save by default)"
            )
        except UnicodeDecodeError:
            pass
        raise LoadError(
            [
                _problem(
                    shown,
                    line,
                    col,
                    "ZW004",
                    "encoding",
                    message,
                    _("open it in an editor and save it with the encoding “UTF-8”"),
                )
            ]
        ) from None


def _walk(node: yaml.Node) -> Iterator[yaml.Node]:
    stack, seen = [node], set()
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack += [key, value]
        elif isinstance(current, yaml.SequenceNode):
            stack += current.value


def _depth(root: yaml.Node) -> int:
    """How deep a tree without aliases nests (each node is reached once)."""
    deepest, stack = 0, [(root, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(node, yaml.MappingNode):
            stack += [(n, level + 1) for pair in node.value for n in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(n, level + 1) for n in node.value]
    return deepest


def _check_nodes(root: yaml.Node, shown: str, aliases: bool = True) -> list[Problem]:
    problems: list[Problem] = []
    # expanded size and depth, memoised per node so an alias bomb is measured, not expanded;
    # a text without anchors (&name) has no aliases: its size is its node count
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    order = list(_walk(root))
    if not aliases and len(order) <= MAX_NODES:
        depth[id(root)] = _depth(root)
    for node in reversed(order) if aliases or id(root) not in depth else ():
        children: list[yaml.Node] = []
        if isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        size[id(node)] = 1 + sum(size.get(id(c), 1) for c in children)
        depth[id(node)] = 1 + max((depth.get(id(c), 1) for c in children), default=0)
        if size[id(node)] > MAX_NODES:
            mark = node.start_mark
            return [
                _problem(
                    shown,
                    mark.line + 1,
                    mark.column + 1,
                    "ZW005",
                    "unsafe-yaml",
                    _(
                        "aliases (*name) expand this document beyond {limit} values "
                        "(an “alias bomb”)"
                    ).format(limit=f"{MAX_NODES:,}"),
                    _("write the values out instead of repeating aliases"),
                )
            ]
    if depth[id(root)] > MAX_DEPTH:
        return [
            _problem(
                shown,
                1,
                1,
                "ZW005",
                "unsafe-yaml",
                _("the document nests more than {limit} levels deep").format(limit=MAX_DEPTH),
                _("a checklist nests about ten levels; check the file"),
            )
        ]
    for node in order:
        if node.tag.startswith("tag:yaml.org,2002:python/") or node.tag.startswith("!"):
            mark = node.start_mark
            problems.append(
                _problem(
                    shown,
                    mark.line + 1,
                    mark.column + 1,
                    "ZW005",
                    "unsafe-yaml",
                    _("the tag {tag} is not allowed (safe loading only)").format(tag=node.tag),
                    _("remove the tag; write plain values"),
                )
            )
        if isinstance(node, yaml.MappingNode):
            keys: dict[Any, yaml.Node] = {}
            for key, _value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    continue
                if key.value in keys:
                    first = keys[key.value].start_mark
                    mark = key.start_mark
                    problems.append(
                        _problem(
                            shown,
                            mark.line + 1,
                            mark.column + 1,
                            "ZW003",
                            "duplicate-key",
                            _(
                                "the key “{key}” appears twice in one mapping (first at {place})"
                            ).format(key=key.value, place=at(first.line + 1)),
                            _("keep one of them: YAML readers silently drop the first"),
                        )
                    )
                keys[key.value] = key
    return problems


def _mark_problem(
    shown: str, text: str, error: yaml.MarkedYAMLError, code: str, name: str
) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = _yaml_phrase(error.problem)
    if error.context:
        message = _("YAML syntax: {context} {problem}").format(
            context=_yaml_phrase(error.context), problem=problem
        )
    else:
        message = _("YAML syntax: {problem}").format(problem=problem)
    hint = _("check indentation, colons and quotes on this line or the one before it")
    lines = text.split("\n")
    if 0 < line <= len(lines) and "\t" in lines[line - 1][: max(col, 1)]:
        hint = _("YAML indents with spaces, not tabs: replace the tab with spaces")
    return _problem(shown, line, col, code, name, message, hint)


# what libyaml and PyYAML say, translated where they are shown (others stay as they say it)
YAML_PHRASES = (
    N_("mapping values are not allowed in this context"),
    N_("mapping values are not allowed here"),
    N_("while scanning for the next token"),
    N_("found character that cannot start any token"),
    N_("while scanning a quoted scalar"),
    N_("while parsing a quoted scalar"),
    N_("found unexpected end of stream"),
    N_("found unknown escape character"),
    N_("while parsing a flow sequence"),
    N_("did not find expected ',' or ']'"),
    N_("while parsing a flow mapping"),
    N_("did not find expected ',' or '}'"),
    N_("while parsing a block collection"),
    N_("did not find expected '-' indicator"),
    N_("while parsing a block mapping"),
    N_("did not find expected key"),
    N_("while scanning a simple key"),
    N_("could not find expected ':'"),
    N_("while scanning a block scalar"),
    N_("while scanning a plain scalar"),
    N_("while parsing a block node"),
    N_("while parsing a flow node"),
    N_("did not find expected node content"),
    N_("while scanning an alias"),
    N_("while scanning an anchor"),
    N_("did not find expected alphabetic or numeric character"),
    N_("found undefined alias"),
    N_("expected a single document in the stream"),
    N_("but found another document"),
    N_("found a tab character that violates indentation"),
    N_("found a tab character where an indentation space is expected"),
    N_("block sequence entries are not allowed in this context"),
    N_("did not find expected comment or line break"),
)


def _yaml_phrase(text: str | None) -> str:
    """A phrase of libyaml's or PyYAML's error in the reader's language (as it is where the
    catalogue does not know it)."""
    return _(text) if text else ""


def _reader_problem(shown: str, text: str, error: yaml.reader.ReaderError) -> Problem:
    """A character YAML cannot hold (a control character pasted from Word or Excel)."""
    before = text[: error.position]
    if LIBYAML:  # libyaml counts bytes of UTF-8, not characters
        before = text.encode("utf-8")[: error.position].decode("utf-8", errors="ignore")
    line, col = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(str(error.character))
    return _problem(
        shown,
        line,
        col,
        "ZW001",
        "yaml-syntax",
        _("the text holds the control character U+{code}, which YAML and Word cannot hold").format(
            code=f"{code:04X}"
        ),
        _("delete it (it often comes with text pasted from Word or Excel)"),
    )


def parse_yaml(text: str, shown: str) -> tuple[Any, Positions]:
    loader = _Loader(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            raise LoadError([_mark_problem(shown, text, error, "ZW001", "yaml-syntax")]) from None
        except yaml.reader.ReaderError as error:
            raise LoadError([_reader_problem(shown, text, error)]) from None
        except RecursionError:
            raise LoadError(
                [
                    _problem(
                        shown,
                        1,
                        1,
                        "ZW005",
                        "unsafe-yaml",
                        _("the document nests too deeply to read"),
                    )
                ]
            ) from None
        if root is None:
            raise LoadError(
                [
                    _problem(
                        shown,
                        1,
                        1,
                        "ZW002",
                        "schema",
                        _("the file is empty"),
                        _("a checklist starts with `meta:` and `goals:`"),
                    )
                ]
            )
        problems = _check_nodes(root, shown, aliases="&" in text)
        if problems:
            raise LoadError(problems)
        try:
            data = loader.construct_document(root)
        except yaml.MarkedYAMLError as error:
            raise LoadError([_mark_problem(shown, text, error, "ZW001", "yaml-syntax")]) from None
    finally:
        loader.dispose()
    positions = Positions(shown)
    positions.record(root)
    return data, positions


def _loc_text(loc: tuple[str | int, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _data_path(data: Any, loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """Pydantic's error location as a path through the data: the parts that name a key or an
    index of the document are kept; pydantic's own labels (union members, validators) are not.
    A missing key ends the path with its name."""
    path: list[str | int] = []
    current = data
    for part in loc:
        in_dict = isinstance(current, dict) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_dict or in_list:
            current = current[part]
        elif isinstance(part, str) and ("[" in part or part in ("str", "int")):
            continue  # a pydantic label such as function-after[_from_string(), UnitRef]
        elif isinstance(current, dict | list):
            path.append(part)  # a missing or unknown key: its name, at its parent's place
            break
        else:
            continue
        path.append(part)
    return tuple(path)


# pydantic's messages by error type, in the reader's language: each English text is what
# pydantic says (a message that differs, e.g. a plural, is shown as pydantic says it)
SCHEMA_MESSAGES = {
    "string_type": N_("Input should be a valid string"),
    "int_type": N_("Input should be a valid integer"),
    "int_parsing": N_("Input should be a valid integer, unable to parse string as an integer"),
    "int_from_float": N_("Input should be a valid integer, got a number with a fractional part"),
    "int_parsing_size": N_("Unable to parse input string as an integer, exceeded maximum size"),
    "float_type": N_("Input should be a valid number"),
    "float_parsing": N_("Input should be a valid number, unable to parse string as a number"),
    "bool_type": N_("Input should be a valid boolean"),
    "bool_parsing": N_("Input should be a valid boolean, unable to interpret input"),
    "list_type": N_("Input should be a valid list"),
    "dict_type": N_("Input should be a valid dictionary"),
    "model_type": N_("Input should be a valid dictionary or instance of {class_name}"),
    "model_attributes_type": N_(
        "Input should be a valid dictionary or object to extract fields from"
    ),
    "none_required": N_("Input should be None"),
    "date_type": N_("Input should be a valid date"),
    "greater_than": N_("Input should be greater than {gt}"),
    "greater_than_equal": N_("Input should be greater than or equal to {ge}"),
    "less_than": N_("Input should be less than {lt}"),
    "less_than_equal": N_("Input should be less than or equal to {le}"),
    "string_too_short": N_("String should have at least {min_length} character"),
    "too_short": N_("List should have at least {min_length} item after validation, not 0"),
    "enum": N_("Input should be {expected}"),
    "literal_error": N_("Input should be {expected}"),
}


def _expected(text: str) -> str:
    """pydantic's list of allowed values ('a', 'b' or 'c') as the reader writes a list."""
    values = re.findall(r"'[^']*'|\d+", text)
    if len(values) < 2 or ", ".join(values[:-1]) + " or " + values[-1] != text:
        return text
    return _("{items} or {last}").format(items=join(values[:-1]), last=values[-1])


def schema_message(item: Any) -> str:
    """The message of one pydantic error, in the reader's language: a missing or unknown field
    by its name, pydantic's own messages through SCHEMA_MESSAGES, a validator's text as is."""
    field = item["loc"][-1] if item["loc"] else ""
    if item["type"] == "extra_forbidden":
        return _("unknown field “{field}”").format(field=field)
    if item["type"] == "missing":
        return _("the field “{field}” is required").format(field=field)
    said: str = item["msg"].removeprefix("Value error, ")
    template = SCHEMA_MESSAGES.get(item["type"])
    context = {k: str(v) for k, v in (item.get("ctx") or {}).items()}
    try:
        if template is None or template.format(**context) != said:
            return said
    except (KeyError, IndexError, ValueError):
        return said
    if "expected" in context:
        context["expected"] = _expected(context["expected"])
    return _(template).format(**context)


def validate(model: type[M], data: Any, positions: Positions) -> M:
    if not isinstance(data, dict):
        kinds = {"str": N_("text"), "list": N_("a list")}
        name = type(data).__name__
        raise LoadError(
            [
                _problem(
                    positions.path,
                    *positions.of(()),
                    "ZW002",
                    "schema",
                    _("the document is {kind}, but a mapping (key: value) belongs here").format(
                        kind=_(kinds[name]) if name in kinds else name
                    ),
                    _("the file starts with keys such as `meta:` and `goals:`"),
                )
            ]
        )
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            loc = _data_path(data, item["loc"])
            line, col = positions.of(loc, key=item["type"] == "extra_forbidden")
            problems.append(
                _problem(
                    positions.path,
                    line,
                    col,
                    "ZW002",
                    "schema",
                    _("{place}: {message}").format(
                        place=_loc_text(loc), message=schema_message(item)
                    ),
                    _("see `zhengwu schema --registry` for the fields a unit registry takes")
                    if model is Registry
                    else _("see `zhengwu schema` for the fields a checklist takes"),
                )
            )
        raise LoadError(sorted(problems)) from None


@dataclass
class Loaded:
    path: Path
    checklist: Checklist
    positions: Positions
    registry_path: Path
    registry: Registry
    registry_positions: Positions
    warnings: list[Problem] = field(default_factory=list)
    unplaced: dict[int, list[str]] = field(default_factory=dict)  # indicator → names not read
    # the indicators whose roles the loader read from their 责任单位 text (no `roles` given)
    read_from_text: set[int] = field(default_factory=set)
    # every file read, as the system found it (symlinks resolved) → sha256 of the bytes read
    sources: dict[Path, str] = field(default_factory=dict)


@dataclass
class Document:
    """One YAML file read once: its bytes, its text and what it holds, with positions."""

    path: Path
    data: bytes
    text: str  # BOM dropped, line ends as they are
    parsed: Any
    positions: Positions
    warnings: list[Problem] = field(default_factory=list)


def read_document(path: Path) -> Document:
    """Read (once), decode and parse one YAML file. Raises LoadError with located problems."""
    data = read_file(path)
    text, warnings = decode_text(data, str(path))
    parsed, positions = parse_yaml(text, str(path))
    return Document(path, data, text, parsed, positions, warnings)


def load_model(
    model: type[M],
    path: Path,
    sources: dict[Path, str] | None = None,
    document: Document | None = None,
) -> tuple[M, Positions, list[Problem]]:
    """Read, parse and validate one file (or validate the `document` already read from it);
    `sources` gets its resolved path and digest."""
    document = document or read_document(path)
    if sources is not None:
        sources[path.resolve()] = hashlib.sha256(document.data).hexdigest()
    parsed, positions = document.parsed, document.positions
    return validate(model, parsed, positions), positions, document.warnings


def load(path: Path, document: Document | None = None) -> Loaded:
    """Load a checklist (from `document` when it is read already) and the registry it names.
    Raises LoadError with located problems."""
    sources: dict[Path, str] = {}
    checklist, positions, warnings = load_model(Checklist, path, sources, document)
    levels = checklist.level_problems()
    if levels:
        raise LoadError(
            [
                _problem(
                    str(path),
                    *positions.of(where),
                    "ZW002",
                    "schema",
                    message,
                    _("see `zhengwu schema` and docs/fields.md for the levels a table may have"),
                )
                for where, message in levels
            ]
        )
    registry_path = path.parent / checklist.meta.registry
    if not registry_path.is_file():
        line, col = positions.of(("meta", "registry"))
        raise LoadError(
            [
                _problem(
                    str(path),
                    line,
                    col,
                    "ZW000",
                    "unreadable",
                    _("the unit registry “{name}” is not beside the checklist").format(
                        name=checklist.meta.registry
                    ),
                    _(
                        "expected at {path}: create that file, or set meta.registry to the "
                        "file name of the unit registry"
                    ).format(path=registry_path.resolve()),
                )
            ],
            registry=registry_path,
        )
    try:
        registry, registry_positions, more = load_model(Registry, registry_path, sources)
    except LoadError as error:
        raise LoadError(error.problems, registry=registry_path) from None
    read: set[int] = set()
    unplaced = read_inline_units(checklist, registry, read)
    return Loaded(
        path,
        checklist,
        positions,
        registry_path,
        registry,
        registry_positions,
        warnings + more,
        unplaced,
        read,
        sources,
    )


def read_inline_units(
    checklist: Checklist, registry: Registry, read: set[int] | None = None
) -> dict[int, list[str]]:
    """Fill the roles of 责任单位 cells that give only their text (as tables of other places
    write them: "X牵头，Y、Z配合"); return, per indicator, the names no registry entry matches.
    `read` gets the numbers of the indicators whose roles were read so."""
    from .unittext import read_unit_text

    unplaced: dict[int, list[str]] = {}
    for _goal, _task, indicator in checklist.indicators():
        cell = indicator.units
        if cell.text and not cell.roles:
            reading = read_unit_text(cell.text, registry)
            cell.roles = reading.lines
            if read is not None:
                read.add(indicator.number)
            if reading.unplaced:
                unplaced[indicator.number] = reading.unplaced
    return unplaced
