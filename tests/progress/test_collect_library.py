"""`ledger.collect.collect` and `ledger.status.ledger_standing`: the commands' work as library
calls that return what happened (issue 17 item 5), and the commands printing it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from zhengwu_cli.atomic import write_atomic
from zhengwu_cli.ledger import store
from zhengwu_cli.ledger.collect import (
    Collected,
    Event,
    Interrupted,
    LedgerRead,
    NothingRead,
    SheetRead,
    SheetSkipped,
    WrongYear,
    collect,
)
from zhengwu_cli.ledger.load import load_ledger
from zhengwu_cli.ledger.merge import Plan
from zhengwu_cli.ledger.status import GroupGiven, ledger_standing
from zhengwu_cli.load import Loaded

from .helpers import SAMPLE, fill, render_sheet, run

TODAY = date(2022, 7, 1)


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_sheet("市司法局", tmp_path_factory.mktemp("sheet") / "市司法局.docx")


@pytest.fixture
def sheets(tmp_path: Path, blank: Path) -> tuple[Path, Path]:
    """A filled sheet of 市司法局 (rows 1 and 5) and a damaged document."""
    good = fill(blank, {1: "已完成 目录", 5: "推进中 解读材料待报送"}, tmp_path / "市司法局.docx")
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    return good, bad


def test_collect_returns_what_it_did_and_tells_each_step(
    tmp_path: Path, loaded: Loaded, sheets: tuple[Path, Path]
) -> None:
    good, bad = sheets
    ledger = tmp_path / "2022.yaml"
    ledger.write_bytes(SAMPLE.read_bytes())
    told: list[Event] = []
    found = collect(
        [bad, good],
        ledger,
        loaded.checklist,
        loaded.registry,
        today=TODAY,
        on_progress=told.append,
    )
    assert isinstance(found, Collected)
    assert [type(e) for e in told] == [LedgerRead, SheetSkipped, SheetRead, Plan]
    assert [s.path for s in found.skipped] == [bad] and "not a Word .docx file" in (
        found.skipped[0].reason
    )
    assert [r.sheet.unit for r in found.read] == ["市司法局"]
    assert [(e.indicator, e.unit) for e in found.plan.added] == [(5, "市司法局")]  # 1: unchanged
    assert found.written and not found.dry_run
    entries = load_ledger(ledger).ledger.entries
    assert entries[-1].indicator == 5 and entries[-1].collected == TODAY


def test_a_dry_run_plans_and_writes_nothing(
    tmp_path: Path, loaded: Loaded, sheets: tuple[Path, Path]
) -> None:
    ledger = tmp_path / "new" / "2022.yaml"
    found = collect([sheets[0]], ledger, loaded.checklist, loaded.registry, dry_run=True)
    assert found.dry_run and not found.written
    assert sorted(e.indicator for e in found.plan.added) == [1, 5]
    assert not ledger.exists() and not ledger.parent.exists()


def test_collect_raises_what_the_user_must_fix(
    tmp_path: Path, loaded: Loaded, sheets: tuple[Path, Path]
) -> None:
    ledger = tmp_path / "2022.yaml"
    with pytest.raises(NothingRead, match="no sheet could be read"):
        collect([sheets[1]], ledger, loaded.checklist, loaded.registry)
    assert not ledger.exists()
    ledger.write_text(SAMPLE.read_text(encoding="utf-8").replace("year: 2022", "year: 2021"))
    with pytest.raises(WrongYear, match="the ledger is for 2021, the checklist for 2022"):
        collect([sheets[0]], ledger, loaded.checklist, loaded.registry)


def test_ctrl_c_says_whether_the_ledger_was_written(
    tmp_path: Path, loaded: Loaded, sheets: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = tmp_path / "2022.yaml"
    ledger.write_bytes(SAMPLE.read_bytes())

    def planned_then_ctrl_c(event: Event) -> None:
        if isinstance(event, Plan):  # under the lock, before the write
            raise KeyboardInterrupt

    with pytest.raises(Interrupted) as before:
        collect(
            [sheets[0]], ledger, loaded.checklist, loaded.registry, on_progress=planned_then_ctrl_c
        )
    assert not before.value.collected.written
    assert ledger.read_bytes() == SAMPLE.read_bytes()

    real = write_atomic  # what store calls, from the module that defines it

    def written_then_ctrl_c(*args: object, **kwargs: object) -> None:
        real(*args, **kwargs)  # type: ignore[arg-type]
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "write_atomic", written_then_ctrl_c)
    with pytest.raises(Interrupted) as after:
        collect([sheets[0]], ledger, loaded.checklist, loaded.registry)
    assert after.value.collected.written
    assert len(load_ledger(ledger).ledger.entries) > len(load_ledger(SAMPLE).ledger.entries)


def test_a_ctrl_c_as_the_command_prints_its_last_line_knows_the_ledger_was_written(
    tmp_path: Path, sheets: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from zhengwu_cli.cli import ledger as command

    def interrupted(collected: Collected) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(command, "_show_end", interrupted)
    ledger = tmp_path / "2022.yaml"
    result = run("collect", "--ledger", ledger, sheets[0])
    assert result.exit_code == 130
    assert f"interrupted (Ctrl-C): {ledger} was written in full before that" in result.stderr
    assert ledger.exists()


def test_ledger_standing_checks_the_ledger_and_refuses_a_group(loaded: Loaded) -> None:
    ledger = load_ledger(SAMPLE)
    checked = ledger_standing(loaded.checklist, loaded.registry, ledger, TODAY)
    assert checked.standing is not None and not checked.errors
    assert checked.standing.reported == 4
    with pytest.raises(GroupGiven, match="市政府各部门 is a group, not a unit that reports"):
        ledger_standing(loaded.checklist, loaded.registry, ledger, TODAY, "市政府各部门")
    broken = load_ledger(SAMPLE)
    broken.ledger.entries[0].indicator = 999  # no such indicator: an error (ZW6xx)
    found = ledger_standing(loaded.checklist, loaded.registry, broken, TODAY)
    assert found.standing is None and found.errors
