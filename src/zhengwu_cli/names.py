"""Unit and place names as safe text: what a name may not hold, and how to show one.

A name from a table, a registry or a returned sheet reaches file names (one sheet per unit), the
terminal and other people's screens. It is refused (lint ZW309/ZW310) when it holds:

- a control character (NUL, ESC and the terminal sequences it starts, the C1 controls such as
  U+009B, which some terminals read as ESC [);
- a bidirectional control (U+202E RIGHT-TO-LEFT OVERRIDE shows “市司法局\u202excod.exe” as
  “市司法局exe.docx”), or an invisible character (U+200B ZERO WIDTH SPACE, U+FEFF, U+00AD …):
  “市司法局\u200b” looks like 市司法局 but is another name, so its sheets and entries go astray;
- a look-alike character: a CJK compatibility ideograph (U+F900–U+FAFF, U+2F800–U+2FA1F) or a
  Kangxi radical (U+2F00–U+2FDF), which look like an ordinary ideograph but differ in bytes;
- a file-name problem: a Windows device name (CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9, COM¹–³,
  LPT¹–³, CONIN$, CONOUT$, with or without an extension), a path separator or `..`, or more
  UTF-8 bytes than a file name made from it can hold (255 on Linux, macOS and Windows file
  systems, less the room of the temporary file a sheet is written through and of a suffix such
  as “.docx”: MAX_NAME_BYTES, 200 bytes, 66 Chinese characters).

`printable` shows any text safely on a terminal; `did_you_mean` says when a name differs from a
known one only by characters that cannot be seen.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from .i18n import _

NAME_MAX = 255  # bytes per path component: ext4, xfs, btrfs, APFS; NTFS counts 255 UTF-16 units
TEMP_ROOM = 32  # a file is written through “.NAME.xxxxxxxx.tmp” beside it
FILE_NAME_BYTES = NAME_MAX - TEMP_ROOM  # the longest name a written file may get
MAX_NAME_BYTES = 200  # a name, leaving room for “.docx” and what a file-name template adds

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
INVISIBLE = frozenset(
    "\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f"
    "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\u206a\u206b\u206c\u206d\u206e\u206f"
    "\u3164\ufeff\uffa0"
) | frozenset(chr(c) for c in range(0xFE00, 0xFE10))
_DEVICES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{p}{n}" for p in ("COM", "LPT") for n in (*"0123456789", "¹", "²", "³")
}
_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\x1b": "\\e"}


def _lookalike(char: str) -> str | None:
    """The ordinary ideograph a compatibility ideograph or a radical stands for, else None."""
    code = ord(char)
    if 0xF900 <= code <= 0xFAFF or 0x2F800 <= code <= 0x2FA1F or 0x2E80 <= code <= 0x2FDF:
        normal = unicodedata.normalize("NFKC", char)
        return normal if normal != char else None
    return None


def _char(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


@dataclass(frozen=True)
class Defect:
    kind: str  # "control", "bidi", "invisible", "lookalike", "device", "path", "length"
    message: str  # what is wrong, in words, naming the character


HIDDEN = ("control", "bidi", "invisible", "lookalike")


def defects(name: str) -> list[Defect]:
    """Everything wrong with `name` as a unit or place name, one Defect per kind of problem."""
    found: list[Defect] = []
    seen: set[str] = set()
    for char in name:
        if char in seen:
            continue
        seen.add(char)
        if _CONTROL.fullmatch(char):
            if char == "\x1b":
                what = _(
                    "a control character {char} (an ESC, which starts a terminal escape sequence)"
                )
            else:
                what = _("a control character {char}")
            found.append(Defect("control", what.format(char=_char(char))))
        elif char in BIDI:
            found.append(
                Defect(
                    "bidi",
                    _("a bidirectional control {char}, which reorders the text").format(
                        char=_char(char)
                    ),
                )
            )
        elif char in INVISIBLE:
            found.append(
                Defect("invisible", _("an invisible character {char}").format(char=_char(char)))
            )
        elif (normal := _lookalike(char)) is not None:
            found.append(
                Defect(
                    "lookalike",
                    _(
                        "the look-alike character {char} ({code}); the ordinary one is "
                        "{normal} ({normal_code})"
                    ).format(
                        char=char,
                        code=_char(char),
                        normal=normal,
                        normal_code=f"U+{ord(normal[0]):04X}",
                    ),
                )
            )
    stem = name.strip().rstrip(". ").split(".")[0].strip().upper()
    if stem in _DEVICES:
        found.append(
            Defect(
                "device",
                _("“{name}” is a Windows device name, never a file name").format(name=stem),
            )
        )
    if "/" in name or "\\" in name or name.strip() in {".", ".."}:
        found.append(Defect("path", _("a path separator or “..”, which would leave the folder")))
    size = len(name.encode("utf-8", "surrogatepass"))
    if size > MAX_NAME_BYTES:
        found.append(
            Defect(
                "length",
                _(
                    "{size} bytes in UTF-8 ({length} characters); a file name holds {limit} "
                    "bytes, so a name whose sheet is a file may take {most}"
                ).format(size=size, length=len(name), limit=NAME_MAX, most=MAX_NAME_BYTES),
            )
        )
    return found


def plain(name: str) -> str:
    """`name` without control, bidirectional and invisible characters, look-alikes replaced
    by the ordinary ideograph: what the name most likely means."""
    out = []
    for char in name:
        if _CONTROL.fullmatch(char) or char in BIDI or char in INVISIBLE:
            continue
        out.append(_lookalike(char) or char)
    return "".join(out)


def is_device(stem: str) -> bool:
    """A Windows device name (CON, COM0, LPT¹, nul.txt …) that a file may not be called."""
    return stem.strip().rstrip(". ").split(".")[0].strip().upper() in _DEVICES


def did_you_mean(
    given: str, suggestions: list[str], canonical: Callable[[str], str | None] | None = None
) -> str | None:
    """“did you mean X?” for an unknown name; when `given` is a known name (`canonical` finds
    it) once its invisible and look-alike characters are taken out, that name comes first and
    the hint says what the hidden difference is."""
    clean = plain(given)
    owner = canonical(clean) if canonical is not None and clean != given else None
    ordered = ([owner] if owner else []) + [s for s in suggestions if s != owner]
    if not ordered:
        return None
    text = _("did you mean {names}?").format(names="、".join(ordered))
    if owner:
        hidden = _("; ").join(d.message for d in defects(given) if d.kind in HIDDEN)
        text += _(" (“{given}” is {name} with {hidden}: the difference cannot be seen)").format(
            given=printable(given), name=clean, hidden=hidden
        )
    return text


def printable(text: str) -> str:
    """`text` safe for a terminal: control characters (ESC, the C1 controls, NUL …) and
    bidirectional controls shown as escapes (\\e, \\x9b, \\u202e), line breaks and tabs kept."""
    if text.isprintable():
        return text
    out = []
    for char in text:
        if char in "\n\t":
            out.append(char)
        elif char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif _CONTROL.fullmatch(char):
            out.append(f"\\x{ord(char):02x}")
        elif char in BIDI or char in INVISIBLE:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)
