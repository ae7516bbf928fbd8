"""Load a ledger YAML with located errors (the checklist loader's reading and validation)."""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import _, os_reason
from ..load import Document, LoadError, read_document, validate
from ..positions import Positions
from ..problems import Problem, Severity
from .model import Ledger


@dataclass
class LoadedLedger:
    path: Path
    ledger: Ledger
    positions: Positions
    text: str  # the file as read (BOM dropped, line ends as they are), to append to it
    warnings: list[Problem] = field(default_factory=list)
    data: bytes = b""  # the file's bytes, to notice a change made meanwhile

    @property
    def bom(self) -> bool:
        return self.data.startswith(BOM)

    @property
    def newline(self) -> str:
        """The file's line end: CRLF when most of its lines end so (saved on Windows)."""
        crlf = self.data.count(b"\r\n")
        return "\r\n" if crlf and crlf * 2 >= self.data.count(b"\n") else "\n"


BOM = b"\xef\xbb\xbf"


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


def load_ledger(path: Path, document: Document | None = None) -> LoadedLedger:
    """Read and validate a ledger (its bytes read once), or validate the `document` already read
    from it. Raises LoadError with located problems; a path that is not a regular file (a pipe
    would block the read) is refused unopened."""
    if document is None:
        not_regular = irregular(path)
        if not_regular:
            raise LoadError([_unreadable(path, not_regular)])
        document = read_document(path)
    ledger = validate(Ledger, document.parsed, document.positions)
    return LoadedLedger(
        path, ledger, document.positions, document.text, document.warnings, document.data
    )


def irregular(path: Path) -> str | None:
    """Why `path` cannot be a ledger file (checked with stat, never opened), or None."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        return _("cannot read it: {why}").format(why=os_reason(error))
    if stat.S_ISDIR(mode):
        return _("this is a folder, not a ledger file")
    if not stat.S_ISREG(mode):
        return _("this is not a regular file (a pipe, a device or a socket)")
    return None


def _unreadable(path: Path, why: str) -> Problem:
    return Problem(
        str(path),
        1,
        1,
        "ZW000",
        "unreadable",
        Severity.error,
        why,
        _("give the path of the ledger's .yaml file with --ledger"),
    )


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
                _("no ledger (台账) at this path"),
                _("run `zhengwu collect SHEET.docx…` to start one, or give --ledger PATH"),
            )
        ]
    )
