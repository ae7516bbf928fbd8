"""Tried as a person on a Chinese desktop would: every command's main paths, and every --help,
read in Chinese, with no English words but codes, paths, option names and the tool's name
(issue #18). In English (ZHENGWU_LANG=en) the same paths speak English."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhengwu_cli import i18n
from zhengwu_cli.cli import COMMANDS
from zhengwu_cli.cli.app import cli
from zhengwu_cli.ledger.model import Entry
from zhengwu_cli.lint.rules import BY_NAME

from .progress.collect_kit import Edit

ROOT = Path(__file__).resolve().parents[1]

# what may stay in Latin letters in a Chinese sentence: the tool, the file forms and programs a
# person knows by these names, the machine words of a format (click's metavars are translated:
# FILE, [OPTIONS] are English words a person reads, so they are not allowed here)
_ALLOWED = """
    zhengwu Word WPS Excel LibreOffice soffice PDF YAML JSON Schema CSV HTML Markdown UTF BOM GBK
    ANSI Ctrl Ctrl-C CI GitHub Actions pre-commit pyproject toml docx doc wps odt rtf xlsx html
    htm md txt json csv yaml yml xml zip zh en auto standard
    parsable github table plain text true false null A4 GB T KB MB ID HMAC jinja j2 Noto CJK
    Python pip python Windows
"""
ALLOWED = set(_ALLOWED.split()) | set(COMMANDS)


def _field_names(schema: object) -> set[str]:
    """Every key of the checklist and registry formats (units, note, members, kind…): a person
    types them in the YAML, so a message names them as they are."""
    found: set[str] = set()
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "properties" and isinstance(value, dict):
                found |= set(value)
            if key in ("enum", "const"):  # the values a key takes: carried, inferred…
                found |= {
                    v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)
                }
            found |= _field_names(value)
    elif isinstance(schema, list):
        for value in schema:
            found |= _field_names(value)
    return found


ALLOWED |= {word for field in Entry.model_fields for word in field.split("_")}  # the 台账's keys
ALLOWED |= {
    word
    for name in ("checklist.schema.json", "registry.schema.json")
    for field in _field_names(json.loads((ROOT / "schema" / name).read_text(encoding="utf-8")))
    for word in field.split("_")
}
# things that are not words of a sentence: options, codes, paths, file names, placeholders,
# `code`, environment variables, dotted field names, URLs
NOT_WORDS = [
    r"`[^`]*`",
    r"https?://\S+",
    r"(?<![\w-])--?[A-Za-z][\w-]*",
    r"\bZW\d+x*\b",  # a code, or a family of them (ZW6xx)
    r"\S*[/\\]\S*",
    r"[\w.\-（）\u4e00-\u9fff]+\.(?:docx|doc|wps|odt|rtf|xlsx|html|htm|yaml|yml|md|txt|json|csv|pdf|j2|zip)\b",
    r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b",  # an environment variable (ZHENGWU_LANG, NO_COLOR)
    r"(?<=/)[A-Z]+\b|\b[A-Z]+(?=\.[a-z])",  # a placeholder in a path: checklists/YEAR.yaml
    r"\b[a-z_]+(?:\.[a-z_\[\]0-9]+)+\b",
    r"\b[a-z]+_[a-z_]+\b",
    r"\{[^{}]*\}",
    r"\[[a-z|]+\]",
    r"\d*<=?x[<>]=?\d*|\bx[<>]=?\d+",  # click's note of a range: [2000<=x<=2100], x>=0
    r"\bA4\b",
    r"(?<![A-Za-z])[A-Z](?=[\u4e00-\u9fff])",  # a placeholder letter in a word: N月底前
    r"→[a-z]+",  # the importer's column keys (序号→number), as pyproject settings name them
]
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]")


# a rule's name (ascii-punctuation) is typed by the person in --ignore and waivers, like a code
RULE_NAME = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(sorted(map(re.escape, BY_NAME), key=len, reverse=True))
    + r")(?![\w-])"
)


def english_words(text: str) -> list[str]:
    text = RULE_NAME.sub(" ", text)
    for pattern in NOT_WORDS:
        text = re.sub(pattern, " ", text)
    return [w for w in WORD.findall(text) if w not in ALLOWED]


def test_the_detector_finds_english_and_spares_codes_paths_and_options() -> None:
    assert english_words("no ledger at this path") == ["no", "ledger", "at", "this", "path"]
    line = "out/2022/市司法局.docx:3:1: [错误] 请用 --force 覆盖（ZW600），见 `zhengwu rules`"
    assert english_words(line) == []
    assert english_words("（ZW501 word-artifact）") == []


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder as an office keeps it: checklists/ with the 2022 table and its registry."""
    (tmp_path / "checklists").mkdir()
    for name in ("2022.yaml", "siping-units.yaml"):
        shutil.copy(ROOT / "checklists" / name, tmp_path / "checklists" / name)
    monkeypatch.chdir(tmp_path)
    yield tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="zhengwu")
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.output


def said(*args: str) -> str:
    """What a person reads from one command (stdout and stderr together)."""
    code, output = run(*args)
    assert code in (0, 1, 2), (args, code, output)
    return output


def _paths(workspace: Path) -> list[tuple[str, ...]]:
    sheets = workspace / "sheets"
    return [
        ("lint",),
        ("lint", "checklists/broken.yaml"),
        ("rules",),
        ("rules", "ZW503"),
        ("rules", "ZW611"),
        ("list", "--unit", "市司法局"),
        ("list", "--unit", "市司法具"),
        ("list", "--month", "13"),
        ("show", "28"),
        ("show", "999"),
        ("units",),
        ("render", "--unit", "市司法局", "-o", str(sheets)),
        ("render", "--unit", "市司法局", "-o", str(sheets)),  # exists: refused without --force
        ("render", "--full", "-o", "full.docx"),
        ("render", "--unit", "梨树县", "--month", "6", "-o", "梨树县6月.docx"),
        ("import", "full.docx", "-o", "imported/2022.yaml"),
        ("import", "nothing.docx", "-o", "imported/none.yaml"),
        ("collect", str(sheets / "市司法局.docx"), "--dry-run"),
        ("collect", str(workspace / "returned" / "市司法局.docx"), "--dry-run"),  # a warning
        ("collect", str(sheets / "市司法局.docx"), "not-a-sheet.docx"),
        ("status", "--as-of", "2022-07-01"),
        ("status", "--missing", "--as-of", "2022-07-01"),
        ("report", "--as-of", "2022-12-31", "--format", "text"),
        ("status", "--ledger", "nowhere.yaml"),
        ("render", "--checklist", "nope.yaml", "--unit", "市司法局"),
        ("list", "--checklist", "nope.yaml"),
        ("list", "--year", "abc"),
        ("show",),
        ("show", "999", "--lang", "en"),
        ("nope",),
        ("list", "--nope"),
    ]


def test_every_command_speaks_chinese(workspace: Path, chinese: None) -> None:
    (workspace / "checklists" / "broken.yaml").write_text(
        "meta:\n  year: 2022\n  place: [\n", encoding="utf-8"
    )
    (workspace / "not-a-sheet.docx").write_bytes(b"PK\x03\x04 not really a zip")
    found: dict[str, list[str]] = {}
    warned = ""
    for args in _paths(workspace):
        output: str | None = None
        if len(args) > 1 and "returned" in args[1]:
            # a liaison writes a 完成情况 zhengwu cannot read: collect warns (ZW612)
            returned = Path(args[1])
            returned.parent.mkdir(exist_ok=True)
            shutil.copy(workspace / "sheets" / returned.name, returned)
            edit = Edit(returned)
            edit.fill({edit.numbers()[0]: "呜啦啦"}).save(returned)
            output = warned = said(*args)
        elif args[0] == "collect" and "--dry-run" not in args:
            # the liaison fills in one row, as Word saves it
            sheet = Path(args[1])
            edit = Edit(sheet)
            edit.fill({edit.numbers()[0]: "已完成。2022年6月30日已在政府网站公开。"}).save(sheet)
        if output is None:
            output = said(*args)
        # a value the person typed (--year abc, the command nope) is said back as typed
        typed = {arg for arg in args if not arg.startswith("-") and not re.search(r"[/.]", arg)}
        words = [w for w in english_words(output) if w not in typed]
        if words:
            found[" ".join(args)] = sorted(set(words))
    assert "[警告]" in warned and "（ZW6" in warned, warned
    assert not found, "English words a person reads:\n" + "\n".join(
        f"  zhengwu {k}: {v}" for k, v in found.items()
    )


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_help_is_chinese(command: str, chinese: None) -> None:
    args = [command, "--help"] if command else ["--help"]
    code, output = run(*args)
    assert code == 0, output
    assert output.startswith("用法：zhengwu")
    assert "示例：" in output
    words = english_words(output)
    assert not words, f"zhengwu {command} --help has English: {sorted(set(words))}"


def test_the_same_paths_speak_english_when_asked(workspace: Path) -> None:
    i18n.set_language(None)  # the english fixture: ZHENGWU_LANG=en
    out = said("lint", "checklists/broken.yaml") + said("list", "--unit", "市司法具")
    assert english_words(out), out
    assert not re.search(r"[错误警告未知]{2}", out), out
