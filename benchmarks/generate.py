"""Write an N× copy of a checklist: every task's indicators repeated N times, renumbered.

    python benchmarks/generate.py 10 -o /tmp/bench/10x      # → /tmp/bench/10x/checklist.yaml

The 7 goals and 33 tasks stay as they are (tasks carry Chinese numerals, 一 … 九十九);
inside each task the indicators are repeated N times, so the table has N times the indicators
and measures. Indicators and measures are renumbered in document order, and every reference
is mapped to the same copy: a carried cell's `from` and a carried measures cell's `refs` point
into their own copy, so the result loads and lints like the original. Copies after the first
get a marker in their texts (（副本k）) so no two indicators are identical. The unit registry
is copied beside the checklist.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "checklists" / "2022.yaml"
CELLS = ("units", "measures", "deadline", "outcome")


def scale(data: dict[str, Any], times: int) -> dict[str, Any]:
    """The checklist data with every task's indicators repeated `times` times."""
    out = copy.deepcopy(data)
    out["meta"]["source"]["file"] = None  # the dump describes the original only
    if times > 1:
        out["meta"]["title"] += f"（{times}倍）"
    next_indicator, next_measure = 1, 1
    for goal in out["goals"]:
        for task in goal["tasks"]:
            originals = task["indicators"]
            repeated = []
            for k in range(times):
                numbers: dict[int, int] = {}
                measures: dict[int, int] = {}
                for source in originals:
                    indicator = copy.deepcopy(source)
                    numbers[source["number"]] = indicator["number"] = next_indicator
                    next_indicator += 1
                    if k:
                        indicator["text"] += f"（副本{k}）"
                        indicator.pop("line", None)
                    for item in indicator.get("measures", {}).get("items", []):
                        measures[item["number"]] = item["number"] = next_measure
                        next_measure += 1
                        if k:
                            item["text"] += f"（副本{k}）"
                    repeated.append(indicator)
                for indicator in repeated[-len(originals) :]:
                    for cell in CELLS:
                        value = indicator.get(cell)
                        if isinstance(value, dict) and "from" in value:
                            value["from"] = numbers[value["from"]]
                        if isinstance(value, dict) and value.get("refs"):
                            value["refs"] = [measures.get(n, n) for n in value["refs"]]
            task["indicators"] = repeated
    return out


def write(times: int, folder: Path, source: Path = SOURCE) -> Path:
    """Write folder/checklist.yaml (N×) and its registry; return the checklist's path."""
    data = yaml.load(source.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    folder.mkdir(parents=True, exist_ok=True)
    registry = data["meta"]["registry"]
    shutil.copyfile(source.parent / registry, folder / registry)
    target = folder / "checklist.yaml"
    text = yaml.dump(
        scale(data, times), Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=100
    )
    temp = target.with_suffix(".tmp")
    temp.write_text(text, encoding="utf-8")
    temp.replace(target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("times", type=int, help="how many times the original table")
    parser.add_argument("-o", "--output", type=Path, required=True, help="folder to write into")
    args = parser.parse_args(argv)
    if args.times < 1:
        parser.error("times is at least 1")
    print(write(args.times, args.output))
    return 0


if __name__ == "__main__":
    sys.exit(main())
