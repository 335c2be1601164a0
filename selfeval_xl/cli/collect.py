"""``selfeval collect DIR_OR_FILES… -o 汇总.xlsx [--force] [--jobs N] [--json]``: the command-line face of
the batch. An existing output (汇总.xlsx, the CSV or Parquet) is replaced only with ``--force`` (exit 4
otherwise, before any workbook is read)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from selfeval_xl.cli.chinese import ChineseCommand, ChineseUsageError
from selfeval_xl.collect.batch import _t, discover, run_batch
from selfeval_xl.core import texts
from selfeval_xl.core.errors import EXIT_DATA, EXIT_INPUT, EXIT_OK, OutputError, os_reason


def _progress_run(items: Sequence[tuple[str, str]], jobs: int, show: bool, **budgets: Any) -> list[Any]:
    if not show:
        return run_batch(items, jobs, **budgets)
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    if not console.is_terminal:
        return run_batch(items, jobs, **budgets)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TimeRemainingColumn())
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task(_t("collect.progress"), total=len(items))
        return run_batch(items, jobs, lambda name: progress.advance(task), **budgets)


@click.command("collect", cls=ChineseCommand, help=texts.BATCH["help_collect"])
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path),
                help=texts.BATCH["help_collect_inputs"])
@click.option("-o", "--output", type=click.Path(path_type=Path), help=texts.BATCH["help_collect_output"])
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N", help=texts.BATCH["help_collect_jobs"])
@click.option("--json", "as_json", is_flag=True, help=texts.BATCH["help_collect_json"])
@click.option("--csv", "csv_path", type=click.Path(path_type=Path), metavar="明细.csv", help=texts.BATCH["help_collect_csv"])
@click.option("--parquet", "parquet_path", type=click.Path(path_type=Path), metavar="明细.parquet",
              help=texts.BATCH["help_collect_parquet"])
@click.option("--force", is_flag=True, help=texts.BATCH["help_collect_force"])
@click.option("--no-progress", is_flag=True, help=texts.BATCH["help_collect_no_progress"])
@click.option("--timeout", type=click.IntRange(min=1), default=120, metavar="秒", help=texts.BATCH["help_collect_timeout"])
@click.option("--memory-mb", type=click.IntRange(min=256), default=3072, metavar="MB",
              help=texts.BATCH["help_collect_memory"])
def collect_command(inputs: tuple[Path, ...], output: Path | None, jobs: int | None, as_json: bool,
                    csv_path: Path | None, parquet_path: Path | None, force: bool, no_progress: bool, timeout: int,
                    memory_mb: int) -> None:
    """Check and evaluate many department workbooks (and audit reports) into one summary workbook."""
    if output is None and not as_json and csv_path is None and parquet_path is None:
        raise ChineseUsageError(_t("collect.needs_output"))
    frames = [(path, suffix) for path, suffix in ((csv_path, ".csv"), (parquet_path, ".parquet")) if path is not None]
    for path, suffix in frames:
        if path.suffix.lower() != suffix:
            raise ChineseUsageError(_t("collect.frame_suffix", path=path, suffix=suffix,
                                       suggestion=path.with_suffix(suffix).name))
    if frames:
        _needs_pandas(parquet=parquet_path is not None)
    written = [p for p in (output, csv_path, parquet_path) if p is not None]
    for out in written:
        for given in inputs:
            if given.is_file() and out.exists() and given.resolve() == out.resolve():
                raise OutputError("output_is_input", path=out)
        # refused before the batch runs: last year's 汇总.xlsx is replaced only when asked
        if out is output and out.is_dir():
            raise OutputError("output_is_directory", path=out)
        if out.exists() and not force:
            raise OutputError("output_exists", path=out)
    items = discover(inputs, exclude=written)
    if not items:
        click.echo(_t("collect.none", inputs="、".join(str(p) for p in inputs)), err=True)
        raise SystemExit(EXIT_INPUT)
    from selfeval_xl.collect.batch import default_jobs

    results = _progress_run(items, jobs or default_jobs(memory_mb), show=not no_progress, seconds=timeout,
                            memory_mb=memory_mb)

    from selfeval_xl.collect.summary import departments, reports, to_document

    if output is not None:
        from selfeval_xl.collect.summary import build_workbook
        from selfeval_xl.workbook.package import normalize_package, workbook_bytes, write_atomic

        try:
            write_atomic(output, normalize_package(workbook_bytes(build_workbook(results))))
        except OSError as exc:
            raise OutputError(path=output, reason=os_reason(exc)) from None
    for path, suffix in frames:
        _write_frame(results, path, suffix)
        if not as_json:
            click.echo(_t("collect.frame_written", path=path))
    if as_json:
        doc = to_document(results, str(output) if output else None)
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        for r in results:
            if r.status == "errors":
                click.echo(_t("collect.file_errors", file=r.name, errors=r.errors, warnings=r.warnings))
            elif r.status not in ("ok", "skipped"):
                click.echo(_t("collect.file_unusable", file=r.name, status=_t(f"collect.status_{r.status}"),
                              reason=r.reason))
    workbooks, audited = departments(results), reports(results)
    bad = [r for r in results if r.status not in ("ok", "skipped")]
    click.echo(_t("collect.done", workbooks=len(workbooks), reports=len(audited), bad=len(bad),
                  path=output if output is not None else "-"), err=as_json)
    raise SystemExit(EXIT_DATA if bad else EXIT_OK)


def _needs_pandas(parquet: bool) -> None:
    """Refuse before the batch runs, not after, when the analysts' extra is missing."""
    import importlib.util

    wanted = ["pandas", "pyarrow"] if parquet else ["pandas"]
    if any(importlib.util.find_spec(name) is None for name in wanted):
        click.echo(_t("collect.needs_pandas"), err=True)
        raise SystemExit(EXIT_INPUT)


def _write_frame(results: Sequence[Any], path: Path, suffix: str) -> None:
    """The departments frame as CSV (UTF-8 with BOM; exact decimals as text) or Parquet (decimal128)."""
    from selfeval_xl.collect.frame import departments_frame, parquet_bytes
    from selfeval_xl.workbook.package import write_atomic

    frame = departments_frame(results)
    if suffix == ".csv":
        data = frame.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")
    else:
        data = parquet_bytes(frame)
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise OutputError(path=path, reason=os_reason(exc)) from None
