"""The `zhengwu` command: a thin click layer that parses, calls the library, and prints.

Each command lives in a module of its own here and is imported only when it runs (the group in
`app.py` lists them from the table below), so `lint`/`list` never import python-docx or jinja2.
"""

from __future__ import annotations

import os
import sys
from typing import Any

# name → (module in this package, attribute, the one line `zhengwu --help` shows)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "render": (
        "render",
        "render",
        "生成 Word 任务单：各单位一份（--unit / --all），或全表（--full）",
    ),
    "list": ("query", "list_", "按单位、角色、完成时限、目标、任务、文字筛选细化指标"),
    "show": ("query", "show", "一项细化指标的全部内容，及各栏的来源（本行 / 合并单元格 / 推断）"),
    "units": ("query", "units", "全部责任单位：类别、简称、所属集合、各角色项数"),
    "lint": ("lint", "lint", "检查任务清单（及台账）的缺漏与文字问题"),
    "rules": ("lint", "rules", "列出检查规则，或解释一条规则"),
    "schema": ("lint", "schema", "打印任务清单（或单位名录）的 JSON Schema"),
    "collect": ("progress", "collect", "从填好的任务单读回“完成情况”，并入台账"),
    "status": ("progress", "status", "按目标、按单位的完成情况与逾期事项"),
    "report": ("progress", "report", "年度报告插页：落实年度政务公开工作要点情况"),
    "import": ("importer", "import_", "从 Word、Excel 或网页中的任务清单表格生成任务清单 YAML"),
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
    sys.stderr.write("\ninterrupted (Ctrl-C) before the command started; nothing was done\n")
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
