"""`zhengwu --help` and `--version` come from overview.py without click; they must read exactly
as click would print them, at any terminal width."""

from __future__ import annotations

import os
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from zhengwu_cli import __version__
from zhengwu_cli.cli import COMMANDS
from zhengwu_cli.cli.app import cli
from zhengwu_cli.cli.overview import help_text

FAST = "import sys; from zhengwu_cli.cli import main; sys.argv[0] = 'zhengwu'; main()"
CLICK = "from zhengwu_cli.cli.app import cli; cli(prog_name='zhengwu')"


def run_fast(*args: str, columns: int, code: str = FAST) -> subprocess.CompletedProcess[str]:
    """The real entry point in a process of its own (the terminal width comes from COLUMNS)."""
    env = {**os.environ, "COLUMNS": str(columns)}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )


@pytest.mark.parametrize("width", [50, 57, 64, 72, 98])
def test_help_text_is_laid_out_as_click_lays_it_out(width: int) -> None:
    ctx = click.Context(cli, info_name="zhengwu", terminal_width=width, **cli.context_settings)
    assert help_text(width) == cli.get_help(ctx)


@pytest.mark.parametrize("columns", [30, 60, 80, 140])
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_zhengwu_help_prints_what_click_prints(flag: str, columns: int) -> None:
    fast = run_fast(flag, columns=columns)
    slow = run_fast(flag, columns=columns, code=CLICK)
    assert fast.returncode == slow.returncode == 0
    assert fast.stdout == slow.stdout
    assert fast.stderr == slow.stderr == ""


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_zhengwu_version_prints_what_click_prints(flag: str) -> None:
    fast = run_fast(flag, columns=80)
    slow = CliRunner().invoke(cli, [flag], prog_name="zhengwu")
    assert fast.returncode == slow.exit_code == 0
    assert fast.stdout == slow.output == f"zhengwu, version {__version__}\n"


def test_every_command_is_listed_with_its_line() -> None:
    text = help_text(98)
    for name, (_, _, line) in COMMANDS.items():
        assert f"  {name.ljust(9)}{line}" in text


def test_anything_more_than_the_flag_goes_to_click() -> None:
    result = run_fast("--help", "lint", columns=80)
    assert result.returncode == 0  # click: --help wins, shows the group's help
    result = run_fast("lint", "--help", columns=80)
    assert result.returncode == 0
    assert "Usage: zhengwu lint" in result.stdout


def test_a_stdout_that_is_not_utf8_is_left_to_click() -> None:
    """PYTHONIOENCODING=ascii (or LANG=C): click knows how to write the Chinese; we hand over."""
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        [sys.executable, "-c", FAST, "--help"], capture_output=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "zhengwu：政务公开任务清单编译器。" in result.stdout.decode("utf-8")
    assert result.stderr == b""


def test_a_reader_that_goes_away_is_no_traceback() -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(0.5); " + FAST, "--help"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `zhengwu --help | true`
    with process.stderr:
        assert process.wait(timeout=60) == 1
        assert process.stderr.read() == b""
