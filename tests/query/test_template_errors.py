"""A broken templates/list.yaml is a clear error naming the file, never a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhengwu_cli import export, resources
from zhengwu_cli.cli import cli


@pytest.fixture
def templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(resources, "templates_dir", lambda: tmp_path)
    export.texts.cache_clear()
    yield tmp_path
    export.texts.cache_clear()


@pytest.mark.parametrize(
    ("content", "says"),
    [("xlsx_columns: [\n", "cannot read the output template"), ("xlsx_sheet: 表\n", "lacks")],
)
def test_broken_list_template(templates: Path, content: str, says: str) -> None:
    (templates / "list.yaml").write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["show", "3"])
    assert result.exit_code == 2
    assert f"{templates / 'list.yaml'}" in result.output and says in result.output
    assert "Traceback" not in result.output
