from __future__ import annotations

import json

from zhengwu_cli.load import Loaded
from zhengwu_cli.model import Origin

from .helpers import run


def test_units_json_counts_per_role() -> None:
    result = run("units", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    units = {u["unit"]: u for u in data["units"]}
    justice = units["市司法局"]
    assert justice["kind"] == "department"
    assert justice["groups"] == ["市政府各部门"]
    assert justice["counts"]["牵头"] == {"direct": 10, "via": 0}
    assert justice["counts"]["落实"]["via"] > 0
    lishu = units["梨树县"]
    assert lishu["kind"] == "county"
    assert lishu["counts"]["共同"]["direct"] == 0 and lishu["counts"]["共同"]["via"] > 0
    assert units["伊通满族自治县"]["aliases"] == ["伊通县"]
    groups = {g["group"]: g for g in data["groups"]}
    assert "梨树县" in groups["县（市）区政府"]["members"]
    assert "公主岭市" not in groups["县（市）区政府"]["members"]  # ended


def test_units_plain_lists_every_unit_and_group(loaded: Loaded) -> None:
    result = run("units")
    assert result.exit_code == 0
    for unit in loaded.registry.units:
        assert unit.name in result.output
    for group in loaded.registry.groups:
        assert group.name in result.output
    assert "市司法局；市政府部门；别名 无；所属组 市政府各部门；牵头 10" in result.output


def test_units_table() -> None:
    result = run("units", "--format", "table", env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert "市司法局" in result.output and "县（市）区政府" in result.output


def test_show_carried_cells_and_source_line() -> None:
    result = run("show", "28")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "细化指标 28" in out
    assert "主要任务：（十一）推进财税审计信息公开" in out
    assert "责任单位［沿用细化指标 27 一行，原表合并单元格］" in out
    assert "工作措施［本行］" in out
    assert "（37）落实“分级分类”监管职责，加强信用监管" in out
    assert "siping-2022-attachment.txt:318" in out
    assert "28.加大重大税收违法失信案件曝光力度" in out


def test_show_inferred_cell_gives_the_reason(loaded: Loaded) -> None:
    number, reason = next(
        (i.number, i.units.reason)
        for _, _, i in loaded.checklist.indicators()
        if i.units.origin is Origin.inferred
    )
    result = run("show", str(number))
    assert result.exit_code == 0
    assert f"责任单位［推断：{reason}］" in result.output


def test_show_json() -> None:
    result = run("show", "28", "--format", "json")
    assert result.exit_code == 0
    rec = json.loads(result.stdout)
    assert rec["indicator"] == 28
    assert rec["origin"]["units"] == "carried"
    assert rec["carried_from"] == {"units": 27, "deadline": 27, "outcome": 27}


def test_show_unknown_number() -> None:
    result = run("show", "200")
    assert result.exit_code == 2
    assert "there is no indicator 200" in result.output
    assert "1–85" in result.output
    assert "Traceback" not in result.output
