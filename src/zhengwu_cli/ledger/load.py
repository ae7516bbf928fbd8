"""Load a ledger YAML with located errors (the checklist loader's reading and validation)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..load import LoadError, load_model
from ..positions import Positions
from ..problems import Problem, Severity
from .model import Ledger


@dataclass
class LoadedLedger:
    path: Path
    ledger: Ledger
    positions: Positions
    text: str  # the file as read, to append to it and to notice a change made meanwhile
    warnings: list[Problem] = field(default_factory=list)


def default_ledger_path(checklist_path: Path, year: int) -> Path:
    """progress/<year>.yaml beside the checklist's folder (checklists/ → progress/).

    For the bundled checklist (inside the package) the ledger is ./progress/<year>.yaml.
    """
    folder = checklist_path.resolve().parent
    base = folder.parent if folder.name == "checklists" else folder
    from ..resources import checklists_dir

    if folder == checklists_dir().resolve():
        base = Path.cwd()
    return base / "progress" / f"{year}.yaml"


def load_ledger(path: Path) -> LoadedLedger:
    """Read and validate a ledger. Raises LoadError with located problems."""
    ledger, positions, warnings = load_model(Ledger, path)
    text = path.read_text(encoding="utf-8-sig")
    return LoadedLedger(path, ledger, positions, text, warnings)


def missing_ledger(path: Path) -> LoadError:
    return LoadError(
        [
            Problem(
                str(path),
                1,
                1,
                "ZW600",
                "no-ledger",
                Severity.error,
                "no ledger (台账) at this path",
                "run `zhengwu collect SHEET.docx…` to start one, or give --ledger PATH",
            )
        ]
    )
