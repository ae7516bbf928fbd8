"""The rules in the default language: `zhengwu rules` and the findings of `zhengwu lint`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhengwu_cli.cli.app import cli
from zhengwu_cli.lint.rules import RULES

from .helpers import BASE, write

# a small checklist with six mistakes, one per rule
BAD = (
    BASE.replace("  - number: 一\n    title: 规范", "  - number: 二\n    title: 规范")  # ZW101
    .replace("units: [市司法局]", "units: [市司发局]")  # ZW301 (and ZW308)
    .replace("在专栏中集中公开", "在专栏中集中公开;")  # ZW504
    .replace("6月底前", "2021年6月30日前")  # ZW402
    .replace("{text: 专栏页面}", "{text: '专栏页面 '}")  # ZW503
)


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.output


def test_rules_lists_every_rule_in_chinese(chinese: None) -> None:
    listed = _run("rules").splitlines()
    assert [line[:5] for line in listed] == list(RULES)
    by_code = {line[:5]: line for line in listed}
    assert by_code["ZW503"][43:] == "文字开头或末尾有空白（文字中某一行的末尾也算）。"
    assert any(
        line.startswith("ZW101  numbering-gap")
        and line.endswith("编号跳过了一个：目标、主要任务、细化指标或工作措施的编号中间缺号。")
        for line in listed
    )
    # the summary of a lint rule is Chinese: no English word but field names and formats
    allowed = {"YAML", "carried", "from", "text", "meta", "columns", "roles", "Windows", "python"}
    allowed |= {"Word", "Excel", "docx", "waive", "zhengwu"}
    for line in listed:
        if RULES[line[:5]].kind == "lint":
            assert set(re.findall(r"[A-Za-z]{4,}", line[43:])) <= allowed, line


def test_rules_explains_a_rule_in_chinese(chinese: None) -> None:
    output = _run("rules", "ZW503")
    assert "文字开头或末尾有空白（文字中某一行的末尾也算）。" in output
    assert "原因：从 Word 单元格复制来的空格在表格中看不见" in output
    # the examples are data: kept as they are, under 通过 / 不通过
    assert (
        "通过：\n    deadline: {text: 贯穿全年}\n不通过：\n    deadline: {text: '贯穿全年 '}"
        in output
    )
    assert "Why:" not in output and "PASS:" not in output and "FAIL:" not in output


def test_rules_explains_with_translated_comments_in_the_examples(chinese: None) -> None:
    output = _run("rules", "ZW301")
    assert "    units: [市司发局]        # 是否指市司法局？" in output


def test_unknown_rule_in_chinese(chinese: None) -> None:
    result = CliRunner().invoke(cli, ["rules", "ZW9"])
    assert result.exit_code == 2
    assert "没有规则“ZW9”；已有的规则：ZW000、ZW001" in result.output
    assert "（`zhengwu rules` 可列出全部规则）" in result.output


def test_lint_messages_and_hints_in_chinese(chinese: None, tmp_path: Path) -> None:
    path = write(tmp_path, BAD)
    output = _run("lint", str(path))
    for text in [
        "ZW101  主要任务编号从（二）开始：缺少（一）",
        "→ 请重新编号；如果原表确实如此，保留原表编号，并注明原因豁免此问题",
        "ZW301  单位“市司发局”不在单位名录 siping-units.yaml 中",
        "ZW308  第1项细化指标：责任单位的文字读作“牵头：市司法局”，"
        "而 `roles` 写的是“牵头：市司发局”",
        "ZW504  中文“在专栏中集中公开;”处用了半角“;”",
        "→ 请改用全角的“；”",
        "ZW402  “2021年6月30日”超出了2022年的计划年度及其年度报告期（2022-01-01至2023-03-31）",
        "→ 请检查年份：这份任务清单是2022年的",
        "ZW503  '专栏页面 '末尾有空白",
        "→ 请删去这些空格",
    ]:
        assert text in output, (text, output)


def test_lint_parsable_keeps_codes_and_severities(chinese: None, tmp_path: Path) -> None:
    path = write(tmp_path, BAD)
    output = _run("lint", "-f", "parsable", "--select", "ZW503", str(path))
    assert output == f"{path}:27:23: [warning] '专栏页面 '末尾有空白 (ZW503)\n"


def test_more_messages_in_chinese(chinese: None, tmp_path: Path) -> None:
    text = (
        BASE.replace("      deadline: {text: 6月底前}\n", "")  # ZW202
        .replace("在专栏中集中公开", "在《专栏中集中公开 纳入台帐和台账")  # ZW505, ZW507
        .replace("units: [市司法局]", "units: [市政府办]")  # ZW302
    )
    path = write(tmp_path, text)
    output = _run("lint", "-f", "parsable", str(path))
    assert "第1项细化指标没有完成时限 (ZW202)" in output
    assert "“市政府办”是" in output and "的别名 (ZW302)" in output
    assert "“《”没有闭合 (ZW505)" in output
    assert (
        "同一份文件中一个词有两种写法：“台账”1处（第一次在第25行），“台帐”1处（第一次在第25行）"
        in output
    )


def _examples(doc: str, passed: str, failed: str) -> list[str]:
    """The example lines after PASS/FAIL, without their comments and descriptions (translated:
    “# did you mean 市司法局?”, “(a file saved as UTF-8)”)."""
    assert f"\n{failed}\n" in doc
    block = doc[doc.index(f"\n{passed}\n") :]
    lines = [line.split("  #")[0].rstrip() for line in block.splitlines()]
    return [
        line
        for line in lines
        if line.startswith("    ") and not line.strip().startswith(("#", "(", "（"))
    ]


@pytest.mark.parametrize("code", [c for c, r in RULES.items() if r.kind == "lint"])
def test_every_explanation_is_chinese_with_its_examples_kept(
    chinese: None, monkeypatch: pytest.MonkeyPatch, code: str
) -> None:
    rule = RULES[code]
    doc = rule.doc
    assert "原因：" in doc and "\n通过：\n" in doc and "\n不通过：\n" in doc, code
    assert "Why:" not in doc and "PASS:" not in doc and "FAIL:" not in doc, code
    chinese_examples = _examples(doc, "通过：", "不通过：")
    monkeypatch.setenv("ZHENGWU_LANG", "en")
    english = rule.doc
    assert english == rule.source
    # the YAML and commands of the examples are data: the same in both languages
    assert chinese_examples == _examples(english, "PASS:", "FAIL:"), code
