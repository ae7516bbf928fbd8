"""The one way the tool replaces a file: whole or not at all, keeping what the file was.

`write_atomic(target, data)` writes to a temporary file `.<name>.<random>.tmp` in the target's
own folder, flushes it to disk (fsync), renames it over the target and flushes the folder, so a
reader, a crash or a power cut sees the old file or the new one, never half of one.

- A new file gets the usual permissions (0666 less the umask); an existing file keeps its mode
  (a 0600 ledger stays 0600).
- A symbolic link is written through: its target is replaced, the link stays a link.
- An existing target that is not a regular file (a folder, a pipe, a device) or that is
  read-only is refused before anything is opened, so a FIFO cannot hang the tool.
- `expect` (bytes, or None for "must not exist") is compared with the file again just before
  the rename: a save made meanwhile by someone else is never overwritten.
- `replace=False` never replaces a file, not even one that appeared meanwhile.
- No temporary file is left behind, also on Ctrl-C (it is held until the rename is done and
  raised afterwards), and temporary files a killed run left are removed.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .i18n import _, os_reason

ANY: Any = object()  # `expect` default: whatever the file holds now may be replaced
STALE_SECONDS = 3600.0  # a temporary file this old belongs to no run still writing


class WriteError(Exception):
    """The file could not be written; the old one (if any) is as it was. The message says why."""


class TargetExists(WriteError):
    """`replace=False` and the file exists (or appeared while writing)."""


class Changed(WriteError):
    """The file's bytes are not the `expect`ed ones any more: someone saved it meanwhile."""


def umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def real_target(target: Path) -> Path:
    """The file a write to `target` replaces: a symbolic link's (final) target."""
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def check_target(target: Path) -> os.stat_result | None:
    """The target's stat when it exists; WriteError if it is not a writable regular file.

    Checked with stat, before anything opens the file (opening a FIFO blocks)."""
    try:
        info = target.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise WriteError(
            _("cannot use {path}: {reason}").format(path=target, reason=os_reason(error))
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise WriteError(_("{path} is a folder, not a file; give a file name").format(path=target))
    if not stat.S_ISREG(info.st_mode):
        raise WriteError(
            _(
                "{path} is not a regular file (a pipe, a device or a socket); give the path of "
                "an ordinary file"
            ).format(path=target)
        )
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise WriteError(
            _(
                "{path} is read-only; nothing was written. Make it writable (file properties, "
                "or chmod u+w) and run again"
            ).format(path=target)
        )
    return info


_TEMPORARY = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")  # what mkstemp below names them
_swept: set[Path] = set()  # folders whose old temporary files this run has removed


def clean_stale(
    target: Path, older_than: float = STALE_SECONDS, every_name: bool = False
) -> list[Path]:
    """Remove `.<name>.*.tmp` files beside `target` that a killed run left behind (with
    `every_name`, those of any file in the folder)."""
    prefix, removed = "." if every_name else f".{target.name}.", list[Path]()
    now = time.time()
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        if not (entry.name.startswith(prefix) and _TEMPORARY.match(entry.name)):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False) and (
                now - entry.stat(follow_symlinks=False).st_mtime >= older_than
            ):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


@contextlib.contextmanager
def held_interrupt() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) until the block is done, then raise KeyboardInterrupt."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda number, frame: caught.append(number))
    except ValueError:  # not the main interpreter
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def _sync_folder(folder: Path) -> None:
    flags = getattr(os, "O_DIRECTORY", None)
    if flags is None:  # Windows: a folder cannot be opened; NTFS orders the rename itself
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY | flags)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _same_bytes(path: Path, expect: bytes | None) -> bool:
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False
        return path.read_bytes() == expect
    except FileNotFoundError:
        return expect is None


def write_atomic(
    target: Path,
    data: bytes | Callable[[Path], object],
    *,
    expect: bytes | None = ANY,
    replace: bool = True,
    new_mode: int | None = None,
    stale_after: float | None = STALE_SECONDS,
    on_replaced: Callable[[], object] | None = None,
    follow_links: bool = True,
) -> Path:
    """Replace `target` by `data` (bytes, or a function that saves to the path it is given).

    Returns the file written (a link's target). Raises WriteError (TargetExists, Changed).
    `new_mode`: the permissions of a file that did not exist [default 0666 less the umask].
    `stale_after`: remove `.<name>.*.tmp` files this old (seconds) beside the target; by default
    once per folder and run (so writing many files into one folder stays linear); None: never.
    `on_replaced` is called right after the rename (before a held Ctrl-C is raised).
    `follow_links=False` replaces a symbolic link itself (where a link may have been planted)."""
    path = real_target(target) if follow_links else target
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteError(
            _("cannot create the folder {folder}: {reason}").format(
                folder=folder, reason=os_reason(error)
            )
        ) from None
    info = check_target(path) if follow_links or not path.is_symlink() else None
    if info is not None and not replace:
        raise TargetExists(_("{path} already exists").format(path=target))
    mode = stat.S_IMODE(info.st_mode) if info else (new_mode or 0o666 & ~umask())
    with held_interrupt():
        if stale_after is not None and (stale_after != STALE_SECONDS or folder not in _swept):
            _swept.add(folder)
            clean_stale(path, stale_after, every_name=stale_after == STALE_SECONDS)
        try:
            handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        except OSError as error:
            raise WriteError(
                _("cannot write in {folder}: {reason}").format(
                    folder=folder, reason=os_reason(error)
                )
            ) from None
        temp = Path(temp_name)
        try:
            with os.fdopen(handle, "wb") as out:
                if isinstance(data, bytes):
                    out.write(data)
                    out.flush()
                    os.fsync(out.fileno())
            if not isinstance(data, bytes):
                data(temp)
                with open(temp, "rb+") as saved:
                    os.fsync(saved.fileno())
            os.chmod(temp, mode)
            if expect is not ANY and not _same_bytes(path, expect):
                raise Changed(
                    _("{path} changed on disk while it was being written").format(path=target)
                )
            if replace:
                os.replace(temp, path)
            else:
                _link_new(temp, path, target)
            _sync_folder(folder)
            if on_replaced is not None:
                on_replaced()
        except OSError as error:
            raise WriteError(
                _("cannot write {path}: {reason}").format(path=target, reason=os_reason(error))
            ) from None
        finally:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
    return path


def _link_new(temp: Path, path: Path, shown: Path) -> None:
    """Rename without replacing a file that appeared meanwhile (a hard link where possible)."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise TargetExists(_("{path} already exists").format(path=shown)) from None
    except OSError:  # a file system without hard links
        if path.exists():
            raise TargetExists(_("{path} already exists").format(path=shown)) from None
        os.replace(temp, path)
