"""Safe file names from unit names, no silent overwrite, and atomic writes.

A name becomes a file name that Windows and Linux both accept: no separators or reserved
characters, no control characters, no trailing dot or blank, not a reserved device name (CON,
NUL, COM1 …), at most 120 characters; the final path is checked to lie inside the output folder.
A file is written to a temporary file in the same folder and renamed over the target
(`os.replace`), so a reader never sees half a file and an interrupted run leaves none behind.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import RenderError

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{n}" for p in ("COM", "LPT") for n in range(1, 10)}
MAX_STEM = 120


def safe_filename(name: str, suffix: str = ".docx") -> str:
    """A file name made from `name` (a unit name or a rendered template), ending in `suffix`."""
    stem = name[: -len(suffix)] if suffix and name.lower().endswith(suffix) else name
    stem = _FORBIDDEN.sub("_", stem).strip().rstrip(". ")
    stem = stem.lstrip(".") or "_"  # no hidden files, no "..", never empty
    if stem.split(".")[0].upper().rstrip() in _RESERVED:
        stem = "_" + stem
    return stem[:MAX_STEM] + suffix


def inside(folder: Path, filename: str) -> Path:
    """folder/filename, refusing anything that would land outside the folder."""
    target = folder / filename
    if target.resolve().parent != folder.resolve():
        raise RenderError(
            f"the file name “{filename}” would leave the output folder {folder}; "
            "change the file-name template in sheet.yaml"
        )
    return target


def existing(targets: list[Path]) -> list[Path]:
    return [t for t in targets if t.exists()]


def refuse_existing(found: list[Path]) -> None:
    """RenderError naming files that exist (writing none of them) unless the list is empty."""
    if not found:
        return
    shown = "\n".join(f"  {p}" for p in found[:10])
    more = f"\n  … and {len(found) - 10} more" if len(found) > 10 else ""
    what = "this file exists" if len(found) == 1 else f"these {len(found)} files exist"
    raise RenderError(
        f"{what}; nothing was written:\n{shown}{more}\n"
        "add --force to overwrite, or choose another place with -o"
    )


def write_atomic(target: Path, data: bytes) -> None:
    """Write `data` to `target` through a temporary file in the same folder, then rename it
    (`zhengwu_cli.atomic`: fsync, the mode kept, links written through, no temporary file left)."""
    from ..atomic import WriteError
    from ..atomic import write_atomic as write

    if target.is_dir():
        raise RenderError(f"{target} is a folder; give a file name ending in .docx")
    try:
        write(target, data)
    except WriteError as error:
        raise RenderError(str(error)) from None
