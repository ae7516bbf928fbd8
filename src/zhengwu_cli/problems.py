"""Problems: what is wrong, where (file:line:col), and what to do. Shared by load and lint."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

_PICTURES = {i: 0x2400 + i for i in range(0x20)} | {0x7F: 0x2421}  # ␀ … ␟, ␡


def visible(text: str) -> str:
    """Control characters as their Unicode pictures (\\x0b → ␋, tab → ␉, line break → ␊), so a
    message quoting a defect shows it instead of ringing a bell or breaking the line; the C1
    controls (U+0080–U+009F) and bidirectional controls as escapes (names.printable)."""
    from .names import printable

    return printable(text.translate(_PICTURES))


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    code: str = field(compare=False)
    name: str = field(compare=False)
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    hint: str | None = field(default=None, compare=False)
    where: tuple[str | int, ...] = field(default=(), compare=False)  # model path of the finding

    def parsable(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}"
        return f"{where}: [{self.severity.value}] {self.message} ({self.code})"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
        }
