"""A general budget's revenue and its two parts by definition, 税收收入 and 非税收入, printed in the
sentences or paragraphs after it (a 财政收支 report's usual order):

    2024年5月份累计完成地方财政收入6717万元,较上年减收3422万元,下降33.75%。…
    2024年5月份,税收收入4575万元,…;非税收入累计完成2142万元,…

The total is an amount named 一般公共预算收入, 地方财政收入 or 公共财政预算收入 (地方/本级/全县… before
it allowed); its parts are the first amount after 税收收入 and after 非税收入 (a verb such as 累计完成
between), each opening its clause, in the total's paragraph after its sentence or in the few paragraphs
after it, before the next such total. They are read only when neither part is a 当月 figure of a
累计 total (or back), of another year or of another level (全国 parts of a 中央 total), no transfer (上级补助收入, 转移支付…) is named between the total
and its parts (a 镇's 一般公共预算收入 may hold them), and neither the total nor a part is in a list read otherwise.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from selfeval_xl.audit.model import Figure, FigureKind, Paragraph
from selfeval_xl.audit.text import clause_start, sentence_bounds
from selfeval_xl.audit.years import YEAR

_REACH = 8  # paragraphs after the total's (a report may give the spending and the funds first)
_VERBS = r"(?:累计|全年|当月|共)?(?:完成|实现|为|达到|达)?\s*"
_TOTAL = re.compile(rf"(?:一般公共预算|地方财政|公共财政预算|地方一般公共预算)收入{_VERBS}$")
_TAX = re.compile(rf"(?<!非)税收收入{_VERBS}$")
_NON_TAX = re.compile(rf"非税收入{_VERBS}$")
_TRANSFERS = ("补助收入", "转移支付", "返还性收入", "上级补助")
_SCOPES = ("全国", "中央", "地方", "本级", "全省", "省级", "全市", "市级", "全县", "县级", "全区", "区级")
_NOT_OWN = ("较", "比", "增", "减", "占", "下降", "上升", "其中")


def _period(clause: str) -> str:
    return "当月" if "当月" in clause else "累计" if "累计" in clause else ""


def _year(norm: str, f: Figure) -> str:
    s0, _ = sentence_bounds(norm, f.start)
    years = YEAR.findall(norm, s0, f.start)
    return str(years[-1]) if years else ""


class _Reader:
    def __init__(self, paragraphs: Sequence[Paragraph], figures: Sequence[Figure], own_by: dict[int, list[int]]) -> None:
        self.paragraphs, self.figures, self.own_by = paragraphs, figures, own_by

    def named(self, pattern: re.Pattern[str], i: int) -> bool:
        f = self.figures[i]
        norm = self.paragraphs[f.paragraph - 1].norm
        c0 = clause_start(norm, f.start)
        clause = norm[c0 : f.start]
        return (
            f.kind is FigureKind.AMOUNT and f.exact and not f.comparative and f.value is not None
            and pattern.search(clause) is not None and not any(w in clause for w in _NOT_OWN)
        )  # fmt: skip

    def scope(self, i: int) -> frozenset[str]:
        """The levels the amount's clause names (全国, 中央, 地方, 本级, 全省 …)."""
        f = self.figures[i]
        norm = self.paragraphs[f.paragraph - 1].norm
        clause = norm[clause_start(norm, f.start) : f.start]
        return frozenset(w for w in _SCOPES if w in clause)

    def clause(self, i: int) -> str:
        f = self.figures[i]
        norm = self.paragraphs[f.paragraph - 1].norm
        s0, _ = sentence_bounds(norm, f.start)
        return norm[s0 : f.start]

    def transfers_between(self, first: int, last: int) -> bool:
        """Is a transfer (上级补助, 转移支付, 返还性收入) named between two amounts (through the end of the last one's sentence)?"""
        a, b = self.figures[first], self.figures[last]
        _, end = sentence_bounds(self.paragraphs[b.paragraph - 1].norm, b.start)
        for index in range(a.paragraph, b.paragraph + 1):
            norm = self.paragraphs[index - 1].norm
            span = norm[a.start if index == a.paragraph else 0 : end if index == b.paragraph else len(norm)]
            if any(w in span for w in _TRANSFERS):
                return True
        return False

    def after(self, total: int) -> list[int]:
        """The amounts after the total's sentence, in its paragraph and the few after, before the next total."""
        t = self.figures[total]
        _, s1 = sentence_bounds(self.paragraphs[t.paragraph - 1].norm, t.start)
        out: list[int] = []
        for index in range(t.paragraph, min(len(self.paragraphs), t.paragraph + _REACH) + 1):
            own = self.own_by.get(index, [])
            first = bisect_left(own, s1, key=lambda i: self.figures[i].start) if index == t.paragraph else 0
            for i in own[first:]:
                if self.named(_TOTAL, i):
                    return out
                out.append(i)
        return out


def revenue_parts(
    paragraphs: Sequence[Paragraph], figures: Sequence[Figure], own_by: dict[int, list[int]], listed: set[int]
) -> list[tuple[int, tuple[int, ...]]]:
    """(total, (税收收入, 非税收入)) of each general budget revenue whose two parts follow it; ``listed``
    holds the totals and parts of the lists already read (neither is read again)."""
    reader = _Reader(paragraphs, figures, own_by)
    found: list[tuple[int, tuple[int, ...]]] = []
    for p in paragraphs:
        if "收入" not in p.norm or not any(w in p.norm for w in ("一般公共预算收入", "地方财政收入", "公共财政预算收入")):
            continue
        for total in own_by.get(p.index, []):
            if total in listed or not reader.named(_TOTAL, total):
                continue
            later = reader.after(total)
            tax = next((i for i in later if reader.named(_TAX, i)), None)
            non_tax = next((i for i in later if reader.named(_NON_TAX, i)), None)
            if tax is None or non_tax is None:
                continue
            period, year = _period(reader.clause(total)), _year(p.norm, figures[total])
            parts = (tax, non_tax)
            if listed.intersection(parts):
                continue  # "从收入结构看,地方税收收入当月完成…": read with the total they break down
            if reader.transfers_between(total, max(parts)):
                continue  # "一般公共预算收入…其中:税收收入…,非税收入…,上级补助收入…": a 镇's revenue holds its transfers
            if any(_period(reader.clause(i)) not in ("", period) or _year(paragraphs[figures[i].paragraph - 1].norm, figures[i]) not in ("", year) for i in parts):
                continue
            scope = reader.scope(total)
            if any(scope and (other := reader.scope(i)) and not scope & other for i in parts):
                continue  # "中央一般公共预算收入28949亿元…全国税收收入52452亿元": parts of another level's total
            found.append((total, parts))
    return found
