"""Project configuration: `[tool.zhengwu.lint]` (or `[tool.zhengwu]`) in the nearest pyproject.toml.

[tool.zhengwu.lint]
select = ["ZW1", "ZW2"]          # codes, code prefixes or names; default: every rule
ignore = ["term-variant"]
strict = true                     # fail on warnings too
severity = { ZW504 = "error" }    # raise or lower a rule's level
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ..problems import Severity
from .results import Options

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

KEYS = {"select", "ignore", "strict", "severity"}


class ConfigError(ValueError):
    """A [tool.zhengwu] setting that cannot be used; the message names the file and the key."""


def find_pyproject(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def _strings(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f'{where} must be a list of rule codes or names, e.g. ["ZW101"]')


def read_config(path: Path) -> Options:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read it: {error}") from None
    tool = data.get("tool", {}).get("zhengwu", {})
    table = {k: v for k, v in tool.items() if k in KEYS}
    lint_table = tool.get("lint", {})
    if not isinstance(lint_table, dict):
        raise ConfigError(f"{path}: [tool.zhengwu] lint must be a table")
    unknown = set(lint_table) - KEYS
    if unknown:
        raise ConfigError(
            f"{path}: [tool.zhengwu.lint] has unknown key(s) {', '.join(sorted(unknown))}; "
            f"known: {', '.join(sorted(KEYS))}"
        )
    table.update(lint_table)
    options = Options()
    where = f"{path}: [tool.zhengwu.lint]"
    if "select" in table:
        options.select = _strings(table["select"], f"{where} select")
    if "ignore" in table:
        options.ignore = _strings(table["ignore"], f"{where} ignore")
    if "strict" in table:
        if not isinstance(table["strict"], bool):
            raise ConfigError(f"{where} strict must be true or false")
        options.strict = table["strict"]
    severity = table.get("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError(f'{where} severity must be a table, e.g. {{ ZW504 = "error" }}')
    for code, level in severity.items():
        if level not in {s.value for s in Severity}:
            raise ConfigError(f"{where} severity.{code}: “{level}” is not error, warning or info")
        options.severity[str(code).upper()] = Severity(level)
    return options
