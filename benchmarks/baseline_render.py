"""The render baseline: a straightforward python-docx renderer, as one would first write it.

    python benchmarks/baseline_render.py CHECKLIST.yaml OUT_FOLDER

Reads the checklist with PyYAML (libyaml), gives each unit the indicators that name it (directly
or through a group of the registry), and writes one landscape .docx per unit with python-docx:
a title, and an 8-column table (序号 / 主要任务 / 细化指标 / 责任角色 / 工作措施 / 完成时限 /
可检视成果 / 完成情况) with one row per indicator. No template, no styling beyond the defaults:
the time a plain python-docx loop takes for the same sheets `zhengwu render --all` writes.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Mm

HEADERS = [
    "序号",
    "主要任务",
    "细化指标",
    "责任角色",
    "工作措施",
    "完成时限",
    "可检视成果",
    "完成情况",
]


def _registry(path: Path) -> tuple[dict[str, str], dict[str, list[str]], list[str]]:
    """(name or alias → canonical name, group → member units, units in order)."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    canonical: dict[str, str] = {}
    units = [u for u in data["units"] if not u.get("ended")]
    for unit in data["units"]:
        for name in [unit["name"], *unit.get("aliases", [])]:
            canonical[name] = unit["name"]
    groups: dict[str, list[str]] = {}
    for group in data.get("groups", []):
        rule = group.get("member_rule")
        kind = {"all-counties": "county", "all-departments": "department"}.get(rule or "")
        members = [u["name"] for u in units if kind and u.get("kind") == kind]
        members += group.get("members", [])
        for name in [group["name"], *group.get("aliases", [])]:
            canonical[name] = group["name"]
        groups[group["name"]] = members
    return canonical, groups, [u["name"] for u in units]


def _sheets(checklist: dict[str, Any], registry: Path) -> dict[str, list[list[str]]]:
    canonical, groups, order = _registry(registry)
    measures = {
        m["number"]: m["text"]
        for goal in checklist["goals"]
        for task in goal["tasks"]
        for ind in task["indicators"]
        for m in ind.get("measures", {}).get("items", [])
    }
    sheets: dict[str, list[list[str]]] = {name: [] for name in order}
    for goal in checklist["goals"]:
        for task in goal["tasks"]:
            for ind in task["indicators"]:
                cell = ind.get("measures", {})
                texts = [m["text"] for m in cell.get("items", [])]
                texts += [measures[n] for n in cell.get("refs", []) if n in measures]
                roles: dict[str, str] = {}
                for line in ind.get("units", {}).get("roles", []):
                    for ref in line["units"]:
                        name = ref if isinstance(ref, str) else ref["unit"]
                        name = canonical.get(name, name)
                        for unit in groups.get(name, [name]):
                            roles.setdefault(unit, line["role"])
                for unit, role in roles.items():
                    if unit in sheets:
                        sheets[unit].append(
                            [
                                str(ind["number"]),
                                f"（{task['number']}）{task['title']}",
                                ind["text"],
                                role,
                                "\n".join(texts),
                                ind.get("deadline", {}).get("text") or "",
                                ind.get("outcome", {}).get("text") or "",
                                "",
                            ]
                        )
    return {unit: rows for unit, rows in sheets.items() if rows}


def render_all(checklist_path: Path, folder: Path) -> int:
    data = yaml.load(checklist_path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    sheets = _sheets(data, checklist_path.parent / data["meta"]["registry"])
    folder.mkdir(parents=True, exist_ok=True)
    for unit, rows in sheets.items():
        document = Document()
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        document.add_heading(f"{unit}{data['meta']['year']}年政务公开任务单", level=1)
        table = document.add_table(rows=1, cols=len(HEADERS))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, HEADERS, strict=True):
            cell.text = text
        for values in rows:
            for cell, text in zip(table.add_row().cells, values, strict=True):
                cell.text = text
        document.save(str(folder / f"{unit}.docx"))
    return len(sheets)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1].strip())
    print(render_all(Path(sys.argv[1]), Path(sys.argv[2])), "sheets")
