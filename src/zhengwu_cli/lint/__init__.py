"""`zhengwu lint`: coded rules over a checklist, with located findings and reporters.

    from zhengwu_cli.lint import Options, lint_file, lint_paths
    result = lint_file(Path("checklists/2022.yaml"), Options(strict=True))
    result.problems   # list[Problem], sorted by line and column; result.waived: accepted ones

Never imports python-docx or jinja2; rich is imported by the standard reporter only, and the
checklist models (pydantic) only when a file is actually checked, not for a cached answer.
"""

from __future__ import annotations

from typing import Any

from .results import Options, Result

__all__ = ["Options", "Result", "lint_file", "lint_paths"]


def __getattr__(name: str) -> Any:
    if name in {"lint_file", "lint_paths"}:
        from . import runner

        return getattr(runner, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
