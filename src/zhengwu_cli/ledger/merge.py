"""Merge collected entries into the ledger: nothing lost, conflicts listed, written atomically.

The ledger is a log (see model.py), so merging only ever appends:
- an entry whose (indicator, unit, measure) has no current entry is added;
- one that says what the current entry says (status, date, evidence, notes) is left out;
- one that says something else is a conflict: listed, and not added unless `update` is set,
  in which case it is appended and the old entry stays above it as history.

The new text is the old file's text, byte for byte, with the new entries appended to `entries:`,
so comments and layout a person wrote are kept. The result is parsed and checked to hold exactly
the old entries plus the new ones before it is written, through a temporary file renamed over
the ledger; if the file changed on disk since it was read, nothing is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..load import LoadError, parse_yaml, validate
from ..units import Registry
from . import LedgerError
from .load import LoadedLedger
from .model import Entry, Ledger

Key = tuple[int, str | None, int | None]


@dataclass(frozen=True)
class Conflict:
    current: Entry  # what the ledger (or an earlier sheet of this run) says
    incoming: Entry
    taken: bool  # appended because `update` was set


@dataclass
class Plan:
    added: list[Entry] = field(default_factory=list)
    unchanged: list[Entry] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def _key(entry: Entry, registry: Registry) -> Key:
    unit = registry.canonical(entry.unit) or entry.unit if entry.unit else None
    return (entry.indicator, unit, entry.measure)


def plan(ledger: Ledger, incoming: list[Entry], registry: Registry, update: bool = False) -> Plan:
    """What merging `incoming` into `ledger` adds, leaves out and finds in conflict."""
    current: dict[Key, Entry] = {}
    for entry in ledger.entries:
        current[_key(entry, registry)] = entry
    result = Plan()
    for entry in incoming:
        key = _key(entry, registry)
        existing = current.get(key)
        if existing is None:
            result.added.append(entry)
        elif existing.same_report(entry):
            result.unchanged.append(entry)
            continue
        else:
            result.conflicts.append(Conflict(existing, entry, update))
            if not update:
                continue
            result.added.append(entry)
        current[key] = entry
    return result


HEADER = """\
# 政务公开工作台账（{place}{year}年）。由 zhengwu collect 追加，也可直接编辑；
# 格式见 docs/ledger.md。
# 同一细化指标（及单位、措施）可有多条：按先后排列，最后一条为当前情况，前面的保留为历史。
"""


def _dump(entries: list[Entry], indent: int) -> str:
    data: list[dict[str, Any]] = []
    for entry in entries:
        item = entry.model_dump(mode="python", exclude_defaults=True)
        item["indicator"] = entry.indicator
        item["status"] = entry.status.value
        data.append(item)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096)
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in text.splitlines(True))


_EMPTY_ENTRIES = re.compile(r"^entries:[ \t]*(\[\s*\])?[ \t]*(#.*)?$", re.MULTILINE)


def new_text(old: LoadedLedger | None, entries: list[Entry], place: str, year: int) -> str:
    """The ledger's text with `entries` appended (a new ledger when `old` is None)."""
    if old is None:
        head = HEADER.format(place=place, year=year)
        body = f"schema_version: 1\nplace: {place}\nyear: {year}\nentries:\n"
        return head + body + _dump(entries, 0)
    text = old.text if old.text.endswith("\n") or not old.text else old.text + "\n"
    if not entries:
        return old.text
    if old.ledger.entries:
        _, col = old.positions.of(("entries", 0))
        dash = max(col - 3, 0)  # the item's mapping starts two columns after its “- ”
        return text + _dump(entries, dash)
    match = _EMPTY_ENTRIES.search(text)
    if match:  # `entries: []` or a bare `entries:` → a block list
        return text[: match.start()] + "entries:\n" + _dump(entries, 0) + text[match.end() + 1 :]
    return text + "entries:\n" + _dump(entries, 0)


def verify(text: str, shown: str, before: list[Entry], added: list[Entry]) -> Ledger:
    """Parse the new text and check it holds exactly the old entries plus the added ones."""
    try:
        data, positions = parse_yaml(text, shown)
        ledger = validate(Ledger, data, positions)
    except LoadError as error:
        raise LedgerError(_cannot_append(shown, error.problems[0].message)) from None
    if ledger.entries != [*before, *added]:
        raise LedgerError(_cannot_append(shown, "the entries would not be kept as they are"))
    return ledger


def _cannot_append(shown: str, why: str) -> str:
    return (
        f"{shown}: cannot add entries to this ledger without rewriting it ({why}); nothing was "
        "written. Put `entries:` last in the file, written as a block list (`- indicator: …`)"
    )


def write(path: Path, text: str, read_before: str | None) -> None:
    """Write atomically; refuse if the file changed (or appeared) since it was read."""
    from ..render import RenderError
    from ..render.files import write_atomic

    try:
        now: str | None = path.read_text(encoding="utf-8-sig") if path.exists() else None
    except OSError as error:
        raise LedgerError(f"{path}: cannot read the ledger again: {error.strerror}") from None
    if now != read_before:
        raise LedgerError(
            f"{path}: the ledger changed on disk while collecting (someone saved it); nothing "
            "was written — run the command again"
        )
    try:
        write_atomic(path, text.encode("utf-8"))
    except RenderError as error:
        raise LedgerError(f"the ledger was not changed: {error}") from None
