"""What a unit changed in its sheet is reported, and nothing it wrote is lost (issue 13 items
4, 5, 6, 8; issue 16 item 9): split tables, rows deleted/added/renumbered/edited/duplicated,
rows it has no role in, the 填报 block, the raw text and the day of collection."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from zhengwu_cli.ledger.collect import SheetError
from zhengwu_cli.ledger.load import load_ledger
from zhengwu_cli.ledger.model import Status

from .collect_kit import TODAY, Edit, loaded, messages, read
from .helpers import render_sheet, run


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_sheet("市司法局", tmp_path_factory.mktemp("sheet") / "市司法局.docx")


@pytest.mark.parametrize("repeat_header", [False, True])
def test_every_part_of_a_split_table_is_read(
    blank: Path, tmp_path: Path, repeat_header: bool
) -> None:
    cells = {n: f"已完成 2022年6月{n}日 成果{n}" for n in (1, 2, 3, 9, 10, 16, 24)}
    sheet = read(
        Edit(blank).fill(cells).split_before(9, repeat_header).save(tmp_path / "市司法局.docx")
    )
    assert [e.indicator for e in sheet.entries] == [1, 2, 3, 9, 10, 16, 24]
    assert sheet.summary == "17 rows: 7 filled, 10 empty"
    assert sheet.rows == 17
    assert not sheet.warnings


def test_rows_deleted_added_renumbered_edited_and_duplicated_are_each_reported(
    blank: Path, tmp_path: Path
) -> None:
    edit = Edit(blank).fill({1: "已完成 目录", 2: "推进中 梳理中", 4: "未启动"})
    text_of_6 = edit.row(6).cells[edit.indicator_col].text
    edit.delete(3)
    edit.add_after(5, {edit.indicator_col: "本单位自行增加：普法宣传", edit.status_col: "已完成"})
    # 序号 7's row now carries indicator 6's text (the rows were renumbered by hand) …
    edit.delete(6)
    edit.set_cell(7, edit.indicator_col, text_of_6).fill({7: "已完成 6月30日 解读"})
    # … 序号 8's text was reworded, and 序号 10 is there twice, with two different answers
    edit.set_cell(8, edit.indicator_col, "改写过的指标文字").fill({8: "推进中"})
    edit.fill({10: "已完成 第一次"}).add_after(
        10, {edit.number_col: "10", edit.status_col: "推进中"}
    )
    sheet = read(edit.save(tmp_path / "市司法局.docx"))

    by_number = {e.indicator: e for e in sheet.entries}
    assert sorted(by_number) == [1, 2, 4, 6, 8, 10]  # 序号 7's answer is collected for 6
    assert by_number[6].evidence == "解读"
    assert by_number[10].evidence == "第一次"
    (deleted,) = messages(sheet, "ZW615")
    assert "2 of 市司法局's rows are not in the sheet (deleted): 序号 3, 7" in deleted
    (added,) = messages(sheet, "ZW614")
    assert "本单位自行增加：普法宣传" in added and "已完成" in added  # every word, for the office
    (renumbered,) = messages(sheet, "ZW616")
    assert "序号 7 holds the 细化指标 text of indicator 6; collected for 6" in renumbered
    (edited,) = messages(sheet, "ZW617")
    assert "序号 8" in edited and "改写过的指标文字" in edited
    (duplicate,) = messages(sheet, "ZW618")
    assert "序号 10 appears again" in duplicate and "“推进中” was not collected" in duplicate
    assert sheet.summary == (
        "17 rows: 6 filled, 9 empty, 2 deleted, 1 added (not collected, see the warnings), "
        "1 duplicated, 1 renumbered, 1 with the 细化指标 text edited"
    )


def test_a_heading_row_is_no_added_row_but_a_note_row_is(blank: Path, tmp_path: Path) -> None:
    loaded_ = loaded()
    task = loaded_.checklist.indicator(9)[1]
    edit = Edit(blank).fill({9: "推进中"})
    text_2 = edit.row(2).cells[edit.indicator_col].text
    edit.set_cell(2, edit.indicator_col, f"{text_2}（待确认）")
    edit.full_row_after(12, "说明：本单位今年另行印发了政务公开工作方案")
    edit.full_row_after(8, f"{task.heading}（续）")
    sheet = read(edit.save(tmp_path / "市司法局.docx"))
    (added,) = messages(sheet, "ZW614")
    assert "说明：本单位今年另行印发了政务公开工作方案" in added
    assert not messages(sheet, "ZW617")
    assert sheet.summary == "18 rows: 1 filled, 16 empty, 1 added (not collected, see the warnings)"


def test_the_collect_command_prints_the_summary_and_the_added_row(
    blank: Path, tmp_path: Path
) -> None:
    edit = Edit(blank).fill({1: "已完成 目录"}).delete(5)
    edit.add_after(1, {edit.status_col: "另报：本单位还开展了普法讲座3场"})
    sheet = edit.save(tmp_path / "市司法局.docx")
    result = run("collect", "--ledger", tmp_path / "2022.yaml", sheet)
    assert result.exit_code == 0, result.output
    assert (
        f"{sheet}: 市司法局: 17 rows: 1 filled, 15 empty, 1 deleted, "
        "1 added (not collected, see the warnings)" in result.stdout
    )
    assert "另报：本单位还开展了普法讲座3场" in result.stderr
    assert "(ZW614)" in result.stderr and "(ZW615)" in result.stderr


def test_every_entry_keeps_the_text_as_written_and_the_day_it_was_collected(
    blank: Path, tmp_path: Path
) -> None:
    written = "  完成率60%，剩余部分\n年底前完成\t（见附件）\u3000"
    sheet = Edit(blank).fill({1: written, 2: "6月已完成，见专栏"}).save(tmp_path / "市司法局.docx")
    ledger = tmp_path / "2022.yaml"
    result = run("collect", "--ledger", ledger, sheet)
    assert result.exit_code == 0, result.output
    first, second = load_ledger(ledger).ledger.entries
    assert first.text == written  # verbatim, blanks and line breaks included
    assert (first.status, first.notes) == (Status.in_progress, written.strip())
    assert (second.text, second.status, second.date) == (
        "6月已完成，见专栏",
        Status.done,
        date(2022, 6, 30),
    )
    assert first.collected == second.collected == date.today()
    assert "&id" not in ledger.read_text(encoding="utf-8")  # no YAML anchors for a person to meet
    assert read(sheet, today=date(2022, 7, 1)).entries[0].collected == date(2022, 7, 1)


def test_a_cell_not_understood_is_a_warning_naming_file_row_and_text(
    blank: Path, tmp_path: Path
) -> None:
    sheet = read(Edit(blank).fill({4: "材料已报市政府办"}).save(tmp_path / "市司法局.docx"))
    (warning,) = [w for w in sheet.warnings if w.code == "ZW612"]
    assert warning.path.endswith("市司法局.docx")
    edit = Edit(blank)  # the row counted through every table of the sheet, in order
    rows = [tr for table in edit.tables for tr in table._tbl.tr_lst]
    assert warning.line == rows.index(edit.row(4)._tr) + 1
    assert "序号 4" in warning.message and "“材料已报市政府办”" in warning.message
    assert sheet.entries[0].text == "材料已报市政府办"


def test_a_row_the_unit_has_no_role_in_is_collected_with_a_warning(tmp_path: Path) -> None:
    audit = render_sheet("市审计局", tmp_path / "blank" / "市审计局.docx")
    edit = Edit(audit)
    first = edit.numbers()[0]
    # a row of another unit's (an indicator 市审计局 holds no role in) typed into its sheet
    outside = min(
        {i.number for _, _, i in loaded().checklist.indicators()} - set(loaded_rows("市审计局"))
    )
    edit.add_after(first, {edit.number_col: str(outside), edit.status_col: "已完成 目录"})
    edit.fill({first: "推进中"})
    sheet = read(edit.save(tmp_path / "市审计局.docx"))
    assert sorted(e.indicator for e in sheet.entries) == sorted([first, outside])
    (warning,) = messages(sheet, "ZW619")
    assert f"序号 {outside}: 市审计局 has no role in this indicator" in warning
    assert "1 without a role" in sheet.summary


def loaded_rows(unit: str) -> list[int]:
    from zhengwu_cli.ledger.sheet_read import index_for

    found = loaded()
    return index_for(found.checklist, found.registry).unit_rows(unit)


def test_a_group_is_not_a_unit_that_reports(blank: Path, tmp_path: Path) -> None:
    sheet = Edit(blank).title("四平市2022年政务公开工作任务清单（市政府各部门）")
    path = sheet.fill({1: "已完成"}).save(tmp_path / "各部门.docx")
    with pytest.raises(
        SheetError, match=r"“市政府各部门” is a group of .* not a unit that reports"
    ):
        read(path)
    result = run("collect", "--ledger", tmp_path / "2022.yaml", "--unit", "市政府各部门", blank)
    assert result.exit_code == 2
    assert "is a group of" in result.stderr


def test_unit_given_that_disagrees_with_the_title_is_a_warning(blank: Path, tmp_path: Path) -> None:
    path = Edit(blank).fill({1: "已完成"}).save(tmp_path / "x.docx")
    sheet = read(path, unit="市审计局")
    assert sheet.unit == "市审计局"
    warnings = messages(sheet, "ZW620")  # the title, and the 填报单位 the sheet pre-fills
    assert any("--unit 市审计局, but the sheet's title names 市司法局" in w for w in warnings)
    assert any("the 填报单位 is 市司法局" in w for w in warnings)


@pytest.mark.parametrize("as_table", [False, True])
def test_the_fill_block_gives_who_reported_and_the_date(
    blank: Path, tmp_path: Path, as_table: bool
) -> None:
    block = {
        "填报单位": "市司法局",
        "填报人": "张三",
        "联系电话": "0434-3221234",
        "填报日期": "2022年7月8日",
    }
    edit = Edit(blank).fill({1: "已完成 2022年5月20日 目录", 2: "推进中 梳理中"})
    sheet = read(edit.fill_block(block, as_table).save(tmp_path / "市司法局.docx"))
    assert sheet.reported_by == "张三（0434-3221234）"
    assert sheet.reported_on == date(2022, 7, 8)
    first, second = sheet.entries
    assert first.date == date(2022, 5, 20)  # the cell's own date stands
    assert second.date == date(2022, 7, 8)  # none in the cell: the 填报日期
    assert {e.reported_by for e in sheet.entries} == {"张三（0434-3221234）"}
    assert not sheet.warnings  # the block is not a table "not read" nor rows "added"


def test_a_fill_block_date_not_understood_is_a_warning(blank: Path, tmp_path: Path) -> None:
    edit = Edit(blank).fill({1: "推进中"}).fill_block({"填报人": "李四", "填报日期": "近日"})
    sheet = read(edit.save(tmp_path / "市司法局.docx"))
    assert sheet.entries[0].date is None
    assert any("填报日期 “近日” is not a date" in m for m in messages(sheet, "ZW613"))


def test_the_unit_comes_from_the_fill_block_when_title_and_name_say_nothing(
    blank: Path, tmp_path: Path
) -> None:
    edit = Edit(blank).title("任务单").fill({1: "已完成"}).fill_block({"填报单位": "市司法局"})
    sheet = read(edit.save(tmp_path / "回执.docx"))
    assert sheet.unit == "市司法局"


def test_today_is_the_default_day_of_collection(blank: Path, tmp_path: Path) -> None:
    path = Edit(blank).fill({1: "已完成"}).save(tmp_path / "市司法局.docx")
    assert read(path, today=TODAY).entries[0].collected == TODAY


def test_one_answer_merged_over_two_rows_is_read_for_both(blank: Path, tmp_path: Path) -> None:
    edit = Edit(blank)
    top = edit.row(4).cells[edit.status_col]  # 4 and 5: one 主要任务, so one table
    top.merge(edit.row(5).cells[edit.status_col]).text = "已完成 2022年6月30日 两项合并报送"
    sheet = read(edit.save(tmp_path / "市司法局.docx"))
    assert [(e.indicator, e.evidence) for e in sheet.entries] == [
        (4, "两项合并报送"),
        (5, "两项合并报送"),
    ]
    (merged,) = messages(sheet, "ZW624")
    assert "序号 5: its 完成情况 is one cell merged down from the row above (row" in merged
    assert "序号 4)" in merged


@pytest.mark.parametrize("qualified_title", [False, True])
def test_a_filtered_sheet_counts_deletions_against_its_own_count(
    tmp_path: Path, qualified_title: bool
) -> None:
    result = run("render", "--unit", "梨树县", "--month", "6", "-o", tmp_path / "梨树县.docx")
    assert result.exit_code == 0, result.output
    edit = Edit(tmp_path / "梨树县.docx")
    numbers = edit.numbers()
    assert len(numbers) >= 2 and len(numbers) < len(loaded_rows("梨树县"))
    if qualified_title:
        edit.title("四平市2022年政务公开工作任务清单（梨树县）（6月到期事项）")
    sheet = read(edit.delete(numbers[-1]).save(tmp_path / "回执" / "梨树县.docx"))
    (deleted,) = messages(sheet, "ZW615")
    assert f"the sheet says 共{len(numbers)}项 but holds {len(numbers) - 1} rows: 1 deleted" in (
        deleted
    )
    assert "1 deleted" in sheet.summary
