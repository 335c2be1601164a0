"""The 绩效指标完成情况 of a random 项目支出绩效自评报告, indicator by indicator as the genre prints them, every figure
computed here in Decimal (ROUND_HALF_UP) and right: quantity indicators planned and done with their 完成率 (in words, or
as a formula in brackets); quality and timeliness rates of counts; a unit cost against its cap; people reached split by
kind; the money's 到位率 and 使用率 with the amounts in brackets; a satisfaction survey.

Written from the 项目支出绩效自评表's indicator kinds (数量/质量/时效/成本, 效益, 满意度), not from any corpus text.
``slip`` moves one figure a reader could check (see ``SLIPS``): a count's 完成率, printed in a form naming both the plan
and what was done, or the 使用率 printed after its amounts; else the page is right.
"""

from __future__ import annotations

import random
from decimal import Decimal as D

from made_up_disclosures import _pc
from made_up_paragraphs import amount, r2

SLIPS = ("", "rate", "money")
_QUANTITIES = (("农村道路硬化", "公里", 1), ("培训农民", "人次", 0), ("新建蓄水池", "座", 0), ("改造危房", "户", 0),
               ("发放补贴", "人", 0), ("修建排水沟渠", "米", 0))  # fmt: skip


def indicators(rng: random.Random, slip: str = "", year: int = 2023) -> str:
    rows = rng.sample(_QUANTITIES, rng.randint(2, 4))
    # (the row moved is a count of people, households or works, in a form naming both the plan and what was done:
    # lengths in 米/公里 are measures, not counts, and are not read)
    moved = next(k for k, row in enumerate([*rows, _QUANTITIES[1]]) if row[1] in ("人次", "座", "户", "人"))
    rows = rows if moved < len(rows) else [*rows, _QUANTITIES[1]]
    parts = []
    for k, (what, unit, places) in enumerate(rows):
        plan = D(rng.randint(10, 900)) if not places else D(rng.randint(50, 400)) / 10
        done = plan if rng.random() < 0.3 else (plan * D(rng.randint(80, 115)) / 100).quantize(D(1) if not places else D("0.1"))
        rate = _pc(done, plan) + (D(rng.choice(("2.00", "-3.50"))) if slip == "rate" and k == moved else 0)
        forms = 2 if slip == "rate" and k == moved else 3
        parts.append(rng.choice((  # (the third form names no 完成 for what was done: not read)
            f"计划{what}{plan}{unit},实际完成{done}{unit},完成率{rate}%",
            f"{what}:年度指标值{plan}{unit},实际完成值{done}{unit},指标完成率为{rate}%",
            f"{what}{done}{unit}(计划{plan}{unit}),完成率{rate}%",
        )[:forms]))  # fmt: skip
    quantity = "1.数量指标:" + ";".join(parts) + "。"
    checked = rng.randint(5, 60)
    passed = checked - rng.choice((0, 0, 1))
    quality = f"2.质量指标:共验收{checked}项,合格{passed}项,验收合格率{_pc(D(passed), D(checked))}%。"
    timely = "3.时效指标:项目于当年12月底前完工,按期完成率100%。"
    cap = D(rng.randint(30, 80))
    cost = f"4.成本指标:单位成本控制在{cap}万元以内,实际单位成本{r2(cap * D(rng.randint(85, 100)) / 100)}万元。"
    poor, others = rng.randint(20, 900), rng.randint(100, 5000)
    people = poor + others
    benefit = rng.choice((
        f"(二)效益指标:项目受益群众{people}人,其中脱贫人口{poor}人,一般农户{others}人。",
        f"(二)效益指标:共惠及群众{people}人,其中:脱贫人口{poor}人、其他群众{others}人。",
    ))  # fmt: skip
    budget = amount(rng, 30, 2000)
    arrived = budget if rng.random() < 0.5 else r2(budget * D(rng.randint(80, 99)) / 100)
    used = r2(arrived * D(rng.randint(70, 100)) / 100)
    use_rate = _pc(used, arrived) + (D(rng.choice(("1.50", "-4.00"))) if slip == "money" else 0)
    money = rng.choice((  # (a moved 使用率 is printed in the second form: the first puts its amounts after it, unread)
        f"项目预算{budget}万元,资金到位率{_pc(arrived, budget)}%(到位{arrived}万元),资金使用率{use_rate}%(已使用{used}万元)。",
        f"项目资金{budget}万元,实际到位{arrived}万元,到位率{_pc(arrived, budget)}%;已支出{used}万元,资金使用率{use_rate}%。",
    )[slip == "money" :])  # fmt: skip
    sent = rng.randint(50, 400)
    happy = sent - rng.randint(0, sent // 10)
    survey = f"(三)满意度指标:发放问卷{sent}份,满意{happy}份,受益群众满意度{_pc(D(happy), D(sent))}%,达到≥90%的目标值。"
    return "\n".join((f"{year}年度项目绩效指标完成情况", money, "(一)产出指标", quantity, quality, timely, cost, benefit, survey))
