"""A made-up 部门预算公开说明 in its standard phrasing, every figure computed here in Decimal
(ROUND_HALF_UP) and scaled by ``seed``."""

from __future__ import annotations

from decimal import Decimal as D

from made_up_juesuan import pct, r2


def document(seed: int = 0) -> str:
    k = D(1) + D(seed) / 6
    gov, biz, carry = r2(D("1532.80") * k), r2(D("120.00") * k), r2(D("47.20") * k)
    total = gov + biz + carry
    basic = r2(total * D("0.66"))
    project = total - basic
    prev_total = r2(total * D("0.95"))
    e1, e2 = r2(gov * D("0.7")), r2(gov * D("0.2"))
    e3 = gov - e1 - e2
    personnel = r2(basic * D("0.85"))
    public = basic - personnel
    car, recv = r2(D("8.00") * k), r2(D("4.50") * k)
    sangong = car + recv
    sangong_prev = r2(sangong * D("1.08"))
    goods, services = r2(D("60.00") * k), r2(D("35.50") * k)
    p_total = goods + services
    return "\n".join([
        "一、收支预算总体情况",
        f"2024年收入预算{total}万元,其中:一般公共预算拨款收入{gov}万元,占{pct(gov, total)}%;事业收入{biz}万元,"
        f"占{pct(biz, total)}%;上年结转{carry}万元,占{r2(100 - pct(gov, total) - pct(biz, total))}%。",
        f"2024年支出预算{total}万元,其中:基本支出{basic}万元,占{pct(basic, total)}%;项目支出{project}万元,"
        f"占{r2(100 - pct(basic, total))}%。",
        f"与2023年预算相比,收、支总预算各增加{total - prev_total}万元,增长{pct(total - prev_total, prev_total)}%,"
        "主要原因是人员经费标准调整。",
        "二、一般公共预算当年拨款情况",
        f"2024年一般公共预算当年拨款{gov}万元。按支出功能分类:一般公共服务支出{e1}万元,占{pct(e1, gov)}%;"
        f"社会保障和就业支出{e2}万元,占{pct(e2, gov)}%;住房保障支出{e3}万元,占{r2(100 - pct(e1, gov) - pct(e2, gov))}%。",
        "三、一般公共预算基本支出情况",
        f"2024年一般公共预算基本支出{basic}万元,其中:人员经费{personnel}万元,公用经费{public}万元。",
        "四、“三公”经费预算情况",
        f"2024年“三公”经费预算数为{sangong}万元,较上年预算{sangong_prev}万元减少{sangong_prev - sangong}万元,"
        f"下降{pct(sangong_prev - sangong, sangong_prev)}%。其中:因公出国(境)费0万元;公务用车购置及运行维护费{car}万元;"
        f"公务接待费{recv}万元。",
        "五、政府采购预算情况",
        f"2024年政府采购预算总额{p_total}万元,其中:政府采购货物预算{goods}万元、政府采购服务预算{services}万元。",
        "六、绩效目标设置情况",
        f"2024年实行绩效目标管理的项目共5个,涉及资金{project}万元。",
    ])
