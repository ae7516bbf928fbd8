"""A cold lint beside yamllint, counted in instructions (valgrind's callgrind), not seconds.

    python benchmarks/instructions.py                 # the 2022 table
    python benchmarks/instructions.py FILE.yaml ...

Wall times on a shared machine swing by a third from one minute to the next; the instructions a
process executes do not (the same count twice, whatever else the machine does). This runs
`zhengwu lint --no-cache FILE` (a cold lint, as pre-commit and CI run it: a fresh process, no
cache) and `yamllint FILE` under callgrind once each, after byte-compiling zhengwu as a wheel's
install does, and reports zhengwu's count over yamllint's. Target (issue #17 item 7): at most 0.5.
Exit 1 when a file misses it, 2 when valgrind or yamllint is not installed.
"""

from __future__ import annotations

import compileall
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TARGET = 0.5
COLLECTED = re.compile(r"Collected : (\d+)")


def instructions(command: list[str]) -> int:
    env = {**os.environ, "ZHENGWU_NO_CACHE": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    found = COLLECTED.search(done.stderr)
    if done.returncode not in (0, 1) or not found:
        raise SystemExit(f"{command[0]} failed under valgrind:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main(argv: list[str]) -> int:
    if not shutil.which("valgrind") or not (BIN / "yamllint").exists():
        print("needs valgrind (apt install valgrind) and yamllint (pip install -e '.[bench]')")
        return 2
    import zhengwu_cli

    compileall.compile_dir(Path(zhengwu_cli.__file__).parent, quiet=1)
    files = [Path(a) for a in argv] or [ROOT / "checklists" / "2022.yaml"]
    missed = False
    print("| file | zhengwu lint --no-cache | yamllint | ratio | target |")
    print("|---|---|---|---|---|")
    for path in files:
        ours = instructions([str(BIN / "zhengwu"), "lint", "--no-cache", str(path)])
        theirs = instructions([str(BIN / "yamllint"), str(path)])
        ratio = ours / theirs
        missed |= ratio > TARGET
        verdict = "ok" if ratio <= TARGET else "MISSED"
        print(
            f"| {path.name} | {ours / 1e9:.3f} G | {theirs / 1e9:.3f} G | {ratio:.3f} | "
            f"≤ {TARGET} {verdict} |"
        )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
