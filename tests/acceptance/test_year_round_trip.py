"""Issue 13's 'done when', as a user runs it: six units' sheets come back — two as .doc, one with
a row deleted, one with a row added, one split in two tables, several in everyday phrasing — and

- the ledger keeps every word the liaisons wrote;
- a second `collect --update` adds nothing;
- status and the report count an indicator done for the city only when every unit it reaches has
  said 已完成 or 不适用 (worked out here from `zhengwu list --unit`, not from zhengwu's status);
- the units that have not reported are listed, and the report reads as a section of 六、.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from zhengwu_cli.cli import cli

from ..progress.collect_kit import Edit
from .sheets import as_doc

ROOT = Path(__file__).resolve().parents[2]
CHECKLIST = ROOT / "checklists" / "2022.yaml"
REGISTRY = ROOT / "checklists" / "siping-units.yaml"
AS_OF = "2022-12-31"

# what each unit's liaison typed into 完成情况, by 序号
FILLED: dict[str, dict[int, str]] = {
    "市政府办公室": {
        1: "完成",
        2: "推进中 正在梳理废止目录",
        48: "已完成 2022年6月30日 已发布信息发布计划",
        57: "6月已完成，见专栏",
    },
    "市政数局": {
        54: "完成率60%",
        55: "推进中 2022年9月30日前完成",
        57: "已于2022.6.28完成",
        58: "已完成80%，剩余部分年底前完成",
    },
    "市审计局": {
        25: "已完成 2022年5月20日 审计结果公告已发布 http://www.siping.gov.cn/sj/1.html",
        26: "不适用",
    },
    "梨树县": {25: "已完成 2022年6月1日 已转载", 62: "已完成 2022年6月30日 专栏已上线"},
    "铁西区": {
        25: "已完成 2022年6月10日 已转载",
        61: "已完成 2022年6月30日 专题栏目已开设",
        62: "已完成\n2022年6月30日\n标准目录已分类展示",
    },
    "市司法局": {1: "已完成 2022年6月30日 已集中发布"},
}
ADDED_ROW = ("补充：开展规范性文件清理专项培训", "已完成 培训2次")
DELETED = ("梨树县", 61)


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder as an office keeps it: checklists/, the sheets sent back in returned/."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) not installed")
    root = tmp_path_factory.mktemp("year")
    (root / "checklists").mkdir()
    for source in (CHECKLIST, REGISTRY):
        shutil.copy(source, root / "checklists" / source.name)
    blank, returned = root / "blank", root / "returned"
    for unit, cells in FILLED.items():
        result = run("render", "-c", root / "checklists" / "2022.yaml", "--unit", unit, "-o",
                     blank / f"{unit}.docx")  # fmt: skip
        assert result.exit_code == 0, result.output
        edit = Edit(blank / f"{unit}.docx").fill(cells)
        if unit == "市政府办公室":
            edit.split_before(2, repeat_header=False)  # Word's 拆分表格 inside task （一）
        if unit == DELETED[0]:
            edit.delete(DELETED[1])
        if unit == "市司法局":
            edit.add_after(1, {edit.indicator_col: ADDED_ROW[0], edit.status_col: ADDED_ROW[1]})
        saved = edit.save(root / "filled" / f"{unit}.docx")
        if unit in ("市审计局", "梨树县"):
            doc = as_doc(saved, root / "convert" / unit)
            returned.mkdir(exist_ok=True)
            shutil.copy(doc, returned / f"{unit}.doc")
        else:
            returned.mkdir(exist_ok=True)
            shutil.copy(saved, returned / f"{unit}.docx")
    return root


@pytest.fixture(scope="module")
def collected(year: Path) -> tuple[Path, Result]:
    # in Chinese, as an office runs it (a module's fixture runs before the tests' language is set)
    result = run(
        "--lang", "zh", "collect", "-c", year / "checklists" / "2022.yaml", year / "returned"
    )
    return year / "progress" / "2022.yaml", result


def entries(ledger: Path) -> list[dict[str, object]]:
    data = yaml.safe_load(ledger.read_text(encoding="utf-8"))
    return list(data["entries"])


def test_every_sheet_is_read_and_says_what_it_held(collected: tuple[Path, Result]) -> None:
    _, result = collected
    assert result.exit_code == 0, result.output
    summaries = [line for line in result.stdout.splitlines() if "，已填" in line]
    assert len(summaries) == len(FILLED)
    lishu = next(line for line in summaries if "梨树县" in line)
    assert "删除1行" in lishu
    justice = next(line for line in summaries if "市司法局" in line)
    assert "新增1行" in justice
    # the added row's words reach the office, though they are no indicator of the checklist
    assert ADDED_ROW[0] in result.output and ADDED_ROW[1] in result.output


def test_the_ledger_keeps_every_word_as_written(collected: tuple[Path, Result]) -> None:
    ledger, _ = collected
    kept = {(e["indicator"], e["unit"]): e.get("text") for e in entries(ledger)}
    for unit, cells in FILLED.items():
        for number, text in cells.items():
            assert kept.get((number, unit)) == text, (unit, number)
    assert (DELETED[1], DELETED[0]) not in kept


def test_everyday_phrasing_is_read_without_overstating(collected: tuple[Path, Result]) -> None:
    ledger, _ = collected
    status = {(e["indicator"], e["unit"]): e["status"] for e in entries(ledger)}
    dates = {(e["indicator"], e["unit"]): e.get("date") for e in entries(ledger)}
    assert status[(54, "市政数局")] != "已完成"  # 完成率60%
    assert status[(58, "市政数局")] != "已完成"  # 已完成80%，剩余部分年底前完成
    assert status[(55, "市政数局")] == "推进中"
    assert str(dates.get((55, "市政数局"))) != "2022-09-30"  # a plan, not a completion
    assert status[(57, "市政数局")] == "已完成"
    assert str(dates[(57, "市政数局")]) == "2022-06-28"
    assert status[(57, "市政府办公室")] == "已完成"


def test_collecting_again_with_update_adds_nothing(collected: tuple[Path, Result]) -> None:
    ledger, _ = collected
    before = ledger.read_bytes()
    year = ledger.parents[1]
    again = run("collect", "-c", year / "checklists" / "2022.yaml", "--update", year / "returned")
    assert again.exit_code == 0, again.output
    assert ledger.read_bytes() == before


def reached_by_unit() -> dict[int, set[str]]:
    """Who each indicator reaches, from `zhengwu list --unit` for every current unit."""
    registry = yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))
    reach: dict[int, set[str]] = {}
    for unit in (u["name"] for u in registry["units"] if not u.get("ended")):
        result = run("list", "-c", CHECKLIST, "--unit", unit, "--format", "json")
        assert result.exit_code == 0, result.output
        for record in json.loads(result.stdout):
            reach.setdefault(record["indicator"], set()).add(unit)
    return reach


def test_done_for_the_city_only_when_every_unit_reached_says_so(
    collected: tuple[Path, Result], chinese: None
) -> None:
    ledger, _ = collected
    answered = {(e["indicator"], e["unit"]): e["status"] for e in entries(ledger)}
    expected = {
        number
        for number, units in reached_by_unit().items()
        if units
        and all(answered.get((number, u)) in ("已完成", "不适用") for u in units)
        and any(answered.get((number, u)) == "已完成" for u in units)
    }
    assert 48 in expected and 57 in expected  # reached only by units that said 已完成
    assert 1 not in expected  # 市政府办公室 and 市司法局 said 完成; 市政府各部门 did not
    year = ledger.parents[1]
    status = run("status", "-c", year / "checklists" / "2022.yaml", "--as-of", AS_OF,
                 "--format", "json")  # fmt: skip
    figures = json.loads(status.stdout)
    assert figures["total"]["已完成"] == len(expected)
    assert figures["reporting"]["units_reported"] == len(FILLED)
    text = run("status", "-c", year / "checklists" / "2022.yaml", "--as-of", AS_OF).stdout
    assert f"已完成{len(expected)}项" in text


def test_the_units_that_have_not_reported_are_listed(collected: tuple[Path, Result]) -> None:
    year = collected[0].parents[1]
    chase = run("status", "-c", year / "checklists" / "2022.yaml", "--as-of", AS_OF,
                "--missing", "--format", "json")  # fmt: skip
    listed = {item["unit"]: item["missing"] for item in json.loads(chase.stdout)}
    assert "市财政局" in listed  # reported nothing
    assert 25 not in listed.get("市审计局", [])  # reported
    assert 61 in listed["梨树县"]  # its row was deleted from the sheet: still owed


def test_the_report_reads_as_a_section_of_the_annual_report(
    collected: tuple[Path, Result],
) -> None:
    year = collected[0].parents[1]
    result = run("report", "-c", year / "checklists" / "2022.yaml", "--as-of", AS_OF,
                 "--format", "md")  # fmt: skip
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "国办发〔2022〕8号" in text
    assert "报送率" in text
    assert "已发布信息发布计划" in text  # 48's outcome, as an achievement
    assert "（逾期" not in text.split("（三）")[1].split("（四）")[0]
