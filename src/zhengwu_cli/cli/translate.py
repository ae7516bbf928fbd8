"""click in the reader's language: its own texts (Usage:, Options:, Error:, "No such option")
and our commands' help, translated where they are shown.

click looks its texts up with the standard `gettext` of the machine's locale; we point those
lookups at zhengwu's catalogue instead (`zhengwu_cli.i18n`), so the language is the one the
person chose (--lang, ZHENGWU_LANG), never the locale. A command's help (its docstring) and its
options' help are English message ids, translated each time the help is shown: every command
is a `Command` of this module (`@click.command(cls=Command)`).
"""

from __future__ import annotations

import inspect
import re
import textwrap
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click
import click._textwrap
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types
import click.utils

from .. import i18n

for _module in (
    click.core,
    click.decorators,
    click.exceptions,
    click.formatting,
    click.parser,
    click.termui,
    click.types,
    click.utils,
):
    if hasattr(_module, "_"):
        _module._ = i18n._  # type: ignore[attr-defined]
    if hasattr(_module, "ngettext"):
        _module.ngettext = i18n.ngettext  # type: ignore[attr-defined]


# Chinese on a terminal: each character two columns wide, a line may break between any two
# characters, but never before a closing mark (，。）…) nor after an opening one (（“…)
_CLOSING = set("，。、；：？！）】》」』”’…%％")
_OPENING = set("（【《「『“‘")


def _wide(text: str) -> bool:  # (no regex: compiling one of these ranges costs every command)
    return any(unicodedata.east_asian_width(c) in "WF" for c in text)


class _Chunk(str):
    """A piece of a line whose len() is the columns it takes on a terminal."""

    def __len__(self) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in self)


class TextWrapper(click._textwrap.TextWrapper):
    """click's wrapper, measuring Chinese as two columns and breaking between characters."""

    def _split(self, text: str) -> list[str]:
        chunks = super()._split(text)
        if not _wide(text):
            return chunks
        pieces: list[str] = []
        for chunk in chunks:
            for piece in re.findall(r"[^\s\u2e80-\uffff]+|\s+|.", chunk):
                if pieces and (piece in _CLOSING or pieces[-1][-1:] in _OPENING):
                    pieces[-1] += piece
                else:
                    pieces.append(piece)
        return [_Chunk(p) for p in pieces]

    def _wrap_chunks(self, chunks: list[str]) -> list[str]:
        if chunks and isinstance(chunks[0], _Chunk):  # the standard library's, which uses len()
            return textwrap.TextWrapper._wrap_chunks(self, chunks)
        return super()._wrap_chunks(chunks)


click._textwrap.TextWrapper = TextWrapper  # type: ignore[misc]


def help_text(text: str | None) -> str | None:
    """A help text (a docstring or an option's help) in the reader's language."""
    if not text:
        return text
    said = i18n._(text)  # a help= text is looked up as written, a docstring cleaned
    return said if said is not text else i18n._(inspect.cleandoc(text))


@contextmanager
def translated(command: click.Command) -> Iterator[None]:
    """The command's and its parameters' help in the reader's language while it is shown."""
    saved: list[tuple[Any, str | None]] = [(command, command.help)]
    saved += [(p, p.help) for p in command.params if isinstance(p, click.Option | click.Argument)]
    try:
        for holder, text in saved:
            holder.help = help_text(text)
        yield
    finally:
        for holder, text in saved:
            holder.help = text


class HelpFormatter(click.HelpFormatter):
    """click's layout, with the headings and the usage line punctuated as the language writes
    them (用法：…, 选项：)."""

    def write_heading(self, heading: str) -> None:
        colon = "：" if i18n.language() == "zh" else ":"
        self.write(f"{'':>{self.current_indent}}{heading}{colon}\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None and i18n.language() == "zh":
            prefix = i18n._("Usage:")
        super().write_usage(prog, args, prefix)


class Context(click.Context):
    formatter_class = HelpFormatter


class _Translated(click.Command):
    """A click command whose --help reads in the reader's language."""

    context_class = Context

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        self._help_option = None  # click keeps it once made, in the language of that moment
        return super().get_help_option(ctx)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with translated(self):
            super().format_help(ctx, formatter)


class Command(_Translated):
    """A click command whose --help reads in the reader's language."""

    started = False  # a command's body has begun: from then on it reports its own Ctrl-C

    def invoke(self, ctx: click.Context) -> Any:
        Command.started = True
        return super().invoke(ctx)

    def get_short_help_str(self, limit: int = 45) -> str:
        with translated(self):
            return super().get_short_help_str(limit)


class Group(_Translated, click.Group):
    """A click group whose --help reads in the reader's language."""


def choose_language(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    """--lang: eager, so it is in force before anything else is parsed or said."""
    if value is not None:
        i18n.set_language(value)


lang_option = click.option(
    "--lang",
    type=click.Choice(i18n.LANGUAGES),
    is_eager=True,
    expose_value=False,
    callback=choose_language,
    help=i18n.N_(
        "The language of what zhengwu says: zh (Chinese, the default) or en; else ZHENGWU_LANG."
    ),
)
