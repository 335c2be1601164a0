"""Ledger aggregation at 10k / 100k / 1M lines against an openpyxl baseline and a raw-read floor.

Run from the repository root: ``python benchmarks/ledger_scale.py [--sizes 10000,100000,1000000]``.

For each size the script generates a 明细账 (``generate.write_ledger``: the founding example's
detail split into voucher lines, 7 columns) and times, each in a fresh process with imports
excluded from the timing and the process's peak memory recorded:

* ours     ``selfeval_xl.importers.ledger_read.read_ledger``: header found, every check, exact totals by
           (code, 支出类型) and by project — what ``selfeval ledger`` does before writing the copy;
* floor    the fastest raw read of just the two needed columns (科目编码, 金额): the best of
           fastexcel (calamine → Arrow, header given, columns selected) and python-calamine
           (``iter_rows``, no totalling) — no checks, no aggregation;
* baseline a plain openpyxl read-only loop totalling 分 by code (``values_only=True``).

Targets (issue 7): at 1M lines, ours ≤ 1.3 × floor, baseline ≥ 15 × ours, peak memory < 1 GB.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.measure import Run, best, child, load

OURS = """
import json, sys, time
from pathlib import Path
from selfeval_xl.importers.ledger_read import read_ledger
import fastexcel, pyarrow, pyarrow.compute
start = time.perf_counter()
ledger = read_ledger(Path(sys.argv[1]))
seconds = time.perf_counter() - start
totals = {}
for row in ledger.rows:
    totals[row.code] = totals.get(row.code, 0) + row.fen
print(json.dumps({"seconds": seconds, "result": {"lines": ledger.lines, "issues": len(ledger.issues), "totals": totals}}))
"""

FLOOR_FASTEXCEL = """
import json, sys, time
import fastexcel, pyarrow
start = time.perf_counter()
batch = fastexcel.read_excel(sys.argv[1]).load_sheet(0, header_row=1, use_columns=[2, 5]).to_arrow()
print(json.dumps({"seconds": time.perf_counter() - start, "result": batch.num_rows}))
"""

FLOOR_CALAMINE = """
import json, sys, time
import python_calamine
start = time.perf_counter()
n = 0
for row in python_calamine.CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).iter_rows():
    code, amount = row[2], row[5]
    n += 1
print(json.dumps({"seconds": time.perf_counter() - start, "result": n - 2}))
"""

BASELINE = """
import json, sys, time
import openpyxl
start = time.perf_counter()
book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
totals = {}
for row in book.worksheets[0].iter_rows(min_row=3, values_only=True):
    code, amount = row[2], row[5]
    if code is None or amount is None:
        continue
    key = str(code).split()[0]
    totals[key] = totals.get(key, 0) + round(float(amount) * 100)
book.close()
print(json.dumps({"seconds": time.perf_counter() - start, "result": {"totals": totals}}))
"""


def measure(path: Path, lines: int) -> dict[str, Run]:
    repeat = 3 if lines <= 100_000 else 2
    runs = {
        "ours": best([child(OURS, str(path)) for _ in range(repeat)]),
        "floor (fastexcel)": best([child(FLOOR_FASTEXCEL, str(path)) for _ in range(repeat)]),
        "floor (python-calamine)": best([child(FLOOR_CALAMINE, str(path)) for _ in range(repeat)]),
        "baseline (openpyxl)": best([child(BASELINE, str(path)) for _ in range(1 if lines > 100_000 else 2)]),
    }
    return runs


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000,1000000")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    from benchmarks.generate import write_ledger
    from examples.build_examples import DAXIANG_2020

    print(f"ledger aggregation benchmark — {load()}")
    print(f"{'lines':>9} {'ours s':>8} {'floor s':>8} {'baseline s':>10} {'ours/floor':>10} {'base/ours':>9} "
          f"{'peak MB':>8}  floor from / totals agree")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for lines in sizes:
            path = Path(tmp) / f"ledger_{lines}.xlsx"
            start = time.perf_counter()
            write_ledger(path, lines, DAXIANG_2020)
            made = time.perf_counter() - start
            runs = measure(path, lines)
            floor_name = min(("floor (fastexcel)", "floor (python-calamine)"), key=lambda k: runs[k].seconds)
            ours, floor, base = runs["ours"], runs[floor_name], runs["baseline (openpyxl)"]
            agree = ours.result["totals"] == base.result["totals"]
            rows.append((lines, ours, floor, base))
            print(f"{lines:>9,} {ours.seconds:>8.3f} {floor.seconds:>8.3f} {base.seconds:>10.2f} "
                  f"{ours.seconds / floor.seconds:>10.2f} {base.seconds / ours.seconds:>9.1f} {ours.peak_mb:>8.0f}"
                  f"  {floor_name[7:-1]} / {'yes' if agree else 'NO'}"
                  f"   (file {path.stat().st_size / 1e6:.1f} MB, generated in {made:.1f} s;"
                  f" floor peak {floor.peak_mb:.0f} MB, baseline peak {base.peak_mb:.0f} MB)")
    print(load())
    lines, ours, floor, base = rows[-1]
    if lines >= 1_000_000:
        ok = ours.seconds <= 1.3 * floor.seconds and base.seconds >= 15 * ours.seconds and ours.peak_mb < 1024
        print(f"targets at {lines:,} lines (<= 1.3x floor, >= 15x faster than openpyxl, < 1 GB): {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
