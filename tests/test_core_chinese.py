"""The core's texts in Chinese (the default language): loader errors, schema errors, the unit
look-up and the tables of `list` / `units`; and the same paths still in English on request."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from zhengwu_cli.cli import cli
from zhengwu_cli.load import LoadError, load
from zhengwu_cli.problems import Problem

from .conftest import CHECKLIST


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(LoadError) as caught:
        load(path)
    return caught.value.problems


def edit(path: Path, old: str, new: str) -> int:
    """Replace text in the copy; return the 1-based line of the replacement."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--checklist", str(CHECKLIST)])


def test_a_yaml_syntax_error_reads_in_chinese(chinese: None, checklist_copy: Path) -> None:
    edit(checklist_copy, "  title: 集中公开政策成果运用", '  title: "集中公开政策成果运用')
    [problem] = problems_of(checklist_copy)
    assert problem.code == "ZW001"
    assert problem.message == "YAML 语法错误：读取“键: 值”时，没有找到应有的键"
    assert problem.hint == "请检查本行或上一行的缩进、冒号和引号"


def test_a_tab_is_named_in_chinese(chinese: None, checklist_copy: Path) -> None:
    edit(checklist_copy, "  year: 2022", "\tyear: 2022")
    [problem] = problems_of(checklist_copy)
    assert problem.message.startswith("YAML 语法错误：")
    assert problem.hint == "YAML 用空格缩进，不能用制表符：请把制表符换成空格"


def test_a_duplicate_key_says_where_the_first_is(chinese: None, checklist_copy: Path) -> None:
    line = edit(checklist_copy, "  place: 四平市\n", "  place: 四平市\n  place: 长春市\n")
    [problem] = problems_of(checklist_copy)
    assert problem.message == f"同一层级中键“place”出现了两次（第一次在第{line}行）"
    assert problem.parsable().startswith(f"{checklist_copy}:{line + 1}:3: [error] ")


def test_a_missing_field_reads_in_chinese(chinese: None, checklist_copy: Path) -> None:
    edit(checklist_copy, "  place: 四平市\n", "")
    [problem] = problems_of(checklist_copy)
    assert problem.message == "meta.place：缺少必填字段“place”"
    assert problem.hint == "任务清单可用的字段见 `zhengwu schema`"


def test_pydantic_messages_are_translated_by_type(chinese: None, checklist_copy: Path) -> None:
    edit(checklist_copy, "  year: 2022", "  year: 二〇二二")
    edit(checklist_copy, "role: 牵头", "role: 主办")
    edit(checklist_copy, "      line: 13\n", "      line: 13\n      lines: 14\n")
    messages = [p.message for p in problems_of(checklist_copy)]
    assert "meta.year：此处应为整数，这段文字不能读作整数" in messages
    assert any(
        m.endswith(".role：此处应为'牵头'、'负责'、'配合'、'落实'、'推动'或'共同'")
        for m in messages
    )
    assert "goals[0].tasks[0].indicators[0].lines：未知字段“lines”" in messages


def test_pydantic_messages_stay_as_pydantic_says_them_in_english(checklist_copy: Path) -> None:
    edit(checklist_copy, "  year: 2022", "  year: 二〇二二")
    edit(checklist_copy, "role: 牵头", "role: 主办")
    messages = [p.message for p in problems_of(checklist_copy)]
    assert "meta.year: Input should be a valid integer, unable to parse string as an integer" in (
        messages
    )
    assert any(m.endswith("'推动' or '共同'") for m in messages)


def test_a_validator_of_the_model_speaks_chinese(chinese: None, checklist_copy: Path) -> None:
    edit(checklist_copy, "        origin: carried\n        from: 1\n", "        origin: carried\n")
    [problem] = problems_of(checklist_copy)
    assert problem.message.endswith("沿用上行的单元格要写明来自哪个细化指标：请加上 `from: N`")


def test_an_unknown_unit_with_its_did_you_mean(chinese: None) -> None:
    result = run("list", "--unit", "市司法")
    assert result.exit_code == 2
    assert result.output == (
        "错误：未知单位“市司法”；是不是指“市司法局”？（`zhengwu units` 列出全部单位）\n"
    )


def test_a_bad_date_and_nothing_matching_in_chinese(chinese: None) -> None:
    result = run("list", "--due-before", "6/30")
    assert "“6/30”不是日期；请写成“2022年6月30日”或“2022-06-30”" in result.output
    result = run("list", "--unit", "市司法局", "--grep", "没有这段文字")
    assert result.output == "没有相符的细化指标（单位“市司法局”；文字“没有这段文字”）。\n"


def test_the_units_table_is_headed_in_chinese(
    chinese: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    result = run("units", "--format", "table")
    assert result.exit_code == 0
    head = result.output.splitlines()[1].split()
    assert head[:4] == ["单位", "类别", "别名", "所属集合"]
    assert "数字：本行直接列明的细化指标数 + 经所属集合承担的数" in result.output
    assert [w for w in result.output.split() if w in ("集合", "成员")][:2] == ["集合", "成员"]


def test_the_units_table_is_headed_in_english_on_request(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    result = run("units", "--format", "table")
    assert result.output.splitlines()[1].split()[:4] == ["Unit", "Kind", "Aliases", "Groups"]


def test_the_list_table_counts_in_chinese(chinese: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    result = run("list", "--unit", "市司法局", "--direct", "--format", "table")
    assert "序号" in result.output and "角色" in result.output
    assert result.output.rstrip().endswith("10项细化指标")


def test_list_help_and_its_options_read_in_chinese(chinese: None) -> None:
    result = CliRunner().invoke(cli, ["list", "--help"])
    assert "列出符合全部筛选条件（同时满足）的细化指标。" in result.output
    assert "单位或集合（规范名称、简称或别名）" in result.output
    assert "文件已存在时覆盖。" in result.output
    assert "示例：" in result.output
