"""Random 部门决算公开说明 and 部门预算公开说明 in the phrasings the genre uses, every figure computed here in Decimal
(ROUND_HALF_UP) and right: totals and their 其中 parts by source, by kind and by function; shares of the named total
that add up to 100.00%; changes on last year with both years printed or only the change; 完成年初预算 rates beside
their budgets; the 三公 items with the car's own two parts in brackets; 政府采购 by kind with the share of small firms;
a department's cars and staff by kind; carry-overs on both sides of the 收支总计.

Written from the genre's fixed sections (the 公开 templates of the finance ministry), not from any corpus text. Each call
draws the department's figures, the sections it prints (a published note leaves some out), their order of clauses
and their wording from ``rng``; ``slip`` moves one figure a reader could check (see ``SLIPS``), else the page is right.
"""

from __future__ import annotations

import random
from decimal import Decimal as D

from made_up_paragraphs import amount, pc, r2

from selfeval_xl.core.numbers import apportion

SLIPS = ("", "part", "share", "change", "rate")


def _pc(part: D, whole: D) -> D:
    return pc(part, whole) if whole else D(0)  # (a change from nothing prints no percentage worth checking)


def _split(rng: random.Random, total: D, n: int, zeros: bool = True) -> list[D]:
    """``n`` parts of ``total`` to the cent (some of them 0.00 when ``zeros``)."""
    cuts = sorted(rng.randint(0, int(total * 100)) for _ in range(n - 1))
    parts = [r2(D(b - a) / 100) for a, b in zip([0, *cuts], [*cuts, int(total * 100)], strict=True)]
    if zeros and n > 2 and rng.random() < 0.4:
        k = rng.randrange(1, n)
        parts[0], parts[k] = parts[0] + parts[k], D("0.00")
    return parts


def _shares(rng: random.Random, parts: list[D], total: D) -> list[D]:
    """Each part's share, added up to 100.00% as departments print them: the rounding remainder moved by largest
    remainder (as this tool prints its own shares) or onto the last item (100% less the others)."""
    exact = [p / total * 100 for p in parts]
    if rng.random() < 0.5:
        return apportion(D(100), exact)[0]
    shares = [r2(e) for e in exact]
    return [*shares[:-1], D(100) - sum(shares[:-1], D(0))]


def _change(rng: random.Random, now: D, prev: D, both: bool, name: str) -> str:
    up = now >= prev
    diff = abs(now - prev)
    word, pct_word = ("增加", "增长") if up else ("减少", "下降")
    pct = _pc(diff, prev)
    if both:
        return rng.choice((
            f"比上年的{prev}万元{word}{diff}万元,{pct_word}{pct}%",
            f"与上年{prev}万元相比,{word}{diff}万元,{pct_word}{pct}%",
            f"较上年决算数{prev}万元{word}{diff}万元,{pct_word}{pct}%",
        ))  # fmt: skip
    return rng.choice((
        f"比上年{word}{diff}万元,{pct_word}{pct}%",
        f"与上年相比{word}{diff}万元,{pct_word}{pct}%",
        f"较上年{word}{diff}万元,{pct_word}{pct}%",
    )) + ("" if name == "" else f",主要原因是{name}")  # fmt: skip


def _listed(
    rng: random.Random, names: list[str], parts: list[D], total: D, with_shares: bool, of: str, printed: list[D] | None = None
) -> str:
    """The parts named, each with its share of ``total`` when ``with_shares`` (shares of the true parts, the amounts
    as ``printed`` when one was mistyped)."""
    shares = _shares(rng, parts, total) if with_shares else []
    sep = rng.choice((";", ","))
    of_total = rng.choice(("", f"{of}的"))
    form = rng.choice((",占{of}{share}%", "(占{of}{share}%)", ",占比{share}%"))  # one form for the whole list
    items = []
    for k, (name, part) in enumerate(zip(names, printed or parts, strict=True)):
        item = f"{name}{part}万元"
        if with_shares:
            item += form.format(of=of_total, share=shares[k])
        items.append(item)
    return sep.join(items)


_INCOME = ["财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]
_SPENDING = ["基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]
_FUNCTIONS = ["一般公共服务(类)支出", "教育(类)支出", "社会保障和就业(类)支出", "卫生健康(类)支出", "农林水(类)支出",
              "住房保障(类)支出"]  # fmt: skip
_REASONS = ("人员调整、工资标准提高", "项目资金减少", "新增专项业务经费", "厉行节约、压减一般性支出")


def final_accounts(rng: random.Random, slip: str = "", year: int = 2023) -> str:
    """A 部门决算公开说明 (its figures right unless ``slip``)."""
    income = amount(rng, 80, 9000)
    inc = _split(rng, income, rng.choice((2, 3, 4)))
    carry_in = rng.choice((D("0.00"), amount(rng, 1, 60)))
    grand = income + carry_in
    spend = r2(grand * D(rng.randint(88, 100)) / 100)
    carry_out = grand - spend
    basic = r2(spend * D(rng.randint(35, 90)) / 100)
    sp = [basic, spend - basic] + [D("0.00")] * rng.choice((0, 1, 3))
    prev_income, prev_spend = r2(income * D(rng.randint(80, 120)) / 100), r2(spend * D(rng.randint(80, 120)) / 100)
    fin = inc[0]
    budget_fin = r2(fin * D(rng.randint(85, 110)) / 100)
    funcs = _split(rng, fin, rng.choice((3, 4, 5)), zeros=False)
    personnel = r2(basic * D(rng.randint(70, 92)) / 100)
    public = basic - personnel
    car_buy, car_run = rng.choice((D("0.00"), amount(rng, 10, 30))), amount(rng, 1, 25)
    abroad, receive = rng.choice((D("0.00"), amount(rng, 1, 8))), amount(rng, 0, 12)
    sangong = abroad + car_buy + car_run + receive
    sangong_budget = r2(sangong * D(rng.randint(100, 130)) / 100)
    sangong_prev = r2(sangong * D(rng.randint(85, 125)) / 100)
    run, run_prev = amount(rng, 10, 300), amount(rng, 10, 300)
    buy = _split(rng, amount(rng, 5, 800), 3)
    bought = sum(buy, D(0))
    sme = r2(bought * D(rng.randint(60, 100)) / 100)
    small = r2(sme * D(rng.randint(50, 100)) / 100)
    cars = [rng.randint(0, 3) for _ in range(4)]
    staff = [rng.randint(1, 60), rng.randint(0, 10), rng.randint(0, 8)]
    moved: dict[str, D] = {}
    if slip == "part":
        moved["part"] = D(rng.choice((1, 10, 100)))  # (a part mistyped high: a low one may go below zero)
    inc_printed = list(inc)
    if "part" in moved:
        inc_printed[0] += moved["part"]
    names = [*_INCOME[: len(inc) - 1], "其他收入"]
    drawn = rng.random()  # the same draws for the shares printed and the one a slip moves
    shares_of_income = _shares(random.Random(drawn), inc, income)
    share_text = _listed(random.Random(drawn), names, inc, income, True, "本年收入合计", inc_printed)
    if slip == "share":
        wrong = shares_of_income[0] + D(rng.choice(("1.50", "2.30", "5.00")))
        share_text = share_text.replace(f"{shares_of_income[0]}%", f"{wrong}%", 1)
    change_spend = _change(rng, spend, prev_spend, rng.random() < 0.5, rng.choice(_REASONS))
    if slip == "change":
        diff = abs(spend - prev_spend)
        change_spend = change_spend.replace(f"{diff}万元", f"{diff + D(rng.choice(('3.00', '12.50', '40.00')))}万元", 1)
    rate = _pc(fin, budget_fin)
    rate_text = f"{rate + D(rng.choice(('2.00', '-3.10', '7.00')))}" if slip == "rate" else f"{rate}"
    y = year
    sections: list[tuple[str, str]] = [
        ("收入支出决算总体情况说明", rng.choice((
            f"{y}年度收入总计{grand}万元,支出总计{grand}万元。",
            f"{y}年度收、支总计均为{grand}万元。",
        )) + rng.choice((
            f"其中:本年收入合计{income}万元,年初结转和结余{carry_in}万元;本年支出合计{spend}万元,年末结转和结余{carry_out}万元。",
            f"本年收入合计{income}万元,本年支出合计{spend}万元,年末结转和结余{carry_out}万元。",
        ))),
        ("收入决算情况说明", f"{y}年度本年收入合计{income}万元,{_change(rng, income, prev_income, rng.random() < 0.5, '')}。"
         + rng.choice(("其中:", "其中,", "收入构成如下:")) + share_text + "。"),
        ("支出决算情况说明", f"{y}年度本年支出合计{spend}万元,{change_spend}。其中:"
         + _listed(rng, _SPENDING[: len(sp)], sp, spend, rng.random() < 0.7, "本年支出合计") + "。"),
        ("一般公共预算财政拨款支出决算情况说明", rng.choice((
            f"{y}年度一般公共预算财政拨款支出{fin}万元,完成年初预算{budget_fin}万元的{rate_text}%。",
            f"{y}年度一般公共预算财政拨款支出年初预算为{budget_fin}万元,支出决算为{fin}万元,完成年初预算的{rate_text}%。",
        )) + rng.choice(("主要用于以下方面:", "其中:", "按支出功能分类,")) + _listed(
            rng, _FUNCTIONS[: len(funcs)], funcs, fin, rng.random() < 0.6, "一般公共预算财政拨款支出") + "。"),
        ("一般公共预算财政拨款基本支出决算情况说明", f"{y}年度一般公共预算财政拨款基本支出{basic}万元,其中:人员经费{personnel}万元,"
         f"主要包括基本工资、津贴补贴、奖金、社会保障缴费;公用经费{public}万元,主要包括办公费、印刷费、水电费、办公设备购置。"),
        ("“三公”经费支出决算情况说明", f"{y}年度“三公”经费支出决算为{sangong}万元,完成预算的{_pc(sangong, sangong_budget)}%,"
         f"{_change(rng, sangong, sangong_prev, False, '')}。其中:因公出国(境)费{abroad}万元;公务用车购置及运行维护费"
         f"{car_buy + car_run}万元(其中:公务用车购置费{car_buy}万元,公务用车运行维护费{car_run}万元);公务接待费{receive}万元。"),
        ("机关运行经费支出说明", f"{y}年度机关运行经费支出{run}万元,{_change(rng, run, run_prev, rng.random() < 0.3, '')}。"),
        ("政府采购支出说明", f"{y}年度政府采购支出总额{bought}万元,其中:政府采购货物支出{buy[0]}万元、政府采购工程支出{buy[1]}万元、"
         f"政府采购服务支出{buy[2]}万元。授予中小企业合同金额{sme}万元,占政府采购支出总额的{_pc(sme, bought)}%,其中:授予小微企业"
         f"合同金额{small}万元,占授予中小企业合同金额的{_pc(small, sme)}%。"),
        ("国有资产占用情况说明", f"截至{y}年12月31日,共有车辆{sum(cars)}辆,其中:机要通信用车{cars[0]}辆、应急保障用车{cars[1]}辆、"
         f"执法执勤用车{cars[2]}辆、其他用车{cars[3]}辆。"),
        ("人员情况", f"年末实有人员{sum(staff)}人,其中:在职人员{staff[0]}人,离休人员{staff[1]}人,退休人员{staff[2]}人。"),
    ]
    keep = [s for k, s in enumerate(sections) if k < 5 or rng.random() < 0.8 or (slip and k < 6)]
    numerals = "一二三四五六七八九十"
    lines = [f"{rng.choice(('某县', '某区', '某市'))}{rng.choice(('农业农村局', '文化馆', '人民医院', '司法局'))}{y}年度部门决算公开说明"]
    for k, (title, body) in enumerate(keep):
        lines += [f"{numerals[k]}、{title}", body]
    return "\n".join(lines)


def budget_note(rng: random.Random, slip: str = "", year: int = 2024) -> str:
    """A 部门预算公开说明 (its figures right unless ``slip``)."""
    total = amount(rng, 50, 6000)
    sources = _split(rng, total, rng.choice((2, 3)))
    prev = r2(total * D(rng.randint(80, 125)) / 100)
    basic = r2(total * D(rng.randint(40, 90)) / 100)
    project = total - basic
    funcs = _split(rng, sources[0], rng.choice((2, 3, 4)), zeros=False)
    car = amount(rng, 0, 20)
    receive = amount(rng, 0, 10)
    sangong = car + receive
    sangong_prev = r2(sangong * D(rng.randint(90, 120)) / 100)
    names = [*["一般公共预算拨款收入", "事业收入", "上年结转"][: len(sources) - 1], "其他收入"]
    printed = list(sources)
    if slip == "part":
        printed[0] += D(rng.choice(("1.00", "10.00", "0.50")))
    shares = _shares(rng, [basic, project], total)
    share_of_basic = shares[0] + (D("2.00") if slip == "share" else 0)
    change = _change(rng, total, prev, rng.random() < 0.4, "")
    if slip == "change":
        change = change.replace(f"{abs(total - prev)}万元", f"{abs(total - prev) + D('5.00')}万元", 1)
    y = year
    lines = [
        f"某县{rng.choice(('教育局', '卫生健康局', '水利局', '住房和城乡建设局'))}{y}年部门预算公开说明",
        "一、收支预算总体情况",
        f"{y}年收入预算{total}万元,{change}。其中:" + _listed(rng, names, printed, total, False, "") + "。",
        f"{y}年支出预算{total}万元,其中:基本支出{basic}万元,占{share_of_basic}%;项目支出{project}万元,占{shares[1]}%。",
        "二、一般公共预算拨款支出预算情况",
        f"{y}年一般公共预算拨款支出预算{sources[0]}万元,按支出功能分类:"
        + _listed(rng, _FUNCTIONS[: len(funcs)], funcs, sources[0], rng.random() < 0.5, "一般公共预算拨款支出") + "。",
        "三、“三公”经费预算情况",
        f"{y}年“三公”经费预算{sangong}万元,{_change(rng, sangong, sangong_prev, False, '')}。其中:因公出国(境)费0.00万元;"
        f"公务用车购置及运行维护费{car}万元;公务接待费{receive}万元。",
    ]
    return "\n".join(lines)


def other_sections(rng: random.Random, slip: str = "", year: int = 2023) -> str:
    """The other sections of a 决算 note, in any order: the 三公 items each with its change on last year and the car's
    two parts in a 其中 list of their own after its change; the year's change explained item by item (the items
    adding up to it); the carry-overs at the year's end; the assets by kind; the staff by kind. ``slip``: "part" moves
    an asset, "change" one item of the explained change."""
    y = year
    buy, run, receive = rng.choice((D("0.00"), amount(rng, 8, 30))), amount(rng, 1, 20), amount(rng, 0, 10)
    prev = [rng.choice((D("0.00"), amount(rng, 8, 30))), amount(rng, 1, 20), amount(rng, 0, 10)]
    car, car_prev = buy + run, prev[0] + prev[1]
    total, total_prev = car + receive, sum(prev, D(0))

    def changed(now: D, before: D) -> str:
        if now == before:
            return rng.choice(("与上年持平", "与上年相比无变化"))
        return _change(rng, now, before, rng.random() < 0.3, "")

    sangong = (
        f"{y}年度“三公”经费支出{total}万元,{changed(total, total_prev)}。其中:因公出国(境)费0.00万元,与上年持平;"
        f"公务用车购置及运行维护费{car}万元,{changed(car, car_prev)},其中:公务用车购置费{buy}万元,公务用车运行维护费{run}万元;"
        f"公务接待费{receive}万元,{changed(receive, prev[2])},共接待{rng.randint(1, 40)}批次{rng.randint(40, 400)}人次。"
    )
    basic, basic_prev = amount(rng, 100, 900), amount(rng, 100, 900)
    project, project_prev = amount(rng, 10, 500), amount(rng, 10, 500)
    if basic == basic_prev:
        basic += D("1.00")
    spend, spend_prev = basic + project, basic_prev + project_prev
    moved = D(rng.choice(("1.00", "10.00", "0.50"))) if slip == "change" else D(0)

    def item(now: D, before: D, name: str, extra: D = D(0)) -> str:
        return f"{name}{'增加' if now >= before else '减少'}{abs(now - before) + extra}万元"

    explained = (
        f"{y}年度本年支出合计{spend}万元,{_change(rng, spend, spend_prev, rng.random() < 0.5, '')}"
        f"{rng.choice((',主要原因是', '。主要是'))}{item(basic, basic_prev, '基本支出', moved)},{item(project, project_prev, '项目支出')}。"
    )
    carry = amount(rng, 0, 80)
    basic_carry = r2(carry * D(rng.randint(0, 60)) / 100)
    carried = f"年末结转和结余{carry}万元,其中:基本支出结转{basic_carry}万元,项目支出结转和结余{carry - basic_carry}万元。"
    assets = _split(rng, amount(rng, 200, 20000), 4)
    printed = [assets[0] + (D(rng.choice(("1.00", "10.00", "100.00"))) if slip == "part" else 0), *assets[1:]]
    owned = (
        f"截至{y}年12月31日,本部门资产总额{sum(assets, D(0))}万元,其中:流动资产{printed[0]}万元,固定资产{printed[1]}万元,"
        f"在建工程{printed[2]}万元,无形资产{printed[3]}万元。"
    )
    staff = [rng.randint(1, 60), rng.randint(0, 15), rng.randint(0, 10)]
    people = (
        f"本部门编制{rng.randint(staff[0], staff[0] + 10)}人,年末实有人员{sum(staff)}人,其中:在编人员{staff[0]}人,"
        f"编外聘用人员{staff[1]}人,退休人员{staff[2]}人。"
    )
    parts = [("“三公”经费支出情况", sangong), ("支出增减变化情况", explained), ("结转结余情况", carried),
             ("国有资产占用情况", owned), ("人员情况", people)]  # fmt: skip
    rng.shuffle(parts)
    return "\n".join(f"{'一二三四五'[k]}、{title}\n{body}" for k, (title, body) in enumerate(parts))


def budget_sections(rng: random.Random, slip: str = "", year: int = 2025) -> str:
    """A 部门预算 note of the common template: (一)收入预算 with every source the template names (most 0.00), its change;
    (二)支出预算 by function, its change explained by 基本 and 项目 spending; the 财政拨款 总预算 with its two sides;
    机关运行经费, 政府采购 by kind, cars by use, 绩效目标 projects. ``slip``: "part" moves a source, "change" the
    change of 基本支出."""
    y = year
    kinds = ["一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款", "财政专户管理资金", "事业收入", "上级补助收入",
             "附属单位上缴收入", "事业单位经营收入", "其他收入", "上年结转"]
    n = len(kinds)
    amounts = _split(rng, amount(rng, 60, 8000), n)
    # most departments have only some sources: the rest print 0.00
    for k in range(1, n):
        if rng.random() < 0.6:
            amounts[0] += amounts[k]
            amounts[k] = D("0.00")
    total = sum(amounts, D(0))
    printed = list(amounts)
    if slip == "part":
        printed[0] += D(rng.choice(("1.00", "10.00", "0.10")))
    prev_total = r2(total * D(rng.randint(80, 120)) / 100)
    basic = r2(total * D(rng.randint(40, 90)) / 100)
    basic_prev = r2(prev_total * D(rng.randint(40, 90)) / 100)
    project, project_prev = total - basic, prev_total - basic_prev
    funcs = _split(rng, total, rng.choice((3, 4, 5)), zeros=False)
    d = total - prev_total
    word = "增加" if d >= 0 else "减少"
    def ch(now: D, before: D, name: str, extra: D = D(0)) -> str:
        return f"{name}{'增加' if now >= before else '减少'}{abs(now - before) + extra}万元"
    moved = D(rng.choice(("1.00", "5.00"))) if slip == "change" else D(0)
    income = (f"(一)收入预算:{y}年年初预算数{total}万元,其中:" + ",".join(f"{k}{a}万元" for k, a in zip(kinds, printed, strict=True))
              + f"。收入较{y - 1}年{word}{abs(d)}万元,主要是{rng.choice(('人员经费调整', '项目经费变化'))}。")
    spend = (f"(二)支出预算:{y}年年初预算数{total}万元,其中:" + ",".join(f"{k}{a}万元" for k, a in zip(_FUNCTIONS, funcs, strict=False))
             + f"。支出较{y - 1}年{word}{abs(d)}万元,主要是{ch(basic, basic_prev, '基本支出预算', moved)},{ch(project, project_prev, '项目支出预算')}。")
    fin = amounts[0] + amounts[1]
    both = (f"{y}年财政拨款收支总预算{fin}万元。收入包括:本年一般公共预算拨款收入{amounts[0]}万元,本年政府性基金预算拨款收入{amounts[1]}万元;"
            f"支出包括:基本支出{r2(fin * D('0.6'))}万元,项目支出{fin - r2(fin * D('0.6'))}万元。")
    run, run_prev = amount(rng, 5, 200), amount(rng, 5, 200)
    buy = _split(rng, amount(rng, 1, 500), 3)
    cars = [rng.randint(0, 3) for _ in range(3)]
    other = (f"{y}年机关运行经费预算{run}万元,{_change(rng, run, run_prev, rng.random() < 0.3, '')}。"
             f"{y}年政府采购预算总额{sum(buy, D(0))}万元,其中:政府采购货物预算{buy[0]}万元、政府采购工程预算{buy[1]}万元、政府采购服务预算{buy[2]}万元。"
             f"截至{y - 1}年12月31日,共有车辆{sum(cars)}辆,其中:机要通信用车{cars[0]}辆、应急保障用车{cars[1]}辆、执法执勤用车{cars[2]}辆;"
             f"单价50万元以上通用设备{rng.randint(0, 5)}台(套)。{y}年实行绩效目标管理的项目{rng.randint(1, 30)}个,涉及财政性资金{project}万元。")
    return "\n".join(["一、单位收支总体情况", income, spend, "二、财政拨款收支情况", both, "三、其他重要事项的情况说明", other])
