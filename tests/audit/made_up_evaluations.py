"""A random 项目支出绩效自评报告 in the phrasing the genre uses, every figure computed here in Decimal (ROUND_HALF_UP) and
right: the year's budget by source; funds arrived and spent with their 到位率 and 预算执行率; the money spent by use with
its 合计 after the list; what is left; planned and done with its 完成率; households and people reached; a satisfaction
survey; the scores of the four 一级 indicators, printed with their weights ("项目决策20分,得19分", "项目决策(20分)得19分")
or after the total ("自评得分97分,其中:项目决策19分,…"), their total and its grade.

Written from the genre's phrasing, not from any corpus text. ``slip`` moves one figure a reader could check: "rate"
the 预算执行率, "score" the total score, "sum" the 合计 of the money spent by use.
"""

from __future__ import annotations

import random
from decimal import Decimal as D

from made_up_disclosures import _pc, _split
from made_up_paragraphs import _grade, amount, r2


def project_evaluation(rng: random.Random, slip: str = "", year: int = 2023) -> str:
    y = year
    name = rng.choice(("农村人居环境整治", "义务教育营养改善计划", "基层医疗卫生机构能力提升", "高标准农田建设", "困难群众救助",
                       "公共文化服务体系建设", "乡村道路提升改造"))
    sources = _split(rng, amount(rng, 20, 3000), rng.choice((2, 3)), zeros=False)
    budget = sum(sources, D(0))
    src_names = ["中央补助资金", "省级补助资金", "县级配套资金"][: len(sources)]
    arrived = r2(budget * D(rng.randint(85, 100)) / 100)
    spent = r2(arrived * D(rng.randint(70, 100)) / 100)
    uses = _split(rng, spent, rng.choice((2, 3, 4)), zeros=False)
    use_names = ["工程建设费", "设备购置费", "培训及宣传费", "项目管理费"][: len(uses)]
    left = budget - spent
    planned = rng.randint(5, 120)
    done = planned + rng.choice((0, 0, 1, 2, -1))
    households = rng.randint(50, 3000)
    people = households * rng.randint(2, 4) + rng.randint(0, 50)
    poor = rng.randint(0, households // 3)
    sent = rng.randint(50, 500)
    back = sent - rng.randint(0, 10)
    happy = back - rng.randint(0, back // 10)
    weights = rng.choice(((20, 20, 40, 20), (15, 20, 40, 25), (20, 25, 35, 20)))
    got = [D(w) - D(rng.choice(("0", "0", "0.5", "1", "2"))) for w in weights]
    if sum(got, D(0)) == 100:  # (full marks on every part: "其中:…" would print the weights themselves)
        got[2] -= D("0.5")
    score = sum(got, D(0))
    printed_rate = _pc(spent, budget)
    if slip == "rate":
        printed_rate += D(rng.choice(("1.50", "3.00", "-2.20")))
    if slip == "score":
        score += D(rng.choice(("1", "-1", "2"))) if score <= 98 else D(-1)  # (over 100 may be bonus points: not read)
    use_total = spent + (D(rng.choice(("1.00", "10.00"))) if slip == "sum" else 0)
    lines = [
        f"{y}年度{name}项目支出绩效自评报告",
        "一、项目基本情况",
        f"{y}年{name}项目全年预算数{budget}万元,其中:" + ",".join(f"{n}{a}万元" for n, a in zip(src_names, sources, strict=True)) + "。",
        rng.choice((
            f"截至{y}年12月31日,项目资金到位{arrived}万元,到位率{_pc(arrived, budget)}%,实际支出{spent}万元,预算执行率{printed_rate}%。",
            f"项目资金实际到位{arrived}万元,资金到位率为{_pc(arrived, budget)}%;全年实际支出{spent}万元,预算执行率为{printed_rate}%。",
        )),
        "资金使用情况:" + ",".join(f"{n}{a}万元" for n, a in zip(use_names, uses, strict=True)) + f",合计{use_total}万元。",
        f"项目结余资金{left}万元,已按规定{rng.choice(('收回财政', '结转下年使用'))}。",
        "二、绩效目标完成情况",
        f"年初计划完成{planned}个村的建设任务,实际完成{done}个,完成率{_pc(D(done), D(planned))}%。",
        f"项目共惠及群众{households}户{people}人,其中脱贫户{poor}户。",
        f"满意度调查共发放问卷{sent}份,收回{back}份,回收率{_pc(D(back), D(sent))}%,其中满意{happy}份,满意度{_pc(D(happy), D(back))}%。",
        "三、自评结论",
        _scores(rng, weights, got, score),
        "四、存在的问题",
        "部分资金拨付进度偏慢。",
    ]
    return "\n".join(lines)


_KINDS = ("项目决策", "项目过程", "项目产出", "项目效益")


def _scores(rng: random.Random, weights: tuple[int, ...], got: list[D], score: D) -> str:
    grade = f"评价等级为“{_grade(sum(got, D(0)))}”"
    form = rng.randrange(3)
    if form == 0:
        rows = ";".join(f"{k}{w}分,得{g}分" for k, w, g in zip(_KINDS, weights, got, strict=True))
        return f"按照评价指标体系,{rows}。综合得分{score}分,{grade}。"
    if form == 1:
        rows = ",".join(f"{k}({w}分)得{g}分" for k, w, g in zip(_KINDS, weights, got, strict=True))
        return f"经评价,{rows},综合得分{score}分,{grade}。"
    rows = ",".join(f"{k}{g}分" for k, g in zip(_KINDS, got, strict=True))
    return f"本项目自评得分{score}分,其中:{rows}。{grade}。"
