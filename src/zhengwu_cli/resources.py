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


def default_checklist(year: int | None = None) -> Path:
    """./checklists/<year>.yaml when present in the working folder, else the bundled one."""
    name = f"{year or 2022}.yaml"
    local = Path("checklists") / name
    return local if local.is_file() else checklists_dir() / name
