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


def run_batch(items: Sequence[tuple[str, str]], jobs: int, advance: Callable[[str], None] = lambda name: None,
              work: Callable[[str, str], Any] | None = None) -> list[Any]:
    """Examine every (path, name) in a pool of ``jobs`` processes; results in the order of ``items``.

    ``work`` replaces ``collect_worker.examine`` (a module-level function; tests use it to kill a worker).
    """
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    from selfeval_xl.collect.worker import FAILED, FileResult, examine, kind_of, limit_memory, unusable

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
