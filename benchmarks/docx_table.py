"""Building the 自评表 table of the Word document: time at 12/48/96/192 indicators, ratio per doubling.

Run from the repository root: ``python benchmarks/docx_table.py [--runs 3]``.

For each size, a department is the founding example with that many indicators
(``generate.many_indicators``); the script times (best of ``--runs``) ``add_table_sheet`` — the
自评表 into a prepared document — and prints its time per table row and its ratio per doubling of
the indicators: a linear build doubles (a little less, as the rows grow by less than double), a
quadratic one quadruples. ``report_docx`` on the narrative alone and with the 自评表 (document
set-up, text, table and saving) gives the whole for context. For reference, measured in the same run up to ``--walk-max`` indicators: a walk over a
python-docx table of the same shape through ``table.cell(r, c)``, which rebuilds the cell grid on
every call — what the docx writer did before issue 14.
"""

from __future__ import annotations

import argparse
import copy
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import many_indicators
from examples.build_examples import DAXIANG_2020
from selfeval_xl.pipeline import evaluate, output_sheets
from selfeval_xl.render.docx import _prepare, report_docx
from selfeval_xl.render.docx_table import add_table_sheet
from selfeval_xl.workbook.reader import read_workbook
from selfeval_xl.workbook.template import template_bytes

SIZES = (12, 48, 96, 192)


def evaluation(count: int, folder: Path):  # type: ignore[no-untyped-def]
    data = copy.deepcopy(DAXIANG_2020)
    data["tables"]["indicators"] = many_indicators(count)
    path = folder / f"book{count}.xlsx"
    path.write_bytes(template_bytes(data))
    result = evaluate(read_workbook(path))
    assert not result.errors, result.errors
    return result


def best_of(runs: int, work) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def table_only(content) -> float:  # type: ignore[no-untyped-def]
    """Seconds to add the sheet to a document that is already set up (set-up not timed)."""
    from docx import Document

    doc = Document()
    _prepare(doc)
    start = time.perf_counter()
    add_table_sheet(doc, content)
    return time.perf_counter() - start


def grid_walk(rows: int, cols: int = 8) -> None:
    """The old way's cost: every cell reached through ``table.cell(r, c)``."""
    from docx import Document

    table = Document().add_table(rows=rows, cols=cols)
    for r in range(rows):
        for c in range(cols):
            table.cell(r, c)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--walk-max", type=int, default=48, help="largest size for the table.cell walk")
    args = parser.parse_args()
    print(f"{'indicators':>10} {'rows':>5} {'table s':>8} {'µs/row':>7} {'x doubling':>10} "
          f"{'report_docx text only s':>23} {'with table s':>12} {'table.cell walk s':>18}")
    previous = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        report_docx(evaluation(12, Path(tmp)).narrative())  # warm up imports and caches
        for count in SIZES:
            ev = evaluation(count, Path(tmp))
            report = ev.narrative()
            tables = [s for s in output_sheets(ev, "") if s.title == "自评表"]
            rows = len({c.row for c in tables[0].cells})
            text = best_of(args.runs, lambda: report_docx(report, author="x"))  # noqa: B023
            full = best_of(args.runs, lambda: report_docx(report, tables, author="x"))  # noqa: B023
            table = min(table_only(tables[0]) for _ in range(args.runs))
            walk = best_of(1, lambda: grid_walk(rows)) if count <= args.walk_max else None  # noqa: B023
            ratio = f"{table / previous:.2f}" if previous else ""
            shown_walk = f"{walk:.2f}" if walk is not None else "—"
            print(f"{count:>10} {rows:>5} {table:>8.3f} {table / rows * 1e6:>7.0f} {ratio:>10} "
                  f"{text:>23.3f} {full:>12.3f} {shown_walk:>18}")
            previous = table


if __name__ == "__main__":
    main()
