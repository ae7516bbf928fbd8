"""Each rule: the base document passes, one edit makes it fail at the edited line."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import BASE, check, codes

IND = "    - number: 1\n      text: 集中发布现行有效规章\n"
SECOND = IND.replace("number: 1", "number: {n}").replace("集中发布现行有效规章", "第二项指标")


def test_base_document_is_clean(tmp_path: Path) -> None:
    assert check(tmp_path) == []


@pytest.mark.parametrize(
    ("code", "old", "new", "line"),
    [
        ("ZW101", "  - number: 一\n    title: 规范", "  - number: 二\n    title: 规范", 12),
        (
            "ZW201",
            "      units:\n        text: 牵头部门：市司法局\n        roles:\n"
            "        - role: 牵头\n          units: [市司法局]\n",
            "",
            15,
        ),
        ("ZW202", "      deadline: {text: 6月底前}\n", "", 15),
        ("ZW203", "      outcome: {text: 专栏页面}\n", "", 15),
        (
            "ZW204",
            "      measures:\n        items:\n        - number: 1\n"
            "          text: 在专栏中集中公开\n",
            "",
            15,
        ),
        ("ZW301", "units: [市司法局]", "units: [市司发局]", 21),
        ("ZW302", "units: [市司法局]", "units: [市政府办]", 21),
        ("ZW303", "units: [市司法局]", "units: [公主岭市]", 21),
        ("ZW304", "units: [市司法局]", "units: [市政府各相关部门]", 21),
        ("ZW401", "6月底前", "13月底前", 26),
        ("ZW402", "6月底前", "2021年6月30日前", 26),
        ("ZW501", "专栏页面", "'专栏页面 HYPERLINK \"http://x\"'", 27),
        ("ZW502", "{text: 专栏页面}", '{text: "专栏\\x0b页面"}', 27),
        ("ZW503", "{text: 专栏页面}", "{text: '专栏页面 '}", 27),
        ("ZW504", "在专栏中集中公开", "在专栏中集中公开;", 25),
        ("ZW505", "在专栏中集中公开", "在《专栏中集中公开", 25),
        ("ZW507", "在专栏中集中公开", "纳入台帐和台账", 25),
    ],
)
def test_rule_fails_at_the_edit(tmp_path: Path, code: str, old: str, new: str, line: int) -> None:
    problems = check(tmp_path, (old, new), select=code)
    assert codes(problems) == [(code, line)], [p.parsable() for p in problems]


def _two_indicators(n: int) -> str:
    return BASE + SECOND.format(n=n) + "      measures: {origin: missing}\n"


def test_numbering_repeat_and_order(tmp_path: Path) -> None:
    repeat = check(tmp_path, (BASE, _two_indicators(1)), select="ZW102")
    assert codes(repeat) == [("ZW102", 28)]
    assert "first at line 15" in repeat[0].message


def test_numbering_gap_names_the_missing_number(tmp_path: Path) -> None:
    problems = check(tmp_path, (BASE, _two_indicators(3)), select="ZW101")
    assert [p.message for p in problems] == [
        "细化指标 numbering jumps from 1. to 3.: 2. is missing"
    ]


def test_numbering_order(tmp_path: Path) -> None:
    text = _two_indicators(2).replace(
        "- number: 1\n      text: 集中", "- number: 3\n      text: 集中"
    )
    problems = check(tmp_path, (BASE, text), select="ZW103")
    assert codes(problems) == [("ZW103", 28)]


def test_carried_mismatch_and_inferred(tmp_path: Path) -> None:
    carried = (
        SECOND.format(n=2)
        + "      deadline: {origin: carried, from: 1, text: 9月底前}\n"
        + "      outcome: {origin: carried, from: 1, text: 专栏页面}\n"
        + "      measures: {origin: carried, from: 1, refs: [1]}\n"
        + "      units: {origin: inferred, reason: 措施写明,\n"
        + "              roles: [{role: 牵头, units: [市司法局]}]}\n"
    )
    problems = check(tmp_path, (BASE, BASE + carried), select="ZW2")
    assert codes(problems) == [("ZW207", 30), ("ZW208", 33)]
    assert "differs from that row" in problems[0].message


def test_carried_across_task_is_info(tmp_path: Path) -> None:
    other_task = (
        "  - number: 二\n    title: 第二项任务\n    indicators:\n"
        + SECOND.format(n=2)
        + "      deadline: {origin: carried, from: 1, text: 6月底前}\n"
    )
    problems = check(tmp_path, (BASE, BASE + other_task), select="ZW206")
    assert [(p.code, p.severity.value) for p in problems] == [("ZW206", "info")]


def test_empty_task(tmp_path: Path) -> None:
    extra = "  - number: 二\n    title: 第二项任务\n"
    problems = check(tmp_path, (BASE, BASE + extra), select="ZW205")
    assert [p.message for p in problems] == ["主要任务 （二）第二项任务 has no 细化指标"]


def test_near_duplicate_measures(tmp_path: Path) -> None:
    old = "          text: 在专栏中集中公开\n"
    new = old + "        - number: 2\n          text: 在专栏中，集中公开。\n"
    problems = check(tmp_path, (old, new), select="ZW506")
    assert [p.message for p in problems] == [
        "工作措施 （2） differs from （1） only in punctuation or spaces"
    ]


def test_balanced_text_passes_and_stray_closer_fails(tmp_path: Path) -> None:
    assert check(tmp_path, ("在专栏中集中公开", "在“专栏”《中》集中（公开）"), select="ZW505") == []
    problems = check(tmp_path, ("在专栏中集中公开", "在专栏”中集中公开"), select="ZW505")
    assert "closes nothing" in problems[0].message


@pytest.mark.parametrize(
    "deadline",
    ["二〇二一年六月三十日前", "2021年底前", "20210630前", "２０２１年６月３０日前", "2023年4月前"],
)
def test_deadline_outside_window_reads_every_date_form(tmp_path: Path, deadline: str) -> None:
    """ZW402 reads dates with the tool's one parser (zhengwu_cli.dates), so a year written in
    Chinese numerals, 2021年底 or 20210630 is checked like 2021年6月30日."""
    problems = check(tmp_path, ("6月底前", deadline), select="ZW402")
    assert codes(problems) == [("ZW402", 26)], [p.parsable() for p in problems]
    assert "outside the 2022 plan year" in problems[0].message


@pytest.mark.parametrize(
    "deadline", ["2023年3月底前", "2022年底前", "二〇二二年六月三十日前", "年底前"]
)
def test_deadline_inside_window_passes(tmp_path: Path, deadline: str) -> None:
    assert check(tmp_path, ("6月底前", deadline), select="ZW402") == []


def test_deadline_outside_window_no_such_day(tmp_path: Path) -> None:
    problems = check(tmp_path, ("6月底前", "2022年2月30日前"), select="ZW402")
    assert [(p.code, p.message) for p in problems] == [("ZW402", "“2022年2月30日” is not a date")]
