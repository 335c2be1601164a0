"""Rows of a flattened comparison table (a 三公 or 收支 table of two years with its change columns):

    项目 | 2022年预算数 | 2023年预算数 | 增减额 | 增减率 |
    2、公务接待费 | 1114.54 | 989.86 | -124.68 | -11.19% |

Read only when a header row on one line (or with its change columns named on the line below a cell
spanning them: "比上年增、减情况" over "增、减金额 | 增、减幅度") names exactly two figure columns of a year or period (上年/本年/
20XX年 … 数, never 增减) and a change column after them (增减/增减额/比上年增减: the amount; a change column
named 率/幅度/% or 增长率: the percentage; 本期/上年同期 and 增加额 too), and a row under it has a number, and nothing else, in every one
of those columns, in the same cell positions. The earlier year is the prior (上年 before 本年). The change
must be current − prior exactly; its percentage the change over the prior at its printed decimals (a trailing zero
may be the table's padding: "4.60%" for 4.6%; a value cut instead of rounded is a truncation, a 提示). A column named
增长 alone is read as the percentage where its cells print "%". A row whose numbers fill the figure columns exactly
but which has fewer cells before them than the header lacks a name cell spanning rows above it ("经济指标" printed
once over 总收入 and 总支出): its cells are read from the right.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from decimal import ROUND_DOWN, Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Finding
from selfeval_xl.audit.numbers import decimals_of, round_half_up

_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?%?$")
_YEAR = re.compile(r"(20\d\d)\s*年")
# "本期 | 上年同期", "上年度 | 本年度"
_PERIOD = re.compile(r"(?:上年|本年|20\d\d\s*年).*数|^(?:本期|上期|本年|上年)(?:同期|度)?(?:金额)?$")
_RATE_WORDS = ("率", "幅度", "%", "百分比")
_HUNDRED = Decimal(100)
_NOT_FIGURES = ("原因", "说明", "情况", "理由")  # "增减原因": a column of words
_WIDEST = 16  # columns of a header read at most


def _runs(a: Analysis) -> Iterator[list[tuple[str, int, int]]]:
    """The cells (text, paragraph, offset) of each run of paragraphs with "|" in them. A table copied
    line by line may come back with its rows joined (a row's last "|" glued to the next row's name), so
    the cells are read as one sequence and a row is found by its name and the columns after it."""
    run: list[tuple[str, int, int]] = []
    for p in a.paragraphs:
        if "|" not in p.norm:
            if run:
                yield run
            run = []
            continue
        pos = 0
        for cell in p.norm.split("|"):
            stripped = cell.strip()
            # (a cell's words read without the spaces a PDF prints between characters: "增 、减 金 额")
            run.append((stripped.replace(" ", ""), p.index, pos + (cell.find(stripped) if stripped else 0)))
            pos += len(cell) + 1
    if run:
        yield run


def _order(prior: str, current: str) -> bool | None:
    """True when the columns are printed prior first; None when the header does not say."""
    years = [_YEAR.search(h) for h in (prior, current)]
    if years[0] and years[1] and years[0].group(1) != years[1].group(1):
        return years[0].group(1) < years[1].group(1)
    this, last = ("本年", "本期"), ("上年", "上期")
    if any(w in prior for w in last) and any(w in current for w in this):
        return True
    if any(w in prior for w in this) and any(w in current for w in last):
        return False
    return None


def _header(cells: list[str]) -> tuple[int, int, int | None, int | None] | None:
    """(prior column, current column, change amount column, change rate column) of a header row."""
    periods = [i for i, c in enumerate(cells) if i and _PERIOD.search(c) and "增" not in c and "减" not in c]
    changes = [
        i for i, c in enumerate(cells)
        if i and ("增减" in c or "增、减" in c or "增长" in c or c in ("增加额", "增加数")) and not any(w in c for w in _NOT_FIGURES)
    ]  # fmt: skip
    if len(periods) != 2 or not changes or min(changes) < max(periods):
        return None
    first, second = periods
    order = _order(cells[first], cells[second])
    if order is None:
        return None
    prior, current = (first, second) if order else (second, first)
    amount = [i for i in changes if not any(w in cells[i] for w in _RATE_WORDS) and "增长" not in cells[i]]
    rate = [i for i in changes if any(w in cells[i] for w in _RATE_WORDS)]
    if not amount and not rate and [cells[i] for i in changes] == ["增长"]:
        rate = changes  # "上年度 | 本年度 | 增长": a percentage where its cells print "%" (``_row``)
    if len(amount) > 1 or len(rate) > 1 or not (amount or rate):
        return None
    return prior, current, amount[0] if amount else None, rate[0] if rate else None


def _value(cell: str) -> Decimal:
    return Decimal(cell.rstrip("%"))


def check_table_changes(a: Analysis) -> Iterator[Finding]:
    for cells in _runs(a):
        texts = [c[0] for c in cells]
        # for each cell, the first number or empty cell at or after it (one pass from the right, so that the
        # scan stays linear however long a run of word cells is)
        stop = [len(texts)] * (len(texts) + 1)
        for i in range(len(texts) - 1, -1, -1):
            stop[i] = i if not texts[i] or _NUMBER.match(texts[i]) else stop[i + 1]
        header: tuple[int, int, int | None, int | None] | None = None
        names: list[str] = []
        rows: list[tuple[list[tuple[str, int, int]], tuple[int, int, int | None, int | None], list[str]]] = []
        k = 0
        while k < len(cells):
            if stop[k] == k:
                k += 1
                continue
            # a header: this cell and the word cells after it, up to the first number or empty cell (a header
            # is never wider than _WIDEST columns)
            end = min(stop[k], k + _WIDEST)
            found = _header(texts[k:end])
            if found is None and (two := _two_line_header(texts, stop, k, end)) is not None:
                header, names, k = two
                continue
            if found is not None:
                header, names = found, texts[k:end]
                # a row glued to the header ("…| 增减率 |合计 | 100.00 | …"): its name is the run's last cell
                glued = end < len(texts) and _NUMBER.match(texts[end]) and _header(texts[k : end - 1]) == found
                k = end - 1 if glued else end
                continue
            if header is not None and (row := _row_cells(cells, stop, k, header)) is not None:
                rows.append((row, header, names))
                k += sum(paragraph >= 0 for _, paragraph, _ in row)  # past the row's own cells
                continue
            k += 1
        # each table's rate column, read once: where a zero after the point may be its padding
        columns: dict[int, list[str]] = defaultdict(list)
        for row, header, _ in rows:
            if header[3] is not None:
                columns[id(header)].append(row[header[3]][0])
        pads = {key: _column_padding(cells) for key, cells in columns.items()}
        for row, header, names in rows:
            yield from _row(a, row, header, names, pads.get(id(header), {}))


def _padding(stop: list[int], k: int, header: tuple[int, int, int | None, int | None]) -> int:
    """The cells a row starting at ``k`` lacks before its figures: a name cell spanning rows above it (a 一级指标
    printed once over its 二级指标 rows)."""
    return max(min(i for i in header if i is not None) - (stop[k] - k), 0)


def _row_cells(
    cells: list[tuple[str, int, int]], stop: list[int], k: int, header: tuple[int, int, int | None, int | None]
) -> list[tuple[str, int, int]] | None:
    """The cells of the row that starts at ``k``, padded on the left for a name cell spanning rows, when every
    figure column holds a number; else None."""
    pad = _padding(stop, k, header)
    width = max(i for i in header if i is not None) + 1
    if pad:
        # only a row whose numbers fill the figure columns exactly lacks a name cell ("总支出 | 万元 | 551.8 | 280.1 |
        # -49.20%" under "一级指标 | 二级指标 | 单位 | 上年度 | 本年度 | 增长"); a 行次 number is no figure
        run = stop[k]
        while run < len(cells) and run - stop[k] <= width and _NUMBER.match(cells[run][0]):
            run += 1
        if run - stop[k] != width - min(i for i in header if i is not None):
            pad = 0
    row = [("", -1, -1)] * pad + cells[k : k + width - pad]
    if len(row) < width or not all(_NUMBER.match(row[i][0]) for i in header if i is not None):
        return None
    return row


_SPANNING = re.compile(r"增、?减(?:情况|变化|变动)")  # a header cell over the change columns of the line below
_SUB_HEADERS = 2  # the change columns under it: 增减金额, 增减幅度


def _two_line_header(
    texts: list[str], stop: list[int], k: int, end: int
) -> tuple[tuple[int, int, int | None, int | None], list[str], int] | None:
    """A header whose last cell spans the change columns named on the line below ("项目 | 2023年预算数 |
    2024年预算数 | 比上年增、减情况 |" then "增、减金额 | 增、减幅度 |"): the header, its column names and where its
    rows begin."""
    names = texts[k:end]
    if not names or not _SPANNING.search(names[-1]):
        return None
    j = end
    while j < len(texts) and j < end + 8 and not texts[j]:
        j += 1
    if j >= len(texts) or _NUMBER.match(texts[j]):
        return None
    subs = texts[j : min(stop[j], j + _SUB_HEADERS + 1)]
    if not 1 <= len(subs) <= _SUB_HEADERS or not all(("增" in c and "减" in c) or "增长" in c for c in subs):
        return None
    found = _header(names[:-1] + subs)
    return None if found is None else (found, names[:-1] + subs, j + len(subs))


def _row(
    a: Analysis, cells: list[tuple[str, int, int]], header: tuple[int, int, int | None, int | None], names: list[str],
    pads: Mapping[int, bool],
) -> Iterator[Finding]:
    """The row's change and percentage; ``pads``: by decimals printed, whether a zero after the point may be the rate
    column's padding (``_column_padding``; yes when not known)."""
    prior_at, current_at, amount_at, rate_at = header
    used = [i for i in header if i is not None]
    texts = [c[0] for c in cells]
    if len(texts) <= max(used) or not all(_NUMBER.match(texts[i]) for i in used):
        return
    if any(texts[i].endswith("%") for i in (prior_at, current_at)) or (amount_at is not None and texts[amount_at].endswith("%")):
        return
    prior, current = _value(texts[prior_at]), _value(texts[current_at])
    change = current - prior
    shared = {"current": texts[current_at], "prior": texts[prior_at], "prior_label": names[prior_at], "current_label": names[current_at]}
    row = " | ".join(text for text, paragraph, _ in cells if paragraph >= 0)  # the row (its own cells), not the table
    if amount_at is not None and not _agrees(texts[amount_at], change, _value(texts[amount_at])):
        _, paragraph, pos = cells[amount_at]
        found = finding(a, "yoy_change_mismatch", paragraph, pos, texts[amount_at], f"{change}", **shared)
        yield replace(found, sentence=row)
    if rate_at is not None and prior and (texts[rate_at].endswith("%") or names[rate_at] != "增长"):
        stated = texts[rate_at]
        places = decimals_of(stated)
        exact = change / prior * _HUNDRED
        # a table's format pads a rounding with zeros ("4.60%" for 4.6% of 4.636%): each zero may be padding
        decimals = stated.rstrip("%").partition(".")[2]  # (only a zero after the point: "100%" pads nothing)
        zeros = len(decimals) - len(decimals.rstrip("0")) if pads.get(places, True) else 0
        padded = range(places, places - zeros - 1, -1)
        if not any(_agrees(stated, round_half_up(exact, n), _value(stated)) for n in padded):
            _, paragraph, pos = cells[rate_at]
            cut = _agrees(stated, exact.quantize(Decimal(1).scaleb(-places), ROUND_DOWN), _value(stated))
            expected = f"{round_half_up(exact, places if cut else max(places, 2))}%"
            code = "yoy_truncated" if cut else "yoy_mismatch"
            found = finding(a, code, paragraph, pos, stated, expected, change=f"{change}", exact=f"{round_half_up(exact, 4)}%", **shared)
            yield replace(found, sentence=row)


def _column_padding(cells: Sequence[str]) -> dict[int, bool]:
    """For each count of decimals the rate column prints, may a zero after the point of a cell printed so be padding?
    When the column's other cells print as many decimals or more, or those that print as many all end in a zero too
    ("4.60%", "15.10%" beside "176%": a table padding one-decimal values); not when it is the only one among fewer
    ("2.40%" beside "437.7%", "-6.1%": a format of one decimal). (Asked only of a cell ending in a zero.)"""
    decimals = [decimals_of(cell) for cell in cells]
    fewest = min(decimals, default=0)
    printed = Counter(decimals)
    unpadded = Counter(n for cell, n in zip(cells, decimals, strict=True) if not cell.rstrip("%").endswith("0"))
    return {n: len(cells) == 1 or fewest >= n or (printed[n] >= 2 and not unpadded[n]) for n in printed}


def _agrees(stated: str, expected: Decimal, value: Decimal) -> bool:
    # a change printed without its sign ("124.68" in a column of decreases) is read as its size
    return value == expected or (not stated.startswith("-") and value == abs(expected))
