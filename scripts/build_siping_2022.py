"""Build checklists/2022.yaml from the text dump of the 四平 2022 附件 table.

Provenance of the bundled data, kept so anyone can see how each value came about. It reads the
dump, makes every vertically merged cell explicit (carried inside a task, never across), reads the
责任单位 cells through the unit registry, and applies the few curated decisions listed below
(corrections of evident defects, each keeping the original; inferences, each with its reason).

    python scripts/build_siping_2022.py            # rewrite checklists/2022.yaml
    python scripts/build_siping_2022.py --check    # exit 1 if the file would change
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from zhengwu_cli.units import Registry  # noqa: E402
from zhengwu_cli.unittext import parse_unit_text  # noqa: E402
from zhengwu_cli.worddump import read_dump  # noqa: E402

SOURCE = ROOT / "checklists" / "sources" / "siping-2022-attachment.txt"
REGISTRY = ROOT / "checklists" / "siping-units.yaml"
TARGET = ROOT / "checklists" / "2022.yaml"

# Evident defects of the source, corrected with the original kept beside the text.
# (kind, number) -> (wrong fragment, right fragment, note)
CORRECTIONS: dict[tuple[str, int], tuple[str, str, str]] = {
    ("outcome", 75): (
        "[bookmark: _GoBack]",
        "",
        "去除 Word 书签残留“[bookmark: _GoBack]”（导出时混入，非正文）",
    ),
    ("measure", 63): ("政务服热线", "政务服务热线", "漏字：“政务服热线”应为“政务服务热线”"),
    ("measure", 72): (
        "规范化化标准化",
        "规范化标准化",
        "衍字：“规范化化”应为“规范化”，与工作措施（71）的方案名称一致",
    ),
}

# Units the 责任单位 cell leaves empty but a measure's text names, with the reason.
INFERRED_UNITS: dict[int, tuple[str, list[dict[str, Any]]]] = {
    48: (
        "责任单位栏空白；工作措施（55）写明“由市政府办公室信息科牵头开展政府公报编制工作”",
        [
            {
                "role": "牵头",
                "units": [{"unit": "市政府办公室", "duty": "信息科牵头开展政府公报编制工作"}],
            }
        ],
    ),
    57: (
        "责任单位栏空白；工作措施（64）写明“市政府办公室统一调度统建或自建系统平台，"
        "市政数局和其他相关部门配合建好数据库”",
        [
            {
                "role": "牵头",
                "units": [{"unit": "市政府办公室", "duty": "统一调度统建或自建系统平台"}],
            },
            {
                "role": "配合",
                "units": [{"unit": "市政数局", "duty": "配合建好数据库，抓好数据采集和对接工作"}],
                "etc": "和其他相关部门",
            },
        ],
    ),
}

# Blank 责任单位 cells: the text dump cannot tell a cell merged with the task above from one the
# source leaves empty. The judgement for each such row, kept as the cell's note (the data stay as
# read); the office decides with one line, as each note says (README: 原表空白的责任单位).
_MERGE_47 = "牵头部门：市政府办公室\\n配合部门：市政府各相关部门\\n县（市）区政府"
_MERGE_55 = "牵头部门：市政数局\\n配合部门：市政府各相关部门\\n县（市）区政府"


def _decide(reason: str, text: str) -> str:
    return f'units: {{origin: inferred, reason: {reason}, text: "{text}"}}'


UNIT_NOTES: dict[int, str] = {
    48: "原表此格空白，且在新主要任务（十九）的第一行：原文看不出是上方（十八）47项责任"
    "单位合并单元格的延续，还是未填。现据工作措施（55）推断市政府办公室牵头，"
    "与47项的牵头单位一致；任务单标“待确认”。若认定为47项的延续，"
    "把本格改为一行：" + _decide("认定为47项责任单位合并单元格的延续", _MERGE_47),
    49: "原表此格空白，且在新主要任务（二十）的第一行：看不出是上方（十八）47项责任单位"
    "合并单元格的延续（经48项），还是未填；工作措施（56）也未写单位。"
    "按未填照录，本项不进入任何单位的任务单。若认定为47项的延续，"
    "把本格改为一行：" + _decide("认定为47项责任单位合并单元格的延续", _MERGE_47),
    50: "原表此格空白，且在新主要任务（二十一）的第一行："
    "看不出是上方（十八）47项责任单位合并单元格的延续（经48、"
    "49项），还是未填；工作措施（57）（58）也未写单位。"
    "按未填照录，本项和同一任务的51—53项都不进入任何单位的任务单。"
    "若认定为47项的延续，把本格（及51—53项的）改为一行："
    + _decide("认定为47项责任单位合并单元格的延续", _MERGE_47),
    51: "原表空白，随本任务第一行50项：见50项的说明。",
    52: "原表空白，随本任务第一行50项：见50项的说明。",
    53: "原表空白，随本任务第一行50项：见50项的说明。本项指标写明各机关提交“本机关”的年度报告。",
    56: "原表此格空白，且在新主要任务（二十三）的第一行："
    "看不出是上方（二十二）54、55项责任单位合并单元格的延续，"
    "还是未填；工作措施（62）（63）写市政务大厅和12345热线，"
    "未写单位。按未填照录，本项不进入任何单位的任务单。"
    "若认定为54项的延续，把本格改为一行："
    + _decide("认定为54项责任单位合并单元格的延续", _MERGE_55),
    57: "原表此格空白，且在新主要任务（二十四）的第一行，"
    "上方56项也空白。现据工作措施（64）推断；任务单标“待确认”。",
    72: "原表此格空白，且在新主要任务（三十）的第一行：看不出是上方（二十九）71项责任单"
    "位合并单元格的延续，还是未填；工作措施（79）写“各地各部门”制定计划。"
    "按未填照录，本项不进入任何单位的任务单。若按工作措施由各部门和各县（市）区落实，"
    "把本格改为一行：" + _decide("据工作措施（79）“各地各部门”", "市政府各部门\\n县（市）区政府"),
}

# Lint findings a person has looked at and accepted, with the reason (`zhengwu lint` skips them).
# (kind, number) -> waivers; kind is task (Chinese numeral), indicator or measure (int).
WAIVERS: dict[tuple[str, int | str], list[dict[str, str]]] = {
    ("task", "五"): [
        {
            "rule": "ZW101",
            "reason": "原表主要任务编号即从（三）跳到（五），照录不改号，以便与原件对照",
        },
    ],
}

# Deadlines an indicator's own text sets relative to an event (verbatim parts of the text); the
# 完成时限 cell still holds the table's deadline. Issue 8: counted in working days from the event.
RELATIVE: dict[int, str] = {
    9: "决策文件出台后的10个工作日内",
    82: "在20个工作日内公开发布",
}

GOAL = re.compile(r"^([一二三四五六七八九十]+)、(.+)$", re.S)
TASK = re.compile(r"^（([一二三四五六七八九十]+)）(.+)$", re.S)
INDICATOR = re.compile(r"^(\d+)\.(.+)$", re.S)
MEASURE = re.compile(r"^（(\d+)）")


def corrected(kind: str, number: int, text: str) -> dict[str, Any]:
    fix = CORRECTIONS.get((kind, number))
    if not fix:
        return {"text": text}
    wrong, right, note = fix
    assert wrong in text, (kind, number)
    return {"text": text.replace(wrong, right), "original": text, "note": note}


def split_measures(text: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for line in text.split("\n"):
        match = MEASURE.match(line)
        if match:
            number = int(match.group(1))
            items.append({"number": number, "text": line[match.end() :]})
        elif items:
            items[-1]["text"] += "\n" + line
        elif line.strip():
            raise SystemExit(f"measure text without a number: {line!r}")
    for item in items:
        item.update(corrected("measure", item["number"], item["text"]))
        if ("measure", item["number"]) in WAIVERS:
            item["waive"] = WAIVERS["measure", item["number"]]
    return items


def merged_cell(
    carry: dict[str, dict[str, Any]], number: int, column: str, stated: dict[str, Any] | None
) -> dict[str, Any]:
    """A cell of indicator `number`: stated on its row (and remembered for the rows below),
    carried from the last stated row of the same task, or missing."""
    if stated is not None:
        carry[column] = {"from": number, **stated}
        return {"origin": "stated", **stated}
    if column not in carry:
        return {"origin": "missing"}
    source = dict(carry[column])
    origin_number = source.pop("from")
    if column == "measures":
        refs = [m["number"] for m in source["items"]]
        return {"origin": "carried", "from": origin_number, "refs": refs}
    source.pop("original", None)
    source.pop("note", None)
    return {"origin": "carried", "from": origin_number, **source}


def build() -> dict[str, Any]:
    registry = Registry.model_validate(yaml.safe_load(REGISTRY.read_text(encoding="utf-8")))
    dump = read_dump(SOURCE.read_text(encoding="utf-8"))
    goals: list[dict[str, Any]] = []
    task: dict[str, Any] | None = None
    # per task: last effective cell per column, and which indicator stated it
    carry: dict[str, dict[str, Any]] = {}
    for row in dump.rows:
        goal_text, task_text, ind_text, unit_text, measure_text, deadline_text, outcome_text = (
            row.texts()
        )
        goal_line, task_line, ind_line = (c.line for c in row.cells[:3])
        if goal_text:
            m = GOAL.match(goal_text)
            assert m, goal_text
            if goals and goals[-1]["number"] == m.group(1):
                if m.group(2) != goals[-1]["title"]:
                    goals[-1].setdefault("variants", []).append(
                        {"text": m.group(2), "line": goal_line, "note": "续页重复目标栏时的写法"}
                    )
            else:
                goals.append(
                    {"number": m.group(1), "title": m.group(2), "line": goal_line, "tasks": []}
                )
        if task_text:
            m = TASK.match(task_text)
            assert m, task_text
            task = {
                "number": m.group(1),
                "title": m.group(2).rstrip("\n"),
                "line": task_line,
                "indicators": [],
            }
            if ("task", m.group(1)) in WAIVERS:
                task = {
                    **{k: task[k] for k in ("number", "title", "line")},
                    "waive": WAIVERS["task", m.group(1)],
                    "indicators": [],
                }
            goals[-1]["tasks"].append(task)
            carry = {}
        assert task is not None
        m = INDICATOR.match(ind_text)
        assert m, ind_text
        number = int(m.group(1))
        indicator: dict[str, Any] = {"number": number, **corrected("indicator", number, m.group(2))}
        indicator["line"] = ind_line
        if number in RELATIVE:
            assert RELATIVE[number] in indicator["text"], number
            indicator["relative_deadline"] = RELATIVE[number]

        if unit_text:
            roles = [
                r.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
                for r in parse_unit_text(unit_text, registry)
            ]
            indicator["units"] = merged_cell(
                carry, number, "units", {"text": unit_text, "roles": roles}
            )
        elif number in INFERRED_UNITS and "units" not in carry:
            reason, roles = INFERRED_UNITS[number]
            indicator["units"] = {"origin": "inferred", "reason": reason, "roles": roles}
        else:
            indicator["units"] = merged_cell(carry, number, "units", None)
        if number in UNIT_NOTES:
            assert not unit_text, number  # a note on a blank cell only
            indicator["units"]["note"] = UNIT_NOTES[number]
        indicator["measures"] = merged_cell(
            carry,
            number,
            "measures",
            {"items": split_measures(measure_text)} if measure_text else None,
        )
        indicator["deadline"] = merged_cell(
            carry, number, "deadline", {"text": deadline_text} if deadline_text else None
        )
        indicator["outcome"] = merged_cell(
            carry,
            number,
            "outcome",
            corrected("outcome", number, outcome_text) if outcome_text else None,
        )
        if ("indicator", number) in WAIVERS:
            indicator["waive"] = WAIVERS["indicator", number]
        task["indicators"].append(indicator)
    # unit refs: write a bare string where only the name is given
    for goal in goals:
        for t in goal["tasks"]:
            for ind in t["indicators"]:
                for line in ind["units"].get("roles", []):
                    line["units"] = [u["unit"] if list(u) == ["unit"] else u for u in line["units"]]
    title = dump.preamble[1]
    return {
        "schema_version": 1,
        "meta": {
            "place": "四平市",
            "year": 2022,
            "title": title,
            "issuer": None,
            "source": {
                "document": "".join(dump.preamble),
                "file": "sources/siping-2022-attachment.txt",
                "basis": "国务院办公厅《2022年政务公开工作要点》（国办发〔2022〕8号）",
            },
            "registry": "siping-units.yaml",
            "notes": [
                "文字照录附件原表；明显笔误与 Word 残留已更正，原文保留在 original 字段。",
                "原表纵向合并的单元格在此逐行写明：origin: carried 表示沿用同一主要任务内 from 所指"
                "细化指标一行的内容；origin: inferred 表示据工作措施文字推断（见 reason）；"
                "origin: missing 表示原表空白。",
                "原表主要任务编号跳过（四），照录不改号。",
                "发文机关：附件未写明，issuer 留空。",
            ],
        },
        "goals": goals,
    }


class Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    lines = value.split("\n")
    style = "|" if len(lines) > 1 and all(ln == ln.rstrip() for ln in lines) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    flow = all(isinstance(v, (int, str)) for v in value) and sum(len(str(v)) for v in value) < 60
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


Dumper.add_representer(str, _str)
Dumper.add_representer(list, _list)

HEADER = """\
# yaml-language-server: $schema=../schema/checklist.schema.json
# 四平市贯彻落实国办发2022年政务公开工作要点任务清单（附件），逐格照录。
# 由 scripts/build_siping_2022.py 从 sources/siping-2022-attachment.txt 生成；之后可直接编辑本文件，
# 每次修改请运行 `zhengwu lint` 检查。
"""


def render() -> str:
    body = yaml.dump(build(), Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100)
    return HEADER + body


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        return 0 if current == text else 1
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
