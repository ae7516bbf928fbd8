"""Ledger findings (ZW6xx) at the entry's line and column."""

from __future__ import annotations

from pathlib import Path

from zhengwu_cli.ledger.check import check_ledger
from zhengwu_cli.ledger.load import load_ledger
from zhengwu_cli.load import Loaded

from .helpers import SAMPLE

BAD = """\
schema_version: 1
place: 四平市
year: 2022
entries:
- indicator: 999
  status: 推进中
- indicator: 1
  unit: 市司法厅
  status: 推进中
- indicator: 1
  status: 已完成
  date: 2021-12-31
  evidence: 目录
- indicator: 2
  unit: 市司法局
  status: 已完成
- indicator: 1
  measure: 40
  status: 推进中
- indicator: 46
  unit: 市司法局
  status: 推进中
- indicator: 3
  status: 已完成
  date: 2023-04-01
  evidence: x
  waive: [{rule: ZW605, reason: 补报的日期}]
"""


def findings(tmp_path: Path, loaded: Loaded, text: str) -> list[tuple[int, int, str]]:
    path = tmp_path / "ledger.yaml"
    path.write_text(text, encoding="utf-8")
    led = load_ledger(path)
    problems = check_ledger(led.ledger, led.positions, loaded.checklist, loaded.registry)
    return [(p.line, p.col, p.code) for p in problems]


def test_the_sample_ledger_is_clean(loaded: Loaded) -> None:
    led = load_ledger(SAMPLE)
    assert check_ledger(led.ledger, led.positions, loaded.checklist, loaded.registry) == []


def test_each_finding_at_its_line(tmp_path: Path, loaded: Loaded) -> None:
    assert findings(tmp_path, loaded, BAD) == [
        (5, 14, "ZW601"),  # indicator 999
        (8, 9, "ZW602"),  # 市司法厅
        (12, 9, "ZW605"),  # 2021-12-31
        (16, 11, "ZW606"),  # 已完成 without evidence
        (18, 12, "ZW604"),  # measure 40 is not indicator 1's
        (21, 9, "ZW603"),  # 市司法局 holds no role for 46
    ]


def test_a_ledger_of_another_year_is_an_error(tmp_path: Path, loaded: Loaded) -> None:
    text = "schema_version: 1\nyear: 2023\nentries: []\n"
    assert findings(tmp_path, loaded, text) == [(2, 7, "ZW607")]


def test_the_unknown_unit_hint_suggests_the_right_name(tmp_path: Path, loaded: Loaded) -> None:
    path = tmp_path / "ledger.yaml"
    path.write_text(BAD, encoding="utf-8")
    led = load_ledger(path)
    problems = check_ledger(led.ledger, led.positions, loaded.checklist, loaded.registry)
    unknown = next(p for p in problems if p.code == "ZW602")
    assert "市司法局" in (unknown.hint or "")
