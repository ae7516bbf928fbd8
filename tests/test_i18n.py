"""The message catalogues: every text of the sources translated, the .mo current, the language
chosen by --lang or ZHENGWU_LANG and by nothing else."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from zhengwu_cli import i18n
from zhengwu_cli.cli.app import cli

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "zhengwu_cli"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "scripts" / "i18n.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["i18n_tool"] = module
    spec.loader.exec_module(module)
    return module


tool = _tool()

# the parts of the sources, each with its own catalogue (locale/zh/PART.po)
AREAS = {
    "cli": ["cli"],
    "lint": ["lint"],
    "ledger": ["ledger"],
    "render": ["render"],
    "importer": ["importer"],
    "core": [p.name for p in PACKAGE.glob("*.py")],
}


@pytest.mark.parametrize("area", sorted(AREAS))
def test_every_text_of_the_sources_has_a_chinese_translation(area: str) -> None:
    merged = tool.translations()
    paths = [PACKAGE / name for name in AREAS[area]]
    missing = [
        f"{text.places[0]}: {key!r}"
        for key, text in tool.texts(paths).items()
        if not merged.get(key, ("", ""))[0]
    ]
    assert not missing, "untranslated (python scripts/i18n.py update PART PATH):\n" + "\n".join(
        missing
    )


def test_the_catalogues_agree_with_the_sources_and_the_mo_is_compiled() -> None:
    problems = [p for p in tool.problems() if "no Chinese translation" not in p]
    assert not problems, "\n".join(problems)


def test_a_translation_keeps_the_fields_of_its_message(tmp_path: Path) -> None:
    # the check itself: a translation that drops {name} is reported
    catalog = tool._new_catalog()
    catalog.add("unknown unit {name}", "未知单位")
    broken = tool.LOCALE / "zz-test.po"
    tool.write(broken, catalog)
    try:
        found = tool.problems()
    finally:
        broken.unlink()
    assert any("the fields of 'unknown unit {name}'" in p for p in found)


def _help(*args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(cli, [*args, "--help"], env=env, prog_name="zhengwu")
    assert result.exit_code == 0, result.output
    return result.output


def test_chinese_by_default(chinese: None) -> None:
    out = _help()
    assert out.startswith("用法：zhengwu")
    assert "选项：" in out and "命令：" in out
    assert "显示本帮助并退出。" in out
    assert "Usage" not in out and "Show this message" not in out


def test_english_with_zhengwu_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZHENGWU_LANG", "en")
    out = _help()
    assert out.startswith("Usage: zhengwu")
    assert "Show this message and exit." in out


def test_english_with_lang_on_the_group(chinese: None) -> None:
    try:
        out = _help("--lang", "en")
    finally:
        i18n.set_language(None)
    assert out.startswith("Usage: zhengwu")
    assert "Commands:" in out


def test_the_machine_locale_does_not_choose_the_language() -> None:
    # a Linux CI box in en_US and a Chinese Windows PC print the same: Chinese, unless asked
    env = {k: v for k, v in os.environ.items() if k != "ZHENGWU_LANG"}
    outputs = []
    for locale in ("en_US.UTF-8", "zh_CN.UTF-8", "C"):
        env.update(LANG=locale, LC_ALL=locale, LANGUAGE=locale.split(".")[0])
        run = subprocess.run(
            [sys.executable, "-m", "zhengwu_cli", "--nope"],
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        assert run.returncode == 2
        outputs.append(run.stderr)
    assert outputs[0] == outputs[1] == outputs[2]
    assert "错误：没有选项“--nope”。" in outputs[0]


def test_click_errors_read_in_chinese(chinese: None) -> None:
    result = CliRunner().invoke(cli, ["--nope"], prog_name="zhengwu")
    assert result.exit_code == 2
    assert "错误：没有选项“--nope”。" in result.output
    assert "运行“zhengwu --help”查看帮助。" in result.output


def test_lists_and_positions_as_the_reader_writes_them(
    chinese: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert i18n.join(["市司法局", "梨树县"]) == "市司法局、梨树县"
    assert i18n.at(52, 17) == "第52行第17列"
    monkeypatch.setenv("ZHENGWU_LANG", "en")
    assert i18n.join(["a", "b"]) == "a, b"
    assert i18n.at(52, 17) == "line 52, column 17"


def test_chinese_help_wraps_by_the_columns_it_takes(chinese: None) -> None:
    # a Chinese character takes two columns of a console; click alone counts it as one, so its
    # lines ran off an 80-column Windows console; no line may start with a closing mark either
    import unicodedata

    result = CliRunner().invoke(cli, ["--help"], prog_name="zhengwu", terminal_width=60)
    lines = result.output.splitlines()
    example = lines.index("  示例：")
    prose = lines[:example] + lines[example + 5 :]
    width = {
        line: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
        for line in prose
    }
    assert max(width.values()) <= 60, max(width, key=width.__getitem__)
    assert not [line for line in prose if line.strip()[:1] in set("，。、；：）")]
    first = next(line for line in prose if line.strip().startswith("把年度"))
    assert not first.endswith("任务单。")  # the paragraph was wrapped, not left whole


def test_why_a_file_cannot_be_used_reads_in_chinese(
    chinese: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    try:
        (tmp_path / "nowhere" / "x.yaml").read_text()
    except OSError as error:
        assert i18n.os_reason(error) == "文件或文件夹不存在"
    locked = PermissionError(13, "Permission denied")
    locked.winerror = 32  # type: ignore[attr-defined]
    assert "Word" in i18n.os_reason(locked) and "关闭" in i18n.os_reason(locked)
    assert i18n.os_reason(OSError(9999, "Strange")) == "Strange"  # unknown: the system's words
    monkeypatch.setenv("ZHENGWU_LANG", "en")
    assert i18n.os_reason(PermissionError(13, "Permission denied")) == "no permission"
