"""Completion rates whose budget only a 三公 table prints: "公务接待费支出决算为41.61万元,完成预算的
24.33%" under a table whose 公务接待费 columns read 预算数 188.11, 决算数 41.61 — the rate is the prose's
amount over the table's budget for the same item, and is judged only when the table's 决算数 is the
very number the prose prints."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace

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


@dataclass(frozen=True)
class Note:
    """A "…X决算为A万元,完成预算的P%" of a 三公 item: the percentage, the amount before it, the item."""

    paragraph: int
    pct: Figure
    executed: Figure
    item: str


def completion_notes(a: Analysis) -> list[Note]:
    """Every completion note of the text, in reading order: one pass, so that each table then takes
    the notes after it by bisection instead of rescanning the text (a flattened text may hold many
    三公 tables in one paragraph)."""
    amounts = a.by_paragraph(lambda f: f.kind is FigureKind.AMOUNT and f.exact and f.value is not None)
    notes: list[Note] = []
    for pct in a.figures:
        if pct.kind is not FigureKind.PERCENT:
            continue
        norm = a.paragraph(pct.paragraph).norm
        if not _COMPLETED.search(norm, max(0, pct.start - 12), pct.start):
            continue
        row = amounts.get(pct.paragraph, [])
        i = bisect_left(row, pct.start, key=lambda f: f.start)
        if i == 0:
            continue
        executed = row[i - 1]
        s0, _ = sentence_bounds(norm, pct.start)
        if executed.start < s0 or norm.rfind(";", executed.start, pct.start) >= 0:
            continue
        item = _item(name_before(norm, executed.start, 24))
        if item is not None:
            notes.append(Note(pct.paragraph, pct, executed, item))
    return notes


def completions(a: Analysis, notes: list[Note], columns: dict[str, tuple[str, str]], table: int) -> Iterator[Finding]:
    """Each completion note of a 三公 item (``notes``, from :func:`completion_notes`) in the paragraphs
    after the table (the one at ``table``), against the table's (预算数, 决算数) of that item."""
    place = lambda n: n.paragraph  # noqa: E731
    for note in notes[bisect_left(notes, table, key=place) : bisect_left(notes, table + _REACH + 1, key=place)]:
        if note.item not in columns:
            continue
        executed = note.executed
        budget_cell, actual_cell = columns[note.item]
        actual, budget = parse_decimal(actual_cell), parse_decimal(budget_cell)
        if printed_digits(actual_cell) != printed_digits(executed.text) or not budget or not actual or executed.value is None:
            continue
        budget_figure = replace(executed, value=executed.value * budget / actual, text=budget_cell, decimals=len(budget_cell.partition(".")[2]))
        found = percent_finding(
            a, note.pct, executed, budget_figure, ("execution_rate_mismatch", "rate_truncated"),
            budget=budget_cell, executed=executed.text,
        )  # fmt: skip
        if found is not None:
            yield found
