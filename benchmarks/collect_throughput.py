"""``selfeval collect`` throughput on 200 generated department workbooks, ``--jobs 1`` and ``--jobs 2``.

Run from the repository root: ``python benchmarks/collect_throughput.py [--workbooks 200] [--runs 2]``.

The workbooks are the founding example varied by ``generate.department_data`` (another name,
amounts scaled, some indicators missed). Each run is the whole command in a new process — start-up,
the process pool, every workbook read and evaluated, the summary workbook with its charts
written — timed from outside; the best of ``--runs`` is reported as workbooks per second.
Beside it, in the same run, the bare read of the same files' cells with python-calamine (no checks, no
rules, no summary) in one process: the floor a reader could reach, as a ratio.
Target (issue 16): at least 60 workbooks/s with 2 jobs on a quiet 2-core machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.measure import best, load, process

TARGET = 60


def bare_read(files: list[Path]) -> float:
    """Workbooks per second reading every cell of every sheet with python-calamine, nothing else."""
    from python_calamine import CalamineWorkbook

    start = time.perf_counter()
    for path in files:
        book = CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()
    return len(files) / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workbooks", type=int, default=200)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    from benchmarks.generate import department_data
    from examples.build_examples import DAXIANG_2020
    from selfeval_xl.workbook.template import template_bytes

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "departments"
        folder.mkdir()
        start = time.perf_counter()
        for n in range(args.workbooks):
            (folder / f"department_{n:03d}.xlsx").write_bytes(template_bytes(department_data(DAXIANG_2020, n)))
        print(f"collect throughput — {args.workbooks} workbooks generated in {time.perf_counter() - start:.1f} s; "
              f"{load()}")
        rates = {}
        for jobs in (1, 2):
            argv = [sys.executable, "-m", "selfeval_xl", "collect", str(folder), "-o", str(Path(tmp) / "汇总.xlsx"),
                    "--jobs", str(jobs), "--no-progress", "--force"]  # each run replaces the last one's
            runs = [process(argv) for _ in range(args.runs)]
            assert all(r.result == 0 for r in runs), [r.result for r in runs]
            rates[jobs] = args.workbooks / best(runs).seconds
            print(f"--jobs {jobs}: best {best(runs).seconds:6.2f} s of {[round(r.seconds, 2) for r in runs]} → "
                  f"{rates[jobs]:5.1f} workbooks/s (peak of the parent {best(runs).peak_mb:.0f} MB)")
        bare = bare_read(sorted(folder.glob("*.xlsx")))
    print(f"bare python-calamine read of the same files, one process: {bare:5.1f} workbooks/s; "
          f"collect --jobs 1 is {rates[1] / bare:.2f}x of it, --jobs 2 {rates[2] / bare:.2f}x")
    print(f"speed-up with 2 jobs: {rates[2] / rates[1]:.2f}x; {load()}")
    print(f"target (≥ {TARGET} workbooks/s with 2 jobs): {'met' if rates[2] >= TARGET else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
