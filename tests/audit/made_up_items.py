"""A random 一般公共预算财政拨款支出决算具体情况 section of a 部门决算公开说明, item by item as the finance ministry's
template asks: each 功能分类 项 with its 年初预算, its 支出决算, the gap between them and 完成年初预算的X%, and why they
differ; the items adding up to the section's total, whose own 完成年初预算 rate is printed too. Every figure computed
here in Decimal (ROUND_HALF_UP) and right; the phrasing of each item drawn from the forms departments print (the
budget first or after what was spent; the gap named or not; no rate when there was no budget).

Written from the template's wording, not from any corpus text. ``slip`` moves one figure a reader could check (see
``SLIPS``): an item's 完成年初预算 rate, an item's gap to its budget, or the section's total (its rate left as it was
of the true total); else the page is right.
"""

from __future__ import annotations

import random
from decimal import Decimal as D

from made_up_disclosures import _pc
from made_up_paragraphs import amount, r2

SLIPS = ("", "rate", "gap", "total")
_ITEMS = (
    "一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)行政运行(项)",
    "一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)一般行政管理事务(项)",
    "社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位基本养老保险缴费支出(项)",
    "社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位职业年金缴费支出(项)",
    "卫生健康支出(类)行政事业单位医疗(款)行政单位医疗(项)",
    "农林水支出(类)农业农村(款)事业运行(项)",
    "住房保障支出(类)住房改革支出(款)住房公积金(项)",
    "城乡社区支出(类)城乡社区管理事务(款)其他城乡社区管理事务支出(项)",
)
_WHY = {
    True: ("年中追加了专项工作经费", "人员工资标准调整", "新增退休人员"),
    False: ("厉行节约,压减一般性支出", "部分项目未实施完毕", "人员减少"),
}


def _item(rng: random.Random, k: int, name: str, budget: D, spent: D, slip_rate: D, slip_gap: D) -> str:
    head = f"{k}.{name}"
    if budget == 0:
        return f"{head}:年初预算为0.00万元,支出决算为{spent}万元,决算数大于预算数的主要原因是{_WHY[True][0]}。"
    more = spent > budget
    rate = _pc(spent, budget) + slip_rate
    gap = abs(spent - budget) + slip_gap
    why = "" if spent == budget else f"决算数{'大于' if more else '小于'}预算数的主要原因是{rng.choice(_WHY[more])}。"
    form = 1 if slip_gap else rng.randrange(4)  # (a moved gap is printed: the form that prints it)
    if form == 0:
        return f"{head}:年初预算为{budget}万元,支出决算为{spent}万元,完成年初预算的{rate}%。{why}"
    if form == 1:
        change = "持平" if spent == budget else f"{'增加' if more else '减少'}{gap}万元"
        return f"{head}。年初预算{budget}万元,支出决算{spent}万元,比年初预算{change},完成年初预算的{rate}%。{why}"
    if form == 2:
        return f"{head}:支出决算为{spent}万元,年初预算为{budget}万元,完成年初预算的{rate}%。{why}"
    return f"{head}。年初预算为{budget}万元,支出决算为{spent}万元,完成年初预算的{rate}%,{why or '与预算一致。'}"


def juesuan_items(rng: random.Random, slip: str = "", year: int = 2023) -> str:
    names = rng.sample(_ITEMS, rng.randint(3, 7))
    budgets, spent = [], []
    for _ in names:
        b = rng.choice((D("0.00"), *(amount(rng, 2, 600) for _ in range(6))))
        s = b if rng.random() < 0.2 else r2(b * D(rng.randint(60, 130)) / 100) if b else amount(rng, 1, 50)
        budgets.append(b)
        spent.append(s)
    eligible = [k for k, b in enumerate(budgets) if b and spent[k] != b]
    if not eligible:  # (an item to move: one whose spending differs from its budget)
        budgets[0] = amount(rng, 100, 600)
        spent[0], eligible = r2(budgets[0] * D("0.9")), [0]
    total_budget, total = sum(budgets, D(0)), sum(spent, D(0))
    which = rng.choice(eligible)
    lines = [f"{year}年度一般公共预算财政拨款支出决算具体情况"]
    printed_total = total + (D(rng.choice(("1.00", "10.00", "-5.00"))) if slip == "total" else 0)  # (its rate kept)
    lines.append(
        f"{year}年度一般公共预算财政拨款支出年初预算为{total_budget}万元,支出决算为{printed_total}万元,完成年初预算的{_pc(total, total_budget)}%。"
        "其中:"
    )
    for k, (name, b, s) in enumerate(zip(names, budgets, spent, strict=True), start=1):
        moved_rate = D(rng.choice(("1.10", "-2.00", "5.00"))) if slip == "rate" and k - 1 == which else D(0)
        moved_gap = D(rng.choice(("1.00", "10.00"))) if slip == "gap" and k - 1 == which else D(0)
        lines.append(_item(rng, k, name, b, s, moved_rate, moved_gap))
    return "\n".join(lines)
