"""Command line: ``selfeval``. With the adapters, the only code that touches files and the clock.

Exit codes (also in README):
  0  done; the workbook has no errors (warnings allowed)
  1  the workbook has data errors (``check``), or ``report`` refused / wrote with ``--force``
  2  usage error (bad option, missing argument)
  3  the input cannot be used: missing, unreadable, unsafe, not our template / version
  4  an output cannot be written (exists without --force, permission, disk)
  5  internal error (a bug): message on stderr, details in the log file
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import logging
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from selfeval_xl.cli.chinese import ChineseGroup, ChineseUsageError, usage_lines
from selfeval_xl.cli.outputs import output_target
from selfeval_xl.core import texts
from selfeval_xl.core.errors import (
    EXIT_DATA,
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_USAGE,
    OutputError,
    SelfevalError,
    WorkbookError,
    os_reason,
)
from selfeval_xl.core.version import VERSION as __version__
from selfeval_xl.render.stamp import generated_line, log_path

# Commands whose modules are imported only when the command runs (keeps ``selfeval report`` fast).
LAZY_COMMANDS = {
    "audit": "selfeval_xl.cli.audit:audit_command",
    "build-addin": "selfeval_xl.cli.addin:build_addin_command",
    "install-addin": "selfeval_xl.cli.addin:install_addin_command",
    "serve": "selfeval_xl.cli.addin:serve_command",
    "export": "selfeval_xl.cli.export:export_command",
    "ledger": "selfeval_xl.cli.ledger:ledger_command",
    "collect": "selfeval_xl.cli.collect:collect_command",
    "migrate": "selfeval_xl.cli.migrate:migrate_command",
    "new-year": "selfeval_xl.cli.new_year:new_year_command",
    "import-juesuan": "selfeval_xl.cli.juesuan:juesuan_command",
}


class LazyGroup(ChineseGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        available = [name for name, target in LAZY_COMMANDS.items() if _module_exists(target.partition(":")[0])]
        return sorted([*super().list_commands(ctx), *available])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY_COMMANDS:
            module, _, attr = LAZY_COMMANDS[cmd_name].partition(":")
            command: click.Command = getattr(importlib.import_module(module), attr)
            return command
        return super().get_command(ctx, cmd_name)


def _module_exists(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


@click.group(cls=LazyGroup, help=texts.UI["cli.help_group"])
@click.version_option(__version__, prog_name="selfeval", message=texts.UI["cli.version"],
                      help=texts.UI["cli.help_version"])
def cli() -> None:
    """selfeval: check the workbook, compute exact figures, write the report (help text: the catalog)."""


def _evaluate(book: Path, previous: Path | None = None) -> Any:
    from selfeval_xl.pipeline import evaluate, with_previous
    from selfeval_xl.workbook.reader import read_workbook

    evaluation = evaluate(read_workbook(book))
    if previous is not None:  # last year's workbook may be of the previous template version: migrated in memory
        from selfeval_xl.workbook.migrate import migrated_raw

        evaluation = with_previous(evaluation, evaluate(migrated_raw(read_workbook(previous))), previous.name)
    return evaluation


previous_option = click.option("--previous", type=click.Path(path_type=Path),
                               help=texts.UI["help_previous"])


def _issue_rows(issues: Sequence[Any]) -> list[dict[str, str]]:
    from selfeval_xl.report.sheets import issue_message

    return [
        {
            "code": i.code,
            "severity": i.severity.value,
            "sheet": i.where.sheet if i.where else "",
            "cell": i.where.a1 if i.where else "",
            "message": issue_message(i),
        }
        for i in issues
    ]


def _print_issues(issues: Sequence[Any], *, err: bool = False) -> None:
    ui = texts.UI
    for row in _issue_rows(issues):
        where = f"'{row['sheet']}'!{row['cell']}" if row["sheet"] else ui["no_location"]
        click.echo(f"{ui['severity.' + row['severity']]}  {where}  {row['message']}", err=err)


def _output_sheets(evaluation: Any, *, force: bool) -> list[Any]:
    from selfeval_xl.pipeline import output_sheets

    return output_sheets(evaluation, generated_line(), force=force)


def _summary(errors: Sequence[Any], warnings: Sequence[Any], *, quiet: bool, err: bool) -> None:
    """The end of ``report``/``export``: the issues that did not stop it (提示 unless ``quiet``), then the counts."""
    _print_issues([*errors, *(() if quiet else warnings)], err=err)
    click.echo(texts.render(texts.UI, "cli.summary", errors=len(errors), warnings=len(warnings)), err=err)


def _write_copy(book: Path, out: Path, sheets: Sequence[Any], issues: Sequence[Any], active: str) -> None:
    from selfeval_xl.render.xlsx import write_copy

    try:
        write_copy(book, out, sheets, issues, active=active)
    except OSError as exc:
        raise OutputError(path=out, reason=os_reason(exc)) from None


book_argument = click.argument("book", type=click.Path(path_type=Path), help=texts.UI["cli.help_book"])
quiet_option = click.option("-q", "--quiet", is_flag=True, help=texts.UI["cli.help_quiet"])


@cli.command(help=texts.UI["cli.help_report"])
@book_argument
@click.option("-o", "--output", type=click.Path(path_type=Path), help=texts.UI["help_report_output"])
@click.option("--text", "as_text", is_flag=True, help=texts.UI["help_report_text"])
@click.option("--force", is_flag=True, help=texts.UI["cli.help_report_force"])
@previous_option
@click.option("--project", "project_name", metavar="项目名称", help=texts.UI["cli.help_report_project"])
@click.option("--all-projects", is_flag=True, help=texts.UI["cli.help_report_all_projects"])
@quiet_option
def report(book: Path, output: Path | None, as_text: bool, force: bool, previous: Path | None,
           project_name: str | None, all_projects: bool, quiet: bool) -> None:
    """Write the 自评报告 (and 自评表, 计算明细, 校验结果) into a copy of BOOK; with --project/--all-projects,
    the 项目支出绩效自评报告 and 自评表 of those projects instead."""
    if project_name is not None and all_projects:
        raise ChineseUsageError(texts.UI["cli.project_both"])
    evaluation = _evaluate(book, previous)
    projects = _chosen_projects(evaluation, project_name, all_projects)
    errors = evaluation.errors
    if errors and not force:
        _print_issues(errors, err=True)
        click.echo(texts.render(texts.UI, "cli_report_refused", errors=len(errors)), err=True)
        raise SystemExit(EXIT_DATA)
    out = output if output is not None else None if as_text else book.with_name(f"{book.stem}_报告.xlsx")
    replaced = out is not None and output_target(out, inputs=(book,), force=force, ours=output is None)
    if as_text:
        from selfeval_xl.report.narrative import render_text

        reports = [evaluation.project_narrative(p) for p in projects] if projects else [evaluation.narrative(force=force)]
        sys.stdout.buffer.write("\n".join(render_text(r) for r in reports).encode("utf-8"))
        sys.stdout.flush()
    if out is not None:
        if projects:
            from selfeval_xl.pipeline import project_sheets
            from selfeval_xl.report.sheets import issues_sheet

            sheets = [issues_sheet(evaluation.issues), *project_sheets(evaluation, projects, with_reports=True)]
            _write_copy(book, out, sheets, evaluation.issues, sheets[1].title)
        else:
            _write_copy(book, out, _output_sheets(evaluation, force=force), evaluation.issues,
                        texts.UI["sheet_report"])
        click.echo(texts.render(texts.UI, "cli_written", path=out), err=as_text)
        if replaced:
            click.echo(texts.render(texts.UI, "cli.replaced", path=out), err=as_text)
    _summary(errors, evaluation.warnings, quiet=quiet, err=as_text)
    raise SystemExit(EXIT_DATA if errors else EXIT_OK)


def _chosen_projects(evaluation: Any, name: str | None, every: bool) -> list[Any]:
    """The projects ``--project`` / ``--all-projects`` ask for (those with indicators); a usage error otherwise."""
    if name is None and not every:
        return []
    scored = list(evaluation.scored_projects)
    if not scored:
        raise ChineseUsageError(texts.UI["cli.project_none"])
    if every:
        return scored
    chosen = evaluation.project(name)
    if chosen is None or chosen.scoring is None:
        raise ChineseUsageError(texts.render(texts.UI, "cli.project_unknown", name=name,
                                             names="、".join(p.name for p in scored)))
    return [chosen]


@cli.command(help=texts.UI["cli.help_check"])
@book_argument
@click.option("--json", "as_json", is_flag=True, help=texts.UI["help_check_json"])
@click.option("-o", "--output", type=click.Path(path_type=Path), help=texts.UI["help_check_output"])
@click.option("--force", is_flag=True, help=texts.UI["cli.help_check_force"])
@click.option("--previous", type=click.Path(path_type=Path), help=texts.UI["cli.help_check_previous"])
def check(book: Path, as_json: bool, output: Path | None, force: bool, previous: Path | None) -> None:
    """Validate BOOK and list every issue with its sheet and cell."""
    evaluation = _evaluate(book, previous)
    errors, warnings = evaluation.errors, evaluation.warnings
    if output is not None:
        output_target(output, inputs=(book,), force=force)
    if as_json:
        doc = {"file": book.name, "errors": len(errors), "warnings": len(warnings),
               "issues": _issue_rows(evaluation.issues)}
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        _print_issues(evaluation.issues)
        click.echo(texts.UI["cli_check_clean"] if not errors else "")
        click.echo(texts.render(texts.UI, "cli_check_summary", errors=len(errors), warnings=len(warnings)))
    if output is not None:
        from selfeval_xl.report.sheets import issues_sheet

        _write_copy(book, output, [issues_sheet(evaluation.issues)], evaluation.issues, texts.UI["sheet_issues"])
    raise SystemExit(EXIT_DATA if errors else EXIT_OK)


@cli.command(help=texts.UI["cli.help_template"])
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help=texts.UI["cli.help_template_output"])
@click.option("--force", is_flag=True, help=texts.UI["help_force_overwrite"])
def template(output: Path | None, force: bool) -> None:
    """Write a fresh, empty input template (default: 绩效自评模板.xlsx in the current folder)."""
    from selfeval_xl.workbook.package import write_atomic
    from selfeval_xl.workbook.template import template_bytes

    target = output if output is not None else Path(texts.UI["cli.template_default"])
    output_target(target, force=force)
    try:
        write_atomic(target, template_bytes())
    except OSError as exc:
        raise OutputError(path=target, reason=os_reason(exc)) from None
    click.echo(texts.render(texts.UI, "cli_template_written", path=target))


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; map every failure to a Chinese message and an exit code, never a traceback."""
    _silence_libraries()
    try:
        code = cli.main(args=argv, prog_name="selfeval", standalone_mode=False)
        if isinstance(code, int):  # click returns ctx.exit(code) codes in non-standalone mode
            return code
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except click.exceptions.Abort:
        click.echo(texts.UI["cli.aborted"], err=True)
        return EXIT_USAGE
    except click.ClickException as exc:
        for line in usage_lines(exc):
            click.echo(line, err=True)
        return EXIT_USAGE
    except WorkbookError as exc:
        click.echo(exc.message, err=True)
        return EXIT_INPUT
    except OutputError as exc:
        click.echo(exc.message, err=True)
        return EXIT_OUTPUT
    except SelfevalError as exc:
        click.echo(exc.message, err=True)
        return EXIT_INTERNAL
    except Exception as exc:
        _log_internal(exc)
        click.echo(texts.render(texts.FATAL, "internal", error=f"{type(exc).__name__}: {exc}"), err=True)
        click.echo(texts.render(texts.UI, "cli.log", path=log_path()), err=True)
        return EXIT_INTERNAL
    return EXIT_OK


def _silence_libraries() -> None:
    """Library warnings (openpyxl, pypdf, fastexcel …) are English noise for an accountant: they go to
    the logging system (the log file, when one is written), never to stderr."""
    logging.captureWarnings(True)
    for name in ("py.warnings", "pypdf", "fastexcel", "openpyxl"):
        logging.getLogger(name).addHandler(logging.NullHandler())


def _log_internal(exc: BaseException) -> None:
    try:
        logging.basicConfig(filename=log_path(), level=logging.ERROR, encoding="utf-8")
        logging.getLogger("selfeval_xl").error("".join(traceback.format_exception(exc)))
    except OSError:
        pass
