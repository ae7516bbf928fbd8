"""Run the real CLI on the bundled 2022 checklist, as a user would."""

from __future__ import annotations

import json
from typing import Any

from click.testing import CliRunner, Result

from zhengwu_cli.cli import cli

from ..conftest import CHECKLIST


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    runner = CliRunner()
    return runner.invoke(cli, [*args, "--checklist", str(CHECKLIST)], env=env)


def records(*args: str) -> list[dict[str, Any]]:
    result = run("list", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    data: list[dict[str, Any]] = json.loads(result.stdout)
    return data


def numbers(*args: str) -> list[int]:
    return [r["indicator"] for r in records(*args)]
