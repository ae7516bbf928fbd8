"""Unit and place names: hidden, look-alike and file-system-hostile characters are lint errors
(checklist, registry, ledger); the terminal never receives a control sequence raw."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhengwu_cli.cli import cli
from zhengwu_cli.lint import Options, lint_file
from zhengwu_cli.names import defects, did_you_mean, plain, printable

from .lint.helpers import BASE, check

ROOT = Path(__file__).resolve().parents[1]
UNIT = "units: [市司法局]"


@pytest.mark.parametrize(
    ("yaml_name", "code", "says"),
    [
        (r'"市司法局\0"', "ZW309", "U+0000"),
        (r'"市司法局\e]0;pwned\a"', "ZW309", "ESC"),
        (r'"市司法局\x9b2J"', "ZW309", "U+009B"),
        (r'"市司法局\u202e"', "ZW309", "RIGHT-TO-LEFT OVERRIDE"),
        (r'"市司法局\u200b"', "ZW309", "ZERO WIDTH SPACE"),
        (r'"市司法局\ufeff"', "ZW309", "U+FEFF"),
        ('"\uf9b2司法局"', "ZW309", "look-alike"),  # U+F9B2 a compatibility 零
        ("COM0", "ZW310", "Windows device name"),
        ("LPT0", "ZW310", "Windows device name"),
        ("COM¹", "ZW310", "Windows device name"),
        ("CON", "ZW310", "Windows device name"),
        ("nul.txt", "ZW310", "Windows device name"),
        ("../../x", "ZW310", "path separator"),
        ("长" * 100, "ZW310", "300 bytes"),
    ],
)
def test_unit_name_defects_are_errors_at_the_name(
    tmp_path: Path, yaml_name: str, code: str, says: str
) -> None:
    problems = check(tmp_path, (UNIT, f"units: [{yaml_name}]"))
    found = [p for p in problems if p.code == code]
    assert len(found) == 1, problems
    assert found[0].line == 21 and found[0].severity.value == "error"
    assert says in found[0].message
    assert "\x1b" not in found[0].message and "\x9b" not in found[0].message


def test_an_ordinary_long_name_passes(tmp_path: Path) -> None:
    assert check(tmp_path, (UNIT, f"units: [{'长' * 66}]"), select="ZW310") == []
    assert check(tmp_path, (UNIT, f"units: [{'长' * 67}]"), select="ZW310") != []


def test_place_name_is_checked(tmp_path: Path) -> None:
    problems = check(tmp_path, ("place: 四平市", 'place: "四平市\\u200b"'), select="ZW309")
    assert [(p.code, p.line) for p in problems] == [("ZW309", 3)]


def test_did_you_mean_says_the_difference_is_invisible(tmp_path: Path) -> None:
    problems = check(tmp_path, (UNIT, 'units: ["市司法局\\u200b"]'), select="ZW301")
    assert len(problems) == 1
    hint = problems[0].hint or ""
    assert hint.startswith("did you mean 市司法局?")
    assert "ZERO WIDTH SPACE" in hint and "cannot be seen" in hint


def test_did_you_mean_for_a_look_alike() -> None:
    hint = did_you_mean("市司法\uf9b2", [], {"市司法零": "市司法零"}.get) or ""
    assert hint.startswith("did you mean 市司法零?") and "look-alike" in hint
    assert plain("市\u200b司\u202e法\uf9b2") == "市司法零"


def _registry(tmp_path: Path, old: str, new: str) -> Path:
    text = (ROOT / "checklists" / "siping-units.yaml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "siping-units.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path / "siping-units.yaml"


def test_registry_linted_alone_reports_the_name(tmp_path: Path) -> None:
    registry = _registry(tmp_path, "- name: 市司法局\n", '- name: "市司法局\\u200b"\n')
    line = registry.read_text(encoding="utf-8").splitlines().index('  - name: "市司法局\\u200b"')
    result = lint_file(registry, Options())
    found = [p for p in result.problems if p.code == "ZW309"]
    assert [(p.line, p.path) for p in found] == [(line + 1, str(registry))]


def test_registry_names_reported_when_linting_the_checklist(tmp_path: Path) -> None:
    _registry(tmp_path, "- name: 市司法局\n", "- name: COM1\n")
    (tmp_path / "c.yaml").write_text(BASE.replace("市司法局", "COM1"), encoding="utf-8")
    found = [p for p in lint_file(tmp_path / "c.yaml", Options()).problems if p.code == "ZW310"]
    assert any("siping-units.yaml:" in p.message and "COM1" in p.message for p in found)
    assert any(p.line == 21 for p in found)  # and the checklist's own reference


def test_ledger_unit_names_are_checked(tmp_path: Path) -> None:
    progress = tmp_path / "progress"
    checklists = tmp_path / "checklists"
    progress.mkdir()
    checklists.mkdir()
    for name in ("2022.yaml", "siping-units.yaml"):
        shutil.copy(ROOT / "checklists" / name, checklists / name)
    ledger = progress / "2022.yaml"
    ledger.write_text(
        "schema_version: 1\nplace: 四平市\nyear: 2022\nentries:\n"
        '- indicator: 1\n  unit: "市司法局\\u200b"\n  status: 推进中\n',
        encoding="utf-8",
    )
    result = lint_file(ledger, Options())
    codes = {(p.code, p.line) for p in result.problems}
    assert ("ZW309", 6) in codes
    zw602 = next(p for p in result.problems if p.code == "ZW602")
    assert "ZERO WIDTH SPACE" in (zw602.hint or "")


def test_rules_are_registered_with_docs() -> None:
    result = CliRunner().invoke(cli, ["rules", "ZW309"])
    assert result.exit_code == 0 and "ZERO WIDTH SPACE" in result.output
    result = CliRunner().invoke(cli, ["rules", "ZW310"])
    assert result.exit_code == 0 and "COM0" in result.output


def test_printable_shows_control_sequences() -> None:
    assert printable("a\x1b]0;x\x07b\x9b2J\u202ec") == "a\\e]0;x\\x07b\\x9b2J\\u202ec"
    assert printable("市司法局\n第二行\t") == "市司法局\n第二行\t"
    assert [d.kind for d in defects("市司法局")] == []


def test_terminal_output_never_prints_escape_sequences(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("2022.yaml", "siping-units.yaml"):
        text = (ROOT / "checklists" / name).read_text(encoding="utf-8")
        if name == "2022.yaml":
            lines = text.splitlines()
            at = next(i for i, s in enumerate(lines) if s.startswith("      text: 落实行政规范性"))
            lines[at] = '      text: "\\e]0;pwned\\a\\e[2J\\x9b2J集中发布现行有效规章"'
            text = "\n".join(lines) + "\n"
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for args in (
        ["list", "--checklist", "2022.yaml", "--format", "table", "--grep", "集中发布"],
        ["show", "1", "--checklist", "2022.yaml"],
        ["lint", "2022.yaml", "--no-cache"],
        ["lint", "2022.yaml", "--no-cache", "--format", "parsable"],
        ["list", "--checklist", "2022.yaml", "--unit", "市司法局\x1b]0;x\x07"],
    ):
        result = runner.invoke(cli, args)
        assert "Traceback" not in result.output, args
        assert "\x1b]" not in result.output and "\x1b[2J" not in result.output, (
            args,
            result.output,
        )
