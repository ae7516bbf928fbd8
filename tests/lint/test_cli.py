"""The commands as a user runs them: formats, exit codes, selection, config, waivers, schema."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhengwu_cli.cli import cli
from zhengwu_cli.lint.schema import schema_text

from .helpers import BASE, ROOT, write

DEFECT = ("6月底前", "13月底前")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_schema_files_match_the_models() -> None:
    assert schema_text() == (ROOT / "schema" / "checklist.schema.json").read_text(encoding="utf-8")
    registry = (ROOT / "schema" / "registry.schema.json").read_text(encoding="utf-8")
    assert schema_text("registry") == registry
    code, output = run("schema")
    assert code == 0 and json.loads(output)["title"] == "Checklist"


def test_rules_lists_and_explains() -> None:
    code, output = run("rules")
    assert code == 0 and "ZW101  numbering-gap" in output and "ZW507" in output
    code, output = run("rules", "ZW003")
    assert code == 0 and "duplicate-key" in output and "PASS:" in output and "FAIL:" in output
    code, output = run("rules", "ZW999")
    assert code == 2 and "known rules: ZW000" in output


def test_unreadable_file_exits_2(tmp_path: Path) -> None:
    code, output = run("lint", str(tmp_path / "none.yaml"), "-f", "parsable")
    assert code == 2 and "no such file (ZW000)" in output


def test_yaml_syntax_error_is_a_located_problem(tmp_path: Path) -> None:
    path = write(tmp_path, BASE.replace("title: 测试清单", 'title: "测试清单'))
    code, output = run("lint", str(path), "-f", "parsable")
    assert code == 1 and output.startswith(f"{path}:") and "(ZW001)" in output


def test_schema_error_and_duplicate_key(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        BASE.replace(
            "      outcome: {text: 专栏页面}\n", "      outcome: {text: 专栏页面, text: 页面}\n"
        ),
    )
    code, output = run("lint", str(path), "-f", "parsable")
    assert code == 1 and f"{path}:27:" in output and "(ZW003)" in output


def test_select_ignore_and_unknown(tmp_path: Path) -> None:
    path = write(tmp_path, BASE.replace(*DEFECT))
    assert run("lint", str(path), "--ignore", "deadline-unparseable")[0] == 0
    assert run("lint", str(path), "--select", "ZW5")[0] == 0
    code, output = run("lint", str(path), "--select", "ZW4", "-f", "json")
    assert code == 1 and [p["code"] for p in json.loads(output)] == ["ZW401"]
    code, output = run("lint", str(path), "--ignore", "no-such-rule")
    assert code == 2 and "no rule “no-such-rule”" in output


def test_strict_fails_on_warnings(tmp_path: Path) -> None:
    path = write(tmp_path, BASE.replace("专栏页面}", "'专栏页面 '}"))
    assert run("lint", str(path))[0] == 0
    assert run("lint", str(path), "--strict")[0] == 1


def test_pyproject_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, BASE.replace("专栏页面}", "'专栏页面 '}"))
    (tmp_path / "pyproject.toml").write_text("[tool.zhengwu.lint]\nstrict = true\n")
    sub = tmp_path / "sub"
    sub.mkdir()
    monkeypatch.chdir(sub)
    assert run("lint", str(path))[0] == 1
    (tmp_path / "pyproject.toml").write_text('[tool.zhengwu]\nignore = ["ZW503"]\nstrict = true\n')
    assert run("lint", str(path))[0] == 0
    (tmp_path / "pyproject.toml").write_text("[tool.zhengwu.lint]\nstrictly = true\n")
    code, output = run("lint", str(path))
    assert code == 2 and "unknown key(s) strictly" in output


def test_waiver_accepts_a_finding_and_stale_waiver_is_reported(tmp_path: Path) -> None:
    waived = BASE.replace("{text: 13月底前}", "").replace(
        "      deadline: {text: 6月底前}",
        "      deadline: {text: 13月底前, waive: [{rule: deadline-unparseable, reason: 待定}]}",
    )
    assert run("lint", str(write(tmp_path, waived)))[0] == 0
    stale = BASE.replace(
        "      deadline: {text: 6月底前}",
        "      deadline: {text: 6月底前, waive: [{rule: ZW401, reason: 待定}]}",
    )
    code, output = run("lint", str(write(tmp_path, stale)), "-f", "parsable")
    assert code == 0 and "accepts nothing here (no such finding) (ZW006)" in output
    no_reason = BASE.replace("{text: 6月底前}", "{text: 6月底前, waive: [{rule: ZW401}]}")
    code, output = run("lint", str(write(tmp_path, no_reason)), "-f", "parsable")
    assert code == 1 and "(ZW002)" in output


def test_github_and_auto_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, BASE.replace(*DEFECT))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, output = run("lint", str(path))
    assert code == 1
    assert output.startswith(
        f"::error file={path},line=26,col=24,title=ZW401 deadline-unparseable::"
    )


def test_standard_format_without_colour(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    path = write(tmp_path, BASE.replace(*DEFECT))
    code, output = run("lint", str(path), "-f", "standard")
    assert code == 1 and "\x1b[" not in output
    assert output.splitlines()[0] == str(path)
    assert "26:24    error   ZW401" in output
    assert "1 problem in 1 file: 1 error(s)" in output


def test_standard_format_in_colour_reads_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a terminal rich colours the report; without colour it is built without rich, and the
    words, spaces and line breaks are the same."""
    import re

    from zhengwu_cli.lint import lint_file
    from zhengwu_cli.lint.format import standard

    text = BASE.replace(*DEFECT).replace("现行有效规章", "现行有效规章,")
    text = text.replace("title: 规范公开规章", 'title: "规范\\v公开\\t规章\\a"')
    path = write(tmp_path, text)
    results = [lint_file(path)]
    monkeypatch.setenv("NO_COLOR", "1")
    plain = standard(results)
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = standard(results)
    assert "\x1b[" in coloured and "\x1b[" not in plain
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain
    assert "→ " in plain and "problems in 1 file" in plain
    assert "“规范␋公开␉规章␇”" in plain  # control characters shown, never written raw
    assert not {chr(c) for c in range(0x20)} - {"\n"} & set(plain)


def test_registry_file_is_checked_as_a_registry() -> None:
    code, output = run("lint", str(ROOT / "checklists" / "siping-units.yaml"), "-f", "parsable")
    assert (code, output) == (0, "")


def test_lint_never_imports_docx_or_jinja2() -> None:
    code = (
        "import sys; from zhengwu_cli.cli import cli\n"
        "try:\n    cli(['lint', '-f', 'parsable'])\nexcept SystemExit:\n    pass\n"
        "bad = [m for m in ('docx', 'jinja2', 'docxtpl') if m in sys.modules]\n"
        "print('IMPORTED', bad)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert "IMPORTED []" in done.stdout, done.stdout + done.stderr


def test_a_cold_lint_loads_neither_the_cache_nor_rich() -> None:
    """What a lint without --cache, printing to a pipe, does not need is not imported (#17)."""
    code = (
        "import sys; from zhengwu_cli.cli import cli\n"
        "try:\n    cli(['lint', '--no-cache'])\nexcept SystemExit:\n    pass\n"
        "unneeded = ('zhengwu_cli.lint.cache', 'rich', 'platformdirs', 'zhengwu_cli.lint.schema')\n"
        "bad = [m for m in unneeded if m in sys.modules]\n"
        "print('IMPORTED', bad)"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "ZHENGWU_CACHE")}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False, env=env
    )
    assert "IMPORTED []" in done.stdout, done.stdout + done.stderr
