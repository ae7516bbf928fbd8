"""Where the bundled checklists and templates are: inside the wheel, or at the repository root."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .i18n import _

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


LOCAL = Path("checklists")


class NoChecklist(LookupError):
    """No checklist for the year asked: the message names what there is."""


@dataclass(frozen=True)
class Choice:
    path: Path
    bundled: bool  # the checklist shipped with zhengwu, not one of the working folder's


def _listing(years: dict[int, Path]) -> str:
    return "、".join(p.name for _year, p in sorted(years.items())) or _("no YEAR.yaml")


def find_checklist(year: int | None = None) -> Choice:
    """The checklist of a year (the newest when none is given).

    Where the working folder has a `checklists/` folder, the checklist is its YEAR.yaml and
    nothing else: a year it lacks is NoChecklist naming the years it holds — never another
    place's table. Only where there is no such folder is the bundled checklist used.
    """
    if LOCAL.is_dir():
        local = _years(LOCAL)
        if year is None and local:
            year = max(local)
        if year is not None and year in local:
            return Choice(local[year], bundled=False)
        wanted = f"{year}.yaml" if year is not None else _("a YEAR.yaml checklist")
        if local:
            text = _(
                "{folder}/ in {cwd} has no {wanted}; it holds {files} (use --year {year}, or "
                "--checklist PATH for another file)"
            )
        else:
            text = _(
                "{folder}/ in {cwd} has no {wanted}; it holds {files} (--checklist PATH for "
                "another file)"
            )
        raise NoChecklist(
            text.format(
                folder=LOCAL,
                cwd=Path.cwd(),
                wanted=wanted,
                files=_listing(local),
                year=max(local) if local else "",
            )
        )
    bundled = _years(checklists_dir())
    if year is None and bundled:
        year = max(bundled)
    if year is not None and year in bundled:
        return Choice(bundled[year], bundled=True)
    raise NoChecklist(
        _(
            "there is no {folder}/ folder in {cwd}, and zhengwu bundles no checklist for "
            "{year} (it bundles {files}): run the command in the folder that holds "
            "{folder}/{name}.yaml, or give --checklist PATH"
        ).format(
            folder=LOCAL,
            cwd=Path.cwd(),
            year=year if year is not None else _("any year"),
            files=_listing(bundled),
            name=year or "YEAR",
        )
    )


def default_checklist(year: int | None = None) -> Path:
    """find_checklist's path; where there is none, the path the year's checklist would have
    in the working folder, so that loading it names the missing file."""
    try:
        return find_checklist(year).path
    except NoChecklist:
        return LOCAL / f"{year or 'YEAR'}.yaml"
