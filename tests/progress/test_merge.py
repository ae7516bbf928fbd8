"""collect's merge: idempotent, ordered by the sheets' saved time, hand corrections kept, and a
dry run / conflicts / last line a person can read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from zhengwu_cli.ledger.load import load_ledger
from zhengwu_cli.ledger.merge import Why, plan
from zhengwu_cli.ledger.model import Entry, Ledger, Status
from zhengwu_cli.load import load
from zhengwu_cli.units import Registry

from .helpers import CHECKLIST, ROOT, SAMPLE, fill, run
from .test_store import blanks, saved_at

__all__ = ["blanks"]  # the module's fixture, used here

UTC = dt.timezone.utc
JUNE = dt.datetime(2022, 6, 20, 9, 0, tzinfo=UTC)
JULY = dt.datetime(2022, 7, 1, 9, 0, tzinfo=UTC)
AUGUST = dt.datetime(2022, 8, 1, 9, 0, tzinfo=UTC)

# 市司法局's rows 5 and 6 (not in the sample ledger)
EARLY = {5: "推进中 正在起草解读材料", 6: "已完成 2022年6月1日 目录已发布"}
LATE = {5: "已完成 2022年6月30日 解读材料20篇已发布", 6: "已完成 2022年6月1日 目录已发布"}


def version(blanks: Path, cells: dict[int, str], target: Path, when: dt.datetime) -> Path:
    return saved_at(fill(blanks / "市司法局.docx", cells, target), when)


def row(ledger: Path, number: int) -> list[tuple[Status, str | None, str | None]]:
    return [
        (e.status, e.evidence or e.notes, e.source)
        for e in load_ledger(ledger).ledger.entries
        if e.indicator == number and e.unit == "市司法局"
    ]


# -- --update is idempotent and goes by time -----------------------------------------------------


def test_two_versions_of_a_sheet_in_one_run(tmp_path: Path, blanks: Path) -> None:
    """The later-saved sheet is named first: time decides, not the name."""
    later = version(blanks, LATE, tmp_path / "甲.docx", JULY)
    earlier = version(blanks, EARLY, tmp_path / "乙.docx", JUNE)
    ledger = tmp_path / "2022.yaml"

    alone = run("collect", "--ledger", ledger, later, earlier)
    assert alone.exit_code == 0, alone.output
    assert "conflict: indicator 5 市司法局: two sheets of the unit disagree" in alone.stderr
    assert "neither was applied" in alone.stderr
    assert row(ledger, 5) == []  # neither applied silently
    assert row(ledger, 6) == [(Status.done, "目录已发布", "甲.docx")]  # the same in both: once

    taken = run("collect", "--ledger", ledger, "--update", later, earlier)
    assert taken.exit_code == 0, taken.output
    assert "the later is taken (--update)" in taken.stderr
    assert row(ledger, 5) == [(Status.done, "解读材料20篇已发布", "甲.docx")]

    before = ledger.read_bytes()
    for _ in range(2):  # and again: nothing is added, with or without --update
        again = run("collect", "--ledger", ledger, "--update", earlier, later)
        assert again.exit_code == 0, again.output
        assert "0 entries to add" in again.stdout
        assert again.stdout.splitlines()[-1] == "nothing written"
    assert run("collect", "--ledger", ledger, later, later).exit_code == 0
    assert ledger.read_bytes() == before


def test_an_older_sheet_does_not_undo_a_newer_one(tmp_path: Path, blanks: Path) -> None:
    later = version(blanks, LATE, tmp_path / "市司法局（二）.docx", JULY)
    earlier = version(blanks, EARLY, tmp_path / "市司法局.docx", JUNE)
    ledger = tmp_path / "2022.yaml"
    assert run("collect", "--ledger", ledger, later).exit_code == 0
    before = ledger.read_bytes()
    old = run("collect", "--ledger", ledger, "--update", earlier)
    assert old.exit_code == 0, old.output
    assert "is not newer than 市司法局（二）.docx (saved 2022-07-01" in old.stderr
    assert "kept as the ledger has them even with --update" in old.stderr
    assert ledger.read_bytes() == before
    # a newer one still goes through
    newest = version(blanks, {5: "不适用 职能已划转"}, tmp_path / "市司法局（三）.docx", AUGUST)
    assert run("collect", "--ledger", ledger, "--update", newest).exit_code == 0
    assert row(ledger, 5)[-1] == (Status.not_applicable, "职能已划转", "市司法局（三）.docx")


def test_a_hand_correction_survives_update_of_the_same_sheet(tmp_path: Path, blanks: Path) -> None:
    sheet = version(blanks, EARLY, tmp_path / "市司法局.docx", JUNE)
    ledger = tmp_path / "2022.yaml"
    assert run("collect", "--ledger", ledger, sheet).exit_code == 0
    # the office corrects row 5 in the ledger (the unit phoned: it is done), and adds row 7
    text = ledger.read_text(encoding="utf-8")
    assert text.count("status: 推进中") == 1
    text = text.replace("status: 推进中", "status: 已完成")
    text += "- indicator: 7\n  unit: 市司法局\n  status: 不适用\n  notes: 电话确认\n"
    ledger.write_text(text, encoding="utf-8")
    before = ledger.read_bytes()
    with_row_7 = version(blanks, {**EARLY, 7: "推进中 待定"}, tmp_path / "市司法局.docx", JUNE)
    again = run("collect", "--ledger", ledger, "--update", with_row_7)
    assert again.exit_code == 0, again.output
    assert "conflict: indicator 7 市司法局" in again.stderr
    assert "kept: the ledger's entry was written by hand (no source) and has no date" in (
        again.stderr
    )
    assert ledger.read_bytes() == before
    assert [s for s, _, _ in row(ledger, 5)] == [Status.done]


# -- the rules, one by one -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load(CHECKLIST).registry


def entry(status: Status, text: str, source: str | None, saved: dt.datetime | None) -> Entry:
    return Entry(
        indicator=5,
        unit="市司法局",
        status=status,
        notes=text.split(" ", 1)[-1] if status is not Status.done else None,
        evidence=text.split(" ", 1)[-1] if status is Status.done else None,
        text=text,
        source=source,
        saved=saved,
        collected=dt.date(2022, 7, 2),
    )


def test_the_same_words_are_nothing_new_whatever_the_ledger_made_of_them(
    registry: Registry,
) -> None:
    collected = entry(Status.in_progress, "推进中 正在起草", "a.docx", JUNE)
    corrected = collected.model_copy(update={"status": Status.done})  # edited in the ledger
    ledger = Ledger(year=2022, entries=[corrected])
    again = collected.model_copy(update={"collected": dt.date(2022, 9, 1)})
    for update in (False, True):
        result = plan(ledger, [again], registry, update)
        assert (result.added, result.conflicts) == ([], [])
        assert result.corrected == [corrected]
    # different words in a newer sheet are news
    newer = entry(Status.done, "已完成 已发布", "b.docx", JULY)
    result = plan(ledger, [newer], registry, update=True)
    assert result.added == [newer]
    assert [c.why for c in result.conflicts] == [Why.ledger]


def test_the_same_report_with_other_collection_fields_is_not_added_again(
    registry: Registry,
) -> None:
    """`text`, `collected`, `saved` and `source` do not make one report two."""
    first = entry(Status.done, "已完成 目录", "a.docx", JUNE)
    ledger = Ledger(year=2022, entries=[first])
    copy = first.model_copy(
        update={
            "text": "已完成：目录",
            "collected": dt.date(2022, 12, 1),
            "saved": JULY,
            "source": "a（另存）.docx",
        }
    )
    result = plan(ledger, [copy, copy.model_copy()], registry, update=True)
    assert result.added == [] and result.conflicts == []
    assert len(result.unchanged) == 2


def test_a_row_twice_in_one_sheet_saying_two_things_is_applied_neither_way(
    registry: Registry,
) -> None:
    one = entry(Status.done, "已完成 目录", "a.docx", JUNE)
    two = entry(Status.in_progress, "推进中 待定", "a.docx", JUNE)
    for update in (False, True):
        result = plan(Ledger(year=2022), [one, two], registry, update)
        assert result.added == []
        assert [c.why for c in result.conflicts] == [Why.unordered]


def test_a_hand_entry_gives_way_only_to_a_sheet_saved_after_its_day(
    registry: Registry,
) -> None:
    by_hand = Entry(
        indicator=5, unit="市司法局", status=Status.in_progress, date=dt.date(2022, 7, 1)
    )
    ledger = Ledger(year=2022, entries=[by_hand])
    same_day = entry(Status.done, "已完成 已发布", "a.docx", JULY)
    kept = plan(ledger, [same_day], registry, update=True)
    assert kept.added == [] and [c.why for c in kept.conflicts] == [Why.by_hand]
    after = entry(Status.done, "已完成 已发布", "a.docx", AUGUST)
    assert plan(ledger, [after], registry, update=True).added == [after]


# -- what a person reads -------------------------------------------------------------------------


def test_dry_run_shows_the_entries_it_would_add(tmp_path: Path, blanks: Path) -> None:
    huge = "已完成 2022年6月30日 " + "解读材料" * 5000  # 20,000 characters
    sheet = version(blanks, {**EARLY, 8: huge}, tmp_path / "市司法局.docx", JUNE)
    ledger = tmp_path / "2022.yaml"
    result = run("collect", "--ledger", ledger, "--dry-run", sheet)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    # what it was read as, then the cell's words as the liaison wrote them
    assert "  + 5 市司法局 推进中 “推进中 正在起草解读材料”" in lines
    assert "  + 6 市司法局 已完成 2022-06-01 “已完成 2022年6月1日 目录已发布”" in lines
    (long,) = [line for line in lines if line.startswith("  + 8 ")]
    assert long.startswith("  + 8 市司法局 已完成 2022-06-30 “已完成 2022年6月30日 解读材料解读")
    assert len(long) < 120
    assert lines[-1] == "nothing written (--dry-run)"
    assert not ledger.exists()


def test_conflicts_are_printed_shortened(tmp_path: Path, blanks: Path) -> None:
    ledger = tmp_path / "2022.yaml"
    ledger.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    huge = "推进中 " + "正在梳理\n\t" * 4000
    sheet = version(blanks, {1: huge}, tmp_path / "市司法局.docx", JUNE)
    result = run("collect", "--ledger", ledger, sheet)
    assert result.exit_code == 0, result.output
    (line,) = [x for x in result.stderr.splitlines() if x.startswith("conflict: indicator 1 ")]
    assert len(line) < 400
    assert "正在梳理 正在梳理" in line  # one line
    assert "…" in line


def test_the_last_line_says_when_sheets_were_skipped(tmp_path: Path, blanks: Path) -> None:
    damaged = tmp_path / "坏.docx"
    damaged.write_bytes(b"PK\x03\x04 not really a zip")
    sheet = version(blanks, EARLY, tmp_path / "市司法局.docx", JUNE)
    other = version(blanks, LATE, tmp_path / "市司法局（二）.docx", JULY)
    ledger = tmp_path / "2022.yaml"
    result = run("collect", "--ledger", ledger, sheet, damaged, other)
    assert result.exit_code == 0, result.output
    last = result.stdout.splitlines()[-1]
    assert last == f"wrote {ledger}; 2 sheets read, 1 skipped — see above"
    dry = run("collect", "--ledger", ledger, "--dry-run", damaged, sheet)
    assert dry.stdout.splitlines()[-1] == (
        "nothing written (--dry-run); 1 sheet read, 1 skipped — see above"
    )


def test_the_exit_codes_are_the_ones_the_docs_give(tmp_path: Path) -> None:
    docs = (ROOT / "docs" / "ledger.md").read_text(encoding="utf-8")
    section = docs[docs.index("## 收集") :]
    section = section[: section.index("\n## ", 1)]
    assert "一份都读不了时退出码为 2" in section
    assert "130" in section
    damaged = tmp_path / "坏.docx"
    damaged.write_bytes(b"not a docx")
    result = run("collect", "--ledger", tmp_path / "2022.yaml", damaged)
    assert result.exit_code == 2
