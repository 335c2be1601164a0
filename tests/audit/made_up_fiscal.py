"""A random 预算执行情况报告 of a county or city in the phrasings governments print, every figure computed here in Decimal
(ROUND_HALF_UP) and right: 一般公共预算收入 against its budget and last year, split into 税收 and 非税 with the tax share;
the main taxes (a list of the largest only, never the whole); 一般公共预算支出 against its adjusted budget, with its
largest functions after 其中 (again not all of them) and the 民生 share; the 收入总计 and 支出总计 of the balance with
their parts and the carry-over; 政府性基金 and its land revenue; the debt balance by kind under its limit.

Written from the genre's outline (收入/支出执行情况, 收支平衡, 政府性基金, 政府债务), not from any corpus text. ``slip``
moves one figure a reader could check (see ``SLIPS``), else the page is right.
"""

from __future__ import annotations

import random
from decimal import Decimal as D

from made_up_disclosures import _pc
from made_up_paragraphs import _change, amount, r2

SLIPS = ("", "part", "rate", "yoy", "share", "balance")


def _grew(now: D, before: D) -> str:
    _, word, pct = _change(now, before)
    return f"{word}{pct}%"


def fiscal_report(rng: random.Random, slip: str = "", year: int = 2023) -> str:
    y = year
    place = rng.choice(("全县", "全市", "全区", "本级"))
    unit = "万元"
    revenue = amount(rng, 20000, 900000)
    prior = r2(revenue * D(rng.randint(85, 115)) / 100)
    budget = r2(revenue * D(rng.randint(92, 108)) / 100)
    tax = r2(revenue * D(rng.randint(55, 85)) / 100)
    non_tax = revenue - tax
    printed_tax = tax + (D(rng.choice(("100.00", "-250.00", "1000.00"))) if slip == "part" else 0)
    rate = _pc(revenue, budget) + (D(rng.choice(("1.50", "-2.00"))) if slip == "rate" else 0)
    growth = _grew(revenue, prior)
    if slip == "yoy":
        number = growth[2:-1]
        growth = growth[:2] + str(D(number) + D(rng.choice(("1.2", "2.5", "0.8")))) + "%"
    share = _pc(tax, revenue) + (D("3.00") if slip == "share" else 0)
    vat, cit, pit = (r2(tax * D(rng.randint(a, b)) / 100) for a, b in ((25, 40), (10, 20), (3, 8)))
    revenue_text = rng.choice((
        f"{y}年{place}一般公共预算收入完成{revenue}{unit},为年初预算{budget}{unit}的{rate}%,比上年的{prior}{unit}{growth}。",
        f"{y}年,{place}一般公共预算收入{revenue}{unit},完成预算{budget}{unit}的{rate}%,较上年{prior}{unit}{growth}。",
        f"{y}年{place}一般公共预算收入年初预算为{budget}{unit},实际完成{revenue}{unit},完成预算的{rate}%;上年完成{prior}{unit},"
        f"同比{growth}。",
    )) + rng.choice((
        f"其中:税收收入{printed_tax}{unit},非税收入{non_tax}{unit}。税收收入占一般公共预算收入的比重为{share}%。",
        f"其中,税收收入完成{printed_tax}{unit},占一般公共预算收入的{share}%;非税收入完成{non_tax}{unit}。",
    )) + f"主要税种中,增值税{vat}{unit},企业所得税{cit}{unit},个人所得税{pit}{unit}。"  # fmt: skip
    spending = r2(revenue * D(rng.randint(150, 300)) / 100)
    adjusted = r2(spending * D(rng.randint(100, 112)) / 100)
    spent_prior = r2(spending * D(rng.randint(88, 110)) / 100)
    edu, social, health, farm = (r2(spending * D(rng.randint(a, b)) / 100) for a, b in ((14, 20), (12, 18), (7, 10), (8, 14)))
    livelihood = r2(spending * D(rng.randint(70, 82)) / 100)
    spending_text = (
        f"一般公共预算支出完成{spending}{unit},为调整预算的{_pc(spending, adjusted)}%,比上年{_grew(spending, spent_prior)}。"
        f"其中:教育支出{edu}{unit},社会保障和就业支出{social}{unit},卫生健康支出{health}{unit},农林水支出{farm}{unit}。"
        f"民生支出{livelihood}{unit},占一般公共预算支出的{_pc(livelihood, spending)}%。"
    )
    transfers, bonds, carried_in = amount(rng, 10000, 500000), amount(rng, 0, 90000), amount(rng, 0, 20000)
    total_in = revenue + transfers + bonds + carried_in
    remitted, repaid = amount(rng, 100, 9000), amount(rng, 0, 60000)
    carried_out = total_in - spending - remitted - repaid
    if carried_out < 0:
        transfers -= carried_out - D(1000)
        total_in = revenue + transfers + bonds + carried_in
        carried_out = total_in - spending - remitted - repaid
    printed_in = total_in + (D(rng.choice(("10.00", "-100.00"))) if slip == "balance" else 0)
    balance_text = rng.choice((
        f"一般公共预算收入{revenue}{unit},加上级补助收入{transfers}{unit}、债务转贷收入{bonds}{unit}、上年结转{carried_in}{unit},"
        f"收入总计{printed_in}{unit}。一般公共预算支出{spending}{unit},加上解上级支出{remitted}{unit}、债务还本支出{repaid}{unit},"
        f"支出总计{spending + remitted + repaid}{unit}。收支相抵,结转下年支出{carried_out}{unit}。",
        f"收入总计{printed_in}{unit},其中:一般公共预算收入{revenue}{unit},上级补助收入{transfers}{unit},债务转贷收入{bonds}{unit},"
        f"上年结转{carried_in}{unit}。支出总计{printed_in}{unit},其中:一般公共预算支出{spending}{unit},上解上级支出{remitted}{unit},"
        f"债务还本支出{repaid}{unit},结转下年支出{carried_out}{unit}。",
    ))  # fmt: skip
    fund = amount(rng, 5000, 300000)
    fund_budget = r2(fund * D(rng.randint(90, 130)) / 100)
    fund_prior = r2(fund * D(rng.randint(80, 140)) / 100)
    land = r2(fund * D(rng.randint(70, 92)) / 100)
    land_prior = r2(land * D(rng.randint(80, 140)) / 100)
    fund_text = (
        f"政府性基金预算收入{fund}{unit},完成预算的{_pc(fund, fund_budget)}%,比上年{_grew(fund, fund_prior)},"
        f"主要是国有土地使用权出让收入{land}{unit},比上年{_grew(land, land_prior)}。"
    )
    general, special = amount(rng, 50000, 900000), amount(rng, 50000, 1500000)
    limit = r2((general + special) * D(rng.randint(101, 120)) / 100)
    debt_text = (
        f"截至{y}年底,{place}政府债务余额{general + special}{unit},其中一般债务{general}{unit}、专项债务{special}{unit},"
        f"控制在省核定的债务限额{limit}{unit}以内。"
    )
    lines = [
        f"关于{y}年预算执行情况的报告",
        f"一、{y}年预算执行情况",
        "(一)一般公共预算收支执行情况",
        revenue_text,
        spending_text,
        balance_text,
        "(二)政府性基金预算收支执行情况",
        fund_text,
        "(三)政府债务情况",
        debt_text,
    ]
    return "\n".join(lines)
