"""The weights of a scoring table (评分表): "部门决策(25分) | 目标任务(15分) | 相关性(5分) | 明确性(5分) |
合理性(5分) | 预算编制(10分) | …" — every indicator's weight is the sum of the weights of the indicators
under it, and the first-level weights add up to 100.

A table printed as text keeps its rows in reading order, so the weights come as a tree written
parent first (pre-order) without saying where one indicator's children end. The check reads the
weights of one table (a run of "(N分)" with no sentence end between them), and looks for a way to
read that run as such a tree summing to 100. When there is one, nothing is said. When there is none,
it asks which single indicator, if wrong, would explain it:

- its children add up to another figure than its own weight, which its parent's sum still uses
  (one of the children is misprinted: "目标任务(15分)" over 6+5+5), or
- its own weight is misprinted: its children and its parent both agree on another figure.

Only readings whose gap is small (a point, or a tenth of the weight) count — a reading that hides a
large mess under one indicator is no reading — and of those the one with the smallest gap (a misprint
moves a weight a little; an indicator with one child of its own weight lets a table be read several
ways), and among those, one where the indicator's children and its parent agree on its figure.
An error is reported only when that reading is unique. A run that cannot be read as tables of 100
points, or only in several ways, is left alone: a table cut off by an excerpt, a table of 110 points
with bonus items, weights of several tables side by side.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import NamedTuple

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Finding
from selfeval_xl.audit.numbers import fmt_number

# "(25分)", "(25 分)", "(特性指标70分)", "(满分20分)" (brackets read half width); a bare "(10)" only
# as a whole table cell or straight after an indicator's name ("预算配置(10)"): a lone "(1)" opens an item.
_WEIGHT = re.compile(
    r"\(\s*(?:[一-龥]{0,6}?)\s*(\d{1,3}(?:\.\d{1,2})?)\s*分\s*\)"
    r"|(?<=[一-龥])\((\d{1,2})\)(?![一-龥\d])"
    r"|(?<=\|)\s*\((\d{1,2})\)\s*(?=\||$)"
)
# "目标任务", "重点改革(重点工作)完成情况": the words right before a weight
_NAME = re.compile(r"[一-龥][一-龥\d]*(?:\([^()\d]{1,10}\))?[一-龥\d]*$")
_NOT_A_WEIGHT = ("得分", "扣", "加分", "减")
_GAP = 400  # characters between two weights of one table, at most
_MIN_ITEMS = 6
_MAX_ITEMS = 80
_TOTAL = 10000  # 100 points, in hundredths
_SCALE = Decimal(100)


class _Item(NamedTuple):
    paragraph: int
    start: int
    text: str  # "25分"
    value: int  # in hundredths of a point


def check_weight_trees(a: Analysis) -> Iterator[Finding]:
    for run in _runs(a):
        fault = _single_fault(tuple(item.value for item in run))
        if fault is None:
            continue
        k, expected = fault
        item = run[k]
        yield finding(
            a, "weight_sum_mismatch", item.paragraph, item.start, item.text,
            f"{fmt_number(Decimal(expected) / _SCALE)}分", indicator=_name(a, item),
        )  # fmt: skip


def _name(a: Analysis, item: _Item) -> str:
    """The indicator's name printed before its weight ("目标任务" of "目标任务(15分)"), else the weight."""
    before = a.paragraph(item.paragraph).norm[: item.start]
    name = _NAME.search(before.rstrip())
    return name.group() if name else item.text


def _runs(a: Analysis) -> Iterator[list[_Item]]:
    run: list[_Item] = []
    gap = ""  # the text since the run's last weight
    for p in a.paragraphs:
        if p.level in (1, 2) and run:  # a new section: another table
            yield from _closed(run)
            run = []
        text = p.norm
        at = 0
        for m in _WEIGHT.finditer(text):
            before = text[max(0, m.start() - 3) : m.start()]
            if any(word in before or word in m.group() for word in _NOT_A_WEIGHT):
                continue
            gap += text[at : m.start()]
            at = m.end()
            if run and (len(gap) > _GAP or "。" in gap):
                yield from _closed(run)
                run = []
            number = next(g for g in m.groups() if g is not None)
            run.append(_Item(p.index, m.start(), f"{number}分", int(Decimal(number) * _SCALE)))
            gap = ""
        gap += text[at:] + "\n"
    yield from _closed(run)


def _closed(run: list[_Item]) -> Iterator[list[_Item]]:
    if _MIN_ITEMS <= len(run) <= _MAX_ITEMS:
        yield run


def _single_fault(w: tuple[int, ...]) -> tuple[int, int] | None:
    """``(k, figure)`` when the nearest reading of ``w`` as tables of 100 points with one fault puts
    the fault at indicator ``k`` (its children adding up to ``figure``); None otherwise."""
    r = _Reading(w)
    try:
        return _nearest_fault(r)
    except _TooMany:  # a run of many equal small weights reads in too many ways to tell
        return None


def _nearest_fault(r: _Reading) -> tuple[int, int] | None:
    w = r.w
    n = len(w)
    starts = r.table_chain(0)  # where a table may start: after whole faultless tables
    if n in starts:
        return None
    finishes = {i for i in range(n + 1) if n in r.table_chain(i)}  # where the last tables may start
    readings: set[tuple[int, int, bool]] = set()  # (k, s, k's own weight is wrong)
    for k in range(n - 1):
        for j, s in r.forests(k + 1):  # k's children end at j and add up to s
            if j == k + 1 or s == w[k] or abs(s - w[k]) > max(w[k] // 10, 100):
                continue
            # k counts as s upwards (its own weight is misprinted) or as w[k] (a child's is)
            for mine, upward in ((True, s), (False, w[k])):
                if any(
                    r.faulty(start, _TOTAL, True, k, j, upward) & finishes for start in starts if start <= k
                ):
                    readings.add((k, s, mine))
    if not readings:
        return None
    nearest = min(abs(s - w[k]) for k, s, _ in readings)
    closest = [(k, s, mine) for k, s, mine in readings if abs(s - w[k]) == nearest]
    agreed = [(k, s) for k, s, mine in closest if mine]  # both sides agree: the most telling reading
    best = agreed or [(k, s) for k, s, _ in closest]
    return best[0] if len(set(best)) == 1 else None


class _TooMany(Exception):
    pass


_STEPS = 200_000  # readings looked at per run, at most: a run costs milliseconds, never minutes


class _Reading:
    """The ways to read a run of weights ``w`` (in hundredths of a point) as trees written parent
    first: a forest is a row of trees, a tree is a leaf or a weight over a forest adding up to it.
    A table is a forest of 100 points whose top weights all have weights under them (a row of
    leaves adding up to 100 is no table: any run of small weights has one)."""

    def __init__(self, w: tuple[int, ...]) -> None:
        self.w = w
        self._forests: dict[tuple[int, bool], frozenset[tuple[int, int]]] = {}
        self._faulty: dict[tuple[int, int, bool, int, int, int], frozenset[int]] = {}
        self._ends: dict[tuple[int, int, bool], frozenset[int]] = {}
        self._trees: dict[tuple[int, bool], frozenset[int]] = {}
        self._steps = 0

    def _step(self, count: int) -> None:
        self._steps += count
        if self._steps > _STEPS:
            raise _TooMany

    def forests(self, i: int, top: bool = False) -> frozenset[tuple[int, int]]:
        """(end, sum) of every faultless forest w[i:end] (its top weights adding up to sum); with
        ``top``, of trees that are no leaves."""
        if (i, top) not in self._forests:
            w, out = self.w, {(i, 0)}
            if i < len(w):
                for j1 in self.trees(i, top):
                    after = self.forests(j1, top)
                    self._step(len(after))
                    out |= {(j2, w[i] + s) for j2, s in after if w[i] + s <= _TOTAL}
            self._forests[i, top] = frozenset(out)
        return self._forests[i, top]

    def trees(self, i: int, top: bool = False) -> frozenset[int]:
        """Ends of every faultless tree rooted at w[i]: a leaf (unless ``top``), or children adding
        up to w[i]."""
        if (i, top) not in self._trees:
            leaf = set() if top else {i + 1}
            self._trees[i, top] = frozenset(leaf | {j for j, s in self.forests(i + 1) if j > i + 1 and s == self.w[i]})
        return self._trees[i, top]

    def ends(self, i: int, target: int, top: bool = False) -> frozenset[int]:
        key = (i, target, top)
        if key not in self._ends:
            forests = self.forests(i, top)
            self._step(len(forests))
            self._ends[key] = frozenset(j for j, s in forests if s == target)
        return self._ends[key]

    def table_chain(self, i: int) -> set[int]:
        """Where whole faultless tables, one after another from ``i``, can end."""
        seen, todo = {i}, [i]
        while todo:
            for j in self.ends(todo.pop(), _TOTAL, top=True):
                if j not in seen:
                    seen.add(j)
                    todo.append(j)
        return seen

    def faulty(self, i: int, target: int, top: bool, k: int, j: int, upward: int) -> frozenset[int]:
        """Ends of forests from ``i`` (≤ k) adding up to ``target`` in which the tree at ``k`` spans
        ``k:j`` and counts ``upward`` to its parent, every other weight faultless."""
        key = (i, target, top, k, j, upward)
        self._step(1)
        if key not in self._faulty:
            w, out = self.w, set()
            if i == k:
                if upward <= target:
                    out = set(self.ends(j, target - upward, top))
            elif i < k and w[i] <= target:
                rest = target - w[i]
                for j1 in self.trees(i, top):  # the tree at i ends before k: k is further on
                    if j1 <= k:
                        out |= self.faulty(j1, rest, top, k, j, upward)
                for j1 in self.faulty(i + 1, w[i], False, k, j, upward):  # k is under i
                    out |= self.ends(j1, rest, top)
            self._faulty[key] = frozenset(out)
        return self._faulty[key]
