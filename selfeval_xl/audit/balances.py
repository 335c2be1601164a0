"""Balances: "收支相抵,年终结余22.4亿元" after "收入合计247.9亿元 … 支出合计225.5亿元", "收入合计55.60亿元,支出合计
49.10亿元,年终结余6.50亿元" (the three in a row), or "收支结余2.54亿元"
after "社会保险基金收入22.39亿元 … 支出19.85亿元": the balance is the income less the expenditure.

The income and the expenditure are the last amounts before the balance in its paragraph named
with 收入 and with 支出 that are not items of a "其中" list; without both, nothing is checked.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from decimal import Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding
from selfeval_xl.audit.named import lead
from selfeval_xl.audit.numbers import fmt_amount
from selfeval_xl.audit.text import sentence_bounds

_BALANCE_WORDS = ("收支相抵", "收支结余", "收支结转", "减去支出")  # "收入总量减去支出总量后,结转资金…"


# "收入合计55.60亿元,支出合计49.10亿元,年终结余6.50亿元": the three in a row, no balance words needed
_YEAR_END = re.compile(r"(?:收入(?:合计|总计)?|总收入|总财力)(?:为|是)?\s*$")
_SPENT = re.compile(r"^\s*,\s*(?:支出|总支出)(?:合计|总计)?(?:为|是)?\s*$")
# the fiscal account's 年终结余 (a department's "年末结转和结余" also holds what it carried in: not read here)
_LEFT = re.compile(r"^\s*,\s*(?:年终(?:滚存)?结余|年末滚存结余|滚存结余)(?:为|是)?\s*$")


def _in_a_row(a: Analysis, income: Figure, spent: Figure, fig: Figure) -> bool:
    norm = a.paragraph(fig.paragraph).norm
    if not income.start < spent.start < fig.start or "本年" in norm[max(0, income.start - 8) : income.start]:
        return False
    return (
        bool(_YEAR_END.search(norm, max(0, income.start - 8), income.start))
        and bool(_SPENT.match(norm[income.start + len(income.text) : spent.start]))
        and bool(_LEFT.match(norm[spent.start + len(spent.text) : fig.start]))
    )


def _is_balance(a: Analysis, fig: Figure) -> bool:
    norm = a.paragraph(fig.paragraph).norm
    s0, _ = sentence_bounds(norm, fig.start)
    head = norm[s0 : fig.start]
    at = max(head.rfind(word) for word in _BALANCE_WORDS)
    after = head[at:] if at >= 0 else ""
    # the first amount after the balance words ("收支结余2.54亿元", not "历年累计结余21.76亿元" after it)
    named = head.rstrip(" 为是:").endswith(("结余", "结转结余", "结转", "结转资金", "结余资金"))
    return at >= 0 and named and len(after) <= 20 and not any(c.isdigit() for c in after)


def check_balances(a: Analysis) -> Iterator[Finding]:
    figs = a.figures
    items = {c for g in a.groups if g.explicit for c in g.children}
    last: dict[str, Figure] = {}
    recent: list[Figure] = []  # the amounts right before this one
    paragraph = 0
    for i, fig in enumerate(figs):
        if fig.paragraph != paragraph:
            paragraph, last, recent = fig.paragraph, {}, []
        if fig.kind is not FigureKind.AMOUNT or not fig.exact or fig.comparative or fig.value is None:
            continue
        row, recent = recent[-2:], [*recent[-1:], fig]
        if _is_balance(a, fig) or (len(row) == 2 and _in_a_row(a, row[0], row[1], fig)):
            income, spent = (last.get("收入"), last.get("支出")) if _is_balance(a, fig) else (row[0], row[1])
            if income is None or spent is None or income.value is None or spent.value is None:
                continue
            expected = income.value - spent.value
            slack = fig.tolerance + income.tolerance + spent.tolerance
            if abs(expected - fig.value) > slack:
                places = 2 if fig.unit == "万元" else max(fig.decimals, 0)
                yield finding(
                    a, "balance_mismatch", fig.paragraph, fig.start, fig.text,
                    fmt_amount(expected, fig.unit, places, like=fig.text), income=income.text, expenditure=spent.text,
                )  # fmt: skip
            continue
        if i in items:
            continue
        name = lead(a.paragraph(fig.paragraph).norm, fig.start)
        for word, side in (("收入", "收入"), ("支出", "支出"), ("总财力", "收入")):
            if word in name:
                last[side] = fig


# "年初预算1000万元,年中追加200万元,调减50万元,调整后预算1150万元": the adjusted budget is the
# initial one plus the additions less the cuts, all in one sentence.
_INITIAL = ("年初预算",)
_ADDED = ("追加", "调增", "增加预算")
_CUT = ("调减", "核减", "减少预算")
_ADJUSTED = ("调整后预算", "调整后的预算", "全年预算", "调整预算")


def check_budget_adjustments(a: Analysis) -> Iterator[Finding]:
    by_sentence: dict[tuple[int, int], list[Figure]] = {}
    for fig in a.figures:
        if fig.kind is FigureKind.AMOUNT and fig.exact and fig.value is not None:
            norm = a.paragraph(fig.paragraph).norm
            by_sentence.setdefault((fig.paragraph, sentence_bounds(norm, fig.start)[0]), []).append(fig)
    for (index, _), figs in by_sentence.items():
        norm = a.paragraph(index).norm
        named = [(f, norm[max(0, f.start - 8) : f.start]) for f in figs]
        initial = [f for f, before in named if any(w in before for w in _INITIAL)]
        adjusted = [f for f, before in named if any(w in before for w in _ADJUSTED)]
        added = [f for f, before in named if any(w in before for w in _ADDED)]
        cut = [f for f, before in named if any(w in before for w in _CUT)]
        if len(initial) != 1 or len(adjusted) != 1 or not (added or cut) or len(added) + len(cut) > 3:
            continue
        start, end = initial[0], adjusted[0]
        if not start.start < end.start or any(not start.start < f.start < end.start for f in added + cut):
            continue
        if start.value is None or any(f.value is None for f in added + cut):
            continue
        total = start.value + sum((f.value or Decimal(0) for f in added), Decimal(0))
        total -= sum((f.value or Decimal(0) for f in cut), Decimal(0))
        slack = sum((f.tolerance for f in (start, end, *added, *cut)), Decimal(0))
        if end.value is not None and abs(total - end.value) > slack:
            parts = "+".join([start.text, *(f.text for f in added)]) + "".join(f"-{f.text}" for f in cut)
            places = 2 if end.unit == "万元" else max(end.decimals, 0)
            yield finding(
                a, "sum_mismatch", end.paragraph, end.start, end.text, fmt_amount(total, end.unit, places, like=end.text),
                label="调整后预算", parts=parts,
            )  # fmt: skip


# "2023年度收入总计1993.21万元,支出总计1993.21万元": a 决算's (or a budget's) 收支总表 balances by form, its
# 支出总计 holding what is carried forward; the two named alike ("财政拨款收入总计…财政拨款支出总计")
_GRAND_INCOME = re.compile(r"([\u4e00-\u9fff]{0,8}?)收入总计(?:为|是|:)?\s*$")
_GRAND_SPENT = re.compile(r"([\u4e00-\u9fff]{0,8}?)支出总计(?:为|是|:)?\s*$")
_SUM_NAMED = re.compile(r"(?:收入|支出)合计$")
_GRAND_REACH = 120  # characters from the income to the expenditure
_SCOPE_NOISE = re.compile(r"20\d\d年度?|年度|本年度?|全年|本部门|部门|单位|本单位|总体情况|决算|预算|的")


def _scope(words: str) -> str:
    # "2021年收入总计…,支出总计…": the year's 年 left alone by its digits names no scope (thirty-sixth round)
    return "" if words == "年" else _SCOPE_NOISE.sub("", words)


def check_grand_totals(a: Analysis) -> Iterator[Finding]:
    """收入总计 and the 支出总计 printed right after it, named alike, must be equal (unless the 收入总计 is
    the 收入合计 printed elsewhere: then 总计 may name the 合计s, "收入总计6955.73万元,支出总计6954.57万元"
    of a text whose 收入合计 is 6955.73万元 and whose 年末结转和结余 is the gap)."""
    sums: set[tuple[Decimal, str]] | None = None
    by_paragraph: dict[int, list[Figure]] | None = None  # built once, for the first paragraph that needs it
    for p in a.paragraphs:
        if "收入总计" not in p.norm or "支出总计" not in p.norm:
            continue
        if by_paragraph is None:
            by_paragraph = a.by_paragraph(lambda f: f.kind is FigureKind.AMOUNT)
        own = by_paragraph.get(p.index, [])
        for k, income in enumerate(own):
            m = _GRAND_INCOME.search(p.norm, max(0, income.start - 16), income.start)
            if m is None or income.comparative or not income.exact or income.value is None:
                continue
            spent = next((f for f in own[k + 1 : k + 8] if _GRAND_SPENT.search(p.norm, max(0, f.start - 16), f.start)), None)
            if spent is None or spent.start - income.start > _GRAND_REACH or spent.comparative or spent.value is None:
                continue
            between = p.norm[income.start + len(income.text) : spent.start]
            named = _GRAND_SPENT.search(p.norm, max(0, spent.start - 16), spent.start)
            if "。" in between or "收入总计" in between or named is None or _scope(m.group(1)) != _scope(named.group(1)):
                continue  # another sentence, or another scope ("…一般公共预算收入总计…,政府性基金支出总计…")
            if abs(income.value - spent.value) <= income.tolerance + spent.tolerance or _balanced_by_carries(p.norm, own, income, spent):
                continue
            if sums is None:
                sums = {
                    (f.value, "收入" if m.group() == "收入合计" else "支出") for f in a.figures
                    if f.value is not None and f.kind is FigureKind.AMOUNT and (m := _SUM_NAMED.search(lead(a.paragraph(f.paragraph).norm, f.start)))
                }  # fmt: skip
            # both 总计s the 合计s printed elsewhere (or no 支出合计 printed): the 支出合计 may fall short of the 收入合计
            # by what is left over; a 支出合计 printed otherwise shows this 支出总计 is no 合计
            spent_sums = {value for value, side in sums if side == "支出"}
            if (income.value, "收入") not in sums or (spent_sums and spent.value not in spent_sums):
                yield finding(a, "grand_totals_differ", p.index, spent.start, spent.text, income.text)


_CARRY_IN = ("上年结转", "年初结转")
_CARRY_OUT = ("年终结余", "年末结转", "年末结余", "结转下年")


def _balanced_by_carries(norm: str, own: list[Figure], income: Figure, spent: Figure) -> bool:
    """Do the carry-in and carry-out printed after the two in their sentence balance them ("收入总计116.08万元,支出总计
    118.77万元,上年结转9.7万元,年终结余7.01万元": 116.08 + 9.7 = 118.77 + 7.01)? The 收入总计 is then the year's own."""
    if income.value is None or spent.value is None:
        return False
    _, end = sentence_bounds(norm, spent.start)  # (bounded: never a search to the end of a long paragraph)
    carry_in = carry_out = None
    for f in own[bisect_right(own, spent.start, key=lambda f: f.start) :]:
        if f.start >= end:
            break
        if f.value is None:
            continue
        name = norm[max(0, f.start - 8) : f.start]
        if carry_in is None and any(word in name for word in _CARRY_IN):
            carry_in = f
        elif carry_out is None and any(word in name for word in _CARRY_OUT):
            carry_out = f
    if carry_in is None or carry_out is None or carry_in.value is None or carry_out.value is None:
        return False
    gap = income.value + carry_in.value - spent.value - carry_out.value
    return abs(gap) <= income.tolerance + spent.tolerance + carry_in.tolerance + carry_out.tolerance


# "…收入总量为1117285万元。一般公共预算支出892766万元,…,加上地方政府一般债券还本支出、结转下年等,支出总量为
# 1117285万元": a budget's 支出总量 that adds what is carried to next year balances its 收入总量 by form
_VOLUME_INCOME = re.compile(r"收入总量(?:为|是|达)?\s*$")
_VOLUME_SPENT = re.compile(r"支出总量(?:为|是|达)?\s*$")


def check_total_volumes(a: Analysis) -> Iterator[Finding]:
    by_paragraph: dict[int, list[Figure]] | None = None
    for p in a.paragraphs:
        if "收入总量" not in p.norm or "支出总量" not in p.norm or "结转" not in p.norm:
            continue
        if by_paragraph is None:
            by_paragraph = a.by_paragraph(lambda f: f.kind is FigureKind.AMOUNT and f.exact and not f.comparative)
        own = by_paragraph.get(p.index, [])
        incomes = [f for f in own if _VOLUME_INCOME.search(p.norm, max(0, f.start - 8), f.start)]
        spent = [f for f in own if _VOLUME_SPENT.search(p.norm, max(0, f.start - 8), f.start)]
        if len(incomes) != 1 or len(spent) != 1 or spent[0].start < incomes[0].start:
            continue
        income, out = incomes[0], spent[0]
        s0, _ = sentence_bounds(p.norm, out.start)
        clause = p.norm[max(s0, p.norm.rfind("加", s0, out.start)) : out.start]
        if "加" not in clause or "结转" not in clause or income.value is None or out.value is None:
            continue  # only a 支出总量 that adds the carry-over ("收支总量相抵,结转…" comes after it otherwise)
        if abs(income.value - out.value) > income.tolerance + out.tolerance:
            yield finding(a, "total_volumes_differ", p.index, out.start, out.text, income.text)
