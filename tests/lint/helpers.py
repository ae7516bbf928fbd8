"""Build a small checklist around one indicator and lint it: `check(tmp_path, edits…)`."""

from __future__ import annotations

import shutil
from pathlib import Path

from zhengwu_cli.lint import Options
from zhengwu_cli.lint.runner import lint_file  # typed; the package's lazy name is Any
from zhengwu_cli.problems import Problem

ROOT = Path(__file__).resolve().parents[2]

BASE = """\
schema_version: 1
meta:
  place: 四平市
  year: 2022
  title: 测试清单
  source: {document: 测试}
  registry: siping-units.yaml
goals:
- number: 一
  title: 提升政策公开质量
  tasks:
  - number: 一
    title: 规范公开规章
    indicators:
    - number: 1
      text: 集中发布现行有效规章
      units:
        text: 牵头部门：市司法局
        roles:
        - role: 牵头
          units: [市司法局]
      measures:
        items:
        - number: 1
          text: 在专栏中集中公开
      deadline: {text: 6月底前}
      outcome: {text: 专栏页面}
"""


def write(tmp_path: Path, text: str) -> Path:
    shutil.copy(ROOT / "checklists" / "siping-units.yaml", tmp_path / "siping-units.yaml")
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def check(tmp_path: Path, *edits: tuple[str, str], select: str | None = None) -> list[Problem]:
    text = BASE
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    options = Options(select=[select] if select else [])
    return lint_file(write(tmp_path, text), options).problems


def codes(problems: list[Problem]) -> list[tuple[str, int]]:
    return [(p.code, p.line) for p in problems]
