"""Lazy imports where they count: a fresh process per command, and the modules it loaded.

`zhengwu lint` and `zhengwu list` never import python-docx or jinja2; `zhengwu --help` (and any
command's --help) loads neither pydantic nor rich. Start-up time itself is measured by
`benchmarks/run.py`, not here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CHECKLIST = Path(__file__).resolve().parents[1] / "checklists" / "2022.yaml"

# Runs the real entry point, then reports the top-level packages loaded, even after sys.exit.
DRIVER = """
import atexit, json, sys
def report():
    sys.__stderr__.write("MODULES=" + json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
atexit.register(report)
sys.argv = ["zhengwu", *sys.argv[1:]]
from zhengwu_cli.cli import main
main()
"""


def loaded_by(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert "Traceback" not in result.stderr, result.stderr
    marker = result.stderr.rindex("MODULES=")
    return set(json.loads(result.stderr[marker + len("MODULES=") :]))


HEAVY_OUTPUT = {"docx", "jinja2", "lxml"}


@pytest.mark.parametrize(
    "args",
    [
        ["lint", str(CHECKLIST)],
        ["lint", "--format", "json", str(CHECKLIST)],
        ["list", "--unit", "市司法局", "--checklist", str(CHECKLIST)],
        ["list", "--format", "json", "--checklist", str(CHECKLIST)],
        ["show", "28", "--checklist", str(CHECKLIST)],
        ["units", "--checklist", str(CHECKLIST)],
    ],
    ids=lambda a: " ".join(a[:3]),
)
def test_lint_and_list_never_import_docx_or_jinja2(args: list[str]) -> None:
    modules = loaded_by(*args)
    assert "pydantic" in modules  # the command did load and check the checklist
    assert not modules & HEAVY_OUTPUT


@pytest.mark.parametrize(
    "args", [["lint", "--help"], ["list", "--help"], ["render", "--help"]], ids=" ".join
)
def test_help_loads_neither_pydantic_nor_rich(args: list[str]) -> None:
    modules = loaded_by(*args)
    assert "click" in modules
    assert not modules & ({"pydantic", "rich", "yaml"} | HEAVY_OUTPUT)


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["--version"], ["-V"]], ids=" ".join)
def test_top_level_help_and_version_load_no_command(args: list[str]) -> None:
    modules = loaded_by(*args)
    assert "click" in modules
    assert not modules & ({"pydantic", "rich", "yaml"} | HEAVY_OUTPUT)


def test_the_driver_sees_heavy_imports(tmp_path: Path) -> None:
    """The check can fail: rendering does load the XML layer."""
    args = ["render", "--unit", "市司法局", "--checklist", str(CHECKLIST), "-o", str(tmp_path)]
    assert loaded_by(*args) & HEAVY_OUTPUT
