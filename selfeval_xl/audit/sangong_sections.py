"""A 三公 total and its items in sections of their own, the 三公 note's usual layout:

    “三公”经费支出总额为3825万元,比预算数减少1188万元。
    一、因公出国(境)经费
    2017年因公出国(境)费99万元,比预算数减少31万元。…
    二、公务接待费
    2017年公务接待费1014万元, 比预算数减少850万元。…
    三、公务用车购置及运行维护费
    2017年公务用车购置及运行维护费2712万元(其中:…),比预算数减少107万元。

Each item is the first amount of the first sentence after the total that opens with its name (a
heading sentence with no amount hands over to the sentence after it), within a few paragraphs and
before the next paragraph printing a 三公 total. All three must be found (公务用车 as one item, or as
its 购置 and 运行 parts); a total named 预算 takes no item named 决算 and back. The list is then
complete by definition, so the sum and the parts' changes are checked like any 其中 list's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from selfeval_xl.audit.model import Figure, FigureKind, Paragraph
from selfeval_xl.audit.text import sentence_bounds

_REACH = 10  # paragraphs after the total's
_OPENING = 20  # how far into its sentence an item's name may start ("2017年度一般公共预算因公出国…")
_GAP = 30  # characters between an item's name and its amount
_ABROAD = re.compile(r"因公出国")
_RECEPTION = re.compile(r"公务接待")
_CAR = re.compile(r"公务用车购置(?:费)?(?:及|和|与|、)运行(?:维护|维修)?(?:费|经费)?|公务用车费|公务用车经费")
_CAR_BUY = re.compile(r"公务用车购置(?:费|经费|支出)(?!及|和|与)")
_CAR_RUN = re.compile(r"公务用车运行(?:维护|维修)?(?:费|经费|支出)")
_ANY = re.compile(r"因公出国|公务接待|公务用车")
_NOT_STATED = ("较", "比", "增", "减", "占", "|", "节约", "下降", "上升", "持平")
_SPENT = ("决算", "执行数", "实际")  # "2024年…“三公”经费执行数2010.95万元": what was spent, a 决算


def _basis(lead: str) -> str:
    """预算 or 决算, whichever the words before an amount name last ("" when neither; 执行数 and 实际 are 决算)."""
    budget, spent = lead.rfind("预算"), max(lead.rfind(w) for w in _SPENT)
    return "" if budget == spent == -1 else "预算" if budget > spent else "决算"


class _Text:
    def __init__(self, paragraphs: Sequence[Paragraph], figures: Sequence[Figure], own_by: dict[int, list[int]]) -> None:
        self.paragraphs, self.figures, self.own_by = paragraphs, figures, own_by

    def norm(self, index: int) -> str:
        return self.paragraphs[index - 1].norm

    def totals(self, index: int) -> list[tuple[int, str]]:
        """The 三公 totals printed in paragraph ``index``, each with its basis."""
        norm, found = self.norm(index), []
        if "三公" not in norm:
            return []
        for i in self.own_by.get(index, []):
            f = self.figures[i]
            s0, _ = sentence_bounds(norm, f.start)
            named = norm.rfind("三公", s0, f.start)
            lead = norm[named : f.start]
            if named < 0 or f.comparative or f.start - named > 40 or _ANY.search(lead) or any(w in lead for w in _NOT_STATED):
                continue
            found.append((i, _basis(lead)))
        return found

    def item(self, pattern: re.Pattern[str], first: int, last: int) -> tuple[int, str] | None:
        """The amount (and its basis) of the first sentence in paragraphs ``first``..``last`` opening
        with a name ``pattern`` matches."""
        heading = False
        for index in range(first, last + 1):
            norm, own = self.norm(index), self.own_by.get(index, [])
            if heading and own:  # the paragraph after a heading: its first amount, if its sentence opens with it
                return self._opening(norm, own[0], pattern)
            heading = False
            for m in pattern.finditer(norm):
                s0, s1 = sentence_bounds(norm, m.start())
                if m.start() - s0 > _OPENING or _ANY.search(norm, s0, m.start()):
                    continue
                amounts = own[bisect_left(own, m.end(), key=lambda i: self.figures[i].start) :]  # a bisection, not a scan
                if amounts and self.figures[amounts[0]].start < s1:
                    f = self.figures[amounts[0]]
                    if f.start - m.end() <= _GAP and self._plain(f, norm[m.end() : f.start]):
                        return amounts[0], _basis(norm[s0 : f.start])
                    return None  # named first with another amount (a change, a share): not its own figure
                if s1 - m.end() > 12:
                    continue
                # "二、公务接待费" or "2.公务接待费。2026年预算数0.50万元": a heading, the amount after it
                if amounts:
                    return self._opening(norm, amounts[0], pattern)
                heading = True
                break
        return None

    def _opening(self, norm: str, i: int, pattern: re.Pattern[str]) -> tuple[int, str] | None:
        """The amount ``i`` and its basis, if it opens its sentence ("2017年公务接待费1014万元"), naming
        no other item."""
        f = self.figures[i]
        s0, _ = sentence_bounds(norm, f.start)
        lead = norm[s0 : f.start]
        # or names the item again right before it ("2020年行政事业单位执行公务,…的公务接待费决算支出238万元")
        near = f.start - s0 <= _OPENING + 10 or pattern.search(lead[-_GAP:]) is not None
        if near and not _ANY.search(pattern.sub("", lead)) and self._plain(f, lead):
            return i, _basis(lead)
        return None

    @staticmethod
    def _plain(f: Figure, lead: str) -> bool:
        return f.kind is FigureKind.AMOUNT and not f.comparative and f.value is not None and not any(w in lead for w in _NOT_STATED)


def sangong_sections(
    paragraphs: Sequence[Paragraph], figures: Sequence[Figure], own_by: dict[int, list[int]]
) -> list[tuple[int, tuple[int, ...]]]:
    """(total, items) of each 三公 total whose items follow in sections of their own."""
    text = _Text(paragraphs, figures, own_by)
    found: list[tuple[int, tuple[int, ...]]] = []
    count = len(paragraphs)
    for p in paragraphs:
        totals = text.totals(p.index)
        if not totals:
            continue
        last = p.index
        while last < min(count, p.index + _REACH) and not text.totals(last + 1):
            last += 1
        if last == p.index:
            continue
        car = text.item(_CAR, p.index + 1, last)
        parts = [text.item(_ABROAD, p.index + 1, last), text.item(_RECEPTION, p.index + 1, last)]
        if car is None:
            parts += [text.item(_CAR_BUY, p.index + 1, last), text.item(_CAR_RUN, p.index + 1, last)]
        else:
            parts.append(car)
        items = [x for x in parts if x is not None]
        if len(items) < len(parts) or len({i for i, _ in items}) < len(items):
            continue
        bases = {b for _, b in items} - {""}
        fitting = [i for i, b in totals if not bases or not b or {b} == bases]
        if len(bases) <= 1 and fitting:
            found.append((fitting[-1], tuple(sorted(i for i, _ in items))))
    return found
