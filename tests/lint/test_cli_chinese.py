"""`zhengwu lint`, `rules` and `schema` in the default language (Chinese): the summary, the
severities, the runner's own findings, settings errors and help. Machine formats keep their keys,
codes, severities and positions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from zhengwu_cli.cli.app import cli

from .helpers import BASE, write

BROKEN = "meta:\n  place: 四平市\n  year: [2022\n"  # a flow sequence never closed
STALE = BASE.replace("{text: 6月底前}", "{text: 6月底前, waive: [{rule: ZW503, reason: 原表如此}]}")
WAIVED = BASE.replace(
    "{text: 6月底前}", "{text: '6月底前 ', waive: [{rule: ZW503, reason: 原表如此}]}"
)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_a_located_loader_error_and_the_summary(chinese: None, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    result = run("lint", "-f", "standard", str(path))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == str(path)
    assert lines[1].startswith("  4:1      错误    ZW001  ")  # the position stays line:col
    assert lines[-1] == "1个文件中有1个问题：错误1个，警告0个，提示0个"


def test_the_hint_stands_under_the_message(chinese: None, tmp_path: Path) -> None:
    """错误 is two characters but four columns wide: the message column is where it is in
    English, and the hint's arrow under it."""
    result = run("lint", "-f", "standard", str(write(tmp_path, STALE)))
    finding, hint = result.output.splitlines()[1:3]
    assert finding.startswith("  26:45    警告    ZW006  对 ZW503 的豁免在这里没有豁免任何问题")
    assert hint == " " * 26 + "→ 请删去这条豁免：它所豁免的问题已经不存在了"
    before = finding[: finding.index("对")]
    assert len(before) + 2 == 26  # 警告 takes four columns: the message starts at column 27


def test_no_problems_and_waived_in_chinese(chinese: None, tmp_path: Path) -> None:
    assert run("lint", "-f", "standard", str(write(tmp_path, BASE))).output == (
        "1个文件中没有发现问题\n"
    )
    result = run("lint", "-f", "standard", str(write(tmp_path, WAIVED)))
    assert result.exit_code == 0
    assert result.output == "1个文件中没有发现问题；另有1个已在 YAML 中豁免\n"


def test_a_waiver_naming_no_rule(chinese: None, tmp_path: Path) -> None:
    path = write(tmp_path, STALE.replace("rule: ZW503", "rule: ZW999"))
    output = run("lint", "-f", "parsable", str(path)).output
    assert output == f"{path}:26:45: [warning] 豁免写的“ZW999”不是任何一条规则 (ZW006)\n"


def test_json_keeps_its_keys_codes_and_severities(chinese: None, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    found = json.loads(run("lint", "-f", "json", str(path), str(write(tmp_path, STALE))).output)
    assert [set(item) for item in found] == [
        {"path", "line", "col", "code", "name", "severity", "message", "hint"}
    ] * 2
    assert [(i["code"], i["name"], i["severity"], i["line"], i["col"]) for i in found] == [
        ("ZW001", "yaml-syntax", "error", 4, 1),
        ("ZW006", "waiver", "warning", 26, 45),
    ]
    assert found[1]["message"].startswith("对 ZW503 的豁免")


def test_github_keeps_its_commands(chinese: None, tmp_path: Path) -> None:
    path = write(tmp_path, STALE)
    output = run("lint", "-f", "github", str(path)).output
    assert output.startswith(f"::warning file={path},line=26,col=45,title=ZW006 waiver::对 ZW503")
    assert "→ 请删去这条豁免" in output


def test_a_settings_error_in_chinese(
    chinese: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.zhengwu.lint]\nstrict = "yes"\ncolour = 1\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["lint", str(write(tmp_path, BASE))])
    assert result.exit_code == 2
    assert (
        "[tool.zhengwu.lint] 中有不认识的键 colour；可用的键：ignore、select、severity、strict"
        in (result.output)
    )
    (tmp_path / "pyproject.toml").write_text('[tool.zhengwu.lint]\nstrict = "yes"\n', "utf-8")
    result = CliRunner().invoke(cli, ["lint", str(write(tmp_path, BASE))])
    assert "[tool.zhengwu.lint] strict 应为 true 或 false" in result.output


def test_help_of_lint_rules_and_schema_in_chinese(chinese: None) -> None:
    lint_help = run("lint", "--help").output
    assert "检查任务清单的缺漏与文字问题" in lint_help
    assert "示例：\n    zhengwu lint " in lint_help and "Example" not in lint_help
    assert (
        "有警告也算不通过。" in lint_help and "跳过这些规则（代码、代码前缀或名称）。" in lint_help
    )
    rules_help = run("rules", "--help").output
    assert "列出检查规则" in rules_help and "示例：" in rules_help
    schema_help = run("schema", "--help").output
    assert (
        "JSON Schema，供编辑器校验" in schema_help and "改为打印单位名录的 Schema。" in schema_help
    )


def test_rules_say_the_severity_in_chinese(chinese: None) -> None:
    assert run("rules", "ZW503").output.startswith("ZW503 whitespace（默认级别：警告）\n")
    listed = run("rules").output.splitlines()
    assert listed[0].startswith("ZW000  unreadable                 错误       ")


def test_english_on_request(tmp_path: Path) -> None:
    """The English texts are the ones printed before (the tests pin ZHENGWU_LANG=en)."""
    result = run("lint", "-f", "standard", str(write(tmp_path, STALE)))
    assert result.output.splitlines()[1].startswith("  26:45    warning ZW006  the waiver of ZW503")
    assert result.output.splitlines()[-1] == (
        "1 problem in 1 file: 0 error(s), 1 warning(s), 0 info"
    )
