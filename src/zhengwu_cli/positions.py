"""A map from a model path (goals, 0, tasks, 1, …) to the line and column in the YAML file."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from .strict import ModelPath


class Positions:
    def __init__(self, path: str) -> None:
        self.path = path
        self._marks: dict[ModelPath, tuple[int, int]] = {}
        self._keys: dict[ModelPath, tuple[int, int]] = {}

    def record(self, root: yaml.Node) -> None:
        self._walk(root, (), set())

    def _walk(self, node: yaml.Node, at: ModelPath, seen: set[int]) -> None:
        if id(node) in seen:  # an alias: its positions are those of its anchor
            return
        seen.add(id(node))
        self._marks.setdefault(at, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    child = (*at, key.value)
                    self._keys.setdefault(
                        child, (key.start_mark.line + 1, key.start_mark.column + 1)
                    )
                    self._walk(value, child, seen)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self._walk(item, (*at, index), seen)

    def of(self, at: Sequence[str | int], key: bool = False) -> tuple[int, int]:
        """Line and column of the value at a path (or of its key), else of its nearest parent."""
        where = tuple(at)
        while where:
            if key and where in self._keys:
                return self._keys[where]
            if where in self._marks:
                return self._marks[where]
            if where in self._keys:
                return self._keys[where]
            where = where[:-1]
        return self._marks.get((), (1, 1))
