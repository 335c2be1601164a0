"""A random 部门整体支出绩效自评报告 in the phrasings the genre uses, every figure computed here in Decimal (ROUND_HALF_UP)
and right: the department's units and offices by kind, its posts and staff by kind; its income by source and its
spending by kind with their shares of the named total; the budget, what was spent and the 预算执行率, by 基本 and 项目
too; its spending by function with shares; a 三公 control rate or a carry-over rate; the performance indicators set and met
with their 完成率; the scores of the 一级 indicators (in prose, in brackets with their weights, or as a table), their
total and grade.

Written from the genre's outline (部门概况, 部门预算收支, 绩效目标完成, 自评结论), not from any corpus text. ``slip``
moves one figure a reader could check (see ``SLIPS``), else the page is right.
"""

from __future__ import annotations

import random
from decimal import Decimal as D

from made_up_disclosures import _FUNCTIONS, _change, _listed, _pc, _split
from made_up_paragraphs import _grade, amount, r2

SLIPS = ("", "count", "share", "rate", "score", "sum")
_NUMERALS = "零一二三四五六七八九十"
_OFFICES = ["办公室", "财务股", "人事股", "规划股", "法规股", "监督股", "综合股", "信息中心"]
_INCOME = ["财政拨款收入", "事业收入", "其他收入"]
_KINDS = (("预算编制", 10), ("预算执行", 30), ("绩效管理", 30), ("履职效益", 30))


def _count(rng: random.Random, n: int) -> str:
    return _NUMERALS[n] if n <= 10 and rng.random() < 0.5 else str(n)


def department_overall(rng: random.Random, slip: str = "", year: int = 2023) -> str:
    y = year
    dept = rng.choice(("县农业农村局", "区卫生健康局", "市自然资源局", "县教育体育局", "镇人民政府", "县水利局"))
    offices = rng.sample(_OFFICES, rng.randint(3, 7))
    n_offices = len(offices) + (1 if slip == "count" else 0)
    admin, inst = rng.randint(0, 3), rng.randint(1, 6)
    units = admin + inst
    posts_admin, posts_inst = rng.randint(5, 60), rng.randint(5, 120)
    posts = posts_admin + posts_inst
    staff = posts - rng.randint(0, 8)
    retired = rng.randint(0, 40)
    org = rng.choice((
        f"本部门内设{_count(rng, n_offices)}个科室,分别为:{'、'.join(offices)}。",
        f"局机关内设{'、'.join(offices)}共{_count(rng, n_offices)}个股室。",
    ))  # fmt: skip
    sub = rng.choice((
        f"下属单位{units}个(含行政单位{admin}个、事业单位{inst}个)。",
        f"所属二级单位{units}个,其中行政单位{admin}个,事业单位{inst}个。",
    ))  # fmt: skip
    people = rng.choice((
        f"核定编制{posts}名,其中行政编制{posts_admin}名、事业编制{posts_inst}名;实有在职人员{staff}人,退休人员{retired}人。",
        f"编制总数{posts}人,其中:行政编制{posts_admin}人,事业编制{posts_inst}人。年末实有人数{staff + retired}人,"
        f"其中在职{staff}人、退休{retired}人。",
    ))  # fmt: skip
    incomes = _split(rng, amount(rng, 300, 8000), rng.choice((2, 3)), zeros=False)
    income = sum(incomes, D(0))
    budget = income
    basic = r2(budget * D(rng.randint(40, 75)) / 100)
    project = budget - basic
    spent_basic = r2(basic * D(rng.randint(95, 100)) / 100)
    spent_project = r2(project * D(rng.randint(55, 100)) / 100)
    spent = spent_basic + spent_project
    staff_cost = r2(spent_basic * D(rng.randint(70, 90)) / 100)
    office_cost = spent_basic - staff_cost
    rate = _pc(spent, budget)
    if slip == "rate":
        rate += D(rng.choice(("1.20", "-2.50", "4.00")))
    printed_staff_cost = staff_cost + (D(rng.choice(("1.00", "10.00", "-3.00"))) if slip == "sum" else 0)
    income_text = f"{y}年部门收入合计{income}万元,其中:" + _listed(rng, _INCOME[: len(incomes)], incomes, income, True, "收入合计") + "。"
    if slip == "share":  # one share moved: the first item's
        head, _, rest = income_text.partition("%")
        number = head[len(head.rstrip("0123456789.")):]
        income_text = head[: len(head) - len(number)] + str(D(number) + D("2.00")) + "%" + rest
    spending = rng.choice((
        f"全年预算数{budget}万元,全年执行数{spent}万元,预算执行率{rate}%。其中:基本支出{spent_basic}万元,"
        f"项目支出{spent_project}万元。",
        f"{y}年度部门预算{budget}万元,实际支出{spent}万元,预算执行率为{rate}%;其中基本支出预算{basic}万元,"
        f"支出{spent_basic}万元,执行率{_pc(spent_basic, basic)}%;项目支出预算{project}万元,支出{spent_project}万元,"
        f"执行率{_pc(spent_project, project)}%。",
    ))  # fmt: skip
    basic_text = rng.choice((
        f"基本支出{spent_basic}万元,其中人员经费{printed_staff_cost}万元,公用经费{office_cost}万元。",
        f"基本支出中,人员经费{printed_staff_cost}万元、公用经费{office_cost}万元,合计{spent_basic}万元。",
    ))  # fmt: skip
    prior = r2(income * D(rng.randint(80, 120)) / 100)
    income_text += f"收入合计{_change(rng, income, prior, rng.random() < 0.5, '')}。"
    functions = _split(rng, spent, rng.choice((2, 3, 4)), zeros=False)
    function_text = f"按支出功能分类,{y}年支出{spent}万元,其中:" + _listed(rng, _FUNCTIONS[: len(functions)], functions, spent, True, "总支出") + "。"
    sangong = amount(rng, 2, 40)
    sangong_budget = r2(sangong * D(rng.randint(100, 130)) / 100)
    control = rng.choice((
        f"“三公”经费预算{sangong_budget}万元,实际支出{sangong}万元,“三公”经费控制率{_pc(sangong, sangong_budget)}%。",
        f"结转结余率:年末结转结余{budget - spent}万元,全年预算{budget}万元,结转结余率{_pc(budget - spent, budget)}%。",
    ))  # fmt: skip
    kinds = [("产出指标", rng.randint(3, 12)), ("效益指标", rng.randint(2, 8)), ("满意度指标", rng.randint(1, 3))]
    set_ = sum(k for _, k in kinds)
    met = set_ - rng.randint(0, 3)
    targets = rng.choice((
        f"年初共设置绩效指标{set_}个,其中" + "、".join(f"{n}{k}个" for n, k in kinds) + f";已完成{met}个,指标完成率{_pc(D(met), D(set_))}%。",
        f"部门整体绩效目标共设置{set_}项指标,全年完成{met}项,完成率{_pc(D(met), D(set_))}%。",
    ))  # fmt: skip
    got = [D(w) - D(rng.choice(("0", "0", "0.5", "1", "2", "3"))) for _, w in _KINDS]
    score = sum(got, D(0))
    if slip == "score":
        score += D(rng.choice(("1", "-1", "2"))) if score <= 98 else D(-1)
    rows = "、".join(f"{n}{g}分" for (n, _), g in zip(_KINDS, got, strict=True))
    table = "一级指标 | 分值 | 自评得分 |\n" + "".join(f"{n} | {w} | {g} |\n" for (n, w), g in zip(_KINDS, got, strict=True)) + f"合计 | 100 | {score} |"
    verdict = rng.choice((
        table,
        f"经自评,{dept}{y}年度部门整体支出绩效自评得分{score}分,其中{rows},评价等级为“{_grade(sum(got, D(0)))}”。",
        f"综上,部门整体支出绩效自评综合得分{score}分(" + ",".join(f"{n}{w}分,得{g}分" for (n, w), g in zip(_KINDS, got, strict=True))
        + f"),等级为“{_grade(sum(got, D(0)))}”。",
    ))  # fmt: skip
    lines = [
        f"{dept}{y}年度部门整体支出绩效自评报告",
        "一、部门基本情况",
        "(一)机构设置",
        org,
        sub,
        "(二)人员情况",
        people,
        "二、部门预算收支情况",
        income_text,
        spending,
        basic_text,
        function_text,
        control,
        "三、绩效目标完成情况",
        targets,
        f"全年组织业务培训{rng.randint(2, 12)}期,培训{rng.randint(50, 900)}人次。",
        "四、自评结论",
        verdict,
        "五、存在的问题",
        "部分项目支出进度偏慢,绩效目标设置不够细化。",
    ]
    return "\n".join(lines)
