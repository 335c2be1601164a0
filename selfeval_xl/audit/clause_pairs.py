"""A rate's budget and what was spent of it, read from the rate's own clause (thirty-fifth round, from made-up
部门整体 self-evaluations and 决算 notes):

- "部门预算3061.05万元,实际支出2643.52万元,预算执行率为86.36%;其中基本支出预算1897.85万元,支出1840.91万元,执行率
  97.00%": a part's rate after a ";" is of the part's budget and spending printed in its clause (``clause_pair``);
- "…(项):支出决算为104.35万元,年初预算为139.13万元,完成年初预算的75.00%": a completion rate whose budget is printed
  after what was spent, under the very name the rate gives it (``budget_after_spent``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from selfeval_xl.audit.model import Figure
from selfeval_xl.audit.named import printed_name

# (printed names, the amount's own: links' _BUDGET_NAMED and rates' _BARE_SPENT read the words of a clause before an
# amount, wider — 经费合计, 拨付, 截至年底已支付)
_A_BUDGET = re.compile(r"预算(?:数|金额|资金)?$")
_SPENT_BARE = re.compile(r"(?:实际)?(?:支出|执行|使用|支付)(?:数|金额)?")


def clause_pair(norm: str, figures: Sequence[Figure], own: list[int], s0: int, pct: Figure) -> tuple[int, int] | None:
    """ "部门预算3061.05万元,实际支出2643.52万元,预算执行率为86.36%;其中基本支出预算1897.85万元,支出1840.91万元,执行率
    97.00%": a rate after a ";" whose own clause prints just a budget (…预算, or the part) and what was spent of it, named
    by the bare verb (支出, 实际执行): those two, not the whole's before the ";" (thirty-fifth round)."""
    start = norm.rfind(";", s0, pct.start) + 1
    if start <= s0:
        return None
    lo, hi = (bisect_left(own, pos, key=lambda i: figures[i].start) for pos in (start, pct.start))
    group = [i for i in own[lo:hi] if not figures[i].comparative]
    if len(group) != 2:
        return None
    budget, spent = group
    name = printed_name(norm, figures[budget].start)  # (…预算, or the part itself: "项目支出400万元,支出320万元")
    if (_A_BUDGET.search(name) or name.endswith(("基本支出", "项目支出"))) and _SPENT_BARE.fullmatch(printed_name(norm, figures[spent].start)):
        return budget, spent
    return None


_KIND_OF_BUDGET = re.compile(r"(年初|调整后?|全年|年度)?预算")
_DONE_NAMED = re.compile(r"(?:支出|决算|执行|实际)(?:数)?(?:为|是)?\s*$")


def budget_after_spent(norm: str, figures: Sequence[Figure], before: list[int], s0: int, phrase: str) -> tuple[int, int] | None:
    """ "…(项):支出决算为104.35万元,年初预算为139.13万元,完成年初预算的75.00%": the clause before the rate prints what
    was spent, then the budget under the very name the rate gives it ("年初预算"): the two amounts of the clause, in that
    order (thirty-fifth round; a wider reading, any amount before a budget, was tried in the thirty-fourth and dropped)."""
    kind = _KIND_OF_BUDGET.search(phrase)
    spent, given = figures[before[-2]], figures[before[-1]]
    start = max(s0, norm.rfind(";", s0, given.start) + 1, norm.rfind("。", s0, given.start) + 1)
    if kind is None or spent.start < start or not _DONE_NAMED.search(norm, max(start, spent.start - 8), spent.start):
        return None
    lead = norm[max(start, given.start - 10) : given.start]
    return (before[-2], before[-1]) if re.search(kind.group() + r"(?:数)?(?:为|是)?\s*$", lead) else None
