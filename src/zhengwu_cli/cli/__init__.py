"""The `zhengwu` command: a thin click layer that parses, calls the library, and prints.

Each command lives in its own module here and imports the library lazily, so `zhengwu --help`
stays fast and `lint`/`list` never import python-docx or jinja2.
"""

from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="zhengwu")
def cli() -> None:
    """zhengwu：政务公开任务清单编译器。

    把年度政务公开工作要点任务清单（YAML）检查、筛选，并生成各部门的 Word 任务单。

    \b
    Example:
      zhengwu render --unit 市司法局     # 市司法局的任务单 → out/2022/市司法局.docx
      zhengwu list --unit 梨树县          # 梨树县承担的细化指标
      zhengwu lint                        # 检查清单的缺漏
    """


def _register() -> None:
    from importlib import import_module

    for name in ("query", "lint", "render", "progress"):
        try:
            module = import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{name}":
                raise
            continue
        for command in getattr(module, "COMMANDS", []):
            cli.add_command(command)


_register()


def main() -> None:
    cli(prog_name="zhengwu")
