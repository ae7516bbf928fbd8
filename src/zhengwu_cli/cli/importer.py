"""`zhengwu import`: parse the options, call `importer.import_table`, print what it returns."""

from __future__ import annotations

from pathlib import Path

import click

from ..i18n import N_, _
from .common import UsageFailure
from .translate import Command


@click.command("import", cls=Command)
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help=N_("The checklist to write, e.g. checklists/2023.yaml."),
)
@click.option(
    "--year",
    "-y",
    type=click.IntRange(2000, 2100),
    default=None,
    metavar="YEAR",
    help=N_("The plan year [default: from the title, else from the -o file name]."),
)
@click.option(
    "--place",
    default=None,
    help=N_("The issuing place, e.g. 四平市 [default: from the title]."),
)
@click.option(
    "--registry",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help=N_(
        "A unit registry whose names and aliases the 责任单位 text is read with "
        "[default: write a draft beside the checklist, <name>-units.yaml]."
    ),
)
@click.option(
    "--sheet",
    default=None,
    metavar="WORKSHEET",
    help=N_("Excel: the sheet to read [default: the first with a recognisable header]."),
)
@click.option(
    "--review",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help=N_("Also write a workbook (.xlsx) listing every row, each value and where it came from."),
)
@click.option(
    "--dry-run", is_flag=True, help=N_("Read and check, print the summary, write nothing.")
)
@click.option("--force", "-f", is_flag=True, help=N_("Overwrite files that exist."))
def import_(
    file: Path,
    output: Path,
    year: int | None,
    place: str | None,
    registry: Path | None,
    sheet: str | None,
    review: Path | None,
    dry_run: bool,
    force: bool,
) -> None:
    """Make a checklist from the table in a Word, Excel or web-page file.

    FILE is .docx (or .doc/.wps/.odt/.rtf, converted with LibreOffice), .xlsx or .html. The
    header row is found by its words (目标, 主要任务, 细化指标, 责任单位, 工作措施, 完成时限,
    可检视成果 and their synonyms); merged cells become `carried` values; the result is checked
    before it is written. Without --registry a registry draft is written beside the checklist.

    \b
    Example:
      zhengwu import 附件.docx -o checklists/2023.yaml
      zhengwu import 任务清单.xlsx -o checklists/2023.yaml --sheet 附件 --review 核对.xlsx
      zhengwu import page.html -o checklists/2023.yaml --registry checklists/units.yaml --dry-run
    """
    from ..importer import ImportFailure, import_table

    try:
        report = import_table(
            file,
            output,
            year=year,
            place=place,
            registry=registry,
            sheet=sheet,
            review=review,
            dry_run=dry_run,
            force=force,
        )
    except ImportFailure as error:
        raise UsageFailure(str(error)) from None
    for line in report.warnings + report.summary:
        click.echo(line)
    said = _("would write {path}") if report.dry_run else _("wrote {path}")
    for path in report.written:
        click.echo(said.format(path=path))
    if report.registry_draft is not None and not report.dry_run:
        click.echo(
            _(
                "the unit registry {registry} is a draft: check each kind and fill in the "
                "groups' members, then run `zhengwu lint {checklist}`"
            ).format(registry=report.registry_draft, checklist=report.output)
        )
