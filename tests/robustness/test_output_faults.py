"""Output faults: an unwritable folder, a full disk, Ctrl-C during `render --all`.

Each ends with a clear message and a non-zero exit; no partial .docx or temporary file is left;
the sheets written before the fault are complete. Tests run as root in CI, so an unwritable folder
is a path under a regular file (chmod would not stop root), and a full disk is simulated.
"""

from __future__ import annotations

import errno
import importlib.util
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from docx import Document

from zhengwu_cli.cli import cli

from .helpers import HANG_GUARD

ROOT = Path(__file__).resolve().parents[2]
CHECKLIST = ROOT / "checklists" / "2022.yaml"


def render(*args: str | Path) -> Any:
    return CliRunner().invoke(cli, ["render", "--checklist", str(CHECKLIST), *map(str, args)])


def leftovers(folder: Path) -> list[str]:
    """Anything in the folder that is not a complete, readable .docx."""
    bad = []
    for path in folder.iterdir():
        if path.suffix != ".docx" or path.name.startswith("."):
            bad.append(path.name)
            continue
        try:
            Document(str(path))
        except Exception as error:  # a partial file
            bad.append(f"{path.name}: {error}")
    return bad


def test_output_folder_under_a_regular_file(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    result = render("--unit", "市司法局", "-o", blocker / "sheets")
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"cannot create the folder {blocker / 'sheets'}" in result.output
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_output_named_as_an_existing_file(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("keep me", encoding="utf-8")
    result = render("--all", "-o", blocker)
    assert result.exit_code == 2, result.output
    assert f"-o {blocker} is a file" in result.output
    assert blocker.read_text(encoding="utf-8") == "keep me"


class FullDisk:
    """os.fdopen whose files take `allowed` whole files, then fail half-way with ENOSPC."""

    def __init__(self, allowed: int) -> None:
        self.allowed = allowed
        self.real = os.fdopen

    def __call__(self, fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = self.real(fd, *args, **kwargs)
        if self.allowed > 0:
            self.allowed -= 1
            return handle
        real_write = handle.write

        def write(data: bytes) -> int:
            real_write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        handle.write = write
        return handle


def test_full_disk_leaves_earlier_sheets_and_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    monkeypatch.setattr(os, "fdopen", FullDisk(allowed=3))
    result = render("--all", "-o", out)
    assert result.exit_code == 2, result.output
    assert "the disk is full" in result.output
    assert "Traceback" not in result.output
    assert len(list(out.iterdir())) == 3
    assert leftovers(out) == []


def test_interrupt_keeps_complete_sheets_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while the fifth sheet is being moved into place."""
    out = tmp_path / "out"
    real_replace = os.replace
    calls = []

    def replace(src: Any, dst: Any) -> None:
        if str(dst).endswith(".docx"):
            calls.append(dst)
            if len(calls) == 5:
                raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    result = render("--all", "-o", out)
    assert result.exit_code == 130, result.output
    assert "interrupted: 4 of the sheets written, no partial file left" in result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(Path(p).name for p in calls[:4])
    assert leftovers(out) == []


def _generate() -> Any:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ctrl_c_on_a_real_process(tmp_path: Path) -> None:
    """SIGINT to `zhengwu render --all` once its first sheet is on disk (a 10× table)."""
    checklist = _generate().write(10, tmp_path / "table")
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "zhengwu_cli", "render", "--all", "-c", str(checklist), "-o", out],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        deadline = time.monotonic() + HANG_GUARD
        while not (out.is_dir() and any(p.suffix == ".docx" for p in out.iterdir())):
            assert process.poll() is None, "render finished before it could be interrupted"
            assert time.monotonic() < deadline, "no sheet appeared"
            time.sleep(0.005)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=HANG_GUARD)
    finally:
        if process.poll() is None:
            process.kill()
    assert "Traceback" not in stderr
    assert process.returncode == 130, stderr
    assert "interrupted:" in stderr and "no partial file left" in stderr
    written = list(out.iterdir())
    assert 0 < len(written) < 23
    assert leftovers(out) == []
