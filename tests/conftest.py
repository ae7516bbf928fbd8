from __future__ import annotations

from pathlib import Path

import pytest

from zhengwu_cli.load import Loaded, load

ROOT = Path(__file__).resolve().parents[1]
CHECKLIST = ROOT / "checklists" / "2022.yaml"
SOURCE = ROOT / "checklists" / "sources" / "siping-2022-attachment.txt"


@pytest.fixture(scope="session")
def loaded() -> Loaded:
    return load(CHECKLIST)


@pytest.fixture
def checklist_copy(tmp_path: Path) -> Path:
    """A writable copy of the 2022 checklist with its registry beside it."""
    for name in ("2022.yaml", "siping-units.yaml"):
        (tmp_path / name).write_text(
            (CHECKLIST.parent / name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    return tmp_path / "2022.yaml"
