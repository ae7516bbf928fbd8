"""The language a person reads: Chinese by default, English with ZHENGWU_LANG=en or --lang en.

Every text a person reads goes through `_()` (or `ngettext()`), with its English source as the
message id; the Chinese is in the catalogues `locale/zh/*.po`, compiled into
`locale/zh/LC_MESSAGES/zhengwu.mo` (`python scripts/i18n.py compile`; a test fails when the .mo
is older than the .po files, or when a message in the sources has no translation).

Texts declared at import time (tables, click help) are marked with `N_()` and translated where
they are shown, so the language can be chosen after the modules are loaded: the language is read
at each call, from `set_language()` (the group's --lang) or else ZHENGWU_LANG, never from the
machine's locale, so a Chinese Windows PC and a Linux CI box print the same.

Messages use named fields, `_("unknown unit {name}").format(name=...)`, so a translation may put
them in its own order.
"""

from __future__ import annotations

import errno
import gettext as _gettext
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path

DOMAIN = "zhengwu"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("zh", "en")
DEFAULT = "zh"
ENV = "ZHENGWU_LANG"

_chosen: str | None = None  # set by --lang; wins over the environment


def set_language(language: str | None) -> None:
    """Choose the language for the rest of the run (None: back to ZHENGWU_LANG or Chinese)."""
    global _chosen
    _chosen = None if language is None else normalize(language)


def normalize(language: str) -> str:
    """`zh`, `zh_CN`, `zh-Hans`, `chinese` → zh; `en`, `en_US.UTF-8` → en; else Chinese."""
    word = language.strip().lower()
    return "en" if word.startswith("en") else DEFAULT


def language() -> str:
    """The language in force: --lang, else ZHENGWU_LANG, else Chinese."""
    if _chosen is not None:
        return _chosen
    value = os.environ.get(ENV)
    return normalize(value) if value else DEFAULT


@cache
def _catalogue(lang: str) -> _gettext.NullTranslations:
    if lang == "en":
        return _gettext.NullTranslations()
    try:
        return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])
    except OSError:  # a broken install without its catalogue still speaks (English)
        return _gettext.NullTranslations()


def _(message: str) -> str:
    """The message in the reader's language."""
    return _catalogue(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The message for n things (Chinese has one form; English two)."""
    return _catalogue(language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """The message where one English text means two things (its context tells which)."""
    return _catalogue(language()).pgettext(context, message)


def N_(message: str) -> str:
    """Mark a text declared before it is shown; translate it with `_()` where it is shown."""
    return message


def join(items: Iterable[str]) -> str:
    """Items as the reader writes a list: 甲、乙、丙 in Chinese, "a, b, c" in English."""
    return ("、" if language() == "zh" else ", ").join(items)


def at(line: int, column: int | None = None) -> str:
    """A position inside a sentence: 第52行第17列 / line 52, column 17."""
    if column is None:
        return _("line {line}").format(line=line)
    return _("line {line}, column {column}").format(line=line, column=column)


# what the system says when a file cannot be used, in words a person reads (the system's own
# strerror is English on every machine Python runs on)
_OS_REASONS = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("no permission"),
    errno.EPERM: N_("no permission"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EROFS: N_("the disk is read-only"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.EEXIST: N_("it exists already"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.EBUSY: N_("it is in use by another program"),
    getattr(errno, "EDQUOT", -1): N_("the disk quota is used up"),  # not on every system
    errno.EIO: N_("the disk could not be read or written"),
}
# Windows: the file is open in another program (Word, WPS, Excel keep what they open locked)
_WINDOWS_REASONS = {
    32: N_("it is open in another program (Word, WPS or Excel?): close it"),
    33: N_("it is open in another program (Word, WPS or Excel?): close it"),
}


def os_reason(error: OSError) -> str:
    """Why a file could not be used, in the reader's language (for "cannot write X: {reason}")."""
    winerror = getattr(error, "winerror", None)
    if winerror in _WINDOWS_REASONS:
        return _(_WINDOWS_REASONS[winerror])
    if error.errno in _OS_REASONS:
        return _(_OS_REASONS[error.errno])
    return error.strerror or str(error) or type(error).__name__
