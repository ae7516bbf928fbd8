"""The registry of every code zhengwu prints. Codes are stable: never renumbered, never reused.

ZW0xx loading · ZW1xx numbering · ZW2xx gaps · ZW3xx units · ZW4xx deadlines · ZW5xx text ·
ZW600–ZW607 the ledger (台账) · ZW611–ZW624 a returned sheet (`zhengwu collect`).

Each rule has a kind: `lint` (a module here, one rule each: the checklist's findings, with the
loader's ZW000–ZW005 that every command reading a YAML file can print), `ledger` (ZW6xx from
ledger/codes.py: what `zhengwu lint` finds in a ledger, and ZW600) and `collect` (the warnings
`zhengwu collect` prints about a returned sheet). `zhengwu rules` lists and explains them all;
`zhengwu lint` selects, ignores and waives the `lint` and `ledger` kinds.
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
    kind: str = "lint"  # lint, ledger or collect (see KINDS)

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


# kind → what it is, in a message
KINDS: dict[str, str] = {
    "lint": "a rule of `zhengwu lint` (a checklist or a unit registry)",
    "ledger": "a code of the progress ledger (台账)",
    "collect": "a warning of `zhengwu collect` about a returned sheet",
}
LINTED = ("lint", "ledger")  # the kinds `zhengwu lint` reports, selects, ignores and waives


def _sentence(meaning: str) -> str:
    return f"{meaning[0].upper()}{meaning[1:]}."


def _ledger_rules() -> list[Rule]:
    """The progress-ledger codes (ZW600–ZW607): ZW600 when there is no ledger, the others
    checked by zhengwu_cli.ledger.check when lint is given a ledger file (progress/YEAR.yaml);
    listed here so they can be selected, ignored, waived and explained like the others."""
    from ...ledger.codes import CODES, READ_CODES

    rules = []
    for code, (name, severity, meaning) in READ_CODES.items():
        doc = (
            f"{_sentence(meaning)}\n\nPrinted by `zhengwu status` and `zhengwu report` when "
            "the ledger (台账, progress/YEAR.yaml beside the checklist folder, or --ledger PATH) "
            "does not exist. See docs/ledger.md."
        )
        rules.append(Rule(code, name, severity, _nothing, doc, "ledger"))
    for code, (name, severity, meaning) in CODES.items():
        doc = (
            f"{_sentence(meaning)}\n\nA finding in a progress ledger (台账, "
            "progress/YEAR.yaml), checked against the checklist of the ledger's year: "
            "run `zhengwu lint progress/2022.yaml`. See docs/ledger.md."
        )
        rules.append(Rule(code, name, severity, _nothing, doc, "ledger"))
    return rules


def _collect_rules() -> list[Rule]:
    """The warnings `zhengwu collect` prints about a returned sheet (ZW611–ZW624)."""
    from ...ledger.codes import COLLECT_CODES

    return [
        Rule(
            code,
            name,
            severity,
            _nothing,
            f"collect: {_sentence(meaning)}\n\nPrinted by `zhengwu collect` about a returned "
            "sheet (任务单), at file:table row:column (the rows counted through every part of a "
            "split table). A warning: collect goes on with the rest of the sheet, and one "
            "summary line counts the warnings. See docs/ledger.md.",
            "collect",
        )
        for code, (name, severity, meaning) in COLLECT_CODES.items()
    ]


RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in sorted(
        [*map(Rule.of, _MODULES), *_ledger_rules(), *_collect_rules()], key=lambda r: r.code
    )
}
# a name may belong to more than one kind: unknown-unit is ZW301 (checklist) and ZW602 (ledger)
BY_NAME: dict[str, list[Rule]] = {}
for _rule in RULES.values():
    BY_NAME.setdefault(_rule.name, []).append(_rule)


def lookup(selector: str, kinds: tuple[str, ...] = LINTED) -> list[Rule]:
    """Rules of these kinds matching a code (ZW101), a code prefix (ZW1, ZW10) or a name
    (numbering-gap). By default the kinds lint reports: selectors, ignores and waivers."""
    key = selector.strip()
    upper = key.upper()
    if key in BY_NAME:
        every = BY_NAME[key]
    elif upper.startswith("ZW"):
        every = [rule for code, rule in RULES.items() if code.startswith(upper)]
    else:
        every = []
    found = [rule for rule in every if rule.kind in kinds]
    if found:
        return found
    known = [code for code, rule in RULES.items() if rule.kind in kinds]
    if every:
        raise UnknownRule(
            f"“{selector}” is {KINDS[every[0].kind]}, which cannot be selected, ignored or "
            f"waived here; the rules that can: {', '.join(known)}"
        )
    raise UnknownRule(
        f"no rule “{selector}”; known rules: {', '.join(known)} (`zhengwu rules` lists them)"
    )


def explain(selector: str) -> list[Rule]:
    """Rules of every kind matching a code, a code prefix or a name (`zhengwu rules`)."""
    return lookup(selector, tuple(KINDS))
