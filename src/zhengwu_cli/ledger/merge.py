"""Merge collected entries into the ledger: nothing lost, nothing doubled, conflicts listed.

The ledger is a log (see model.py), so merging only ever appends. Each entry collected from a
sheet carries `saved`, when its sheet was last saved (the sheet's own modified time, else the
file's time). For each (indicator, unit, measure):

1. Within one run, two sheets (or two rows of one sheet) that say the same count once. Two
   sheets of one unit that disagree are a conflict: without `update` neither is applied; with
   `update` the later-saved one goes on to step 2. When it cannot be told which is later (the
   same saved time, or one sheet with the row twice), neither is applied.
2. Against the ledger's current entry (its last one for the key):
   - the same report (status, date, evidence, notes) → nothing to add;
   - the same words in the cell as an entry the ledger already holds (its `text`) → nothing to
     add: the sheet says nothing new, and the ledger's entry stands as a person may have
     corrected it — unless the sheet is newer than the current entry's sheet and the words
     match only an older entry;
   - the same report from the same sheet, saved at the same time, found in the history →
     nothing to add;
   - otherwise a conflict, listed. With `update` the sheet's value is appended (the old entry
     stays above it as history) — except over an entry written by hand (no `source`) unless
     the sheet was saved after that entry's day (its `date`, else `collected`; an undated one
     is always kept), over an entry from a sheet saved no earlier than this one, and over an
     entry dated after this sheet was saved: those are kept, and the conflict says so.
So collecting the same sheets again, with or without `update`, adds nothing.

The new text is the old file's text, byte for byte, with the new entries appended to `entries:`
(in the file's own line ends), so comments and layout a person wrote are kept. The result is
parsed and checked to hold exactly the old entries plus the new ones before it is written
(store.py locks, re-reads and writes).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

import yaml

from ..i18n import _
from ..load import LoadError, parse_yaml, validate
from ..units import Registry
from . import LedgerError
from .load import LoadedLedger
from .model import Entry, Ledger

Key = tuple[int, str | None, int | None]


class Why(str, Enum):
    """What kind of conflict, and so what `update` does with it."""

    ledger = "ledger"  # the sheet says something else than the ledger: `update` takes the sheet
    by_hand = "by-hand"  # the ledger's entry was written by a person, not before the sheet: kept
    older = "older"  # the sheet is not newer than the one the ledger's entry came from: kept
    dated_later = "dated-later"  # the ledger's entry is dated after the sheet was saved: kept
    sheets = "sheets"  # two sheets of the unit disagree in this run: `update` takes the later
    unordered = "unordered"  # two sheets or rows disagree and neither is later: neither taken


@dataclass(frozen=True)
class Conflict:
    current: Entry  # what the ledger says (for two sheets: the earlier sheet)
    incoming: Entry
    taken: bool  # `incoming` goes on (appended, or for two sheets: compared with the ledger)
    why: Why = Why.ledger

    @property
    def update_helps(self) -> bool:
        return self.why in (Why.ledger, Why.sheets) and not self.taken


@dataclass
class Plan:
    added: list[Entry] = field(default_factory=list)
    unchanged: list[Entry] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    corrected: list[Entry] = field(default_factory=list)  # the ledger's edited entry stands


def saved_time(modified: dt.datetime | None, path: Path) -> dt.datetime | None:
    """When a sheet was last saved: its own modified time, else the file's; local, to seconds."""
    if modified is None:
        try:
            modified = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc)
        except (OSError, ValueError, OverflowError):
            return None
    return _aware(modified).astimezone().replace(microsecond=0)


def stamped(entries: Iterable[Entry], saved: dt.datetime | None, collected: dt.date) -> list[Entry]:
    """The entries of one sheet with its saved time and the day of collection filled in."""
    return [
        entry.model_copy(
            update={"saved": entry.saved or saved, "collected": entry.collected or collected}
        )
        for entry in entries
    ]


def _aware(when: dt.datetime) -> dt.datetime:
    return when if when.tzinfo is not None else when.astimezone()  # naive: local time


def _later(a: dt.datetime | None, b: dt.datetime | None) -> bool:
    """a is known to be later than b."""
    return a is not None and b is not None and _aware(a) > _aware(b)


def _words(text: str | None) -> str | None:
    return " ".join(text.split()) or None if text is not None else None


def _key(entry: Entry, registry: Registry) -> Key:
    unit = registry.canonical(entry.unit) or entry.unit if entry.unit else None
    return (entry.indicator, unit, entry.measure)


def plan(ledger: Ledger, incoming: list[Entry], registry: Registry, update: bool = False) -> Plan:
    """What merging `incoming` into `ledger` adds, leaves out and finds in conflict (the rules
    above)."""
    history: dict[Key, list[Entry]] = {}
    for entry in ledger.entries:
        history.setdefault(_key(entry, registry), []).append(entry)
    groups: dict[Key, list[Entry]] = {}
    for entry in incoming:
        groups.setdefault(_key(entry, registry), []).append(entry)
    result = Plan()
    for key, group in groups.items():
        known = history.get(key, [])
        chosen = _one_per_run(group, known, update, result)
        if chosen is not None:
            _against(chosen, known, update, result)
    return result


def _one_per_run(
    group: list[Entry], known: list[Entry], update: bool, result: Plan
) -> Entry | None:
    """The one entry of this run for a key (step 1), or None when sheets disagree unresolved."""
    reports: list[list[Entry]] = []  # entries that say the same thing, together
    for entry in group:
        same = next((r for r in reports if r[0].same_report(entry)), None)
        if same is None:
            reports.append([entry])
        else:
            same.append(entry)
    latest = [max(r, key=_order) for r in reports]
    chosen = max(latest, key=_order)
    result.unchanged += [e for r in reports for e in r if all(e is not x for x in latest)]
    others = [e for e in latest if e is not chosen]
    if not others:
        return chosen
    if known and known[-1].same_report(chosen):
        result.unchanged += others  # the later sheet's report is already the ledger's
        return chosen
    if any(not _later(chosen.saved, other.saved) for other in others):
        result.conflicts += [Conflict(other, chosen, False, Why.unordered) for other in others]
        return None
    result.conflicts += [Conflict(other, chosen, update, Why.sheets) for other in others]
    return chosen if update else None


def _order(entry: Entry) -> tuple[bool, dt.datetime]:
    when = entry.saved
    return (when is not None, _aware(when) if when else _EARLIEST)


_EARLIEST = dt.datetime.min.replace(tzinfo=dt.timezone.utc)


def _against(entry: Entry, known: list[Entry], update: bool, result: Plan) -> None:
    """Step 2: the run's entry for a key against the ledger's entries for it."""
    if not known:
        result.added.append(entry)
        return
    current = known[-1]
    if current.same_report(entry):
        result.unchanged.append(entry)
        return
    words = _words(entry.text)
    same_words = [e for e in known if words is not None and _words(e.text) == words]
    if same_words and (same_words[-1] is current or not _later(entry.saved, current.saved)):
        result.unchanged.append(entry)
        if same_words[-1] is current:
            result.corrected.append(current)
        return
    if any(
        e.same_report(entry) and e.source == entry.source and e.saved and e.saved == entry.saved
        for e in known
    ):
        result.unchanged.append(entry)
        return
    why = Why.ledger
    sheet_day = _aware(entry.saved).date() if entry.saved else None
    if current.by_hand:  # a person's entry: the sheet wins only when saved after its day
        day = current.date or current.collected
        if day is None or sheet_day is None or sheet_day <= day:
            why = Why.by_hand
    elif (
        current.saved is not None
        and entry.saved is not None
        and not _later(entry.saved, current.saved)
    ):
        why = Why.older
    elif current.date and sheet_day and current.date > sheet_day:
        why = Why.dated_later
    taken = update and why is Why.ledger
    result.conflicts.append(Conflict(current, entry, taken, why))
    if taken:
        result.added.append(entry)


HEADER = """\
# 政务公开工作台账（{title}年）。由 zhengwu collect 追加，也可直接编辑；
# 格式见 docs/ledger.md。
# 同一细化指标（及单位、措施）可有多条：按先后排列，最后一条为当前情况，前面的保留为历史。
"""


def header(place: str | None, year: int) -> str:
    """A new ledger's first lines: the comment, then its fields written by a YAML emitter, so any
    place name (`四平市 #备注`, `"2022"`, `yes`) reads back as it is."""
    title = "".join(c if c.isprintable() else " " for c in f"{place or ''}{year}")
    fields: dict[str, Any] = {"schema_version": 1}
    if place:
        fields["place"] = place
    fields["year"] = year
    meta = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=4096)
    return HEADER.format(title=title) + meta + "entries:\n"


class _Dumper(yaml.SafeDumper):
    """No anchors: entries of one sheet share its saved time and the day of collection, and an
    `&id001` in two appended blocks would make the ledger unreadable."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(entries: list[Entry], indent: int) -> str:
    data: list[dict[str, Any]] = []
    for entry in entries:
        item = entry.model_dump(mode="python", exclude_defaults=True)
        item["indicator"] = entry.indicator
        item["status"] = entry.status.value
        data.append(item)
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096)
    pad = " " * indent
    return "\n".join(pad + line if line.strip() else line for line in text.split("\n"))


_EMPTY_ENTRIES = re.compile(r"^entries:[ \t]*(\[\s*\])?[ \t]*(#[^\r\n]*)?\r?$", re.MULTILINE)


def new_text(old: LoadedLedger | None, entries: list[Entry], place: str | None, year: int) -> str:
    """The ledger's text with `entries` appended (a new ledger when `old` is None), in the old
    file's line ends."""
    if old is None:
        return header(place, year) + _dump(entries, 0)
    if not entries:
        return old.text
    nl = old.newline
    text = old.text if old.text.endswith("\n") or not old.text else old.text + nl
    if old.ledger.entries:
        _, col = old.positions.of(("entries", 0))
        dash = max(col - 3, 0)  # the item's mapping starts two columns after its “- ”
        return text + _dump(entries, dash).replace("\n", nl)
    block = "entries:" + nl + _dump(entries, 0).replace("\n", nl)
    match = _EMPTY_ENTRIES.search(text)
    if match:  # `entries: []` or a bare `entries:` → a block list
        return text[: match.start()] + block + text[match.end() + 1 :]
    return text + block


def verify(text: str, shown: str, before: list[Entry], added: list[Entry]) -> Ledger:
    """Parse the new text and check it holds exactly the old entries plus the added ones."""
    try:
        data, positions = parse_yaml(text, shown)
        ledger = validate(Ledger, data, positions)
    except LoadError as error:
        raise LedgerError(_cannot_append(shown, error.problems[0].message)) from None
    if ledger.entries != [*before, *added]:
        raise LedgerError(_cannot_append(shown, _("the entries would not be kept as they are")))
    return ledger


def _cannot_append(shown: str, why: str) -> str:
    return _(
        "{path}: cannot add entries to this ledger without rewriting it ({why}); nothing was "
        "written. Put `entries:` last in the file, written as a block list (`- indicator: …`)"
    ).format(path=shown, why=why)


def encode(text: str, old: LoadedLedger | None) -> bytes:
    """The text as the file's bytes: UTF-8, with the BOM the old file had."""
    data = text.encode("utf-8")
    return b"\xef\xbb\xbf" + data if old is not None and old.bom else data
