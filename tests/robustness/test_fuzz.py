"""Property tests: the loader only ever fails with LoadError; every valid checklist renders.

1. Random YAML-ish text, random bytes and random edits of the real 2022 table: `load` returns a
   checklist or raises LoadError with located problems, never any other exception.
2. Small checklists built from the model's own rules (hypothesis strategies): each one the schema
   accepts renders to unit sheets and the full table, and every .docx reads back with python-docx
   and holds each of its indicators' texts.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhengwu_cli.load import LoadError, load
from zhengwu_cli.model import Checklist
from zhengwu_cli.numerals import int_to_chinese

ROOT = Path(__file__).resolve().parents[2]
CHECKLIST = ROOT / "checklists" / "2022.yaml"
REGISTRY = ROOT / "checklists" / "siping-units.yaml"
ORIGINAL = CHECKLIST.read_text(encoding="utf-8")

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

TOKENS = [
    "schema_version: 1\n",
    "meta:\n",
    "goals:\n",
    "  - ",
    "- ",
    ": ",
    ":",
    "\n",
    "  ",
    "\t",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "!!python/object:os.system ",
    "!!str ",
    "!tag ",
    "'",
    '"',
    "|-\n",
    ">\n",
    "#",
    "%YAML 1.1\n",
    "---\n",
    "...\n",
    "? ",
    "\\",
    "\ufeff",
    "number: 1\n",
    "text: 政务公开\n",
    "origin: carried\n",
    "from: 99\n",
    "year: 2022\n",
    "registry: siping-units.yaml\n",
    "政",
    "（一）",
    "\x00",
    "\x85",
    "\u2028",
    "~",
    "null",
    "1e9999",
    "-.inf",
    "0x1F",
    "2022-13-45",
    "<<: *a\n",
]


def assert_loads_or_located(path: Path) -> None:
    try:
        load(path)
    except LoadError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path == str(path)
            assert problem.line >= 1 and problem.col >= 1
            assert problem.message


@FUZZ
@given(st.lists(st.sampled_from(TOKENS) | st.text(max_size=8), max_size=60))
def test_yaml_ish_text_only_raises_load_error(tmp_path: Path, parts: list[str]) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_text("".join(parts), encoding="utf-8", errors="surrogatepass")
    assert_loads_or_located(path)


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_only_raise_load_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(data)
    assert_loads_or_located(path)


@settings(FUZZ, max_examples=40)
@given(st.data())
def test_edited_2022_table_only_raises_load_error(tmp_path: Path, data: st.DataObject) -> None:
    """Cut, duplicate or overwrite a stretch of the real table, as a careless edit would."""
    (tmp_path / REGISTRY.name).write_bytes(REGISTRY.read_bytes())
    text = ORIGINAL
    for _ in range(data.draw(st.integers(1, 3))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 200)))
        insert = data.draw(
            st.sampled_from(["", text[start:end] * 2, *TOKENS]) | st.text(max_size=5)
        )
        text = text[:start] + insert + text[end:]
    path = tmp_path / "2022.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    assert_loads_or_located(path)


# -- every checklist the schema accepts renders ---------------------------------------------

UNITS = [
    "市政府办公室",
    "市司法局",
    "市财政局",
    "梨树县",
    "双辽市",
    "县（市）区政府",
    "市政府各部门",
]
ROLES = ["牵头", "配合", "落实", "推动", "共同"]
TEXT = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=30).filter(
    lambda s: s.strip() != ""
)
DEADLINES = st.sampled_from(["贯穿全年", "6月底前", "2022年12月底前", "按照年报发布时间"]) | TEXT


@st.composite
def checklists(draw: st.DrawFn) -> dict[str, Any]:
    counter = {"indicator": 0, "measure": 0}

    def indicator() -> dict[str, Any]:
        counter["indicator"] += 1
        roles = draw(st.lists(st.sampled_from(ROLES), min_size=1, max_size=3, unique=True))
        items = []
        for _ in range(draw(st.integers(0, 3))):
            counter["measure"] += 1
            items.append({"number": counter["measure"], "text": draw(TEXT)})
        outcome = draw(st.none() | TEXT)
        return {
            "number": counter["indicator"],
            "text": draw(TEXT),
            "units": {
                "roles": [
                    {
                        "role": r,
                        "units": draw(
                            st.lists(st.sampled_from(UNITS), min_size=1, max_size=3, unique=True)
                        ),
                    }
                    for r in roles
                ]
            },
            "measures": {"items": items} if items else {"origin": "missing"},
            "deadline": {"text": draw(DEADLINES)},
            "outcome": {"text": outcome} if outcome else {"origin": "missing"},
        }

    task_number = 0
    goals = []
    for g in range(draw(st.integers(1, 2))):
        tasks = []
        for _ in range(draw(st.integers(1, 2))):
            task_number += 1
            count = draw(st.integers(1, 3))
            tasks.append(
                {
                    "number": int_to_chinese(task_number),
                    "title": draw(TEXT),
                    "indicators": [indicator() for _ in range(count)],
                }
            )
        goals.append({"number": int_to_chinese(g + 1), "title": draw(TEXT), "tasks": tasks})
    return {
        "meta": {
            "place": "四平市",
            "year": 2022,
            "title": draw(TEXT),
            "source": {"document": draw(TEXT)},
            "registry": REGISTRY.name,
        },
        "goals": goals,
    }


def _visible(text: str) -> str:
    """What a reader sees of a text in Word: no blanks, no characters a .docx cannot hold."""
    from zhengwu_cli.render.text import clean

    return "".join(clean(text)[0].split())


@pytest.fixture(scope="module")
def renderer_parts() -> Any:
    from zhengwu_cli.load import load_model
    from zhengwu_cli.render.template import load_texts, load_word, text_templates_for
    from zhengwu_cli.resources import templates_dir
    from zhengwu_cli.units import Registry

    registry, _, _ = load_model(Registry, REGISTRY)
    word_path = templates_dir() / "sheet.docx"
    word = load_word(word_path)
    texts = load_texts(text_templates_for(word_path, templates_dir() / "sheet.yaml"))
    return registry, word, texts


@settings(FUZZ, max_examples=40)
@given(checklists())
def test_every_valid_checklist_renders_and_reads_back(
    renderer_parts: Any, data: dict[str, Any]
) -> None:
    from docx import Document

    from zhengwu_cli.query import Filters, rows, select, units_with_rows
    from zhengwu_cli.render.docx_sheet import Renderer

    registry, word, texts = renderer_parts
    checklist = Checklist.model_validate(data)
    renderer = Renderer(checklist, registry, word, texts, date(2022, 3, 1))
    all_rows = rows(checklist, registry)
    sheets = [(renderer.full_sheet(select(all_rows, Filters(), registry)), all_rows)]
    for unit in units_with_rows(checklist, registry):
        chosen = select(all_rows, Filters(units=[unit]), registry)
        assert chosen
        sheets.append((renderer.unit_sheet(unit, chosen), chosen))
    assert len(sheets) > 1
    for sheet, shown in sheets:
        document = Document(io.BytesIO(sheet.data))
        seen = "".join(
            "".join(cell.text.split())
            for table in document.tables
            for row in table.rows
            for cell in row.cells
        )
        for row in shown:
            assert _visible(row.indicator.text) in seen
