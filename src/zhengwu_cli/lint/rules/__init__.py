"""The rule registry: every rule by code. Codes are stable: never renumbered, never reused.

ZW0xx loading · ZW1xx numbering · ZW2xx gaps · ZW3xx units · ZW4xx deadlines · ZW5xx text.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import import_module
from types import ModuleType

from ...problems import Severity
from ..context import Context, Finding
from ..results import UnknownRule


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    check: Callable[[Context], Iterator[Finding]]
    doc: str

    @property
    def summary(self) -> str:
        return self.doc.split("\n\n")[0].replace("\n", " ")

    @classmethod
    def of(cls, module: ModuleType) -> Rule:
        return cls(
            module.CODE,
            module.NAME,
            module.SEVERITY,
            module.check,
            inspect.cleandoc(module.__doc__ or ""),
        )


_MODULES: list[ModuleType] = [
    import_module(f"{__name__}.{name}")
    for name in (
        "zw000_unreadable",
        "zw001_yaml_syntax",
        "zw002_schema",
        "zw003_duplicate_key",
        "zw004_encoding",
        "zw005_unsafe_yaml",
        "zw006_waiver",
        "zw101_numbering_gap",
        "zw102_numbering_repeat",
        "zw103_numbering_order",
        "zw201_no_unit",
        "zw202_no_deadline",
        "zw203_no_outcome",
        "zw204_no_measure",
        "zw205_empty_task",
        "zw206_carried_across_task",
        "zw207_carried_mismatch",
        "zw208_inferred_value",
        "zw209_absent_column",
        "zw301_unknown_unit",
        "zw302_alias_unit",
        "zw303_ended_unit",
        "zw304_group_without_members",
        "zw305_unplaced_unit",
        "zw306_unknown_member",
        "zw307_open_unit_list",
        "zw308_roles_differ_from_text",
        "zw309_hidden_character",
        "zw310_unusable_file_name",
        "zw401_deadline_unparseable",
        "zw402_deadline_outside_window",
        "zw501_word_artifact",
        "zw502_control_character",
        "zw503_whitespace",
        "zw504_ascii_punctuation",
        "zw505_unbalanced_pair",
        "zw506_near_duplicate",
        "zw507_term_variant",
    )
]


def _nothing(ctx: Context) -> Iterator[Finding]:
    return iter(())


def _ledger_rules() -> list[Rule]:
    """The progress-ledger findings (ZW6xx): checked by zhengwu_cli.ledger.check when lint is
    given a ledger file (progress/YEAR.yaml); listed here so they can be selected, ignored,
    waived and explained like the others."""
    from ...ledger.codes import CODES

    rules = []
    for code, (name, severity, meaning) in CODES.items():
        doc = (
            f"{meaning[0].upper()}{meaning[1:]}.\n\nA finding in a progress ledger (台账, "
            "progress/YEAR.yaml), checked against the checklist of the ledger's year: "
            "run `zhengwu lint progress/2022.yaml`. See docs/ledger.md."
        )
        rules.append(Rule(code, name, severity, _nothing, doc))
    return rules


RULES: dict[str, Rule] = {rule.code: rule for rule in [*map(Rule.of, _MODULES), *_ledger_rules()]}
BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES.values()}


def lookup(selector: str) -> list[Rule]:
    """Rules matching a code (ZW101), a code prefix (ZW1, ZW10) or a name (numbering-gap)."""
    key = selector.strip()
    if key in BY_NAME:
        return [BY_NAME[key]]
    upper = key.upper()
    found = [rule for code, rule in RULES.items() if code.startswith(upper)] if upper else []
    if upper.startswith("ZW") and found:
        return found
    raise UnknownRule(
        f"no rule “{selector}”; known rules: {', '.join(RULES)} (`zhengwu rules` lists them)"
    )
