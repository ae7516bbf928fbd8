"""Safe file names from unit names, no silent overwrite, and atomic writes.

A name becomes a file name that Windows and Linux both accept: no separators or reserved
characters, no control, bidirectional or invisible characters (names.py), look-alike ideographs
made ordinary (NFC), no trailing dot or blank, not a reserved device name (CON, NUL, COM0, LPT¹ …),
and at most 223 bytes in UTF-8 with its suffix (cut at a character, never inside one), leaving
room for the temporary file it is written through. The final
path is checked to lie inside the output folder and to fit the file system (`inside`), for every
sheet of a batch before the first is written.
A file is written to a temporary file in the same folder and renamed over the target
(`os.replace`), so a reader never sees half a file and an interrupted run leaves none behind.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from ..i18n import _, ngettext
from ..names import BIDI, FILE_NAME_BYTES, INVISIBLE, NAME_MAX, TEMP_ROOM, is_device, printable
from . import RenderError

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f]')
_HIDDEN = {ord(c): None for c in BIDI | INVISIBLE}
PATH_MAX = 4096  # bytes of a whole path on Linux; Windows without long paths takes 260 characters


def _cut(text: str, size: int) -> str:
    """The longest start of `text` that takes at most `size` bytes in UTF-8."""
    data = text.encode("utf-8", "surrogatepass")
    if len(data) <= size:
        return text
    return data[:size].decode("utf-8", "ignore")


def safe_filename(name: str, suffix: str = ".docx") -> str:
    """A file name made from `name` (a unit name or a rendered template), ending in `suffix`."""
    stem = name[: -len(suffix)] if suffix and name.lower().endswith(suffix) else name
    stem = unicodedata.normalize("NFC", stem.translate(_HIDDEN))
    stem = _FORBIDDEN.sub("_", stem).strip().rstrip(". ")
    stem = stem.lstrip(".") or "_"  # no hidden files, no "..", never empty
    if is_device(stem):
        stem = "_" + stem
    stem = _cut(stem, FILE_NAME_BYTES - len(suffix.encode("utf-8"))).rstrip(". ") or "_"
    return stem + suffix


def _name_max(folder: Path) -> int:
    """The longest file name (bytes) the file system of `folder` (or its nearest existing
    parent) takes; 255 where it cannot say."""
    for place in (folder, *folder.parents):
        try:
            if place.is_dir():
                return min(os.pathconf(place, "PC_NAME_MAX"), NAME_MAX)
        except (OSError, ValueError, AttributeError):  # Windows has no pathconf
            continue
    return NAME_MAX


def inside(folder: Path, filename: str) -> Path:
    """folder/filename, refusing anything that would land outside the folder or that the file
    system could not create (a name over 255 bytes, a path over PATH_MAX): called for every
    sheet before the first is written, so a batch fails whole or not at all."""
    size = len(filename.encode("utf-8", "surrogatepass"))
    limit = _name_max(folder) - TEMP_ROOM
    if size > limit:
        raise RenderError(
            _(
                "the file name “{name}” takes {size} bytes in UTF-8, more than the {limit} a "
                "sheet's name may have (a file name holds {most}, and the sheet is written "
                "through a temporary file beside it); nothing was written. Give a shorter name "
                "with -o, or shorten the file-name template (unit_file) in sheet.yaml"
            ).format(name=printable(filename), size=size, limit=limit, most=NAME_MAX)
        )
    target = folder / filename
    try:
        resolved = target.resolve()
        leaves = resolved.parent != folder.resolve()
    except (OSError, RuntimeError):  # a name too long for the system, a symlink loop
        leaves = True
    if leaves:
        raise RenderError(
            _(
                "the file name “{name}” would leave the output folder {folder}; "
                "change the file-name template in sheet.yaml"
            ).format(name=printable(filename), folder=folder)
        )
    if len(os.fsencode(resolved)) >= PATH_MAX:
        raise RenderError(
            _(
                "the path of “{name}” in {folder} is longer than the {most} bytes a path may "
                "have; nothing was written. Choose a shorter folder with -o"
            ).format(name=printable(filename), folder=folder, most=PATH_MAX)
        )
    return target


def existing(targets: list[Path]) -> list[Path]:
    """The targets that exist already."""
    return [t for t in targets if t.exists()]


def refuse_existing(found: list[Path]) -> None:
    """RenderError naming files that exist (writing none of them) unless the list is empty."""
    if not found:
        return
    shown = "\n".join(f"  {p}" for p in found[:10])
    if len(found) > 10:
        shown += "\n  " + _("… and {n} more").format(n=len(found) - 10)
    what = ngettext(
        "this file exists; nothing was written:",
        "these {n} files exist; nothing was written:",
        len(found),
    ).format(n=len(found))
    hint = _("add --force to overwrite, or choose another place with -o")
    raise RenderError(f"{what}\n{shown}\n{hint}")


def write_atomic(target: Path, data: bytes) -> None:
    """Write `data` to `target` through a temporary file in the same folder, then rename it
    (`zhengwu_cli.atomic`: fsync, the mode kept, links written through, no temporary file left)."""
    from ..atomic import WriteError
    from ..atomic import write_atomic as write

    if target.is_dir():
        raise RenderError(
            _("{path} is a folder; give a file name ending in .docx").format(path=target)
        )
    try:
        write(target, data)
    except WriteError as error:
        raise RenderError(str(error)) from None
