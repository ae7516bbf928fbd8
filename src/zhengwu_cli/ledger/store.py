"""The ledger as a careful store: one writer at a time, nothing a person saved meanwhile lost.

`merge_into` does the whole read-modify-write of a collect under an exclusive lock,
`<ledger>.lock` beside the ledger (the `filelock` package: flock on Unix, msvcrt on Windows):

1. wait for the lock (at most `wait` seconds; then a clear error, nothing written) — so
   collects started at once queue up;
2. under the lock read the ledger again and plan the merge against what it holds *now*, so
   every entry another collect wrote meanwhile is kept;
3. build the new text, check it holds the old entries plus the new ones, and replace the file
   atomically (`zhengwu_cli.atomic`) — comparing its bytes once more just before the rename, so
   a save made in an editor (which takes no lock) is never overwritten: the collect stops and
   asks to be run again.
Temporary files a killed collect left beside the ledger are removed under the lock.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import (
    Changed,
    WriteError,
    check_target,
    clean_stale,
    real_target,
    umask,
    write_atomic,
)
from ..i18n import _, os_reason
from ..units import Registry
from . import LedgerError, merge
from .load import LoadedLedger, irregular, load_ledger
from .merge import Plan
from .model import Entry, Ledger

DEFAULT_WAIT = 60.0  # seconds to wait for another collect writing the same ledger


@dataclass
class Outcome:
    """What a collect did: its plan, and whether the ledger was replaced."""

    path: Path
    plan: Plan = field(default_factory=Plan)
    written: bool = False


def lock_path(path: Path) -> Path:
    """`<ledger>.lock` beside the ledger (beside a link's target: one lock for both names)."""
    target = real_target(path)
    return target.with_name(target.name + ".lock")


@contextmanager
def locked(path: Path, wait: float = DEFAULT_WAIT) -> Iterator[None]:
    """Hold the ledger's exclusive lock; LedgerError when another holds it for `wait` s."""
    from filelock import FileLock, Timeout

    lock_file = lock_path(path)
    try:  # whoever may write the ledger may take its lock (a group's shared folder)
        mode = stat.S_IMODE(real_target(path).stat().st_mode) & 0o666
    except OSError:
        mode = 0o666 & ~umask()
    lock = FileLock(str(lock_file), timeout=max(wait, 0), mode=mode)
    try:
        lock.acquire()
    except Timeout:
        raise LedgerError(
            _(
                "{path}: another zhengwu collect has been writing this ledger for more than "
                "{wait} s (lock file {lock}); nothing was written — run again when it has "
                "finished, or give --wait SECONDS"
            ).format(path=path, wait=f"{wait:g}", lock=lock_file)
        ) from None
    except OSError as error:
        raise LedgerError(
            _(
                "{path}: cannot lock the ledger ({lock}: {why}); nothing was written — the "
                "ledger's folder must be writable"
            ).format(path=path, lock=lock_file, why=os_reason(error))
        ) from None
    try:
        yield
    finally:
        lock.release()


def check_writable(path: Path) -> None:
    """LedgerError unless `path` can be written as a ledger: checked before any sheet is read,
    and without opening the file (a pipe would block)."""
    why = irregular(path)
    if why:
        raise LedgerError(
            _("{path}: {why}; give the path of the ledger's .yaml file with --ledger").format(
                path=path, why=why
            )
        )
    try:
        check_target(real_target(path))
    except WriteError as error:
        raise LedgerError(str(error)) from None
    folder = real_target(path).parent
    existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if existing is not None and not os.access(existing, os.W_OK | os.X_OK):
        raise LedgerError(
            _(
                "{path}: cannot write in the folder {folder}; nothing was written — choose "
                "another --ledger or ask for write access"
            ).format(path=path, folder=existing)
        )


def merge_into(
    outcome: Outcome,
    incoming: list[Entry],
    registry: Registry,
    *,
    place: str | None,
    year: int,
    update: bool = False,
    wait: float = DEFAULT_WAIT,
    read_before: LoadedLedger | None = None,
    report: Callable[[Plan], object] | None = None,
) -> Outcome:
    """Merge `incoming` into the ledger at `outcome.path` under its lock (see above).

    `read_before`: the ledger as read before the sheets were (reused when its bytes are still
    the same). `report(plan)` is called under the lock once the plan is known. Raises
    LedgerError, or LoadError when the ledger on disk cannot be read."""
    path = outcome.path
    check_writable(path)
    try:
        real_target(path).parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LedgerError(
            _("cannot create the folder {folder}: {why}").format(
                folder=path.parent, why=os_reason(error)
            )
        ) from None
    with locked(path, wait):
        clean_stale(real_target(path), older_than=0)  # no writer of this ledger is running
        old = _read_again(path, read_before)
        if old is not None and old.ledger.year != year:
            raise LedgerError(
                _(
                    "{path}: the ledger is for {ledger_year}, the checklist for {checklist_year}; "
                    "give the matching --ledger or --checklist"
                ).format(path=path, ledger_year=old.ledger.year, checklist_year=year)
            )
        ledger = old.ledger if old else Ledger(place=place, year=year)
        outcome.plan = merge.plan(ledger, incoming, registry, update)
        if report is not None:
            report(outcome.plan)
        if not outcome.plan.added:
            return outcome
        text = merge.new_text(old, outcome.plan.added, place, year)
        merge.verify(text, str(path), list(ledger.entries), outcome.plan.added)
        try:
            write_atomic(
                path,
                merge.encode(text, old),
                expect=old.data if old else None,
                on_replaced=lambda: setattr(outcome, "written", True),
            )
        except Changed:
            raise LedgerError(
                _(
                    "{path}: the ledger changed on disk while collecting (someone saved it); "
                    "nothing was written — run the command again"
                ).format(path=path)
            ) from None
        except WriteError as error:
            raise LedgerError(_("the ledger was not changed: {why}").format(why=error)) from None
    return outcome


def _read_again(path: Path, before: LoadedLedger | None) -> LoadedLedger | None:
    why = irregular(path)
    if why:
        raise LedgerError(_("{path}: {why}; nothing was written").format(path=path, why=why))
    if not path.exists():
        return None
    if before is not None:
        try:
            if real_target(path).read_bytes() == before.data:
                return before
        except OSError as error:
            raise LedgerError(
                _("{path}: cannot read the ledger again: {why}").format(
                    path=path, why=os_reason(error)
                )
            ) from None
    return load_ledger(path)
