"""Every code zhengwu can print is in the one registry, so `zhengwu rules CODE` explains it."""

from __future__ import annotations

import ast
import itertools
import re
from pathlib import Path

from click.testing import CliRunner

from zhengwu_cli.cli import cli
from zhengwu_cli.lint.results import Options, UnknownRule
from zhengwu_cli.lint.rules import RULES, lookup

SRC = Path(__file__).resolve().parents[1] / "src" / "zhengwu_cli"
CODE = re.compile(r"ZW\d{3}")
NAME = re.compile(r"[a-z]+(-[a-z]+)*")


def _literals() -> dict[str, list[str]]:
    """Every string literal that is a code, with where it stands."""
    found: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            if CODE.fullmatch(node.value):
                where = f"{path.relative_to(SRC)}:{node.lineno}"
                found.setdefault(node.value, []).append(where)
    return found


def test_every_code_in_the_source_is_registered() -> None:
    literals = _literals()
    assert {"ZW000", "ZW600", "ZW611", "ZW624"} <= set(literals)  # the scan sees them all
    missing = {code: where for code, where in literals.items() if code not in RULES}
    assert not missing, f"codes raised but not registered in lint/rules/__init__.py: {missing}"


def test_every_code_mentioned_in_the_source_is_registered() -> None:
    """Docstrings and messages too ("waive ZW603 with the reason")."""
    for path in sorted(SRC.rglob("*.py")):
        for code in CODE.findall(path.read_text(encoding="utf-8")):
            assert code in RULES, f"{path.relative_to(SRC)} names {code}, which is no code"


def test_a_problem_carries_its_registered_name() -> None:
    """Problem(path, line, col, "ZW600", "no-ledger", …): the name beside a code is its name."""
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            args = node.args
            for first, second in itertools.pairwise(args):
                if (
                    isinstance(first, ast.Constant)
                    and isinstance(first.value, str)
                    and CODE.fullmatch(first.value)
                    and isinstance(second, ast.Constant)
                    and isinstance(second.value, str)
                    and NAME.fullmatch(second.value)
                ):
                    where = f"{path.relative_to(SRC)}:{node.lineno}"
                    assert RULES[first.value].name == second.value, where


def test_every_rule_module_is_registered() -> None:
    modules = sorted(p.stem for p in (SRC / "lint" / "rules").glob("zw*.py"))
    assert len(modules) >= 38
    for stem in modules:
        code = stem[:5].upper()
        assert code in RULES, f"lint/rules/{stem}.py is not listed in the rule registry"
        assert RULES[code].kind == "lint" and RULES[code].check.__module__.endswith(stem)


def test_codes_are_unique_and_well_formed() -> None:
    for code, rule in RULES.items():
        assert CODE.fullmatch(code) and rule.code == code
        assert NAME.fullmatch(rule.name), code
        assert rule.kind in {"lint", "ledger", "collect"}
        assert rule.summary and rule.doc.startswith(rule.summary.split(" ")[0])
    assert list(RULES) == sorted(RULES)


def test_rules_explains_the_codes_outside_lint() -> None:
    runner = CliRunner()
    for code, words in [
        ("ZW600", "No ledger (台账)"),
        ("ZW611", "`zhengwu collect`"),
        ("ZW624", "merged over several rows"),
        ("ZW002", "checklist's shape"),
    ]:
        result = runner.invoke(cli, ["rules", code], catch_exceptions=False)
        assert result.exit_code == 0, code
        assert result.output.startswith(f"{code} {RULES[code].name} (default severity:")
        assert words in result.output, code
    listed = runner.invoke(cli, ["rules"], catch_exceptions=False).output.splitlines()
    assert [line[:5] for line in listed] == list(RULES)
    assert "ZW611  sheet-unknown-indicator    warning  collect: The 序号" in listed[46]


def test_a_name_of_two_kinds_selects_both() -> None:
    """unknown-unit is ZW301 (checklist) and ZW602 (ledger): both ignored, both explained."""
    assert [r.code for r in lookup("unknown-unit")] == ["ZW301", "ZW602"]
    assert {"ZW301", "ZW602"}.isdisjoint(Options(ignore=["unknown-unit"]).rules())
    output = CliRunner().invoke(cli, ["rules", "unknown-unit"], catch_exceptions=False).output
    assert output.startswith("ZW301 unknown-unit") and "ZW602 unknown-unit" in output


def test_lint_refuses_a_collect_warning_as_a_selector() -> None:
    try:
        Options(select=["ZW611"]).rules()
    except UnknownRule as error:
        assert "a warning of `zhengwu collect`" in str(error) and "ZW607" in str(error)
    else:
        raise AssertionError("ZW611 was accepted as a lint rule")
    assert not any(code.startswith("ZW61") for code in Options().rules())
    assert "ZW606" in Options(select=["ZW6"]).rules()
