"""`zhengwu --help` and `zhengwu --version`, answered without importing click.

Importing click costs more than the rest of start-up together, and these two are the commands a
newcomer types first. The text is laid out the way click lays out a group's help (same widths,
same wrapping), so the answer is the same whichever path gives it: `tests/test_overview.py`
compares the two at several terminal widths.
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from collections.abc import Sequence

from .. import __version__

PROG = "zhengwu"
MAX_WIDTH = 100  # the group's max_content_width

DESCRIPTION = """zhengwu：政务公开任务清单编译器。

把年度政务公开工作要点任务清单（YAML）检查、筛选，并生成各部门的 Word 任务单。

\b
Example:
  zhengwu render --unit 市司法局     # 市司法局的任务单 → out/2022/市司法局.docx
  zhengwu list --unit 梨树县          # 梨树县承担的细化指标
  zhengwu lint                        # 检查清单的缺漏
"""

OPTIONS = [
    ("-V, --version", "Show the version and exit."),
    ("-h, --help", "Show this message and exit."),
]


def answer(flag: str) -> bool:
    """Print the help (for a HELP_FLAGS flag) or the version; True when done.

    Only on a UTF-8 stdout: elsewhere (a Windows pipe in GBK, LANG=C) click's own echo knows
    how to write the Chinese, so the question goes to click.
    """
    from . import HELP_FLAGS

    if flag in HELP_FLAGS:
        text = help_text(terminal_width()) + "\n"
    else:
        text = f"{PROG}, version {__version__}\n"
    out = sys.stdout
    encoding = getattr(out, "encoding", None) or ""
    if out is None or encoding.lower().replace("-", "").replace("_", "") != "utf8":
        return False
    try:
        out.write(text)
        out.flush()
    except BrokenPipeError:  # `zhengwu --help | head -3`: the reader has gone; so do we
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, out.fileno())
        raise SystemExit(1) from None
    return True


def terminal_width() -> int:
    """The width click's help formatter uses: the terminal's, at most MAX_WIDTH, minus 2."""
    return max(min(shutil.get_terminal_size().columns, MAX_WIDTH) - 2, 50)


def _wrapper(width: int, initial: str = "", subsequent: str = "") -> textwrap.TextWrapper:
    return textwrap.TextWrapper(
        width, initial_indent=initial, subsequent_indent=subsequent, replace_whitespace=False
    )


def _paragraphs(text: str, width: int, indent: str = "") -> str:
    """Wrap paragraph by paragraph; a paragraph opened by a \\b line is kept as written."""
    blocks: list[tuple[int, list[str]]] = []
    for block in text.expandtabs().split("\n\n"):
        lines = [line for line in block.splitlines() if line]
        if lines:
            blocks.append((len(lines[0]) - len(lines[0].lstrip()), lines))
    out = []
    for extra, lines in blocks:
        pad = indent + " " * extra
        if lines[0].strip() == "\b":
            out.append("\n".join(pad + line for line in lines[1:]))
        else:
            joined = " ".join([lines[0].lstrip(), *lines[1:]])
            out.append(_wrapper(width, pad, pad).fill(joined))
    return "\n\n".join(out)


def _definitions(rows: Sequence[tuple[str, str]], width: int, indent: int = 2) -> list[str]:
    first = min(max(len(term) for term, _ in rows), 30) + 2
    out = []
    for term, text in rows:
        head = " " * indent + term
        if len(term) <= first - 2:
            head += " " * (first - len(term))
        else:
            out.append(head)
            head = " " * (first + indent)
        lines = _paragraphs(text, max(width - first - 2, 10)).splitlines()
        out.append(head + lines[0])
        out += [" " * (first + indent) + line for line in lines[1:]]
    return out


def help_text(width: int) -> str:
    """`zhengwu --help` laid out for a formatter `width` characters wide."""
    from . import COMMANDS

    prefix = f"Usage: {PROG} "
    args = "[OPTIONS] COMMAND [ARGS]..."
    usage = _wrapper(width, prefix, " " * len(prefix)).fill(args)  # width is 50 or more
    parts = [
        usage,
        "",
        _paragraphs(DESCRIPTION, width, "  "),
        "",
        "Options:",
        *_definitions(OPTIONS, width),
        "",
        "Commands:",
        *_definitions([(name, spec[2]) for name, spec in COMMANDS.items()], width),
    ]
    return "\n".join(parts)
