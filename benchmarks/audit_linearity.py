"""Audit time against text length: 1x, 2x, 4x, 8x copies of the real corpus, in one run.

Run from the repository root: ``python benchmarks/audit_linearity.py [--base N]``.

Four shapes are timed: the corpus texts one after another (many paragraphs, as a long report);
the same text with every line break, sentence end and clause break turned into a space (one endless
clause, as text extracted from a PDF without punctuation), which used to make the role search
quadratic; the same turned into " | " (one flattened table); and every clause a row "| … |" of its own
line (one paragraph of many lines, as a table copied one row a line), which used to make the line join
quadratic (it normalised the whole paragraph again for each line). A fifth, "made-up 绩效", is not the corpus: the made-up
绩效自评 paragraphs of the tests (tests/audit/made_up_paragraphs.py) run together into one paragraph of clauses — budgets,
funds arrived, spending, 执行率 and scores by the thousand — where the twenty-eighth round's rate readings first looked
back over the whole paragraph for each rate (quadratic; now bounded). A sixth, "made-up 评分": 项目 reports scored section by
section with their totals and grades (``scored_report``), one after another — where the twenty-ninth round's grade pairing
and section sums first looked at every score of the text for each grade and each run of sections (quadratic; now indexed).
A seventh, "made-up 自评表": 自评表 kept one row a line and 项目 fund paragraphs (``score_table``, ``money_use_rates``), one
after another — the thirtieth round's score-table sums and its rates of what was paid read back two sentences.
Each size is timed in the same process, best of three; the ratio column is the time against the 1x time, which a linear auditor keeps near the size factor.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "audit")]

from made_up_paragraphs import (  # noqa: E402
    department_paragraphs,
    money_use_rates,
    outcome_paragraphs,
    programme_paragraphs,
    project_paragraphs,
    score_table,
    scored_report,
)

from selfeval_xl.audit import audit_text  # noqa: E402  (path set above)

# line breaks, sentence ends and clause breaks, half- and full-width
_BREAKS = "\n,;:\u3002!?()\uff0c\uff1b\uff1a\uff01\uff1f\uff08\uff09"

TEXTS = sorted((ROOT / "tests" / "audit" / "real" / "texts").glob("*.txt"))


def _best(text: str, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        audit_text(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", type=int, default=1, help="copies of the corpus in the 1x text")
    parser.add_argument("--shape", choices=("paragraphs", "one clause", "one table", "lines", "made-up 绩效", "made-up 评分", "made-up 自评表"),
                        action="append")
    args = parser.parse_args()
    corpus = "\n\n".join(p.read_text("utf-8") for p in TEXTS) * args.base
    one_clause = "".join(" " if c in _BREAKS else c for c in corpus)
    # the same text as one flattened table: every clause a cell of one line (a long run of word cells)
    one_table = "".join(" | " if c in _BREAKS else c for c in corpus)
    # every clause a table row of its own line ("| 基本支出 1200万元 |"): one paragraph of many lines, each joining the one
    # before; a paragraph that grows with the text (the corpus repeated, one paragraph still)
    cells = (c.strip() for c in re.split(f"[{re.escape(_BREAKS)}]+", corpus))
    lines = "".join(f"| {cell} |\n" for cell in cells if cell)
    kinds = (project_paragraphs, department_paragraphs, programme_paragraphs, outcome_paragraphs)
    made_up = ";".join(
        line for seed in range(250 * args.base) for line in kinds[seed % 4](random.Random(seed)).split("\n") if "|" not in line
    )  # one paragraph: the table rows left out, every other line a clause of it
    scored = "\n".join(scored_report(random.Random(seed)) for seed in range(300 * args.base))
    tables = "\n".join(score_table(random.Random(seed)) + "\n" + money_use_rates(random.Random(seed)) for seed in range(300 * args.base))
    shapes = (
        ("paragraphs", corpus), ("one clause", one_clause), ("one table", one_table), ("lines", lines), ("made-up 绩效", made_up),
        ("made-up 评分", scored), ("made-up 自评表", tables),
    )  # fmt: skip
    for name, base in shapes:
        if args.shape and name not in args.shape:
            continue
        print(f"{name}: 1x = {len(base):,} characters")
        first = 0.0
        for factor in (1, 2, 4, 8):
            text = (base + {"paragraphs": "\n\n", "lines": "", "made-up 评分": "\n", "made-up 自评表": "\n"}.get(name, " ")) * factor
            seconds = _best(text)
            first = first or seconds
            print(f"  {factor}x  {len(text):>10,} chars  {seconds:8.3f} s  ratio {seconds / first:5.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
