"""The year when the title and the output's name disagree; short unit names in the draft."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from zhengwu_cli.cli import cli
from zhengwu_cli.importer.names import draft, short_forms

from .conftest import header_row, para, tbl, tc, tr, write_docx
from .test_interpret import grid, run

ROWS = [["细化指标", "责任单位"], ["1.甲", "市司法局"]]


def test_the_title_year_wins_over_the_output_name_and_the_warning_names_both() -> None:
    result = run(grid(ROWS, before=["某市2022年政务公开任务清单"]), fallback_year=2023)
    assert result.data["meta"]["year"] == 2022
    assert result.warnings == [
        "the title says 2022, the output file is named 2023.yaml: the checklist says "
        "year: 2022 (the title's); --year decides — give --year 2023 for 2023, or name the "
        "output 2022.yaml"
    ]


def test_year_decides_and_a_name_that_disagrees_with_it_is_said() -> None:
    before = ["某市2022年政务公开任务清单"]
    result = run(grid(ROWS, before=before), year=2023, fallback_year=2023)
    assert (result.data["meta"]["year"], result.warnings) == (2023, [])
    result = run(grid(ROWS, before=before), year=2024, fallback_year=2023)
    assert result.data["meta"]["year"] == 2024
    assert result.warnings == [
        "--year 2024, but the output file is named 2023.yaml: the checklist says 2024; "
        "check the file name"
    ]


def test_no_warning_when_they_agree_and_a_note_when_only_the_name_says_it() -> None:
    agreed = run(grid(ROWS, before=["某市2023年政务公开任务清单"]), fallback_year=2023)
    assert (agreed.data["meta"]["year"], agreed.warnings) == (2023, [])
    named = run(grid(ROWS, before=["政务公开任务清单"]), place="某市", fallback_year=2023)
    assert (named.data["meta"]["year"], named.warnings) == (2023, [])
    assert "the year 2023 is taken from the output file's name" in named.notes


def year_table(tmp_path: Path, title: str) -> Path:
    rows = [tr(tc("1.集中发布"), tc("市司法局"), tc("6月底前"))]
    return write_docx(
        tmp_path / "full.docx",
        [para(title), tbl(header_row(("细化指标", "责任单位", "完成时限")), *rows, width=3)],
    )


def test_importing_last_years_table_as_next_years_file_warns_first(
    chinese: None, tmp_path: Path
) -> None:
    source = year_table(tmp_path, "梅河示例市2022年政务公开任务清单")
    out = tmp_path / "imported" / "2023.yaml"
    result = CliRunner().invoke(cli, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "标题写的是2022年，输出文件名是2023.yaml：任务清单按标题写 year: 2022；以 --year 为准"
        "——要按2023年导入请加 --year 2023，否则把输出文件改名为 2022.yaml"
    )
    assert yaml.safe_load(out.read_text("utf-8"))["meta"]["year"] == 2022
    again = CliRunner().invoke(cli, ["import", str(source), "-o", str(out), "-f", "-y", "2023"])
    assert again.exit_code == 0, again.output
    assert "标题写的是" not in again.output
    assert yaml.safe_load(out.read_text("utf-8"))["meta"]["year"] == 2023


NAMES = [
    "市政府办公室", "市政府办", "市政府办公", "市政府", "市委", "市委组织部", "市委办公室",
    "市委办", "市税务局", "税务局", "梅河示例市财政局", "财政局", "公安局", "市公安局",
    "县公安局", "市委宣传部", "宣传部", "各县（市）区",
]  # fmt: skip


def test_short_forms_are_cut_inside_the_last_word_or_drop_the_place() -> None:
    assert short_forms("梅河示例市", NAMES) == {
        "市政府办": ["市政府办公室"],
        "市政府办公": ["市政府办公室"],
        "市委办": ["市委办公室"],
        "税务局": ["市税务局"],
        "财政局": ["梅河示例市财政局"],
        "公安局": ["市公安局"],
    }


def test_a_name_that_only_begins_another_is_another_unit() -> None:
    # the government is not its office, 市委 is not 市委组织部, 宣传部 may be anyone's
    assert short_forms("某市", ["市政府", "市政府办公室", "市委", "市委组织部", "宣传部",
                               "市委宣传部", "局", "市局"]) == {}  # fmt: skip


def test_the_draft_makes_a_short_form_an_alias_or_asks_which() -> None:
    names = ["市政府办公室", "市政府办", "公安局", "市公安局", "某市公安局", "市委", "市委组织部"]
    units = {u["name"]: u for u in draft("某市", names)["units"]}
    assert list(units) == ["市政府办公室", "公安局", "市公安局", "某市公安局", "市委", "市委组织部"]
    assert units["市政府办公室"]["aliases"] == ["市政府办"]
    assert "可能是市公安局或某市公安局的简称" in units["公安局"]["note"]
    assert all(units[n]["aliases"] == [] for n in ("市委", "市委组织部", "市公安局"))


def test_rows_that_write_the_short_form_reach_the_one_unit() -> None:
    rows = [
        ["细化指标", "责任单位"],
        ["1.甲", "市政府办公室牵头，市税务局配合"],
        ["2.乙", "市政府办、税务局"],
        ["3.丙", "市委、市委组织部"],
    ]
    result = run(grid(rows))
    assert result.registry is not None
    assert [u["name"] for u in result.registry["units"]] == [
        "市政府办公室", "市税务局", "市委", "市委组织部"
    ]  # fmt: skip
    assert result.units == ["市政府办公室", "市税务局", "市委", "市委组织部"]
    second = result.data["goals"][0]["tasks"][0]["indicators"][1]
    assert second["units"]["text"] == "市政府办、税务局"
    assert (
        "“市政府办” is a short form of “市政府办公室” (the table uses both): the registry "
        "draft makes it an alias of that unit; if they are two units, list both" in result.notes
    )


def test_import_of_a_word_table_gives_one_unit_for_both_spellings(
    chinese: None, tmp_path: Path
) -> None:
    rows = [
        tr(tc("1.集中发布"), tc("市政府办公室牵头，市税务局配合"), tc("6月底前")),
        tr(tc("2.动态更新"), tc("市政府办、税务局"), tc("年底前")),
        tr(tc("3.同步解读"), tc("市委组织部"), tc("年底前")),
    ]
    source = write_docx(
        tmp_path / "附件.docx",
        [para("梅河示例市2023年政务公开任务清单"),
         tbl(header_row(("细化指标", "责任单位", "完成时限")), *rows, width=3)],
    )  # fmt: skip
    out = tmp_path / "checklists" / "2023.yaml"
    result = CliRunner().invoke(cli, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "单位：共3个" in result.output.splitlines()
    assert (
        "  说明：“税务局”是“市税务局”的简称（表中两种写法都有）：单位名录草稿把它列为该单位的别名"
        "（aliases）；如果是两个单位，请在草稿中分别列出"
    ) in result.output.splitlines()
    registry = yaml.safe_load((out.parent / "2023-units.yaml").read_text("utf-8"))
    units = {u["name"]: u.get("aliases", []) for u in registry["units"]}
    assert units == {"市政府办公室": ["市政府办"], "市税务局": ["税务局"], "市委组织部": []}
    listed = CliRunner().invoke(
        cli, ["list", "-c", str(out), "--unit", "市政府办公室", "--format", "json"]
    )
    assert listed.exit_code == 0, listed.output
    assert [r["indicator"] for r in yaml.safe_load(listed.stdout)] == [1, 2]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_header_line_shows_each_headings_setting_name(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZHENGWU_LANG", lang)
    rows = [tr(tc("1.集中发布"), tc("市司法局"), tc("专人"))]
    source = write_docx(
        tmp_path / "附件.docx",
        [para("梅河示例市2023年政务公开任务清单"),
         tbl(header_row(("细化指标", "责任单位", "备注")), *rows, width=3)],
    )  # fmt: skip
    result = CliRunner().invoke(cli, ["import", str(source), "-o", str(tmp_path / "2023.yaml")])
    assert result.exit_code == 0, result.output
    assert (
        result.output.splitlines()[0]
        == {
            "en": "table: 表1; header row 1: 细化指标→indicator | 责任单位→units | 备注→?",
            "zh": "表格：表1；表头在第1行："
            "细化指标（indicator）、责任单位（units）、备注（未识别）",
        }[lang]
    )
