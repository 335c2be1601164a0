"""The standard 绩效自评表 row, flattened into text: "年度资金总额 | 年初预算数 | 全年预算数 |
全年执行数 | 分值 | 执行率 | 得分" with its numbers one after another.

Only this row is read, and only when its header is printed before it in the same paragraph, so
the numbers can be assigned to columns by the header's order; the 执行率 must then equal
全年执行数 ÷ 全年预算数 at its printed decimals (a cut value is a warning). Other flattened
tables are not read as tables: their cells never become relations.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from itertools import accumulate

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Finding
from selfeval_xl.audit.numbers import decimals_of, fmt_percent, parse_decimal, round_half_up
from selfeval_xl.audit.sums import truncated_value

_COLUMNS = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
_ROW = re.compile(r"年度资金总额[\s|:]*((?:\d+(?:\.\d+)?%?(?:[\s|]+|$)){3,6})")
_CELL = re.compile(r"\d+(?:\.\d+)?%?")
_HUNDRED = Decimal(100)
_SEP = " | "


def _header(text: str, end: int) -> list[str] | None:
    """The 自评表 columns printed in order within the 160 characters before ``end`` (cells of a
    header split over lines or cells, "年初 | 预算数", read as one)."""
    window = re.sub(r"[\s|]", "", text[max(0, end - 160) : end])
    found, at = [], 0
    for column in _COLUMNS:
        pos = window.find(column, at)
        if pos >= 0:
            found.append(column)
            at = pos + len(column)
    return found if {"全年预算数", "全年执行数", "执行率"} <= set(found) else None


def check_table_rates(a: Analysis) -> Iterator[Finding]:
    """执行率 of a flattened 自评表 row against its 全年执行数 ÷ 全年预算数.

    The paragraphs are read as one text joined by " | ": a table copied with one cell per
    paragraph reads like one copied with "|" between its cells."""
    text = _SEP.join(p.norm for p in a.paragraphs)
    starts = list(accumulate((len(p.norm) + len(_SEP) for p in a.paragraphs), initial=0))
    for m in _ROW.finditer(text):
        columns = _header(text, m.start())
        if columns is None:
            continue
        cells = list(_CELL.finditer(m.group(1)))
        if len(cells) < len(columns):
            continue
        values = dict(zip(columns, cells, strict=False))
        rate, budget, executed = values["执行率"], values["全年预算数"], values["全年执行数"]
        if not rate.group().endswith("%") or budget.group().endswith("%") or executed.group().endswith("%"):
            continue
        base = parse_decimal(budget.group())
        if not base:
            continue
        exact = parse_decimal(executed.group()) / base * _HUNDRED
        stated, places = parse_decimal(rate.group()), min(decimals_of(rate.group()), 4)
        if round_half_up(exact, places) == stated:
            continue
        code = "rate_truncated" if truncated_value(stated, places, exact) else "execution_rate_mismatch"
        at = m.start(1) + rate.start()
        k = bisect_right(starts, at) - 1
        p = a.paragraphs[k]
        pos = at - starts[k]
        found = finding(
            a, code, p.index, pos, p.text[pos : pos + len(rate.group())], fmt_percent(exact, max(places, 2)),
            budget=budget.group(), executed=executed.group(),
        )  # fmt: skip
        row = text[m.start() : m.end()].strip(" |")
        yield replace(found, sentence=row)  # the row, not the table
