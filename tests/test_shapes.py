"""Tables shaped unlike 四平's, written from the docs alone (checklists/examples/):

- bureau-2022.yaml: a bureau's 4-column table (工作任务 / 具体内容 / 责任科室 / 完成时限)
  whose units are its own 科室 and whose 工作任务 are unnumbered; 具体内容 numbered afresh
  in each task (kept as `label`);
- goal-only-2022.yaml: 3 columns (工作任务 / 工作要求 / 责任单位), no deadline, the only
  level 一、….

Every command a user runs on them, read back as the user reads it.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from openpyxl import load_workbook

from zhengwu_cli.cli import cli
from zhengwu_cli.load import LoadError, load

EXAMPLES = Path(__file__).resolve().parents[1] / "checklists" / "examples"
BUREAU = EXAMPLES / "bureau-2022.yaml"
GOAL_ONLY = EXAMPLES / "goal-only-2022.yaml"
CHECKLIST = Path(__file__).resolve().parents[1] / "checklists" / "2022.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def records(path: Path, *args: str) -> list[dict[str, object]]:
    result = run("list", "-c", str(path), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    data: list[dict[str, object]] = json.loads(result.stdout)
    return data


def copy(
    tmp_path: Path,
    checklist: Path,
    registry: str,
    edits: dict[str, str] | None = None,
    registry_edits: dict[str, str] | None = None,
) -> Path:
    """A copy of an example beside its registry, with text replaced in either."""
    target = tmp_path / checklist.name
    text = checklist.read_text(encoding="utf-8")
    units = (EXAMPLES / registry).read_text(encoding="utf-8")
    for old, new in (edits or {}).items():
        assert old in text
        text = text.replace(old, new)
    for old, new in (registry_edits or {}).items():
        assert old in units
        units = units.replace(old, new)
    target.write_text(text, encoding="utf-8")
    (tmp_path / registry).write_text(units, encoding="utf-8")
    return target


def lint(path: Path, *args: str) -> tuple[int, list[dict[str, object]]]:
    result = run("lint", "--no-cache", "--format", "json", *args, str(path))
    return result.exit_code, json.loads(result.stdout)


# -- the examples themselves -------------------------------------------------------------------


@pytest.mark.parametrize("path", [BUREAU, GOAL_ONLY])
def test_the_examples_lint_clean_of_errors(path: Path) -> None:
    code, found = lint(path)
    assert code == 0, found
    assert {p["severity"] for p in found} <= {"info"}


# -- 1. --year never answers with another place's table ---------------------------------------


def test_a_year_the_local_folder_lacks_is_an_error_naming_what_is_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "checklists"
    folder.mkdir()
    text = BUREAU.read_text(encoding="utf-8").replace("  year: 2022", "  year: 2023")
    (folder / "2023.yaml").write_text(text, encoding="utf-8")
    shutil.copy(EXAMPLES / "bureau-units.yaml", folder)
    monkeypatch.chdir(tmp_path)
    for command in (["list"], ["units"], ["show", "1"], ["status"]):
        result = run(*command, "--year", "2022")
        assert result.exit_code == 2, (command, result.output)
        assert "has no 2022.yaml; it holds 2023.yaml" in result.output
        assert "四平" not in result.output and "市司法局" not in result.output
    # the newest local year is the default, and nothing is said about it
    result = run("list", "--format", "json")
    assert result.exit_code == 0 and result.stderr == ""
    assert len(json.loads(result.stdout)) == 10


def test_the_bundled_checklist_is_named_where_there_is_no_local_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("list", "--unit", "市审计局", "--direct", "--format", "json")
    assert result.exit_code == 0
    assert [r["indicator"] for r in json.loads(result.stdout)] == [25, 26]
    assert "bundled with zhengwu" in result.stderr and "2022.yaml" in result.stderr
    # said once, though status finds the checklist for itself and for the ledger's folder
    ledger = tmp_path / "progress" / "2022.yaml"
    ledger.parent.mkdir()
    ledger.write_bytes((Path(__file__).parent / "progress" / "data" / "2022.yaml").read_bytes())
    status = run("status", "--as-of", "2022-07-01")
    assert status.exit_code in (0, 1), status.output
    assert status.stderr.count("bundled with zhengwu") == 1, status.stderr


# -- 2. the number is the key; the table's own number is the label ----------------------------


def test_numbers_restarting_per_task_are_an_error_that_says_how_to_fix_it(
    tmp_path: Path,
) -> None:
    path = copy(
        tmp_path,
        BUREAU,
        "bureau-units.yaml",
        {'- number: 4\n            label: "1"': '- number: 1\n            label: "1"'},
    )
    code, found = lint(path)
    assert code == 1
    [repeat] = [p for p in found if p["code"] == "ZW102"]
    assert repeat["severity"] == "error"
    assert "细化指标 1. appears twice" in str(repeat["message"])
    assert 'keep the table\'s own number as `label: "2"`' in str(repeat["hint"])
    line = path.read_text(encoding="utf-8").splitlines()[int(str(repeat["line"])) - 1]
    assert line.strip() == "- number: 1" and repeat["line"] != 27  # the second one, not the first


def test_the_label_is_printed_beside_the_key() -> None:
    [rec] = [r for r in records(BUREAU) if r["indicator"] == 4]
    assert rec["label"] == "1"
    plain = run("list", "-c", str(BUREAU), "--format", "plain").output
    assert "4（原表 1）  依法公开建设项目" in plain
    shown = run("show", "4", "-c", str(BUREAU)).output
    assert shown.startswith("具体内容 4（原表编号 1）\n")


def test_xlsx_and_csv_carry_the_label(tmp_path: Path) -> None:
    out = tmp_path / "清单.xlsx"
    assert run("list", "-c", str(BUREAU), "--format", "xlsx", "-o", str(out)).exit_code == 0
    sheet = load_workbook(out).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    assert header == [
        *("序号", "原表编号", "工作任务", "具体内容"),
        *("责任科室", "完成时限", "截止日期", "来源"),
    ]
    fourth = [c.value for c in sheet[5]]
    assert fourth[:3] == [4, "1", "做好环评审批和执法信息公开"]
    text = run("list", "-c", str(BUREAU), "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["label"] for r in rows] == ["1", "2", "3", "1", "2", "1", "2", "3", "1", "2"]


# -- 3. a group member that is no unit ---------------------------------------------------------


def test_a_misspelt_group_member_is_an_error_with_did_you_mean(tmp_path: Path) -> None:
    path = copy(
        tmp_path,
        BUREAU,
        "bureau-units.yaml",
        registry_edits={"[法规科, 环评科, 督查科, 监测科]": "[法规科, 环评科, 督察科, 监测科]"},
    )
    code, found = lint(path)
    assert code == 1
    [member] = [p for p in found if p["code"] == "ZW306"]
    assert "“督察科”" in str(member["message"]) and "业务科室" in str(member["message"])
    assert "bureau-units.yaml:" in str(member["message"])
    assert member["hint"] == "did you mean 督查科?"
    # located at the row that names the group (indicator 9)
    line = path.read_text(encoding="utf-8").splitlines()[int(str(member["line"])) - 1]
    assert "各业务科室配合" in line


def test_the_registry_as_written_reaches_the_member() -> None:
    roles = {r["indicator"]: r["roles"] for r in records(BUREAU, "--unit", "督查科")}
    assert roles[9] == [{"unit": "督查科", "role": "配合", "via": "业务科室"}]


# -- 4. open-ended unit lists ------------------------------------------------------------------


def test_an_open_end_is_kept_in_records_show_and_list() -> None:
    [first] = [r for r in records(GOAL_ONLY) if r["indicator"] == 1]
    units = first["units"]
    assert isinstance(units, list)
    assert {"unit": "市税务局", "role": "共同", "duty": None, "etc": "等市有关单位"} in units
    shown = run("show", "3", "-c", str(GOAL_ONLY)).output
    assert "市住建局等政府各有关" in shown
    plain = run("list", "-c", str(GOAL_ONLY), "--format", "plain").output
    assert "市税务局等市有关单位" in plain
    _, found = lint(GOAL_ONLY)
    opened = [p for p in found if p["code"] == "ZW307"]
    assert [p["severity"] for p in opened] == ["info", "info"]
    assert "等政府各有关" in str(opened[1]["message"])


def test_the_open_end_is_on_the_row_for_the_sheets() -> None:
    from zhengwu_cli.query import rows

    loaded = load(GOAL_ONLY)
    row = rows(loaded.checklist, loaded.registry)[0]
    assert [a.etc for a in row.named if a.etc] == ["等市有关单位"]


# -- 5. unnumbered levels ----------------------------------------------------------------------


def test_unnumbered_tasks_load_and_print_no_invented_number() -> None:
    loaded = load(BUREAU)
    assert [t.number for _, t in loaded.checklist.tasks()] == [None] * 4
    shown = run("show", "4", "-c", str(BUREAU)).output
    assert "  工作任务：做好环评审批和执法信息公开\n" in shown
    plain = run("list", "-c", str(BUREAU), "--format", "plain").output
    assert "（一）" not in plain and "（一）" not in shown
    assert plain.startswith("推进生态环境政策公开解读\n")


def test_a_task_without_a_title_is_an_error_at_the_task(tmp_path: Path) -> None:
    path = copy(
        tmp_path,
        BUREAU,
        "bureau-units.yaml",
        {"      - title: 做好环评审批和执法信息公开\n": "      - line: 40\n"},
    )
    with pytest.raises(LoadError) as error:
        load(path)
    [problem] = error.value.problems
    line = path.read_text(encoding="utf-8").splitlines()[problem.line - 1]
    assert line.strip() == "- line: 40" and problem.line != 5
    assert "has no title" in problem.message and "工作任务" in problem.message


# -- 6. a goal-only table keeps its level --------------------------------------------------


def test_the_only_level_shows_in_the_plain_list() -> None:
    plain = run("list", "-c", str(GOAL_ONLY), "--format", "plain").output
    for heading in ("一、以政务公开助力稳住经济大盘", "二、以政务公开保障和改善民生", "三、加强"):
        assert f"\n{heading}" in "\n" + plain
    assert plain.rstrip().endswith("8 项工作要求")


def test_the_only_level_shows_in_the_table_format() -> None:
    result = CliRunner().invoke(
        cli, ["list", "-c", str(GOAL_ONLY), "--format", "table"], env={"COLUMNS": "160"}
    )
    assert result.exit_code == 0
    assert "工作任务" in result.output and "二、以政务公开保障和改善民生" in result.output
    assert "主要任务" not in result.output and "完成时限" not in result.output


# -- 7/8. absent columns absent, headings the table's own --------------------------------------


def test_absent_columns_are_absent_everywhere(tmp_path: Path) -> None:
    [rec] = [r for r in records(GOAL_ONLY) if r["indicator"] == 5]
    for absent in ("task", "measures", "deadline", "outcome"):
        assert absent not in rec
    assert rec["origin"] == {"units": "stated"}
    shown = run("show", "5", "-c", str(GOAL_ONLY)).output
    for word in ("完成时限", "工作措施", "可检视成果", "原表空白", "主要任务", "细化指标"):
        assert word not in shown
    plain = run("list", "-c", str(GOAL_ONLY), "--format", "plain").output
    assert "可检视成果" not in plain and "完成时限" not in plain and "—" not in plain
    header = run("list", "-c", str(GOAL_ONLY), "--format", "csv").stdout.splitlines()[0]
    assert header == "indicator,goal,text,units,origin"
    out = tmp_path / "x.xlsx"
    assert run("list", "-c", str(GOAL_ONLY), "--format", "xlsx", "-o", str(out)).exit_code == 0
    sheet = load_workbook(out).active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == ["序号", "工作任务", "工作要求", "责任单位", "来源"]


def test_headings_are_the_tables_own() -> None:
    shown = run("show", "9", "-c", str(BUREAU)).output
    assert "  具体内容：规范依申请公开" in shown and "  责任科室［本行］" in shown
    plain = run("list", "-c", str(BUREAU), "--format", "plain").output
    assert "     责任科室：负责：办公室；配合：业务科室" in plain
    assert "细化指标" not in plain and "责任单位" not in plain


# -- 9. help texts --------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["list", "show", "units"])
def test_help_texts_assume_no_place(command: str) -> None:
    text = run(command, "--help").output
    for word in ("四平", "市司法局", "梨树县", "seven", "city department", "28"):
        assert word not in text, word


def test_the_help_examples_work_on_another_table(tmp_path: Path) -> None:
    out = tmp_path / "清单.xlsx"
    result = run("list", "-c", str(BUREAU), "--role", "牵头", "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0 and out.is_file()
    assert run("show", "1", "-c", str(GOAL_ONLY)).exit_code == 0


# -- 10. units and roles -------------------------------------------------------------------


def test_sections_are_a_kind_of_their_own() -> None:
    result = run("units", "-c", str(BUREAU), "--format", "plain")
    assert "  办公室；科室；" in result.output
    assert "department" not in result.output and "section" not in result.output
    data = json.loads(run("units", "-c", str(BUREAU), "--format", "json").stdout)
    assert {u["unit"]: u["kind"] for u in data["units"]}["督查科"] == "section"
    [every] = [g for g in data["groups"] if g["group"] == "各科室"]
    assert every["members"] == ["办公室", "法规科", "环评科", "督查科", "监测科"]


def test_roles_as_the_bureau_table_words_them() -> None:
    units = {r["indicator"]: r["units"] for r in records(BUREAU)}

    def roles(n: int) -> list[tuple[object, object]]:
        value = units[n]
        assert isinstance(value, list)
        return [(u["role"], u["unit"]) for u in value]

    assert roles(2) == [("负责", "办公室")]  # a lone unit, no role word
    assert roles(4) == [("负责", "环评科")]  # 环评科负责
    assert roles(5) == [("落实", "督查科"), ("落实", "执法支队")]  # 负责落实
    assert roles(8) == [("落实", "各科室")]  # 各科室同步落实
    assert roles(3) == [("共同", "法规科"), ("共同", "宣教中心")]


def test_a_lead_unit_does_not_help_itself_through_its_group() -> None:
    roles = {r["indicator"]: r["roles"] for r in records(BUREAU, "--unit", "办公室")}
    assert roles[6] == [{"unit": "办公室", "role": "牵头", "via": None}]
    assert roles[10] == [{"unit": "办公室", "role": "牵头", "via": None}]
    assert roles[8] == [{"unit": "办公室", "role": "落实", "via": "各科室"}]
    data = json.loads(run("units", "-c", str(BUREAU), "--format", "json").stdout)
    office = {u["unit"]: u["counts"] for u in data["units"]}["办公室"]
    assert office["牵头"] == {"direct": 2, "via": 0}
    assert office["配合"] == {"direct": 0, "via": 1}  # row 1 only: 法规科牵头，各科室配合


def test_role_text_keeps_open_ends_and_nests_no_brackets() -> None:
    plain = run("list", "-c", str(BUREAU), "--format", "plain").output
    assert "配合：各科室等单位" in plain and "办公室、宣教中心等相关科室" in plain
    result = run("list", "--unit", "梨树县", "--format", "plain", "-c", str(CHECKLIST))
    assert "角色：共同，经 县（市）区政府" in result.output
    assert "（县（市）区政府）" not in result.output


# -- 11. deadlines by date -------------------------------------------------------------------


def test_month_12_finds_year_end() -> None:
    found = [r["indicator"] for r in records(BUREAU, "--month", "12")]
    assert found == [3, 8]  # 年底前 and 12月底前; 贯穿全年 is not a month's deadline


@pytest.mark.parametrize(
    "option",
    [["--month", "6"], ["--due-before", "2022-06-30"], ["--overdue"], ["--deadline", "年底前"]],
)
def test_deadline_filters_on_a_table_without_deadlines_say_so(option: list[str]) -> None:
    result = run("list", "-c", str(GOAL_ONLY), *option)
    assert result.exit_code == 2
    assert "this table has no 完成时限 column" in result.output
    assert "No indicator matches" not in result.output


# -- 12. several --unit in csv ---------------------------------------------------------------


def test_csv_with_two_units_prefixes_every_row() -> None:
    result = run(
        "list", "-c", str(BUREAU), "--unit", "办公室", "--unit", "环评科", "--format", "csv"
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    lone = next(r for r in rows if r["indicator"] == "2")  # only 办公室 holds it
    assert lone["roles"] == "办公室：负责"
    for row in rows:
        assert all(line.split("：")[0] in ("办公室", "环评科") for line in row["roles"].split("\n"))


# -- issue 17 item 11: the text and its roles agree ----------------------------------------


def test_a_text_edited_without_its_roles_is_caught(tmp_path: Path) -> None:
    shutil.copy(CHECKLIST.parent / "siping-units.yaml", tmp_path)
    text = CHECKLIST.read_text(encoding="utf-8")
    old = "          牵头部门：市政府办公室、市司法局\n"
    assert old in text
    path = tmp_path / "2022.yaml"
    path.write_text(text.replace(old, "          牵头部门：市政府办公室、市司法句\n", 1), "utf-8")
    code, found = lint(path, "--select", "ZW308")
    assert code == 1
    [differ] = found
    message = str(differ["message"])
    assert "“市司法句”" in message and "`roles` say 牵头：市政府办公室、市司法局" in message
    line = path.read_text(encoding="utf-8").splitlines()[int(str(differ["line"])) - 1]
    assert "text:" in line  # located at the text (a block scalar starts on the key's line)
    assert lint(CHECKLIST, "--select", "ZW308") == (0, [])


@pytest.mark.parametrize(
    ("path", "option", "said"),
    [
        (BUREAU, "--task", "this table's 工作任务 does not number it"),
        (BUREAU, "--goal", "this table's 目标 has no such level"),
        (GOAL_ONLY, "--task", "this table's 主要任务 has no such level"),
    ],
)
def test_a_level_filter_the_table_cannot_answer_says_so(path: Path, option: str, said: str) -> None:
    result = run("list", "-c", str(path), option, "1")
    assert result.exit_code == 2 and said in result.output


def test_the_goal_filter_works_on_the_only_level() -> None:
    assert [r["indicator"] for r in records(GOAL_ONLY, "--goal", "二")] == [4, 5, 6]


def test_a_level_the_columns_leave_out_has_no_title(tmp_path: Path) -> None:
    path = copy(tmp_path, GOAL_ONLY, "goal-only-units.yaml", {"columns: [goal, ": "columns: ["})
    with pytest.raises(LoadError) as error:
        load(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert {lines[p.line - 1].strip() for p in error.value.problems} == {
        "- number: 一",
        "- number: 二",
        "- number: 三",
    }
    assert "meta.columns leaves goal out" in error.value.problems[0].message


def test_a_goal_only_table_names_each_goal_on_its_sheets(tmp_path: Path) -> None:
    """The only level is 工作任务 "一、…" (as a goal): every unit sheet heads its rows with it,
    in a header row that repeats on each page (issue 14 item 6)."""
    from docx import Document

    result = run("render", "-c", str(GOAL_ONLY), "--all", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    found = records(GOAL_ONLY)
    for sheet in sorted(tmp_path.glob("*.docx")):
        for table in Document(str(sheet)).tables:
            if table.rows[0].cells[0].text.strip() != "序号":
                continue  # the 填报 line
            heading = table.rows[1].cells[0].text.strip()
            numbers = [int(r.cells[0].text) for r in table.rows[2:] if r.cells[0].text.isdigit()]
            assert numbers, sheet.name
            goals = {r["goal"]["heading"] for r in found if r["indicator"] in numbers}  # type: ignore[index]
            assert goals == {heading}, (sheet.name, heading)
