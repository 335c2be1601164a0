"""``selfeval new-year LAST.xlsx [-o NEXT.xlsx] [--force]``: next year's workbook from last year's.

Last year's workbook is only read (an earlier template version is migrated in memory). It must have no
errors: its 全年执行数 become the new workbook's 上年执行数, which the report states as 同比. Exit codes as
for ``report``: 0 written, 1 last year's workbook has errors, 3 it cannot be read, 4 the output cannot be
written.
"""

from __future__ import annotations

from pathlib import Path

import click

from selfeval_xl.cli.chinese import ChineseCommand
from selfeval_xl.cli.outputs import output_target
from selfeval_xl.core import texts
from selfeval_xl.core.errors import EXIT_DATA, EXIT_OK, OutputError, os_reason


def default_output(book: Path, unit: str, year: int | None) -> Path:
    from selfeval_xl.render.files import new_year_stem

    return book.with_name(f"{new_year_stem(unit, year)}.xlsx")


@click.command("new-year", cls=ChineseCommand, help=texts.UI["help_new_year"])
@click.argument("book", type=click.Path(path_type=Path), help=texts.UI["help_new_year_book"])
@click.option("-o", "--output", type=click.Path(path_type=Path), help=texts.UI["help_new_year_output"])
@click.option("--force", is_flag=True, help=texts.UI["help_force_overwrite"])
def new_year_command(book: Path, output: Path | None, force: bool) -> None:
    from selfeval_xl.pipeline import evaluate
    from selfeval_xl.report.sheets import issue_message
    from selfeval_xl.workbook.migrate import migrated_raw
    from selfeval_xl.workbook.new_year import next_year_data
    from selfeval_xl.workbook.package import write_atomic
    from selfeval_xl.workbook.reader import read_workbook
    from selfeval_xl.workbook.template import template_bytes

    evaluation = evaluate(migrated_raw(read_workbook(book)))
    if evaluation.errors:
        for issue in evaluation.errors[:10]:
            where = f"'{issue.where.sheet}'!{issue.where.a1}" if issue.where else texts.UI["no_location"]
            click.echo(f"{texts.UI['severity.error']}  {where}  {issue_message(issue)}", err=True)
        click.echo(texts.render(texts.UI, "new_year_refused", path=book, errors=len(evaluation.errors)), err=True)
        raise SystemExit(EXIT_DATA)
    info = evaluation.model.info
    year = info.year + 1 if info.year is not None else None
    out = output or default_output(book, info.unit_name, year)
    replaced = output_target(out, inputs=(book,), force=force)
    try:
        write_atomic(out, template_bytes(next_year_data(evaluation.model)))
    except OSError as exc:
        raise OutputError(path=out, reason=os_reason(exc)) from None
    click.echo(texts.render(texts.UI, "new_year_done", source=book, year=year or "", path=out))
    if replaced:
        click.echo(texts.render(texts.UI, "cli.replaced", path=out))
    raise SystemExit(EXIT_OK)
