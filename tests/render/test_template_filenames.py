"""File names made from unit names: counted in bytes, checked for the whole batch first."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhengwu_cli.cli import cli
from zhengwu_cli.render import RenderError
from zhengwu_cli.render.files import inside, safe_filename

ROOT = Path(__file__).resolve().parents[2]
LONG = "市司法局" + "长" * 96  # 100 CJK characters: 300 bytes in UTF-8


def _renamed(tmp_path: Path, new: str) -> Path:
    for name in ("2022.yaml", "siping-units.yaml"):
        text = (ROOT / "checklists" / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(text.replace("市司法局", new), encoding="utf-8")
    return tmp_path / "2022.yaml"


def test_a_hundred_character_unit_gets_a_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checklist = _renamed(tmp_path, LONG)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["render", "--all", "--checklist", str(checklist)])
    assert result.exit_code == 0, result.output
    written = sorted(os.listdir(tmp_path / "out" / "2022"))
    assert len(written) == 23
    long = [name for name in written if name.startswith("市司法局长")]
    assert len(long) == 1 and long[0].endswith(".docx")
    assert len(long[0].encode("utf-8")) <= 223


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("长" * 100, "长" * 72 + ".docx"),  # 72 × 3 bytes + 5 = 221 ≤ 223
        ("a" * 300, "a" * 218 + ".docx"),
        ("市司法局\u200b", "市司法局.docx"),
        ("市\u202ecod.exe", "市cod.exe.docx"),
        ("\uf900市", "\u8c48市.docx"),
        ("COM0", "_COM0.docx"),
        ("lpt¹.txt", "_lpt¹.txt.docx"),
        ("CONIN$", "_CONIN$.docx"),
        ("a\x1b]0;x\x07", "a_]0;x_.docx"),
        ("a\x9bb", "a_b.docx"),
    ],
)
def test_safe_filename_bytes_and_hidden_characters(name: str, expected: str) -> None:
    assert safe_filename(name) == expected
    assert len(safe_filename(name).encode("utf-8")) <= 223


def test_a_given_name_too_long_is_refused_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["render", "--unit", "市司法局", "-o", "长" * 100 + ".docx"])
    assert result.exit_code == 2
    assert "305 bytes" in result.output and "nothing was written" in result.output
    assert "Traceback" not in result.output
    assert os.listdir(tmp_path) == []


def test_a_path_too_long_for_the_system_is_refused(tmp_path: Path) -> None:
    folder = tmp_path.joinpath(*["目" * 80] * 18)  # 18 × 241 bytes: over PATH_MAX
    with pytest.raises(RenderError, match="longer than the 4096 bytes"):
        inside(folder, "市司法局.docx")
