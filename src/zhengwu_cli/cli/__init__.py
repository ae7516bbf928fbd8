"""The `zhengwu` command: a thin click layer that parses, calls the library, and prints.

Each command lives in a module of its own here and is imported only when it runs (the group
lists them from the table below), so `zhengwu --help` stays fast and `lint`/`list` never
import python-docx or jinja2.
"""

from __future__ import annotations

import os
from importlib import import_module

import click

from .. import __version__

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
}


class LazyGroup(click.Group):
    """A group whose commands are imported when used, and listed from COMMANDS."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        spec = COMMANDS.get(cmd_name)
        if spec is None:
            return None
        module = import_module(f"{__name__}.{spec[0]}")
        command: click.Command = getattr(module, spec[1])
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, spec[2]) for name, spec in COMMANDS.items()])


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
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


def main() -> None:
    # pydantic looks for plugins in every installed package on first use; zhengwu uses none
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    cli(prog_name="zhengwu")
