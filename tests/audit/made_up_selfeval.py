"""A made-up 部门整体支出绩效自评报告 in the phrasing accountants use, every figure computed here in
Decimal (ROUND_HALF_UP) and scaled by ``seed``."""

from __future__ import annotations

from decimal import Decimal as D

from made_up_juesuan import pct, r2


def document(seed: int = 0) -> str:
    k = D(1) + D(seed) / 8
    initial, added = r2(D("640.00") * k), r2(D("85.50") * k)
    budget = initial + added
    basic = r2(budget * D("0.62"))
    project_budget = budget - basic
    p1, p2 = r2(project_budget * D("0.55")), r2(project_budget * D("0.25"))
    p3 = project_budget - p1 - p2
    spent = r2(budget * D("0.95"))
    arrived = r2(project_budget * D("0.98"))
    project_spent = r2(arrived * D("0.9"))
    prev = r2(spent * D("0.92"))
    return "\n".join([
        "一、部门基本情况",
        "本部门内设机构共4个,分别为:办公室、财务股、业务股、监督股。下属事业单位2个,即信息中心和服务中心。"
        "编制人数45人,实有人数43人,其中:在职人员40人,离休人员0人,退休人员3人。",
        "二、部门整体支出情况",
        f"2023年度年初预算{initial}万元,年中追加{added}万元,调整后预算{budget}万元。其中:基本支出{basic}万元,"
        f"占{pct(basic, budget)}%;项目支出{project_budget}万元,占{r2(100 - pct(basic, budget))}%。",
        f"项目支出{project_budget}万元,具体情况如下:",
        f"1.业务培训项目{p1}万元。",
        f"2.信息化运维项目{p2}万元。",
        f"3.宣传教育项目{p3}万元。",
        f"全年预算数{budget}万元,全年执行数{spent}万元,预算执行率{pct(spent, budget)}%。",
        f"2023年度实际支出{spent}万元,比上年增加{spent - prev}万元,增长{pct(spent - prev, prev)}%。",
        "三、项目资金管理情况",
        f"项目计划资金{project_budget}万元,实际到位资金{arrived}万元,资金到位率{pct(arrived, project_budget)}%;"
        f"已支出{project_spent}万元,支出率{pct(project_spent, arrived)}%。",
        "四、绩效目标完成情况",
        "共设置绩效指标20个,其中:产出指标12个,效益指标6个,满意度指标2个。一是完成培训12期;二是完成系统运维;"
        "三是开展宣传活动8场。",
        "五、自评结论",
        "经自评,本部门2023年度整体支出绩效自评得分为95.5分,等级为“优”。",
        "六、存在的问题",
        "一是预算编制精细化程度有待提高;二是绩效指标设置不够细化。",
    ])
