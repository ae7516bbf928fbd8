"""What a rule sees: the loaded checklist, its registry, and walkers that yield model paths.

A rule yields `Finding`s (where, message, hint); the runner stamps the rule's code, name and
severity and turns `where` (a model path such as ('goals', 0, 'tasks', 1, 'indicators', 2,
'deadline', 'text')) into the line and column of the YAML value.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import columns
from ..model import CellBase, Checklist, Goal, Indicator, Origin, Task

if TYPE_CHECKING:
    from ..load import Loaded
    from ..units import Registry

Where = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    where: Where
    message: str
    hint: str | None = None


@dataclass(frozen=True)
class Place:
    """An indicator with its model path and its goal and task."""

    where: Where
    goal: Goal
    task: Task
    indicator: Indicator
    task_where: Where


class Context:
    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.checklist: Checklist = loaded.checklist
        self.registry: Registry = loaded.registry
        self.year = loaded.checklist.meta.year

    def goals(self) -> Iterator[tuple[Where, Goal]]:
        for gi, goal in enumerate(self.checklist.goals):
            yield ("goals", gi), goal

    def tasks(self) -> Iterator[tuple[Where, Goal, Task]]:
        for where, goal in self.goals():
            for ti, task in enumerate(goal.tasks):
                yield (*where, "tasks", ti), goal, task

    def places(self) -> Iterator[Place]:
        for where, goal, task in self.tasks():
            for ii, indicator in enumerate(task.indicators):
                yield Place((*where, "indicators", ii), goal, task, indicator, where)

    def cells(self) -> Iterator[tuple[Where, Place, str, CellBase]]:
        for place in self.places():
            for declared in columns.cells():  # units, measures, deadline, outcome …
                column = str(declared.attribute)
                cell: CellBase = getattr(place.indicator, column)
                yield (*place.where, column), place, column, cell

    def texts(self) -> Iterator[tuple[Where, str]]:
        """Every text a person wrote, once: carried cells repeat a text and are skipped."""
        yield ("meta", "title"), self.checklist.meta.title
        for where, goal in self.goals():
            if goal.title is not None:
                yield (*where, "title"), goal.title
        for where, _, task in self.tasks():
            if task.title is not None:
                yield (*where, "title"), task.title
        for place in self.places():
            ind = place.indicator
            yield (*place.where, "text"), ind.text
            if ind.units.origin is not Origin.carried:
                if ind.units.text:
                    yield (*place.where, "units", "text"), ind.units.text
                for ri, line in enumerate(ind.units.roles):
                    for ui, ref in enumerate(line.units):
                        if ref.duty:
                            at = (*place.where, "units", "roles", ri, "units", ui, "duty")
                            yield at, ref.duty
            for mi, measure in enumerate(ind.measures.items):
                yield (*place.where, "measures", "items", mi, "text"), measure.text
            for declared in columns.text_cells():  # deadline, outcome …
                column = str(declared.attribute)
                cell = getattr(ind, column)
                if cell.origin is not Origin.carried and cell.text:
                    yield (*place.where, column, "text"), cell.text
