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

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from selfeval_xl.core import texts


def _t(key: str, **params: object) -> str:
    return texts.render(texts.BATCH, key, **params)


def discover(inputs: Sequence[Path], exclude: Iterable[Path] = ()) -> list[tuple[str, str]]:
    """(path, shown name) of every file to examine, sorted by name, each file once.

    Folders are searched recursively for workbooks and reports; lock files (~$…), hidden files and
    ``exclude`` (the summary being written) are skipped. A file named explicitly is always taken,
    whatever it is — a missing or foreign one becomes a row with its reason.
    """
    from selfeval_xl.collect.worker import REPORT_SUFFIXES, WORKBOOK_SUFFIXES

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
        context.set_forkserver_preload(["selfeval_xl.collect.worker", "selfeval_xl.pipeline",
                                        "selfeval_xl.workbook.reader", "openpyxl"])
        return context
    return multiprocessing.get_context("spawn")


def default_jobs(memory_mb: int, cpus: int | None = None, available: int | None = None) -> int:
    """Workers so that workers × per-worker memory fit the machine's available memory (and its CPUs)."""
    import os

    cpus = cpus or os.cpu_count() or 1
    if available is None:
        try:
            available = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        except (ValueError, OSError, AttributeError):
            available = 0
    if not available or memory_mb <= 0:
        return cpus
    return max(1, min(cpus, available // (memory_mb * 1024 * 1024)))


def run_batch(items: Sequence[tuple[str, str]], jobs: int, advance: Callable[[str], None] = lambda name: None,
              work: Callable[[str, str], Any] | None = None, *, seconds: int | None = None,
              memory_mb: int | None = None) -> list[Any]:
    """Examine every (path, name) in a pool of ``jobs`` processes; results in the order of ``items``.

    Each file has a time budget (``seconds``) and each worker a memory budget (``memory_mb``): an
    overrun is that file's row ("处理超时"/内存超出上限), never the end of the batch. ``work`` replaces
    ``collect_worker.examine`` (a module-level function; tests use it to kill a worker).
    """
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    from selfeval_xl.collect.worker import (
        FAILED,
        MEMORY_LIMIT,
        TIME_LIMIT,
        FileResult,
        examine,
        kind_of,
        limit_memory,
        unusable,
    )

    results: dict[int, FileResult] = {}
    context = _context()
    task: Callable[[str, str], Any] = work or examine

    def run(indices: Sequence[int], workers: int) -> list[int]:
        """Run ``indices``; return those lost to a broken pool."""
        lost = []
        budgets = (memory_mb * 1024 * 1024 if memory_mb else MEMORY_LIMIT, seconds if seconds else TIME_LIMIT)
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=limit_memory,
                                 initargs=budgets) as pool:
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
