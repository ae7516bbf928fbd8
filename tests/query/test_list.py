from __future__ import annotations

from zhengwu_cli.load import Loaded

from .helpers import numbers, records, run


def test_direct_unit_lists_exactly_the_rows_that_name_it() -> None:
    recs = records("--unit", "市司法局", "--direct")
    assert [r["indicator"] for r in recs] == [1, 2, 4, 5, 6, 7, 8, 9, 10, 16]
    assert all(r["roles"] == [{"unit": "市司法局", "role": "牵头", "via": None}] for r in recs)


def test_json_record_fields() -> None:
    rec = records("--unit", "市司法局", "--direct")[0]
    assert rec["indicator"] == 1
    assert rec["text"].startswith("落实行政规范性文件统一登记")
    assert rec["goal"] == {
        "number": 1,
        "numeral": "一",
        "title": "提升政策和决策公开质量",
        "heading": "一、提升政策和决策公开质量",
    }
    assert rec["task"]["number"] == 1
    assert {"unit": "市司法局", "role": "牵头", "duty": None, "etc": None} in rec["units"]
    assert [m["number"] for m in rec["measures"]] == [1, 2, 3, 4]
    assert (
        rec["measures"][0]["text"]
        == "在政府网站的政府信息公开专栏中集中公开并动态更新现行有效行政规范性文件"
    )
    assert rec["deadline"] == {
        "text": "贯穿全年",
        "date": "2022-12-31",
        "continuous": True,
        "relative": None,
    }
    assert rec["outcome"].startswith("在政府门户网站")
    assert rec["origin"] == {
        "units": "stated",
        "measures": "stated",
        "deadline": "stated",
        "outcome": "stated",
    }
    assert rec["source_line"] == 13


def test_roles_only_with_unit() -> None:
    assert all("roles" not in r for r in records("--goal", "一"))


def test_county_gets_rows_assigned_to_its_group(loaded: Loaded) -> None:
    recs = records("--unit", "梨树县")
    got = {r["indicator"] for r in recs}
    group_rows = {
        i.number
        for _, _, i in loaded.checklist.indicators()
        if any(ref.unit == "县（市）区政府" for line in i.units.roles for ref in line.units)
    }
    assert group_rows and group_rows <= got
    assert all(role["via"] == "县（市）区政府" for r in recs for role in r["roles"])
    assert records("--unit", "梨树县", "--direct") == []


def test_department_row_shows_role_and_group() -> None:
    result = run("list", "--unit", "市人社局", "--format", "plain")
    assert result.exit_code == 0
    assert "角色：落实，经 市政府各部门" in result.output


def test_alias_and_canonical_name_agree() -> None:
    assert numbers("--unit", "市政府办") == numbers("--unit", "市政府办公室")
    assert numbers("--unit", "伊通县") == numbers("--unit", "伊通满族自治县")


def test_misspelt_unit_gets_a_suggestion() -> None:
    result = run("list", "--unit", "市司法")
    assert result.exit_code == 2
    assert "Error: unknown unit “市司法”; did you mean 市司法局?" in result.output
    assert "Traceback" not in result.output


def test_due_before_accepts_both_date_forms() -> None:
    assert numbers("--due-before", "2022-06-30") == [46, 73, 80, 82]
    assert numbers("--due-before", "2022年6月30日") == [46, 73, 80, 82]


def test_due_before_reads_every_form_of_the_one_date_parser() -> None:
    # query's own regex read only 2022-06-30 and 2022年6月30日; dates.parse reads these too
    for written in ("2022/6/30", "2022.6.30", "２０２２年６月３０日", "二〇二二年六月三十日"):
        assert numbers("--due-before", written) == [46, 73, 80, 82], written


def test_bad_date_is_a_usage_error() -> None:
    result = run("list", "--due-before", "6/30")
    assert result.exit_code == 2
    assert "“6/30” is not a date; write 2022年6月30日 or 2022-06-30" in result.output


def test_due_after_and_month() -> None:
    after = records("--due-after", "2022-07-01")
    assert after and all(r["deadline"]["date"] >= "2022-07-01" for r in after)
    june = records("--month", "六")
    assert [r["indicator"] for r in june] == numbers("--month", "6")
    assert june and all(r["deadline"]["date"].startswith("2022-06") for r in june)


def test_annual_report_deadline_differs_for_a_county() -> None:
    city = records("--unit", "市政府办公室", "--deadline", "按照年报发布时间")
    county = records("--unit", "梨树县", "--deadline", "按照年报发布时间")
    assert [r["deadline"]["date"] for r in city] == ["2023-01-31"]
    assert [r["deadline"]["date"] for r in county] == ["2023-03-31"]


def test_deadline_text() -> None:
    recs = records("--deadline", "贯穿全年")
    assert len(recs) > 40
    assert all(r["deadline"]["text"] == "贯穿全年" for r in recs)


def test_overdue_as_of() -> None:
    assert numbers("--overdue", "--as-of", "2022-07-01") == [46, 73, 80, 82]
    assert numbers("--overdue", "--as-of", "2022-06-30") == numbers("--due-before", "2022-06-29")
    result = run("list", "--as-of", "2022-07-01")
    assert result.exit_code == 2
    assert "--overdue" in result.output


def test_goal_and_task_numbers() -> None:
    assert numbers("--goal", "二") == numbers("--goal", "2")
    assert {r["goal"]["number"] for r in records("--goal", "二")} == {2}
    assert numbers("--task", "十一") == [24, 25, 26, 27, 28]


def test_role_filter_accepts_chinese() -> None:
    recs = records("--unit", "市政数局", "--role", "配合")
    assert recs and all(role["role"] == "配合" for r in recs for role in r["roles"])
    lead = numbers("--unit", "市政数局", "--role", "牵头")
    assert lead and not set(lead) & {r["indicator"] for r in recs if len(r["roles"]) == 1}
    result = run("list", "--role", "主办")
    assert result.exit_code == 2
    assert "unknown role “主办”" in result.output


def test_grep_looks_at_measures_too() -> None:
    recs = records("--grep", "信用监管")
    assert [r["indicator"] for r in recs] == [28]


def test_filters_combine_with_and() -> None:
    both = set(numbers("--unit", "市政数局", "--goal", "四"))
    assert both == set(numbers("--unit", "市政数局")) & set(numbers("--goal", "四"))


def test_empty_result_says_so() -> None:
    result = run("list", "--grep", "没有这样的文字")
    assert result.exit_code == 0
    assert "No indicator matches" in result.output
    assert "没有这样的文字" in result.output
    json_result = run("list", "--grep", "没有这样的文字", "--format", "json")
    assert json_result.exit_code == 0
    assert json_result.stdout == "[]\n"
    assert "No indicator matches" in json_result.stderr


def test_roles_through_groups_follow_the_registry_asked(loaded: Loaded) -> None:
    """The expansion of a row's groups is kept per registry: filling in the members of
    市政府各相关部门 changes the answer at once, for rows built before."""
    from zhengwu_cli.query import roles_of, rows

    all_rows = rows(loaded.checklist, loaded.registry)
    row = next(r for r in all_rows if any(a.unit == "市政府各相关部门" for a in r.named))
    assert roles_of(row, "市司法局", loaded.registry) == []  # the group has no members yet
    registry = loaded.registry.model_copy(deep=True)
    group = next(g for g in registry.groups if g.name == "市政府各相关部门")
    group.members = ["市司法局"]
    found = roles_of(row, "市司法局", registry)
    assert [(a.unit, a.via) for a in found] == [("市司法局", "市政府各相关部门")]
    assert roles_of(row, "市司法局", loaded.registry) == []


def test_a_wrong_option_is_named_before_the_checklist_is_read() -> None:
    from click.testing import CliRunner

    from zhengwu_cli.cli import cli

    cases = [
        (["--as-of", "2022-01-01"], "--as-of goes with --overdue"),
        (["--month", "13"], "--month 13: there is no such month"),
        (["--task", "0"], "--task 0: numbering starts at 1"),
        (["--role", "主管"], "unknown role “主管”"),
    ]
    for args, message in cases:
        result = CliRunner().invoke(cli, ["list", "--checklist", "nope.yaml", *args])
        assert result.exit_code == 2
        assert message in result.output, result.output
