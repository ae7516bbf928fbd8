"""A cache of lint results, opt-in: `zhengwu lint --cache` (or ZHENGWU_CACHE=1) answers a lint
of an unchanged checklist without re-checking it.

It is off by default because where lint really runs it cannot help: pre-commit and CI lint the
files that changed, and an editor lints the file just saved, so every such lint misses and pays
for the look-up and the write instead (measured in changes/harden.md and benchmarks/README.md).
It helps someone who lints the same unchanged files again and again by hand.

An entry is looked up by the tool (its version, its own files, the libraries it checks with),
the settings (select, ignore, severity) and the file asked about. It is used only while every
file its findings came from (the checklist and its unit registry, as the loader read them,
symlinks resolved) has the bytes the loader read (sha256), so an edit, a `git checkout`, a new
registry or a file changed while it was being checked is always seen. Only regular files that
loaded are cached: a file that fails to load, a pipe or a file over 64 MB is checked afresh.

An answer from the cache makes a broken file pass, so the cache trusts only itself:

- the cache folder and its `lint` folder must be real folders (not symlinks) owned by the user
  and writable by nobody else (created 0700); otherwise the cache is not used at all;
- each entry must be a regular file (opened without following a symlink) owned by the user and
  writable by nobody else;
- entries are named and signed with an HMAC-SHA256 key kept in the folder (`lint/key`, 32 random
  bytes, 0600, made on first use), so an entry copied from another machine, a restored backup or
  a shared folder, or computed in advance by someone who knows the layout, is never accepted.

Whether it is used: lint/config.py's `cache_enabled`. Where: $ZHENGWU_CACHE_DIR, else the user
cache folder (~/.cache/zhengwu on Linux, %LOCALAPPDATA%\\zhengwu\\Cache on Windows,
~/Library/Caches/zhengwu on macOS). `--no-cache` (or ZHENGWU_NO_CACHE=1) turns it off again.
A cache that cannot be read or written, or is not
trusted, is passed over in silence: it never fails or changes a lint. (Windows has no owner and
mode bits to check; there the key alone protects the entries.)
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import stat
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import __version__
from ..problems import Problem, Severity
from .results import Options, Result

FORMAT = 3  # bump when an entry's layout changes (3: signed entries)
KEEP = 500  # entries kept; the oldest go first
LARGEST = 64 * 1024 * 1024  # the loader refuses bigger files (load.MAX_BYTES)
LIBRARIES = ("pydantic", "pydantic_core", "yaml", "chinese_calendar", "rapidfuzz")
KEY = "key"  # the folder's HMAC key, beside the entries
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _owned(st: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else (always true where there are no owners)."""
    if not hasattr(os, "getuid"):
        return True
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def trusted_folder(path: Path, create: bool) -> bool:
    """A real folder (no symlink), ours, writable by nobody else; made 0700 when missing."""
    try:
        if create and not os.path.lexists(path):
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and _owned(st)


def _read_own(path: Path, limit: int) -> bytes | None:
    """A regular file's bytes if it is ours and writable by nobody else; never through a
    symlink; None otherwise."""
    try:
        handle = os.open(path, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        st = os.fstat(handle)
        if not stat.S_ISREG(st.st_mode) or not _owned(st) or st.st_size > limit:
            return None
        with os.fdopen(handle, "rb", closefd=False) as stream:
            return stream.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(handle)


def folder_key(folder: Path, create: bool) -> bytes | None:
    """The folder's HMAC key (made on first use, 0600), or None where it is not to be trusted:
    a key others can read could sign an entry as well as we do."""
    path = folder / KEY
    data = _read_own(path, 64)
    if data is None and create and not os.path.lexists(path):
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_BINARY", 0)
            handle = os.open(path, flags, 0o600)
        except FileExistsError:  # another lint made it just now
            data = _read_own(path, 64)
        except OSError:
            return None
        else:
            with os.fdopen(handle, "wb") as out:
                out.write(secrets.token_bytes(32))
            data = _read_own(path, 64)
    if data is None or len(data) != 32:
        return None
    if hasattr(os, "getuid") and os.stat(path).st_mode & 0o077:
        return None
    return data


def default_folder() -> Path:
    configured = os.environ.get("ZHENGWU_CACHE_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("zhengwu", appauthor=False))


def _digest(path: Path) -> str | None:
    """sha256 of a regular file's bytes, read in pieces; None for anything else (a pipe, which
    reading would use up, a folder, a missing file) or a file too big to be a checklist."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > LARGEST:
            return None
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for piece in iter(lambda: handle.read(1 << 20), b""):
                digest.update(piece)
    except OSError:
        return None
    return digest.hexdigest()


def _stat_line(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return f"{path}|-"
    return f"{path}|{st.st_size}|{st.st_mtime_ns}"


def tool_fingerprint() -> str:
    """Changes whenever zhengwu or a library it checks with is installed, upgraded or edited."""
    lines = [f"{FORMAT}", __version__, sys.version]
    package = Path(__file__).resolve().parents[1]
    for root, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d not in {"data", "__pycache__"})
        lines += [
            _stat_line(os.path.join(root, name))
            for name in sorted(files)
            if name.endswith((".py", ".yaml"))
        ]
    from importlib.util import find_spec

    for library in LIBRARIES:
        spec = find_spec(library)
        lines.append(_stat_line(spec.origin) if spec and spec.origin else f"{library}|-")
    return hashlib.sha256("\n".join(lines).encode("utf-8", "surrogatepass")).hexdigest()


def _problem_data(problem: Problem) -> dict[str, Any]:
    return {**problem.as_dict(), "where": list(problem.where)}


def _problem(data: dict[str, Any]) -> Problem:
    return Problem(
        data["path"],
        data["line"],
        data["col"],
        data["code"],
        data["name"],
        Severity(data["severity"]),
        data["message"],
        data["hint"],
        tuple(data["where"]),
    )


class LintCache:
    """Lint results on disk, for one set of settings, in a folder this user alone controls."""

    def __init__(self, folder: Path, options: Options) -> None:
        self.root = folder
        self.folder = folder / "lint"
        settings = [  # `strict` is left out: it decides the exit code, not the findings
            sorted(options.select),
            sorted(options.ignore),
            sorted((code, level.value) for code, level in options.severity.items()),
        ]
        self._salt = f"{tool_fingerprint()}|{json.dumps(settings)}"
        self._key: bytes | None = None
        self._checked = False

    def _trusted_key(self, create: bool) -> bytes | None:
        """The key, once both folders are found trustworthy (made when `create`)."""
        if self._key is None and (create or not self._checked):
            self._checked = True
            if trusted_folder(self.root, create) and trusted_folder(self.folder, create):
                self._key = folder_key(self.folder, create)
        return self._key

    def _entry(self, key: bytes, path: Path) -> Path:
        text = f"{self._salt}|{os.path.abspath(path)}|{path}".encode("utf-8", "surrogatepass")
        return self.folder / f"{hmac.new(key, text, hashlib.sha256).hexdigest()}.json"

    @staticmethod
    def _sign(key: bytes, payload: bytes) -> bytes:
        return hmac.new(key, payload, hashlib.sha256).hexdigest().encode("ascii")

    def get(self, path: Path) -> Result | None:
        """The cached result for `path`, or None when there is none that still holds: the
        entry must be ours and signed with the folder's key, and every file it was made from
        must have the bytes it had then."""
        key = self._trusted_key(create=False)
        if key is None:
            return None
        try:
            raw = _read_own(self._entry(key, path), LARGEST)
            if raw is None:
                return None
            mac, _, payload = raw.partition(b"\n")
            if not hmac.compare_digest(mac, self._sign(key, payload)):
                return None
            data = json.loads(payload.decode("utf-8"))
            if data.get("format") != FORMAT:
                return None
            sources = [(Path(name), digest) for name, digest in data["sources"]]
            if not sources or sources[0][0] != path.resolve():
                return None
            if any(_digest(source) != digest for source, digest in sources):
                return None
            return Result(
                str(path),
                [_problem(p) for p in data["problems"]],
                [_problem(p) for p in data["waived"]],
                sources=sources,
            )
        except (OSError, ValueError, KeyError, TypeError, RuntimeError, AttributeError):
            return None

    def put(self, result: Result) -> None:
        """Keep a result of a checklist that loaded, with the digests of the bytes it was made
        from: a file changed while it was checked is simply not found again."""
        if not result.sources or result.unreadable:
            return
        if any(_digest(source) is None for source, _ in result.sources):
            return  # a pipe or a special file: there is nothing to compare next time
        key = self._trusted_key(create=True)
        if key is None:
            return
        data = {
            "format": FORMAT,
            "sources": [[str(source), digest] for source, digest in result.sources],
            "problems": [_problem_data(p) for p in result.problems],
            "waived": [_problem_data(p) for p in result.waived],
        }
        from ..atomic import WriteError, write_atomic

        # ASCII JSON: names that are not valid UTF-8 survive (surrogate escapes)
        payload = json.dumps(data).encode("ascii")
        try:
            entry = self._entry(key, Path(result.path))
            write_atomic(
                entry,
                self._sign(key, payload) + b"\n" + payload,
                new_mode=0o600,  # the cache is the user's own
                stale_after=None,
                follow_links=False,  # a link planted in the cache is replaced, not followed
            )
            os.chmod(entry, 0o600)  # also where it replaced an entry others could write
            self._prune()
        except (OSError, ValueError, WriteError):
            return

    def _prune(self) -> None:
        """Keep the newest KEEP entries; drop what a killed run left half-written."""
        now = time.time()
        for leftover in self.folder.glob("*.tmp"):
            if now - leftover.stat().st_mtime > 3600:
                leftover.unlink(missing_ok=True)
        entries = list(self.folder.glob("*.json"))
        if len(entries) <= KEEP:
            return
        entries.sort(key=lambda entry: entry.stat().st_mtime)
        for entry in entries[: len(entries) - KEEP]:
            entry.unlink(missing_ok=True)


def lint_cached(paths: Sequence[Path], options: Options, cache: LintCache | None) -> list[Result]:
    """Lint each file, answering from the cache where it holds; check the settings (raising
    UnknownRule) before any file has to be checked afresh."""
    results: list[Result | None] = [cache.get(path) if cache else None for path in paths]
    if all(result is not None for result in results):
        return [result for result in results if result is not None]
    options.rules()
    from .runner import lint_file

    done = []
    for path, result in zip(paths, results, strict=True):
        if result is None:
            result = lint_file(path, options)
            if cache:
                cache.put(result)
        done.append(result)
    return done
