"""Decreases of more than all there was: "因公出国(境)费支出决算减少69.08万元,下降110%".

An amount spent or received, a count of things or of visits, cannot fall below zero, so it cannot
fall by more than 100% (falling to nothing is 下降100%). A percentage printed right after a word of
decrease (下降, 减少, 降低, 压减, 降幅…) above 100 is an error whatever the figures around it, unless
the sentence is about something that may turn negative (a balance, a profit, a growth rate, a
ratio): those are left alone (``decrease_over_100``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, FigureKind, Finding
from selfeval_xl.audit.text import sentence_bounds

_DECREASE = re.compile(r"(?:下降|减少|降低|压减|压缩|缩减|减收|减支|降幅|减幅)(?:了|为|达|约|幅度为?)?\s*$")
# what may be negative or fall through zero: balances, profits, gaps, rates of growth, ratios, shares
_SIGNED = ("利润", "结余", "余额", "差额", "赤字", "盈余", "净", "亏损", "缺口", "增速", "增幅", "增长率", "率", "比重", "占比", "收益", "损益", "顺差", "逆差", "温")
_HUNDRED = Decimal(100)


def check_impossible_decreases(a: Analysis) -> Iterator[Finding]:
    for pct in a.figures:
        if pct.kind is not FigureKind.PERCENT or pct.value is None or pct.value <= _HUNDRED:
            continue
        norm = a.paragraph(pct.paragraph).norm
        if not _DECREASE.search(norm, max(0, pct.start - 8), pct.start) or norm[pct.start + len(pct.text) : pct.start + len(pct.text) + 3].startswith("个百分点"):
            continue
        s0, _ = sentence_bounds(norm, pct.start)
        if any(word in norm[max(s0, pct.start - 80) : pct.start] for word in _SIGNED):
            continue
        yield finding(a, "decrease_over_100", pct.paragraph, pct.start, pct.text, None)
