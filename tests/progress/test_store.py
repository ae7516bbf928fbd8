"""The ledger as a store: a lock over the read-modify-write, one careful atomic writer, Ctrl-C.

Concurrency and interruption are tried with real processes (`python -m zhengwu_cli collect`).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from docx import Document

from zhengwu_cli.ledger.load import load_ledger

from .helpers import CHECKLIST, SAMPLE, fill, run

pytestmark = pytest.mark.skipif(os.name != "posix", reason="modes, FIFOs and signals of POSIX")


@pytest.fixture(scope="module")
def blanks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One blank task sheet per unit (`render --all`)."""
    folder = tmp_path_factory.mktemp("blanks")
    result = run("render", "--checklist", CHECKLIST, "--all", "-o", folder)
    assert result.exit_code == 0, result.output
    return folder


def numbers(sheet: Path) -> list[int]:
    found = []
    for table in Document(str(sheet)).tables:  # one per 主要任务
        headings = [c.text.strip() for c in table.rows[0].cells]
        column = headings.index("序号")
        found += [
            int(r.cells[column].text) for r in table.rows[1:] if r.cells[column].text.isdigit()
        ]
    return found


def filled(blanks: Path, unit: str, target: Path, count: int = 2) -> tuple[Path, set[int]]:
    """The unit's sheet with `count` rows filled in (not its first two, which the sample ledger
    has for 市司法局)."""
    rows = numbers(blanks / f"{unit}.docx")[2 : 2 + count]
    cells = {n: f"已完成 2022年6月{n % 28 + 1}日 {unit}第{n}项成果" for n in rows}
    return fill(blanks / f"{unit}.docx", cells, target), set(rows)


def saved_at(sheet: Path, when: dt.datetime) -> Path:
    """The sheet as saved at `when`: its core.xml modified time and the file's time."""
    document = Document(str(sheet))
    document.core_properties.modified = when.astimezone(dt.timezone.utc).replace(tzinfo=None)
    document.save(str(sheet))
    os.utime(sheet, (when.timestamp(), when.timestamp()))
    return sheet


def zhengwu(*args: str | Path, cwd: Path) -> subprocess.Popen[str]:
    # every warning an error, except the ResourceWarning CPython's own import machinery gives
    # when a Ctrl-C lands while it reads a .pyc (an unclosed file of importlib's, not ours)
    env = {**os.environ, "PYTHONWARNINGS": "error,ignore::ResourceWarning", "NO_COLOR": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "zhengwu_cli", *map(str, args)],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# -- the lock ------------------------------------------------------------------------------------


def test_ten_collects_at_once_keep_every_entry(tmp_path: Path, blanks: Path) -> None:
    units = sorted(p.stem for p in blanks.glob("*.docx"))[:10]
    expected: set[tuple[int, str]] = set()
    sheets = []
    for unit in units:
        sheet, rows = filled(blanks, unit, tmp_path / f"{unit}.docx")
        sheets.append(sheet)
        expected |= {(n, unit) for n in rows}
    ledger = tmp_path / "progress" / "2022.yaml"
    runs = [
        zhengwu("collect", "--checklist", CHECKLIST, "--ledger", ledger, sheet, cwd=tmp_path)
        for sheet in sheets
    ]
    outputs = [process.communicate(timeout=300) for process in runs]
    for process, (out, err) in zip(runs, outputs, strict=True):
        assert process.returncode == 0, err
        assert f"wrote {ledger}" in out
        assert "Traceback" not in err
    entries = load_ledger(ledger).ledger.entries
    assert {(e.indicator, e.unit) for e in entries} == expected
    assert len(entries) == len(expected)  # every one once
    assert temporaries(ledger.parent) == []


def test_a_collect_waits_for_the_lock_then_says_so(tmp_path: Path, blanks: Path) -> None:
    ledger = tmp_path / "2022.yaml"
    ledger.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    before = ledger.read_bytes()
    sheet, _ = filled(blanks, "市司法局", tmp_path / "市司法局.docx")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from filelock import FileLock; lock = FileLock(sys.argv[1]); "
            "lock.acquire(); print('held', flush=True); sys.stdin.read()",
            str(tmp_path / "2022.yaml.lock"),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        started = time.monotonic()
        result = run("collect", "--ledger", ledger, "--wait", "0.5", sheet)
        assert time.monotonic() - started < 30
        assert result.exit_code == 2
        assert "another zhengwu collect has been writing this ledger" in result.stderr
        assert "--wait" in result.stderr
        assert ledger.read_bytes() == before
    finally:
        holder.communicate("", timeout=30)
    # once the other has finished, the same collect goes through
    assert run("collect", "--ledger", ledger, sheet).exit_code == 0
    assert len(load_ledger(ledger).ledger.entries) > len(yaml.safe_load(before)["entries"])


def test_a_save_in_an_editor_while_writing_is_not_lost(
    tmp_path: Path, blanks: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone saves the ledger after the collect read it, while its new text is being written:
    the bytes are compared again just before the rename."""
    ledger = tmp_path / "2022.yaml"
    ledger.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    sheet, _ = filled(blanks, "市司法局", tmp_path / "市司法局.docx")
    edited = SAMPLE.read_text(encoding="utf-8") + "# 办公室刚刚保存的批注\n"
    real_chmod = os.chmod

    def chmod_while_someone_saves(path: object, mode: int, **kwargs: object) -> None:
        real_chmod(path, mode, **kwargs)  # type: ignore[arg-type]
        if str(path).endswith(".tmp"):
            ledger.write_text(edited, encoding="utf-8")

    monkeypatch.setattr(os, "chmod", chmod_while_someone_saves)
    result = run("collect", "--ledger", ledger, sheet)
    assert result.exit_code == 2
    assert "changed on disk" in result.stderr
    assert ledger.read_text(encoding="utf-8") == edited
    assert temporaries(tmp_path) == []


# -- the atomic writer ---------------------------------------------------------------------------


def test_a_new_ledger_gets_the_usual_mode_and_a_0600_one_keeps_its_own(
    tmp_path: Path, blanks: Path
) -> None:
    old = os.umask(0o022)
    try:
        sheet, _ = filled(blanks, "市司法局", tmp_path / "市司法局.docx")
        new = tmp_path / "new.yaml"
        assert run("collect", "--ledger", new, sheet).exit_code == 0
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
        private = tmp_path / "private.yaml"
        private.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
        private.chmod(0o600)
        assert run("collect", "--ledger", private, sheet).exit_code == 0
        assert stat.S_IMODE(private.stat().st_mode) == 0o600
        assert len(load_ledger(private).ledger.entries) > 4
    finally:
        os.umask(old)


def test_list_output_files_get_the_usual_mode(tmp_path: Path) -> None:
    """`list -o` went through a writer of its own and came out 0600."""
    old = os.umask(0o022)
    try:
        for name in ("list.xlsx", "list.csv"):
            result = run("list", "--checklist", CHECKLIST, "-o", tmp_path / name)
            assert result.exit_code == 0, result.output
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644
    finally:
        os.umask(old)
    assert temporaries(tmp_path) == []


def test_a_symlinked_ledger_is_written_through(tmp_path: Path, blanks: Path) -> None:
    shared = tmp_path / "共享盘"
    shared.mkdir()
    target = shared / "2022.yaml"
    target.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    link = tmp_path / "2022.yaml"
    link.symlink_to(target)
    sheet, rows = filled(blanks, "市司法局", tmp_path / "市司法局.docx")
    result = run("collect", "--ledger", link, sheet)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert rows <= {e.indicator for e in load_ledger(target).ledger.entries if e.source}
    assert temporaries(shared) == [] and temporaries(tmp_path) == []


def test_a_read_only_ledger_is_refused_before_reading_sheets(tmp_path: Path, blanks: Path) -> None:
    ledger = tmp_path / "2022.yaml"
    ledger.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    ledger.chmod(0o444)
    before = ledger.read_bytes()
    sheet, _ = filled(blanks, "市司法局", tmp_path / "市司法局.docx")
    result = run("collect", "--ledger", ledger, sheet)
    assert result.exit_code == 2
    assert f"{ledger} is read-only; nothing was written" in result.stderr
    assert "rows filled in" not in result.stdout  # refused before any sheet was read
    assert ledger.read_bytes() == before
    # a dry run only reads: it may look
    assert run("collect", "--ledger", ledger, "--dry-run", sheet).exit_code == 0


def test_a_fifo_as_ledger_hangs_neither_collect_nor_status(tmp_path: Path, blanks: Path) -> None:
    fifo = tmp_path / "2022.yaml"
    os.mkfifo(fifo)
    sheet, _ = filled(blanks, "市司法局", tmp_path / "市司法局.docx")
    for args in (["collect", sheet], ["status"], ["collect", "--dry-run", sheet]):
        process = zhengwu(*args, "--checklist", CHECKLIST, "--ledger", fifo, cwd=tmp_path)
        try:
            _, err = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            pytest.fail(f"zhengwu {args[0]} hung on a FIFO as its ledger")
        assert process.returncode == 2, err
        assert "not a regular file" in err
        assert "Traceback" not in err
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_bom_and_crlf_line_ends_are_kept(tmp_path: Path, blanks: Path) -> None:
    ledger = tmp_path / "2022.yaml"
    original = b"\xef\xbb\xbf" + SAMPLE.read_bytes().replace(b"\n", b"\r\n")
    ledger.write_bytes(original)
    sheet, rows = filled(blanks, "市司法局", tmp_path / "市司法局.docx")
    result = run("collect", "--ledger", ledger, sheet)
    assert result.exit_code == 0, result.output
    data = ledger.read_bytes()
    assert data.startswith(original)  # every byte a person wrote, BOM first
    added = data[len(original) :]
    assert added and added.count(b"\n") == added.count(b"\r\n")
    assert rows <= {e.indicator for e in load_ledger(ledger).ledger.entries if e.source}


def test_temporary_files_a_killed_run_left_are_removed(tmp_path: Path, blanks: Path) -> None:
    ledger = tmp_path / "2022.yaml"
    ledger.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / ".2022.yaml.k1ll3d_x.tmp").write_text("half a ledg", encoding="utf-8")
    (tmp_path / ".other.yaml.k1ll3d_x.tmp").write_text("not ours", encoding="utf-8")
    sheet, _ = filled(blanks, "市司法局", tmp_path / "市司法局.docx")
    assert run("collect", "--ledger", ledger, sheet).exit_code == 0
    assert temporaries(tmp_path) == [".other.yaml.k1ll3d_x.tmp"]


def test_the_writer_refuses_what_it_must_not_replace(tmp_path: Path) -> None:
    from zhengwu_cli.atomic import Changed, TargetExists, WriteError, write_atomic

    target = tmp_path / "a.txt"
    write_atomic(target, b"one", expect=None)
    with pytest.raises(Changed):
        write_atomic(target, b"two", expect=None)  # it had to be new
    with pytest.raises(TargetExists):
        write_atomic(target, b"two", replace=False)
    write_atomic(target, lambda path: path.write_bytes(b"three"), expect=b"one")
    assert target.read_bytes() == b"three"
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(WriteError, match="not a regular file"):
        write_atomic(tmp_path / "pipe", b"x")
    assert temporaries(tmp_path) == []


# -- Ctrl-C --------------------------------------------------------------------------------------


def test_ctrl_c_at_any_moment_of_collect(tmp_path: Path, blanks: Path) -> None:
    """SIGINT from the first tenth of a second to the end: a clear message, exit 130, no
    traceback, the ledger either as it was or with every new entry, no temporary file."""
    sheet, _ = filled(blanks, "市司法局", tmp_path / "市司法局.docx", count=50)
    original = SAMPLE.read_bytes()
    # the interpreter's start and the import of zhengwu_cli.cli come before any code that could
    # catch a signal; from then on every moment is covered
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", "import zhengwu_cli.cli"], check=True)
    start = (time.monotonic() - started) * 1.5
    whole = tmp_path / "whole"  # a whole run, to interrupt it up to its last moments
    whole.mkdir()
    (whole / "2022.yaml").write_bytes(original)
    started = time.monotonic()
    args = ("collect", "--checklist", CHECKLIST, "--ledger", "2022.yaml", sheet)
    first = zhengwu(*args, cwd=whole)
    first.communicate(timeout=120)
    assert first.returncode == 0
    took = time.monotonic() - started
    complete = load_ledger(whole / "2022.yaml").ledger.entries
    assert len(complete) > 15
    # (never before `start`: on a loaded machine 0.1 s can still be inside the interpreter's start)
    moments = [start, start + 0.03, *(max(start, d) for d in (0.1, 0.2))]
    moments += [max(start, took * f) for f in (0.5, 0.75, 0.9, 0.97, 1.0)]
    for number, delay in enumerate(moments):
        folder = tmp_path / f"run-{number}"
        folder.mkdir()
        ledger = folder / "2022.yaml"
        ledger.write_bytes(original)
        process = zhengwu(*args, cwd=folder)
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=120)
        assert "Traceback" not in err, (delay, err)
        data = ledger.read_bytes()
        if process.returncode == 0:  # it was done before the signal came
            assert "wrote 2022.yaml" in out
        elif process.returncode == -signal.SIGINT and "interrupted" not in err:
            # done, and the signal came as Python was closing down (signals back to their
            # defaults): the process ends by the signal, which a shell shows as 130
            assert "wrote 2022.yaml" in out
        else:  # (or ended by the signal itself while exiting after the message: also 130)
            assert process.returncode in (130, -signal.SIGINT), (delay, process.returncode, err)
            assert "interrupted (Ctrl-C)" in err
            unchanged = "the ledger was not changed" in err or "nothing was done" in err
            assert unchanged == (data == original), err
        if data != original:  # whole: every entry of the uninterrupted run
            assert data.startswith(original)
            assert load_ledger(ledger).ledger.entries == complete
        assert temporaries(folder) == []


# -- a new ledger's header -----------------------------------------------------------------------


@pytest.mark.parametrize("place", ["四平市 #备注", "2022", "yes", "null", "四平市: 市本级"])
def test_a_new_ledgers_header_reads_back_its_place(
    tmp_path: Path, blanks: Path, place: str
) -> None:
    folder = tmp_path / "checklists"
    folder.mkdir()
    data = yaml.safe_load(CHECKLIST.read_text(encoding="utf-8"))
    registry = CHECKLIST.parent / data["meta"]["registry"]
    shutil.copy(registry, folder / registry.name)
    text = CHECKLIST.read_text(encoding="utf-8")
    old_place = data["meta"]["place"]
    quoted = yaml.safe_dump(place, allow_unicode=True).removesuffix("\n...\n").strip()
    checklist = folder / "2022.yaml"
    checklist.write_text(text.replace(f"place: {old_place}", f"place: {quoted}", 1), "utf-8")
    assert yaml.safe_load(checklist.read_text(encoding="utf-8"))["meta"]["place"] == place
    sheet, _ = filled(blanks, "市司法局", tmp_path / "市司法局.docx")
    ledger = tmp_path / "progress" / "2022.yaml"
    result = run(
        "collect", "--checklist", checklist, "--ledger", ledger, "--unit", "市司法局", sheet
    )
    assert result.exit_code == 0, result.output
    assert load_ledger(ledger).ledger.place == place
    status = run("status", "--checklist", checklist, "--ledger", ledger, "--as-of", "2022-01-02")
    assert "ZW607" not in status.output
    assert status.exit_code in (0, 1), status.output


def test_saved_times_are_kept_in_the_ledger(tmp_path: Path, blanks: Path) -> None:
    sheet, _ = filled(blanks, "市司法局", tmp_path / "市司法局.docx")
    when = dt.datetime(2022, 7, 1, 9, 30, tzinfo=dt.timezone.utc)
    saved_at(sheet, when)
    ledger = tmp_path / "2022.yaml"
    assert run("collect", "--ledger", ledger, sheet).exit_code == 0
    entries = load_ledger(ledger).ledger.entries
    assert {e.saved for e in entries} == {when}
    assert {e.collected for e in entries} == {dt.date.today()}


def test_the_writer_replaces_a_planted_link_when_asked_not_to_follow(tmp_path: Path) -> None:
    """The lint cache's own folder: a link someone planted there is not written through."""
    from zhengwu_cli.atomic import write_atomic

    precious = tmp_path / "precious.txt"
    precious.write_bytes(b"mine")
    planted = tmp_path / "cache-entry.json"
    planted.symlink_to(precious)
    write_atomic(planted, b"{}", new_mode=0o600, follow_links=False)
    assert precious.read_bytes() == b"mine"
    assert not planted.is_symlink() and planted.read_bytes() == b"{}"
    assert stat.S_IMODE(planted.stat().st_mode) == 0o600
