"""`render --full` then `import` gives back the records `list --format json` gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhengwu_cli.cli import cli
from zhengwu_cli.importer import import_table
from zhengwu_cli.resources import checklists_dir

ROOT = checklists_dir()


def _cases() -> list[tuple[Path, Path]]:
    """Every checklist of the repository (the 2022 table and each example) with its registry."""
    import yaml

    found = []
    for path in sorted([*ROOT.glob("*.yaml"), *(ROOT / "examples").glob("*.yaml")]):
        data = yaml.safe_load(path.read_text("utf-8"))
        if isinstance(data, dict) and "goals" in data:
            found.append((path, path.parent / data["meta"]["registry"]))
    return found


CASES = _cases()
# the fields compared; `source_line` is a line of the old text dump, which a Word table has not
FIELDS = (
    "indicator",
    "text",
    "goal",
    "task",
    "units",
    "measures",
    "deadline",
    "outcome",
    "origin",
    "carried_from",
)


def records(path: Path) -> list[dict[str, object]]:
    result = CliRunner().invoke(cli, ["list", "-c", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    # a column the table does not have is absent from its records
    return [{k: r[k] for k in FIELDS if k in r} for r in json.loads(result.output)]


def without_inferred(recs: list[dict[str, object]]) -> list[dict[str, object]]:
    """An inferred cell is empty in the published table (render --full shows the source), so
    it comes back as missing: the reason lives in the YAML only."""
    out = []
    for rec in recs:
        rec = dict(rec)
        origin = dict(rec["origin"])  # type: ignore[call-overload]
        for cell, value in origin.items():
            if value == "inferred":
                origin[cell] = "missing"
                if cell == "units":
                    rec["units"] = []
        rec["origin"] = origin
        out.append(rec)
    return out


def as_the_table_shows(checklist: Path, registry: Path, folder: Path) -> Path:
    """The checklist with each 责任单位 read from its text, as the published table shows it (a
    hand-written `roles` that reads the text otherwise cannot survive a table)."""
    import shutil

    import yaml

    data = yaml.safe_load(checklist.read_text("utf-8"))
    for goal in data["goals"]:
        for task in goal["tasks"]:
            for ind in task["indicators"]:
                units = ind.get("units", {})
                if units.get("text"):
                    units.pop("roles", None)
    folder.mkdir()
    shutil.copy(registry, folder / data["meta"]["registry"])
    target = folder / checklist.name
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return target


@pytest.mark.parametrize(("checklist", "registry"), CASES, ids=lambda p: Path(p).stem)
def test_render_full_then_import(tmp_path: Path, checklist: Path, registry: Path) -> None:
    full = tmp_path / "full.docx"
    result = CliRunner().invoke(
        cli, ["render", "-c", str(checklist), "--full", "-o", str(full), "--date", "2022-03-01"]
    )
    assert result.exit_code == 0, result.output
    out = tmp_path / "checklists" / "2022.yaml"
    report = import_table(full, out, registry=registry)
    assert report.result is not None and not report.result.unplaced
    shown = as_the_table_shows(checklist, registry, tmp_path / "expected")
    assert records(out) == without_inferred(records(shown))
    # and once more: the imported checklist's own table imports unchanged
    again = tmp_path / "again.docx"
    result = CliRunner().invoke(
        cli, ["render", "-c", str(out), "--full", "-o", str(again), "--date", "2022-03-01"]
    )
    assert result.exit_code == 0, result.output
    out2 = tmp_path / "checklists2" / "2022.yaml"
    import_table(again, out2, registry=registry)
    assert records(out2) == records(out)


def test_import_lints_with_only_real_gaps(tmp_path: Path) -> None:
    full = tmp_path / "full.docx"
    CliRunner().invoke(cli, ["render", "-c", str(ROOT / "2022.yaml"), "--full", "-o", str(full)])
    out = tmp_path / "c" / "2022.yaml"
    import_table(full, out, registry=ROOT / "siping-units.yaml")
    result = CliRunner().invoke(cli, ["lint", str(out), "--format", "json", "--no-cache"])
    codes = {f["code"] for f in json.loads(result.output)}
    # gaps of the table (no unit, no deadline), numbering hole （四）, 台帐/台账: nothing else
    assert codes <= {
        "ZW101",
        "ZW201",
        "ZW202",
        "ZW203",
        "ZW204",
        "ZW507",
        "ZW304",
        "ZW504",
        "ZW506",
        "ZW505",
        "ZW307",
    }, codes
