"""Which amount before a year-on-year change is the level it is of: never an aside in brackets, and last
year's when the change leads back from it to this year's printed just before."""

from __future__ import annotations

from bisect import bisect_left

from selfeval_xl.audit.model import Analysis, Figure
from selfeval_xl.audit.text import sentence_bounds
from selfeval_xl.audit.years import Line, against_budget, direction, judge

_BOTH = ("收支", "收、支", "收入、支出", "收入和支出", "收入支出")
_ONE = {"收入": "支出", "支出": "收入"}  # a sentence's subject, and the word its figure must not be named by


def not_of_change(norm: str, fig: Figure, at: int) -> bool:
    """Never the figure a change printed at ``at`` is of: a change against the budget, or an aside in brackets
    closed before it ("财政拨款预算数37813.3万元(含…西部计划20168万元),比2012年…增加2238.58万元")."""
    if against_budget(norm, fig):
        return True
    opened = norm.rfind("(", max(0, fig.start - 40), fig.start)
    return opened >= 0 and norm.find(")", opened, fig.start) < 0 and norm.find(")", fig.start, min(at, fig.start + 80)) >= 0


def prior_printed_nearest(
    a: Analysis, verbs: list[str], change: Figure, pct: Figure, before: list[Figure], current: Figure, prior: Figure | None
) -> bool:
    """Is the amount nearest the change last year's, this year's printed before it ("一般公共预算拨款收入240万元,2024年
    收入预算总计363.13万元,同比降低123.13万元,下降33.91%": 363.13 − 123.13 = 240), with the change right so read?"""
    if prior is not None or current.value is None or change.value is None:
        return False
    then = current.value + direction(verbs[0]) * change.value
    earlier = [f for f in before[-4:] if f.start < current.start]  # the few printed just before it
    return any(f.value == then and not any(True for _ in judge(a, verbs, change, pct, f, current)) for f in earlier)


def subject_before(line: Line, s0: int, opening: str) -> Figure | None:
    """The figure a sentence that opens on its subject alone, then its comparison, is of: "收支" (总计) both
    totals printed equal right before ("收入总计23,866.88万元,支出总计23,866.88万元。收支较上年决算数减少…");
    "收入"/"支出" (预算, 总计, 合计) the first amount of the sentence before when that sentence opens naming it
    ("2024年本部门收入预算7018.511万元,其中,…。收入较上年增加2042.519万元,增加30.14%": 7018.511)."""
    norm, own, starts = line.norm, line.own, line.starts
    k = bisect_left(starts, s0)
    if opening.removesuffix("总计") in _BOTH:
        both = [own[i] for i in starts[max(0, k - 2) : k]]
        if len(both) == 2 and both[0].value == both[1].value and sentence_bounds(norm, both[0].start)[1] <= s0:
            return both[1]
        return None
    word = opening.removeprefix("本年").removeprefix("总").removesuffix("总计").removesuffix("合计").removesuffix("预算")
    if word not in _ONE or s0 < 2 or not k:
        return None
    p0, _ = sentence_bounds(norm, s0 - 1)
    head = next((own[i] for i in starts[bisect_left(starts, p0) : k]), None)
    lead = norm[p0 : head.start] if head is not None else ""
    if head is None or head.comparative or word not in lead or _ONE[word] in lead or "其中" in lead or len(lead) > 30:
        return None
    return head
