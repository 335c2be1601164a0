"""``selfeval migrate OLD.xlsx [-o NEW.xlsx] [--force]``: carry an older template's workbook into the current one.

Every input value is carried through the old version's contract (kept as data); the old file is only
read. Values the current template computes instead of storing are compared with what it computes,
and any disagreement is said on screen. Exit codes as for ``report``: 0 written, 3 the input cannot
be used (or is already current), 4 the output cannot be written.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import click

from selfeval_xl.cli.chinese import ChineseCommand
from selfeval_xl.cli.outputs import output_target
from selfeval_xl.core import texts
from selfeval_xl.core.errors import EXIT_INPUT, EXIT_OK, OutputError, os_reason


def default_output(book: Path) -> Path:
    return book.with_name(f"{book.stem}{texts.UI['migrate_default_suffix']}.xlsx")


@click.command("migrate", cls=ChineseCommand, help=texts.UI["help_migrate"])
@click.argument("book", type=click.Path(path_type=Path), help=texts.UI["help_migrate_book"])
@click.option("-o", "--output", type=click.Path(path_type=Path), help=texts.UI["help_migrate_output"])
@click.option("--force", is_flag=True, help=texts.UI["help_force_overwrite"])
def migrate_command(book: Path, output: Path | None, force: bool) -> None:
    from selfeval_xl.core.numbers import fmt_amount
    from selfeval_xl.pipeline import evaluate
    from selfeval_xl.workbook import layout
    from selfeval_xl.workbook.migrate import migrate_raw, version_of
    from selfeval_xl.workbook.package import write_atomic
    from selfeval_xl.workbook.reader import raw_from_bytes, read_workbook
    from selfeval_xl.workbook.template import template_bytes

    raw = read_workbook(book)
    if version_of(raw) == layout.TEMPLATE_VERSION:
        click.echo(texts.render(texts.FATAL, "migrate_not_needed", path=book, version=layout.TEMPLATE_VERSION), err=True)
        raise SystemExit(EXIT_INPUT)
    migration = migrate_raw(raw)
    out = output or default_output(book)
    output_target(out, inputs=(book,), force=force)  # an .xlsx, not the input, existing only with --force
    data = template_bytes(migration.data)
    try:
        write_atomic(out, data)
    except OSError as exc:
        raise OutputError(path=out, reason=os_reason(exc)) from None
    click.echo(texts.render(texts.UI, "migrate_done", source=book, version=migration.version,
                            expected=layout.TEMPLATE_VERSION, path=out, cells=migration.carried))
    if migration.dropped:
        scoring = evaluate(raw_from_bytes(data, source=out.name)).scoring
        funds = scoring.funds if scoring else {}
        columns = {"initial": "年初预算数", "adjusted": "全年预算数", "executed": "全年执行数"}
        for item in migration.dropped:
            line = funds.get(item.row)
            derived = line.value(item.column) if line is not None and item.column in columns else None
            if item.column not in columns:
                continue
            try:
                old = Decimal(str(item.value))
            except ArithmeticError:
                old = None
            same = old is not None and derived is not None and old == derived
            key = "migrate_dropped_same" if same else "migrate_dropped_differs"
            click.echo(texts.render(texts.UI, key, row=layout.FUND_ITEM_NAMES[item.row],
                                    column=columns[item.column], value=item.value,
                                    derived=fmt_amount(derived) if derived is not None else "—", where=item.where))
    raise SystemExit(EXIT_OK)
