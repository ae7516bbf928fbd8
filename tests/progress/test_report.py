"""The report: its text against golden files (md, and the .docx read back) for a ledger built
here, its place under 六、其他需要报告的事项, escaping, the sandbox and safe output names.

On a mismatch the test fails; `pytest --update-golden` rewrites the golden file and still fails,
so the change shows in `git diff`.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.shared import Cm

from zhengwu_cli.ledger.model import Ledger
from zhengwu_cli.render import RenderError
from zhengwu_cli.render.report import PUBLISHERS, md_escape, publisher
from zhengwu_cli.render.report_docx import WORD_JOINER, keep_percent

from .golden_check import check_golden
from .helpers import CHECKLIST, GOLDEN, ROOT, SAMPLE, run

URL = "https://www.siping.gov.cn/zwgk/gfxwj/"


def year_ledger() -> Ledger:
    """A year's ledger as units really report: some done with links, a late one, notes,
    an undated entry, a unit's 不适用, an entry for the whole indicator, and a unit that has
    no role in the row (not counted)."""
    data = {
        "year": 2022,
        "place": "四平市",
        "entries": [
            # 1: every unit the row reaches reports (here the office for all: an entry for the
            # whole indicator), the two leads with their own words and a link
            {
                "indicator": 1,
                "unit": "市司法局",
                "status": "已完成",
                "date": "2022-05-20",
                "evidence": f"发布现行有效行政规范性文件86件 {URL}",
            },
            {
                "indicator": 1,
                "unit": "市政府办公室",
                "status": "已完成",
                "date": "2022-05-31",
                "evidence": "专栏上线",
            },
            {"indicator": 1, "status": "已完成", "date": "2022-05-31"},
            # 6: 市司法局 完成, 市政府办公室 silent: not done for the city
            {
                "indicator": 6,
                "unit": "市司法局",
                "status": "已完成",
                "date": "2022-06-10",
                "evidence": "采用图解、视频两种方式解读",
            },
            # 46: done late, the liaison's remark in brackets
            {
                "indicator": 46,
                "status": "已完成",
                "date": "2022-07-05",
                "evidence": "（逾期，7月5日印发）印发《2022年市政府重点工作任务信息发布计划》",
            },
            # 82: not started, with the reason
            {
                "indicator": 82,
                "unit": "市政府办公室",
                "status": "未启动",
                "notes": "待省工作要点印发后制订",
            },
            # 4: in progress for the whole
            {
                "indicator": 4,
                "status": "推进中",
                "date": "2022-06-15",
                "notes": "部分部门解读材料未随文件同步报送",
            },
            # 85: one county's 不适用
            {"indicator": 85, "unit": "梨树县", "status": "不适用", "notes": "本县无此项工作"},
            # 26: an undated report, collected in August
            {
                "indicator": 26,
                "unit": "市审计局",
                "status": "已完成",
                "collected": "2022-08-15",
                "evidence": "公开整改情况",
            },
            # 26: every unit it reaches has reported, one county 不适用
            *[
                {
                    "indicator": 26,
                    "unit": county,
                    "status": "已完成",
                    "date": "2022-09-30",
                    "evidence": "在本级政府网站公开整改情况",
                }
                for county in ("铁西区", "铁东区", "伊通满族自治县", "双辽市")
            ],
            {"indicator": 26, "unit": "梨树县", "status": "不适用", "notes": "本年度未被审计"},
            # 2 from 市网监办, which has no role in it: never counted
            {
                "indicator": 2,
                "unit": "市网监办",
                "status": "已完成",
                "date": "2022-06-01",
                "evidence": "不应计入",
            },
        ],
    }
    return Ledger.model_validate(data)


@pytest.fixture
def ledger_file(tmp_path: Path) -> Path:
    path = tmp_path / "progress" / "2022.yaml"
    path.parent.mkdir()
    path.write_text(
        yaml.safe_dump(
            year_ledger().model_dump(mode="json", exclude_defaults=True),
            allow_unicode=True,
            sort_keys=False,
        ),
        encoding="utf-8",
    )
    return path


def docx_text(path: Path) -> str:
    """A .docx read back as a person sees it: paragraphs, then each table row's cells (the
    invisible word joiners that keep a number with its %, dropped)."""
    document = Document(str(path))
    lines = [p.text for p in document.paragraphs if p.text.strip()]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines).replace(WORD_JOINER, "") + "\n"


@pytest.mark.parametrize("as_of", ["2022-07-01", "2022-12-31"])
def test_golden_markdown(request: pytest.FixtureRequest, ledger_file: Path, as_of: str) -> None:
    result = run("report", "--ledger", ledger_file, "--as-of", as_of, "--format", "md")
    assert result.exit_code == 0, result.output
    check_golden(request, GOLDEN / f"report-{as_of}.md", result.stdout)


def test_golden_docx_read_back(
    request: pytest.FixtureRequest, ledger_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "报告.docx"
    result = run("report", "--ledger", ledger_file, "--as-of", "2022-12-31", "-o", target)
    assert result.exit_code == 0, result.output
    check_golden(request, GOLDEN / "report-2022-12-31.docx.txt", docx_text(target))


def test_golden_unit_text(request: pytest.FixtureRequest, ledger_file: Path) -> None:
    result = run(
        "report",
        "--ledger",
        ledger_file,
        "--as-of",
        "2022-12-31",
        "--format",
        "text",
        "--unit",
        "市司法局",
    )
    assert result.exit_code == 0, result.output
    check_golden(request, GOLDEN / "report-市司法局-2022-12-31.txt", result.stdout)


def test_golden_update_rewrites_and_fails(tmp_path: Path) -> None:
    class Config:
        def getoption(self, name: str, default: object = None) -> object:
            return name == "--update-golden"

    class Request:
        config = Config()

    golden = tmp_path / "x.md"
    golden.write_text("old\n", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match="rewritten"):
        check_golden(Request(), golden, "new\n")  # type: ignore[arg-type]
    assert golden.read_text(encoding="utf-8") == "new\n"


# -- it reads as a section under 六、其他需要报告的事项 ---------------------------------------


def report_md(ledger_file: Path, *args: str) -> str:
    result = run("report", "--ledger", ledger_file, "--format", "md", *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_headings_one_level_down_and_achievements_numbered_without_gaps(
    ledger_file: Path,
) -> None:
    text = report_md(ledger_file, "--as-of", "2022-12-31")
    headings = re.findall(r"^## (.*)$", text, re.M)
    assert [h[:3] for h in headings] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert "## 一、" not in text
    section = text.split("主要成果")[1].split("## ")[0]
    numbered = re.findall(r"^(\d+)\.", section, re.M)
    assert numbered == [str(n) for n in range(1, len(numbered) + 1)]
    assert len(numbered) == 3  # 1, 26, 46: 6 waits for 市政府办公室
    assert "国办发〔2022〕8号" in text  # the basis cited
    # the units that achieved it, the link after the item, the remark not an achievement
    assert re.search(
        r"^1\.落实.*（市政府办公室、市司法局，2022年5月31日完成）。网址：", section, re.M
    )
    assert md_escape(URL) in section
    assert "逾期，7月5日" not in section
    assert "晚于完成时限" in section
    assert "不应计入" not in section


def test_the_reporting_rate_and_the_silent_units(ledger_file: Path) -> None:
    text = report_md(ledger_file, "--as-of", "2022-12-31")
    assert re.search(r"应报送\d+项次，已报送\d+项次，报送率[\d.]+%", text)
    assert "### 4.尚未报送完成情况的单位" in text or "尚未报送完成情况的单位" in text
    assert re.search(r"^市政府办公室：第[\d、—]+项，共\d+项未报送。$", text, re.M)
    assert "待省工作要点印发后制订：第82项（已报送：市政府办公室）。" in text


def test_table_columns_are_sized_to_content(ledger_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "r.docx"
    assert run("report", "--ledger", ledger_file, "-o", target).exit_code == 0
    [table] = Document(str(target)).tables
    heads = [c.text for c in table.rows[0].cells]
    assert heads == ["序号", "细化指标", "完成时限", "完成情况", "完成日期", "成果或说明"]
    widths = dict(zip(heads, [c.width for c in table.columns], strict=True))
    assert max(widths.values()) == widths["细化指标"]
    assert widths["序号"] < widths["完成情况"]
    # within the text width of the page (21 cm less margins of 2.8 and 2.6 cm), to the mm
    assert abs(sum(widths.values()) - Cm(15.6)) < Cm(0.1)
    # a heading of four characters at 10.5 pt (0.37 cm each) and the cell margins on one line
    assert (
        widths["完成情况"] >= Cm(4 * 0.37 + 2 * 0.19) and widths["完成时限"] >= widths["完成情况"]
    )


# -- issue 14 item 7: another table's shape -----------------------------------------------------

XUANCHENG = ROOT / "checklists" / "examples" / "xuancheng-2022.yaml"


def test_a_table_without_goals_or_deadlines(tmp_path: Path, chinese: None) -> None:
    ledger = tmp_path / "2022.yaml"
    ledger.write_text("schema_version: 1\nplace: 宣城市\nyear: 2022\nentries: []\n", "utf-8")
    common = ("--checklist", XUANCHENG, "--ledger", ledger, "--as-of", "2022-12-31")
    status = run("status", *common)
    assert "None" not in status.stdout
    assert "共" in status.stdout and "项任务" in status.stdout
    assert "按目标" not in status.stdout
    text = run("report", *common, "--format", "md").stdout
    assert "None" not in text
    assert "。。" not in text
    assert "分目标" not in text
    assert "| 序号 | 任务 | 时限 | 完成情况 |" in text
    # without a deadline column, none in the table
    data = yaml.safe_load(XUANCHENG.read_text(encoding="utf-8"))
    data["meta"]["columns"] = ["indicator", "units"]
    for goal in data["goals"]:
        for task in goal["tasks"]:
            for indicator in task["indicators"]:
                indicator.pop("deadline", None)
    own = tmp_path / "xc.yaml"
    own.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (tmp_path / "xuancheng-units.yaml").write_bytes(
        (XUANCHENG.parent / "xuancheng-units.yaml").read_bytes()
    )
    bare = run("report", "--checklist", own, "--ledger", ledger, "--format", "md")
    assert bare.exit_code == 0, bare.output
    # nothing completed: no 完成日期 column, empty in every row
    assert "| 序号 | 任务 | 完成情况 | 成果或说明 |" in bare.stdout
    assert "完成日期" not in bare.stdout
    assert "时限" not in bare.stdout


# -- issue 13 item 12: every text escaped in every format ----------------------------------------

NASTY = "甲|乙 #丙 **丁**\n<b>戊</b>"


def nasty_copy(tmp_path: Path) -> tuple[Path, Path]:
    data = yaml.safe_load(CHECKLIST.read_text(encoding="utf-8"))
    data["meta"]["title"] = "清单" + NASTY
    data["meta"]["source"]["basis"] = "依据" + NASTY
    goal = data["goals"][0]
    goal["title"] = "目标" + NASTY
    goal["tasks"][0]["title"] = "任务" + NASTY
    goal["tasks"][0]["indicators"][0]["text"] = "指标" + NASTY
    checklist = tmp_path / "2022.yaml"
    checklist.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (tmp_path / "siping-units.yaml").write_bytes(
        (CHECKLIST.parent / "siping-units.yaml").read_bytes()
    )
    ledger = tmp_path / "ledger.yaml"
    ledger.write_text(
        yaml.safe_dump(
            {
                "schema_version": 1,
                "year": 2022,
                "entries": [
                    {
                        "indicator": 1,
                        "status": "已完成",
                        "date": "2022-05-01",
                        "evidence": "成果" + NASTY,
                    },
                    {"indicator": 2, "status": "推进中", "notes": "说明" + NASTY},
                ],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    return checklist, ledger


def test_every_text_is_escaped_in_markdown(tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    checklist, ledger = nasty_copy(tmp_path)
    result = run(
        "report",
        "--checklist",
        checklist,
        "--ledger",
        ledger,
        "--format",
        "md",
        "--as-of",
        "2022-12-31",
    )
    assert result.exit_code == 0, result.output
    tokens = MarkdownIt("commonmark").enable("table").parse(result.stdout)
    headings = [t for t in tokens if t.type == "heading_open" and t.tag in ("h1", "h2")]
    assert len(headings) == 1 + 5  # the title and （一）…（五）: no heading from a '#'
    inline = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert not [h for h in inline if "丙" in h]
    assert sum(t.type == "table_open" for t in tokens) == 1
    rows = sum(t.type == "tr_open" for t in tokens)
    assert rows == 86  # header + 85 indicators: no '|' or line break split a row
    html = MarkdownIt("commonmark").enable("table").render(result.stdout)
    assert "<b>" not in html and "<strong>" not in html
    for word in ("清单", "依据", "目标", "指标", "成果", "说明"):
        assert f"{word}甲|乙 #丙 **丁**" in _unescaped(html), word


def _unescaped(html: str) -> str:
    import html as html_module

    return html_module.unescape(re.sub(r"<br />\s*", "\n", html))


def test_every_text_is_kept_as_text_in_docx_and_plain(tmp_path: Path) -> None:
    checklist, ledger = nasty_copy(tmp_path)
    target = tmp_path / "r.docx"
    common = ("--checklist", checklist, "--ledger", ledger, "--as-of", "2022-12-31")
    assert run("report", *common, "-o", target).exit_code == 0
    document = Document(str(target))
    [table] = document.tables
    assert len(table.rows) == 86
    text = docx_text(target)
    assert text.count("<b>戊</b>") >= 6
    assert "指标甲|乙 #丙 **丁**\n<b>戊</b>" in table.rows[1].cells[1].text
    plain = run("report", *common, "--format", "text").stdout
    assert "指标甲|乙 #丙 **丁** <b>戊</b>" in plain  # one line: the break would split it


def test_an_unknown_format_lists_the_known_ones() -> None:
    with pytest.raises(RenderError, match="the formats are docx, md, text"):
        publisher("pdf")
    assert set(PUBLISHERS) == {"docx", "md", "text"}


# -- issue 12 items 1 and 3: templates cannot run code; output names stay in the folder ---------


@pytest.mark.parametrize(
    "payload",
    [
        "{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ subject.__class__.__mro__[1].__subclasses__()[0].__init__.__globals__ }}",
    ],
)
def test_a_report_template_cannot_run_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, payload: str
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "_phrases.j2").write_text(
        "{% macro report_title() -%}" + payload + "{%- endmacro %}", encoding="utf-8"
    )
    result = run("report", "--ledger", SAMPLE, "--templates", folder, "--format", "md")
    assert result.exit_code == 2
    assert "_phrases.j2" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "PWNED").exists()


def test_a_misspelt_template_name_is_an_error_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "_phrases.j2").write_text(
        "{% macro report_title() -%}\n标题\n{{ plcae }}\n{%- endmacro %}", encoding="utf-8"
    )
    result = run("report", "--ledger", SAMPLE, "--templates", tmp_path, "--format", "md")
    assert result.exit_code == 2
    assert "_phrases.j2:3" in result.stderr
    assert "'plcae' is undefined" in result.stderr


@pytest.mark.parametrize("place", ["../../x", "/tmp/zhengwu-abs-x", "..\\..\\x"])
def test_the_output_name_from_the_place_stays_in_the_folder(
    checklist_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, place: str
) -> None:
    text = checklist_copy.read_text(encoding="utf-8")
    checklist_copy.write_text(text.replace("place: 四平市", f"place: '{place}'", 1), "utf-8")
    ledger = tmp_path / "ledger.yaml"
    ledger.write_text("schema_version: 1\nyear: 2022\nentries: []\n", encoding="utf-8")
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    before = set(tmp_path.rglob("*"))
    result = run("report", "--checklist", checklist_copy, "--ledger", ledger)
    assert result.exit_code == 0, result.output
    written = set(tmp_path.rglob("*")) - before
    assert [p.parent for p in written] == [work]
    assert not Path("/tmp/zhengwu-abs-x落实2022年政务公开工作要点情况.docx").exists()


@pytest.mark.parametrize("unit", ["../../x", "/tmp/zhengwu-abs-unit"])
def test_the_output_name_from_a_unit_stays_in_the_folder(
    checklist_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unit: str
) -> None:
    registry = checklist_copy.parent / "siping-units.yaml"
    data = yaml.safe_load(registry.read_text(encoding="utf-8"))
    data["units"].append({"name": unit, "kind": "department"})
    registry.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    ledger = tmp_path / "ledger.yaml"
    ledger.write_text("schema_version: 1\nyear: 2022\nentries: []\n", encoding="utf-8")
    result = run("report", "--checklist", checklist_copy, "--ledger", ledger, "--unit", unit)
    assert result.exit_code == 0, result.output
    assert [p.parent for p in work.iterdir()] == [work]
    assert len(list(work.iterdir())) == 1


def test_place_and_title_come_from_the_checklist(checklist_copy: Path) -> None:
    text = checklist_copy.read_text(encoding="utf-8")
    checklist_copy.write_text(
        text.replace("place: 四平市", "place: 某某市", 1).replace(
            "title: 四平市贯彻落实", "title: 某某市贯彻落实", 1
        ),
        encoding="utf-8",
    )
    ledger = checklist_copy.parent / "ledger.yaml"
    ledger.write_text(
        SAMPLE.read_text(encoding="utf-8").replace("place: 四平市", "place: 某某市"),
        encoding="utf-8",
    )
    result = run(
        "report",
        "--checklist",
        checklist_copy,
        "--ledger",
        ledger,
        "--as-of",
        "2022-07-01",
        "--format",
        "text",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("某某市落实2022年政务公开工作要点情况\n")
    assert "四平" not in result.stdout


def test_a_report_that_cannot_be_written_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    target = tmp_path / "报告.docx"
    result = run("report", "--ledger", SAMPLE, "--as-of", "2022-07-01", "-o", target)
    assert result.exit_code == 2  # as for render and collect
    assert f"cannot write {target}: the disk is full" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_ledger_computes_and_render_publishes() -> None:
    """status.py (the figures) imports nothing of render; no ledger module imports the report
    (merge.py's atomic write is the store's, see changes/count.md)."""
    folder = ROOT / "src" / "zhengwu_cli" / "ledger"
    status = (folder / "status.py").read_text(encoding="utf-8")
    assert "render" not in re.sub(r'""".*?"""', "", status, flags=re.S)
    for path in folder.glob("*.py"):
        assert "report" not in re.findall(
            r"^\s*from \S+ import|^\s*import \S+", path.read_text(encoding="utf-8"), re.M
        ), path
    assert not (folder / "report.py").exists() and not (folder / "status_view.py").exists()


def test_the_cli_offers_the_publishers_formats() -> None:
    from zhengwu_cli.cli.ledger import _report_formats

    assert _report_formats() == sorted(PUBLISHERS)


# -- a number and its % stay on one line -----------------------------------------------------------


def test_keep_percent() -> None:
    j = WORD_JOINER
    assert keep_percent("完成率0%，报送率2.4%。") == f"完成率0{j}%，报送率2.4{j}%。"
    assert keep_percent("完成60％ 或 60 %") == f"完成60{j}％ 或 60\u00a0%"
    assert keep_percent("百分之百%") == "百分之百%"


def test_no_percentage_in_the_docx_can_part_from_its_number(tmp_path: Path) -> None:
    """LibreOffice broke “完成率0” / “%。” at a line end: every number+% in the document has a
    word joiner between them, and every run's Latin text is en-US (so LibreOffice breaks digits
    and % by the Unicode rules, not anywhere as in Chinese)."""
    ledger = tmp_path / "progress" / "2022.yaml"
    ledger.parent.mkdir()
    entries = [{"indicator": 1, "status": "推进中", "notes": "完成率0%，剩余60 %待办"}]
    ledger.write_text(
        yaml.safe_dump({"year": 2022, "entries": entries}, allow_unicode=True), encoding="utf-8"
    )
    target = tmp_path / "r.docx"
    result = run("report", "--ledger", ledger, "--as-of", "2022-12-31", "-o", target)
    assert result.exit_code == 0, result.output
    document = Document(str(target))
    texts = [r.text for p in document.paragraphs for r in p.runs]
    texts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    every = "\n".join(texts)
    assert "完成率0%" in every.replace(WORD_JOINER, "")  # the goals' lines say 0%
    assert re.findall(r"\d[%％]", every) == []
    assert re.findall(r"\d[ \t\u3000][%％]", every) == []  # a space becomes a no-break one
    assert f"完成率0{WORD_JOINER}%，剩余60\u00a0%待办" in every  # the liaison's words in the table
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    runs = document.element.body.findall(".//w:r", ns)
    assert runs
    for found in runs:
        lang = found.find("w:rPr/w:lang", ns)
        assert lang is not None
        assert lang.get(f"{{{ns['w']}}}val") == "en-US"
        assert lang.get(f"{{{ns['w']}}}eastAsia") == "zh-CN"


# -- a date the liaison did not write ------------------------------------------------------------


def _one_entry_ledger(tmp_path: Path, entry: dict[str, object]) -> Path:
    path = tmp_path / "progress" / "2022.yaml"
    path.parent.mkdir(exist_ok=True)
    data = {"year": 2022, "entries": [{"indicator": 46, "status": "已完成", **entry}]}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        ({"date": "2022-06-30", "date_inferred": "month"}, "（2022年6月完成）"),
        ({"date": "2022-07-31", "date_inferred": "month"}, "（2022年7月完成，晚于完成时限）"),
        ({"date": "2022-06-30"}, "（2022年6月30日完成）"),
    ],
)
def test_a_day_inferred_from_a_month_is_printed_as_the_month(
    tmp_path: Path, entry: dict[str, object], said: str
) -> None:
    ledger = _one_entry_ledger(tmp_path, entry)
    text = run("report", "--ledger", ledger, "--as-of", "2022-12-31", "--format", "md").stdout
    [line] = [x for x in text.splitlines() if x.startswith("1.制定市政府年度重点工作任务")]
    assert line.endswith(said + "。"), line
    row = next(x for x in text.splitlines() if x.startswith("| 46 |"))
    day = said.strip("（）").split("完成")[0]
    assert f"| 已完成 | {day} |" in row


def test_late_only_when_the_whole_month_is_after_the_deadline() -> None:
    from datetime import date
    from types import SimpleNamespace
    from typing import cast

    from zhengwu_cli.ledger.model import Entry, Status
    from zhengwu_cli.ledger.status import IndicatorStanding
    from zhengwu_cli.render.report import _completed

    def item(day: date, inferred: bool, due: date) -> IndicatorStanding:
        entry = Entry(
            indicator=1, status=Status.done, date=day, date_inferred="month" if inferred else None
        )
        found = SimpleNamespace(completed=day, entries=[entry], due=due)
        return cast(IndicatorStanding, found)

    june15 = date(2022, 6, 15)
    assert _completed(item(date(2022, 6, 30), True, june15)) == ("2022年6月", False)
    assert _completed(item(date(2022, 6, 30), False, june15)) == ("2022年6月30日", True)
    assert _completed(item(date(2022, 7, 31), True, june15)) == ("2022年7月", True)


# -- the output file: render.report.write_report ------------------------------------------------


def test_write_report_names_checks_and_writes_the_file(
    tmp_path: Path, ledger_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from zhengwu_cli.ledger.load import load_ledger
    from zhengwu_cli.ledger.status import standing
    from zhengwu_cli.load import load
    from zhengwu_cli.render.report import write_report

    loaded = load(CHECKLIST)
    ledger = load_ledger(ledger_file)
    stood = standing(loaded.checklist, loaded.registry, ledger.ledger, date(2022, 12, 31))
    monkeypatch.chdir(tmp_path)
    done = write_report(loaded.checklist, stood, "docx")
    assert done.written == Path.cwd() / "四平市落实2022年政务公开工作要点情况.docx"
    assert done.written.read_bytes() == done.data
    with pytest.raises(RenderError, match="exists; nothing was written"):
        write_report(loaded.checklist, stood, "docx")
    assert write_report(loaded.checklist, stood, "docx", force=True).written == done.written
    text = write_report(loaded.checklist, stood, "md")
    assert text.written is None and text.data.startswith("# 四平市".encode())
    target = tmp_path / "r.md"
    assert write_report(loaded.checklist, stood, "md", target).written == target
    assert target.read_bytes() == text.data


def test_report_of_an_ended_year_says_how_to_stand_on_31_december(
    ledger_file: Path, chinese: None
) -> None:
    result = run("report", "--ledger", ledger_file, "--format", "md")
    assert result.exit_code == 0, result.output
    today = date.today()
    assert f"截至{today.year}年{today.month}月{today.day}日" in result.stdout
    assert "2022年度已结束；只统计到年底的情况，请用 --as-of 2022-12-31" in result.stderr
    at_end = run("report", "--ledger", ledger_file, "--format", "md", "--as-of", "2022-12-31")
    assert "截至2022年12月31日" in at_end.stdout
