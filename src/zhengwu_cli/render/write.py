"""Write the task sheets a `Request` asks for: one per unit, every unit's, or the whole table.

`write_sheets(loaded, request)` is what `zhengwu render` calls: it reads the Word template and
its texts, chooses each sheet's rows and file, refuses the whole batch before the first file is
written (a name twice, a file that exists without `force`, a path that leaves the folder), then
writes each sheet atomically and returns what happened (`Outcome`): the files written, the units
skipped, the texts a .docx cannot hold, the indicators no unit receives and what the template
gave that no sheet takes. It never prints or exits: a sheet that cannot be written as asked is a
RenderError; a Ctrl-C is `Interrupted`, which says how many sheets were complete by then.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import _
from ..query import Filters, Row, rows, select, units_with_rows
from ..reach import Unreached, unreached
from . import RenderError
from .docx_sheet import Renderer, Sheet
from .files import existing, inside, refuse_existing, write_atomic

if TYPE_CHECKING:
    from ..load import Loaded

# told before each sheet is built: its file, how many are written, how many there are in all
Progress = Callable[[Path, int, int], None]


@dataclass(frozen=True)
class Request:
    """Which sheets to write, and where (the filters' units already the registry's names)."""

    filters: Filters = field(default_factory=Filters)
    all_units: bool = False  # a sheet for every unit with rows (filters.units empty)
    full: bool = False  # the whole table (of filters.units' rows, if any are given)
    output: Path | None = None  # a .docx file for one sheet, or a folder; None: out/<year>/
    force: bool = False  # overwrite files that exist
    template: Path | None = None  # the Word template; None: the bundled templates/sheet.docx
    generated: date | None = None  # the 生成日期 on the sheets; None: today


@dataclass(frozen=True)
class Unholdable:
    """A text of the checklist (at line:col) with characters a .docx cannot hold."""

    line: int
    column: int
    chars: tuple[str, ...]


@dataclass
class Outcome:
    """What `write_sheets` did."""

    template: Path  # the Word template read
    dropped: str | None = None  # what a --template holds that no sheet takes, in one line
    written: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # units with no row under the filters (all)
    unholdable: list[Unholdable] = field(default_factory=list)
    unreached: list[Unreached] = field(default_factory=list)  # told for --all and --full only


class Interrupted(KeyboardInterrupt):
    """A Ctrl-C while the sheets were written: `written` are complete, no partial file is left."""

    def __init__(self, written: list[Path]) -> None:
        super().__init__()
        self.written = written


@dataclass
class _Job:
    target: Path
    unit: str | None  # None: the full table
    rows: list[Row]


def write_sheets(loaded: Loaded, request: Request, progress: Progress | None = None) -> Outcome:
    """Write the sheets `request` asks for and say what happened. Raises RenderError (nothing
    written when it comes before the first sheet) and Interrupted."""
    written: list[Path] = []
    try:
        renderer, outcome = _renderer(loaded, request)
        jobs = _plan(loaded, request, renderer, outcome)
        scope = renderer.scope(request.filters)
        written = outcome.written
        for job in jobs:
            if progress is not None:
                progress(job.target, len(written), len(jobs))
            sheet = _build(renderer, job, scope)
            write_atomic(job.target, sheet.data)
            written.append(job.target)
            for item in sheet.cleaned:
                line, column = loaded.positions.of(item.path) if item.path else (1, 1)
                found = Unholdable(line, column, item.chars)
                if found not in outcome.unholdable:
                    outcome.unholdable.append(found)
    except KeyboardInterrupt:
        raise Interrupted(list(written)) from None
    if request.all_units or request.full:
        outcome.unreached = unreached(loaded.checklist, loaded.registry)
    return outcome


def _build(renderer: Renderer, job: _Job, scope: str | None) -> Sheet:
    if job.unit is None:
        return renderer.full_sheet(job.rows, scope)
    return renderer.unit_sheet(job.unit, job.rows, scope)


def _renderer(loaded: Loaded, request: Request) -> tuple[Renderer, Outcome]:
    from ..resources import templates_dir
    from .template import load_texts, load_word, text_templates_for

    bundled = templates_dir()
    word_path = request.template or bundled / "sheet.docx"
    word = load_word(word_path)
    texts = load_texts(text_templates_for(word_path, bundled / "sheet.yaml"))
    outcome = Outcome(word_path)
    if request.template is not None and word.dropped:
        outcome.dropped = word.dropped
    generated = request.generated or date.today()
    return Renderer(loaded.checklist, loaded.registry, word, texts, generated), outcome


def _plan(loaded: Loaded, request: Request, renderer: Renderer, outcome: Outcome) -> list[_Job]:
    """Every sheet's rows and file, checked whole before the first is written."""
    filters = request.filters
    all_rows = rows(loaded.checklist, loaded.registry)
    year = loaded.checklist.meta.year
    jobs: list[_Job] = []
    if request.full:
        chosen = select(all_rows, filters, loaded.registry)
        if not chosen:
            raise RenderError(_("no indicator passes these filters; nothing written"))
        folder, name = _folder(request.output, year, single=True)
        jobs.append(_Job(inside(folder, name or renderer.full_filename()), None, chosen))
    else:
        names = filters.units or units_with_rows(loaded.checklist, loaded.registry, all_rows)
        folder, name = _folder(request.output, year, single=len(names) == 1)
        for unit in names:
            chosen = select(all_rows, replace(filters, units=[unit]), loaded.registry)
            if not chosen:
                if not request.all_units:
                    raise RenderError(
                        _(
                            "{unit} has no indicator under these filters; nothing written "
                            "(`zhengwu list --unit` shows its rows)"
                        ).format(unit=unit)
                    )
                outcome.skipped.append(unit)
                continue
            target = inside(folder, name or renderer.unit_filename(unit))
            jobs.append(_Job(target, unit, chosen))
    targets = [job.target for job in jobs]
    twice = sorted({t for t in targets if targets.count(t) > 1})
    if twice:
        raise RenderError(
            _(
                "two sheets would get the same file name: {files}; "
                "put {{{{ unit }}}} in unit_file of the text templates"
            ).format(files=", ".join(map(str, twice)))
        )
    if not request.force:
        refuse_existing(existing(targets))
    return jobs


def _folder(output: Path | None, year: int, single: bool) -> tuple[Path, str | None]:
    """(folder, file name or None): -o is a file when it ends in .docx, else a folder."""
    if output is None:
        return Path("out") / str(year), None
    if output.suffix.lower() == ".docx":
        if not single:
            raise RenderError(
                _("-o {path}: several sheets need a folder, not a .docx file").format(path=output)
            )
        # a name over 255 bytes is no folder (and is_dir would raise); `inside` refuses it
        if len(output.name.encode("utf-8", "surrogatepass")) <= 255 and output.is_dir():
            raise RenderError(
                _("-o {path} is a folder; give a file name or drop .docx").format(path=output)
            )
        return output.parent, output.name
    if output.exists() and not output.is_dir():
        raise RenderError(
            _("-o {path} is a file; name a folder, or a file ending in .docx").format(path=output)
        )
    return output, None
