from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECKLIST = ROOT / "checklists" / "2022.yaml"
REGISTRY = ROOT / "checklists" / "siping-units.yaml"


@pytest.fixture
def copy_2022(tmp_path: Path) -> Callable[[Callable[[str], str]], Path]:
    """A copy of the 2022 checklist (with its registry) after an edit of its text."""

    def make(edit: Callable[[str], str]) -> Path:
        shutil.copy(REGISTRY, tmp_path / REGISTRY.name)
        target = tmp_path / "2022.yaml"
        text = CHECKLIST.read_text(encoding="utf-8")
        changed = edit(text)
        assert changed != text, "the edit changed nothing"
        target.write_text(changed, encoding="utf-8")
        return target

    return make


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the n-th line containing needle."""
    found = [
        n
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if needle in line
    ]
    return found[occurrence - 1]
