"""Numbered sequences of a checklist, shared by the numbering rules (ZW101–ZW103)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...numerals import int_to_chinese
from ..context import Context, Where


@dataclass(frozen=True)
class Item:
    where: Where  # the `number` value
    number: int
    level: str  # 目标 / 主要任务 / 细化指标 / 工作措施

    @property
    def label(self) -> str:
        return label(self.level, self.number)


def label(level: str, number: int) -> str:
    if level == "目标":
        return f"{int_to_chinese(number)}、"
    if level == "主要任务":
        return f"（{int_to_chinese(number)}）"
    if level == "细化指标":
        return f"{number}."
    return f"（{number}）"


def _join(groups: list[list[Item]], keys: bool = False) -> list[list[Item]]:
    """One sequence through the document, unless every later group restarts at 1 — which
    tasks may do, but not the numbers that are keys (indicators, measures): those are one
    sequence whatever the table prints (its own numbers go in `label`)."""
    filled = [g for g in groups if g]
    if not keys and len(filled) > 1 and all(g[0].number == 1 for g in filled[1:]):
        return filled
    return [[item for g in filled for item in g]]


def sequences(ctx: Context) -> Iterator[list[Item]]:
    # a level the table does not have (no number) has nothing to number
    yield [Item((*w, "number"), g.index, "目标") for w, g in ctx.goals() if g.number]
    yield from _join(
        [
            [
                Item((*w, "tasks", ti, "number"), t.index, "主要任务")
                for ti, t in enumerate(g.tasks)
                if t.number
            ]
            for w, g in ctx.goals()
        ]
    )
    yield from _join(
        [
            [
                Item((*w, "indicators", ii, "number"), i.number, "细化指标")
                for ii, i in enumerate(t.indicators)
            ]
            for w, _, t in ctx.tasks()
        ],
        keys=True,
    )
    yield from _join(
        [
            [
                Item((*p.where, "measures", "items", mi, "number"), m.number, "工作措施")
                for mi, m in enumerate(p.indicator.measures.items)
            ]
            for p in ctx.places()
        ],
        keys=True,
    )


@dataclass(frozen=True)
class Step:
    item: Item
    kind: str  # gap / repeat / order
    previous: int | None  # highest number before this item
    first: Item | None = None  # repeat: where the number first stood


def steps(ctx: Context) -> Iterator[Step]:
    for sequence in sequences(ctx):
        seen: dict[int, Item] = {}
        highest = 0
        for item in sequence:
            if item.number in seen:
                yield Step(item, "repeat", highest, seen[item.number])
            elif item.number < highest:
                yield Step(item, "order", highest)
            elif item.number > highest + 1:
                yield Step(item, "gap", highest)
            seen.setdefault(item.number, item)
            highest = max(highest, item.number)
