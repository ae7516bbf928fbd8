"""Word formats other than .docx (.doc, .wps, .odt, .rtf) to .docx, through LibreOffice.

LibreOffice is an optional runtime dependency, found on PATH as `soffice` (or `libreoffice`).
Without it a file of these forms is an error that says what to do. `collect` (returned sheets)
and `import` (the task table) both go through `to_docx`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .i18n import _, os_reason

CONVERTIBLE = {".doc", ".wps", ".odt", ".rtf", ".wpt", ".dot", ".docm", ".dotx", ".fodt"}
TIMEOUT = 120  # seconds for one file


class ConvertError(Exception):
    """A file that could not be turned into .docx; the message says why and what to do."""


def soffice() -> str | None:
    """The LibreOffice program on PATH, or None."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def needs_conversion(path: Path) -> bool:
    return path.suffix.lower() in CONVERTIBLE


def to_docx(path: Path, folder: Path) -> Path:
    """Convert `path` into `folder` (a temporary folder the caller owns); the .docx made.

    Raises ConvertError when LibreOffice is missing, fails, or takes longer than TIMEOUT.
    """
    program = soffice()
    if program is None:
        raise ConvertError(
            _(
                "{name}: a {suffix} file must be converted to .docx first; save it as .docx in "
                "Word or WPS (另存为), or install LibreOffice (soffice on PATH) so zhengwu "
                "converts it"
            ).format(name=path.name, suffix=path.suffix)
        )
    # A profile of its own: a running LibreOffice (or another conversion) does not block this one.
    with tempfile.TemporaryDirectory(prefix="zhengwu-lo-") as profile:
        command = [
            program,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder),
            str(path.resolve()),
        ]
        env = {**os.environ, "HOME": profile}
        try:
            result = subprocess.run(
                command,
                capture_output=True,
                timeout=TIMEOUT,
                env=env,
                stdin=subprocess.DEVNULL,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ConvertError(
                _(
                    "{name}: LibreOffice did not finish converting it in {seconds} s; save it "
                    "as .docx in Word or WPS and try again"
                ).format(name=path.name, seconds=TIMEOUT)
            ) from None
        except OSError as error:
            raise ConvertError(
                _("{name}: cannot run LibreOffice ({reason})").format(
                    name=path.name, reason=os_reason(error)
                )
            ) from None
    made = folder / f"{path.stem}.docx"
    if result.returncode != 0 or not made.is_file():
        said = (result.stderr or result.stdout).decode("utf-8", "replace").strip()
        if said:
            text = _(
                "{name}: LibreOffice could not convert it ({said}); the file may be damaged: "
                "open it in Word or WPS and save it as .docx"
            )
        else:
            text = _(
                "{name}: LibreOffice could not convert it; the file may be damaged: open it in "
                "Word or WPS and save it as .docx"
            )
        raise ConvertError(text.format(name=path.name, said=said.splitlines()[-1] if said else ""))
    return made
