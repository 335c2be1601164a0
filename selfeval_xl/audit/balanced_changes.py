"""A department's budget balances: its 收入预算 equals its 支出预算, this year and last (收支平衡). The 部门预算 note
of the common template prints both of this year's totals, each with its change on last year:

    (一)收入预算:2026年年初预算数65.61万元,其中:…。收入较2025年增加0.82万元,…
    (二)支出预算:2026年年初预算数65.61万元,其中:…。支出预算较2025年增加2.48万元,…

The two totals being equal this year, and last year's too, the two changes are one figure stated twice: two that
differ beyond their printed precision contradict each other (`balanced_changes_differ`). A warning: readers do not all
take the budgets' balance for granted (of the dev pairs apart, three are labelled errors, one ambiguous, one not at
all), and an error must be one nobody doubts. Read only when both
totals are printed for the same year and are equal, and both changes are against the same year ("较2025年", "较2025",
"较上年"); "持平" is not read (it is said of small changes too).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Finding
from selfeval_xl.audit.numbers import parse_decimal, printed_half_unit

_AMOUNT = r"(\d[\d']*(?:\.\d+)?)\s*万元"
_TOTAL = re.compile(rf"(收入|支出)预算[:,]?\s*((?:19|20)\d\d)年(?:年初)?预算数(?:为|是)?\s*{_AMOUNT}")
_CHANGE = re.compile(
    rf"(?<![\u4e00-\u9fff])(收入|支出)(?:预算)?(?:总额|总计|合计)?(?:较|比)(上年|去年|(?:19|20)\d\d年?)(?:预算)?数?(增加|减少){_AMOUNT}"
)
_REACH = 600  # characters from a total to its change, in one paragraph


@dataclass(frozen=True)
class _Side:
    side: str  # 收入 or 支出
    year: int
    total: Decimal
    total_text: str
    against: int  # the year the change is against
    change: Decimal  # signed
    change_text: str
    verb: str
    paragraph: int
    pos: int  # of the change's amount


def _sides(a: Analysis) -> Iterator[_Side]:
    """Each total with the change printed after it in its paragraph, in the order of the text."""
    for p in a.paragraphs:
        for total in _TOTAL.finditer(p.norm):
            change = next(
                (m for m in _CHANGE.finditer(p.norm, total.end(), total.end() + _REACH) if m.group(1) == total.group(1)),
                None,
            )
            if change is None or _TOTAL.search(p.norm, total.end(), change.start()):
                continue  # no change, or another total's
            year = int(total.group(2))
            against = year - 1 if change.group(2) in ("上年", "去年") else int(change.group(2)[:4])
            amount = parse_decimal(change.group(4))  # (drops the group marks)
            yield _Side(
                total.group(1), year, parse_decimal(total.group(3)), total.group(3), against,
                amount if change.group(3) == "增加" else -amount, change.group(4), change.group(3), p.index, change.start(4),
            )  # fmt: skip


def check_balanced_changes(a: Analysis) -> Iterator[Finding]:
    income: _Side | None = None
    for side in _sides(a):
        if side.side == "收入":
            income = side
            continue
        if income is None:
            continue
        same = income.year == side.year and income.against == side.against and income.total == side.total
        if same and abs(income.change - side.change) > printed_half_unit(income.change_text) + printed_half_unit(side.change_text):
            yield finding(
                a, "balanced_changes_differ", side.paragraph, side.pos, f"{side.change_text}万元", f"{income.change_text}万元",
                total=f"{side.total_text}万元", year=f"{side.against}年", income_verb=income.verb, verb=side.verb,
            )  # fmt: skip
        income = None
