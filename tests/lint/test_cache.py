"""The lint cache (opt-in: --cache or ZHENGWU_CACHE=1): a second lint of an unchanged checklist
answers from it, without loading the checklist models; any change to the checklist, its registry
or the settings is seen; only a folder, entries and a key of this user's own are trusted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from zhengwu_cli.lint import cache as cache_module
from zhengwu_cli.lint.cache import LintCache
from zhengwu_cli.lint.results import Options

# The real entry point; reports whether the checklist models were loaded, even after sys.exit.
DRIVER = """
import atexit, sys
atexit.register(lambda: sys.__stderr__.write("PYDANTIC=%s" % ("pydantic" in sys.modules)))
sys.argv = ["zhengwu", *sys.argv[1:]]
from zhengwu_cli.cli import main
main()
"""


def lint(*args: str | Path, env: dict[str, str] | None = None) -> tuple[int, str, bool]:
    """Exit code, output, and whether the models were loaded (False: answered from the cache)."""
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, "lint", "--format", "parsable", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",  # a path that is not UTF-8 comes back as it went in
        env={**os.environ, "ZHENGWU_CACHE": "1", **(env or {})},
        timeout=120,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout, result.stderr.endswith("PYDANTIC=True")


def entries(folder: Path) -> list[Path]:
    return sorted((folder / "lint").glob("*.json"))


def test_a_second_lint_answers_from_the_cache(
    checklist_copy: Path, lint_cache_folder: Path
) -> None:
    first = lint(checklist_copy)
    assert first[2] is True and first[1].count("\n") > 10
    assert len(entries(lint_cache_folder)) == 1
    second = lint(checklist_copy)
    assert second == (first[0], first[1], False)


def test_an_edit_to_the_checklist_is_seen(checklist_copy: Path) -> None:
    code, before, _ = lint(checklist_copy)
    text = checklist_copy.read_text(encoding="utf-8")
    checklist_copy.write_text(text.replace("text: 6月底前", "text: 13月底前", 1), encoding="utf-8")
    code, after, models = lint(checklist_copy)
    assert models is True
    assert "ZW401" in after and "ZW401" not in before
    assert code == 1  # the unreadable deadline is an error
    checklist_copy.write_text(text, encoding="utf-8")  # undone: the first answer again
    assert lint(checklist_copy)[:2] == (0, before)
    assert lint(checklist_copy) == (0, before, False)


def test_an_edit_to_the_registry_is_seen(checklist_copy: Path) -> None:
    _, before, _ = lint(checklist_copy)
    registry = checklist_copy.with_name("siping-units.yaml")
    text = registry.read_text(encoding="utf-8")
    assert "  - name: 市司法局\n" in text
    registry.write_text(text.replace("  - name: 市司法局\n", "  - name: 市司法厅\n"), "utf-8")
    _, after, models = lint(checklist_copy)
    assert models is True
    assert "ZW301" not in before
    unknown = [line for line in after.splitlines() if line.endswith("(ZW301)")]
    assert unknown and all("市司法局" in line for line in unknown)


def test_the_settings_are_part_of_the_answer(checklist_copy: Path) -> None:
    assert lint(checklist_copy)[0] == 0
    code, output, _ = lint(checklist_copy, "--strict")
    assert code == 1  # the warnings fail now
    code, output, _ = lint(checklist_copy, "--select", "ZW503")
    assert output and all("(ZW503)" in line for line in output.splitlines())
    assert lint(checklist_copy, "--select", "ZW503") == (code, output, False)


def test_a_misspelt_rule_is_still_a_usage_error_after_a_cached_run(checklist_copy: Path) -> None:
    lint(checklist_copy)
    code, output, _ = lint(checklist_copy, "--select", "ZW999")
    assert code == 2 and output == ""


def test_no_cache_reads_and_writes_nothing(checklist_copy: Path, lint_cache_folder: Path) -> None:
    assert lint(checklist_copy, "--no-cache")[2] is True
    assert lint(checklist_copy, env={"ZHENGWU_NO_CACHE": "1"})[2] is True
    assert entries(lint_cache_folder) == []


def test_the_cache_is_off_unless_asked_for(checklist_copy: Path, lint_cache_folder: Path) -> None:
    for _ in range(2):
        assert lint(checklist_copy, env={"ZHENGWU_CACHE": ""})[2] is True
    assert entries(lint_cache_folder) == []
    assert not (lint_cache_folder / "lint").exists()
    assert lint(checklist_copy, "--cache", env={"ZHENGWU_CACHE": ""})[2] is True
    assert lint(checklist_copy, "--cache", env={"ZHENGWU_CACHE": ""})[2] is False


def test_a_cache_that_cannot_be_written_changes_nothing(
    checklist_copy: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    reference = lint(checklist_copy, "--no-cache")
    assert lint(checklist_copy, env={"ZHENGWU_CACHE_DIR": str(blocker)}) == reference
    assert blocker.read_text(encoding="utf-8") == "x"


def test_a_damaged_entry_is_passed_over(checklist_copy: Path, lint_cache_folder: Path) -> None:
    reference = lint(checklist_copy)
    for entry in entries(lint_cache_folder):
        entry.write_bytes(b"\x00{not json")
    assert lint(checklist_copy) == reference  # checked afresh
    for entry in entries(lint_cache_folder):
        entry.write_text(json.dumps({"sources": [], "problems": []}), encoding="utf-8")
    assert lint(checklist_copy) == reference


# -- what the cache trusts -------------------------------------------------------------------

BROKEN = ("text: 6月底前", "text: 13月底前")  # ZW401, an error: the lint must fail


def _broken_copy(checklist_copy: Path) -> tuple[int, str]:
    text = checklist_copy.read_text(encoding="utf-8")
    checklist_copy.write_text(text.replace(*BROKEN, 1), encoding="utf-8")
    code, output, _ = lint(checklist_copy, "--no-cache")
    assert code == 1 and "ZW401" in output
    return code, output


def _clean_entry(checklist_copy: Path) -> dict[str, object]:
    """What an entry saying "no findings" for the checklist as it is now would hold."""
    import hashlib

    sources = [checklist_copy.resolve(), checklist_copy.with_name("siping-units.yaml").resolve()]
    return {
        "format": cache_module.FORMAT,
        "sources": [[str(s), hashlib.sha256(s.read_bytes()).hexdigest()] for s in sources],
        "problems": [],
        "waived": [],
    }


def test_a_planted_entry_cannot_make_a_broken_file_pass(
    checklist_copy: Path, lint_cache_folder: Path
) -> None:
    """Anyone who can write the cache folder (a shared ZHENGWU_CACHE_DIR, a restored backup)
    and knows the layout computes the entry's name and writes "no findings" into it."""
    import hashlib

    reference = _broken_copy(checklist_copy)
    salt = LintCache(lint_cache_folder, Options())._salt
    path = checklist_copy
    name = hashlib.sha256(f"{salt}|{os.path.abspath(path)}|{path}".encode()).hexdigest()
    (lint_cache_folder / "lint").mkdir(exist_ok=True)
    payload = json.dumps(_clean_entry(checklist_copy))
    (lint_cache_folder / "lint" / f"{name}.json").write_text(payload, encoding="utf-8")
    for entry in entries(lint_cache_folder):  # and with every name the folder has
        entry.write_text(payload, encoding="utf-8")
    assert lint(checklist_copy)[:2] == reference


def test_an_entry_from_another_cache_folder_is_not_accepted(
    checklist_copy: Path, tmp_path: Path
) -> None:
    """Entries copied from another folder (another machine, a colleague) carry its key."""
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    lint(checklist_copy, env={"ZHENGWU_CACHE_DIR": str(theirs)})
    lint(checklist_copy, env={"ZHENGWU_CACHE_DIR": str(mine)})
    assert entries(mine) and entries(theirs) and entries(mine)[0].name != entries(theirs)[0].name
    reference = _broken_copy(checklist_copy)
    # their key and entries, rewritten to say "clean" and signed with their key
    import hashlib
    import hmac

    key = (theirs / "lint" / "key").read_bytes()
    payload = json.dumps(_clean_entry(checklist_copy)).encode()
    signed = hmac.new(key, payload, hashlib.sha256).hexdigest().encode() + b"\n" + payload
    for entry in entries(theirs):
        (mine / "lint" / entry.name).write_bytes(signed)
    assert lint(checklist_copy, env={"ZHENGWU_CACHE_DIR": str(mine)})[:2] == reference


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="no owners and modes on this system")
@pytest.mark.parametrize("how", ["world-writable", "group-writable", "symlink"])
def test_a_folder_others_can_write_is_not_used(
    checklist_copy: Path, tmp_path: Path, how: str
) -> None:
    folder = tmp_path / "shared"
    lint(checklist_copy, env={"ZHENGWU_CACHE_DIR": str(folder)})  # a good answer is stored
    assert entries(folder)
    if how == "symlink":
        (tmp_path / "link").symlink_to(folder)
        folder = tmp_path / "link"
    else:
        os.chmod(folder / "lint", 0o777 if how == "world-writable" else 0o770)
    env = {"ZHENGWU_CACHE_DIR": str(folder)}
    assert lint(checklist_copy, env=env)[2] is True  # checked afresh, every time
    assert lint(checklist_copy, env=env)[2] is True
    reference = _broken_copy(checklist_copy)
    assert lint(checklist_copy, env=env)[:2] == reference


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="no owners and modes on this system")
def test_an_entry_others_can_write_or_own_is_not_used(
    checklist_copy: Path, lint_cache_folder: Path
) -> None:
    lint(checklist_copy)
    [entry] = entries(lint_cache_folder)
    os.chmod(entry, 0o666)
    assert lint(checklist_copy)[2] is True
    lint(checklist_copy)  # written again, 0600
    [entry] = entries(lint_cache_folder)
    assert entry.stat().st_mode & 0o777 == 0o600
    if os.getuid() == 0:  # only root can give a file away
        os.chown(entry, 65534, 65534)
        assert lint(checklist_copy)[2] is True


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="no owners and modes on this system")
def test_a_key_others_can_read_is_not_used(checklist_copy: Path, lint_cache_folder: Path) -> None:
    lint(checklist_copy)
    key = lint_cache_folder / "lint" / "key"
    assert key.stat().st_mode & 0o777 == 0o600
    os.chmod(key, 0o644)
    assert lint(checklist_copy)[2] is True
    assert lint(checklist_copy)[2] is True


def test_a_file_that_does_not_load_is_not_cached(tmp_path: Path, lint_cache_folder: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("meta: [unclosed\n", encoding="utf-8")
    code, output, _ = lint(broken)
    assert code == 1 and "ZW001" in output
    assert entries(lint_cache_folder) == []


def test_a_new_zhengwu_does_not_use_the_old_answers(
    checklist_copy: Path, lint_cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zhengwu_cli.lint.runner import lint_file

    old = LintCache(lint_cache_folder, Options())
    old.put(lint_file(checklist_copy))
    assert old.get(checklist_copy) is not None
    monkeypatch.setattr(cache_module, "__version__", "99.0")
    assert LintCache(lint_cache_folder, Options()).get(checklist_copy) is None


def test_the_cache_keeps_a_bounded_number_of_entries(
    checklist_copy: Path, lint_cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zhengwu_cli.lint.runner import lint_file

    monkeypatch.setattr(cache_module, "KEEP", 3)
    result = lint_file(checklist_copy)
    for n in range(6):
        LintCache(lint_cache_folder, Options(ignore=[f"ZW50{n}"])).put(result)
    assert len(entries(lint_cache_folder)) == 3


def test_a_registry_changed_while_it_was_checked_is_not_trusted(
    checklist_copy: Path, lint_cache_folder: Path
) -> None:
    from zhengwu_cli.lint.runner import lint_file

    result = lint_file(checklist_copy)  # the findings were made from the registry as it was …
    registry = checklist_copy.with_name("siping-units.yaml")
    registry.write_text(registry.read_text(encoding="utf-8") + "# 编辑\n", encoding="utf-8")
    cache = LintCache(lint_cache_folder, Options())
    cache.put(result)  # … and are stored with the digest of those bytes
    assert cache.get(checklist_copy) is None


def test_a_folder_name_that_is_not_utf8(checklist_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / os.fsdecode(b"\xcb\xc4\xc6\xbd")  # 四平 in GBK, from a Windows zip
    folder.mkdir()
    for name in ("2022.yaml", "siping-units.yaml"):
        (folder / name).write_bytes((checklist_copy.parent / name).read_bytes())
    first = lint(folder / "2022.yaml")
    assert first[0] == 0 and first[2] is True
    assert lint(folder / "2022.yaml") == (first[0], first[1], False)


def test_a_pipe_is_read_once_and_never_cached(
    checklist_copy: Path, lint_cache_folder: Path
) -> None:
    registry = checklist_copy.with_name("siping-units.yaml")
    text = checklist_copy.read_text(encoding="utf-8")
    text = text.replace("registry: siping-units.yaml", f"registry: {registry}", 1)
    command = [sys.executable, "-c", DRIVER, "lint", "--format", "parsable", "/dev/stdin"]
    done = [
        subprocess.run(command, input=text, capture_output=True, text=True, timeout=120)
        for _ in range(2)
    ]
    reference = lint(checklist_copy, "--no-cache")
    for run in done:
        assert run.returncode == reference[0] == 0
        assert run.stdout.count("\n") == reference[1].count("\n") > 10
    assert entries(lint_cache_folder) == []


def test_a_registry_reached_through_a_symlink(tmp_path: Path, checklist_copy: Path) -> None:
    """link/../a/x.yaml is where the system says, not where the text of the path says."""
    for folder in ("a", "deep/inner", "deep/a"):
        (tmp_path / folder).mkdir(parents=True)
    for name in ("2022.yaml", "siping-units.yaml"):
        for folder in ("a", "deep/a"):
            (tmp_path / folder / name).write_bytes((checklist_copy.parent / name).read_bytes())
    (tmp_path / "link").symlink_to(tmp_path / "deep" / "inner")
    target = tmp_path / "link" / ".." / "a" / "2022.yaml"  # really deep/a/2022.yaml
    assert "ZW301" not in lint(target)[1]
    registry = tmp_path / "deep" / "a" / "siping-units.yaml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace("  - name: 市司法局\n", "  - name: 市司法厅\n"), "utf-8")
    _, output, models = lint(target)
    assert models is True and "ZW301" in output


def test_a_file_too_big_to_be_a_checklist_is_not_cached(
    checklist_copy: Path, lint_cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zhengwu_cli.lint.runner import lint_file

    monkeypatch.setattr(cache_module, "LARGEST", checklist_copy.stat().st_size - 1)
    cache = LintCache(lint_cache_folder, Options())
    cache.put(lint_file(checklist_copy))
    assert entries(lint_cache_folder) == []
    assert cache.get(checklist_copy) is None


def test_the_size_limit_is_the_loaders() -> None:
    from zhengwu_cli.load import MAX_BYTES

    assert cache_module.LARGEST == MAX_BYTES
