"""The message catalogues: find the texts in the sources, keep the .po files, compile the .mo.

    python scripts/i18n.py update PART PATH...   add the untranslated texts of PATHs to
                                                  locale/zh/PART.po (empty msgstr), drop stale ones
    python scripts/i18n.py compile               every locale/zh/*.po → LC_MESSAGES/zhengwu.mo
    python scripts/i18n.py check                 what tests/test_i18n.py checks; exit 1 on a problem
    python scripts/i18n.py missing               each text with no translation, with where it is

A text is: the first argument of `_()`, `N_()`, `ngettext()` (and its second, the plural); the
docstring of a click command (its --help); the docstring of a lint rule module (`zhengwu rules`).
Docstrings are taken cleaned (`inspect.cleandoc`), as they are looked up.

Translators edit the .po files (any PO editor, or by hand); then `compile`, and commit both.
Babel is used here only (a test dependency); zhengwu reads the .mo with the standard library.
"""

from __future__ import annotations

import ast
import datetime as dt
import io
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "zhengwu_cli"
LOCALE = PACKAGE / "locale" / "zh"
MO = LOCALE / "LC_MESSAGES" / "zhengwu.mo"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)  # so the .mo is reproducible
FIELD = re.compile(r"\{[^{}]*\}")
# click's own texts (Usage:, Options:, Error: …): translated here, but not in our sources
EXTERNAL = {"click.po"}

MessageId = str | tuple[str, str]  # a text, or (singular, plural)


@dataclass
class Text:
    id: MessageId
    places: list[str] = field(default_factory=list)
    context: str | None = None  # pgettext's: one English text meaning two things


def key_of(message_id: MessageId, context: str | None = None) -> str:
    """How gettext files a message: its (singular) id, after its context and U+0004."""
    singular = message_id if isinstance(message_id, str) else message_id[0]
    return f"{context}\x04{singular}" if context else singular


def _key(message: object) -> str:
    return key_of(message.id, message.context)  # type: ignore[attr-defined]


def source_files(paths: Iterable[Path] = (PACKAGE,)) -> Iterator[Path]:
    for path in paths:
        yield from sorted(path.rglob("*.py")) if path.is_dir() else [path]


def _docstrings(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if path.parent.name == "rules" and path.name.startswith("zw"):
        doc = ast.get_docstring(tree)
        if doc:
            yield 1, doc
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and any(
            "command" in ast.unparse(d) or "group" in ast.unparse(d) for d in node.decorator_list
        ):
            doc = ast.get_docstring(node)
            if doc:
                yield node.lineno, doc


def texts(paths: Iterable[Path] = (PACKAGE,)) -> dict[str, Text]:
    """Every text of the sources under `paths`, by its msgid (the singular for a plural)."""
    found: dict[str, Text] = {}

    def add(message: MessageId, place: str, context: str | None = None) -> None:
        if not (message if isinstance(message, str) else message[0]):
            return
        key = key_of(message, context)
        found.setdefault(key, Text(message, context=context)).places.append(place)

    for path in source_files(paths):
        where = path.relative_to(ROOT).as_posix()
        for lineno, message, _comments, context in extract_from_file(
            "python", path, keywords=KEYWORDS
        ):
            if isinstance(message, tuple):
                message = (message[0], message[1]) if len(message) > 1 else message[0]
            add(message, f"{where}:{lineno}", context)
        for lineno, doc in _docstrings(path):
            add(doc, f"{where}:{lineno}")
    return found


def catalogue_files() -> list[Path]:
    return sorted(LOCALE.glob("*.po"))


def read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale="zh", domain="zhengwu")


def write(path: Path, catalog: Catalog) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, omit_header=False, sort_output=False)
    path.write_bytes(buffer.getvalue())


def _new_catalog() -> Catalog:
    return Catalog(
        locale="zh",
        domain="zhengwu",
        project="zhengwu",
        version="0.1",
        copyright_holder="zhengwu developers",
        msgid_bugs_address="",
        last_translator="zhengwu developers",
        language_team="zhengwu",
        creation_date=FIXED_DATE,
        revision_date=FIXED_DATE,
        fuzzy=False,
    )


def translations() -> dict[str, tuple[str | tuple[str, ...], str]]:
    """msgid → (msgstr, the .po it is in), over every catalogue."""
    merged: dict[str, tuple[str | tuple[str, ...], str]] = {}
    for path in catalogue_files():
        for message in read(path):
            if not message.id:
                continue
            key = _key(message)
            string = message.string if not message.fuzzy else ""
            merged.setdefault(key, (string, path.name))
    return merged


def compiled() -> Catalog:
    catalog = _new_catalog()
    for path in catalogue_files():
        for message in read(path):
            if message.id and message.string and not message.fuzzy:
                catalog.add(message.id, message.string, context=message.context)
    return catalog


def compile_mo() -> None:
    MO.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_mo(buffer, compiled())
    MO.write_bytes(buffer.getvalue())


def _strings(catalog: Catalog) -> dict[str, object]:
    return {
        _key(m): (m.string if isinstance(m.string, str) else tuple(m.string))
        for m in catalog
        if m.id and m.string
    }


def problems() -> list[str]:
    """What is wrong with the catalogues against the sources; empty when all is well."""
    found = texts()
    out: list[str] = []
    seen: dict[str, tuple[object, str]] = {}
    for path in catalogue_files():
        for message in read(path):
            if not message.id:
                continue
            key = _key(message)
            if key in seen and seen[key][0] != message.string:
                out.append(f"{path.name}: {key!r} is also in {seen[key][1]}, translated otherwise")
            seen.setdefault(key, (message.string, path.name))
            if key not in found and path.name not in EXTERNAL:
                out.append(f"{path.name}: stale, no longer in the sources: {key!r}")
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            allowed = {f for one in ids for f in FIELD.findall(one)}
            for string in strings:
                if not string:
                    continue
                fields = FIELD.findall(string)
                exact = len(ids) == 1 and sorted(FIELD.findall(key)) != sorted(fields)
                if exact or not set(fields) <= allowed:
                    out.append(
                        f"{path.name}: the fields of {key!r} differ in its translation {string!r}"
                    )
    for key, text in found.items():
        string = seen.get(key, ("", ""))[0]
        if not string or (isinstance(string, tuple) and not all(string)):
            out.append(f"{text.places[0]}: no Chinese translation for {key!r}")
    if not MO.exists():
        out.append(f"{MO.relative_to(ROOT)} is missing: run python scripts/i18n.py compile")
    else:
        with MO.open("rb") as handle:
            if _strings(read_mo(handle)) != _strings(compiled()):
                out.append(
                    f"{MO.relative_to(ROOT)} is older than the .po files: "
                    "run python scripts/i18n.py compile"
                )
    return out


def update(part: str, paths: list[Path]) -> int:
    """Add the untranslated texts of `paths` to PART.po; drop its entries no source has."""
    target = LOCALE / f"{part}.po"
    LOCALE.mkdir(parents=True, exist_ok=True)
    catalog = read(target) if target.exists() else _new_catalog()
    everywhere = texts()
    elsewhere = {
        key
        for path in catalogue_files()
        if path != target
        for key in (_key(m) for m in read(path) if m.id)
    }
    for message in list(catalog):
        if message.id and _key(message) not in everywhere:
            catalog.delete(message.id, context=message.context)
    added = 0
    for key, text in texts(paths).items():
        if key in elsewhere or catalog.get(text.id, context=text.context) is not None:
            continue
        empty = "" if isinstance(text.id, str) else ("",)
        catalog.add(text.id, empty, locations=[], context=text.context)
        added += 1
    write(target, catalog)
    return added


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "compile":
        compile_mo()
        return 0
    if command == "check":
        found = problems()
        print("\n".join(found) or "catalogues complete and compiled")
        return 1 if found else 0
    if command == "missing":
        merged = translations()
        for key, text in texts().items():
            if not merged.get(key, ("", ""))[0]:
                print(f"{text.places[0]}: {key!r}")
        return 0
    if command == "update" and len(rest) >= 2:
        added = update(rest[0], [Path(p).resolve() for p in rest[1:]])
        print(f"{added} texts added to locale/zh/{rest[0]}.po")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
