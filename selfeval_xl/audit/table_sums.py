"""Parent rows of a flattened table and the numbered rows under them, and the rows of a 三公 table: "项目支出: | 1505.3 | 1377.9 |
1369.3" followed by "1、中介服务 | 1049.4 | 960.00 | 958.7", "2、信息化建设 | 156.6 | …", … — every
column of the parent must be the sum of that column over its numbered rows.

The paragraphs are read as one text joined by " | " (a table copied one cell per paragraph reads
like one copied with "|" between cells); a row is a cell with Chinese text and the numbers after
it. Read only when the rows under the parent are numbered 1, 2, 3… without a gap, number at least
two, and each has exactly as many numbers as the parent; the first row without a number ends them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import accumulate

from selfeval_xl.audit.completions import Note, completion_notes, completions
from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Finding
from selfeval_xl.audit.numbers import decimals_of, parse_decimal
from selfeval_xl.audit.text import is_cjk

_SEP = " | "
_NUMBER = re.compile(r"^-?\d[\d,']*(?:\.\d+)?$")
_GLUED = re.compile(r"^(-?\d[\d,']*(?:\.\d+)?)\s*([\u4e00-\u9fff].*)$")
_ITEM = re.compile(r"^\s*(?:(\d{1,2})\s*[、.]|\((\d{1,2})\))")  # on normalised text
_NOT_A_PARENT = ("栏次", "合计", "总计", "项目名称", "单位")
_MARK = re.compile(r"^\s*[一二三四五六七八九十]+\s*、")  # a first-level row ("一、本级收入")


@dataclass(frozen=True, slots=True)
class _Row:
    label: str
    numbers: tuple[tuple[str, int], ...]  # (cell text, offset in the joined text)


# "一、支出合计 4.9 0 0 0": rows copied onto lines, their cells separated by spaces (never prose: a token
# of its own that is a unit, "100 万元", marks spaced prose)
_TOKEN = re.compile(r"\S+")
_UNIT_TOKEN = re.compile(r"^(?:亿|万|千)?元|^%")


def _cells(text: str) -> Iterator[tuple[str, int]]:
    """The cells of the joined text and their offsets: "|"-separated, spaced rows split into their cells."""
    pos = 0
    for cell in text.split("|"):
        stripped = cell.strip()
        at = pos + cell.find(stripped) if stripped else pos
        pos += len(cell) + 1
        tokens = list(_TOKEN.finditer(stripped))
        spaced = any(_NUMBER.match(t.group()) for t in tokens[1:]) and not any(_UNIT_TOKEN.match(t.group()) for t in tokens)
        if not spaced or not any(is_cjk(c) for c in tokens[0].group()):
            yield stripped, at
            continue
        yield from ((t.group(), at + t.start()) for t in tokens)


def _rows(text: str) -> Iterator[_Row]:
    label: str | None = None
    numbers: list[tuple[str, int]] = []
    for stripped, at in _cells(text):
        if not stripped:
            continue
        glued = _GLUED.match(stripped)
        if glued and label is not None:  # "320.0项目支出:": a row's last number and the next row's label
            numbers.append((glued.group(1), at))
            stripped, at = glued.group(2), at + glued.start(2)
        if _NUMBER.match(stripped):
            if label is not None:
                numbers.append((stripped, at))
            continue
        if any(is_cjk(c) for c in stripped):
            if label is not None:
                yield _Row(label, tuple(numbers))
            label, numbers = stripped, []
    if label is not None:
        yield _Row(label, tuple(numbers))


def _number(label: str) -> int | None:
    m = _ITEM.match(label)
    return int(m.group(1) or m.group(2)) if m else None


def check_table_sums(a: Analysis) -> Iterator[Finding]:
    text = _SEP.join(p.norm for p in a.paragraphs)
    starts = list(accumulate((len(p.norm) + len(_SEP) for p in a.paragraphs), initial=0))
    rows = list(_rows(text))
    yield from _numbered_rows(a, rows, starts)
    yield from _sangong_rows(a, rows, starts)
    yield from _sangong_columns(a, rows, starts)


def _numbered_rows(a: Analysis, rows: list[_Row], starts: list[int]) -> Iterator[Finding]:
    for k, parent in enumerate(rows):
        if not parent.numbers or _number(parent.label) is not None or any(w in parent.label for w in _NOT_A_PARENT):
            continue
        children: list[_Row] = []
        j = k + 1
        while j < len(rows) and _number(rows[j].label) == len(children) + 1:
            if len(rows[j].numbers) != len(parent.numbers):
                break
            children.append(rows[j])
            j += 1
        if len(children) < 2:
            continue
        if k and rows[k - 1].numbers and _MARK.match(rows[k - 1].label) and _MARK.match(parent.label):
            # "一、本级收入 | 50.38 | 一、本级支出 | 99.97 | 1.税收收入 | 16.48 | 2.非税收入 | 33.9": a 收入 | 支出
            # table side by side; the rows under the pair may be either one's, so neither is judged
            continue
        yield from _columns(a, starts, parent, children)


def _mismatch(
    a: Analysis, starts: list[int], parent: _Row, stated: str, at: int, cells: list[str], found: Decimal, code: str = "sum_mismatch"
) -> Finding:
    i = bisect_right(starts, at) - 1
    p = a.paragraphs[i]
    places = max(decimals_of(c) for c in (*cells, stated))
    result = finding(
        a, code, p.index, at - starts[i], stated, f"{found:.{places}f}",
        label=parent.label.rstrip(":"), parts="+".join(f"({c})" if c.startswith("-") else c for c in cells),
    )  # fmt: skip
    return replace(result, sentence=f"{parent.label} {' | '.join(n for n, _ in parent.numbers)}")


# A 三公 table flattened to text ("因公出国(境)费 | 0 | 公务接待费 | 71.53 | … | 总“三公”经费支出 | 1928.76"):
# its rows are known by their names, in any order, and add up like the prose does.
_LABEL_PREFIX = re.compile(r"^(?:其中\s*:?\s*)?(?:\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十\d]+\s*[、.])?\s*")
_SANGONG_ROWS = (
    ("total", re.compile(r"^(?:总?\W*三公\W*经费(?:支出)?(?:合计|总计|小计)?|(?:支出)?合计|(?:支出)?总计)$")),  # 合计 with the three near
    ("abroad", re.compile(r"^因公出国\(境\)(?:费用?|经费)?(?:支出)?$")),
    ("reception", re.compile(r"^公务接待(?:费用?)?(?:支出)?$")),
    ("vehicles", re.compile(r"^公务用车(?:购置及运行(?:维护)?)?(?:费用?)?(?:支出)?$")),
    ("purchase", re.compile(r"^公务用车购置(?:费用?)?(?:支出)?$")),
    ("running", re.compile(r"^公务用车运行(?:及)?维护(?:费用?)?(?:支出)?$|^公车运行及维护$")),
)
_SANGONG_REACH = 8  # rows on either side of the total


def _kind(label: str) -> str | None:
    name = _LABEL_PREFIX.sub("", label).replace("\u201c", "").replace("\u201d", "").rstrip(":").replace(" ", "")
    return next((kind for kind, pattern in _SANGONG_ROWS if pattern.match(name)), None)


def _sangong_rows(a: Analysis, rows: list[_Row], starts: list[int]) -> Iterator[Finding]:
    kinds = [_kind(row.label) if row.numbers and len(row.label) <= 24 else None for row in rows]
    for k, total in enumerate(rows):
        if kinds[k] != "total":
            continue
        near: dict[str, _Row] = {}
        for j in sorted(range(max(0, k - _SANGONG_REACH), min(len(rows), k + _SANGONG_REACH + 1)), key=lambda j: abs(j - k)):
            kind = kinds[j]
            if kind and kind != "total" and kind not in near:
                near[kind] = rows[j]
        vehicles = near.get("vehicles")
        splits = [("purchase", "running")] if "purchase" in near and "running" in near else []
        if vehicles is not None and splits:
            yield from _columns(a, starts, vehicles, [near["purchase"], near["running"]])
        if "abroad" in near and "reception" in near and (vehicles is not None or splits):
            own = [near["abroad"], near["reception"]]
            own += [vehicles] if vehicles is not None else [near["purchase"], near["running"]]
            yield from _columns(a, starts, total, own)


def _signed(cell: str) -> Decimal:
    """A cell's value with its sign ("-124.68": a decrease in a 增减 column)."""
    return -parse_decimal(cell) if cell.lstrip().startswith("-") else parse_decimal(cell)


def _columns(a: Analysis, starts: list[int], parent: _Row, parts: list[_Row]) -> Iterator[Finding]:
    """Every column the parent and all its parts print must add up (half a unit of slack per value)."""
    width = min(len(row.numbers) for row in (parent, *parts))
    for column in range(width):
        stated, at = parent.numbers[column]
        cells = [row.numbers[column][0] for row in parts]
        found = sum((_signed(c) for c in cells), Decimal(0))
        # each printed value carries half a unit of its last digit; a printed 0 is nothing spent
        slack = sum((Decimal(5).scaleb(-decimals_of(c) - 1) for c in (*cells, stated) if parse_decimal(c)), Decimal(0))
        diff = abs(found - _signed(stated))
        if diff > slack:
            yield _mismatch(a, starts, parent, stated, at, cells, found)
        elif diff and len({decimals_of(c) for c in (*cells, stated)}) == 1:
            # cells printed alike that miss by their rounding: the printed table does not add up (as in prose)
            yield _mismatch(a, starts, parent, stated, at, cells, found, "sum_rounding_gap")


# The 三公 table with its header first, one cell per line, then every value (the Shanghai 决算 template):
# "合计 | 因公出国 | (境)费 | 公务用车购置及运行维护费 | 公务接待费 | 小计 | 公务用车 | 购置费 | … | 预算数 | 决算数 | … |
# 683.51 | 358.18 | 80.00 | …": the columns are 合计, 因公出国(境)费, 公务用车 小计, 购置费, 运行维护费, 公务接待费,
# each with its 预算数 and 决算数 (or only one of them).
_HEADER_WORDS = ("合计", "因公出国", "公务用车购置及运行维护费", "公务接待费", "小计", "购置费", "运行维护费")
_COLUMNS = ("total", "abroad", "vehicles", "purchase", "running", "reception")


def _in_order(text: str, words: tuple[str, ...]) -> bool:
    """Does each of ``words`` occur in ``text`` after the one before it?"""
    at = 0
    for word in words:
        found = text.find(word, at)
        if found < 0:
            return False
        at = found + len(word)
    return True


def _sangong_columns(a: Analysis, rows: list[_Row], starts: list[int]) -> Iterator[Finding]:
    notes: list[Note] | None = None  # the text's completion notes, read once at the first 三公 table
    for k, row in enumerate(rows):
        if not row.label.replace(" ", "").endswith(("预算数", "决算数")) or len(row.numbers) not in (6, 12):
            continue
        j = k
        while j > 0 and not rows[j - 1].numbers and k - j < 40:
            j -= 1
        header = "".join(r.label for r in rows[j : k + 1]).replace(" ", "")
        if not _in_order(header, _HEADER_WORDS) or header.count("预算数") + header.count("决算数") != len(row.numbers):
            continue
        width = len(row.numbers) // len(_COLUMNS)
        cols = {kind: _Row(kind, row.numbers[n * width : (n + 1) * width]) for n, kind in enumerate(_COLUMNS)}
        if width == 2 and header.find("预算数") < header.find("决算数"):
            table = a.paragraphs[bisect_right(starts, row.numbers[0][1]) - 1].index
            notes = completion_notes(a) if notes is None else notes
            yield from completions(a, notes, {kind: (col.numbers[0][0], col.numbers[1][0]) for kind, col in cols.items()}, table)
        vehicles = replace(cols["vehicles"], label="公务用车购置及运行维护费")
        yield from _columns(a, starts, vehicles, [replace(cols["purchase"], label="公务用车购置费"), replace(cols["running"], label="公务用车运行维护费")])
        total = replace(cols["total"], label="“三公”经费合计")
        yield from _columns(a, starts, total, [replace(cols["abroad"], label="因公出国(境)费"), vehicles, replace(cols["reception"], label="公务接待费")])
