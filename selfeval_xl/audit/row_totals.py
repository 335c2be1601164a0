"""The 合计 column of a table copied as text, one row a line, under its header: "县区 地方一般公共预算收入 上级政府转移支付
财政债券收入 合计" over "龙南 70.0 50.0 5.0 130.0" — each row's 合计 is the sum of its other cells (125.0, not 130.0).

Read only when the header names every column, one of them (the first or the last of the figures) is 合计/总计, no
other is a subtotal (小计, 其中…) or a rate, and the row prints exactly one number per column, none a percentage;
the rows read are those right under the header, each a paragraph of its own (``table_lines``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Finding, Paragraph
from selfeval_xl.audit.numbers import decimals_of, parse_decimal, printed_half_unit
from selfeval_xl.audit.table_lines import NAME_CELL, is_row

_SPLIT = re.compile(r"\s*\|\s*|\s+")
_TOTALS = ("合计", "总计")
_NOT_ADDED = ("小计", "其中", "率", "比", "占", "增减", "增长", "下降", "%")


def _cells(norm: str) -> list[str]:
    return [c for c in _SPLIT.split(norm.strip().strip("|")) if c]


_NUMBER = re.compile(r"^-?\d[\d,]*(?:\.\d+)?%?$")
_NAME = re.compile(rf"^{NAME_CELL}$")


def _header_columns(names: list[str]) -> tuple[list[str], int] | None:
    """The columns of a header (its cells after the first, the rows' names), and which of them is the total."""
    names = [name.replace(" ", "") for name in names]
    at = [k for k, name in enumerate(names) if name in _TOTALS]
    if len(names) < 3 or len(at) != 1 or at[0] not in (0, len(names) - 1):
        return None
    if any(word in name for name in names for word in _NOT_ADDED):
        return None  # a subtotal or a measure of another kind among the columns: not a sum across them
    return names, at[0]


def _with_first_row(norm: str) -> tuple[tuple[list[str], int] | None, list[str]]:
    """A header paragraph, its first row joined to it or not: the header's columns and that row's cells."""
    cells = _cells(norm)
    first = next((k for k, c in enumerate(cells) if _NUMBER.match(c)), len(cells))
    head = cells if first == len(cells) else cells[: first - 1]
    if len(head) < 4 or not all(_NAME.match(c) for c in head):
        return None, []
    return _header_columns(head[1:]), cells[len(head) :]


def _row_finding(a: Analysis, p: Paragraph, header: tuple[list[str], int], cells: list[str]) -> Finding | None:
    names, total_at = header
    numbers = cells[1:]
    if len(numbers) != len(names) or not all(_NUMBER.match(n) and not n.endswith("%") for n in numbers):
        return None
    values = [parse_decimal(n) for n in numbers]
    stated, parts = values[total_at], values[:total_at] + values[total_at + 1 :]
    texts = numbers[:total_at] + numbers[total_at + 1 :]
    found = sum(parts, Decimal(0))
    places = max(decimals_of(n) for n in numbers)
    slack = sum((printed_half_unit(n) for n in numbers if decimals_of(n) < places), Decimal(0))
    if abs(found - stated) <= slack:
        return None
    at = p.norm.find(cells[0])
    return finding(
        a, "sum_mismatch", p.index, p.norm.find(numbers[total_at], at + len(cells[0])), numbers[total_at], f"{found:.{places}f}",
        label=f"{cells[0]}{names[total_at]}", parts="+".join(f"({t})" if t.startswith("-") else t for t in texts),
    )  # fmt: skip


def check_row_totals(a: Analysis) -> Iterator[Finding]:
    header: tuple[list[str], int] | None = None
    for p in a.paragraphs:
        opened, first_row = _with_first_row(p.norm)
        if opened is not None:
            header = opened
            rows = [first_row] if first_row else []
        elif header is not None and is_row(p.norm):
            rows = [_cells(p.norm)]
        else:
            header = None
            continue
        for cells in rows:
            found = _row_finding(a, p, header, cells) if header is not None else None
            if found is not None:
                yield found
