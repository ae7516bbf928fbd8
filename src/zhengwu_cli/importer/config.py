"""A place's own headings for import: `[tool.zhengwu.import.headers]` in pyproject.toml.

    [tool.zhengwu.import.headers]
    units = ["承办科室", "责任处室"]
    deadline = ["办结时限"]

The words are tried before the bundled vocabulary (headers.yaml); the nearest pyproject.toml
from the working folder upwards is read, as for lint's settings.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..i18n import _, join
from .grid import ReadError
from .vocabulary import KINDS


def headers_from_config(start: Path | None = None) -> dict[str, list[str]] | None:
    from ..lint.config import find_pyproject

    path = find_pyproject(start)
    if path is None:
        return None
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ReadError(
            _("{path}: cannot read it: {error}").format(path=path, error=error)
        ) from None
    table = data.get("tool", {}).get("zhengwu", {}).get("import", {}).get("headers")
    if table is None:
        return None
    where = f"{path}: [tool.zhengwu.import.headers]"
    if not isinstance(table, dict):
        raise ReadError(_('{where} must be a table, e.g. units = ["承办科室"]').format(where=where))
    unknown = sorted(set(table) - set(KINDS))
    if unknown:
        raise ReadError(
            _("{where} has unknown column kind(s) {unknown}; known: {known}").format(
                where=where, unknown=join(unknown), known=join(KINDS)
            )
        )
    found: dict[str, list[str]] = {}
    for kind, words in table.items():
        if isinstance(words, str):
            words = [words]
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise ReadError(
                _('{where} {kind} must be a list of headings, e.g. ["承办科室"]').format(
                    where=where, kind=kind
                )
            )
        found[kind] = list(words)
    return found
