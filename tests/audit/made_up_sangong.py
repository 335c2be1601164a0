"""A made-up 三公经费 note and a 项目支出绩效自评表 copied as text, in the phrasings published ones
use, every figure computed here in Decimal (ROUND_HALF_UP) and scaled by ``seed``."""

from __future__ import annotations

from decimal import Decimal as D

from made_up_juesuan import pct, r2


def document(seed: int = 0) -> str:
    k = D(1) + D(seed) / 5
    buy, run, recv = r2(D("0") * k), r2(D("14.60") * k), r2(D("5.25") * k)
    car = buy + run
    total = car + recv
    budget = r2(total * D("1.2"))
    run_prev, recv_prev = r2(run * D("1.1")), r2(recv * D("0.9"))
    prev = run_prev + recv_prev
    t_initial, t_budget = r2(D("80.00") * k), r2(D("90.00") * k)
    t_spent = r2(t_budget * D("0.93"))
    return "\n".join([
        "一、“三公”经费支出情况",
        f"2023年度“三公”经费财政拨款支出预算为{budget}万元,支出决算为{total}万元,完成预算的{pct(total, budget)}%。"
        f"其中:因公出国(境)费支出决算为0万元;公务用车购置及运行维护费支出决算为{car}万元,占{pct(car, total)}%;"
        f"公务接待费支出决算为{recv}万元,占{r2(100 - pct(car, total))}%。",
        f"2023年度“三公”经费支出{total}万元,上年同期支出{prev}万元,同比减少{prev - total}万元,"
        f"下降{pct(prev - total, prev)}%。",
        f"公务用车购置及运行维护费{car}万元,其中:公务用车购置费{buy}万元;公务用车运行维护费{run}万元,"
        f"比上年减少{run_prev - run}万元,下降{pct(run_prev - run, run_prev)}%,主要原因是车辆减少。"
        f"公务接待费{recv}万元,比上年增加{recv - recv_prev}万元,增长{pct(recv - recv_prev, recv_prev)}%。",
        "截至2023年12月31日,公务用车保有量为3辆,国内公务接待批次为42批次,接待人次为260人次。",
        "二、项目支出绩效自评表",
        "项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分",
        f"年度资金总额 | {t_initial} | {t_budget} | {t_spent} | 10 | {pct(t_spent, t_budget)}% | 9.3",
        f"其中:当年财政拨款 | {t_initial} | {t_budget} | {t_spent} | - | {pct(t_spent, t_budget)}% | -",
    ])
