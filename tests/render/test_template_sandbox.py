"""Text templates (sheet.yaml, or my.yaml beside --template my.docx) cannot run code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhengwu_cli.cli import cli
from zhengwu_cli.render import RenderError
from zhengwu_cli.render.template import load_texts
from zhengwu_cli.resources import templates_dir


def _render(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, title: str) -> tuple[int, str]:
    shutil.copy(templates_dir() / "sheet.docx", tmp_path / "my.docx")
    text = (templates_dir() / "sheet.yaml").read_text(encoding="utf-8")
    lines = [
        f"unit_title: {title!r}" if line.startswith("unit_title:") else line
        for line in text.splitlines()
    ]
    (tmp_path / "my.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["render", "--unit", "市司法局", "--template", "my.docx"])
    return result.exit_code, result.output


def _marker_payloads(marker: Path) -> list[str]:
    command = f"touch {marker}"
    return [
        "{{ unit }}{{ unit.__class__.__mro__[1].__subclasses__() }}",
        "{{ unit }}{{ cycler.__init__.__globals__.os.popen('" + command + "').read() }}",
        "{{ unit }}{{ (unit|attr('__class__')).__mro__ }}",
        "{{ unit }}{{ unit['__class__'] }}",
        "{{ unit }}{{ joiner.__init__.__globals__.os.system('" + command + "') }}",
        "{{ unit }}{{ lipsum.__globals__['os'].popen('" + command + "').read() }}",
    ]


@pytest.mark.parametrize("index", range(6))
def test_a_template_cannot_run_a_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, index: int
) -> None:
    marker = tmp_path / "ran-a-command"
    code, output = _render(tmp_path, monkeypatch, _marker_payloads(marker)[index])
    assert not marker.exists()
    assert code == 2, output
    assert "my.yaml:" in output and "unit_title" in output
    assert "Traceback" not in output
    assert not (tmp_path / "out").exists()


def test_jinja_globals_are_not_placeholders(tmp_path: Path) -> None:
    text = (templates_dir() / "sheet.yaml").read_text(encoding="utf-8")
    text = text.replace('unit_file: "{{ unit }}.docx"', 'unit_file: "{{ unit }}{{ range(3) }}"')
    (tmp_path / "t.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RenderError, match=r"t\.yaml:\d+:\d+: `unit_file` uses \{\{ range \}\}"):
        load_texts(tmp_path / "t.yaml")


def test_sandbox_refuses_hidden_attributes_of_values_at_render_time(tmp_path: Path) -> None:
    """A value's method cannot be used to reach its class either (format strings included)."""
    text = (templates_dir() / "sheet.yaml").read_text(encoding="utf-8")
    text = text.replace(
        'unit_file: "{{ unit }}.docx"',
        "unit_file: \"{{ unit }}{{ '{0.__class__}'.format(unit) }}\"",
    )
    (tmp_path / "t.yaml").write_text(text, encoding="utf-8")
    texts = load_texts(tmp_path / "t.yaml")
    with pytest.raises(RenderError, match=r"t\.yaml:\d+:\d+: `unit_file` cannot be filled in"):
        texts.render("unit_file", place="四平市", year=2022, title="t", generated="", unit="x")


def test_bundled_templates_still_render(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, output = _render(
        tmp_path, monkeypatch, "{{ place }}{{ year }}年任务单（{{ unit }}）{{ unit | length }}"
    )
    assert code == 0, output
    from docx import Document

    assert Document(str(tmp_path / "out/2022/市司法局.docx")).paragraphs[0].text == (
        "四平市2022年任务单（市司法局）4"
    )
