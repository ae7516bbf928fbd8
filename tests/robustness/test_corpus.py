"""Every hostile or broken checklist gets a located, plain-language error and a non-zero exit.

Each file of `corpus/` (and each big one `generate.py` writes at test time) is given to `zhengwu
lint`, `zhengwu list` and `zhengwu render --all` as a separate process, as a user would: the run
must end (a hang guard, not a speed test) within a memory ceiling, print no traceback, name the
file, line and column, say what is wrong, exit non-zero, and `render` must write no file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

from . import generate
from .helpers import assert_no_crash, located, zhengwu

CORPUS = Path(__file__).parent / "corpus"


class Case(NamedTuple):
    name: str
    line: int | None  # the line the error must point at, where it is certain
    says: str  # plain words the message must contain
    hint: str | None = None  # what to do (shown by list and render)


CASES = [
    Case("python-tag.yaml", 2, "is not allowed (safe loading only)", "remove the tag"),
    Case("billion-laughs.yaml", None, "alias bomb", "write the values out"),
    Case("deep-5000.yaml", 2, "nesting depth", None),
    Case("deep-block-5000.yaml", None, "nesting depth", None),
    Case("string-20mb.yaml", None, "meta", "zhengwu schema"),
    Case("huge-100mb.yaml", 1, "a checklist is at most", "check that this is the right file"),
    Case("binary.yaml", 1, "binary file, not a YAML text file", "not a .docx"),
    Case("gbk.yaml", 3, "not UTF-8 (it looks like GBK", "save it with the encoding “UTF-8”"),
    Case("bom.yaml", 3, "meta.year: the field “year” is required", "zhengwu schema"),
    Case("empty.yaml", 1, "the file is empty", "starts with `meta:` and `goals:`"),
    Case("comments-only.yaml", 1, "the file is empty", "starts with `meta:` and `goals:`"),
    Case("list-root.yaml", 1, "the document is a list, but a mapping", "`meta:` and `goals:`"),
    Case("scalar-root.yaml", 1, "the document is text, but a mapping", "`meta:` and `goals:`"),
    Case("wrong-types.yaml", 4, "meta.year:", "zhengwu schema"),
    Case("tabs.yaml", 3, "YAML syntax", "not tabs"),
    Case("unterminated.yaml", None, "YAML syntax", "quotes"),
    Case("duplicate-key.yaml", 4, "the key “place” appears twice", "keep one of them"),
]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus, plus the generated big files, in one folder."""
    folder = tmp_path_factory.mktemp("corpus")
    for source in CORPUS.iterdir():
        (folder / source.name).write_bytes(source.read_bytes())
    for name, make in generate.GENERATED.items():
        make(folder / name)
    return folder


def test_every_corpus_file_has_a_case() -> None:
    named = {case.name for case in CASES}
    on_disk = {p.name for p in CORPUS.iterdir()} | set(generate.GENERATED)
    assert on_disk - {"utf16.yaml", *KNOWN_CRASHES} == named


COMMANDS: dict[str, Callable[[Path, Path], list[str | Path]]] = {
    "lint": lambda path, out: ["lint", "--format", "parsable", path],
    "list": lambda path, out: ["list", "--checklist", path],
    "render": lambda path, out: ["render", "--all", "--checklist", path, "-o", out],
}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_clear_located_error(files: Path, tmp_path: Path, case: Case, command: str) -> None:
    path = files / case.name
    out = tmp_path / "out"
    result = zhengwu(*COMMANDS[command](path, out), cwd=tmp_path)
    assert_no_crash(result)
    # lint reports findings on stdout (like yamllint); the other commands fail on stderr
    shown = result.stdout if command == "lint" else result.stderr
    places = located(shown, path)
    assert places, f"no {path}:line:col in:\n{shown}"
    assert all(line >= 1 and col >= 1 for line, col in places)
    if case.line is not None:
        assert case.line in [line for line, _ in places], shown
    assert case.says in shown
    if command != "lint":
        assert result.returncode == 2
        assert "Error: the checklist could not be loaded" in result.stderr
        if case.hint:
            assert case.hint in result.stderr
    else:
        assert result.returncode == 1
    assert not out.exists() or not list(out.rglob("*")), "render wrote something"


def test_bom_is_only_a_warning_on_a_good_checklist(checklist_copy: Path) -> None:
    """Notepad's “UTF-8 with BOM” is harmless: the checklist loads; lint warns at 1:1."""
    checklist_copy.write_bytes(b"\xef\xbb\xbf" + checklist_copy.read_bytes())
    folder = checklist_copy.parent
    shown = zhengwu("list", "--unit", "市司法局", "--checklist", checklist_copy, cwd=folder)
    assert shown.returncode == 0, shown.stderr
    assert "集中统一发布现行有效规章" in shown.stdout
    linted = zhengwu("lint", "--format", "parsable", checklist_copy, cwd=folder)
    assert "Traceback" not in linted.stdout + linted.stderr
    assert f"{checklist_copy}:1:1: [warning] the file starts with a UTF-8 byte-order mark" in (
        linted.stdout
    )


def test_windows_line_endings_load(checklist_copy: Path) -> None:
    """A checklist saved on Windows (CRLF) reads exactly as the original."""
    text = checklist_copy.read_text(encoding="utf-8")
    checklist_copy.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    args = ("list", "--unit", "市司法局", "--format", "json", "--checklist", checklist_copy)
    result = zhengwu(*args, cwd=checklist_copy.parent)
    assert result.returncode == 0, result.stderr
    assert "\\r" not in result.stdout and "集中统一发布现行有效规章" in result.stdout


def test_utf16_is_named_as_utf16(files: Path, tmp_path: Path) -> None:
    path = files / "utf16.yaml"
    result = zhengwu("list", "--checklist", path, cwd=tmp_path)
    assert_no_crash(result)
    assert located(result.stderr, path)
    assert "UTF-16" in result.stderr and "UTF-8" in result.stderr


KNOWN_CRASHES = {
    # file: (line, col, what the message should name)
    "control-character.yaml": (3, 12, "U+0008"),
    "impossible-date.yaml": (5, 10, "2022-02-30"),
    "huge-integer.yaml": (3, 9, "year"),
    "bracket-key.yaml": (2, 1, "unknown field “title[2022]”"),
}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("name", list(KNOWN_CRASHES))
def test_known_crash_is_located(files: Path, tmp_path: Path, name: str, command: str) -> None:
    path = files / name
    line, col, names = KNOWN_CRASHES[name]
    result = zhengwu(*COMMANDS[command](path, tmp_path / "out"), cwd=tmp_path)
    assert_no_crash(result)
    shown = result.stdout if command == "lint" else result.stderr
    assert (line, col) in located(shown, path)
    assert names in shown
