"""The sheets' texts: what a .docx cannot hold, how wide a line is, and the renderer's own keys
of sheet.yaml (`load_sheet_texts`).

Text a .docx cannot hold: control characters and Excel's escaped line breaks.

XML 1.0 forbids U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF and lone surrogates;
lxml refuses them with a ValueError. Vertical tab and form feed (and Excel's `_x000B_`) are line
breaks in the sources we read, so they become line breaks; the rest are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_BREAKS = re.compile(r"\r\n|\r|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]|_x000[bBcCdD]_")
_INVALID = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> tuple[str, list[str]]:
    """The text a .docx can hold, and the characters that were changed (as U+XXXX), if any."""
    changed: list[str] = []

    def note(match: re.Match[str]) -> str:
        found = match.group(0)
        if found not in ("\r\n", "\r"):  # ordinary line endings are not worth a warning
            label = found if found.startswith("_x") else f"U+{ord(found):04X}"
            if label not in changed:
                changed.append(label)
        return "\n"

    def drop(match: re.Match[str]) -> str:
        label = f"U+{ord(match.group(0)):04X}"
        if label not in changed:
            changed.append(label)
        return ""

    result = _BREAKS.sub(note, text)
    result = _INVALID.sub(drop, result)
    return result, changed


def lines(text: str | None) -> list[str]:
    """Non-empty lines of a cell's text, each stripped of surrounding blanks."""
    if not text:
        return []
    return [line.strip() for line in text.split("\n") if line.strip()]


def xml_escape(text: str) -> str:
    """Text for an XML element or a "…"-quoted attribute (xml.sax.saxutils would pull in
    urllib.request, a fifth of render's start-up; str.replace is the fastest way in CPython)."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def display_width(text: str) -> float:
    """Width of a line in em: a CJK or full-width character is 1, an ASCII one ½."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


# ---------------------------------------------------------------------------------------------
# The sheet texts the renderer adds to the keys render/template.py checks: the label of a
# filtered sheet, the task row, the 待确认 mark, the 填报 block. They live in the same
# sheet.yaml; a template's .yaml that lacks one gets the bundled one.

SCOPES: dict[str, set[str]] = {
    "month": {"month"},
    "due_before": {"date"},
    "due_after": {"date"},
    "overdue": {"date"},
    "deadline": {"deadline"},
    "roles": {"roles"},
    "direct": set(),
    "goal": {"goal"},
    "task": {"task"},
    "grep": {"text"},
}
EXTRA: dict[str, set[str]] = {
    "scope_title": {"title", "scope", "unit"},
    "scope_note": {"note", "scope", "unit"},
    "task_row": {"task", "goal"},
    "pending": {"role"},
    "pending_note": set(),
    "sign_off": {"unit", "year", "place"},
}


@dataclass
class SheetTexts:
    """The renderer's own sheet.yaml keys, compiled (jinja2, sandboxed, StrictUndefined)."""

    path: Path
    templates: dict[str, Any] = field(default_factory=dict)
    scopes: dict[str, Any] = field(default_factory=dict)
    scope_join: str = "；"

    def render(self, key: str, **values: Any) -> str:
        return self._fill(key, self.templates[key], values)

    def scope(self, key: str, **values: Any) -> str:
        return self._fill(f"scopes.{key}", self.scopes[key], values)

    def _fill(self, key: str, template: Any, values: dict[str, Any]) -> str:
        import jinja2

        from . import RenderError

        try:
            return str(template.render(**values))
        except jinja2.TemplateError as error:
            raise RenderError(
                f"{self.path}: `{key}` cannot be filled in: {error}; "
                f"it may use {', '.join(sorted(values)) or 'no placeholders'}"
            ) from None


def _read_yaml(path: Path) -> dict[str, Any]:
    import yaml

    from . import RenderError

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise RenderError(f"{path}: cannot read the text templates ({error})") from None
    return data if isinstance(data, dict) else {}


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def load_sheet_texts(path: Path, bundled: Path) -> SheetTexts:
    """The extra keys of `path`, each falling back to the bundled sheet.yaml's."""
    from jinja2 import StrictUndefined, meta
    from jinja2.exceptions import TemplateSyntaxError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from . import RenderError

    own = _read_yaml(path)
    base = own if path == bundled else _read_yaml(bundled)
    env = ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=False)
    result = SheetTexts(path)

    def compile_one(key: str, source: Any, allowed: set[str], where: Path) -> Any:
        if not isinstance(source, str):
            raise RenderError(f"{where}: `{key}` must be a text (in quotes)")
        try:
            parsed = env.parse(source)
        except TemplateSyntaxError as error:
            message = error.message
            raise RenderError(f"{where}: `{key}` is not a valid template: {message}") from None
        unknown = sorted(meta.find_undeclared_variables(parsed) - allowed)
        if unknown:
            raise RenderError(
                f"{where}: `{key}` uses {', '.join('{{ ' + u + ' }}' for u in unknown)}, which "
                f"the renderer does not provide; it may use {', '.join(sorted(allowed)) or 'none'}"
            )
        return env.from_string(source)

    for key, allowed in EXTRA.items():
        where = path if key in own else bundled
        source = own.get(key, base.get(key))
        result.templates[key] = compile_one(key, source, allowed, where)
    own_scopes = _mapping(own.get("scopes"))
    base_scopes = _mapping(base.get("scopes"))
    for key, allowed in SCOPES.items():
        where = path if key in own_scopes else bundled
        source = own_scopes.get(key, base_scopes.get(key))
        result.scopes[key] = compile_one(f"scopes.{key}", source, allowed, where)
    join = own_scopes.get("join", base_scopes.get("join", "；"))
    result.scope_join = str(join)
    return result
