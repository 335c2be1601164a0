"""Completion rates whose budget only a 三公 table prints: "公务接待费支出决算为41.61万元,完成预算的
24.33%" under a table whose 公务接待费 columns read 预算数 188.11, 决算数 41.61 — the rate is the prose's
amount over the table's budget for the same item, and is judged only when the table's 决算数 is the
very number the prose prints."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace

from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding
from selfeval_xl.audit.named import name_before
from selfeval_xl.audit.numbers import parse_decimal, printed_digits
from selfeval_xl.audit.ratios import percent_finding
from selfeval_xl.audit.text import sentence_bounds

_COMPLETED = re.compile(r"完成(?:全年|年初)?预算(?:数)?的\s*$")
# the 三公 items by the words of their names, the narrower first
_ITEMS = (
    ("abroad", ("因公出国",)),
    ("reception", ("公务接待",)),
    ("vehicles", ("公务用车购置及运行",)),
    ("running", ("运行维护", "运行费")),
    ("purchase", ("购置",)),
    ("total", ("三公",)),
)


def _item(name: str) -> str | None:
    return next((kind for kind, words in _ITEMS if any(w in name for w in words)), None)


_REACH = 40  # paragraphs after the table its notes may take


def completions(a: Analysis, columns: dict[str, tuple[str, str]], table: int) -> Iterator[Finding]:
    """Each "…X决算为A万元,完成预算的P%" of a 三公 item, in the paragraphs after the table (the one at
    ``table``), against the table's (预算数, 决算数) of that item."""
    place = lambda f: f.paragraph  # noqa: E731  (figures are in reading order)
    near = a.figures[bisect_left(a.figures, table, key=place) : bisect_left(a.figures, table + _REACH + 1, key=place)]
    amounts: dict[int, list[Figure]] = {}
    for f in near:
        if f.kind is FigureKind.AMOUNT and f.exact and f.value is not None:
            amounts.setdefault(f.paragraph, []).append(f)
    for pct in near:
        if pct.kind is not FigureKind.PERCENT:
            continue
        norm = a.paragraph(pct.paragraph).norm
        if not _COMPLETED.search(norm, max(0, pct.start - 12), pct.start):
            continue
        s0, _ = sentence_bounds(norm, pct.start)
        before = [f for f in amounts.get(pct.paragraph, []) if s0 <= f.start < pct.start]
        if not before or norm.rfind(";", before[-1].start, pct.start) >= 0:
            continue
        executed = before[-1]
        kind = _item(name_before(norm, executed.start, 24))
        if kind is None or kind not in columns:
            continue
        budget_cell, actual_cell = columns[kind]
        actual, budget = parse_decimal(actual_cell), parse_decimal(budget_cell)
        if printed_digits(actual_cell) != printed_digits(executed.text) or not budget or not actual or executed.value is None:
            continue
        budget_figure = replace(executed, value=executed.value * budget / actual, text=budget_cell, decimals=len(budget_cell.partition(".")[2]))
        found = percent_finding(
            a, pct, executed, budget_figure, ("execution_rate_mismatch", "rate_truncated"),
            budget=budget_cell, executed=executed.text,
        )  # fmt: skip
        if found is not None:
            yield found
