"""A random “三公”经费 note of a 部门预算 or 部门决算, in the phrasings departments print, every figure computed here in
Decimal (ROUND_HALF_UP) and right: the three items and the car's own two parts, each against last year (amount and
percentage, both years printed or only the change), the 决算 against its 预算 (the gap and the 完成预算 rate), the
cars held and bought and the receptions by 批次 and 人次.

Written from the 三公 section of the finance ministry's 预算/决算 templates, not from any corpus text. ``slip`` moves
one figure a reader could check (see ``SLIPS``), else the page is right.
"""

from __future__ import annotations

import random
from decimal import Decimal as D

from made_up_disclosures import _pc
from made_up_paragraphs import amount, r2

SLIPS = ("", "part", "change", "pct", "gap")


def _against(rng: random.Random, now: D, before: D, moved: D = D(0), moved_pct: D = D(0)) -> str:
    if now == before:
        return "与上年持平"
    up = now > before
    diff, pct = abs(now - before) + moved, _pc(abs(now - before), before) + moved_pct
    word, rate = ("增加", "增长") if up else ("减少", "下降")
    return rng.choice((f"比上年{word}{diff}万元,{rate}{pct}%", f"较上年{before}万元{word}{diff}万元,{rate}{pct}%"))


def sangong_note(rng: random.Random, slip: str = "", year: int = 2024) -> str:
    kind = "决算" if slip == "gap" else rng.choice(("预算", "决算"))
    abroad = rng.choice((D("0.00"), amount(rng, 1, 20)))
    buy = rng.choice((D("0.00"), D("0.00"), amount(rng, 10, 30)))
    run, receive = amount(rng, 2, 40), amount(rng, 1, 20)
    car = buy + run
    total = abroad + car + receive
    prior = [r2(x * D(rng.randint(80, 125)) / 100) if x else D("0.00") for x in (abroad, buy, run, receive)]
    if sum(prior, D(0)) == total:  # (a total unchanged prints "与上年持平": nothing of it to move)
        prior[3] += D("0.50")
    prior_total = sum(prior, D(0))
    moved = D(rng.choice(("1.00", "0.50", "2.00"))) if slip == "change" else D(0)  # (added: a printed change stays positive)
    moved_pct = D(rng.choice(("1.50", "2.00"))) if slip == "pct" else D(0)
    printed_receive = receive + (D(rng.choice(("1.00", "0.10", "-0.50"))) if slip == "part" else 0)
    head = f"{year}年度“三公”经费{'财政拨款' if rng.random() < 0.5 else ''}{kind}数为{total}万元,{_against(rng, total, prior_total, moved, moved_pct)}。"
    items = (
        f"其中:因公出国(境)费{abroad}万元,{_against(rng, abroad, prior[0])};"
        f"公务用车购置及运行维护费{car}万元(其中:公务用车购置费{buy}万元,公务用车运行维护费{run}万元),"
        f"{_against(rng, car, prior[1] + prior[2])};公务接待费{printed_receive}万元,{_against(rng, receive, prior[3])}。"
    )
    lines = [f"{'二' if kind == '预算' else '六'}、“三公”经费{kind}情况说明", head + items]
    if kind == "决算":
        budget = r2(total * D(rng.randint(100, 130)) / 100)
        gap = budget - total + (D(rng.choice(("1.00", "3.00"))) if slip == "gap" else 0)
        lines.append(
            f"{year}年度“三公”经费财政拨款支出预算为{budget}万元,支出决算为{total}万元,完成预算的{_pc(total, budget)}%,"
            f"决算数比预算数减少{gap}万元,主要原因是厉行节约。"
        )
    held, bought = rng.randint(1, 12), 1 if buy else 0
    lines.append(
        f"截至{year}年底,单位共有公务用车{held}辆,{'当年购置' + str(bought) + '辆' if bought else '当年未购置公务用车'};"
        f"全年国内公务接待{rng.randint(5, 80)}批次,{rng.randint(30, 600)}人次。"
    )
    return "\n".join(lines)
