"""Limits for a .docx or .xlsx opened as a stranger's file, checked from the zip's directory before
anything is inflated: shared by `collect` (returned sheets) and `import` (task tables).

All parts together may unpack to at most MAX_TOTAL bytes, the main part to at most MAX_PART; no
part over RATIO_FLOOR may be compressed more than MAX_RATIO : 1 (a zip bomb of 1 MB that
inflates to 1 GB is refused at once); an encrypted part is refused.
"""

from __future__ import annotations

import zipfile

from .i18n import _

MAX_TOTAL = 512 * 2**20  # all parts together, as the zip's directory declares them
MAX_PART = 64 * 2**20  # the document part (a 100× sheet is 17 MB)
MAX_RATIO = 100  # inflated ÷ deflated, for a part over RATIO_FLOOR
RATIO_FLOOR = 4 * 2**20
MAX_MEMBERS = 10_000


class UnsafeArchive(Exception):
    """A .docx that is not read: the message says why."""


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check(archive: zipfile.ZipFile, main: str) -> None:
    """Raise UnsafeArchive when the archive breaks a limit (`main`: the document part)."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise UnsafeArchive(
            _("the file holds {count} parts; a damaged or hostile file").format(count=len(members))
        )
    total = sum(m.file_size for m in members)
    if total > MAX_TOTAL:
        raise UnsafeArchive(
            _(
                "the file would unpack to {size} MB (more than {limit} MB): a zip bomb or a "
                "damaged file; not read"
            ).format(size=total // 2**20, limit=MAX_TOTAL // 2**20)
        )
    for member in members:
        if member.flag_bits & 0x1:
            raise UnsafeArchive(
                _("the file is encrypted (password-protected); save it without one")
            )
        if member.file_size > RATIO_FLOOR and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise UnsafeArchive(
                _(
                    "a part of the file ({part}) is compressed {ratio}:1 (more than {limit}:1): "
                    "a zip bomb or a damaged file; not read"
                ).format(
                    part=_short(member.filename, 40),
                    ratio=member.file_size // max(member.compress_size, 1),
                    limit=MAX_RATIO,
                )
            )
    if main in archive.namelist() and archive.getinfo(main).file_size > MAX_PART:
        size = archive.getinfo(main).file_size
        raise UnsafeArchive(
            _(
                "the document's text ({part}) would unpack to {size} MB (more than {limit} MB); "
                "not read"
            ).format(part=main, size=size // 2**20, limit=MAX_PART // 2**20)
        )
