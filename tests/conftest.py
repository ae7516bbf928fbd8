from __future__ import annotations

from pathlib import Path

import pytest

from zhengwu_cli.load import Loaded, load

ROOT = Path(__file__).resolve().parents[1]
CHECKLIST = ROOT / "checklists" / "2022.yaml"
SOURCE = ROOT / "checklists" / "sources" / "siping-2022-attachment.txt"


@pytest.fixture(autouse=True)
def lint_cache_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test has a lint cache of its own (never the user's), also in the processes it runs."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("ZHENGWU_CACHE_DIR", str(folder))
    monkeypatch.delenv("ZHENGWU_NO_CACHE", raising=False)
    return folder


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests written before the Chinese catalogue assert English texts: they run in English
    (also in the processes they start). A test of the Chinese interface asks for `chinese`."""
    from zhengwu_cli import i18n

    monkeypatch.setenv("ZHENGWU_LANG", "en")
    i18n.set_language(None)


@pytest.fixture
def chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    """The default language, as a person gets it with no setting at all."""
    from zhengwu_cli import i18n

    monkeypatch.delenv("ZHENGWU_LANG", raising=False)
    i18n.set_language(None)


@pytest.fixture(scope="session")
def loaded() -> Loaded:
    return load(CHECKLIST)


@pytest.fixture
def checklist_copy(tmp_path: Path) -> Path:
    """A writable copy of the 2022 checklist with its registry beside it."""
    for name in ("2022.yaml", "siping-units.yaml"):
        (tmp_path / name).write_text(
            (CHECKLIST.parent / name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    return tmp_path / "2022.yaml"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite golden files that differ (the tests still fail, so the change shows)",
    )
