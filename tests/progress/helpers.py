"""Shared by the progress tests: the sample ledger, the CLI runner, a filled task sheet."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from click.testing import CliRunner, Result
from docx import Document

from zhengwu_cli.cli import cli

ROOT = Path(__file__).resolve().parents[2]
CHECKLIST = ROOT / "checklists" / "2022.yaml"
DATA = Path(__file__).resolve().parent / "data"
SAMPLE = DATA / "2022.yaml"
GOLDEN = Path(__file__).resolve().parent / "golden"


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def render_sheet(unit: str, target: Path, checklist: Path = CHECKLIST) -> Path:
    result = run("render", "--checklist", checklist, "--unit", unit, "-o", target)
    assert result.exit_code == 0, result.output
    return target


def fill(sheet: Path, cells: dict[int, str], target: Path) -> Path:
    """Type text into the 完成情况 cell of the rows with these 序号, as a person would."""
    document = Document(str(sheet))
    found = set()
    for table in document.tables:  # one per 主要任务: the headings, the task's title, its rows
        headings = [c.text.strip() for c in table.rows[0].cells]
        number_col, status_col = headings.index("序号"), headings.index("完成情况")
        for row in table.rows[1:]:
            text = row.cells[number_col].text.strip()
            number = int(text) if text.isdigit() else None
            if number in cells:
                row.cells[status_col].text = cells[number]
                found.add(number)
    assert found == set(cells), f"rows {set(cells) - found} are not in the sheet"
    document.save(str(target))
    return target


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(source: Path, fmt: str, folder: Path) -> Path:
    """source → folder/<stem>.<ext> through LibreOffice (its own save as .docx, or PDF)."""
    office = soffice()
    assert office is not None
    folder.mkdir(parents=True, exist_ok=True)
    profile = folder / "lo-profile"
    subprocess.run(
        [
            office,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    ext = fmt.split(":")[0]
    out = folder / f"{source.stem}.{ext}"
    assert out.is_file(), f"LibreOffice wrote no {out}"
    return out
