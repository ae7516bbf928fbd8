"""Reporters: turn lint results into text. Chosen by name from REPORTERS (`--format`).

parsable  `path:line:col: [severity] message (ZW001)`, one problem a line
json      a list of objects: path, line, col, code, name, severity, message, hint
github    workflow commands (::error file=…,line=…,col=…::…), shown as annotations
standard  grouped by the file each finding is in, coloured with rich (NO_COLOR and
          non-terminals get plain text)
auto      github under GitHub Actions, else standard

The machine formats (parsable, json, github) keep their codes, severities, keys and positions in
every language; their message text, and everything the standard format says, follows the
reader's language (zhengwu_cli.i18n). rich and json are imported only by the reporters that use
them, so a lint to a pipe or a file loads neither.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Sequence

from ..i18n import N_, _, ngettext
from ..problems import Problem, Severity, visible
from .results import Result

# the severity as the standard format and `zhengwu rules` say it
SEVERITY_WORDS = {
    Severity.error: N_("error"),
    Severity.warning: N_("warning"),
    Severity.info: N_("info"),
}

Reporter = Callable[[Sequence[Result]], str]


def _all(results: Sequence[Result]) -> list[Problem]:
    return [p for r in results for p in r.problems]


def parsable(results: Sequence[Result]) -> str:
    return "".join(visible(p.parsable()) + "\n" for p in _all(results))


def as_json(results: Sequence[Result]) -> str:
    import json

    return json.dumps([p.as_dict() for p in _all(results)], ensure_ascii=False, indent=2) + "\n"


def _escape(text: str, property_: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_ else text


def github(results: Sequence[Result]) -> str:
    kinds = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}
    lines = []
    for p in _all(results):
        title = _escape(f"{p.code} {p.name}", property_=True)
        message = visible(p.message + (f" → {p.hint}" if p.hint else ""))
        lines.append(
            f"::{kinds[p.severity]} file={_escape(p.path, True)},line={p.line},col={p.col},"
            f"title={title}::{_escape(message)}\n"
        )
    return "".join(lines)


def summary(results: Sequence[Result]) -> str:
    """The last line of the standard format: how many problems, of which severity, in how many
    files, and how many the YAML waives."""
    problems = _all(results)
    counts = {s: sum(p.severity is s for p in problems) for s in Severity}
    waived = sum(len(r.waived) for r in results)
    files = ngettext("{n} file", "{n} files", len(results)).format(n=len(results))
    if not problems:
        text = _("No problems in {files}").format(files=files)
    else:
        text = ngettext(
            "{n} problem in {files}: {errors} error(s), {warnings} warning(s), {info} info",
            "{n} problems in {files}: {errors} error(s), {warnings} warning(s), {info} info",
            len(problems),
        ).format(
            n=len(problems),
            files=files,
            errors=counts[Severity.error],
            warnings=counts[Severity.warning],
            info=counts[Severity.info],
        )
    if waived:
        text += _("; {n} waived in the YAML").format(n=waived)
    return text


def _width(text: str) -> int:
    """The columns a text takes on a terminal (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(1, width - _width(text))


def _standard_lines(results: Sequence[Result]) -> list[tuple[str, str]]:
    """The standard report as (text, style) pieces; a piece ending in a newline ends a line.
    Control characters in a message are shown as pictures (␋), never written raw."""
    styles = {Severity.error: "bold red", Severity.warning: "yellow", Severity.info: "cyan"}
    pieces: list[tuple[str, str]] = []
    for result in results:
        if not result.problems:
            continue
        # a heading for each file a finding is in: the unit registry a checklist names is a
        # file of its own, with its own lines and columns
        by_file: dict[str, list[Problem]] = {}
        for p in result.problems:
            by_file.setdefault(p.path, []).append(p)
        for path, problems in by_file.items():
            pieces.append((visible(path) + "\n", "bold underline"))
            pieces += _problem_lines(problems, styles)
            pieces.append(("\n", ""))
    pieces.append((summary(results) + "\n", "bold"))
    return pieces


def _problem_lines(problems: list[Problem], styles: dict[Severity, str]) -> list[tuple[str, str]]:
    pieces: list[tuple[str, str]] = []
    for p in problems:
        pieces += [
            ("  ", ""),
            (f"{p.line}:{p.col}".ljust(9), "dim"),
            (_pad(_(SEVERITY_WORDS[p.severity]), 8), styles[p.severity]),
            (p.code.ljust(7), "bold"),
            (visible(p.message), ""),
            (f"  [{p.name}]\n", "dim"),
        ]
        if p.hint:
            pieces.append((" " * 26 + "→ " + visible(p.hint) + "\n", "green"))
    return pieces


def standard(results: Sequence[Result]) -> str:
    """Grouped by file; coloured by rich on a terminal, plain text (without rich) elsewhere."""
    pieces = _standard_lines(results)
    if not _colour():
        return "".join(text for text, _style in pieces)
    import io

    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, highlight=False, soft_wrap=True)
    line = Text()
    for text, style in pieces:
        line.append(text.removesuffix("\n"), style=style)
        if text.endswith("\n"):
            console.print(line)
            line = Text()
    return buffer.getvalue()


def _colour() -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    import sys

    return bool(getattr(sys.stdout, "isatty", lambda: False)())


def auto(results: Sequence[Result]) -> str:
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return github(results)
    return standard(results)


REPORTERS: dict[str, Reporter] = {
    "auto": auto,
    "standard": standard,
    "parsable": parsable,
    "json": as_json,
    "github": github,
}
