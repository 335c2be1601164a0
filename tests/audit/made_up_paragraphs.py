"""Random 绩效自评 paragraphs in the phrasing 项目 and 部门整体 self-evaluations use, every figure computed here in
Decimal (ROUND_HALF_UP). Each call draws one phrasing of each part from ``rng``:

- 项目: the sources of funds and their total; 到位率 and 预算执行率 (of what was given, or 支出率 of what arrived);
  完成率 of planned outputs; 满意度 surveys; indicator scores, their total and grade; the change on the year;
- 部门整体: the year's budget, its adjustment and execution; the 部门整体 indicators (公用经费控制率, 预算调整率,
  结转结余率, 在职人员控制率); 三公 parts and control; 政府采购 savings; the score table.

Written from the phrasing of the genre, not from any corpus text. ``RATE`` marks the 预算执行率 a test may break.
"""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP
from decimal import Decimal as D
from typing import NamedTuple

RATE = "预算执行率"
_CENT, _TENTH = D("0.01"), D("0.1")


def r2(x: D) -> D:
    return x.quantize(_CENT, ROUND_HALF_UP)


def pc(part: D, whole: D, places: D = _CENT) -> D:
    return (part / whole * 100).quantize(places, ROUND_HALF_UP)


def amount(rng: random.Random, low: int, high: int) -> D:
    return r2(D(rng.randint(low * 100, high * 100)) / 100)


def _share(rng: random.Random, whole: D, low: int, high: int) -> D:
    return r2(whole * D(rng.randint(low, high)) / 100)


def _change(current: D, prior: D, places: D = _CENT) -> tuple[str, str, D]:
    up = current >= prior
    return ("增加" if up else "减少"), ("增长" if up else "下降"), pc(abs(current - prior), prior, places)


def _grade(score: D) -> str:
    return "优" if score >= 90 else "良" if score >= 80 else "中" if score >= 60 else "差"


def project_paragraphs(rng: random.Random) -> str:
    total = amount(rng, 100, 3000)
    a, b = _share(rng, total, 20, 60), _share(rng, total, 10, 30)
    c = total - a - b
    s1, s2, s3 = rng.choice(
        [("中央资金", "省级资金", "县级配套资金"), ("中央补助资金", "市级资金", "区级资金"), ("上级专项资金", "本级财政资金", "自筹资金")]
    )
    funds = rng.choice([
        f"项目资金总额{total}万元，其中{s1}{a}万元、{s2}{b}万元、{s3}{c}万元。",
        f"该项目年初预算{total}万元，其中：{s1}{a}万元，{s2}{b}万元，{s3}{c}万元。",
        f"本年度共安排项目资金{total}万元（{s1}{a}万元，{s2}{b}万元，{s3}{c}万元）。",
    ])  # fmt: skip
    arrived = _share(rng, total, 80, 100)
    spent = _share(rng, arrived, 60, 100)
    execution = rng.choice([
        f"截至12月31日，资金到位{arrived}万元，到位率{pc(arrived, total)}%；实际支出{spent}万元，{RATE}{pc(spent, total)}%。",
        f"全年实际到位资金{arrived}万元，资金到位率为{pc(arrived, total)}%，已支出{spent}万元，支出率{pc(spent, arrived)}%。",
        f"项目资金已全部下达，截至年底共支出{spent}万元，{RATE}为{pc(spent, total, _TENTH)}%，"
        f"结余{total - spent}万元，结余率{pc(total - spent, total)}%。",
    ])  # fmt: skip
    plan = rng.randint(5, 40)
    done = plan + rng.randint(-3, 5)
    outputs = rng.choice([
        f"产出数量指标：计划完成培训{plan}期，实际完成{done}期，完成率{pc(D(done), D(plan), _TENTH)}%。",
        f"计划新建农村公路{plan}公里，实际完成{done}公里，完成率{pc(D(done), D(plan))}%，指标值≥{plan}公里。",
        f"年度指标值为{plan}个，实际完成值{done}个，偏差原因：部分项目提前实施。",
    ])  # fmt: skip
    sent = rng.randint(50, 300)
    back = sent - rng.randint(0, 10)
    survey = rng.choice([
        f"服务对象满意度指标值≥90%，实际完成值{rng.randint(90, 99)}%，得{rng.choice([10, 9, 8])}分。",
        f"发放满意度调查问卷{sent}份，收回{back}份，回收率{pc(D(back), D(sent))}%，群众满意度达{rng.randint(90, 99)}%以上。",
        "社会效益指标：带动农户增收效果明显，群众满意度达到95%以上，质量达标率100%。",
    ])  # fmt: skip
    p1, p2, p3 = D(rng.randint(30, 50)), D(rng.randint(20, 30)), D(rng.randint(5, 10))
    p4 = (D(10) * spent / total).quantize(_TENTH, ROUND_HALF_UP)
    score = p1 + p2 + p3 + p4
    scores = rng.choice([
        f"经自评，该项目综合得分{score}分，其中产出指标{p1}分、效益指标{p2}分、满意度指标{p3}分、预算执行率{p4}分，"
        f"评价等级为“{_grade(score)}”。",
        f"根据评价指标体系，本项目自评得分为{score}分，自评等级为{_grade(score)}。",
        f"一级指标 | 分值 | 得分 |\n产出指标 | 50 | {p1} |\n效益指标 | 30 | {p2} |\n满意度指标 | 10 | {p3} |\n"
        f"预算执行率 | 10 | {p4} |\n合计 | 100 | {score} |",
    ])  # fmt: skip
    n1, n2, n3 = rng.randint(2, 4), rng.randint(4, 9), rng.randint(8, 25)
    left = rng.randint(0, 3)
    indicators = rng.choice([
        f"本项目共设置一级指标{n1}个、二级指标{n2}个、三级指标{n3}个。",
        f"共设置绩效指标{n3}项，已完成{n3 - left}项，完成率{pc(D(n3 - left), D(n3))}%。",
        f"项目绩效目标共{n3}项，全部完成的{n3 - left}项，部分完成的{left}项。",
    ])  # fmt: skip
    prior = amount(rng, 100, 3000)
    more, grew, pct = _change(total, prior)
    year = rng.choice([
        f"与上年相比，项目资金{more}{abs(total - prior)}万元，{grew}{pct}%。",
        f"上年项目资金{prior}万元，本年{total}万元，同比{grew}{_change(total, prior, _TENTH)[2]}%。",
    ])  # fmt: skip
    return "\n".join((funds, execution, outputs, survey, scores, indicators, year))


def department_paragraphs(rng: random.Random) -> str:
    initial, added = amount(rng, 300, 5000), amount(rng, 0, 300)
    adjusted = initial + added
    basic = _share(rng, adjusted, 50, 80)
    project = adjusted - basic
    spent_basic, spent_project = _share(rng, basic, 92, 100), _share(rng, project, 60, 100)
    spent = spent_basic + spent_project
    points = (D(10) * spent / adjusted).quantize(_TENTH, ROUND_HALF_UP)
    budget = rng.choice([
        f"（一）预算执行情况。2024年度年初预算{initial}万元，年中追加{added}万元，调整后全年预算{adjusted}万元。"
        f"全年实际支出{spent}万元，{RATE}{pc(spent, adjusted)}%。其中：基本支出{spent_basic}万元，项目支出{spent_project}万元。",
        f"2024年全年预算数{adjusted}万元，全年执行数{spent}万元，{RATE}为{pc(spent, adjusted)}%。基本支出预算{basic}万元，"
        f"执行{spent_basic}万元，执行率{pc(spent_basic, basic)}%；项目支出预算{project}万元，执行{spent_project}万元，"
        f"执行率{pc(spent_project, project)}%。",
        f"年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n{initial} | {adjusted} | {spent} | 10 | "
        f"{pc(spent, adjusted)}% | {points} |",
    ])  # fmt: skip
    public = amount(rng, 20, 200)
    public_budget = _share(rng, public, 100, 120)
    carry = adjusted - spent
    control = rng.choice([
        f"公用经费控制率：全年预算安排公用经费{public_budget}万元，实际支出公用经费{public}万元，"
        f"公用经费控制率{pc(public, public_budget)}%。",
        f"预算调整率：年中预算调整数{added}万元，年初预算数{initial}万元，预算调整率{pc(added, initial)}%。",
        f"结转结余率：年末结转结余{carry}万元，全年预算{adjusted}万元，结转结余率{pc(carry, adjusted)}%。",
    ])  # fmt: skip
    posts = rng.randint(20, 200)
    staff = posts - rng.randint(0, 10)
    retired = rng.randint(0, 5)
    people = rng.choice([
        f"在职人员控制率：核定编制{posts}人，实有在职人员{staff}人，在职人员控制率{pc(D(staff), D(posts))}%。",
        f"本部门编制{posts}人，实有人数{staff}人，其中在职人员{staff - retired}人，退休人员{retired}人。",
    ])  # fmt: skip
    abroad, cars, guests = amount(rng, 0, 5), amount(rng, 1, 30), amount(rng, 1, 20)
    sangong = abroad + cars + guests
    sangong_budget = _share(rng, sangong, 100, 130)
    prior = amount(rng, 5, 60)
    more, grew, pct = _change(sangong, prior)
    three = rng.choice([
        f"“三公”经费支出{sangong}万元，其中：因公出国（境）费{abroad}万元，公务用车购置及运行维护费{cars}万元，"
        f"公务接待费{guests}万元。“三公”经费控制率{pc(sangong, sangong_budget)}%（预算{sangong_budget}万元）。",
        f"2024年“三公”经费预算{sangong_budget}万元，实际支出{sangong}万元，完成预算的{pc(sangong, sangong_budget)}%，"
        f"较上年{more}{abs(sangong - prior)}万元，{grew}{pct}%。",
    ])  # fmt: skip
    planned = amount(rng, 50, 500)
    bought = _share(rng, planned, 80, 100)
    procurement = rng.choice([
        f"政府采购执行率：政府采购预算{planned}万元，实际采购金额{bought}万元，政府采购执行率{pc(bought, planned)}%，"
        f"节约资金{planned - bought}万元，节约率{pc(planned - bought, planned)}%。",
        f"本年度政府采购预算{planned}万元，实际采购{bought}万元，采购节约率{pc(planned - bought, planned)}%。",
    ])  # fmt: skip
    weights = [D(w) for w in rng.choice([(20, 40, 30, 10), (15, 45, 30, 10), (10, 50, 30, 10)])]
    got = [(w * D(rng.randint(85, 100)) / 100).quantize(_TENTH, ROUND_HALF_UP) for w in weights]
    score = sum(got, D(0))
    table = rng.choice([
        f"经自评，部门整体支出绩效自评得分{score}分，其中：投入指标{got[0]}分、过程指标{got[1]}分、产出指标{got[2]}分、"
        f"效果指标{got[3]}分，评价等级为“{_grade(score)}”。",
        "一级指标 | 分值 | 自评得分 |\n" + "".join(
            f"{name} | {w} | {g} |\n" for name, w, g in zip(("投入", "过程", "产出", "效果"), weights, got, strict=True)
        ) + f"合计 | 100 | {score} |",
    ])  # fmt: skip
    return "\n".join((budget, control, people, three, procurement, table))


def outcome_paragraphs(rng: random.Random) -> str:
    """What a 项目 did with its money: investment done against plan, subsidies per household, people trained and
    employed, places covered, funds allocated and matched (拨付率, 到位率), payment and survey rates, the score on
    last year's."""
    plan = amount(rng, 100, 3000)
    done = _share(rng, plan, 80, 120)
    invest = rng.choice([
        f"项目计划投资{plan}万元，实际完成投资{done}万元，投资完成率{pc(done, plan, _TENTH)}%。",
        f"累计完成投资{done}万元，占计划总投资的{pc(done, plan)}%。",
    ])  # fmt: skip
    money, homes = amount(rng, 50, 800), rng.randint(200, 3000)
    each = (money * 10000 / homes).quantize(D(1), ROUND_HALF_UP)
    subsidy = rng.choice([
        f"全年共发放补贴资金{money}万元，惠及农户{homes}户，户均{each}元。",
        f"共发放补助资金{money}万元，受益群众{homes}人，人均{each}元。",
    ])  # fmt: skip
    people = rng.randint(200, 3000)
    some = rng.randint(50, people)
    reach = rng.choice([
        f"共培训农民{people}人次，其中女性{some}人次，占{pc(D(some), D(people), _TENTH)}%。",
        f"带动就业{people}人，其中脱贫人口{some}人，占比{pc(D(some), D(people))}%，人均增收{rng.randint(1000, 5000)}元。",
    ])  # fmt: skip
    towns, villages = rng.randint(5, 30), rng.randint(50, 300)
    finished = towns - rng.randint(0, 3)
    cover = rng.choice([
        f"项目覆盖全县{towns}个乡镇、{villages}个行政村。",
        f"设定三级指标{towns}个，完成{finished}个，完成率{pc(D(finished), D(towns))}%。",
    ])  # fmt: skip
    budget = amount(rng, 100, 2000)
    paid = _share(rng, budget, 70, 100)
    matched = amount(rng, 10, 200)
    arrived = _share(rng, matched, 50, 100)
    funds = rng.choice([
        f"本年度预算安排{budget}万元，实际拨付{paid}万元，拨付率{pc(paid, budget)}%，其中县级配套资金{matched}万元，"
        f"到位{arrived}万元，到位率{pc(arrived, matched)}%。",
        f"截至12月底，项目完工率{rng.randint(80, 100)}%，已支付资金{paid}万元，资金支付率{pc(paid, budget)}%"
        f"（下达资金{budget}万元）。",
    ])  # fmt: skip
    last = D(rng.randint(700, 950)) / 10
    now = last + D(rng.randint(1, 50)) / 10
    sent = rng.randint(100, 400)
    pleased = sent - rng.randint(0, 20)
    year = rng.choice([
        f"本年度自评得分{now}分，较上年的{last}分提高{now - last}分。",
        f"前三季度支出进度为{rng.randint(50, 80)}%，低于序时进度{rng.randint(1, 10)}个百分点。",
        f"满意度调查有效问卷{sent}份，满意{pleased}份，满意率{pc(D(pleased), D(sent))}%。",
    ])  # fmt: skip
    return "\n".join((invest, subsidy, reach, cover, funds, year))


_PROJECTS = ("农村饮水安全巩固提升", "高标准农田建设", "乡村公路养护", "文化惠民演出", "义务教育营养改善", "困难群众救助", "森林防火")


def programme_paragraphs(rng: random.Random) -> str:
    """A department's several projects, each with its budget, its adjustment, what was spent and its 执行率 — in a
    numbered run, one paragraph each, a list named and summed, or one sentence each — and the year's spending
    progress by quarter."""
    items = []
    for name in rng.sample(_PROJECTS, rng.randint(2, 5)):
        initial = amount(rng, 10, 800)
        full = _share(rng, initial, 90, 120)
        items.append((name, initial, full, _share(rng, full, 50, 100)))
    form = rng.randint(0, 3)
    if form == 0:
        lines = ["；".join(
            f"{n}.{name}项目：年初预算{initial}万元，调整预算{full}万元，执行{spent}万元，{RATE}{pc(spent, full)}%"
            for n, (name, initial, full, spent) in enumerate(items, 1)
        ) + "。"]  # fmt: skip
    elif form == 1:
        lines = [
            f"（{'一二三四五'[n - 1]}）{name}项目。该项目全年预算{full}万元，实际支出{spent}万元，{RATE}{pc(spent, full)}%。"
            for n, (name, _, full, spent) in enumerate(items, 1)
        ]
    elif form == 2:
        budget, spent = sum((i[2] for i in items), D(0)), sum((i[3] for i in items), D(0))
        lines = [
            f"部门共实施项目{len(items)}个，分别是：" + "、".join(f"{i[0]}项目" for i in items) + "。",
            f"上述项目全年预算合计{budget}万元，实际支出{spent}万元，平均{RATE}{pc(spent, budget)}%。",
        ]
    else:
        lines = [
            f"{name}项目年初预算{initial}万元，年中{'追加' if full >= initial else '调减'}{abs(full - initial)}万元，全年预算{full}万元；"
            f"截至年底支出{spent}万元，{RATE}{pc(spent, full, _TENTH)}%，结余{full - spent}万元。"
            for name, initial, full, spent in items
        ]
    quarters = [rng.randint(10, 30) for _ in range(4)]
    progress = [sum(quarters[: k + 1]) for k in range(4)]
    lines.append(rng.choice([
        f"分季度看，一季度支出进度{progress[0]}%，二季度累计{progress[1]}%，三季度累计{progress[2]}%，全年{progress[3]}%。",
        f"资金支出进度：6月底{progress[1]}%，9月底{progress[2]}%，12月底{progress[3]}%。",
    ]))  # fmt: skip
    return "\n".join(lines)


_SECTIONS = ("项目决策情况", "项目过程情况", "项目产出情况", "项目效益情况")
_WEIGHTS = ((20, 20, 40, 20), (15, 25, 35, 25), (10, 20, 50, 20), (20, 20, 30, 30))
_MARKS = (("(一)", "(二)", "(三)", "(四)"), ("1.", "2.", "3.", "4."))


def scored_report(rng: random.Random, slip: D = D(0)) -> str:
    """A 项目 self-evaluation scored section by section under headings that print their weights, then its total and
    grade, and last year's beside this year's in one sentence ("上年度自评得分…,评价等级为…;本年度…"). ``slip`` is
    added to the printed total (a test's moved figure)."""
    weights = rng.choice(_WEIGHTS)
    marks = rng.choice(_MARKS)
    got = [D(rng.randint(w * 6, w * 10)) / 10 for w in weights]
    total = sum(got, D(0))
    lines = ["一、项目基本情况", f"本项目年初预算{amount(rng, 10, 500)}万元。", "二、绩效评价情况"]
    for mark, name, weight, score in zip(marks, _SECTIONS, weights, got, strict=True):
        printed = f"{score.normalize():f}"
        lines.append(f"{mark}{name}" + rng.choice((f"({weight}分)", f"(满分{weight}分)", f"(分值{weight}分)")))
        lines.append(
            rng.choice((
                f"立项依据充分,程序规范。该指标得分{printed}分。",
                f"经评价,本部分得分{printed}分,扣分原因是部分资料不全。",
                f"其中,子指标一得分{(score / 2).quantize(_TENTH)}分,子指标二得分{score - (score / 2).quantize(_TENTH)}分,该指标得分{printed}分。",
            ))
        )  # fmt: skip
    last = D(rng.randint(550, 1000)) / 10
    shown = total + slip
    lines += [
        "三、评价结论",
        f"综上,本项目自评得分{shown.normalize():f}分,评价等级为{_grade(total)}。"
        f"上年度自评得分{last.normalize():f}分,评价等级为{_grade(last)};本年度自评得分{shown.normalize():f}分,评价等级为{_grade(total)}。",
    ]
    return "\n".join(lines)


_GIVEN = ("年初预算", "全年预算", "调整后预算", "批复预算", "下达资金", "应到位资金", "计划投资", "项目资金总额", "预算资金", "核定预算")
_ARRIVED = ("实际到位", "到位资金", "已到位", "资金到位", "实际拨付", "已拨付")
_SPENT = ("已支出", "实际支出", "累计支出", "已使用", "实际使用", "已支付", "支付")
_EXECUTION = ("预算执行率", "资金执行率", "执行率", "预算完成率")


class _Funds(NamedTuple):
    """A 项目's funds as printed: given, arrived and spent, a rate of the spending, the words naming each."""

    given: D
    arrived: D
    spent: D
    rate: D  # of what was given or of what arrived, ``slip`` added
    name: str
    came: str
    used: str
    word: str

    @property
    def share(self) -> D:
        return pc(self.arrived, self.given)  # 到位率

    @property
    def arrival(self) -> str:
        return f"{self.came}{self.arrived}万元,到位率{self.share}%"


def _funds(rng: random.Random, slip: D, spent_words: tuple[str, ...], rate_words: tuple[str, ...]) -> _Funds:
    given = amount(rng, 10, 900)
    arrived = _share(rng, given, 80, 100)
    spent = _share(rng, arrived, 50, 100)
    rate = pc(spent, rng.choice((given, arrived))) + slip
    return _Funds(given, arrived, spent, rate, rng.choice(_GIVEN), rng.choice(_ARRIVED), rng.choice(spent_words), rng.choice(rate_words))


def fund_rates(rng: random.Random, slip: D = D(0)) -> str:
    """A 项目's funds given, arrived and spent, its 到位率, and a 执行率 of either what was given or what arrived (both are
    written), in one of four orders (what was given in the paragraph before, or in the rate's sentence). ``slip`` is added to the printed 执行率 (a test's moved figure)."""
    f = _funds(rng, slip, _SPENT, _EXECUTION)
    return rng.choice((
        f"该项目{f.name}{f.given}万元,{f.arrival};{f.used}{f.spent}万元,{f.word}{f.rate}%。",
        f"{f.name}{f.given}万元。\n截至12月31日,{f.arrival}。{f.used}{f.spent}万元,{f.word}为{f.rate}%。",
        f"项目{f.name}为{f.given}万元,{f.came}{f.arrived}万元;截至年底{f.used}{f.spent}万元,{f.word}达到{f.rate}%,资金到位率{f.share}%。",
        f"一、资金情况\n本项目{f.name}{f.given}万元。\n二、执行情况\n{f.arrival},{f.used}{f.spent}万元,{f.word}{f.rate}%。",
    ))  # fmt: skip


_USED = ("已支出", "实际支出", "累计支出", "已使用", "实际使用", "已支付", "支付", "执行")
_OF_WHAT_ARRIVED = ("支出率", "资金使用率", "使用率")


def money_use_rates(rng: random.Random, slip: D = D(0)) -> str:
    """A 项目's funds given and arrived, then what was paid out in a clause of its own (after ";", or a sentence
    later) and its 支出率 / 资金使用率 of what arrived or what was given. ``slip`` moves the printed rate."""
    f = _funds(rng, slip, _USED, _OF_WHAT_ARRIVED)
    return rng.choice((
        f"该项目{f.name}{f.given}万元,{f.arrival};{f.used}{f.spent}万元,{f.word}{f.rate}%。",
        f"项目{f.name}{f.given}万元。截至12月31日,{f.arrival}。{f.used}{f.spent}万元,{f.word}为{f.rate}%。",
        f"项目{f.name}为{f.given}万元,{f.came}{f.arrived}万元;截至年底{f.used}{f.spent}万元,{f.word}达到{f.rate}%。",
        f"本项目{f.name}{f.given}万元,{f.arrival},{f.used}{f.spent}万元,{f.word}{f.rate}%。",
    ))  # fmt: skip


_INDICATORS = (
    ("决策", ("项目立项", "绩效目标", "资金投入")),
    ("过程", ("资金管理", "组织实施")),
    ("产出", ("产出数量", "产出质量", "产出时效", "产出成本")),
    ("效益", ("社会效益", "可持续影响", "满意度")),
)


def score_table(rng: random.Random, slip: D = D(0)) -> str:
    """A 自评表 copied as text, one row a line: indicators with their 分值 and 得分 and a 合计 (总分) row, the cells between
    "|" or between spaces (a PDF's copy), the 一级指标 printed once per group or a row per 一级指标. ``slip`` moves the
    printed total score."""
    weights = rng.choice(((20, 20, 40, 20), (15, 15, 40, 30), (10, 20, 40, 30), (20, 15, 35, 30)))
    rows: list[tuple[str, str, int, D]] = []
    for (group, names), weight in zip(_INDICATORS, weights, strict=True):
        each = [weight // len(names)] * len(names)
        each[-1] += weight - sum(each)
        for name, points in zip(names, each, strict=True):
            got = (D(points) * D(rng.randint(70, 100)) / 100).quantize(D(rng.choice(("1", "0.1", "0.01"))), ROUND_HALF_UP)
            rows.append((group, name, points, got))
    total = sum((got for *_, got in rows), D(0)) + slip
    sep = rng.choice((" | ", " "))
    if rng.random() < 0.3:  # one row per 一级指标
        lines = [sep.join(("指标", "分值", "得分"))]
        for group, weight in zip((g for g, _ in _INDICATORS), weights, strict=True):
            lines.append(sep.join((f"{group}指标", str(weight), str(sum((got for g, _, _, got in rows if g == group), D(0))))))
        lines.append(sep.join(("合计", "100", str(total))))
    else:
        lines = [sep.join(("一级指标", "二级指标", "分值", rng.choice(("得分", "自评得分"))))]
        seen = set()
        for group, name, points, got in rows:
            lines.append(sep.join((group if group not in seen else "", name, str(points), str(got))).strip())
            seen.add(group)
        lines.append(sep.join((rng.choice(("合计", "总分", "合 计")), "100", str(total))))
    return "三、自评得分情况\n" + "\n".join(lines) + "\n四、存在的问题及改进措施\n无。"
