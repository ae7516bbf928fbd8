"""Broken checklists: every failure is a located problem with a hint, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhengwu_cli.load import LoadError, load


def problems_of(path: Path) -> list[str]:
    with pytest.raises(LoadError) as caught:
        load(path)
    return [p.parsable() for p in caught.value.problems]


def edit(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace text in the copy; return the 1-based line of the first replacement."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def test_schema_error_names_line_column_and_field(checklist_copy: Path) -> None:
    line = edit(checklist_copy, "  year: 2022", "  year: 二〇二二")
    [message] = problems_of(checklist_copy)
    assert message.startswith(f"{checklist_copy}:{line}:9: [error] meta.year:")
    assert message.endswith("(ZW002)")


def test_unknown_field_points_at_its_key(checklist_copy: Path) -> None:
    line = edit(checklist_copy, "      line: 13\n", "      line: 13\n      lines: 14\n") + 1
    [message] = problems_of(checklist_copy)
    assert f":{line}:7: [error]" in message
    assert "unknown field “lines”" in message


def test_carried_cell_without_from(checklist_copy: Path) -> None:
    line = edit(
        checklist_copy, "        origin: carried\n        from: 1\n", "        origin: carried\n"
    )
    [message] = problems_of(checklist_copy)
    assert f":{line}:9: [error]" in message and "from: N" in message


def test_yaml_syntax_error_is_located(checklist_copy: Path) -> None:
    line = edit(checklist_copy, "  title: 集中公开政策成果运用", '  title: "集中公开政策成果运用')
    [message] = problems_of(checklist_copy)
    assert "YAML syntax" in message and message.endswith("(ZW001)")
    assert int(message.split(":")[1]) >= line


def test_duplicate_key(checklist_copy: Path) -> None:
    line = edit(checklist_copy, "  place: 四平市\n", "  place: 四平市\n  place: 长春市\n") + 1
    [message] = problems_of(checklist_copy)
    assert f":{line}:3: [error] the key “place” appears twice" in message
    assert "(ZW003)" in message


def test_python_tag_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text("meta: !!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8")
    [message] = problems_of(path)
    assert ":1:7: [error]" in message and "not allowed" in message and "(ZW005)" in message


def test_alias_bomb_is_measured_not_expanded(tmp_path: Path) -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(8):
        name, prev = chr(98 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [message] = problems_of(path)
    assert "alias bomb" in message


def test_deep_nesting(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    [message] = problems_of(path)
    assert "[error]" in message


def test_gbk_file_gets_an_encoding_message(checklist_copy: Path) -> None:
    text = checklist_copy.read_text(encoding="utf-8")
    checklist_copy.write_bytes(text.encode("gb18030"))
    [message] = problems_of(checklist_copy)
    assert "not UTF-8" in message and "GBK" in message and "(ZW004)" in message


def test_bom_is_a_warning_and_loads(checklist_copy: Path) -> None:
    data = checklist_copy.read_bytes()
    checklist_copy.write_bytes(b"\xef\xbb\xbf" + data)
    loaded = load(checklist_copy)
    assert len(loaded.checklist.indicators()) == 85
    assert [p.code for p in loaded.warnings] == ["ZW004"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "the file is empty"),
        ("- a\n- b\n", "a mapping (key: value) belongs here"),
        ("meta:\n\tplace: x\n", "YAML syntax"),
        ("meta: 'unterminated\n", "YAML syntax"),
    ],
)
def test_small_broken_files(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(content, encoding="utf-8")
    [message] = problems_of(path)
    assert expected in message


def test_tab_gets_a_tab_hint(tmp_path: Path) -> None:
    path = tmp_path / "tabs.yaml"
    path.write_text("meta:\n\tplace: x\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load(path)
    assert "tab" in (caught.value.problems[0].hint or "")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "sheet.yaml"
    path.write_bytes(b"PK\x03\x04\x00\x00" + bytes(range(256)))
    [message] = problems_of(path)
    assert "binary file" in message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "no such file" in problems_of(tmp_path / "nope.yaml")[0]
    assert "folder" in problems_of(tmp_path)[0]


def test_missing_registry(checklist_copy: Path) -> None:
    registry = checklist_copy.parent / "siping-units.yaml"
    registry.unlink()
    with pytest.raises(LoadError) as caught:
        load(checklist_copy)
    [problem] = caught.value.problems
    assert "unit registry" in problem.message and (problem.path, problem.line) == (
        str(checklist_copy),
        15,
    )
    assert problem.hint == (
        f"expected at {registry.resolve()}: create that file, or set meta.registry to the file "
        "name of the unit registry"
    )
    assert caught.value.registry == registry  # the registry is what failed


def test_a_broken_registry_is_the_registrys_failure(checklist_copy: Path) -> None:
    registry = checklist_copy.parent / "siping-units.yaml"
    line = edit(registry, "    kind: department\n", "    kind: departmnt\n")
    with pytest.raises(LoadError) as caught:
        load(checklist_copy)
    [problem] = caught.value.problems
    assert (problem.path, problem.line, problem.col) == (str(registry), line, 11)
    assert problem.hint == "see `zhengwu schema --registry` for the fields a unit registry takes"
    assert caught.value.registry == registry


def test_a_broken_checklist_names_no_registry(checklist_copy: Path) -> None:
    edit(checklist_copy, "  year: 2022", "  year: 二〇二二")
    with pytest.raises(LoadError) as caught:
        load(checklist_copy)
    assert caught.value.registry is None


@pytest.mark.parametrize(
    "path",
    sorted((Path(__file__).resolve().parents[1] / "checklists").rglob("*.yaml")),
    ids=lambda p: p.name,
)
def test_libyaml_reads_every_bundled_file_as_pyyaml_does(path: Path) -> None:
    # the loader composes with libyaml where it is installed, PyYAML's own parser elsewhere:
    # both must place and hold every value alike, or a finding's line:col would move
    import yaml

    from zhengwu_cli.positions import Positions

    text = path.read_text(encoding="utf-8")
    fast = yaml.compose(text, Loader=yaml.CSafeLoader)
    slow = yaml.compose(text, Loader=yaml.SafeLoader)
    assert fast is not None and slow is not None
    here, there = Positions(str(path)), Positions(str(path))
    here.record(fast)
    there.record(slow)
    assert (here._marks, here._keys) == (there._marks, there._keys)
    assert yaml.SafeLoader(text).construct_document(fast) == yaml.safe_load(text)
