"""The full list of findings on the bundled 2022 table, pinned.

On a change, `pytest --update-golden` rewrites the expected file and still fails (as the render
and report goldens do), so the difference shows in `git diff` for review.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from zhengwu_cli.cli import cli
from zhengwu_cli.lint import lint_file

from ..progress.golden_check import check_golden

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden" / "2022.txt"


def report() -> str:
    result = lint_file(Path("checklists/2022.yaml"))
    lines = [p.parsable() for p in result.problems]
    lines += [f"waived: {p.parsable()}" for p in result.waived]
    return "\n".join(lines) + "\n"


def test_findings_match_golden(
    monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    monkeypatch.chdir(ROOT)
    check_golden(request, GOLDEN, report())


def test_golden_update_rewrites_and_still_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The update mode the lint golden uses: the file is rewritten and the test fails."""
    golden = tmp_path / "2022.txt"
    golden.write_text("old\n", encoding="utf-8")
    request = SimpleNamespace(config=SimpleNamespace(getoption=lambda name, default=None: True))
    monkeypatch.chdir(ROOT)
    with pytest.raises(pytest.fail.Exception, match="rewritten"):
        check_golden(request, golden, report())  # type: ignore[arg-type]
    assert golden.read_text(encoding="utf-8") == GOLDEN.read_text(encoding="utf-8")


def test_real_defects_are_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = lint_file(Path("checklists/2022.yaml"))
    text = "\n".join(p.parsable() for p in result.problems + result.waived)
    assert "（四） is missing" in text
    no_unit = {p.message.split()[1] for p in result.problems if p.code == "ZW201"}
    assert {"49.", "50.", "56.", "72."} <= no_unit
    assert any(p.code == "ZW202" and "72." in p.message for p in result.problems)
    inferred = {p.message.split()[1] for p in result.problems if p.code == "ZW208"}
    assert inferred == {"48.:", "57.:"}
    for needle in [
        "“;”",
        "“[”",
        "“<”",
        "吉人在线",
        "台帐",
        "督察",
        "市政府各相关部门",
        "31个涉事责任部门",
        "被审计相关单位",
        "'贯穿全年 ' ends with whitespace",
        "starts with whitespace",
    ]:
        assert needle in text, needle


def test_bundled_checklist_lints_clean_and_shows_warnings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    result = CliRunner().invoke(cli, ["lint"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "warning" in result.output
    assert "checklists/2022.yaml" in result.output
    assert "1 waived in the YAML" in result.output
    strict = CliRunner().invoke(cli, ["lint", "--strict"])
    assert strict.exit_code == 1
