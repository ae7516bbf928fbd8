"""Read the 完成情况 column back from task sheets that a person filled in (Word, WPS, LibreOffice),
and `collect` them into the ledger.

A document is one of our sheets when a table in it has a header row with the headings 序号 and
完成情况 (the text templates may move them, not rename them). Its unit comes from `--unit`, else
from the sheet's visible title （…）, else from its 填报单位, else from the file name; a group
(市政府各部门) is not a unit that reports.

Where the pieces are:
- package.py: the .docx opened as a stranger's file (zip bomb, entities, malformed tables);
- sheet_read.py: the body → entries, with what the unit changed (rows deleted, added,
  renumbered, edited, duplicated; a split table; the 填报 block);
- cell.py: one 完成情况 cell (status, date, the rest; everyday phrasing), after docs/ledger.md;
- ../dates.py: dates as people write them.

.doc, .wps, .odt and .rtf sheets (and a .doc saved under a .docx name, or a .docx saved as
“Strict Open XML”) are converted through LibreOffice into a temporary folder first. Every
entry keeps the cell's text as written (`text`) and the day it was collected (`collected`).

`collect(paths, ledger_path, checklist, registry, ...)` is `zhengwu collect` without its printing:
it reads every sheet (a document that is not a sheet, or damaged, is skipped and said), plans
the merge (merge.py) and writes the ledger under its lock (store.py), telling `on_progress` each
step as it happens, and returns what it did (`Collected`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from ..convert import CONVERTIBLE, ConvertError, needs_conversion, soffice, to_docx
from ..i18n import _, join, os_reason
from ..model import Checklist
from ..problems import Problem
from ..units import Registry
from . import LedgerError
from .cell import STATUS_WORDS, CellReading, read_cell
from .load import load_ledger
from .merge import Plan, plan, saved_time, stamped
from .model import Entry, Ledger
from .package import SheetError, StrictSheet, read_package
from .sheet_read import NUMBER_HEADING, STATUS_HEADING, ReturnedSheet, read_body, shown_name
from .store import DEFAULT_WAIT, Outcome, check_writable, merge_into

__all__ = [
    "NUMBER_HEADING",
    "SHEET_SUFFIXES",
    "STATUS_HEADING",
    "STATUS_WORDS",
    "CellReading",
    "Collected",
    "Interrupted",
    "LedgerRead",
    "NothingRead",
    "ReturnedSheet",
    "SheetError",
    "SheetRead",
    "SheetSkipped",
    "WrongYear",
    "collect",
    "read_cell",
    "read_sheet",
    "sheet_files",
    "shown",
]

SHEET_SUFFIXES = {".docx", *CONVERTIBLE}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .wps (and an encrypted .docx)
_RTF = b"{\\rtf"


def shown(path: Path) -> str:
    """A path as valid text for messages (see sheet_read.shown_name)."""
    return shown_name(str(path))


def _is_sheet_file(path: Path) -> bool:
    name = path.name
    return (
        path.suffix.lower() in SHEET_SUFFIXES
        and not name.startswith(("~$", ".", "~WRL"))
        and path.is_file()
    )


def sheet_files(paths: Iterable[Path]) -> list[Path]:
    """The files to collect: each file given, and every sheet in each folder given (.docx and
    the forms LibreOffice converts; not Word's ~$ owner files or hidden files), by name. A
    folder holding no sheet stays in the list, so reading it says so."""
    result: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted((p for p in path.iterdir() if _is_sheet_file(p)), key=lambda p: p.name)
            result += found or [path]
        else:
            result.append(path)
    return result


def _mtime(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)
    except OSError:
        return None


def _sniff(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(8)
    except OSError as error:
        raise SheetError(_("cannot read it: {reason}").format(reason=os_reason(error))) from None


def read_sheet(
    path: Path,
    checklist: Checklist,
    registry: Registry,
    unit: str | None = None,
    today: date | None = None,
) -> ReturnedSheet:
    """The filled 完成情况 cells of one sheet as ledger entries (`today`: the day of collection,
    recorded in each entry). Raises SheetError, with what to do."""
    today = today or date.today()
    if path.is_dir():
        raise SheetError(
            _("a folder holding no sheet ({suffixes} files)").format(
                suffixes=join(sorted(SHEET_SUFFIXES))
            )
        )
    if not path.is_file():
        raise SheetError(_("no such file") if not path.exists() else _("not a file"))
    if path.name.startswith("~$"):
        raise SheetError(
            _("a Word owner file (~$…), which Word leaves while the document is open; not a sheet")
        )
    head = _sniff(path)
    convert_as: str | None = None
    if needs_conversion(path):
        convert_as = path.suffix.lower()
    elif head.startswith(_OLE):
        convert_as = ".doc"  # a .doc or .wps saved under another name
    elif head.startswith(_RTF):
        convert_as = ".rtf"
    if convert_as is None:
        try:
            package = read_package(path)
        except StrictSheet:
            if soffice() is None:
                raise
            convert_as = ".docx"  # Strict Open XML: LibreOffice writes it back as transitional
        else:
            return read_body(package, path, checklist, registry, unit, today, _mtime(path))
    with tempfile.TemporaryDirectory(prefix="zhengwu-collect-") as folder:
        work = Path(folder)
        source = path
        if path.suffix.lower() != convert_as or convert_as == ".docx" or not _plain(path.name):
            # LibreOffice names its output after the input: give it a plain name it can use
            source = work / f"sheet{convert_as}"
            shutil.copyfile(path, source)
        out = work / "out"
        out.mkdir()
        try:
            made = to_docx(source, out)
        except ConvertError as error:
            message = str(error).replace(source.name, shown_name(path.name))
            raise SheetError(message) from None
        package = read_package(made)
        return read_body(package, path, checklist, registry, unit, today, _mtime(path))


def _plain(name: str) -> bool:
    try:
        os.fsencode(name).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# -- collect: sheets → ledger ----------------------------------------------------------------------


@dataclass(frozen=True)
class LedgerRead:
    """The ledger as it was before the sheets were read (its warnings: a BOM, a tab...)."""

    path: Path
    warnings: list[Problem]


@dataclass(frozen=True)
class SheetRead:
    """One sheet read: its unit, entries, warnings and summary line."""

    path: Path
    sheet: ReturnedSheet


@dataclass(frozen=True)
class SheetSkipped:
    """A document that is not a task sheet, or cannot be read: skipped, with why."""

    path: Path
    reason: str


# what `on_progress` is told, in the order it happens: the ledger read, each sheet read or
# skipped, then the plan (for a real collect: under the ledger's lock, before it is written)
Event = LedgerRead | SheetRead | SheetSkipped | Plan


@dataclass
class Collected:
    """What a collect did."""

    ledger_path: Path
    dry_run: bool = False
    read: list[SheetRead] = field(default_factory=list)
    skipped: list[SheetSkipped] = field(default_factory=list)
    ledger_warnings: list[Problem] = field(default_factory=list)
    outcome: Outcome | None = None  # the merge (None until planned)

    @property
    def plan(self) -> Plan:
        """The entries added (to be added, with dry_run), unchanged, and the conflicts."""
        return self.outcome.plan if self.outcome is not None else Plan()

    @property
    def written(self) -> bool:
        """Whether the ledger file was replaced (in full: never half-written)."""
        return self.outcome is not None and self.outcome.written


class NothingRead(LedgerError):
    """Not one of the documents given could be read as a task sheet."""


class WrongYear(LedgerError):
    """The ledger is for another year than the checklist."""


class Interrupted(Exception):
    """Ctrl-C during a collect; `collected` says whether the ledger had been written."""

    def __init__(self, collected: Collected) -> None:
        super().__init__("interrupted")
        self.collected = collected


def collect(
    paths: Sequence[Path],
    ledger_path: Path,
    checklist: Checklist,
    registry: Registry,
    *,
    unit: str | None = None,
    update: bool = False,
    dry_run: bool = False,
    wait: float = DEFAULT_WAIT,
    today: date | None = None,
    on_progress: Callable[[Event], object] | None = None,
) -> Collected:
    """Read the sheets at `paths` (files, or folders of sheets) and merge their entries into the
    ledger at `ledger_path` (created when missing); with `dry_run` only plan it. `unit`: the unit
    of every sheet (else read from each). `update`: take a sheet's value where it disagrees with
    the ledger (see merge.py). `wait`: seconds to wait for another collect's lock.

    Raises LedgerError (NothingRead, WrongYear, an unwritable ledger or lock), LoadError (the
    ledger cannot be read: located problems), and Interrupted on Ctrl-C (the ledger is then
    either as it was or written in full)."""
    collected = Collected(ledger_path, dry_run=dry_run)
    try:
        return _collect(
            collected, paths, checklist, registry, unit, update, wait, today, on_progress
        )
    except (KeyboardInterrupt, RuntimeError) as error:
        # a Ctrl-C while pydantic builds a model class comes wrapped in a RuntimeError (3.11)
        if isinstance(error, RuntimeError) and not isinstance(error.__cause__, KeyboardInterrupt):
            raise
        raise Interrupted(collected) from error


def _collect(
    collected: Collected,
    paths: Sequence[Path],
    checklist: Checklist,
    registry: Registry,
    unit: str | None,
    update: bool,
    wait: float,
    today: date | None,
    on_progress: Callable[[Event], object] | None,
) -> Collected:
    def tell(event: Event) -> None:
        if on_progress is not None:
            on_progress(event)

    meta = checklist.meta
    path = collected.ledger_path
    if not collected.dry_run:
        check_writable(path)  # before any sheet is read: a read-only ledger, a pipe
    old = load_ledger(path) if path.exists() else None
    if old is not None:
        collected.ledger_warnings = list(old.warnings)
        tell(LedgerRead(path, collected.ledger_warnings))
        if old.ledger.year != meta.year:
            raise WrongYear(
                _(
                    "{path}: the ledger is for {ledger_year}, the checklist for {year}; "
                    "give the matching --ledger or --checklist"
                ).format(path=path, ledger_year=old.ledger.year, year=meta.year)
            )
    incoming: list[Entry] = []
    today = today or date.today()
    for sheet_path in sheet_files(paths):
        try:
            sheet = read_sheet(sheet_path, checklist, registry, unit, today=today)
        except SheetError as error:
            skipped = SheetSkipped(sheet_path, str(error))
            collected.skipped.append(skipped)
            tell(skipped)
            continue
        read = SheetRead(sheet_path, sheet)
        collected.read.append(read)
        tell(read)
        incoming += stamped(sheet.entries, saved_time(sheet.modified, sheet_path), today)
    if not collected.read:
        raise NothingRead(_("no sheet could be read; nothing was collected"))
    outcome = collected.outcome = Outcome(path)
    if collected.dry_run:
        ledger = old.ledger if old else Ledger(place=meta.place, year=meta.year)
        outcome.plan = plan(ledger, incoming, registry, update)
        tell(outcome.plan)
        return collected
    merge_into(
        outcome,
        incoming,
        registry,
        place=meta.place,
        year=meta.year,
        update=update,
        wait=wait,
        read_before=old,
        report=tell,
    )
    return collected
