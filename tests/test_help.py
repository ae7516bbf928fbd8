"""`zhengwu --help` and `--version` from click itself: every command listed with its line, and
the terminal cases a person meets (a stdout that is not UTF-8, a reader that goes away)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from zhengwu_cli import __version__, i18n
from zhengwu_cli.cli import COMMANDS

ENTRY = "import sys; from zhengwu_cli.cli import main; sys.argv[0] = 'zhengwu'; main()"


def run(*args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    """The real entry point in a process of its own."""
    return subprocess.run(
        [sys.executable, "-c", ENTRY, *args],
        capture_output=True,
        env={**os.environ, "COLUMNS": "100", **env},
        timeout=60,
    )


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_lists_every_command_with_its_line(flag: str, chinese: None) -> None:
    result = run(flag)
    assert result.returncode == 0 and result.stderr == b""
    text = result.stdout.decode("utf-8")
    assert text.startswith("用法：zhengwu [OPTIONS] COMMAND [ARGS]...")
    assert "zhengwu：政务公开任务清单编译器。" in text
    for name, (_, _, line) in COMMANDS.items():
        assert f"  {name.ljust(9)}{i18n._(line)}" in text
        assert i18n._(line) != line  # every command's line is translated


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag: str) -> None:
    result = run(flag)
    assert result.returncode == 0
    assert result.stdout.decode() == f"zhengwu, version {__version__}\n"


def test_a_stdout_that_is_not_utf8_still_gets_the_chinese(chinese: None) -> None:
    """PYTHONIOENCODING=ascii (or LANG=C): click writes the text without a UnicodeEncodeError."""
    result = run("--help", PYTHONIOENCODING="ascii")
    assert result.returncode == 0, result.stderr
    assert "政务公开任务清单编译器" in result.stdout.decode("utf-8")
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["--help"], ["list", "--format", "plain"]])
def test_a_reader_that_goes_away_is_no_traceback(args: list[str]) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(0.5); " + ENTRY, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `zhengwu --help | true`
    with process.stderr:
        assert process.wait(timeout=60) == 1
        assert b"Traceback" not in process.stderr.read()


def test_a_ctrl_c_inside_click_itself_is_exit_130(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while click parses (before the command's own handler): 130 and a message, not
    click's "Aborted!" and exit 1, which a script would take for a failure of the command."""
    from click.testing import CliRunner

    from zhengwu_cli.cli.app import LazyGroup, cli

    def interrupted(self: LazyGroup, ctx: object, name: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(LazyGroup, "get_command", interrupted)
    result = CliRunner().invoke(cli, ["collect", "x.docx"])
    assert result.exit_code == 130
    assert "interrupted (Ctrl-C)" in result.stderr and "Aborted!" not in result.output
