"""The interpreter on hand-built grids: no file at all."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from zhengwu_cli.importer.grid import Cell, Grid
from zhengwu_cli.importer.interpret import InterpretError, Options, Result, interpret
from zhengwu_cli.importer.vocabulary import default_vocabulary, kind_of
from zhengwu_cli.model import Checklist
from zhengwu_cli.units import Registry

UP, LEFT = "^", "<"


def grid(
    rows: Sequence[Sequence[str]], before: Sequence[str] = ("某市2023年政务公开任务清单",)
) -> Grid:
    """A grid from text rows; "^" continues the cell above (a vertical merge), "<" the one left."""
    out: list[list[Cell]] = []
    for r, row in enumerate(rows):
        cells: list[Cell] = []
        for c, text in enumerate(row):
            address = f"R{r + 1}C{c + 1}"
            if text == UP:
                above = out[r - 1][c]
                cells.append(Cell((), r, c, address, above.continues or (r - 1, c)))
            elif text == LEFT:
                left = cells[c - 1]
                cells.append(Cell((), r, c, address, left.continues or (r, c - 1)))
            else:
                cells.append(Cell(tuple(text.split("\n")) if text else (), r, c, address))
        out.append(cells)
    return Grid("表1", out, list(before))


def run(g: Grid | list[Grid], **options: Any) -> Result:
    grids = g if isinstance(g, list) else [g]
    result = interpret(grids, Options(file_name="t.docx", registry_name="t-units.yaml", **options))
    Checklist.model_validate(result.data)
    return result


def indicators(result: Result) -> list[dict[str, Any]]:
    return [i for g in result.data["goals"] for t in g["tasks"] for i in t["indicators"]]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [(w, k) for k, words in default_vocabulary().items() for w in words]
    + [("责任单位（部门）", "units"), ("完 成 时 限", "deadline"), ("备注", None)],
)
def test_each_header_synonym(heading: str, kind: str | None) -> None:
    assert kind_of(heading, default_vocabulary()) == kind


@pytest.mark.parametrize("indicator", ["细化指标", "具体要求", "工作要求", "工作内容", "具体任务"])
@pytest.mark.parametrize("units", ["责任单位", "责任部门", "责任科室", "牵头单位"])
@pytest.mark.parametrize("deadline", ["完成时限", "时限要求", "时间节点", "完成时间"])
def test_synonyms_in_a_table(indicator: str, units: str, deadline: str) -> None:
    result = run(grid([[indicator, units, deadline], ["1.做好公开", "办公室", "6月底前"]]))
    (ind,) = indicators(result)
    assert ind["text"] == "做好公开" and ind["deadline"]["text"] == "6月底前"
    assert result.data["meta"]["columns"] == ["indicator", "units", "deadline"]


def test_levels_numbering_restart_and_labels() -> None:
    rows = [
        ["序号", "工作任务", "工作任务", "具体要求", "责任单位"],
        ["1", "一、公开政策", "(一)规章", "1、集中发布", "办公室"],
        ["2", UP, UP, "2、动态更新", "办公室"],
        ["1", UP, "（二）解读", "①同步解读", "法规科"],
        ["1", "二、夯实基础", "（一）平台", "1、建好平台", "信息科"],
    ]
    result = run(grid(rows))
    inds = indicators(result)
    assert [i["number"] for i in inds] == [1, 2, 3, 4]
    assert [i.get("label") for i in inds] == [None, None, "1", "1"]
    goals = result.data["goals"]
    assert [(g["number"], g["title"]) for g in goals] == [("一", "公开政策"), ("二", "夯实基础")]
    assert [t["number"] for t in goals[0]["tasks"]] == ["一", "二"]
    assert result.data["meta"]["headers"] == {
        "goal": "工作任务",
        "task": "工作任务",
        "indicator": "具体要求",
    }
    assert any("label" in n for n in result.notes)


def test_merges_only_from_the_file() -> None:
    rows = [
        ["细化指标", "责任单位", "工作措施", "完成时限"],
        ["1.甲", "市财政局", "（1）甲一\n（2）甲二", "贯穿全年"],
        ["2.乙", UP, UP, ""],
        ["3.丙", UP, "（3）丙一", UP],
    ]
    inds = indicators(run(grid(rows)))
    units = inds[1]["units"]
    assert (units["origin"], units["from"], units["text"]) == ("carried", 1, "市财政局")
    assert [line["units"] for line in units["roles"]] == [["市财政局"]]
    assert inds[1]["measures"] == {"origin": "carried", "from": 1, "refs": [1, 2]}
    assert inds[1]["deadline"] == {"origin": "missing"}  # empty, not merged: never guessed
    assert inds[2]["units"]["from"] == 1
    assert inds[2]["measures"]["items"] == [{"number": 3, "text": "丙一"}]
    assert inds[2]["deadline"] == {"origin": "missing"}  # merged with an empty cell above


def test_repeated_header_rows_and_split_tables_are_joined() -> None:
    header = ["主要任务", "细化指标", "责任单位"]
    first = grid([header, ["（一）甲", "1.一", "办公室"], header, [UP, "2.二", "办公室"]])
    second = grid([header, ["（二）乙", "3.三", "办公室"]], before=())
    second.joined = True
    result = run([first, second])
    assert [i["number"] for i in indicators(result)] == [1, 2, 3]
    assert result.repeated_headers == 2 and result.tables == ["表1", "表1"]


def test_section_rows_unknown_heading_and_two_unit_columns() -> None:
    rows = [
        ["细化指标", "牵头单位", "配合单位", "备注"],
        ["一、公开政策", LEFT, LEFT, LEFT],
        ["做好公开", "市司法局", "市财政局、市审计局", "重点"],
        ["二、夯实基础", LEFT, LEFT, LEFT],
        ["建好平台", "市政数局", "", ""],
    ]
    result = run(grid(rows))
    goals = result.data["goals"]
    assert [g["title"] for g in goals] == ["公开政策", "夯实基础"]
    inds = indicators(result)
    assert [i["number"] for i in inds] == [1, 2] and "label" not in inds[0]
    assert inds[0]["units"]["text"] == "牵头单位：市司法局\n配合单位：市财政局、市审计局"
    roles = {line["role"]: line["units"] for line in inds[0]["units"]["roles"]}
    assert roles == {"牵头": ["市司法局"], "配合": ["市财政局", "市审计局"]}
    notes = result.data["meta"]["notes"]
    assert "原表“备注”栏，第1项：重点" in notes  # never dropped
    assert any("备注" in n for n in result.notes)
    assert result.data["meta"]["columns"] == ["goal", "indicator", "units"]


def test_registry_names_aliases_and_suggestions() -> None:
    registry = Registry.model_validate(
        {
            "place": "某市",
            "units": [
                {"name": "市司法局", "kind": "department"},
                {"name": "市政府办公室", "kind": "department", "aliases": ["市政府办"]},
            ],
        }
    )
    rows = [["细化指标", "责任单位"], ["1.甲", "市政府办牵头，市司法句配合"]]
    result = run(grid(rows), registry=registry)
    (ind,) = indicators(result)
    assert result.unplaced == {"市司法句": ["市司法局"]}
    assert "roles" not in ind["units"]  # the loader reads the text, lint reports the name
    assert "市司法句" in ind["units"]["note"]
    assert result.registry is None


def test_registry_draft_kinds_and_groups() -> None:
    rows = [
        ["细化指标", "责任单位"],
        [
            "1.甲",
            "牵头单位：市政府办公室、法规科\n配合单位：各县（市）区政府、市政府各部门、梨树县",
        ],
    ]
    result = run(grid(rows))
    draft = result.registry
    assert draft is not None
    kinds = {u["name"]: u["kind"] for u in draft["units"]}
    assert kinds["市政府办公室"] == "department" and kinds["梨树县"] == "county"
    assert kinds["法规科"] in ("section", "other")
    groups = {g["name"]: g for g in draft["groups"]}
    assert set(groups) == {"县（市）区政府", "市政府各部门"}
    assert groups["县（市）区政府"]["aliases"] == ["各县（市）区政府"]
    assert all(g["members"] == [] for g in groups.values())


def test_title_year_place_and_overrides() -> None:
    rows = [["细化指标", "责任单位"], ["1.甲", "办公室"]]
    meta = run(grid(rows, before=["附件2", "荆门示例市2024年政务公开工作要点任务分工"])).data[
        "meta"
    ]
    assert (meta["title"], meta["year"], meta["place"]) == (
        "荆门示例市2024年政务公开工作要点任务分工",
        2024,
        "荆门示例市",
    )
    assert meta["source"]["document"].startswith("附件2：")
    meta = run(grid(rows), year=2030, place="别处").data["meta"]
    assert (meta["year"], meta["place"]) == (2030, "别处")
    with pytest.raises(InterpretError, match="--year"):
        run(grid(rows, before=["政务公开任务清单"]), place="某市")


def test_cleanup_keeps_the_original() -> None:
    rows = [
        ["细化指标", "责任单位", "完成时限", "可检视成果"],
        ["1.做好\u3000\u3000公开 ", "办公室", "贯穿全年 ", "[bookmark: _GoBack]会议纪要\x07"],
    ]
    (ind,) = indicators(run(grid(rows)))
    assert ind["text"] == "做好公开" and ind["original"] == "做好\u3000\u3000公开 "
    assert "全角空格" in ind["note"]
    assert ind["deadline"] == {
        "origin": "stated",
        "text": "贯穿全年",
        "original": "贯穿全年 ",
        "note": "导入时去除首尾空白",
    }
    assert ind["outcome"]["text"] == "会议纪要"
    assert "Word" in ind["outcome"]["note"] and "控制字符" in ind["outcome"]["note"]


def test_unread_deadline_is_listed_and_kept() -> None:
    rows = [
        ["细化指标", "责任单位", "完成时限"],
        ["1.甲", "办公室", "视情况而定"],
        ["2.乙", "办公室", "9月底前"],
    ]
    result = run(grid(rows))
    assert result.deadlines_unread == [(1, "视情况而定")] and result.deadlines_read == 1
    assert indicators(result)[0]["deadline"]["text"] == "视情况而定"


def test_relative_deadline_in_the_text() -> None:
    rows = [["细化指标", "责任单位"], ["1.决策出台后的10个工作日内，公开意见采纳情况", "办公室"]]
    (ind,) = indicators(run(grid(rows)))
    assert ind["relative_deadline"] == "决策出台后的10个工作日内"


def test_no_recognisable_table() -> None:
    with pytest.raises(InterpretError, match="表1's header is: 姓名、电话; no column like"):
        run(grid([["姓名", "电话"], ["张三", "1"]]))


def test_two_header_rows() -> None:
    rows = [
        ["细化指标", "责任单位", LEFT, "完成时限"],
        [UP, "牵头单位", "配合单位", UP],
        ["1.做好公开", "市司法局", "市财政局", "年底前"],
    ]
    result = run(grid(rows))
    (ind,) = indicators(result)
    assert ind["units"]["text"] == "牵头单位：市司法局\n配合单位：市财政局"
    assert result.header.rows == 2


def test_a_short_first_row_is_data_not_a_second_header() -> None:
    rows = [["细化指标", "责任单位", "可检视成果"], ["做好公开", "办公室", "工作成果"]]
    (ind,) = indicators(run(grid(rows)))
    assert ind["outcome"]["text"] == "工作成果"


def test_an_empty_level_cell_continues_the_level_and_says_so() -> None:
    rows = [
        ["主要任务", "细化指标", "责任单位"],
        ["（一）甲", "1.一", "办公室"],
        ["", "2.二", "办公室"],
    ]
    result = run(grid(rows))
    assert [len(t["indicators"]) for t in result.data["goals"][0]["tasks"]] == [2]
    assert any("R3C1" in n and "（一）甲" in n for n in result.notes)


def test_what_is_written_reads_back_as_the_data(tmp_path: Any) -> None:
    import yaml

    from zhengwu_cli.importer.output import _prune, checklist_yaml

    rows = [["目标", "细化指标", "责任单位"], ["一、甲", "1.做好：公开\n第二行 ", "办公室"],
            [UP, "2.#号 'quoted' “引号”", UP]]  # fmt: skip
    data = run(grid(rows)).data
    text = checklist_yaml(data, tmp_path / "x.yaml", "t.docx")
    assert yaml.safe_load(text) == _prune(data)


def test_a_checklist_the_model_refuses_is_located(tmp_path: Any) -> None:
    from zhengwu_cli.importer.output import checklist_yaml, validate
    from zhengwu_cli.load import LoadError

    rows = [["细化指标", "责任单位"], ["1.甲", "办公室"]]
    data = run(grid(rows)).data
    data["goals"][0]["tasks"][0]["indicators"][0]["number"] = 0
    text = checklist_yaml(data, tmp_path / "x.yaml", "t.docx")
    with pytest.raises(LoadError) as caught:
        validate(data, text, "x.yaml", Checklist)
    (problem,) = caught.value.problems
    line = text.splitlines()[problem.line - 1]
    assert "number: 0" in line


def test_other_tables_and_reader_notes_are_reported() -> None:
    first = grid([["细化指标", "责任单位"], ["1.甲", "办公室"]])
    first.notes.append("表1 第2行第1列 holds a table inside the cell")
    other = grid([["姓名", "电话"], ["张三", "1"]], before=["联系人"])
    result = run([first, other])
    assert "表1 第2行第1列 holds a table inside the cell" in result.notes
    assert any("not part of the task table" in n for n in result.notes)


def test_a_heading_in_the_indicator_column_and_a_task_only_row() -> None:
    rows = [
        ["主要任务", "细化指标", "责任单位"],
        ["", "一、公开政策", ""],
        ["（一）甲", "1.一", "办公室"],
        ["（二）乙", "", ""],
        [UP, "2.二", "办公室"],
    ]
    result = run(grid(rows))
    goals = result.data["goals"]
    assert [g["title"] for g in goals] == ["公开政策"]
    assert [t["title"] for t in goals[0]["tasks"]] == ["甲", "乙"]
    assert [i["text"] for t in goals[0]["tasks"] for i in t["indicators"]] == ["一", "二"]
    assert not any("无细化指标" in n for n in result.data["meta"]["notes"])
