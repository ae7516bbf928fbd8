"""Golden files: compare, and with `pytest --update-golden` rewrite the file and still fail."""

from __future__ import annotations

from pathlib import Path

import pytest


def check_golden(request: pytest.FixtureRequest, golden: Path, actual: str) -> None:
    expected = golden.read_text(encoding="utf-8") if golden.is_file() else None
    if actual == expected:
        return
    if request.config.getoption("--update-golden", default=False):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        pytest.fail(f"{golden.name} was rewritten; review `git diff` and run again")
    if expected is None:
        pytest.fail(f"no golden file {golden}; run `pytest --update-golden` to write it")
    assert actual == expected, f"{golden.name} differs; `pytest --update-golden` rewrites it"
