"""``selfeval import-juesuan JUESUAN --into BOOK [-o OUT] [--force] [--json]``: the command-line face of the 决算表 import."""

from __future__ import annotations

import json
from pathlib import Path

import click

from selfeval_xl.cli.chinese import ChineseCommand
from selfeval_xl.cli.outputs import output_target
from selfeval_xl.core import texts
from selfeval_xl.core.errors import EXIT_DATA, EXIT_OK
from selfeval_xl.importers.juesuan_fill import import_juesuan
from selfeval_xl.importers.juesuan_report import result_lines, to_document


@click.command("import-juesuan", cls=ChineseCommand, help=texts.IMPORTS["help_juesuan"])
@click.argument("juesuan_path", metavar="JUESUAN", type=click.Path(path_type=Path),
                help=texts.IMPORTS["help_juesuan_file"])
@click.option("--into", "book", required=True, type=click.Path(path_type=Path), help=texts.IMPORTS["help_juesuan_into"])
@click.option("-o", "--output", type=click.Path(path_type=Path), help=texts.IMPORTS["help_juesuan_output"])
@click.option("--force", is_flag=True, help=texts.IMPORTS["help_juesuan_force"])
@click.option("--json", "as_json", is_flag=True, help=texts.IMPORTS["help_juesuan_json"])
def juesuan_command(juesuan_path: Path, book: Path, output: Path | None, force: bool, as_json: bool) -> None:
    """Fill a copy of BOOK from the 部门决算 公开表 in JUESUAN (.xlsx or .xls)."""
    from selfeval_xl.importers.juesuan_fill import default_output

    # The same rules as report -o: an .xlsx, never an input, an existing file only with --force (ours, the
    # default name, is replaced with a line saying so).
    out = output or default_output(book)
    replaced = output_target(out, inputs=(book, juesuan_path), force=force, ours=output is None)
    result = import_juesuan(juesuan_path, book, out, force=force)
    if as_json:
        click.echo(json.dumps(to_document(result), ensure_ascii=False, indent=2))
    else:
        for line, to_stderr in result_lines(result):
            click.echo(line, err=to_stderr)
        if replaced and result.output is not None:
            click.echo(texts.render(texts.UI, "cli.replaced", path=result.output))
    clean = result.output is not None and not result.errors and not result.kept
    raise SystemExit(EXIT_OK if clean else EXIT_DATA)
