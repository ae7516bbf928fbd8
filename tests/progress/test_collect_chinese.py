"""collect, status and report in the default language (issue 18): what a person reads is
Chinese — the summary lines, the skipped files, the conflicts, the tables, the chase list, the
help; codes, paths, option names and the tool's name stay as they are."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from zhengwu_cli.ledger.load import load_ledger
from zhengwu_cli.ledger.status import standing
from zhengwu_cli.load import Loaded

from .helpers import SAMPLE, fill, render_sheet, run

# words a Chinese reader may meet in our output: the tool, formats, Ctrl-C
ALLOWED = {"zhengwu", "docx", "xlsx", "yaml", "json", "Ctrl", "Error"}


def english_words(text: str, allowed: set[str] = ALLOWED) -> list[str]:
    """Latin words in `text`, but option names (--update), paths and the allowed ones."""
    text = re.sub(r"--[a-z-]+|\S+\.(?:docx|yaml|xlsx)\b|\S*/\S*", " ", text)
    return [w for w in re.findall(r"[A-Za-z]{3,}", text) if w not in allowed]


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_sheet("市司法局", tmp_path_factory.mktemp("sheet") / "市司法局.docx")


def test_collect_of_a_good_and_a_bad_sheet_in_chinese(
    tmp_path: Path, blank: Path, chinese: None
) -> None:
    good = fill(blank, {1: "已完成 目录"}, tmp_path / "市司法局.docx")
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    ledger = tmp_path / "2022.yaml"
    result = run("collect", "--ledger", ledger, bad, good)
    assert result.exit_code == 0, result.output
    assert f"{bad}：已跳过：" in result.stderr
    assert f"{good}（市司法局）：" in result.stdout
    lines = result.stdout.splitlines()
    assert "待添加1条，台账中已有0条，冲突0处" in lines
    assert lines[-1] == f"已写入 {ledger}；读取1份任务单，跳过1份，见上"

    dry = run("collect", "--ledger", ledger, "--dry-run", good)
    assert dry.stdout.splitlines()[-2:] == [
        "待添加0条，台账中已有1条，冲突0处",
        "未写入任何内容（--dry-run）",
    ]

    nothing = run("collect", "--ledger", ledger, bad)
    assert nothing.exit_code == 2
    assert "错误：没有一份任务单能够读取；未收集任何内容" in nothing.stderr


def test_a_conflict_in_chinese(tmp_path: Path, blank: Path, chinese: None) -> None:
    ledger = tmp_path / "2022.yaml"
    ledger.write_bytes(SAMPLE.read_bytes())
    sheet = fill(blank, {2: "推进中 仍在梳理"}, tmp_path / "市司法局.docx")
    result = run("collect", "--ledger", ledger, sheet)
    assert result.exit_code == 0, result.output
    assert "冲突（细化指标 2 市司法局）：台账中是已完成 2022-06-28" in result.stderr
    assert "，市司法局.docx 中是推进中" in result.stderr
    assert "→ 1处冲突暂按台账原样保留；请与该单位核实，然后修改台账，或加 --update 再运行一次" in (
        result.stderr
    )
    assert result.stdout.splitlines()[-1] == "未写入任何内容"


def test_a_ctrl_c_in_chinese(tmp_path: Path, blank: Path, chinese: None) -> None:
    from zhengwu_cli.cli import ledger as command

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    sheet = fill(blank, {1: "已完成 目录"}, tmp_path / "市司法局.docx")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(command, "_show_plan", interrupted)
        result = run("collect", "--ledger", tmp_path / "2022.yaml", sheet)
    assert result.exit_code == 130
    assert "已中断（Ctrl-C）：台账未改动；没有写了一半的文件" in result.stderr


def test_status_headings_and_the_reporting_rate_in_chinese(loaded: Loaded, chinese: None) -> None:
    found = standing(
        loaded.checklist, loaded.registry, load_ledger(SAMPLE).ledger, date(2022, 7, 1)
    )
    result = run("status", "--ledger", SAMPLE, "--as-of", "2022-07-01")
    assert result.exit_code == 1  # overdue items
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[:3] == [
        "完成情况（全部单位，截至2022-07-01）",
        "共85项细化指标：已完成1项，推进中3项，未启动1项，未报送80项",
        f"报送率{found.report_rate}%：应报送{found.expected}项次，已报送{found.reported}项次；"
        f"{len(found.by_unit)}个单位中3个已报送",
    ]
    assert "按目标" in lines and "按单位" in lines
    assert "逾期未完成（3项）" in lines
    assert "未落实到任何单位（7项，没有单位会报送）：" in lines
    justice = next(line for line in lines if line.startswith("市司法局"))
    assert justice.split()[-1] == "报送2/16（12.5%）"
    office = next(line for line in lines if line.startswith("市政府办公室"))
    assert office.split()[-1] == "逾期3"
    ours = "\n".join(lines[: lines.index("未落实到任何单位（7项，没有单位会报送）：") + 1])
    assert english_words(ours) == []

    one = run("status", "--ledger", SAMPLE, "--as-of", "2022-03-01", "--unit", "市司法局")
    assert one.stdout.splitlines()[0] == "完成情况（市司法局，截至2022-03-01）"
    assert "没有逾期未完成的细化指标。" in one.stdout
    group = run("status", "--ledger", SAMPLE, "--unit", "市政府各部门")
    assert group.exit_code == 2
    said = "--unit: “市政府各部门”是单位集合，不是报送的单位；请给出其中一个单位（如"
    assert said in group.stderr


def test_status_missing_in_chinese(tmp_path: Path, chinese: None) -> None:
    result = run("status", "--ledger", SAMPLE, "--as-of", "2022-07-01", "--missing")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert re.fullmatch(
        r"未报送清单（截至2022-07-01）：23个单位，\d+项次细化指标未报送完成情况", lines[0]
    )
    assert lines[1] == "市政府办公室（未报送40项）"
    assert any(line.endswith("健全政务公开组织领导机构") and "，已逾期" in line for line in lines)
    assert english_words(result.stdout) == []

    target = tmp_path / "催报.xlsx"
    wrote = run("status", "--ledger", SAMPLE, "--as-of", "2022-07-01", "--missing", "-o", target)
    assert wrote.stdout.strip() == f"已写入 {target}"
    sheet = load_workbook(target).active
    assert sheet is not None and sheet.title == "未报送清单"
    assert [c.value for c in sheet[2]][:4] == ["单位", "序号", "细化指标", "角色"]
    late = next(row for row in sheet.iter_rows(min_row=3, values_only=True) if row[1] == "73")
    assert late[-1] == "是"
    misuse = run("status", "--ledger", SAMPLE, "-o", target)
    assert misuse.exit_code == 2 and "-o 用于写出催报清单：请加上 --missing" in misuse.stderr


@pytest.mark.parametrize(
    ("command", "said"),
    [
        ("collect", "把填好的任务单中“完成情况”一栏读入台账。"),
        ("status", "按目标、按单位的完成情况，报送率，以及逾期事项。"),
        ("report", "年度报告“六、其他需要报告的事项”中的《落实<年度>年政务公开工作要点情况》。"),
    ],
)
def test_the_help_in_chinese(command: str, said: str, chinese: None) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert said in result.stdout
    assert "示例：" in result.stdout and "Example" not in result.stdout
    assert "台账 YAML 文件" in result.stdout  # --ledger's help
    if command == "collect":
        assert "只显示将要添加的条目，不写入任何内容。" in result.stdout
