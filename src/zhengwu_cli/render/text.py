"""The sheets' texts: what a .docx cannot hold (`clean`, from zhengwu_cli.docx_text), how wide a
line is, and the renderer's own keys of sheet.yaml (`load_sheet_texts`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..docx_text import clean as clean
from ..i18n import _


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
            names = ", ".join(sorted(values)) or _("no placeholders")
            raise RenderError(
                _("{path}: `{key}` cannot be filled in: {error}; it may use {names}").format(
                    path=self.path, key=key, error=error, names=names
                )
            ) from None


def _read_yaml(path: Path) -> dict[str, Any]:
    import yaml

    from . import RenderError

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise RenderError(
            _("{path}: cannot read the text templates ({error})").format(path=path, error=error)
        ) from None
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
            raise RenderError(
                _("{path}: `{key}` must be a text (in quotes)").format(path=where, key=key)
            )
        try:
            parsed = env.parse(source)
        except TemplateSyntaxError as error:
            raise RenderError(
                _("{path}: `{key}` is not a valid template: {error}").format(
                    path=where, key=key, error=error.message
                )
            ) from None
        unknown = sorted(meta.find_undeclared_variables(parsed) - allowed)
        if unknown:
            raise RenderError(
                _(
                    "{path}: `{key}` uses {unknown}, which the renderer does not provide; "
                    "it may use {names}"
                ).format(
                    path=where,
                    key=key,
                    unknown=", ".join("{{ " + u + " }}" for u in unknown),
                    names=", ".join(sorted(allowed)) or _("no placeholders"),
                )
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
