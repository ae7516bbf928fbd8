"""A sheet saved as .doc by LibreOffice, as a liaison on an old Word sends it back."""

from __future__ import annotations

import subprocess
from pathlib import Path


def as_doc(docx: Path, folder: Path) -> Path:
    """Saved as .doc by LibreOffice (through .odt: LibreOffice 7.4 writes python-docx tables to
    .doc only from its own format)."""
    given = docx
    for form in ("odt", "doc"):
        out = folder / form
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={(folder / 'lo-profile').resolve().as_uri()}",
                "--headless",
                "--convert-to",
                form,
                "--outdir",
                str(out),
                str(given),
            ],
            check=True,
            capture_output=True,
            timeout=240,
        )
        given = out / f"{docx.stem}.{form}"
    return given
