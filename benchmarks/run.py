"""Whole-process benchmarks of `zhengwu`, each beside a baseline measured in the same run.

    python benchmarks/run.py                 # 1×, 10× and 100× tables (several minutes)
    python benchmarks/run.py --sizes 1,10    # quicker
    python benchmarks/run.py --json out.json # also write the numbers
    python benchmarks/run.py --only collect,status,report   # just these commands

Every command is run as a separate process (as a user runs it), in turn with its baseline,
`--repeat` rounds after three untimed ones, and the median wall time is reported
(time.perf_counter around subprocess.run).
Baselines: `python -c pass` (interpreter start) for --help, yamllint on the same YAML for lint
(timed twice: answered from zhengwu's lint cache, as a repeated lint is, and with --no-cache),
PyYAML's C loader reading the same file for list (and the ledger for status and report),
`baseline_render.py` (a plain python-docx loop) for render, python-docx reading every cell of
the filled sheet for collect. The ledger for status and report has 1,000 entries per 1× (so
100,000 at 100×), written by generate.ledger. The growth check compares the time each extra
indicator costs between sizes (the slope), so the fixed start-up cost does not hide a
quadratic; for collect, status and report also ×10 the work (10× → 100×) may take at most
×12 the time.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

BIN = Path(sys.executable).parent
ORIGINAL_INDICATORS = 85
GROWTH_TOLERANCE = 2.0  # the per-indicator slope may at most double from one size to the next
# below this cost per indicator a slope is start-up jitter, not work (a cached lint only reads and
# hashes the file): such a row is "flat", whatever the ratio of two near-zero slopes
FLAT = 20e-6
RATIO_TOLERANCE = 12.0  # ×10 the work, at most ×12 the time (collect, status, report)
RATIO_CHECKED = ("zhengwu collect", "zhengwu status", "zhengwu report")
ENTRIES_PER_SIZE = 1000
FILL = "已完成 2022年6月30日 已在门户网站发布相关信息 https://example.gov.cn/a"


@dataclass
class Result:
    name: str
    size: int
    target: float | None  # seconds
    measured: float | None  # median seconds; None: timed out or failed
    baseline: float | None
    baseline_name: str
    faster_than_baseline: bool  # required of this row
    runs: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.measured is None:
            return "FAIL"
        if self.target is not None and self.measured > self.target:
            return "MISS"
        if self.faster_than_baseline and self.baseline and self.measured >= self.baseline:
            return "MISS"
        return "ok" if self.target is not None or self.faster_than_baseline else "-"


WARMUP = 3  # untimed rounds first: the file cache, the lint cache, the machine settle


def once(command: list[str], timeout: float, fresh: Path | None) -> float:
    """One run's wall time; `fresh` (an output folder) is emptied first."""
    if fresh is not None:
        shutil.rmtree(fresh, ignore_errors=True)
    start = time.perf_counter()
    done = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):  # lint and yamllint exit 1 on findings
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.decode()[-500:]}")
    return elapsed


def measure_pair(
    commands: tuple[list[str], list[str]],
    repeat: int,
    timeout: float,
    fresh: tuple[Path | None, Path | None] = (None, None),
    warmup: int = WARMUP,
) -> tuple[list[float], list[float], str]:
    """Wall times of a command and its baseline, run in turn (command, baseline, command, …)
    so that a slow spell of a shared machine falls on both alike; `warmup` rounds untimed."""
    times: tuple[list[float], list[float]] = ([], [])
    try:
        for round_ in range(repeat + warmup):
            for which in (0, 1):
                elapsed = once(commands[which], timeout, fresh[which])
                if round_ >= warmup:
                    times[which].append(elapsed)
    except subprocess.TimeoutExpired:
        return [], [], f"timed out after {timeout:.0f} s"
    except RuntimeError as error:
        return [], [], str(error)
    return times[0], times[1], ""


def median(runs: list[float]) -> float | None:
    return statistics.median(runs) if runs else None


def tables(sizes: list[int], folder: Path) -> dict[int, Path]:
    found = {}
    for size in sizes:
        if size == 1:
            found[1] = ROOT / "checklists" / "2022.yaml"
        else:
            found[size] = generate.write(size, folder / f"{size}x")
    return found


def ledgers(paths: dict[int, Path], folder: Path) -> dict[int, Path]:
    """A ledger per table: ENTRIES_PER_SIZE entries per 1× (100,000 for the 100× table)."""
    found = {}
    for size, path in paths.items():
        target = folder / f"ledger-{size}x.yaml"
        found[size] = generate.ledger(path, ENTRIES_PER_SIZE * size, target)
    return found


def filled_sheet(zhengwu: str, checklist: Path, target: Path) -> Path:
    """市政府办公室's sheet of the table, every 完成情况 cell filled in, as collect reads it."""
    from docx import Document

    blank = target.with_name("blank-" + target.name)
    subprocess.run(
        [
            zhengwu,
            "render",
            "--unit",
            "市政府办公室",
            "--checklist",
            str(checklist),
            "-o",
            str(blank),
        ],
        check=True,
        capture_output=True,
    )
    document = Document(str(blank))
    for table in document.tables:
        headings = [c.text.strip() for c in table.rows[0].cells]
        if "完成情况" not in headings:
            continue
        column = headings.index("完成情况")
        for row in table.rows[1:]:
            row.cells[column].text = FILL
    document.save(str(target))
    return target


def compile_zhengwu() -> None:
    """Byte-compile the installed package, as pip does when it installs the wheel: an editable
    install under PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module on every run,
    which no user's installed zhengwu does."""
    spec = importlib.util.find_spec("zhengwu_cli")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        compileall.compile_dir(folder, quiet=1)


def run(
    sizes: list[int], repeat: int, timeout: float, only: set[str] | None = None
) -> list[Result]:
    compile_zhengwu()
    zhengwu = str(BIN / "zhengwu")
    yamllint = str(BIN / "yamllint")
    python = sys.executable
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="zhengwu-bench-") as temp:
        work = Path(temp)
        # never the user's lint cache; on Linux through XDG_CACHE_HOME, so that finding the
        # user cache folder (platformdirs) is part of the time, as it is for a user
        cache_variable = (
            "XDG_CACHE_HOME" if sys.platform.startswith("linux") else "ZHENGWU_CACHE_DIR"
        )
        os.environ.pop("ZHENGWU_CACHE_DIR", None)
        os.environ[cache_variable] = str(work / "cache")
        paths = tables(sizes, work)
        out, base_out = work / "out", work / "baseline-out"
        wanted = only or {"help", "lint", "list", "render", "collect", "status", "report"}
        if wanted & {"status", "report"}:
            ledger_paths = ledgers(paths, work)

        def add(
            name: str,
            size: int,
            target: float | None,
            cmd: list[str],
            base_name: str,
            base: list[str],
            faster: bool = False,
            fresh: Path | None = None,
            base_fresh: Path | None = None,
        ) -> None:
            if name.split()[1].lstrip("-") not in wanted:
                return
            n = repeat if size <= 10 else max(1, repeat // 5)
            warmup = WARMUP if size <= 10 else 1  # a 100× run takes up to minutes
            runs, base_runs, note = measure_pair(
                (cmd, base), n, timeout, (fresh, base_fresh), warmup
            )
            measured, baseline = median(runs), median(base_runs)
            results.append(
                Result(name, size, target, measured, baseline, base_name, faster, runs, note)
            )
            print(
                f"  {name} {size}×: {fmt(measured)} (baseline {fmt(baseline)}) {note}",
                file=sys.stderr,
            )

        add(
            "zhengwu --help",
            1,
            0.150,  # click answers it (the hand-written fast path is gone, #17); no command loads
            [zhengwu, "--help"],
            "python -c pass",
            [python, "-c", "pass"],
        )
        for size, path in paths.items():
            # a repeated lint of an unchanged file with the opt-in cache (--cache): the warm-up
            # run fills the cache, the timed runs answer from it
            add(
                "zhengwu lint",
                size,
                0.150 if size == 1 else None,
                [zhengwu, "lint", "--cache", "--format", "parsable", str(path)],
                "yamllint",
                [yamllint, "--format", "parsable", str(path)],
                faster=True,
            )
            # the first lint of a new or edited file: every check done afresh
            add(
                "zhengwu lint --no-cache",
                size,
                None,
                [zhengwu, "lint", "--no-cache", "--format", "parsable", str(path)],
                "yamllint",
                [yamllint, "--format", "parsable", str(path)],
                faster=True,
            )
            add(
                "zhengwu list --unit 市司法局",
                size,
                None,
                [zhengwu, "list", "--unit", "市司法局", "--checklist", str(path)],
                "PyYAML C loader",
                [
                    python,
                    "-c",
                    "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'),"
                    " Loader=yaml.CSafeLoader)",
                    str(path),
                ],
            )
            add(
                "zhengwu render --all",
                size,
                0.600 if size == 1 else None,
                [zhengwu, "render", "--all", "--checklist", str(path), "-o", str(out)],
                "baseline_render.py",
                [python, str(HERE / "baseline_render.py"), str(path), str(base_out)],
                faster=True,
                fresh=out,
                base_fresh=base_out,
            )
            yaml_floor = [
                python,
                "-c",
                "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'),"
                " Loader=yaml.CSafeLoader)",
            ]
            if "collect" in wanted:
                sheet = filled_sheet(zhengwu, path, work / f"sheet-{size}x" / "市政府办公室.docx")
                add(
                    "zhengwu collect",
                    size,
                    None,
                    [
                        zhengwu,
                        "collect",
                        "--checklist",
                        str(path),
                        "--ledger",
                        str(out / "2022.yaml"),
                        str(sheet),
                    ],
                    "python-docx reading the sheet",
                    [
                        python,
                        "-c",
                        "import sys, docx; d = docx.Document(sys.argv[1]);"
                        " [c.text for t in d.tables for r in t.rows for c in r.cells]",
                        str(sheet),
                    ],
                    fresh=out,
                )
            if wanted & {"status", "report"}:
                ledger = ledger_paths[size]
                common = [
                    "--checklist",
                    str(path),
                    "--ledger",
                    str(ledger),
                    "--as-of",
                    "2022-12-31",
                ]
                add(
                    "zhengwu status",
                    size,
                    None,
                    [zhengwu, "status", *common, "--format", "json"],
                    "PyYAML C loader (ledger)",
                    [*yaml_floor, str(ledger)],
                )
                add(
                    "zhengwu report",
                    size,
                    None,
                    [zhengwu, "report", *common, "-o", str(out / "report.docx")],
                    "PyYAML C loader (ledger)",
                    [*yaml_floor, str(ledger)],
                    fresh=out,
                )
    return results


def fmt(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def growth(results: list[Result]) -> list[tuple[str, str, str]]:
    """Per command: the cost of each extra indicator between consecutive sizes, and a verdict."""
    lines = []
    for name in dict.fromkeys(r.name for r in results if r.name != "zhengwu --help"):
        points = sorted((r.size, r.measured) for r in results if r.name == name)
        found: list[float | None] = []
        for (s1, t1), (s2, t2) in itertools.pairwise(points):
            if t1 is None or t2 is None:
                found.append(None)
            else:
                found.append((t2 - t1) / ((s2 - s1) * ORIGINAL_INDICATORS))
        slopes = [s for s in found if s is not None]
        if len(found) < 2 or len(slopes) < len(found):
            shown = ", ".join(f"{s * 1e3:.2f} ms" if s else "—" for s in found)
            lines.append((name, shown or "—", "FAIL" if None in found else "-"))
            continue
        shown = " → ".join(f"{s * 1e3:.3f} ms" for s in slopes)
        if max(slopes) < FLAT:
            lines.append((name, shown, "flat"))
            continue
        ratio = max(b / a for a, b in itertools.pairwise(slopes) if a > 0)
        verdict = "linear" if ratio <= GROWTH_TOLERANCE else f"MISS (×{ratio:.1f})"
        lines.append((name, shown, verdict))
    return lines


def report(results: list[Result]) -> str:
    rows = [
        "| command | table | target | measured | baseline | verdict |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        target = f"≤ {fmt(r.target)}" if r.target else ""
        if r.faster_than_baseline:
            target = f"{target}, < baseline".lstrip(", ")
        table = "—" if r.name == "zhengwu --help" else f"{r.size}× ({r.size * 85} ind.)"
        baseline = f"{fmt(r.baseline)} ({r.baseline_name})"
        verdict = r.verdict + (f" ({r.note})" if r.note else "")
        rows.append(
            f"| `{r.name}` | {table} | {target or '—'} | {fmt(r.measured)} | "
            f"{baseline} | {verdict} |"
        )
    rows += [
        "",
        "Growth: seconds per extra indicator between sizes (should stay flat):",
        "",
        "| command | per indicator, 1×→10× → 10×→100× | verdict |",
        "|---|---|---|",
    ]
    rows += [f"| `{n}` | {s} | {v} |" for n, s, v in growth(results)]
    checked = ratios(results)
    if checked:
        rows += [
            "",
            f"×10 the work, at most ×{RATIO_TOLERANCE:.0f} the time (10× → 100× table):",
            "",
            "| command | 10× | 100× | ratio | verdict |",
            "|---|---|---|---|---|",
        ]
        rows += [f"| `{n}` | {a} | {b} | {r} | {v} |" for n, a, b, r, v in checked]
    return "\n".join(rows)


def ratios(results: list[Result]) -> list[tuple[str, str, str, str, str]]:
    """For collect, status and report: the 100× time over the 10× time, at most ×12."""
    lines = []
    for name in RATIO_CHECKED:
        times = {r.size: r.measured for r in results if r.name == name}
        if 10 not in times or 100 not in times:
            continue
        small, big = times[10], times[100]
        if small is None or big is None:
            lines.append((name, fmt(small), fmt(big), "—", "FAIL"))
            continue
        ratio = big / small
        verdict = "ok" if ratio <= RATIO_TOLERANCE else "MISS"
        lines.append((name, fmt(small), fmt(big), f"×{ratio:.1f}", verdict))
    return lines


# -- import (a block of its own) ---------------------------------------------------------------

IMPORT_TARGET = 1.0  # seconds: the 85-row 2022 table as .docx (issue 15)


def run_import(sizes: list[int], repeat: int, timeout: float) -> list[Result]:
    """`zhengwu import` of each size's table as Word (made by `render --full`), beside python-docx
    opening the same file; the target holds for the 2022 table, the slope checks growth."""
    zhengwu = str(BIN / "zhengwu")
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="zhengwu-bench-import-") as temp:
        work = Path(temp)
        for size, checklist in tables(sizes, work).items():
            source = work / f"table-{size}.docx"
            subprocess.run(
                [zhengwu, "render", "-c", str(checklist), "--full", "-o", str(source), "--force"],
                check=True,
                capture_output=True,
                timeout=timeout,
            )
            registry = checklist.parent / "siping-units.yaml"
            target = work / f"out-{size}" / f"{checklist.stem}.yaml"
            command = [zhengwu, "import", str(source), "-o", str(target), "--force"]
            if registry.is_file():
                command += ["--registry", str(registry)]
            base = [sys.executable, "-c", f"import docx; docx.Document({str(source)!r})"]
            runs, base_runs, note = measure_pair((command, base), repeat, timeout)
            results.append(
                Result(
                    "import (.docx)",
                    size,
                    IMPORT_TARGET if size == 1 else None,
                    median(runs),
                    median(base_runs),
                    "python-docx opens it",
                    False,
                    runs,
                    note,
                )
            )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10,100", help="table sizes (default 1,10,100)")
    parser.add_argument("--repeat", type=int, default=7, help="runs per command (median)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds before a run fails")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--only",
        help="commands to time, comma-separated (help, lint, list, render, collect, status, "
        "report, import; default all)",
    )
    args = parser.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",")})
    only = {o.strip() for o in args.only.split(",")} if args.only else None
    for tool in ("zhengwu", "yamllint"):
        if not (BIN / tool).exists():
            parser.error(f"{BIN / tool} not found: pip install -e '.[bench]' into this Python")
    results = run(sizes, args.repeat, args.timeout, only)
    if only is None or "import" in only:
        results += run_import(sizes, args.repeat, args.timeout)
    print(report(results))
    if args.json:
        args.json.write_text(
            json.dumps(
                [asdict(r) | {"verdict": r.verdict} for r in results], ensure_ascii=False, indent=1
            ),
            encoding="utf-8",
        )
    missed = [r for r in results if r.verdict != "ok" and r.verdict != "-"]
    missed_growth = [g for g in growth(results) if g[2] not in ("linear", "flat", "-")]
    missed_ratio = [r for r in ratios(results) if r[4] != "ok"]
    return 1 if missed or missed_growth or missed_ratio else 0


if __name__ == "__main__":
    sys.exit(main())
