"""The 得分 column of a 自评表 copied as text, one row a line: "一级指标 | 二级指标 | 分值 | 得分 |" over "决策 | 项目立项 |
10 | 9.5 |", …, "合计 | | 100 | 90.5 |" (or its cells between spaces, as a PDF gives them: "合 计 100 90.5") — the
合计 (总分) row's score is the sum of the rows' scores.

Read only when the header names a 分值 (权重, 标准分) column and a 得分 column after it, with nothing after 得分 but
text columns (原因, 说明, 措施…); each row's last two numbers are its weight and its score (a score over its
weight, or a row with fewer than two numbers, and the table is not read); and the rows' weights add up exactly
to the 合计 row's (or to 100 when that row prints its score alone), so that the rows are every indicator once — a
table printing each 一级指标's subtotal above its own indicators adds every weight twice and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Finding, Paragraph
from selfeval_xl.audit.numbers import decimals_of, fmt_number, parse_decimal, round_half_up

_WEIGHT = re.compile(r"^(?:指标)?(?:分值|权重|标准分值?|满分)(?:\(\d+分?\))?$")
_SCORE = re.compile(r"^(?:自评|实际|评价)?得分$|^自评分$")
_AFTER = re.compile(r"原因|说明|措施|备注|分析|依据|问题|扣分")
_TOTAL = re.compile(r"^(?:合计|总分|总计|综合得分|得分合计|自评总分)(?:\(\d+分?\))?$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_MEASURE = re.compile(r"率|分|值")
_PROSE = re.compile(r"[。,;:]")
_HUNDRED = Decimal(100)


_SPLIT = re.compile(r"\s*\|\s*|\s+")  # cells between "|", or between spaces (a table copied from a PDF)


def _cells(norm: str) -> list[str]:
    return [c for c in _SPLIT.split(norm.strip().strip("|")) if c]


def _label(cells: list[str]) -> str:
    """The words before a row's first number, spaces and all ("合 计" is 合计)."""
    return "".join(c for c in cells[: next((k for k, c in enumerate(cells) if _NUMBER.match(c)), len(cells))])


def _header(cells: list[str]) -> int | None:
    """How many of ``cells`` are the header (it may have the first row joined to it), or None."""
    weight = next((k for k, c in enumerate(cells) if _WEIGHT.match(c)), None)
    score = next((k for k, c in enumerate(cells) if _SCORE.match(c)), None)
    if weight is None or score is None or score <= weight:
        return None
    end = score + 1
    while end < len(cells) and _AFTER.search(cells[end]):
        end += 1
    if end < len(cells) and _MEASURE.search(cells[end]):
        return None  # "得分 | 得分率": another measure after the score
    return end


class _Table:
    def __init__(self) -> None:
        self.rows: list[tuple[Decimal, Decimal, str]] = []  # weight, score, the score as printed
        self.broken = False

    def add(self, cells: list[str]) -> None:
        numbers = [c for c in cells if _NUMBER.match(c)]
        if len(numbers) < 2:
            self.broken = True  # a row cut over two lines, or an indicator without its score
            return
        weight, score = parse_decimal(numbers[-2]), parse_decimal(numbers[-1])
        if score > weight:
            self.broken = True
            return
        self.rows.append((weight, score, numbers[-1]))


def _total_finding(a: Analysis, p: Paragraph, table: _Table, cells: list[str]) -> Finding | None:
    numbers = [c for c in cells if _NUMBER.match(c)]
    if table.broken or len(table.rows) < 2 or not numbers or len(numbers) > 2:
        return None
    weights = sum((w for w, _, _ in table.rows), Decimal(0))
    if weights != (parse_decimal(numbers[0]) if len(numbers) == 2 else _HUNDRED):
        return None
    stated = numbers[-1]
    found = sum((s for _, s, _ in table.rows), Decimal(0))
    places = decimals_of(stated)
    finer = max(decimals_of(t) for _, _, t in table.rows) > places
    if (round_half_up(found, places) if finer else found) == parse_decimal(stated):
        return None
    at = p.norm.rfind(stated)
    return finding(
        a, "score_sum_mismatch", p.index, at, f"{stated}分", f"{fmt_number(found)}分",
        label=_label(cells), parts="+".join(t for _, _, t in table.rows),
    )  # fmt: skip


def check_score_tables(a: Analysis) -> Iterator[Finding]:
    table: _Table | None = None
    for p in a.paragraphs:
        if _PROSE.search(p.norm) or p.level:
            table = None  # a sentence or a heading ends the table
            continue
        cells = _cells(p.norm)
        head = _header(cells)
        if head is not None:
            table = _Table()
            cells = cells[head:]
            if not cells:
                continue
        if table is None:
            continue
        if _TOTAL.match(_label(cells)):
            found = _total_finding(a, p, table, cells)
            if found is not None:
                yield found
            table = None
            continue
        table.add(cells)
