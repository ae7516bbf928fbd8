"""docs/import.md's worked example is what `zhengwu import` prints for that table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhengwu_cli.cli import cli

from .conftest import para, tbl, tc, tr, write_docx

DOC = Path(__file__).parents[2] / "docs" / "import.md"
HEADINGS = ("序号", "重点任务", "具体要求", "牵头单位", "配合单位", "完成时限")


def example(path: Path, title: str = "通化示例市2023年政务公开工作要点任务分工") -> Path:
    """附件1.docx as docs/import.md describes it."""

    def header() -> str:
        return tr(*(tc(h) for h in HEADINGS), header=True)

    rows = [
        header(),
        tr(tc("一、以公开助力经济发展", span=6)),
        tr(tc("1"), tc("（一）公开惠企政策", vmerge="restart"), tc("集中公开惠企政策　"),
           tc("市发改委", vmerge="restart"), tc("市财政局、市税务局"), tc("6月底前")),
        tr(tc("2"), tc(vmerge="continue"), tc("动态更新政策库"), tc(vmerge="continue"),
           tc("税务局"), tc("年底前")),
        header(),
        tr(tc("二、以公开促进服务", span=6)),
        tr(tc("1"), tc("（二）公开办事指南"), tc("更新办事指南"), tc("市政府办公室"),
           tc("市政府办"), tc("9月底前")),
        tr(tc("2"), tc("（三）公开服务评价"), tc("公开好差评"), tc("市政数局"),
           tc("各县（市、区）政府"), tc("每季度")),
    ]  # fmt: skip
    return write_docx(path, [para("附件1"), para(title), tbl(*rows, width=6)])


def block_after(text: str, words: str) -> str:
    found = re.search(re.escape(words) + r".*?\n```[a-z]*\n(.*?)```", text, re.S)
    assert found is not None, words
    return found.group(1)


def test_the_worked_example_prints_what_the_document_shows(
    chinese: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    example(tmp_path / "附件1.docx")
    result = CliRunner().invoke(
        cli, ["import", "附件1.docx", "-o", "checklists/2023.yaml", "--review", "核对.xlsx"]
    )
    assert result.exit_code == 0, result.output
    text = DOC.read_text("utf-8")
    assert result.output == block_after(text, "显示导入时发现的情况")
    written = (tmp_path / "checklists" / "2023.yaml").read_text("utf-8")
    assert block_after(text, "的开头是") in written
    example(tmp_path / "2022.docx", "通化示例市2022年政务公开工作要点任务分工")
    other = CliRunner().invoke(cli, ["import", "2022.docx", "-o", "2023.yaml", "--dry-run"])
    assert other.output.splitlines()[0] + "\n" == block_after(text, "怎么办")
