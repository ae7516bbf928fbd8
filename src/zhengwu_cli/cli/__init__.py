"""The `zhengwu` command: a thin click layer that parses, calls the library, and prints.

Each command lives in a module of its own here and is imported only when it runs (the group in
`app.py` lists them from the table below), so `lint`/`list` never import python-docx or jinja2.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from ..i18n import N_, _

# name → (module in this package, attribute, the one line `zhengwu --help` shows)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "render": (
        "render",
        "render",
        N_("Word task sheets: one per unit (--unit / --all), or the whole table (--full)"),
    ),
    "list": (
        "query",
        "list_",
        N_("Indicators filtered by unit, role, deadline, goal, task or text"),
    ),
    "show": (
        "query",
        "show",
        N_("One indicator whole, and where each value came from (its row, a merge, inferred)"),
    ),
    "units": ("query", "units", N_("Every responsible unit: kind, aliases, groups, roles")),
    "lint": ("lint", "lint", N_("Check a checklist (and a 台账) for gaps and text defects")),
    "rules": ("lint", "rules", N_("List the lint rules, or explain one")),
    "schema": ("lint", "schema", N_("Print the JSON Schema of a checklist (or a unit registry)")),
    "collect": ("ledger", "collect", N_("Read 完成情况 back from returned sheets into the 台账")),
    "status": ("ledger", "status", N_("Completion by goal and by unit, and what is overdue")),
    "report": (
        "ledger",
        "report",
        N_("The annual-report insert: how the year's 政务公开工作要点 were carried out"),
    ),
    "import": (
        "importer",
        "import_",
        N_("A checklist YAML from the task table in a Word, Excel or web-page file"),
    ),
}


def main() -> None:
    try:
        _main(sys.argv[1:])
    except KeyboardInterrupt:  # before a command started (each command reports its own)
        _interrupted()
    except RuntimeError as error:
        # Python 3.11 wraps a Ctrl-C that lands while a class is being built (pydantic's models
        # on import) in "Error calling __set_name__": it is still the person's Ctrl-C
        if isinstance(error.__cause__, KeyboardInterrupt):
            _interrupted()
        raise
    except BrokenPipeError:  # `zhengwu list | head -3`: the reader has gone; so do we, quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)


def _interrupted() -> None:
    message = _("interrupted (Ctrl-C) before the command started; nothing was done")
    sys.stderr.write(f"\n{message}\n")
    sys.exit(130)


def _main(args: list[str]) -> None:
    # pydantic looks for plugins in every installed package on first use; zhengwu uses none
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from .app import cli

    if args and args[0] in COMMANDS:  # imported here: inside click a Ctrl-C would be exit 1
        from importlib import import_module

        import_module(f"{__name__}.{COMMANDS[args[0]][0]}")
    cli(prog_name="zhengwu")


def __getattr__(name: str) -> Any:
    """`from zhengwu_cli.cli import cli` still works; click is imported on that request."""
    if name in {"cli", "LazyGroup"}:
        from . import app

        return getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
