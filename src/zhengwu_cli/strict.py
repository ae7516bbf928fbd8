"""The one base of every model the tool reads from YAML, and the one walk over a model by path.

The checklist (`model.py`), the unit registry (`units.py`) and the 台账 (`ledger/model.py`)
all derive from `Strict`, so a misspelt key is reported the same way in each file. `walk`
yields every model object inside one with its path (("goals", 0, "tasks", 1) …), the keys
`positions.Positions.of` locates in the YAML file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict

# a path through the model: field names and list indexes, e.g. ("goals", 0, "tasks", 1)
ModelPath = tuple[str | int, ...]


class Strict(BaseModel):
    """A model that forbids keys it does not declare; a field with an alias (`from`) is also
    accepted by its Python name (`from_`).

    `defer_build`: a model's validator is built when it is first used, not when the module is
    imported, so a command pays only for the models it reads (a checklist lint never builds
    the 台账's); building the checklist's classes at import took about 48 ms CPU, deferred
    about 25 ms, and loading the 2022 checklist takes a few ms more (changes/core.md)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)


def walk(obj: Any, at: ModelPath = ()) -> Iterator[tuple[ModelPath, BaseModel]]:
    """Every model object inside `obj` (itself first, then its fields in declaration order,
    depth first), each with its path; lists are entered, other values are not."""
    if isinstance(obj, BaseModel):
        yield at, obj
        for name in type(obj).model_fields:
            yield from walk(getattr(obj, name), (*at, name))
    elif isinstance(obj, list):
        for index, item in enumerate(obj):
            yield from walk(item, (*at, index))


def empty_list() -> list[Any]:
    """`default_factory=list` without the cost: pydantic inspects a factory's signature, and
    for the builtin `list` that means parsing its text signature (about 1 ms a field)."""
    return []


def empty_dict() -> dict[Any, Any]:
    """As empty_list, for a dict."""
    return {}
