"""Waivers: `waive: [{rule: ZW503, reason: 原表如此}]`, a person accepting a finding, with the
reason. One engine for every file that holds them (the checklist, the ledger).

A waiver on an object accepts the findings of its rule on that object and on everything inside
it; the waivers of the file-wide owners (the checklist's `meta`, the ledger itself) accept them
anywhere in the file. A waiver names its rule by code (ZW503, any case) or by name
(trailing-whitespace). The engine remembers which waivers accepted something, so lint can report
the ones that accept nothing (ZW006).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import BaseModel

from .model import Waiver

Where = tuple[str | int, ...]


def _held(obj: Any, at: Where = ()) -> Iterator[tuple[Where, int, Waiver]]:
    """Every waiver in the model, with the path of the object that holds it."""
    if isinstance(obj, BaseModel):
        for index, waiver in enumerate(getattr(obj, "waive", None) or []):
            if isinstance(waiver, Waiver):
                yield at, index, waiver
        for name in type(obj).model_fields:
            if name != "waive":
                value = getattr(obj, name)
                if isinstance(value, BaseModel | list):
                    yield from _held(value, (*at, name))
    elif isinstance(obj, list):
        for index, item in enumerate(obj):
            if isinstance(item, BaseModel | list):
                yield from _held(item, (*at, index))


def names(waiver: Waiver, code: str, name: str) -> bool:
    """Whether the waiver names this rule (by its code, in any case, or by its name)."""
    key = waiver.rule.strip()
    return key == name or key.upper() == code


class Waivers:
    """The waivers of one loaded file (a checklist, a ledger)."""

    def __init__(self, model: BaseModel, everywhere: Sequence[Where] = ()) -> None:
        """`everywhere`: the owners whose waivers hold for the whole file (besides the root)."""
        self.by_owner: dict[Where, list[tuple[int, Waiver]]] = {}
        for owner, index, waiver in _held(model):
            self.by_owner.setdefault(owner, []).append((index, waiver))
        self.everywhere = list(everywhere)
        self.used: set[tuple[Where, int]] = set()

    def covers(self, code: str, name: str, where: Where) -> bool:
        """Whether a waiver accepts the finding of rule `code` (`name`) at `where`: one on the
        object holding it, on an object around it, or on a file-wide owner."""
        if not self.by_owner:
            return False
        owners = [where[:n] for n in range(len(where), -1, -1)] + self.everywhere
        for owner in owners:
            for index, waiver in self.by_owner.get(owner, []):
                if names(waiver, code, name):
                    self.used.add((owner, index))
                    return True
        return False

    def __iter__(self) -> Iterator[tuple[Where, int, Waiver, bool]]:
        """Every waiver: its owner, its index in the owner's `waive`, and whether it accepted
        something so far."""
        for owner, entries in self.by_owner.items():
            for index, waiver in entries:
                yield owner, index, waiver, (owner, index) in self.used
