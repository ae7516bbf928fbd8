"""The click group: lists its commands from COMMANDS and imports one only when it runs."""

from __future__ import annotations

import sys
from importlib import import_module
from typing import Any

import click

from .. import __version__
from . import COMMANDS

PROG = "zhengwu"
MAX_WIDTH = 100  # the widest the help is laid out

DESCRIPTION = """zhengwu：政务公开任务清单编译器。

把年度政务公开工作要点任务清单（YAML）检查、筛选，并生成各部门的 Word 任务单。

\b
Example:
  zhengwu render --unit 市司法局     # 市司法局的任务单 → out/2022/市司法局.docx
  zhengwu list --unit 梨树县          # 梨树县承担的细化指标
  zhengwu lint                        # 检查清单的缺漏
"""


class LazyGroup(click.Group):
    """A group whose commands are imported when used, and listed from COMMANDS."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """click's main, but a Ctrl-C that lands in click itself (parsing, or on the way out)
        is exit 130 like one inside a command, not click's "Aborted!" and exit 1."""
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.exceptions.Abort:
            sys.stderr.write("\ninterrupted (Ctrl-C); nothing is half-written\n")
            sys.exit(130)
        except click.ClickException as error:
            error.show()
            sys.exit(error.exit_code)
        sys.exit(code if isinstance(code, int) else 0)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        spec = COMMANDS.get(cmd_name)
        if spec is None:
            return None
        module = import_module(f"{__package__}.{spec[0]}")
        command: click.Command = getattr(module, spec[1])
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, spec[2]) for name, spec in COMMANDS.items()])


@click.group(
    cls=LazyGroup,
    help=DESCRIPTION,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": MAX_WIDTH},
)
@click.version_option(__version__, "-V", "--version", prog_name=PROG)
def cli() -> None:
    pass
