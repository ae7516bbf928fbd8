"""`zhengwu render` and `zhengwu report` in the default language: what a person reads is Chinese,
but for codes, paths, option names and the tool's name."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from zhengwu_cli.cli import cli
from zhengwu_cli.resources import templates_dir

ROOT = Path(__file__).resolve().parents[2]
CHECKLIST = ROOT / "checklists" / "2022.yaml"
LEDGER = ROOT / "tests" / "progress" / "data" / "2022.yaml"


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def render(*args: str | Path) -> Result:
    return run("render", "--checklist", CHECKLIST, *args)


def english(text: str, *paths: Path | str) -> list[str]:
    """The English words of a text, once its paths, option names, file suffixes and
    `zhengwu …` commands are taken out."""
    for path in sorted(map(str, paths), key=len, reverse=True):
        text = text.replace(path, "")
    text = re.sub(r"`zhengwu [^`]*`|zhengwu \w+|--?[a-z][\w-]*|\.docx\b", "", text)
    return re.findall(r"[A-Za-z]{2,}", text)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_units_sheet(chinese: None, here: Path) -> None:
    result = render("--unit", "市司法局")
    assert result.exit_code == 0, result.output
    assert result.stdout == "已写入 out/2022/市司法局.docx\n"
    assert result.stderr == ""


def test_an_existing_file_without_force(chinese: None, here: Path) -> None:
    assert render("--unit", "市司法局").exit_code == 0
    result = render("--unit", "市司法局")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "错误：以下1个文件已存在，没有写入任何文件：",
        "  out/2022/市司法局.docx",
        "如要覆盖请加 --force，或用 -o 另选位置",
    ]
    assert english(result.stderr, "out/2022/市司法局.docx") == []


def test_every_units_sheet(chinese: None, here: Path) -> None:
    result = render("--all", "-o", "任务单")
    assert result.exit_code == 0, result.output
    count = len(list((here / "任务单").iterdir()))
    assert count > 20
    assert result.stdout == f"已写入{count}份任务单到 任务单\n"
    warning = result.stderr.splitlines()[0]
    assert warning == "警告：7项细化指标没有落到任何单位，不在任何单位的任务单上："
    # the lines below name the rows (reach.py's words, not render's)
    assert result.stderr.splitlines()[1].startswith("  49、50、51、52、53、56、72")


def test_a_unit_skipped_by_the_filters(chinese: None, here: Path) -> None:
    result = render("--all", "--month", "6", "-o", "六月")
    assert result.exit_code == 0, result.output
    skipped = [line for line in result.stderr.splitlines() if line.startswith("已跳过")]
    assert skipped and all(line.endswith("：在这些筛选条件下没有细化指标") for line in skipped)
    assert all(english(line) == [] for line in skipped)


def test_the_whole_table(chinese: None, here: Path) -> None:
    result = render("--full")
    assert result.exit_code == 0, result.output
    assert result.stdout == "已写入 out/2022/四平市2022年政务公开工作任务清单.docx\n"
    assert "警告：7项细化指标没有落到任何单位" in result.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            [],
            "错误：请说明要生成哪份任务单：--unit 单位名称、--all 或 --full"
            "（例如 zhengwu render --unit 市司法局）",
        ),
        (["--all", "--full"], "错误：--all 与 --full 不能同时使用；请选其一"),
        (
            ["--all", "-o", "x.docx"],
            "错误：-o x.docx：多份任务单要写到文件夹，而不是一个 .docx 文件",
        ),
        (
            ["--unit", "市司法局", "--template", "无此模板.docx"],
            "错误：无此模板.docx：没有这个模板；请检查 --template 的路径",
        ),
    ],
)
def test_a_misused_command_says_what_to_do(
    chinese: None, here: Path, args: list[str], said: str
) -> None:
    result = render(*args)
    assert result.exit_code == 2
    assert result.stderr.strip() == said
    assert list(here.iterdir()) == []


def test_what_a_template_gives_that_no_sheet_takes(chinese: None, here: Path) -> None:
    template = here / "我的模板.docx"
    with (
        zipfile.ZipFile(templates_dir() / "sheet.docx") as bundled,
        zipfile.ZipFile(template, "w") as mine,
    ):
        for info in bundled.infolist():
            mine.writestr(info, bundled.read(info))
        mine.writestr("word/vbaProject.bin", b"macro")
    result = render("--unit", "市司法局", "--template", template, "-o", "单位")
    assert result.exit_code == 0, result.output
    assert f"{template}：以下内容没有带入任务单：宏（word/vbaProject.bin）" in result.stderr


def test_the_help(chinese: None) -> None:
    result = run("render", "--help")
    assert result.exit_code == 0
    out = result.stdout
    assert "生成 Word 任务单（.docx）：各单位一份，或整张表。" in out
    assert "示例：" in out and "Example" not in out
    for said in ("覆盖已存在的文件。", "按七栏版式生成整张附件表。", "印在任务单上的生成日期"):
        assert said in out


def test_the_report(chinese: None, here: Path) -> None:
    result = run("report", "-c", CHECKLIST, "--ledger", LEDGER, "--format", "md")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# 四平市落实2022年政务公开工作要点情况\n")


def test_a_report_template_with_a_misspelt_name(chinese: None, here: Path) -> None:
    (here / "_phrases.j2").write_text(
        "{% macro report_title() -%}\n标题\n{{ plcae }}\n{%- endmacro %}", encoding="utf-8"
    )
    result = run(
        "report",
        "-c",
        CHECKLIST,
        "--ledger",
        LEDGER,
        "--as-of",
        "2022-12-31",
        "--templates",
        here,
        "--format",
        "md",
    )
    assert result.exit_code == 2
    said = result.stderr.strip()
    assert said.startswith("错误：") and "_phrases.j2:3：没有名为“plcae”的值；" in said
    assert said.endswith("报告模板可以使用的名称列在 templates/report/README.md 中")
    assert english(said, here / "_phrases.j2", "templates/report/README.md", "plcae") == []
