"""Run `zhengwu` as a user would: a separate process, a hang guard, a memory ceiling."""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
from pathlib import Path

HANG_GUARD = 120  # seconds; a guard against hangs, not a speed test (see benchmarks/)
MEMORY_CEILING = 2 * 1024**3  # bytes of address space; a runaway parse dies instead of swapping


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CEILING, MEMORY_CEILING))


def zhengwu(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "PYTHONIOENCODING": "utf-8"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "zhengwu_cli", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=HANG_GUARD,
        preexec_fn=_limit_memory,
    )


def located(text: str, path: Path) -> list[tuple[int, int]]:
    """The (line, col) of every `path:line:col:` message in the text."""
    pattern = re.compile(rf"^{re.escape(str(path))}:(\d+):(\d+): ", re.MULTILINE)
    return [(int(m[1]), int(m[2])) for m in pattern.finditer(text)]


def assert_no_crash(result: subprocess.CompletedProcess[str]) -> None:
    shown = result.stdout + result.stderr
    assert "Traceback" not in shown, shown
    assert result.returncode not in (0, None), shown
    assert result.returncode > 0, f"killed by signal {-result.returncode}: {shown}"
