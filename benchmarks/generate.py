"""Write an N× copy of a checklist: every task's indicators repeated N times, renumbered.

    python benchmarks/generate.py 10 -o /tmp/bench/10x      # → /tmp/bench/10x/checklist.yaml
    python benchmarks/generate.py 100 -o /tmp/b --ledger 100000   # and /tmp/b/ledger.yaml

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


STATUSES = ("已完成", "推进中", "已完成", "未启动", "已完成", "不适用")


def ledger(checklist: Path, entries: int, target: Path) -> Path:
    """Write a ledger of `entries` entries for the checklist: the units each row reaches report
    in turn (a mix of statuses, dates through the year, evidence and notes, some entries for a
    whole indicator); past one round, later reports of the same rows follow as history."""
    from zhengwu_cli.load import load
    from zhengwu_cli.query import expand, rows

    loaded = load(checklist)
    year = loaded.checklist.meta.year
    known = {u.name for u in loaded.registry.units if not u.ended}
    pairs: list[tuple[int, str | None]] = []
    for row in rows(loaded.checklist, loaded.registry):
        units = dict.fromkeys(a.unit for a in expand(row.named, loaded.registry))
        pairs += [(row.number, unit) for unit in units if unit in known]
        if row.number % 7 == 0:
            pairs.append((row.number, None))
    found: list[dict[str, Any]] = []
    for index in range(entries):
        number, unit = pairs[index % len(pairs)]
        status = STATUSES[(index * 7 + number) % len(STATUSES)]
        day = 1 + (index % 300)
        entry: dict[str, Any] = {"indicator": number}
        if unit:
            entry["unit"] = unit
        entry["status"] = status
        entry["date"] = f"{year}-{1 + day // 31 % 12:02d}-{1 + day % 28:02d}"
        if status == "已完成":
            entry["evidence"] = (
                f"已在门户网站发布相关信息（第{index}条） https://example.gov.cn/{index}"
            )
        else:
            entry["notes"] = f"正在推进，原因说明第{index}条"
        found.append(entry)
    data = {"schema_version": 1, "place": loaded.checklist.meta.place, "year": year}
    text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
    text += yaml.dump(
        {"entries": found}, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=200
    )
    temp = target.with_suffix(".tmp")
    temp.write_text(text, encoding="utf-8")
    temp.replace(target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("times", type=int, help="how many times the original table")
    parser.add_argument("-o", "--output", type=Path, required=True, help="folder to write into")
    parser.add_argument(
        "--ledger", type=int, metavar="N", help="also write ledger.yaml with N entries for it"
    )
    args = parser.parse_args(argv)
    if args.times < 1:
        parser.error("times is at least 1")
    checklist = write(args.times, args.output)
    print(checklist)
    if args.ledger:
        print(ledger(checklist, args.ledger, args.output / "ledger.yaml"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
