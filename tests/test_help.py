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
    assert text.startswith("用法：zhengwu [选项] 命令 [参数]…")
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


@pytest.mark.parametrize(
    "args", [["--lang", "en", "--version"], ["--version", "--lang", "en"], ["--lang=en", "-V"]]
)
def test_version_follows_lang_wherever_it_is_written(args: list[str], chinese: None) -> None:
    result = run(*args)
    assert result.returncode == 0
    assert result.stdout.decode() == f"zhengwu, version {__version__}\n"


def test_version_in_chinese(chinese: None) -> None:
    assert run("--version").stdout.decode() == f"zhengwu，版本 {__version__}\n"


def test_help_in_english_with_lang_says_version_in_english(chinese: None) -> None:
    text = run("--lang", "en", "--help").stdout.decode()
    assert "Show the version and exit." in text and "显示" not in text
    assert text.startswith("Usage: zhengwu [OPTIONS] COMMAND [ARGS]...")


def test_lang_after_the_command_says_where_it_goes(chinese: None) -> None:
    result = run("show", "999", "--lang", "en")
    assert result.returncode == 2
    said = result.stderr.decode()
    assert "没有选项“--lang”。--lang 要写在命令前面：zhengwu --lang en show …" in said


def test_an_unknown_language_is_said_once(chinese: None) -> None:
    result = run("--version", ZHENGWU_LANG="fr")
    assert result.returncode == 0
    assert result.stdout.decode() == f"zhengwu，版本 {__version__}\n"
    said = result.stderr.decode()
    assert said.count("ZHENGWU_LANG=fr") == 1 and "只有 zh（中文）和 en（英文）" in said
    assert run("--version", ZHENGWU_LANG="zh_CN").stderr == b""


def test_click_words_in_chinese(chinese: None) -> None:
    from click.testing import CliRunner

    from zhengwu_cli.cli.app import cli

    missing = CliRunner().invoke(cli, ["show"], prog_name="zhengwu").output
    assert "用法：zhengwu show [选项] 编号" in missing
    assert "错误：缺少参数“编号”。" in missing
    required = CliRunner().invoke(cli, ["import", "--help"], prog_name="zhengwu").output
    assert "［必填］" in required and "[required]" not in required


def test_the_second_column_aligns_by_display_width(chinese: None) -> None:
    """click counts a Chinese metavar (文件) as one column a character; the help beside it
    must start where every other option's does."""
    import unicodedata

    from click.testing import CliRunner

    from zhengwu_cli.cli.app import cli

    text = CliRunner().invoke(cli, ["collect", "--help"], prog_name="zhengwu").output
    rows = [line for line in text.splitlines() if line.startswith("  -") and "  " in line[2:]]
    starts = set()
    for line in rows:
        first, _, rest = line[2:].partition("  ")
        column = 2 + sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in first)
        starts.add(column + len(rest) - len(rest.lstrip()) + 2)
    assert "-l, --ledger 文件" in text
    assert len(starts) == 1, rows
