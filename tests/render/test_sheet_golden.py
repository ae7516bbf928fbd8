"""A golden test of one sheet read back: every paragraph, every cell's text, merges and widths.

A change to the layout or the wording shows as a diff of tests/render/golden/市审计局.json.
`pytest --update-golden` rewrites the file and still fails, once, so a rewrite is never silent:
look at `git diff tests/render/golden/`, then run the tests again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn

from zhengwu_cli.cli import cli

GOLDEN = Path(__file__).parent / "golden"


def _val(element: Any, tag: str, default: str | None = None) -> str | None:
    if element is None:
        return default
    found = element.find(qn(tag))
    if found is None:
        return default
    return str(found.get(qn("w:val"), "continue" if tag == "w:vMerge" else ""))


def _text(element: Any) -> str:
    return "\n".join(
        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in element.iter(qn("w:p"))
    )


def read_back(path: Path) -> dict[str, Any]:
    """What a reader of the sheet sees, as plain data."""
    document = Document(str(path))
    body: list[Any] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = _text(child)
            if text:
                body.append(text)
        elif child.tag == qn("w:tbl"):
            grid = [int(c.get(qn("w:w"))) for c in child.find(qn("w:tblGrid"))]
            rows = []
            for tr in child.iterchildren(qn("w:tr")):
                pr = tr.find(qn("w:trPr"))
                flags = [
                    name
                    for name in ("tblHeader", "cantSplit")
                    if pr is not None and pr.find(qn(f"w:{name}")) is not None
                ]
                cells = []
                for tc in tr.iterchildren(qn("w:tc")):
                    pr_c = tc.find(qn("w:tcPr"))
                    cell: dict[str, Any] = {"text": _text(tc)}
                    cell["width"] = int(pr_c.find(qn("w:tcW")).get(qn("w:w")))
                    span = _val(pr_c, "w:gridSpan")
                    if span:
                        cell["span"] = int(span)
                    merge = _val(pr_c, "w:vMerge")
                    if merge:
                        cell["merge"] = merge
                    cells.append(cell)
                rows.append({"flags": flags, "cells": cells})
            body.append({"grid": grid, "rows": rows})
    section = document.sections[-1]
    assert section.page_width is not None and section.page_height is not None
    return {
        "core_title": document.core_properties.title,
        "section": {"width": section.page_width.twips, "height": section.page_height.twips},
        "body": body,
    }


def test_audit_sheet_matches_its_golden_copy(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    target = tmp_path / "市审计局.docx"
    result = CliRunner().invoke(
        cli, ["render", "--unit", "市审计局", "--date", "2022-03-01", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    got = read_back(target)
    golden = GOLDEN / "市审计局.json"
    text = json.dumps(got, ensure_ascii=False, indent=1) + "\n"
    stale = not golden.exists() or golden.read_text(encoding="utf-8") != text
    if request.config.getoption("--update-golden") and stale:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
        pytest.fail(f"{golden} rewritten: check `git diff {golden.parent}`, then run again")
    assert golden.exists(), f"no {golden}: run pytest --update-golden once, and check it"
    want = json.loads(golden.read_text(encoding="utf-8"))
    assert got["core_title"] == want["core_title"]
    assert got["section"] == want["section"]
    assert len(got["body"]) == len(want["body"])
    for i, (mine, theirs) in enumerate(zip(got["body"], want["body"], strict=True)):
        assert mine == theirs, f"body item {i} differs (pytest --update-golden rewrites the file)"
