"""What the ledger part says, in Chinese (the default language): the warnings about a returned
sheet and its summary line, the ledger findings of `zhengwu lint`, the lock, the package limits
and the codes' meanings."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhengwu_cli.ledger import LedgerError
from zhengwu_cli.ledger.check import check_ledger
from zhengwu_cli.ledger.codes import meaning
from zhengwu_cli.ledger.collect import SheetError
from zhengwu_cli.ledger.load import load_ledger
from zhengwu_cli.ledger.store import Outcome, locked, merge_into
from zhengwu_cli.load import Loaded

from .collect_kit import Edit, messages, read, rezip
from .helpers import SAMPLE, render_sheet, run


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_sheet("市司法局", tmp_path_factory.mktemp("sheet") / "市司法局.docx")


def _returned(blank: Path, target: Path) -> Path:
    """市司法局's sheet with row 3 deleted and a 完成情况 that says no status (row 4)."""
    return Edit(blank).fill({1: "已完成 目录", 4: "情况见附件"}).delete(3).save(target)


def test_a_returned_sheet_is_described_in_chinese(
    chinese: None, blank: Path, tmp_path: Path
) -> None:
    sheet = read(_returned(blank, tmp_path / "市司法局.docx"))
    (deleted,) = messages(sheet, "ZW615")
    assert deleted == "“市司法局”有1行不在任务单中（已删除）：序号3；这些行没有收录任何内容"
    (hint,) = [w.hint for w in sheet.warnings if w.code == "ZW615"]
    assert hint == "请该单位就这些行填报（重新发送任务单：zhengwu render --unit）"
    (unread,) = messages(sheet, "ZW612")
    assert unread == "序号4：完成情况“情况见附件”无法识别；已记为推进中，原文作为备注"
    (hint,) = [w.hint for w in sheet.warnings if w.code == "ZW612"]
    assert hint == "完成情况一格请以已完成、推进中、未启动或不适用开头"
    assert sheet.summary == "共16行，已填2行，空14行，删除1行"
    # the status words are data: the entry says 推进中 in every language
    assert [e.status.value for e in sheet.entries] == ["已完成", "推进中"]


def test_zhengwu_collect_prints_the_warnings_and_the_summary_in_chinese(
    chinese: None, blank: Path, tmp_path: Path
) -> None:
    sheet = _returned(blank, tmp_path / "市司法局.docx")
    result = run("collect", "--ledger", tmp_path / "2022.yaml", sheet)
    assert result.exit_code == 0, result.output
    # the summary line (its `path: unit:` lead belongs to the command)
    assert "市司法局" in result.stdout and "共16行，已填2行，空14行，删除1行" in result.stdout
    assert "“市司法局”有1行不在任务单中（已删除）：序号3" in result.stderr
    assert "完成情况“情况见附件”无法识别；已记为推进中" in result.stderr
    assert "ZW612" in result.stderr and "ZW615" in result.stderr


def test_every_part_of_the_summary_reads_in_chinese(
    chinese: None, blank: Path, tmp_path: Path
) -> None:
    edit = Edit(blank).fill({1: "已完成 目录", 2: "推进中"})
    edit.add_after(2, {edit.indicator_col: "本单位自行增加", edit.status_col: "已完成"})
    edit.add_after(2, {edit.number_col: "999", edit.status_col: "已完成"})
    edit.fill({5: "已完成 第一次"}).add_after(5, {edit.number_col: "5", edit.status_col: "推进中"})
    sheet = read(edit.save(tmp_path / "市司法局.docx"))
    assert sheet.summary == (
        "共20行，已填3行，空14行，新增1行（未收录，见警告），序号不明1行（未收录，见警告），重复1行"
    )
    (unknown,) = messages(sheet, "ZW611")
    assert unknown == ("序号999不是任务清单中的细化指标；此行未收录，其完成情况“已完成”也未收录")
    (added,) = messages(sheet, "ZW614")
    assert added.startswith("有一行没有序号（单位自行增加的？），未收录；原文供办公室核对：")
    assert "细化指标：“本单位自行增加”；完成情况：“已完成”" in added
    (again,) = messages(sheet, "ZW618")
    assert again.startswith("序号5再次出现（首次在第")


def test_a_ledger_with_a_bad_entry_gives_chinese_findings_in_lint(
    chinese: None, tmp_path: Path
) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace("- indicator: 4\n", "- indicator: 400\n", 1)
    text += "- indicator: 3\n  status: 已完成\n  date: 2022-06-01\n"
    path = tmp_path / "2022.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("lint", str(path))
    assert result.exit_code == 1
    for said in (
        "任务清单中没有序号400的细化指标（序号为1–85）",  # ZW601 and its hint
        "请对照 `zhengwu list` 核对序号",
        "序号3的细化指标已完成，但没有可检视成果（evidence）",  # ZW606 and its hint
        "请补充 `evidence:`——链接，或写明产出了什么可检视成果",
    ):
        assert said in result.output
    parsable = run("lint", "--format", "parsable", str(path)).output
    assert ": [error] 任务清单中没有序号400的细化指标（序号为1–85） (ZW601)" in parsable


def test_a_ledger_of_another_year_is_refused_in_chinese(
    chinese: None, tmp_path: Path, loaded: Loaded
) -> None:
    path = tmp_path / "2021.yaml"
    path.write_text(SAMPLE.read_text(encoding="utf-8").replace("year: 2022", "year: 2021"), "utf-8")
    found = load_ledger(path)
    (problem,) = check_ledger(found.ledger, found.positions, loaded.checklist, loaded.registry)
    assert (problem.code, problem.message) == ("ZW607", "台账是2021年的，任务清单是2022年的")
    assert problem.hint == "请用 --ledger 给出同一年的台账"
    # collect, under the ledger's lock, reads it again before it appends
    with pytest.raises(LedgerError) as error:
        merge_into(Outcome(path), [], loaded.registry, place="四平市", year=2022)
    assert str(error.value) == (
        f"{path}：台账是2021年的，任务清单是2022年的；请给出相符的 --ledger 或 --checklist"
    )


def test_a_ledger_held_by_another_collect_says_so_in_chinese(chinese: None, tmp_path: Path) -> None:
    ledger = tmp_path / "2022.yaml"
    ledger.write_text("year: 2022\n", encoding="utf-8")
    with locked(ledger), pytest.raises(LedgerError) as error, locked(ledger, wait=0.1):
        pass
    assert str(error.value).startswith(
        f"{ledger}：另一个 zhengwu collect 正在写这个台账，已超过0.1秒"
    )
    assert "没有写入任何内容——请等它结束后再运行，或用 --wait 给出更长的等待秒数" in str(
        error.value
    )


def test_a_hostile_sheet_is_refused_in_chinese(chinese: None, blank: Path, tmp_path: Path) -> None:
    def doctype(name: str, data: bytes) -> bytes:
        if name != "word/document.xml":
            return data
        return data.replace(b"?>", b'?><!DOCTYPE w:document [<!ENTITY a "x">]>', 1)

    with pytest.raises(SheetError) as error:
        read(rezip(blank, tmp_path / "x.docx", doctype))
    assert str(error.value) == (
        "word/document.xml声明了 DOCTYPE 或实体，Word 从不写这些内容；文件带有恶意内容或已损坏"
        "——请该单位把任务单重新另存为 .docx"
    )
    (tmp_path / "not.docx").write_bytes(b"plain text")
    with pytest.raises(SheetError, match=r"^不是 Word \.docx 文件（已损坏，或是 \.doc、\.wps 等"):
        read(tmp_path / "not.docx")


def test_the_meaning_of_a_code_is_translated_where_it_is_shown(
    chinese: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert meaning("ZW612") == "完成情况无法识别；记为推进中，原文作为备注"
    assert meaning("ZW606") == "已完成但没有可检视成果（evidence）"
    monkeypatch.setenv("ZHENGWU_LANG", "en")
    assert (
        meaning("ZW612") == "完成情况 is not understood; recorded as 推进中 with the text as a note"
    )
    with pytest.raises(KeyError):
        meaning("ZW301")  # a checklist rule: its meaning is its module's docstring
