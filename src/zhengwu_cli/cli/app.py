"""The click group: lists its commands from COMMANDS and imports one only when it runs."""

from __future__ import annotations

import os
import sys
from importlib import import_module
from typing import Any

import click

from .. import __version__, i18n
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


def choose_language_early(args: list[str]) -> bool:
    """--lang before the command is in force before click parses anything, so --version and
    --help before it (`zhengwu --version --lang en`) speak the language asked for; a value
    that is not a language is left for click to refuse. True when --lang chose one."""
    for i, word in enumerate(args):
        if not word.startswith("-"):
            return False  # the command: its options are its own
        value = word.partition("=")[2] if word.startswith("--lang=") else None
        if word == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        if value in i18n.LANGUAGES:
            i18n.set_language(value)
            return True
    return False


def warn_unknown_language() -> None:
    """ZHENGWU_LANG=fr: said once, on standard error, that zhengwu speaks zh and en only."""
    value = os.environ.get(i18n.ENV, "").strip()
    if not value or value.lower().startswith(("zh", "chinese", "en")):
        return
    said = _("{env}={value}: zhengwu speaks zh (Chinese) and en (English) only; using Chinese")
    click.echo(said.format(env=i18n.ENV, value=value), err=True)


def show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """-V/--version, said in the language in force when it is shown."""
    if not value or ctx.resilient_parsing:
        return
    click.echo(_("{prog}, version {version}").format(prog=PROG, version=__version__))
    ctx.exit()


class LazyGroup(Group):
    """A group whose commands are imported when used, and listed from COMMANDS."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """click's main, but a Ctrl-C that lands in click itself (parsing, or on the way out)
        is exit 130 like one inside a command, not click's "Aborted!" and exit 1."""
        kwargs["standalone_mode"] = False
        Command.started = False
        given = args[0] if args else kwargs.get("args")
        words = list(sys.argv[1:] if given is None else given)
        if not choose_language_early(words):
            warn_unknown_language()
        try:
            code = super().main(*args, **kwargs)
        except click.exceptions.Abort:
            if Command.started:  # on the way out: the command has said what it did
                said = _("interrupted (Ctrl-C) as zhengwu was closing; nothing is half-written")
            else:
                said = _("interrupted (Ctrl-C) before the command started; nothing was done")
            sys.stderr.write(f"\n{said}\n")
            sys.exit(130)
        except click.NoSuchOption as error:
            if error.option_name.split("=")[0] == "--lang" and error.ctx is not None:
                hint = _("--lang goes before the command: zhengwu --lang en {command} …")
                space = "" if i18n.language() == "zh" else " "
                said = error.message + space + hint.format(command=error.ctx.info_name)
                setattr(error, "message", said)  # noqa: B010 (click marks it Final)
            error.show()
            sys.exit(error.exit_code)
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
@click.option(
    "-V",
    "--version",
    is_flag=True,
    is_eager=True,
    expose_value=False,
    callback=show_version,
    help=N_("Show the version and exit."),
)
@lang_option
def cli() -> None:
    pass
