"""Sheets a department can print and act on (issue 16): what reaches no unit, filtered sheets
that say so, inferred roles marked 待确认, merged measures, rows that keep together, widths, the
填报 block. Each test reads the written .docx back as a reader (or collect) would."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row, CT_Tc
from docx.table import Table

from zhengwu_cli.cli import cli
from zhengwu_cli.load import Loaded
from zhengwu_cli.model import Origin, Role, RoleLine, UnitRef
from zhengwu_cli.query import Filters, rows, select
from zhengwu_cli.reach import Why, unreached
from zhengwu_cli.render.docx_sheet import Renderer
from zhengwu_cli.render.template import load_texts, load_word
from zhengwu_cli.resources import templates_dir

UNREACHED_2022 = [49, 50, 51, 52, 53, 56, 72]
TEXT_EM, MARGINS = 210, 170  # the bundled 表格文字 (10.5 pt) and the table's cell margins


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def renderer(loaded: Loaded) -> Renderer:
    return Renderer(
        loaded.checklist,
        loaded.registry,
        load_word(templates_dir() / "sheet.docx"),
        load_texts(templates_dir() / "sheet.yaml"),
        date(2022, 3, 1),
    )


def sheet_of(loaded: Loaded, unit: str, **filters: object) -> WordDocument:
    chosen = select(
        rows(loaded.checklist, loaded.registry),
        Filters(units=[unit], **filters),  # type: ignore[arg-type]
        loaded.registry,
    )
    made = renderer(loaded).unit_sheet(unit, chosen)
    return Document(io.BytesIO(made.data))


def is_header(tr: CT_Row) -> bool:
    return tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None


def cant_split(tr: CT_Row) -> bool:
    return tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None


def body_rows(document: WordDocument) -> list[tuple[Table, CT_Row]]:
    """(table, tr) of every indicator row, in order."""
    return [(t, tr) for t in document.tables for tr in t._tbl.tr_lst if not is_header(tr)]


def tc_text(tc: CT_Tc) -> str:
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p")))


def vmerge(tc: CT_Tc) -> str | None:
    assert tc.tcPr is not None
    found = tc.tcPr.find(qn("w:vMerge"))
    return None if found is None else found.get(qn("w:val"), "continue")


# -- 1. indicators that reach no unit -------------------------------------------------------


def test_unreached_names_the_2022_rows_and_why(loaded: Loaded) -> None:
    found = unreached(loaded.checklist, loaded.registry)
    assert [item.number for item in found] == UNREACHED_2022
    assert all(item.reasons == (Why.no_unit,) for item in found)


def test_unreached_tells_empty_groups_and_ended_units(loaded: Loaded) -> None:
    checklist = loaded.checklist.model_copy(deep=True)
    by_number = {i.number: i for _, _, i in checklist.indicators()}
    only_group = by_number[47].units
    only_group.roles = [RoleLine(role=Role.support, units=[UnitRef(unit="市政府各相关部门")])]
    only_ended = by_number[54].units
    only_ended.roles = [RoleLine(role=Role.implement, units=[UnitRef(unit="公主岭市")])]
    found = {item.number: item for item in unreached(checklist, loaded.registry)}
    assert found[47].reasons == (Why.empty_group,) and found[47].names == ("市政府各相关部门",)
    assert found[54].reasons == (Why.ended,) and found[54].names == ("公主岭市",)
    assert 1 not in found  # 1 names 市政府办公室 itself


def test_render_all_and_full_say_which_reach_no_unit(tmp_path: Path) -> None:
    code, _, err = invoke("render", "--all", "-o", str(tmp_path / "all"))
    assert code == 0, err
    assert "7 细化指标 reach no unit" in err
    assert "49、50、51、52、53、56、72: no 责任单位" in err
    code, _, err = invoke("render", "--full", "-o", str(tmp_path / "full"))
    assert code == 0, err
    assert "49、50、51、52、53、56、72: no 责任单位" in err
    code, _, err = invoke("render", "--unit", "市审计局", "-o", str(tmp_path / "one"))
    assert code == 0 and "reach no unit" not in err  # a unit's own sheet is not the place


def test_blank_unit_cells_at_a_new_task_say_how_to_decide(loaded: Loaded) -> None:
    """Each blank 责任单位 that opens a 主要任务 carries the judgement and the one line."""
    for _, task, indicator in loaded.checklist.indicators():
        cell = indicator.units
        if task.indicators[0] is indicator and cell.origin is not Origin.stated:
            assert cell.note and "原表此格空白" in cell.note, indicator.number
            if cell.origin is Origin.missing:
                assert "改为一行：units: {origin: inferred" in cell.note, indicator.number


# -- 2. a filtered sheet says what it holds ---------------------------------------------------


@pytest.mark.parametrize(
    ("args", "scope"),
    [
        (["--month", "6"], "6月到期事项"),
        (["--overdue", "--as-of", "2022-07-01"], "截至2022年7月1日已过完成时限的事项"),
        (["--role", "共同"], "共同落实事项"),
        (["--direct", "--unit", "市审计局"], "直接列名本单位的事项"),
        (["--due-before", "2022-06-30"], "2022年6月30日前到期事项"),
        (["--month", "6", "--role", "共同"], "6月到期事项；共同落实事项"),
    ],
)
def test_filtered_sheet_says_what_it_holds(tmp_path: Path, args: list[str], scope: str) -> None:
    target = tmp_path / "x.docx"
    unit = args[-1] if "--unit" in args else "梨树县"
    if "--unit" not in args:
        args = [*args, "--unit", unit]
    code, _, err = invoke("render", *args, "-o", str(target))
    assert code == 0, err
    document = Document(str(target))
    title, note = [p.text for p in document.paragraphs if p.text][:2]
    assert title == f"四平市2022年政务公开工作任务清单（{unit}）（{scope}）"
    assert note.startswith(f"（{scope}）共")
    assert document.core_properties.title == title


def test_unfiltered_sheet_has_no_scope(tmp_path: Path) -> None:
    target = tmp_path / "x.docx"
    code, _, err = invoke("render", "--unit", "梨树县", "-o", str(target))
    assert code == 0, err
    document = Document(str(target))
    assert document.core_properties.title == "四平市2022年政务公开工作任务清单（梨树县）"
    assert document.paragraphs[1].text.startswith("共")


def test_filtered_full_table_says_so(tmp_path: Path) -> None:
    target = tmp_path / "full.docx"
    code, _, err = invoke("render", "--full", "--month", "6", "-o", str(target))
    assert code == 0, err
    title = Document(str(target)).core_properties.title
    assert title.endswith("（6月到期事项）")


# -- 3. inferred assignments ------------------------------------------------------------------


def role_cells(document: WordDocument) -> dict[int, list[str]]:
    found = {}
    for _, tr in body_rows(document):
        tcs = tr.tc_lst
        found[int(tc_text(tcs[0]))] = tc_text(tcs[2]).split("\n")
    return found


def test_inferred_roles_are_marked_and_read_as_roles(loaded: Loaded) -> None:
    cells = role_cells(sheet_of(loaded, "市政府办公室"))
    assert cells[48] == ["牵头（待确认）", "原表未填责任单位，据工作措施推断，请核实"]
    assert cells[57][0] == "牵头（待确认）"
    assert "配合（待确认）：市政数局" in cells[57]
    for lines in (cells[48], cells[57]):
        assert not any(line.count("牵头") > 1 for line in lines)  # no "牵头：信息科牵头…"
    assert role_cells(sheet_of(loaded, "市政数局"))[57][0] == "配合（待确认）"
    assert cells[1][0] == "牵头"  # a stated role is not marked


# -- 5. merged 工作措施 / 完成时限 / 可检视成果 ------------------------------------------------


def test_identical_consecutive_cells_are_merged(loaded: Loaded) -> None:
    document = sheet_of(loaded, "市审计局")
    chosen = select(
        rows(loaded.checklist, loaded.registry), Filters(units=["市审计局"]), loaded.registry
    )
    keys = {r.number: tuple(m.number for m in r.measures) for r in chosen}
    printed = 0
    merged = 0
    for table in document.tables:
        body = [tr for tr in table._tbl.tr_lst if not is_header(tr)]
        numbers = [int(tc_text(tr.tc_lst[0])) for tr in body]
        for i, tr in enumerate(body):
            state = vmerge(tr.tc_lst[3])
            same_above = i > 0 and keys[numbers[i - 1]] == keys[numbers[i]]
            assert (state == "continue") == same_above, numbers[i]
            if state == "continue":
                merged += 1
                assert tc_text(tr.tc_lst[3]) == ""
            else:
                printed += tc_text(tr.tc_lst[3]).count("）")
    assert merged > 5
    every = sum(len(r.measures) for r in chosen)
    assert printed < every / 2  # was 69 measure items printed, of which 26 distinct
    # deadlines and outcomes merge the same way: 贯穿全年 is printed once per run
    deadlines = [tc_text(tr.tc_lst[4]) for _, tr in body_rows(document)]
    assert deadlines.count("") > 3


# -- 7. rows that keep together ----------------------------------------------------------------


def test_short_rows_do_not_split_and_a_page_tall_row_may(loaded: Loaded) -> None:
    chosen = select(
        rows(loaded.checklist, loaded.registry), Filters(units=["市司法局"]), loaded.registry
    )
    firsts = list({id(r.task): r for r in reversed(chosen)}.values())[::-1][:3]
    assert len(firsts) == 3  # one row of each of three tasks: three tables
    long = firsts[-1].indicator.model_copy(update={"text": "很长的细化指标文字。" * 300})
    chosen = [*firsts[:2], replace(firsts[-1], indicator=long)]
    document = Document(io.BytesIO(renderer(loaded).unit_sheet("市司法局", chosen).data))
    assert [cant_split(tr) for _, tr in body_rows(document)] == [True, True, False]
    for table in document.tables:  # the header rows never split
        assert all(cant_split(tr) for tr in table._tbl.tr_lst[:2])


# -- 8. widths ---------------------------------------------------------------------------------


def grid(document: WordDocument) -> dict[str, int]:
    table = document.tables[0]
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    headings = [tc_text(tc) for tc in table._tbl.tr_lst[0].tc_lst]
    return dict(zip(headings, widths, strict=True))


def test_widths_hold_deadlines_on_one_line(loaded: Loaded, tmp_path: Path) -> None:
    widths = grid(sheet_of(loaded, "市审计局"))
    longest = max(
        len(d)
        for _, _, i in loaded.checklist.indicators()
        if (d := (i.deadline.text or "").strip()) and len(d) <= 5
    )
    assert longest >= 4  # 贯穿全年, 12月底前, 持续推进 …
    assert widths["完成时限"] >= 4 * TEXT_EM + MARGINS
    assert widths["序号"] >= 2 * TEXT_EM + MARGINS  # the heading 序号 on one line
    assert widths["完成情况"] >= widths["可检视成果"]
    code, _, err = invoke("render", "--full", "-o", str(tmp_path / "full.docx"))
    assert code == 0, err
    assert grid(Document(str(tmp_path / "full.docx")))["完成时限"] >= 4 * TEXT_EM + MARGINS


# -- 9. the 填报 block -------------------------------------------------------------------------


def test_sign_off_block_under_the_table(loaded: Loaded) -> None:
    document = sheet_of(loaded, "梨树县")
    body = document.element.body
    last_table = body.findall(qn("w:tbl"))[-1]
    after = [p for p in body.iterchildren(qn("w:p")) if p.getprevious() is not None]
    texts = [
        "".join(t.text or "" for t in p.iter(qn("w:t")))
        for p in after
        if list(body).index(p) > list(body).index(last_table)
    ]
    [line] = [t for t in texts if t.strip()]
    labels = ["填报单位：", "填报人：", "联系电话：", "填报日期："]
    positions = [line.index(label) for label in labels]
    assert positions == sorted(positions)
    assert line.startswith("填报单位：梨树县")


def test_sign_off_comes_from_the_text_templates(tmp_path: Path) -> None:
    word = tmp_path / "my.docx"
    word.write_bytes((templates_dir() / "sheet.docx").read_bytes())
    texts = (templates_dir() / "sheet.yaml").read_text(encoding="utf-8")
    marker = 'sign_off: "填报单位：{{ unit }}'
    assert marker in texts
    texts = texts.replace(marker, 'sign_off: "报送：{{ unit }}（{{ year }}年）"  # ')
    (tmp_path / "my.yaml").write_text(texts, encoding="utf-8")
    target = tmp_path / "x.docx"
    code, _, err = invoke("render", "--unit", "梨树县", "-t", str(word), "-o", str(target))
    assert code == 0, err
    assert "报送：梨树县（2022年）" in [p.text for p in Document(str(target)).paragraphs]


def test_unknown_placeholder_in_an_extra_key_is_an_error(tmp_path: Path) -> None:
    word = tmp_path / "my.docx"
    word.write_bytes((templates_dir() / "sheet.docx").read_bytes())
    texts = (templates_dir() / "sheet.yaml").read_text(encoding="utf-8")
    texts = texts.replace('task_row: "{{ task }}"', 'task_row: "{{ tsak }}"')
    (tmp_path / "my.yaml").write_text(texts, encoding="utf-8")
    code, out, err = invoke(
        "render", "--unit", "梨树县", "-t", str(word), "-o", str(tmp_path / "x.docx")
    )
    assert code == 2
    assert "task_row" in err + out and "tsak" in err + out and "Traceback" not in err + out
    assert not (tmp_path / "x.docx").exists()


def test_last_row_keeps_with_the_sign_off(loaded: Loaded) -> None:
    """The 填报 line never stands alone on a page: the last row keeps with it, no other row."""
    document = sheet_of(loaded, "梨树县", month=6)
    keeps = [
        any(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in tr.iter(qn("w:p")))
        for _, tr in body_rows(document)
    ]
    assert len(keeps) > 1 and keeps[-1] and not any(keeps[:-1])
