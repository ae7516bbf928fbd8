"""`zhengwu lint`: coded rules over a checklist, with located findings and reporters.

    from zhengwu_cli.lint import Options, lint_file, lint_paths
    result = lint_file(Path("checklists/2022.yaml"), Options(strict=True))
    result.problems   # list[Problem], sorted by line and column; result.waived: accepted ones

Never imports python-docx or jinja2; rich is imported by the standard reporter only.
"""

from __future__ import annotations

from .runner import Options, Result, lint_file, lint_paths

__all__ = ["Options", "Result", "lint_file", "lint_paths"]
