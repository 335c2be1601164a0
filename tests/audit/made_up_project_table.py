"""Random 项目支出绩效自评表 as a web page or a PDF gives them as text: the form the finance departments prescribe (项目名称,
主管部门, the 项目资金 rows with 分值 10, 执行率 and 得分, the 年度总体目标, then 一级/二级/三级指标 with 年度指标值, 实际完成值,
分值, 得分 and 偏差原因, and 总分), its cells between spaces or "|", a group's 一级指标 printed once ("产出指标(50分)"),
indicator rows the department left empty ("生态效益指标" alone, or with a 0), several tables one after another; and the
部门(单位)整体支出绩效自评表 of the same form (年度预算情况, its amounts 按收入性质分 and 按支出性质分).

Every figure is computed here in Decimal (ROUND_HALF_UP); written from the form, not from any corpus text. ``Slip``
says what a test moves: the printed 总分, or one indicator's 得分 (the 总分 then no longer its sum), or one 一级指标's printed
weight ("label": "产出指标(52分)" over rows of 50), or one row's 分值 ("weight": a point more, the 总分 still 100). ``Form``
is where the 成本指标 stands: a 二级 of 产出 (the older form, "old"), or a 一级 of its own (the newer one) printed with its
weight ("cost") or with its name alone ("bare").
"""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP
from decimal import Decimal as D
from typing import Literal

Slip = Literal["", "total", "row", "label", "weight"]
Form = Literal["old", "cost", "bare"]

_CENT = D("0.01")
_PROJECTS = ("科技特派员创业行动经费", "农村饮水安全巩固提升工程", "城乡居民医疗救助资金", "公共文化服务体系建设补助",
             "高标准农田建设项目", "乡村道路养护经费", "森林防火专项经费", "义务教育薄弱环节改善资金")  # fmt: skip
_DEPARTMENTS = ("县科学技术局", "县水利局", "县医疗保障局", "县文化和旅游局", "县农业农村局", "县交通运输局", "县林业局", "县教育局")
_SECOND = {
    "产出": ("数量指标", "质量指标", "时效指标", "成本指标"),
    "效益": ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
    "满意度": ("服务对象满意度指标",),
}
_COST = ("经济成本指标", "社会成本指标")  # the newer form's 二级 of its 一级 成本指标
_THIRD = ("开展培训次数", "完成项目数量", "验收合格率", "资金拨付及时率", "项目完工时间", "单位成本控制", "带动群众增收",
          "受益人口覆盖率", "环境改善程度", "长效管护机制", "群众满意度")  # fmt: skip
_TARGETS = (("≥{n}次", "{n}次"), ("{n}个", "{n}个"), ("≥95%", "{p}%"), ("≤{n}万元", "{n}万元"), ("{y}年底前", "{y}年底前完成"),
            ("达到预期", "达成预期指标"), ("≥90%", "{p}%"))  # fmt: skip
_REASONS = ("", "", "", "无偏差", "资金到位较晚，进度略有滞后", "个别乡镇未按时上报", "受天气影响工期顺延")


def _weights(rng: random.Random, total: int, parts: int) -> list[int]:
    """``parts`` whole weights adding up to ``total``, each at least 1 (the form's weights are whole points)."""
    cuts = sorted(rng.sample(range(1, total), parts - 1)) if parts > 1 else []
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def _score(rng: random.Random, weight: int) -> D:
    got = D(weight) * D(rng.choice((100, 100, 100, 95, 90, 85, 80, 70))) / 100
    return got.quantize(D(rng.choice(("1", "0.1", "0.01"))), ROUND_HALF_UP)


def project_score_table(rng: random.Random, slip: Slip = "", year: int = 2023, whole: bool = False, form: Form = "old") -> str:
    """One 项目支出绩效自评表 as text (see the module docstring); ``whole``: the 部门(单位)整体支出绩效自评表 of the same
    form (年度预算情况, its amounts 按收入性质分 and 按支出性质分 between the 资金 row and the 年度总体目标)."""
    sep = rng.choice((" ", "  ", " | "))
    budget = D(rng.randint(500, 900000)) / 100
    spent = min(budget, (budget * D(rng.randint(60, 105)) / 100).quantize(_CENT, ROUND_HALF_UP))
    rate = (spent / budget * 100).quantize(_CENT, ROUND_HALF_UP)
    fund_score = (D(10) * rate / 100).quantize(_CENT, ROUND_HALF_UP)
    name, unit = rng.choice(_PROJECTS), rng.choice(_DEPARTMENTS)
    dash = rng.choice(("", "—", "/"))
    if whole:
        basic = (spent * D(rng.randint(40, 90)) / 100).quantize(_CENT, ROUND_HALF_UP)
        return _whole_table(rng, sep, year, unit, budget, spent, rate, fund_score, basic, slip, form)
    lines = [
        "项目支出绩效自评表",
        f"({year}年度)",
        sep.join(("项目名称", name)),
        sep.join(("主管部门", f"{rng.randint(10, 99):03d}-{unit}", "实施单位", f"{rng.randint(100000, 999999)}-{unit}")),
        sep.join(("项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")),
        sep.join(("年度资金总额:", f"{budget:f}", f"{budget:f}", f"{spent:f}", "10", f"{rate}%", f"{fund_score:f}")),
        sep.join(("其中:本年财政拨款", f"{budget:f}", f"{budget:f}", f"{spent:f}", *([dash] * 3 if dash else []))),
        sep.join(("上年结转资金", "0", "0", "0")),
        sep.join(("其他资金", "0", "0", "0")),
        sep.join(("年度总体目标", "预期目标", "实际完成情况")),
        rng.choice((f"按期完成{name}各项任务。", f"完成{name}年度目标", "发挥资金使用效益，保障项目顺利实施。")),
    ]
    return _indicators(rng, sep, year, lines, fund_score, slip, form)


def _whole_table(
    rng: random.Random, sep: str, year: int, unit: str, budget: D, spent: D, rate: D, fund_score: D, basic: D, slip: Slip, form: Form
) -> str:
    lines = [
        "部门(单位)整体支出绩效自评表",
        f"({year}年度)",
        sep.join(("部门(单位)名称", unit)),
        sep.join(("年度预算情况(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")),
        sep.join(("年度资金总额:", f"{budget:f}", f"{budget:f}", f"{spent:f}", "10", f"{rate}%", f"{fund_score:f}")),
        sep.join(("按收入性质分", "按支出性质分")),
        sep.join(("其中:一般公共预算:", f"{spent:f}", "其中:基本支出:", f"{basic:f}")),
        sep.join(("政府性基金预算:", "0", "项目支出:", f"{spent - basic:f}")),
        sep.join(("国有资本经营预算:", "0")),
        sep.join(("财政专户管理资金:", "0")),
        sep.join(("单位资金:", "0")),
        sep.join(("年度总体目标", "预期目标", "实际完成情况")),
        rng.choice(("全面履行部门职责，保障各项工作顺利开展。", "完成年度重点工作任务", "提升公共服务水平。")),
    ]
    return _indicators(rng, sep, year, lines, fund_score, slip, form)


def _indicators(rng: random.Random, sep: str, year: int, lines: list[str], fund_score: D, slip: Slip, form: Form = "old") -> str:
    lines.append(sep.join(("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")))
    group_weights = dict(zip(("产出", "效益", "满意度"), rng.choice(((50, 30, 10), (40, 40, 10), (60, 20, 10), (50, 25, 15))), strict=True))
    seconds_of = dict(_SECOND)
    if form != "old":  # the newer form: 成本指标 a 一级 of its own (10 to 20 points of 产出's), after 产出
        cost = rng.choice((10, 15, 20))
        group_weights = {"产出": group_weights["产出"] - cost, "成本": cost, "效益": group_weights["效益"], "满意度": group_weights["满意度"]}
        seconds_of = {"产出": _SECOND["产出"][:3], "成本": _COST, "效益": _SECOND["效益"], "满意度": _SECOND["满意度"]}
    labelled = {g: form != "bare" or g != "成本" for g in group_weights}
    moved = rng.choice([g for g in group_weights if labelled[g]]) if slip == "label" else ""
    printed = {g: w + (rng.choice((1, 2, -1, -2)) if g == moved else 0) for g, w in group_weights.items()}
    built: list[tuple[list[str] | str, D]] = []  # (a scored row's cells, or an empty row's line; its score)
    for group, weight in group_weights.items():
        seconds = [s for s in seconds_of[group] if not (s == "生态效益指标" and rng.random() < 0.5)]
        empty = [s for s in seconds_of[group] if s not in seconds]
        points = _weights(rng, weight, len(seconds))
        for k, (second, w) in enumerate(zip(seconds, points, strict=True)):
            n, p = rng.randint(2, 60), rng.randint(90, 100)
            target, done = (t.format(n=n, p=p, y=year) for t in rng.choice(_TARGETS))
            got = _score(rng, w)
            first = (f"{group}指标({printed[group]}分)" if labelled[group] else f"{group}指标") if k == 0 else ""
            built.append(([first, second, rng.choice(_THIRD), target, done, str(w), f"{got:f}", rng.choice(_REASONS)], got))
        for second in empty:  # a kind of indicator the department did not use: a row of its name, perhaps a 0
            built.append((sep.join((second, *(["0"] if rng.random() < 0.5 else []))), D(0)))
    if slip == "weight":  # one row's 分值 printed a point more (its 得分 still at most its 分值); the 总分 row still 100
        cells = rng.choice([r for r, _ in built if isinstance(r, list)])
        assert isinstance(cells, list)
        cells[5] = str(int(cells[5]) + 1)
    rows = [((sep.join(r) if sep == " | " else sep.join(c for c in r if c)) if isinstance(r, list) else r, got) for r, got in built]
    if slip == "row":
        k = rng.choice([k for k, (_, got) in enumerate(rows) if got > 1])
        line, got = rows[k]
        cells = line.rsplit(f"{got:f}", 1)
        rows[k] = (f"{got - 1:f}".join(cells), got)  # the printed score one lower; the total still of the true ones
    total = fund_score + sum((got for _, got in rows), D(0))
    if slip == "total":
        total += rng.choice((D(1), D("-1"), D("0.5"), D("-2")))
    lines += [line for line, _ in rows]
    lines.append(sep.join((rng.choice(("总分", "总 分", "合计")), "100", f"{total:f}")))
    return "\n".join(lines)


def project_score_tables(rng: random.Random, slip: Slip = "", tables: int = 1, whole: bool = False, form: Form = "old") -> str:
    """A department's page of several 项目支出绩效自评表 one after another (only the last one moved, if any); ``whole``:
    its 部门整体支出绩效自评表 first."""
    out = [project_score_table(rng, slip if tables == 0 else "", whole=True, form=form)] if whole else []
    return "\n\n".join(out + [project_score_table(rng, slip if k == tables - 1 else "", form=form) for k in range(tables)])
