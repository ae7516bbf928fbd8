"""The checklist and registry draft as YAML in the form of checklists/2022.yaml, checked by the
loader before anything is written."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

# libyaml's emitter when PyYAML has it (a tenth of the time of the pure-Python one)
_Base: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_Base):  # type: ignore[valid-type,misc]
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    lines = value.split("\n")
    style = "|" if len(lines) > 1 and all(ln == ln.rstrip() for ln in lines) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    flow = (
        all(isinstance(v, (int, str)) and len(str(v)) <= 20 for v in value)
        and sum(len(str(v)) for v in value) < 60
    )
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(list, _list)


def _schema_link(target: Path, name: str) -> str:
    from ..resources import schema_dir

    schema = (schema_dir() / name).resolve()
    try:
        return Path(os.path.relpath(schema, target.resolve().parent)).as_posix()
    except ValueError:  # another drive on Windows
        return schema.as_uri()


def _prune(value: Any) -> Any:
    """Drop empty notes and `None` fields the 2022 file does not write (issuer stays)."""
    if isinstance(value, dict):
        return {
            k: _prune(v)
            for k, v in value.items()
            if not (v is None and k not in ("issuer",)) and not (k == "aliases" and v == [])
        }
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def checklist_yaml(data: dict[str, Any], target: Path, source: str) -> str:
    head = (
        f"# yaml-language-server: $schema={_schema_link(target, 'checklist.schema.json')}\n"
        f"# {data['meta']['title']}：由 zhengwu import 从 {source} 导入。\n"
        "# 导入后请核对（zhengwu import --review 可列出每格的来源），修改后运行 `zhengwu lint`。\n"
    )
    body = yaml.dump(_prune(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return head + body


def registry_yaml(data: dict[str, Any], target: Path) -> str:
    head = (
        f"# yaml-language-server: $schema={_schema_link(target, 'registry.schema.json')}\n"
        f"# {data['place']} 责任单位名录（草稿）：由 zhengwu import 据任务清单的责任单位栏列出。\n"
        "# kind 为据名称推断的类别，请逐一核实；集合（groups）的成员 members 待填写，\n"
        "# 填写前 `zhengwu lint` 会指出哪些行落不到具体单位。\n"
    )
    body = yaml.dump(_prune(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return head + body


def validate(data: dict[str, Any], text: str, shown: str, model: type[Any]) -> Any:
    """Check what is written with the loader's validation; LoadError (located) if it fails.

    `text` is `data` as this module dumps it (plain mappings, lists, strings and numbers: it reads
    back as the same data), so the data is validated directly; only when the model refuses it is
    the text read by the loader's own parser, so that each problem carries its line and column.
    """
    from ..load import LoadError, parse_yaml, validate
    from ..positions import Positions

    try:
        return validate(model, _prune(data), Positions(shown))
    except LoadError:
        parsed, positions = parse_yaml(text, shown)
        return validate(model, parsed, positions)
