"""The checklist model: goals → tasks → indicators → measures, with every cell's origin.

Pydantic models only, no I/O. Field names follow the glossary (goal, task, indicator, measure,
unit, role, deadline, outcome); values stay Chinese as in the source table.

A cell of the source table (units, measures, deadline, outcome) is either *stated* on the
indicator's own row, *carried* from a row above inside the same task (a vertically merged cell),
*inferred* (with the reason), or *missing* (the source leaves it empty). Carried cells repeat the
value they carry, so a reader of the YAML sees every indicator's effective value; the model checks
that the repeated value matches the row it names.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Literal

from pydantic import Field, PrivateAttr, field_validator, model_validator

from .columns import ALL_COLUMNS as ALL_COLUMNS
from .columns import DEFAULT_HEADERS as DEFAULT_HEADERS
from .columns import Column as Column
from .deadlines import Phrase
from .i18n import _
from .numerals import chinese_to_int
from .strict import ModelPath, Strict, empty_dict, empty_list, walk


class Origin(str, Enum):
    """Where a cell's value comes from."""

    stated = "stated"  # on the indicator's own row
    carried = "carried"  # vertically merged cell: the value of an earlier row in the same task
    inferred = "inferred"  # not in the cell; derived (e.g. from a measure's text), with a reason
    missing = "missing"  # the source leaves the cell empty and nothing above carries into it


class Role(str, Enum):
    """A unit's role for an indicator, as the 责任单位 cell labels it."""

    lead = "牵头"
    responsible = "负责"  # X负责, or a cell that names one unit and no role word
    support = "配合"
    implement = "落实"  # X落实, X负责落实, 市政府各部门同步落实
    promote = "推动"
    shared = "共同"  # a bare line beside others with no role label, e.g. 县（市）区政府


ROLE_ORDER = [Role.lead, Role.responsible, Role.promote, Role.support, Role.implement, Role.shared]


class Waiver(Strict):
    """Accept one lint finding at this place, with the reason a person gave."""

    rule: str = Field(description="rule code or name, e.g. ZW301 or ascii-punctuation")
    reason: str = Field(min_length=2, description="why the finding is accepted")


class Correction(Strict):
    """Fields shared by every object whose text may have been corrected from the source."""

    original: str | None = Field(
        default=None, description="the source text, where `text` corrects an evident defect"
    )
    note: str | None = Field(default=None, description="why the text differs from the source")
    waive: list[Waiver] = Field(default_factory=empty_list)


class UnitRef(Strict):
    """One unit named in a 责任单位 line."""

    unit: str = Field(description="canonical unit or group name from the registry")
    written: str | None = Field(default=None, description="the name as the source writes it")
    duty: str | None = Field(default=None, description="a duty written beside the unit")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"unit": value} if isinstance(value, str) else value


class RoleLine(Strict):
    """One line of a 责任单位 cell: a role and the units that hold it."""

    role: Role
    units: list[UnitRef] = Field(min_length=1)
    etc: str | None = Field(
        default=None, description="an open end the source adds, e.g. 等相关部门 / 等单位"
    )


class CellBase(Correction):
    origin: Origin = Origin.stated
    from_: int | None = Field(
        default=None, alias="from", description="carried: the indicator whose row states the value"
    )
    reason: str | None = Field(default=None, description="inferred: how the value was derived")

    @model_validator(mode="after")
    def _origin_fields(self) -> CellBase:
        if self.origin is Origin.carried and self.from_ is None:
            raise ValueError(_("a carried cell names the indicator it comes from: add `from: N`"))
        if self.origin is not Origin.carried and self.from_ is not None:
            raise ValueError(_("`from` belongs to carried cells only: set `origin: carried`"))
        if self.origin is Origin.inferred and not self.reason:
            raise ValueError(_("an inferred cell gives its `reason`"))
        return self


class UnitsCell(CellBase):
    """The 责任单位 cell: the text as written and its reading as role lines."""

    text: str | None = Field(default=None, description="the cell's text, verbatim")
    roles: list[RoleLine] = Field(
        default_factory=empty_list,
        description="the reading of the text; left out, zhengwu reads it from the text",
    )

    @model_validator(mode="after")
    def _has_value(self) -> UnitsCell:
        if self.origin is Origin.missing and self.roles:
            raise ValueError(_("a missing cell has no `roles`: set `origin` to stated or inferred"))
        if self.origin is not Origin.missing and not self.roles and not self.text:
            raise ValueError(_("give the `text` or the `roles`, or set `origin: missing`"))
        return self


class Measure(Correction):
    """A 工作措施, numbered （1）…: how an indicator is carried out."""

    number: int = Field(ge=1)
    text: str = Field(min_length=1)


class MeasuresCell(CellBase):
    """The 工作措施 cell: stated measures, or the numbers of the measures a merged cell carries."""

    items: list[Measure] = Field(default_factory=empty_list)
    refs: list[int] = Field(default_factory=empty_list, description="carried: measure numbers")

    @model_validator(mode="after")
    def _has_value(self) -> MeasuresCell:
        if self.origin is Origin.carried and (self.items or not self.refs):
            raise ValueError(
                _("a carried measures cell lists `refs` (measure numbers), no `items`")
            )
        if self.origin in (Origin.stated, Origin.inferred) and not self.items:
            raise ValueError(_("give the measure `items`, or set `origin: missing`"))
        if self.origin is Origin.missing and (self.items or self.refs):
            raise ValueError(_("a missing cell has no measures"))
        return self


class TextCell(CellBase):
    """A one-text cell: 完成时限 or 可检视成果."""

    text: str | None = None

    @model_validator(mode="after")
    def _has_value(self) -> TextCell:
        if self.origin is Origin.missing and self.text:
            raise ValueError(_("a missing cell has no `text`: set `origin: stated`"))
        if self.origin is not Origin.missing and not self.text:
            raise ValueError(_("give the `text`, or set `origin: missing`"))
        return self


class Indicator(Correction):
    """A 细化指标: the numbered row that is assigned and tracked."""

    number: int = Field(
        ge=1,
        description="the indicator's key: unique across the whole checklist, used by the 台账, "
        "`show`, `status` and the sheets' 序号",
    )
    label: str | None = Field(
        default=None,
        description="the number as the table prints it, where the table's own numbering is not "
        "unique (it restarts in each section, e.g. 2 or （2）); `number` stays the key",
    )
    text: str = Field(min_length=1)
    line: int | None = Field(default=None, description="line of the row in the source dump")
    relative_deadline: str | None = Field(
        default=None,
        description="a deadline the indicator's text sets relative to an event, as written "
        "(e.g. 决策文件出台后的10个工作日内); its date follows once the 台账 records the "
        "event's date",
    )
    units: UnitsCell = Field(default_factory=lambda: UnitsCell(origin=Origin.missing))
    measures: MeasuresCell = Field(default_factory=lambda: MeasuresCell(origin=Origin.missing))
    deadline: TextCell = Field(default_factory=lambda: TextCell(origin=Origin.missing))
    outcome: TextCell = Field(default_factory=lambda: TextCell(origin=Origin.missing))


class Task(Correction):
    """A 主要任务, numbered （一）（二）… as the source numbers it (gaps kept), or not numbered
    where the table gives its tasks titles only.

    A table without this level (see Meta.columns) has one task with no number and no title.
    """

    number: str | None = Field(
        default=None,
        description="Chinese numeral as in the source, e.g. 十一; left out where the table "
        "does not number its tasks",
    )
    title: str | None = Field(default=None, min_length=1)
    line: int | None = None
    indicators: list[Indicator] = Field(default_factory=empty_list)

    @field_validator("number")
    @classmethod
    def _numeral(cls, value: str | None) -> str | None:
        if value is not None:
            chinese_to_int(value)
        return value

    @property
    def index(self) -> int:
        """The number as an integer; 0 where the table has no such level."""
        return chinese_to_int(self.number) if self.number else 0

    @property
    def label(self) -> str:
        return f"（{self.number}）" if self.number else ""

    @property
    def heading(self) -> str:
        """Label and title as the source writes them, e.g. （一）集中规范公开…; empty if absent."""
        return f"{self.label}{self.title or ''}"


class TitleVariant(Strict):
    text: str
    line: int | None = None
    note: str | None = None


class Goal(Correction):
    """A 目标, numbered 一、二、… (or not numbered, where the table gives titles only).

    A table without this level (see Meta.columns) has one goal with no number and no title.
    """

    number: str | None = Field(
        default=None,
        description="Chinese numeral as in the source, e.g. 三; left out where the table "
        "does not number this level",
    )
    title: str | None = Field(default=None, min_length=1)
    line: int | None = None
    variants: list[TitleVariant] = Field(
        default_factory=empty_list, description="other wordings of the title in the source"
    )
    tasks: list[Task] = Field(default_factory=empty_list)

    @field_validator("number")
    @classmethod
    def _numeral(cls, value: str | None) -> str | None:
        if value is not None:
            chinese_to_int(value)
        return value

    @property
    def index(self) -> int:
        """The number as an integer; 0 where the table has no such level."""
        return chinese_to_int(self.number) if self.number else 0

    @property
    def label(self) -> str:
        return f"{self.number}、" if self.number else ""

    @property
    def heading(self) -> str:
        """Label and title as the source writes them, e.g. 一、提升政策…; empty if absent."""
        return f"{self.label}{self.title or ''}"


class Source(Strict):
    document: str = Field(description="the document as titled in the source")
    file: str | None = Field(default=None, description="the text dump, relative to the checklist")
    basis: str | None = Field(default=None, description="the 要点 this table carries out")


class Meta(Strict):
    place: str = Field(description="the issuing place, e.g. 四平市")
    year: int = Field(ge=2000, le=2100, description="the plan year")
    title: str
    issuer: str | None = Field(
        default=None, description="the issuing body, where the source names it"
    )
    source: Source
    registry: str = Field(description="the unit registry file, relative to the checklist")
    columns: list[Column] = Field(
        default_factory=lambda: list(ALL_COLUMNS),
        description="the columns the table has; a level or column left out is absent, not empty",
    )
    headers: dict[Column, str] = Field(
        default_factory=empty_dict, description="the table's own column headings, where they differ"
    )
    deadline_phrases: list[Phrase] = Field(
        default_factory=empty_list,
        description="this table's own 完成时限 phrasings, tried before the built-in ones",
    )
    notes: list[str] = Field(default_factory=empty_list)
    waive: list[Waiver] = Field(default_factory=empty_list)


class Checklist(Strict):
    """One year's task table of one issuing body."""

    schema_version: Literal[1] = 1
    meta: Meta
    goals: list[Goal]
    _measures: dict[int, Measure] | None = PrivateAttr(default=None)
    _by_number: dict[int, tuple[Goal, Task, Indicator]] | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _levels_match_columns(self) -> Checklist:
        if Column.indicator not in self.meta.columns:
            raise ValueError(_("meta.columns must include indicator (the row that is tracked)"))
        return self

    def level_problems(self) -> list[tuple[ModelPath, str]]:
        """Goals and tasks that do not fit meta.columns, each at its own place (the loader
        reports them): a level the table has needs a title (its number is optional: some
        tables do not number it); a level it lacks has neither number nor title."""
        found: list[tuple[ModelPath, str]] = []
        for where, item in walk(self.goals, ("goals",)):
            if not isinstance(item, Goal | Task):
                continue
            level = Column.goal if isinstance(item, Goal) else Column.task
            name = self.header(level)
            if level in self.meta.columns and item.title is None:
                found.append(
                    (
                        where,
                        _(
                            "this {level} ({name}) has no title, but meta.columns includes "
                            "{level}: give its `title` as the table writes it (a number is "
                            "optional), or leave {level} out of meta.columns"
                        ).format(level=level.value, name=name),
                    )
                )
            elif level not in self.meta.columns and (item.title or item.number):
                found.append(
                    (
                        where,
                        _(
                            "this {level} has a number or title, but meta.columns leaves "
                            "{level} out: add {level} to meta.columns, or remove them"
                        ).format(level=level.value),
                    )
                )
        return found

    def has(self, column: Column) -> bool:
        return column in self.meta.columns

    def header(self, column: Column) -> str:
        return self.meta.headers.get(column, DEFAULT_HEADERS[column])

    def tasks(self) -> list[tuple[Goal, Task]]:
        return [(goal, task) for goal in self.goals for task in goal.tasks]

    def indicators(self) -> list[tuple[Goal, Task, Indicator]]:
        return [(g, t, i) for g in self.goals for t in g.tasks for i in t.indicators]

    def measures(self) -> list[tuple[Indicator, Measure]]:
        return [(i, m) for _, _, i in self.indicators() for m in i.measures.items]

    def indicator(self, number: int) -> tuple[Goal, Task, Indicator] | None:
        """The indicator with this key (the first, should lint's ZW102 find it repeated).

        Indexed once: the checklist is not edited after loading.
        """
        if self._by_number is None:
            index: dict[int, tuple[Goal, Task, Indicator]] = {}
            for entry in self.indicators():
                index.setdefault(entry[2].number, entry)
            self._by_number = index
        return self._by_number.get(number)

    def measure_by_number(self) -> dict[int, Measure]:
        """Every stated measure by its number (built once: the checklist is not edited)."""
        if self._measures is None:
            self._measures = {m.number: m for _, m in self.measures()}
        return self._measures

    def effective_measures(self, indicator: Indicator) -> list[Measure]:
        """The measures that apply to an indicator: its own, or those a merged cell carries."""
        if indicator.measures.origin is Origin.carried:
            by_number = self.measure_by_number()
            return [by_number[n] for n in indicator.measures.refs if n in by_number]
        return list(indicator.measures.items)
