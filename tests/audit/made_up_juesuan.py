"""A made-up 部门决算公开说明 in the standard phrasing of its eleven sections, every figure computed
here in Decimal (ROUND_HALF_UP), scaled by ``seed``: a text whose relations all hold, for checking
that the rules together raise nothing on it and catch each figure broken on purpose."""

from __future__ import annotations

from decimal import ROUND_HALF_UP
from decimal import Decimal as D


def r2(x: D) -> D:
    return x.quantize(D("0.01"), ROUND_HALF_UP)


def pct(a: D, b: D, places: int = 2) -> D:
    return (a / b * 100).quantize(D(1).scaleb(-places), ROUND_HALF_UP)


def document(seed: int = 0) -> str:
    k = D(1) + D(seed) / 10
    fin, biz, oth = r2(D("812.36") * k), r2(D("95.40") * k), r2(D("12.08") * k)
    income = fin + biz + oth
    carry_in, carry_out = r2(D("20.50") * k), r2(D("18.30") * k)
    grand = income + carry_in
    spend = grand - carry_out
    basic = r2(spend * D("0.7"))
    project = spend - basic
    personnel = r2(basic * D("0.8"))
    public = basic - personnel
    prev_spend = r2(spend * D("0.9"))
    change = spend - prev_spend
    f1, f2 = r2(fin * D("0.6")), r2(fin * D("0.3"))
    f3 = fin - f1 - f2
    s_abroad, s_car, s_recv = D("0"), r2(D("12.40") * k), r2(D("3.20") * k)
    sangong = s_abroad + s_car + s_recv
    s_prev = r2(sangong * D("1.1"))
    run, run_prev = r2(D("45.10") * k), r2(D("48.90") * k)
    goods, works, services = r2(D("30.00") * k), r2(D("50.00") * k), r2(D("20.00") * k)
    procurement = goods + works + services
    sme = r2(procurement * D("0.85"))
    lines = [
        "一、收入支出决算总体情况说明",
        f"2023年度收入总计{grand}万元,其中:本年收入合计{income}万元,年初结转和结余{carry_in}万元。"
        f"2023年度支出总计{grand}万元,其中:本年支出合计{spend}万元,年末结转和结余{carry_out}万元。",
        "二、收入决算情况说明",
        f"本年收入合计{income}万元,其中:财政拨款收入{fin}万元,占{pct(fin, income)}%;事业收入{biz}万元,"
        f"占{pct(biz, income)}%;其他收入{oth}万元,占{r2(100 - pct(fin, income) - pct(biz, income))}%。",
        "三、支出决算情况说明",
        f"本年支出合计{spend}万元,其中:基本支出{basic}万元,占{pct(basic, spend)}%;项目支出{project}万元,"
        f"占{r2(100 - pct(basic, spend))}%。与上年相比,本年支出合计增加{change}万元,增长{pct(change, prev_spend)}%。",
        "四、一般公共预算财政拨款支出决算情况说明",
        f"2023年度一般公共预算财政拨款支出{fin}万元,主要用于以下方面:一般公共服务(类)支出{f1}万元,"
        f"占{pct(f1, fin)}%;社会保障和就业(类)支出{f2}万元,占{pct(f2, fin)}%;住房保障(类)支出{f3}万元,"
        f"占{r2(100 - pct(f1, fin) - pct(f2, fin))}%。",
        "五、一般公共预算财政拨款基本支出决算情况说明",
        f"2023年度一般公共预算财政拨款基本支出{basic}万元,其中:人员经费{personnel}万元,主要包括基本工资、津贴补贴;"
        f"公用经费{public}万元,主要包括办公费、印刷费。",
        "六、“三公”经费支出决算情况说明",
        f"2023年度“三公”经费支出{sangong}万元,比上年减少{s_prev - sangong}万元,下降{pct(s_prev - sangong, s_prev)}%。"
        f"其中:因公出国(境)费{s_abroad}万元;公务用车购置及运行维护费{s_car}万元;公务接待费{s_recv}万元。",
        "七、机关运行经费支出说明",
        f"2023年度机关运行经费支出{run}万元,比上年减少{run_prev - run}万元,下降{pct(run_prev - run, run_prev)}%,"
        "主要原因是厉行节约。",
        "八、政府采购支出说明",
        f"2023年度政府采购支出总额{procurement}万元,其中:政府采购货物支出{goods}万元、政府采购工程支出{works}万元、"
        f"政府采购服务支出{services}万元。授予中小企业合同金额{sme}万元,占政府采购支出总额的{pct(sme, procurement)}%。",
        "九、国有资产占用情况说明",
        "截至2023年12月31日,共有车辆4辆,其中:主要领导干部用车0辆、机要通信用车1辆、应急保障用车1辆、"
        "执法执勤用车2辆、其他用车0辆;单价50万元以上通用设备1台(套)。",
        "十、预算绩效情况说明",
        "2023年度共实施项目6个,其中年初安排5个项目,年中追加1个项目。共设置绩效指标18个,其中:数量指标6个,"
        "质量指标4个,时效指标2个,成本指标2个,效益指标3个,满意度指标1个。",
        f"全年预算数{spend}万元,全年执行数{r2(spend * D('0.96'))}万元,预算执行率{pct(r2(spend * D('0.96')), spend)}%。",
        "十一、人员情况",
        "在职人员40人,其中:专业技术人员30人,管理人员6人,工勤人员4人;退休人员12人。",
    ]
    return "\n".join(lines)
