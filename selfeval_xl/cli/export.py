"""``selfeval export``: the command-line face of ``export_evaluation``.

Exit codes as for ``selfeval report``: 0 written; 1 the workbook has errors (refused, or written
with ``--force`` and the banner); 2 usage (unknown format or sheet); 3 the input cannot be used;
4 an output cannot be written (exists without ``--force``, is the input, no LibreOffice for the
PDF, conversion failed, permission).
"""

from __future__ import annotations

import re
from pathlib import Path

import click

from selfeval_xl.cli.chinese import ChineseBadParameter, ChineseCommand
from selfeval_xl.core import texts
from selfeval_xl.core.errors import OutputError
from selfeval_xl.render.errors import SheetChoiceFailure, WorkbookHasErrors
from selfeval_xl.render.export import FORMATS, check_formats, export_evaluation, export_paths

_LIST_SEPARATORS = re.compile("[,\uff0c\u3001;\uff1b]")  # , ， 、 ; ； — accountants type Chinese punctuation


def split_list(text: str) -> list[str]:
    return [part.strip() for part in _LIST_SEPARATORS.split(text) if part.strip()]


def _formats(ctx: click.Context, param: click.Parameter, value: str) -> tuple[str, ...]:
    parts = split_list(value)
    try:
        return check_formats(parts)
    except ValueError:
        unknown = [p for p in parts if p.lower() not in FORMATS] or [value]
        raise ChineseBadParameter(texts.render(texts.EXPORT, "unknown_formats",
                                              names=texts.EXPORT["list_sep"].join(unknown))) from None


def _sheets(ctx: click.Context, param: click.Parameter, value: str | None) -> list[str] | None:
    return None if value is None else split_list(value)


@click.command("export", cls=ChineseCommand, help=texts.EXPORT["help_command"])
@click.argument("book", type=click.Path(path_type=Path), help=texts.EXPORT["help_book"])
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), help=texts.EXPORT["help_output"])
@click.option("--sheets", callback=_sheets, help=texts.EXPORT["help_sheets"])
@click.option("--formats", default=",".join(FORMATS), callback=_formats,
              help=texts.EXPORT["help_formats"])
@click.option("--force", is_flag=True, help=texts.EXPORT["help_force"])
@click.option("-q", "--quiet", is_flag=True, help=texts.UI["cli.help_quiet"])
def export_command(book: Path, out_dir: Path | None, sheets: list[str] | None, formats: tuple[str, ...],
                   force: bool, quiet: bool) -> None:
    """Export the report (.docx, .pdf) and a values-only workbook (.xlsx) for the finance bureau."""
    from selfeval_xl.cli.main import _print_issues, _summary
    from selfeval_xl.core.errors import EXIT_DATA, EXIT_OK
    from selfeval_xl.pipeline import evaluate
    from selfeval_xl.render.stamp import generated_line
    from selfeval_xl.workbook.reader import read_workbook

    evaluation = evaluate(read_workbook(book))
    target = out_dir if out_dir is not None else book.parent
    try:
        planned = export_paths(evaluation, target, formats, sheets=sheets)
        for path in planned.values():
            if path.exists() and path.resolve() == book.resolve():
                raise OutputError("output_is_input", path=path)
        written = export_evaluation(evaluation, target, formats, force=force, generated=generated_line(),
                                    sheets=sheets)
    except SheetChoiceFailure as exc:
        raise ChineseBadParameter(exc.message, param_hint="--sheets") from None
    except WorkbookHasErrors as exc:
        _print_issues(evaluation.errors, err=True)
        click.echo(exc.message, err=True)
        raise SystemExit(EXIT_DATA) from None
    for path in written:
        click.echo(texts.render(texts.EXPORT, "written", path=path))
    _summary(evaluation.errors, evaluation.warnings, quiet=quiet, err=False)
    raise SystemExit(EXIT_DATA if evaluation.errors else EXIT_OK)
