"""Project configuration: `[tool.zhengwu.lint]` (or `[tool.zhengwu]`) in the nearest pyproject.toml.

[tool.zhengwu.lint]
select = ["ZW1", "ZW2"]          # codes, code prefixes or names; default: every rule
ignore = ["term-variant"]
strict = true                     # fail on warnings too
severity = { ZW504 = "error" }    # raise or lower a rule's level

and whether lint answers from its cache (`--cache`, ZHENGWU_CACHE=1; lint/cache.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from ..i18n import _, join
from ..problems import Severity
from .results import Options

KEYS = {"select", "ignore", "strict", "severity"}


class ConfigError(ValueError):
    """A [tool.zhengwu] setting that cannot be used; the message names the file and the key."""


def cache_enabled(flag: bool | None) -> bool:
    """Whether to use the lint cache: --cache / --no-cache when given, else ZHENGWU_CACHE=1
    (ZHENGWU_NO_CACHE=1 wins over it)."""
    if flag is not None:
        return flag
    if os.environ.get("ZHENGWU_NO_CACHE", "") not in ("", "0"):
        return False
    return os.environ.get("ZHENGWU_CACHE", "") not in ("", "0")


def find_pyproject(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def _strings(value: Any, where: str, key: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(
        _('{where} {key} must be a list of rule codes or names, e.g. ["ZW101"]').format(
            where=where, key=key
        )
    )


def read_config(path: Path) -> Options:
    if sys.version_info >= (3, 11):  # read only when there is a pyproject.toml
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        message = _("{path}: cannot read it: {error}").format(path=path, error=error)
        raise ConfigError(message) from None
    tool = data.get("tool", {}).get("zhengwu", {})
    table = {k: v for k, v in tool.items() if k in KEYS}
    lint_table = tool.get("lint", {})
    if not isinstance(lint_table, dict):
        raise ConfigError(_("{path}: [tool.zhengwu] lint must be a table").format(path=path))
    unknown = set(lint_table) - KEYS
    if unknown:
        raise ConfigError(
            _("{path}: [tool.zhengwu.lint] has unknown key(s) {unknown}; known: {known}").format(
                path=path, unknown=join(sorted(unknown)), known=join(sorted(KEYS))
            )
        )
    table.update(lint_table)
    options = Options()
    where = f"{path}: [tool.zhengwu.lint]"
    if "select" in table:
        options.select = _strings(table["select"], where, "select")
    if "ignore" in table:
        options.ignore = _strings(table["ignore"], where, "ignore")
    if "strict" in table:
        if not isinstance(table["strict"], bool):
            raise ConfigError(_("{where} strict must be true or false").format(where=where))
        options.strict = table["strict"]
    severity = table.get("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError(
            _('{where} severity must be a table, e.g. {{ ZW504 = "error" }}').format(where=where)
        )
    for code, level in severity.items():
        if level not in {s.value for s in Severity}:
            raise ConfigError(
                _("{where} severity.{code}: “{level}” is not error, warning or info").format(
                    where=where, code=code, level=level
                )
            )
        options.severity[str(code).upper()] = Severity(level)
    return options
