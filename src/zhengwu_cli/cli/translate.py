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
from collections.abc import Iterable, Iterator
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
from ..i18n import pgettext

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
def translated(command: click.Command, ctx: click.Context | None = None) -> Iterator[None]:
    """The command's and its parameters' help in the reader's language while it is shown."""
    saved: list[tuple[Any, str | None]] = [(command, command.help)]
    saved += [(p, p.help) for p in command.params if isinstance(p, click.Option | click.Argument)]
    try:
        for holder, text in saved:
            holder.help = help_text(text)
            if holder is command and holder.help and i18n.language() == "zh":
                holder.help = _placeholders(holder.help)
            if holder.help and ctx is not None and isinstance(holder, click.Parameter):
                holder.help = _name_the_metavar(holder, holder.help, ctx)
        yield
    finally:
        for holder, text in saved:
            holder.help = text


def _metavar_words() -> dict[str, str]:
    """The placeholders click and our options print (FILE, [OPTIONS]…), in the reader's words."""
    return {
        "OPTIONS": pgettext("metavar", "OPTIONS"),
        "COMMAND": pgettext("metavar", "COMMAND"),
        "ARGS": pgettext("metavar", "ARGS"),
        "NAME": pgettext("metavar", "NAME"),
        "UNIT": pgettext("metavar", "UNIT"),
        "ROLE": pgettext("metavar", "ROLE"),
        "DATE": pgettext("metavar", "DATE"),
        "N": pgettext("metavar", "N"),
        "MONTH": pgettext("metavar", "MONTH"),
        "TEXT": pgettext("metavar", "TEXT"),
        "SECONDS": pgettext("metavar", "SECONDS"),
        "RULE": pgettext("metavar", "RULE"),
        "CODE": pgettext("metavar", "CODE"),
        "PATH": pgettext("metavar", "PATH"),
        "PATHS": pgettext("metavar", "PATHS"),
        "SHEET": pgettext("metavar", "SHEET"),
        "SHEETS": pgettext("metavar", "SHEETS"),
        "WORKSHEET": pgettext("metavar", "WORKSHEET"),
        "FILE": pgettext("metavar", "FILE"),
        "FOLDER": pgettext("metavar", "FOLDER"),
        "DIRECTORY": pgettext("metavar", "FOLDER"),
        "YEAR": pgettext("metavar", "YEAR"),
        "GROUP": pgettext("metavar", "GROUP"),
        "INTEGER": pgettext("metavar", "NUMBER"),
        "INTEGER RANGE": pgettext("metavar", "NUMBER"),
        "FLOAT": pgettext("metavar", "NUMBER"),
        "FLOAT RANGE": pgettext("metavar", "NUMBER"),
    }


_PLACEHOLDER = re.compile(r"\b(?:INTEGER RANGE|FLOAT RANGE|[A-Z][A-Z_]*)\b")


def metavar(text: str) -> str:
    """A metavar or usage piece (`[OPTIONS]`, `FILE`, `[PATHS]...`) in the reader's words; what
    is not a known placeholder (a choice list, an option name) stays as it is."""
    if i18n.language() != "zh" or not text:
        return text
    words = _metavar_words()
    return _PLACEHOLDER.sub(lambda m: words.get(m.group(), m.group()), text).replace("...", "…")


_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"


def _with_metavar(help: str, english: str, chinese: str) -> str:
    """An option's Chinese help that names its placeholder in English (写入文件 FILE) naming
    it as the metavar column does (写入该文件), without a space between Chinese words."""
    if chinese == english:
        return help
    text = re.sub(rf"(?<![\w/.-]){re.escape(english)}(?![\w/.-])", chinese, help)
    text = text.replace(f"{chinese} {chinese}", chinese)
    text = re.sub(rf"(?<=[{_CJK}]) ({re.escape(chinese)})", r"\1", text)
    return re.sub(rf"({re.escape(chinese)}) (?=[{_CJK}])", r"\1", text)


def _placeholders(help: str) -> str:
    """A command's Chinese help naming placeholders as its usage line does (FILE → 文件)."""
    for english, chinese in _metavar_words().items():
        if " " not in english:
            help = _with_metavar(help, english, chinese)
    return help


def _name_the_metavar(param: click.Parameter, help: str, ctx: click.Context) -> str:
    """The Chinese help of an option naming its placeholder in English (写入文件 FILE) names it
    as the first column does (写入该文件); a flag's help (--force: FILE) as its --output does."""
    if i18n.language() != "zh" or not isinstance(param, click.Option):
        return help
    words = _metavar_words()
    if param.is_flag:
        return _with_metavar(help, "FILE", words["FILE"])
    shown = param.make_metavar(ctx)
    for english, chinese in words.items():
        if chinese == shown and chinese != english:
            help = _with_metavar(help, english, chinese)
    return help


def _width(text: str) -> int:
    return len(_Chunk(click.termui.unstyle(text)))


class HelpFormatter(click.HelpFormatter):
    """click's layout, with the headings and the usage line punctuated as the language writes
    them (用法：…, 选项：), and the second column of a list aligned by the columns the first
    takes (a Chinese metavar takes two a character)."""

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = list(rows)
        first_col = min(max((_width(r[0]) for r in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if _width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - _width(first)))
            else:
                self.write("\n")
                self.write(" " * (first_col + self.current_indent))
            text_width = max(self.width - first_col - 2, 10)
            lines = click.formatting.wrap_text(
                second, text_width, preserve_paragraphs=True
            ).splitlines()
            if lines:
                self.write(f"{lines[0]}\n")
                for line in lines[1:]:
                    self.write(f"{'':>{first_col + self.current_indent}}{line}\n")
            else:
                self.write("\n")

    def write_heading(self, heading: str) -> None:
        colon = "：" if i18n.language() == "zh" else ":"
        self.write(f"{'':>{self.current_indent}}{heading}{colon}\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None and i18n.language() == "zh":
            prefix = i18n._("Usage:")
        super().write_usage(prog, args, prefix)


def _make_metavar(original: Any) -> Any:
    def make_metavar(self: click.Parameter, ctx: click.Context) -> str:
        return metavar(original(self, ctx))

    return make_metavar


click.core.Parameter.make_metavar = _make_metavar(click.core.Parameter.make_metavar)  # type: ignore[method-assign]
click.core.Argument.make_metavar = _make_metavar(click.core.Argument.make_metavar)  # type: ignore[method-assign]


def _error_hint(self: click.Parameter, ctx: click.Context | None) -> str:
    """'--year' / '-y', 'N' as the language quotes them: “--year”/“-y”, “编号”."""
    names = self.opts or [self.human_readable_name]
    if isinstance(self, click.Argument) and ctx is not None:
        names = [self.make_metavar(ctx)]
    if i18n.language() == "zh":
        return "/".join(f"“{name}”" for name in names)
    return " / ".join(f"'{name}'" for name in names)


click.core.Parameter.get_error_hint = _error_hint  # type: ignore[method-assign]
click.core.Argument.get_error_hint = _error_hint  # type: ignore[method-assign]


def punctuate(message: str) -> str:
    """One of click's messages punctuated as Chinese writes it: 'x' → “x”, a full stop after a
    Chinese word → 。 (click writes `Missing argument 'N'.` by hand)."""
    if i18n.language() != "zh":
        return message
    text = re.sub(r"'([^'\n]*)'", r"“\1”", message)
    text = re.sub(rf"(?<=[{_CJK}”])\.(?:\s+|$)", "。", text)
    text = re.sub(rf"(?<=[{_CJK}]) (?=“)", "", text)  # 缺少参数 “N” → 缺少参数“编号”
    text = text.replace("。 ", "。").replace("”, “", "”、“")  # 要用“--force”、“--role”
    return re.sub(rf"(?<=”) (?=[{_CJK}])", "", text)


def _punctuated(original: Any) -> Any:
    def format_message(self: click.ClickException) -> str:
        return punctuate(original(self))

    return format_message


for _error in vars(click.exceptions).values():
    if (
        isinstance(_error, type)
        and issubclass(_error, click.ClickException)
        and "format_message" in vars(_error)
    ):
        _error.format_message = _punctuated(_error.format_message)  # type: ignore[method-assign]

# the names of click's number types, as its messages print them ('abc' is not a valid integer)
NUMBER_TYPES = {
    "integer": i18n.N_("integer"),
    "integer range": i18n.N_("integer"),
    "float": i18n.N_("number"),
    "float range": i18n.N_("number"),
}


def _convert_number(self: Any, value: Any, param: Any, ctx: Any) -> Any:
    try:
        return self._number_class(value)
    except ValueError:
        self.fail(
            i18n._("{value!r} is not a valid {number_type}.").format(
                value=value, number_type=i18n._(NUMBER_TYPES.get(self.name, self.name))
            ),
            param,
            ctx,
        )


click.types._NumberParamTypeBase.convert = _convert_number  # type: ignore[method-assign]


def _help_record(original: Any) -> Any:
    def get_help_record(self: click.Option, ctx: click.Context) -> tuple[str, str] | None:
        record: tuple[str, str] | None = original(self, ctx)
        if record is None or i18n.language() != "zh":
            return record
        first, help = record
        help = re.sub(r"\s*\[([^\[\]]*)\]$", r"［\1］", help)
        return first, help

    return get_help_record


click.core.Option.get_help_record = _help_record(click.core.Option.get_help_record)  # type: ignore[method-assign]


class Context(click.Context):
    formatter_class = HelpFormatter


class _Translated(click.Command):
    """A click command whose --help reads in the reader's language."""

    context_class = Context

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        self._help_option = None  # click keeps it once made, in the language of that moment
        return super().get_help_option(ctx)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with translated(self, ctx):
            super().format_help(ctx, formatter)

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [metavar(piece) for piece in super().collect_usage_pieces(ctx)]


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
