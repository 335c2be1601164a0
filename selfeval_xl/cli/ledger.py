"""``selfeval ledger LEDGER --into BOOK [-o OUT] [--force] [--json]``: the command-line face of the 明细账 import."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import click

from selfeval_xl.cli.chinese import ChineseCommand
from selfeval_xl.cli.outputs import output_target
from selfeval_xl.core import texts
from selfeval_xl.core.errors import EXIT_DATA, EXIT_OK, OutputError, os_reason
from selfeval_xl.core.model import Issue
from selfeval_xl.importers.ledger import (
    _t,
    default_output,
    issue_rows,
    location,
    summary_lines,
    to_document,
    write_ledger_copy,
)
from selfeval_xl.importers.ledger_read import Ledger, read_ledger
from selfeval_xl.workbook import layout


def _print_issues(ledger: Ledger, issues: Sequence[Issue]) -> None:
    for item, row in zip(issues, issue_rows(ledger), strict=True):
        click.echo(f"{texts.UI['severity.' + row['severity']]}  {location(ledger, item)}  {row['message']}")


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.resolve() == b.resolve()
    except OSError as exc:  # e.g. a name over 255 bytes
        raise OutputError(path=a, reason=os_reason(exc)) from None


@click.command("ledger", cls=ChineseCommand, help=texts.BATCH["help_ledger"])
@click.argument("ledger_path", metavar="LEDGER", type=click.Path(path_type=Path),
                help=texts.BATCH["help_ledger_ledger"])
@click.option("--into", "book", required=True, type=click.Path(path_type=Path), help=texts.BATCH["help_ledger_into"])
@click.option("-o", "--output", type=click.Path(path_type=Path), help=texts.BATCH["help_ledger_output"])
@click.option("--sheet", help=texts.BATCH["help_ledger_sheet"])
@click.option("--force", is_flag=True, help=texts.BATCH["help_ledger_force"])
@click.option("--json", "as_json", is_flag=True, help=texts.BATCH["help_ledger_json"])
def ledger_command(ledger_path: Path, book: Path, output: Path | None, sheet: str | None, force: bool,
                   as_json: bool) -> None:
    """Total a 明细账 (LEDGER) by economic code into 经济分类明细 of a copy of BOOK."""
    from selfeval_xl.pipeline import evaluate
    from selfeval_xl.workbook.reader import read_workbook

    unit = evaluate(read_workbook(book)).model.info.amount_unit
    ledger = read_ledger(ledger_path, sheet)
    out = output or default_output(book)
    if _same(out, book) or _same(out, ledger_path):
        raise OutputError("output_is_input", path=out)
    written = not ledger.errors or force
    # The same rules as report -o: an .xlsx, an existing file only with --force (ours, the default name, is replaced).
    replaced = written and output_target(out, inputs=(book, ledger_path), force=force, ours=output is None)
    check = None
    if written:
        result = write_ledger_copy(ledger, book, out, unit)
        check = {"errors": len(result.errors), "warnings": len(result.warnings)}
    if as_json:
        doc = to_document(ledger, book, out if written else None, unit, check)
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        _print_issues(ledger, ledger.issues)
        for line in summary_lines(ledger):
            click.echo(line)
        click.echo(_t("ledger.summary", errors=len(ledger.errors), warnings=len(ledger.warnings)))
        if not written:
            click.echo(_t("ledger.refused", errors=len(ledger.errors)), err=True)
        else:
            assert check is not None
            from selfeval_xl.report.sheets import issue_message

            click.echo(_t("ledger.written", rows=len(ledger.rows), sheet=layout.ECON.title, path=out))
            if replaced:
                click.echo(texts.render(texts.UI, "cli.replaced", path=out))
            for item in result.errors:
                if item.code in ("detail_mismatch", "detail_empty"):
                    click.echo(f"{texts.UI['severity.error']}  {item.where or ''}  {issue_message(item)}")
            click.echo(_t("ledger.check", **check))
    raise SystemExit(EXIT_DATA if ledger.errors else EXIT_OK)
