"""A cache of lint results: linting an unchanged checklist again answers without re-checking it.

An entry is looked up by the tool (its version, its own files, the libraries it checks with),
the settings (select, ignore, severity) and the file asked about. It is used only while every
file its findings came from (the checklist and its unit registry, as the loader read them,
symlinks resolved) has the bytes the loader read (sha256), so an edit, a `git checkout`, a new
registry or a file changed while it was being checked is always seen. Only regular files that
loaded are cached: a file that fails to load, a pipe or a file over 64 MB is checked afresh.

Where: $ZHENGWU_CACHE_DIR, else the user cache folder (~/.cache/zhengwu on Linux,
%LOCALAPPDATA%\\zhengwu\\Cache on Windows, ~/Library/Caches/zhengwu on macOS). `zhengwu lint
--no-cache` (or ZHENGWU_NO_CACHE=1) skips it. A cache that cannot be read or written is passed
over in silence: it never fails or changes a lint.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import __version__
from ..problems import Problem, Severity
from .results import Options, Result

FORMAT = 2  # bump when an entry's layout changes
KEEP = 500  # entries kept; the oldest go first
LARGEST = 64 * 1024 * 1024  # the loader refuses bigger files (load.MAX_BYTES)
LIBRARIES = ("pydantic", "pydantic_core", "yaml", "chinese_calendar", "rapidfuzz")


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
    """Lint results on disk, for one set of settings."""

    def __init__(self, folder: Path, options: Options) -> None:
        self.folder = folder / "lint"
        settings = [  # `strict` is left out: it decides the exit code, not the findings
            sorted(options.select),
            sorted(options.ignore),
            sorted((code, level.value) for code, level in options.severity.items()),
        ]
        self._salt = f"{tool_fingerprint()}|{json.dumps(settings)}"

    def _entry(self, path: Path) -> Path:
        key = f"{self._salt}|{os.path.abspath(path)}|{path}".encode("utf-8", "surrogatepass")
        return self.folder / f"{hashlib.sha256(key).hexdigest()}.json"

    def get(self, path: Path) -> Result | None:
        """The cached result for `path`, or None when there is none that still holds: every
        file it was made from must have the bytes it had then."""
        try:
            data = json.loads(self._entry(path).read_text(encoding="utf-8"))
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
        except (OSError, ValueError, KeyError, TypeError, RuntimeError):
            return None

    def put(self, result: Result) -> None:
        """Keep a result of a checklist that loaded, with the digests of the bytes it was made
        from: a file changed while it was checked is simply not found again."""
        if not result.sources or result.unreadable:
            return
        if any(_digest(source) is None for source, _ in result.sources):
            return  # a pipe or a special file: there is nothing to compare next time
        data = {
            "format": FORMAT,
            "sources": [[str(source), digest] for source, digest in result.sources],
            "problems": [_problem_data(p) for p in result.problems],
            "waived": [_problem_data(p) for p in result.waived],
        }
        from ..atomic import WriteError, write_atomic

        try:
            # ASCII: names that are not valid UTF-8 survive; 0600: the cache is the user's own
            text = json.dumps(data)
            write_atomic(
                self._entry(Path(result.path)),
                text.encode("ascii"),
                new_mode=0o600,
                stale_after=None,
                follow_links=False,  # a link planted in the cache is replaced, not followed
            )
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
