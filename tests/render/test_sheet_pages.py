"""The sheets as printed: page counts, every page naming its task, deadlines on one line —
measured through LibreOffice (PDF), where it is installed (it is here and in CI)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhengwu_cli.cli import cli
from zhengwu_cli.load import Loaded
from zhengwu_cli.query import Filters, rows, select

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(OFFICE is None, reason="LibreOffice (soffice) is not installed")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    units = ["市审计局", "梨树县"]
    for unit in units:
        result = CliRunner().invoke(
            cli, ["render", "--unit", unit, "--date", "2022-03-01", "-o", str(folder)]
        )
        assert result.exit_code == 0, result.output
    profile = folder / "lo-profile"
    assert OFFICE is not None
    subprocess.run(
        [
            OFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *(str(folder / f"{unit}.docx") for unit in units),
        ],
        check=True,
        capture_output=True,
        timeout=300,
        env={"HOME": str(profile), "PATH": "/usr/bin:/bin"},
    )
    return {unit: folder / f"{unit}.pdf" for unit in units}


def pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


def page_texts(pdf: Path) -> list[str]:
    assert PDFTOTEXT is not None
    out = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], check=True, capture_output=True, timeout=60
    ).stdout.decode("utf-8")
    return out.split("\f")[: pages(pdf)]


def test_audit_sheet_prints_on_at_most_8_pages(pdfs: dict[str, Path]) -> None:
    assert 4 <= pages(pdfs["市审计局"]) <= 8  # was 12: every measure printed for every row


def test_county_sheet_prints_on_about_23_pages(pdfs: dict[str, Path]) -> None:
    assert 15 <= pages(pdfs["梨树县"]) <= 25  # was 33


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed")
def test_every_page_names_its_task_and_no_deadline_wraps(
    pdfs: dict[str, Path], loaded: Loaded
) -> None:
    for unit, pdf in pdfs.items():
        chosen = select(
            rows(loaded.checklist, loaded.registry), Filters(units=[unit]), loaded.registry
        )
        # the start of each task's title, as the task row prints it (it may wrap)
        starts = {r.task.heading[:8] for r in chosen}
        texts = page_texts(pdf)
        assert len(texts) == pages(pdf)
        for number, text in enumerate(texts, start=1):
            squashed = re.sub(r"\s+", "", text)
            if "填报单位：" in squashed and not any(s in squashed for s in starts):
                continue  # the 填报 block alone on the last page
            assert any(start in squashed for start in starts), (unit, number)
            for line in text.splitlines():  # 贯穿全年 and 12月底前 are never cut in two
                assert not re.search(r"贯穿全($|[^年])|月底($|[^前])", line), (unit, number, line)
