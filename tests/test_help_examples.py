"""Every command's --help ends with an Example: block of real invocations (sqlite-utils' rule)."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from zhengwu_cli.cli import COMMANDS, cli


def _help(*args: str) -> str:
    result = CliRunner().invoke(cli, [*args, "--help"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _examples(text: str) -> list[str]:
    """The lines of the Example: block (indented under it, up to the next unindented line)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "Example:")
    block = []
    for line in lines[start + 1 :]:
        if line and not line.startswith(" "):
            break
        if line.strip():
            block.append(line.strip())
    return block


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_has_an_example(name: str) -> None:
    text = _help(name)
    assert re.search(r"^\s*Example:\s*$", text, re.M), f"zhengwu {name} --help has no Example:"
    examples = _examples(text)
    assert examples, f"zhengwu {name} --help: the Example: block is empty"
    for line in examples:  # each a whole command, one a line (not rewrapped by click)
        assert line.split()[0] == "zhengwu" and line.split()[1] in COMMANDS, (name, line)
    assert any(line.startswith(f"zhengwu {name}") for line in examples), name


def test_the_group_help_has_examples_of_its_commands() -> None:
    examples = _examples(_help())
    assert examples and all(line.split()[1] in COMMANDS for line in examples)
