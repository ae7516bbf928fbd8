"""`zhengwu import`: next year's table from the Word, Excel or web-page file an office has.

Readers, one per form, turn a file into neutral grids (`grid.py`): `docx_reader` (.docx at the
XML level; .doc/.wps/.odt/.rtf converted to .docx by LibreOffice first), `xlsx_reader`,
`html_reader`. One interpreter (`interpret.py`) turns a grid into checklist data; the result is
written as YAML in the form of checklists/2022.yaml, checked by the loader first, with a registry
draft beside it when no registry is given, and optionally a review workbook.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import _, join
from .grid import Grid, ReadError
from .interpret import InterpretError, Options, Result, clauses

if TYPE_CHECKING:
    from ..units import Registry

__all__ = ["ImportFailure", "ImportReport", "ReadError", "import_table", "read_grids"]

HTML = {".html", ".htm", ".xhtml", ".shtml", ".mht"}
EXCEL = {".xlsx", ".xlsm"}
MAX_SECONDS = 120  # one import, whatever the file (checked between stages)


class ImportFailure(Exception):
    """An import that cannot be done; the message says what is wrong and what to do."""


@dataclass
class ImportReport:
    """What an import did: the files written (or, with dry_run, that would be), what the person
    should know first (`warnings`) and what was found (`summary`, one line each)."""

    output: Path
    registry_draft: Path | None  # the registry draft written beside the checklist
    review: Path | None  # the review workbook (--review)
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    dry_run: bool = False
    result: Result | None = None


def read_grids(path: Path, sheet: str | None = None) -> list[Grid]:
    """The tables of a file, whatever its form (the reader is chosen by the suffix)."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ReadError(_("{path}: no such file").format(path=path))
    if sheet is not None and suffix not in EXCEL:
        raise ReadError(
            _("--sheet is for Excel workbooks; {name} is a {suffix} file").format(
                name=path.name, suffix=suffix
            )
        )
    if suffix == ".docx":
        from .docx_reader import read_docx

        return read_docx(path)
    if suffix in EXCEL:
        from .xlsx_reader import read_xlsx

        return read_xlsx(path, sheet)
    if suffix in HTML:
        from .html_reader import read_html

        return read_html(path)
    from ..convert import ConvertError, needs_conversion, to_docx

    if needs_conversion(path):
        with tempfile.TemporaryDirectory(prefix="zhengwu-import-") as folder:
            try:
                made = to_docx(path, Path(folder))
            except ConvertError as error:
                raise ReadError(str(error)) from None
            from .docx_reader import read_docx

            return read_docx(made)
    if suffix == ".xls":
        raise ReadError(
            _(
                "{name}: an old Excel .xls file; open it in Excel or WPS and save it as .xlsx"
            ).format(name=path.name)
        )
    raise ReadError(
        _(
            "{name}: zhengwu imports .docx, .doc, .wps, .odt, .rtf, .xlsx and .html files; "
            "save the table in one of these forms"
        ).format(name=path.name)
    )


def _year_from(path: Path) -> int | None:
    found = re.fullmatch(r"(20\d\d)", path.stem)
    return int(found.group(1)) if found else None


def _relative(target: Path, folder: Path) -> str:
    try:
        return Path(os.path.relpath(target.resolve(), folder.resolve())).as_posix()
    except ValueError:
        return str(target.resolve())


def _does_not_load(problems: list[str]) -> ImportFailure:
    return ImportFailure(
        _(
            "the table was read, but the checklist made from it does not load:\n{problems}\n"
            "nothing was written; please report this with the file"
        ).format(problems="\n".join(f"  {p}" for p in problems))
    )


def import_table(
    source: Path,
    output: Path,
    *,
    year: int | None = None,
    place: str | None = None,
    registry: Path | None = None,
    sheet: str | None = None,
    review: Path | None = None,
    dry_run: bool = False,
    force: bool = False,
) -> ImportReport:
    """Read `source`, interpret its table, check the checklist, write it (unless dry_run).

    Raises ImportFailure (bad input, nothing written) with a message for the user.
    """
    from ..atomic import WriteError, write_atomic
    from ..load import LoadError, load_model
    from ..model import Checklist
    from ..units import Registry
    from . import output as out
    from .review import summary, workbook

    started = time.monotonic()
    if output.suffix.lower() not in (".yaml", ".yml"):
        raise ImportFailure(
            _("-o {output}: the checklist is a YAML file; end its name in .yaml").format(
                output=output
            )
        )
    if review is not None and review.suffix.lower() != ".xlsx":
        raise ImportFailure(
            _("--review {review}: the review is an Excel workbook; end it in .xlsx").format(
                review=review
            )
        )
    folder = output.parent
    draft_path: Path | None = None
    known: Registry | None = None
    warnings: list[str] = []
    beside = folder / f"{output.stem}-units.yaml"
    if registry is None and beside.is_file():
        # a registry the office may already have filled in: used, never overwritten (--force
        # or not); names resolve through it as with --registry
        registry = beside
        warnings.append(
            _(
                "using the registry {registry} that is already there (it is not overwritten; "
                "delete it to get a new draft)"
            ).format(registry=beside)
        )
    if registry is not None:
        try:
            known, _positions, _warnings = load_model(Registry, registry)
        except LoadError as error:
            shown = clauses(p.parsable() for p in error.problems[:3])
            raise ImportFailure(
                _("the registry {registry} cannot be read: {problems}").format(
                    registry=registry, problems=shown
                )
            ) from None
        registry_name = _relative(registry, folder)
    else:
        draft_path = beside
        registry_name = draft_path.name
    targets = [p for p in (output, draft_path, review) if p is not None]
    if not force and not dry_run:
        found = [p for p in targets if p.exists()]
        if found:
            raise ImportFailure(
                _(
                    "{paths} exists; nothing was written. Add --force to overwrite, or choose "
                    "another name with -o"
                ).format(paths=join(str(p) for p in found))
            )
    try:
        grids = read_grids(source, sheet)
        if time.monotonic() - started > MAX_SECONDS:
            raise ReadError(
                _("{name}: reading took more than {seconds} s; refused").format(
                    name=source.name, seconds=MAX_SECONDS
                )
            )
        result = _interpret(grids, source, output, year, place, known, registry_name)
    except ReadError as error:
        raise ImportFailure(str(error)) from None
    text = out.checklist_yaml(result.data, output, source.name)
    try:
        checked = out.validate(result.data, text, str(output), Checklist)
    except LoadError as error:
        raise _does_not_load([p.parsable() for p in error.problems[:10]]) from None
    levels = checked.level_problems()  # the levels' fit to meta.columns, as the loader checks
    if levels:
        raise _does_not_load([f"{'.'.join(map(str, at))}: {said}" for at, said in levels])
    files: dict[Path, bytes] = {output: text.encode("utf-8")}
    if draft_path is not None and result.registry is not None:
        draft_text = out.registry_yaml(result.registry, draft_path)
        try:
            out.validate(result.registry, draft_text, str(draft_path), Registry)
        except LoadError as error:
            raise ImportFailure(
                _("the registry draft does not load:\n{problems}").format(
                    problems="\n".join(f"  {p.parsable()}" for p in error.problems[:10])
                )
            ) from None
        files[draft_path] = draft_text.encode("utf-8")
    if review is not None:
        files[review] = workbook(result)
    report = ImportReport(output, draft_path, review, dry_run=dry_run, result=result)
    report.warnings = warnings + result.warnings
    report.summary = summary(result)
    if dry_run:
        report.written = list(files)
        return report
    for path, data in files.items():
        try:
            write_atomic(path, data)
        except WriteError as error:
            raise ImportFailure(str(error)) from None
        report.written.append(path)
    return report


def _interpret(
    grids: list[Grid],
    source: Path,
    output: Path,
    year: int | None,
    place: str | None,
    registry: Registry | None,
    registry_name: str,
) -> Result:
    from .config import headers_from_config
    from .interpret import interpret
    from .vocabulary import merge

    try:
        vocabulary = merge(headers_from_config())
    except ValueError as error:
        raise ReadError(str(error)) from None
    options = Options(
        file_name=source.name,
        registry_name=registry_name,
        year=year,
        place=place,
        registry=registry,
        fallback_year=_year_from(output),
        vocabulary=vocabulary,
    )
    try:
        return interpret(grids, options)
    except InterpretError as error:
        raise ReadError(_("{name}: {error}").format(name=source.name, error=error)) from None
