"""The click group: lists its commands from COMMANDS and imports one only when it runs."""

from __future__ import annotations

import sys
from importlib import import_module
from typing import Any

import click

from .. import __version__
from ..i18n import N_, _
from . import COMMANDS
from .translate import Command, Group, lang_option

PROG = "zhengwu"
MAX_WIDTH = 100  # the widest the help is laid out

DESCRIPTION = N_("""zhengwu: the 政务公开 task-checklist compiler.

Checks and filters the year's 政务公开工作要点 task checklist (YAML), and writes each unit's Word
task sheet from it.

\b
Example:
  zhengwu render --unit 市司法局     # 市司法局's task sheet → out/2022/市司法局.docx
  zhengwu list --unit 梨树县          # the indicators 梨树县 carries
  zhengwu lint                        # check the checklist for gaps
""")


class LazyGroup(Group):
    """A group whose commands are imported when used, and listed from COMMANDS."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """click's main, but a Ctrl-C that lands in click itself (parsing, or on the way out)
        is exit 130 like one inside a command, not click's "Aborted!" and exit 1."""
        kwargs["standalone_mode"] = False
        Command.started = False
        try:
            code = super().main(*args, **kwargs)
        except click.exceptions.Abort:
            if Command.started:  # on the way out: the command has said what it did
                said = _("interrupted (Ctrl-C) as zhengwu was closing; nothing is half-written")
            else:
                said = _("interrupted (Ctrl-C) before the command started; nothing was done")
            sys.stderr.write(f"\n{said}\n")
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
        with formatter.section(_("Commands")):
            formatter.write_dl([(name, _(spec[2])) for name, spec in COMMANDS.items()])


@click.group(
    cls=LazyGroup,
    help=DESCRIPTION,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": MAX_WIDTH},
)
@click.version_option(__version__, "-V", "--version", prog_name=PROG)
@lang_option
def cli() -> None:
    pass
