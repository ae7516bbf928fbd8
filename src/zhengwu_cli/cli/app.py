"""The click group: lists its commands from COMMANDS and imports one only when it runs."""

from __future__ import annotations

from importlib import import_module

import click

from .. import __version__
from . import COMMANDS, HELP_FLAGS, VERSION_FLAGS
from .overview import DESCRIPTION, MAX_WIDTH, PROG


class LazyGroup(click.Group):
    """A group whose commands are imported when used, and listed from COMMANDS."""

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
    context_settings={"help_option_names": list(HELP_FLAGS), "max_content_width": MAX_WIDTH},
)
@click.version_option(__version__, *VERSION_FLAGS, prog_name=PROG)
def cli() -> None:
    pass
