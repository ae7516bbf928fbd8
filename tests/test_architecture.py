"""The layering of docs/architecture.md, kept true: which part may import which.

Every import in src/zhengwu_cli is read with ast, those inside functions too (the lazy ones are
the ones that drift); imports under `if TYPE_CHECKING:` do not run and are skipped. A rule holds
for a module and for everything it reaches inside zhengwu_cli, so a rule cannot be dodged by
importing through a neighbour.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "zhengwu_cli"

# The presentation modules outside cli/: they print to a terminal with rich and only cli/ imports
# them. terminal.py: the tables of `list` / `units` / `status` (its home would be cli/; moving it
# is a rename for later). lint/format.py: lint's reporters, `standard` colours with rich on a
# terminal (imported lazily, only then).
PRESENTATION = {"zhengwu_cli.terminal", "zhengwu_cli.lint.format"}

PARTS = ("cli", "lint", "render", "ledger", "importer")


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


@cache
def imports(module: str) -> frozenset[str]:
    """The modules `module` imports itself (zhengwu_cli ones resolved to a module's name)."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for statement in node.orelse:
                visit(statement)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.add(name)
            for alias in node.names:  # `from . import dates` imports a module
                if f"{name}.{alias.name}" in MODULES:
                    found.add(f"{name}.{alias.name}")
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return frozenset(found)


@cache
def reached(module: str) -> frozenset[str]:
    """Everything `module` imports, itself or through the zhengwu_cli modules it imports."""
    seen: set[str] = set()
    todo = [module]
    while todo:
        for name in imports(todo.pop()):
            if name not in seen:
                seen.add(name)
                if name in MODULES:
                    todo.append(name)
    return frozenset(seen)


def part(module: str) -> str:
    """cli, lint, render, ledger, importer, or core (model, load, query, units, deadlines …)."""
    if module in PRESENTATION:
        return "presentation"
    name = module.split(".")
    if len(name) > 1 and name[1] in PARTS:
        return name[1]
    if module == "zhengwu_cli.__main__":
        return "cli"
    return "core"


def _top(name: str) -> str:
    return name.split(".")[0]


def _violations(modules: list[str], forbidden: set[str], direct: bool = False) -> list[str]:
    """(module, what it reaches) where what it reaches is a forbidden part or library."""
    found = []
    for module in modules:
        for name in sorted(imports(module) if direct else reached(module)):
            what = part(name) if name in MODULES else _top(name)
            if what in forbidden or name in forbidden:
                found.append(f"{module} → {name}")
    return found


def of(*parts: str) -> list[str]:
    return [m for m in MODULES if part(m) in parts]


def test_the_graph_is_read() -> None:
    """The scan sees the imports it is to judge (else every rule below would hold vacuously)."""
    assert "zhengwu_cli.docx_text" in imports("zhengwu_cli.ledger.sheet_read")
    assert "jinja2" in reached("zhengwu_cli.render.docx_sheet")
    assert "docx" in imports("zhengwu_cli.render.report_docx")
    assert "click" in imports("zhengwu_cli.cli.app")
    assert "zhengwu_cli.ledger.check" in reached("zhengwu_cli.lint.runner")
    assert len(of("core")) > 15 and len(of("lint")) > 40


def test_below_the_cli_nothing_imports_cli_click_or_rich() -> None:
    lower = of("core", "lint", "render", "ledger", "importer")
    assert _violations(lower, {"cli", "presentation", "click", "rich"}) == []


def test_rich_only_in_the_presentation_modules_which_only_cli_imports() -> None:
    assert _violations(of("presentation"), {"cli", "click"}) == []
    users = {m for m in MODULES if set(imports(m)) & PRESENTATION}
    assert {part(m) for m in users} <= {"cli", "presentation"}, users


def test_the_core_imports_no_part_and_no_writer() -> None:
    """model, load, query, units, deadlines …: no lint, render, ledger, importer; no docx,
    jinja2, click or rich (openpyxl stays lazy in export.py, for `list -o x.xlsx`)."""
    forbidden = {*PARTS, "presentation", "docx", "jinja2", "click", "rich"}
    assert _violations(of("core"), forbidden) == []


def test_lint_never_imports_docx_or_jinja2() -> None:
    forbidden = {"render", "importer", "cli", "docx", "jinja2"}
    assert _violations(of("lint"), forbidden) == []


def test_ledger_never_imports_render_or_cli() -> None:
    assert _violations(of("ledger"), {"render", "lint", "importer", "cli", "docx", "jinja2"}) == []


def test_the_importer_never_imports_the_cli_or_render() -> None:
    assert _violations(of("importer"), {"cli", "click", "rich", "render"}) == []


def test_render_never_imports_lint_importer_or_cli() -> None:
    assert _violations(of("render"), {"lint", "importer", "cli", "click", "rich"}) == []
