"""Random paragraphs of how a fund is allocated, in the phrasing 项目支出 and 衔接推进乡村振兴补助资金 self-evaluations
use, every figure computed here in Decimal (ROUND_HALF_UP):

- the fund by the level that gave it (中央/省级/市级/县级), with or without its total printed first;
- the projects by category, each with its count and its money in the same clause ("产业发展类项目12个、资金860.5万元");
- the households and people it reached, by kind (户 and 人 side by side);
- lengths built by kind (公里), and the money cut two ways (by source, by use), each cut complete;
- the money given, arrived and spent, with its 到位率 and 支出率.

Written from the phrasing of the genre, not from any corpus text. ``slip`` names the one figure a test moves:
"total" (the fund's total, 10万元 over its parts), "part" (one of its parts, 10万元 over), "count" (the projects'
count, one fewer than its categories'), "money" (the projects' money, 10万元 short of its categories'), "rate" (the
支出率, a point over); "" moves none.
"""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP
from decimal import Decimal as D

_CENT = D("0.01")
_LEVELS = ("中央", "省级", "市级", "县级")
_CATEGORIES = ("产业发展类", "基础设施类", "就业帮扶类", "乡村建设类", "易地搬迁后续扶持类", "项目管理费类")
_FUNDS = ("财政衔接推进乡村振兴补助资金", "农业相关转移支付资金", "农村综合改革转移支付资金", "水利发展资金")


def _money(rng: random.Random, low: int, high: int) -> D:
    return (D(rng.randint(low * 100, high * 100)) / 100).quantize(_CENT)


def _pc(part: D, whole: D) -> D:
    return (part / whole * 100).quantize(_CENT, ROUND_HALF_UP)


def _moved(value: D, slip: str, name: str, by: D) -> D:
    return value + by if slip == name else value


def allocation(rng: random.Random, slip: str = "") -> str:
    """One page's allocation paragraphs (four to six of them, in one of several phrasings each)."""
    year = rng.randint(2019, 2025)
    fund = rng.choice(_FUNDS)
    levels = rng.sample(_LEVELS, rng.randint(2, 4))
    levels.sort(key=_LEVELS.index)
    parts = [_money(rng, 20, 3000) for _ in levels]
    total = sum(parts, D(0))
    moved = rng.randrange(len(parts))
    shown = [_moved(p, slip if k == moved else "", "part", D(10)) for k, p in enumerate(parts)]
    printed_total = _moved(total, slip, "total", D(10))
    sources = "，".join(f"{level}资金{p}万元" for level, p in zip(levels, shown, strict=True))
    lines = [rng.choice((
        f"{year}年，我县共争取{fund}{printed_total}万元，其中：{sources}。",
        f"{year}年共下达{fund}{printed_total}万元，其中{sources}。",
        f"一、资金安排情况\n{year}年{fund}共计{printed_total}万元。其中：{sources}。",
    ))]  # fmt: skip

    # the projects by category: a count and an amount in each clause
    categories = rng.sample(_CATEGORIES, rng.randint(2, 4))
    counts = [rng.randint(1, 40) for _ in categories]
    moneys = [_money(rng, 5, 900) for _ in categories]
    n_projects = _moved(D(sum(counts)), slip, "count", D(-1))
    money = _moved(sum(moneys, D(0)), slip, "money", D(-10))
    clauses = [rng.choice((f"{c}项目{n}个、资金{m}万元", f"{c}项目{n}个，安排资金{m}万元", f"{c}{n}个项目{m}万元"))
               for c, n, m in zip(categories, counts, moneys, strict=True)]  # fmt: skip
    lines.append(rng.choice((
        f"全年共实施项目{n_projects}个，总投资{money}万元。其中{'；'.join(clauses)}。",
        f"共安排项目{n_projects}个、资金{money}万元，其中：{'，'.join(clauses)}。",
    )))  # fmt: skip

    # who it reached: households and people, by kind
    kinds = rng.sample(("脱贫户", "监测对象", "一般农户"), rng.randint(2, 3))
    households = [rng.randint(20, 900) for _ in kinds]
    people = [h * rng.randint(2, 4) for h in households]
    reached = "，".join(f"{k}{h}户{p}人" for k, h, p in zip(kinds, households, people, strict=True))
    lines.append(rng.choice((
        f"项目实施后，共惠及{sum(households)}户{sum(people)}人，其中{reached}。",
        f"受益群众{sum(people)}人（{sum(households)}户），其中{reached}；带动就业{rng.randint(10, 300)}人，人均增收{rng.randint(300, 3000)}元。",
    )))  # fmt: skip

    # lengths built, and the money cut by its use
    roads = [D(rng.randint(5, 300)) / 10 for _ in range(2)]
    lines.append(
        f"新建产业路{sum(roads, D(0))}公里，其中硬化路{roads[0]}公里、砂石路{roads[1]}公里；"
        f"建设产业基地{rng.randint(2, 9)}个，面积{rng.randint(100, 5000)}亩。"
    )
    if rng.random() < 0.5:
        uses = [_money(rng, 10, 900) for _ in range(2)]
        rest = total - uses[0] - uses[1]
        if rest > 0:
            lines.append(f"按资金用途分，用于产业发展{uses[0]}万元，用于基础设施{uses[1]}万元，用于其他方面{rest}万元。")

    # money given, arrived and spent
    arrived = (total * D(rng.randint(85, 100)) / 100).quantize(_CENT)
    spent = (arrived * D(rng.randint(60, 100)) / 100).quantize(_CENT)
    rate = _moved(_pc(spent, arrived), slip, "rate", D(1))
    lines.append(rng.choice((
        f"截至{year}年12月31日，资金到位{arrived}万元，到位率{_pc(arrived, total)}%；已支出{spent}万元，支出率{rate}%。",
        f"资金实际到位{arrived}万元，到位率为{_pc(arrived, total)}%。累计支出{spent}万元，资金支出率{rate}%。",
    )))  # fmt: skip
    return "\n".join(lines)
