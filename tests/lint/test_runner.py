"""The runner: a file read once whatever it is, and one waiver engine for checklists and ledgers."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from zhengwu_cli.lint import Options, lint_file

from .helpers import BASE, write

ROOT = Path(__file__).resolve().parents[2]
LEDGER = ROOT / "tests" / "progress" / "data" / "2022.yaml"
REGISTRY = ROOT / "checklists" / "siping-units.yaml"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each file's bytes are read (every loader reads through read_bytes)."""
    counted: Counter[str] = Counter()
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        counted[str(self)] += 1
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    return counted


def _ledger(tmp_path: Path, text: str | None = None) -> Path:
    path = tmp_path / "2022.yaml"
    path.write_text(LEDGER.read_text(encoding="utf-8") if text is None else text, "utf-8")
    return path


def test_a_ledger_is_read_once_and_never_as_a_checklist(
    tmp_path: Path, reads: Counter[str]
) -> None:
    path = _ledger(tmp_path)
    result = lint_file(path)
    assert result.problems == []
    assert reads[str(path)] == 1  # was 3: as a checklist (failing), to tell its kind, as a ledger


def test_a_registry_is_read_once(tmp_path: Path, reads: Counter[str]) -> None:
    path = tmp_path / "units.yaml"
    shutil.copy(REGISTRY, path)
    assert lint_file(path).problems == []
    assert reads[str(path)] == 1


def test_a_broken_checklist_is_read_once(tmp_path: Path, reads: Counter[str]) -> None:
    path = write(
        tmp_path, BASE.replace("  title: 测试清单\n", "  title: 测试清单\n  colour: red\n")
    )
    problems = lint_file(path).problems
    assert [p.code for p in problems] == ["ZW002"]
    assert reads[str(path)] == 1


# -- one waiver engine -----------------------------------------------------------------------


def test_a_ledger_waiver_names_its_rule_as_a_checklist_waiver_does(tmp_path: Path) -> None:
    """By code in any case or by name, on the entry or on the ledger: as in the checklist."""
    text = LEDGER.read_text(encoding="utf-8")
    bad = text.replace("- indicator: 4\n", "- indicator: 400\n", 1)
    assert [p.code for p in lint_file(_ledger(tmp_path, bad)).problems] == ["ZW601"]
    for waive in ("zw601", " ZW601", "unknown-indicator"):
        entry = f"- indicator: 400\n  waive: [{{rule: '{waive}', reason: 原表如此}}]\n"
        result = lint_file(_ledger(tmp_path, text.replace("- indicator: 4\n", entry, 1)))
        assert result.problems == [], waive
    top = bad.replace("year: 2022\n", "year: 2022\nwaive: [{rule: zw601, reason: 原表如此}]\n")
    assert lint_file(_ledger(tmp_path, top)).problems == []


def test_a_stale_ledger_waiver_is_reported(tmp_path: Path) -> None:
    text = LEDGER.read_text(encoding="utf-8")
    entry = "- indicator: 4\n  waive: [{rule: ZW601, reason: 原表如此}]\n"
    path = _ledger(tmp_path, text.replace("- indicator: 4\n", entry, 1))
    problems = lint_file(path).problems
    assert [(p.code, p.line) for p in problems] == [("ZW006", _line(path, "waive:"))]
    assert "accepts nothing" in problems[0].message
    assert lint_file(path, Options(ignore=["ZW006"])).problems == []


def test_a_name_finding_in_a_ledger_is_waived_on_its_entry(tmp_path: Path) -> None:
    text = LEDGER.read_text(encoding="utf-8")
    hidden = text.replace("  unit: 市司法局\n", "  unit: 市司法局\u200b\n", 1)
    codes = sorted(p.code for p in lint_file(_ledger(tmp_path, hidden)).problems)
    assert "ZW309" in codes
    waived = hidden.replace(
        "  unit: 市司法局\u200b\n",
        "  unit: 市司法局\u200b\n  waive: [{rule: ZW309, reason: 试验}]\n",
        1,
    )
    result = lint_file(_ledger(tmp_path, waived))
    assert "ZW309" not in {p.code for p in result.problems}
    assert "ZW309" in {p.code for p in result.waived}


def _line(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)
