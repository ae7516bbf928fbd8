"""Where the bundled checklists and templates are: inside the wheel, or at the repository root."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_DATA = _PACKAGE / "data"  # filled by the wheel build (see pyproject.toml: force-include)
_REPO = _PACKAGE.parents[1]  # an editable install or a source checkout


def _root(name: str) -> Path:
    bundled = _DATA / name
    return bundled if bundled.is_dir() else _REPO / name


def checklists_dir() -> Path:
    return _root("checklists")


def templates_dir() -> Path:
    return _root("templates")


def schema_dir() -> Path:
    return _root("schema")


def _years(folder: Path) -> dict[int, Path]:
    found: dict[int, Path] = {}
    if folder.is_dir():
        for path in folder.glob("*.yaml"):
            if path.stem.isdigit() and len(path.stem) == 4:
                found[int(path.stem)] = path
    return found


def default_checklist(year: int | None = None) -> Path:
    """The checklist of a year (the newest when none is given): ./checklists/<year>.yaml in the
    working folder when present, else the bundled one. A year with no file gives the path it
    would have, so the error names it."""
    local, bundled = _years(Path("checklists")), _years(checklists_dir())
    if year is None:
        year = max(local or bundled or {0: Path()})
    return local.get(year) or bundled.get(year) or Path("checklists") / f"{year}.yaml"
