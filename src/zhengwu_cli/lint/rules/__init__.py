"""The registry of every code zhengwu prints. Codes are stable: never renumbered, never reused.

ZW0xx loading · ZW1xx numbering · ZW2xx gaps · ZW3xx units · ZW4xx deadlines · ZW5xx text ·
ZW600–ZW607 the ledger (台账) · ZW611–ZW624 a returned sheet (`zhengwu collect`).

Each rule has a kind: `lint` (a module here, one rule each: the checklist's findings, with the
loader's ZW000–ZW005 that every command reading a YAML file can print), `ledger` (ZW6xx from
ledger/codes.py: what `zhengwu lint` finds in a ledger, and ZW600) and `collect` (the warnings
`zhengwu collect` prints about a returned sheet). `zhengwu rules` lists and explains them all;
`zhengwu lint` selects, ignores and waives the `lint` and `ledger` kinds.

A rule's explanation is its module's docstring, in English: it is the message id, looked up in
the catalogue (locale/zh/lintrules.po) when it is shown, so `zhengwu rules` speaks the reader's
language; its first paragraph is the one-line summary.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import import_module
from types import ModuleType

from ...i18n import N_, _, join
from ...problems import Severity
from ..context import Context, Finding
from ..results import UnknownRule


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    check: Callable[[Context], Iterator[Finding]]
    source: str  # the explanation in English: the message id (a template for ZW6xx)
    kind: str = "lint"  # lint, ledger or collect (see KINDS)
    meaning: str | None = None  # ZW6xx: the meaning from ledger/codes.py, put in `source`

    @property
    def doc(self) -> str:
        """The explanation in the reader's language: Why, PASS and FAIL (`zhengwu rules`)."""
        if self.meaning is None:
            return _(self.source)
        return _(self.source).format(meaning=_capital(_(self.meaning)))

    @property
    def summary(self) -> str:
        """The first paragraph of the explanation, on one line."""
        lines = self.doc.split("\n\n")[0].split("\n")
        text = lines[0]
        for line in lines[1:]:  # Chinese runs on from line to line without a space
            chinese = not text[-1:].isascii() and not line[:1].isascii()
            text += line if chinese else " " + line
        return text

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
    "lint": N_("a rule of `zhengwu lint` (a checklist or a unit registry)"),
    "ledger": N_("a code of the progress ledger (台账)"),
    "collect": N_("a warning of `zhengwu collect` about a returned sheet"),
}
LINTED = ("lint", "ledger")  # the kinds `zhengwu lint` reports, selects, ignores and waives

# the explanations of the ZW6xx codes, around their meaning (ledger/codes.py)
_NO_LEDGER = N_(
    "{meaning}.\n\nPrinted by `zhengwu status` and `zhengwu report` when the ledger (台账, "
    "progress/YEAR.yaml beside the checklist folder, or --ledger PATH) does not exist. See "
    "docs/ledger.md."
)
_LEDGER = N_(
    "{meaning}.\n\nA finding in a progress ledger (台账, progress/YEAR.yaml), checked against "
    "the checklist of the ledger's year: run `zhengwu lint progress/2022.yaml`. See "
    "docs/ledger.md."
)
_COLLECT = N_(
    "collect: {meaning}.\n\nPrinted by `zhengwu collect` about a returned sheet (任务单), at "
    "file:table row:column (the rows counted through every part of a split table). A warning: "
    "collect goes on with the rest of the sheet, and one summary line counts the warnings. See "
    "docs/ledger.md."
)


def _capital(meaning: str) -> str:
    """The meaning as the start of a sentence (its full stop is the template's)."""
    meaning = meaning.rstrip("。.")
    return f"{meaning[0].upper()}{meaning[1:]}"


def _ledger_rules() -> list[Rule]:
    """The progress-ledger codes (ZW600–ZW607): ZW600 when there is no ledger, the others
    checked by zhengwu_cli.ledger.check when lint is given a ledger file (progress/YEAR.yaml);
    listed here so they can be selected, ignored, waived and explained like the others."""
    from ...ledger.codes import CODES, READ_CODES

    rules = []
    for code, (name, severity, meaning) in READ_CODES.items():
        rules.append(Rule(code, name, severity, _nothing, _NO_LEDGER, "ledger", meaning))
    for code, (name, severity, meaning) in CODES.items():
        rules.append(Rule(code, name, severity, _nothing, _LEDGER, "ledger", meaning))
    return rules


def _collect_rules() -> list[Rule]:
    """The warnings `zhengwu collect` prints about a returned sheet (ZW611–ZW624)."""
    from ...ledger.codes import COLLECT_CODES

    return [
        Rule(code, name, severity, _nothing, _COLLECT, "collect", meaning)
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
            _(
                "“{selector}” is {kind}, which cannot be selected, ignored or waived here; the "
                "rules that can: {known}"
            ).format(selector=selector, kind=_(KINDS[every[0].kind]), known=join(known))
        )
    raise UnknownRule(
        _("no rule “{selector}”; known rules: {known} (`zhengwu rules` lists them)").format(
            selector=selector, known=join(known)
        )
    )


def explain(selector: str) -> list[Rule]:
    """Rules of every kind matching a code, a code prefix or a name (`zhengwu rules`)."""
    return lookup(selector, tuple(KINDS))
