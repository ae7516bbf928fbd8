"""A cache of lint results: linting an unchanged checklist again answers without re-checking it.

An entry is looked up by the tool (its version, its own files, the libraries it checks with),
the settings (select, ignore, strict, severity) and the file asked about. It is used only while
every file its findings came from (the checklist and its unit registry) has the same bytes as
when they were found, so an edit, a `git checkout` or a new registry is always seen. Only
checklists that loaded are cached; a file that fails to load is checked afresh each time.

Where: $ZHENGWU_CACHE_DIR, else the user cache folder (~/.cache/zhengwu on Linux,
%LOCALAPPDATA%\\zhengwu\\Cache on Windows, ~/Library/Caches/zhengwu on macOS). `zhengwu lint
--no-cache` (or ZHENGWU_NO_CACHE=1) skips it. A cache that cannot be read or written is passed
over in silence: it never fails or changes a lint.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import __version__
from ..problems import Problem, Severity
from .results import Options, Result

FORMAT = 1  # bump when an entry's layout changes
KEEP = 500  # entries kept; the oldest go first
LIBRARIES = ("pydantic", "pydantic_core", "yaml", "chinese_calendar", "rapidfuzz")


def default_folder() -> Path:
    configured = os.environ.get("ZHENGWU_CACHE_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("zhengwu", appauthor=False))


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


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
        settings = [
            sorted(options.select),
            sorted(options.ignore),
            options.strict,
            sorted((code, level.value) for code, level in options.severity.items()),
        ]
        self._salt = f"{tool_fingerprint()}|{json.dumps(settings)}"
        self._seen: dict[str, str | None] = {}  # the target's digest when it was looked up

    def _entry(self, path: Path) -> Path:
        key = f"{self._salt}|{os.path.abspath(path)}|{path}"
        return (
            self.folder / f"{hashlib.sha256(key.encode('utf-8', 'surrogatepass')).hexdigest()}.json"
        )

    def get(self, path: Path) -> Result | None:
        """The cached result for `path`, or None when there is none that still holds."""
        digest = _digest(path)
        self._seen[str(path)] = digest
        if digest is None:
            return None
        try:
            data = json.loads(self._entry(path).read_text(encoding="utf-8"))
            sources = [(Path(name), sha) for name, sha in data["sources"]]
            if not sources or sources[0] != (Path(os.path.abspath(path)), digest):
                return None
            if any(_digest(source) != sha for source, sha in sources[1:]):
                return None
            return Result(
                str(path),
                [_problem(p) for p in data["problems"]],
                [_problem(p) for p in data["waived"]],
                sources=[source for source, _ in sources],
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, result: Result) -> None:
        """Keep a result made from files that have not changed since they were looked up."""
        if not result.sources or result.unreadable:
            return
        target = Path(result.path)
        digests = [_digest(source) for source in result.sources]
        if digests[0] is None or digests[0] != self._seen.get(result.path, digests[0]):
            return  # the checklist changed while it was being checked
        if any(d is None for d in digests):
            return
        data = {
            "format": FORMAT,
            "sources": [
                [os.path.abspath(source), d]
                for source, d in zip(result.sources, digests, strict=True)
            ],
            "problems": [_problem_data(p) for p in result.problems],
            "waived": [_problem_data(p) for p in result.waived],
        }
        import tempfile

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    json.dump(data, out, ensure_ascii=False)
                os.replace(temporary, self._entry(target))
            except BaseException:
                os.unlink(temporary)
                raise
            self._prune()
        except OSError:
            return

    def _prune(self) -> None:
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
