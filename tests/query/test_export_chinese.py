"""`list -o`'s errors as a person reads them by default: in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhengwu_cli.export import ExportError, write_text

from .helpers import run


def test_an_existing_file_is_kept_and_the_error_says_what_to_do(
    tmp_path: Path, chinese: None
) -> None:
    target = tmp_path / "清单.xlsx"
    target.write_bytes(b"mine")
    result = run("list", "--format", "xlsx", "-o", str(target))
    assert result.exit_code == 2
    assert f"错误：{target} 已存在；如要替换，请加 --force" in result.output
    assert target.read_bytes() == b"mine"


def test_a_folder_given_as_the_file_is_an_error_naming_a_file_to_give(
    tmp_path: Path, chinese: None
) -> None:
    """(click refuses a folder for -o first; the library says it too, to its other callers.)"""
    with pytest.raises(ExportError) as error:
        write_text("x", tmp_path)
    assert str(error.value) == f"{tmp_path} 是文件夹；请给出文件名，如 {tmp_path / 'list.xlsx'}"
