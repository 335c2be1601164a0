"""``selfeval collect DIR_OR_FILES… -o 汇总.xlsx [--jobs N] [--json]``: a batch for the finance bureau.

Every workbook (.xlsx; .xls is listed as "old format") is checked and evaluated, every report
(.docx/.txt/.pdf) audited, in a process pool (``collect_worker.examine``); the results, sorted by
file name, become the summary workbook (``collect_summary``) and/or the ``--json`` document. A
progress bar (rich) is shown on stderr when it is a terminal.

A broken or hostile file is a row with its reason, never the end of the batch: ``examine`` turns
every exception into a result, workers run with a capped address space, and if a worker process
dies (the pool breaks) the files it may have been working on are retried one per process, so the
culprit alone is reported as failed.

Exit codes: 0 every file evaluated without errors; 1 some file has errors or could not be read
(all in the summary); 2 usage (no -o and no --json); 3 no input files found; 4 output problem.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import click

from selfeval_xl import texts
from selfeval_xl.errors import OutputError

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_INPUT = 0, 1, 2, 3


def _t(key: str, **params: object) -> str:
    return texts.render(texts.BATCH, key, **params)


def discover(inputs: Sequence[Path], exclude: Iterable[Path] = ()) -> list[tuple[str, str]]:
    """(path, shown name) of every file to examine, sorted by name, each file once.

    Folders are searched recursively for workbooks and reports; lock files (~$…), hidden files and
    ``exclude`` (the summary being written) are skipped. A file named explicitly is always taken,
    whatever it is — a missing or foreign one becomes a row with its reason.
    """
    from selfeval_xl.collect_worker import REPORT_SUFFIXES, WORKBOOK_SUFFIXES

    wanted = WORKBOOK_SUFFIXES | REPORT_SUFFIXES
    skip = {p.resolve() for p in exclude}
    found: dict[Path, tuple[str, str]] = {}
    for given in inputs:
        if given.is_dir():
            for path in sorted(given.rglob("*")):
                relative = path.relative_to(given)
                if (path.suffix.lower() not in wanted or not path.is_file()
                        or any(part.startswith((".", "~$")) for part in relative.parts)):
                    continue
                shown = str(Path(given.name or str(given)) / relative) if len(inputs) > 1 else str(relative)
                found.setdefault(path.resolve(), (str(path), shown))
        else:
            found.setdefault(given.resolve() if given.exists() else given.absolute(), (str(given), str(given)))
    items = [item for key, item in found.items() if key not in skip]
    return sorted(items, key=lambda item: (item[1], item[0]))


def _context() -> Any:
    """forkserver on POSIX (workers fork from a clean, preloaded server; safe beside rich's thread)."""
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["selfeval_xl.collect_worker", "selfeval_xl.pipeline",
                                        "selfeval_xl.xlsx_reader", "openpyxl"])
        return context
    return multiprocessing.get_context("spawn")


def run_batch(items: Sequence[tuple[str, str]], jobs: int, advance: Callable[[str], None] = lambda name: None,
              work: Callable[[str, str], Any] | None = None) -> list[Any]:
    """Examine every (path, name) in a pool of ``jobs`` processes; results in the order of ``items``.

    ``work`` replaces ``collect_worker.examine`` (a module-level function; tests use it to kill a worker).
    """
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    from selfeval_xl.collect_worker import FAILED, FileResult, examine, kind_of, limit_memory, unusable

    results: dict[int, FileResult] = {}
    context = _context()
    task: Callable[[str, str], Any] = work or examine

    def run(indices: Sequence[int], workers: int) -> list[int]:
        """Run ``indices``; return those lost to a broken pool."""
        lost = []
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=limit_memory) as pool:
            futures = {pool.submit(task, items[i][0], items[i][1]): i for i in indices}
            for future in as_completed(futures):
                i = futures[future]
                try:
                    results[i] = future.result()
                except BrokenProcessPool:
                    lost.append(i)
                    continue
                advance(items[i][1])
        return sorted(lost)

    lost = run(range(len(items)), max(1, min(jobs, len(items))))
    for i in lost:  # one per process: only the file that kills its worker again is reported
        if run([i], 1):
            path, name = items[i]
            results[i] = unusable(name, kind_of(path), FAILED, "crashed", _t("collect.reason_crashed"))
            advance(name)
    return [results[i] for i in range(len(items))]


def _progress_run(items: Sequence[tuple[str, str]], jobs: int, show: bool) -> list[Any]:
    if not show:
        return run_batch(items, jobs)
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
        return run_batch(items, jobs)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TimeRemainingColumn())
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task(_t("collect.progress"), total=len(items))
        return run_batch(items, jobs, lambda name: progress.advance(task))


@click.command("collect")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help=texts.BATCH["help_collect_output"])
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help=texts.BATCH["help_collect_jobs"])
@click.option("--json", "as_json", is_flag=True, help=texts.BATCH["help_collect_json"])
@click.option("--no-progress", is_flag=True, help=texts.BATCH["help_collect_no_progress"])
def collect_command(inputs: tuple[Path, ...], output: Path | None, jobs: int | None, as_json: bool,
                    no_progress: bool) -> None:
    """Check and evaluate many department workbooks (and audit reports) into one summary workbook."""
    if output is None and not as_json:
        raise click.UsageError(_t("collect.needs_output"))
    if output is not None:
        for given in inputs:
            if given.is_file() and output.exists() and given.resolve() == output.resolve():
                raise OutputError("output_is_input", path=output)
    items = discover(inputs, exclude=[output] if output is not None else [])
    if not items:
        click.echo(_t("collect.none", inputs="、".join(str(p) for p in inputs)), err=True)
        raise SystemExit(EXIT_INPUT)
    results = _progress_run(items, jobs or os.cpu_count() or 1, show=not no_progress)

    from selfeval_xl.collect_summary import departments, reports, to_document

    if output is not None:
        from selfeval_xl.collect_summary import build_workbook
        from selfeval_xl.package import normalize_package, workbook_bytes, write_atomic

        try:
            write_atomic(output, normalize_package(workbook_bytes(build_workbook(results))))
        except OSError as exc:
            raise OutputError(path=output, reason=exc.strerror or str(exc)) from None
    if as_json:
        doc = to_document(results, str(output) if output else None)
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        for r in results:
            if r.status == "errors":
                click.echo(_t("collect.file_errors", file=r.name, errors=r.errors, warnings=r.warnings))
            elif r.status != "ok":
                click.echo(_t("collect.file_unusable", file=r.name, status=_t(f"collect.status_{r.status}"),
                              reason=r.reason))
    workbooks, audited = departments(results), reports(results)
    bad = [r for r in results if r.status != "ok"]
    click.echo(_t("collect.done", workbooks=len(workbooks), reports=len(audited), bad=len(bad),
                  path=output if output is not None else "-"), err=as_json)
    raise SystemExit(EXIT_DATA if bad else EXIT_OK)
