"""Rates named by what they divide: "实际到位资金160万元,资金到位率80%" (到位 ÷ 计划),
"已支出270万元,支出率90%" (支出 ÷ 安排/预算/到位), "结余10万元,结余率10%" (结余 ÷ 预算),
"核减2.77亿元,核减率7.82%" (核减 ÷ 送审), "已下达直达资金41.6亿元,已支付35.2亿元,支付率84.6%" (支付 ÷
下达), 拨付率 likewise; and rates of counts in one measure word: "共设置产出指标12个,已完成11个,完成率91.67%",
"发放问卷200份,收回195份,回收率97.5%", 满意度 (满意 ÷ 收回), 合格率, 达标率, 办结率.

A rate is read only when its word stands right before the percentage and both amounts are printed
before it in the same sentence, each named by one of the rate's words (the nearest such amount).
预算执行率 has its own, wider reading (``links.find_rates``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding
from selfeval_xl.audit.named import name_before, printed_name
from selfeval_xl.audit.ratios import percent_finding, ratio_matches
from selfeval_xl.audit.text import clause_start, sentence_bounds

# rate word -> (words naming the numerator, words naming the denominator)
_RATES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "到位率": (("到位",), ("计划", "预算", "批复", "下达", "安排", "应到位")),
    # money spent however the sentence says so ("已支付159.19万元,支出率54%", "执行249.02万元,资金使用率52%")
    "支出率": (("已支出", "实际支出", "累计支出", "支出", "支付", "使用", "执行"), ("预算", "安排", "到位", "拨付", "下达", "批复")),
    "支付率": (("已支付", "累计支付", "实际支付", "支付"), ("下达", "分配", "预算", "安排", "到位")),
    "拨付率": (("已拨付", "累计拨付", "拨付"), ("下达", "分配", "预算", "安排", "到位")),
    # "实际已支付289.14万元,…下达300万元,支付完成率为96.38%": a 完成率 named after payment is a 支付率
    "支付完成率": (("已支付", "累计支付", "实际支付", "支付"), ("下达", "分配", "预算", "安排", "到位")),
    "使用率": (("实际支付", "已支付", "支付", "已使用", "使用", "实际支出", "支出", "执行"), ("预算", "安排", "下达", "到位", "拨付")),
    "结余率": (("结余",), ("预算",)),
    "节约率": (("节约",), ("预算", "计划")),  # 政府采购: 节约资金 ÷ 采购预算
    "核减率": (("核减", "审减"), ("送审",)),
    # "办公楼运行经费预算1.1万元,…已执行0.72万元,完成率65.45%", "公用经费年初45.76万元,1-6月执行27.13万元,完成率59.29%"
    "完成率": (("已执行", "执行", "已支出", "实际支出", "支出", "实际完成", "完成"), ("预算", "年初", "计划", "安排", "下达")),
    "审减率": (("审减", "核减"), ("送审",)),
    # the 部门整体支出 indicators: "公用经费控制率 = 实际支出公用经费 ÷ 预算安排公用经费", "预算调整率 = 预算调整数 ÷
    # 年初预算数"
    "控制率": (("实际支出", "实际", "决算"), ("预算", "安排")),
    "调整率": (("调整数", "调整金额", "调整资金", "追加", "调增", "调减"), ("年初预算", "预算")),  # never "调整为/调整后"
}
# Rates of counts, the two counts in one measure word ("共设置产出指标12个,已完成11个,完成率91.67%",
# "发放问卷200份,收回195份,回收率97.5%;满意及基本满意190份,满意度97.44%"): rate -> (numerator, whole)
_COUNT_RATES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "完成率": (("完成", "实现"), ("设置", "设定", "计划", "目标", "指标值", "共", "应")),  # ("年度指标值…,实际完成值…")
    "回收率": (("收回", "回收"), ("发放", "发出")),
    "满意度": (("满意",), ("收回", "回收", "有效", "发放", "调查", "共")),
    "满意率": (("满意",), ("收回", "回收", "有效", "发放", "调查", "共")),
    "合格率": (("合格",), ("抽检", "抽查", "检测", "检查", "验收", "共")),
    "达标率": (("达标",), ("检测", "监测", "共", "应")),
    "办结率": (("办结",), ("受理", "收到", "交办", "共")),
    # "下达中央预算内投资项目115个,…已开工55个,开工率48%"
    "开工率": (("开工",), ("下达", "计划", "安排", "共", "应")),
    "完工率": (("完工",), ("下达", "计划", "安排", "开工", "共", "应")),
    "控制率": (("在职", "实有"), ("编制", "核定")),  # 在职人员控制率 = 在职人员数 ÷ 编制数
}
# rates of money paid out of what was given, and the names of a total given ("共计", "合计")
_OF_THE_MONEY = ("到位率", "拨付率", "支付率", "使用率", "支出率")
_TOTAL_NAMES = ("共计", "合计", "总额", "总计", "项目资金")
# rates named with 预算 before them that are not execution rates ("预算调整率" is 调整数 ÷ 年初预算)
_NOT_EXECUTION = ("调整率",)
_RATE_BEFORE = re.compile(rf"({'|'.join(_RATES)})\s*(?:为|是|达到|达|约)?\s*$")
_COUNT_RATE_BEFORE = re.compile(rf"({'|'.join(_COUNT_RATES)})\s*(?:为|是|达到|达|约)?\s*$")


def check_named_rates(a: Analysis) -> Iterator[Finding]:
    amounts = a.by_paragraph(lambda f: f.kind is FigureKind.AMOUNT and f.exact and not f.comparative and f.value is not None)
    counts = a.by_paragraph(lambda f: f.kind is FigureKind.COUNT and f.exact and f.value is not None)
    for pct in a.figures:
        if pct.kind is not FigureKind.PERCENT or pct.value is None or not pct.exact:
            continue
        norm = a.paragraph(pct.paragraph).norm
        # "…预算1.1万元,…已执行0.72万元,完成率65.45%" is of amounts; "…指标12个,已完成11个,完成率91.67%" of counts
        for pattern, table, by in ((_RATE_BEFORE, _RATES, amounts), (_COUNT_RATE_BEFORE, _COUNT_RATES, counts)):
            m = pattern.search(norm, max(0, pct.start - 10), pct.start)
            own = by.get(pct.paragraph)
            if m is None or not own or (norm.endswith("预算", 0, m.start()) and m.group(1) not in _NOT_EXECUTION):
                continue  # "预算完成率" is the execution check's
            read, found = _rate_read(a, norm, pct, m, table, own)
            if found is not None:
                yield found
            if read:
                break


def _rate_read(
    a: Analysis, norm: str, pct: Figure, m: re.Match[str], table: dict[str, tuple[tuple[str, ...], tuple[str, ...]]], own: list[Figure]
) -> tuple[bool, Finding | None]:
    """Whether the amounts (or counts) the rate's sentence names were found, and what they say of it."""
    s0, _ = sentence_bounds(norm, pct.start)
    before = own[bisect_left(own, s0, key=lambda f: f.start) : bisect_left(own, pct.start, key=lambda f: f.start)]
    num_words, den_words = table[m.group(1)]
    # "计划培训农民198人次,实际完成202人次,完成率102.02%;计划硬化道路16.8公里,实际完成16.8公里,完成率100.00%": what a
    # rate after a ";" counts is printed in its own clause, never an earlier item's (thirty-fifth round)
    c0 = norm.rfind(";", s0, pct.start) + 1
    numerator = _named(norm, [f for f in before if f.start >= c0] if c0 > s0 else before, num_words, den_words)
    if numerator is not None and numerator.kind is FigureKind.COUNT:
        before = [f for f in before if f.unit == numerator.unit]  # counts of one measure word
    # "项目预算100万元,到位资金80万元,已支出72万元,支出率90%": of 到位 or of 预算 — the one it fits
    # a whole named after the survey the rate comes from ("满意度调查共发放问卷200份") is still a whole
    # and an amount never across ";" (another item's: "下达42万元,…;薅草锣鼓项目资金使用334896元,资金使用率
    # 83.72%"); the counts of one survey may be ("收回195份,回收率97.5%;满意190份,满意度97.44%")
    wholes = [
        f for f in _all_named(norm, before, den_words, num_words, m.group(1))
        if f is not numerator and f.value and (f.kind is FigureKind.COUNT or ";" not in norm[f.start : pct.start])
        and not _done(norm, f, num_words)
    ]  # fmt: skip
    if c0 > s0 and any(f.start >= c0 for f in wholes):
        wholes = [f for f in wholes if f.start >= c0]  # (the rate's own clause names its whole: not an earlier item's)
    if numerator is not None and not wholes and m.group(1) == "节约率":
        wholes = _plan_of(norm, before, numerator)
    if numerator is not None and not wholes and m.group(1) in _OF_THE_MONEY:
        # "项目资金共计120万元,已拨付100万元,资金拨付率83.33%": of the money the sentence names in total
        wholes = [
            f for f in _all_named(norm, before, _TOTAL_NAMES, num_words)
            if f.start < numerator.start and f.value and ";" not in norm[f.start : pct.start]
            and "投资" not in name_before(norm, f.start, 12)
        ][-1:]  # fmt: skip
    if numerator is not None and not wholes and m.group(1) in _OF_THE_MONEY and _bare(norm, numerator):
        wholes, before = _given_before(norm, s0, pct, own, den_words, num_words, m.group(1), before)
    if numerator is not None and numerator.kind is FigureKind.COUNT:
        # "共设置一级指标3个,二级指标8个,三级指标20个,其中完成18个": of the count 其中 breaks down
        opened = norm.rfind("其中", s0, numerator.start)
        listed = [f for f in before if f.start < opened] if opened >= 0 and "," not in norm[opened : numerator.start] else []
        wholes = listed[-1:] if listed else wholes
    if numerator is None or not wholes:
        return False, None
    if any(ratio_matches(pct, numerator, whole)[0] for whole in wholes):
        return True, None
    # "采购预算金额1581.64万元,实际采购金额1420.53万元,节约资金161.11万元,节约率为11%": of the 实际 amount, another
    # reading of the rate (161.11 ÷ 1420.53): not proven wrong
    if numerator.kind is FigureKind.AMOUNT and any(
        ratio_matches(pct, numerator, f)[0] for f in before if f is not numerator and f.value and f.unit == numerator.unit
    ):
        return True, None
    denominator = wholes[-1]  # the nearest is reported
    found = percent_finding(
        a, pct, numerator, denominator, ("named_rate_mismatch", "named_rate_truncated"), rate=m.group(1),
        numerator=(printed_name(norm, numerator.start) or "") + numerator.text,
        denominator=(printed_name(norm, denominator.start) or "") + denominator.text,
    )  # fmt: skip
    return True, found


_BACK_SENTENCES = 2  # sentences before the rate's in which what the money was given may be printed
# a clause that only says what was paid out ("截至年底已支付297.5万元", "实际使用473.35万元"): it goes on with the
# item before it; one naming its own subject ("薅草锣鼓项目资金使用334896元") is another item's
_BARE_SPENT = re.compile(r"(?:截[至止][^,;]{0,10}?[底末止]|目前|年底|年末|全年|本年|当年)?(?:已|实际|累计|共)*(?:支付|使用|支出|执行|拨付)(?:资金)?(?:了|为)?")


def _bare(norm: str, numerator: Figure) -> bool:
    return _BARE_SPENT.fullmatch(norm[clause_start(norm, numerator.start) : numerator.start].strip()) is not None


def _given_before(
    norm: str, s0: int, pct: Figure, own: list[Figure], den_words: tuple[str, ...], num_words: tuple[str, ...], rate: str, before: list[Figure]
) -> tuple[list[Figure], list[Figure]]:
    """What the money was given, printed before the rate's clause that only says what was paid out: in its
    sentence across ";" or in the two sentences before ("项目资金总额758.94万元。截至12月31日,资金到位614.74万元,到位率
    81.00%。实际使用473.35万元,资金使用率为78.00%"), not past another rate of the same word (that one's whole), with
    every amount of that stretch a reading that clears the rate."""
    start = s0
    for _ in range(_BACK_SENTENCES):
        if start <= 0:
            break
        start = sentence_bounds(norm, start - 1)[0]
    wide = own[bisect_left(own, start, key=lambda f: f.start) : bisect_left(own, pct.start, key=lambda f: f.start)]
    wholes = [
        f for f in _all_named(norm, wide, den_words, num_words, rate)
        if f.value and not _done(norm, f, num_words) and rate not in norm[f.start : pct.start - len(rate)]
    ]  # fmt: skip
    return wholes, wide if wholes else before


# "政府采购规模为32.72亿元,较采购计划节约资金5.51亿元,资金节约率达14.41%": with no plan printed, the plan
# is what was spent and what was saved together
_SPENT = ("规模", "实际", "成交", "中标", "合同")


def _plan_of(norm: str, before: list[Figure], saved: Figure) -> list[Figure]:
    spent = [f for f in before if f.start < saved.start and f.unit == saved.unit and any(w in name_before(norm, f.start, 12) for w in _SPENT)]
    if not spent or spent[-1].value is None or saved.value is None:
        return []
    plan = spent[-1]
    return [replace(plan, value=(plan.value or 0) + saved.value, text=f"({plan.text}+{saved.text})", decimals=max(plan.decimals, saved.decimals))]


def _all_named(norm: str, candidates: list[Figure], words: tuple[str, ...], others: tuple[str, ...], rate: str = "") -> list[Figure]:
    """The ``candidates`` whose name holds one of ``words`` and none of ``others`` after it (the rate's own
    word aside), in order: "较采购计划节约资金5.51亿元" is named 节约, the 计划 before it is what it is against."""
    out = []
    for f in candidates:
        name = name_before(norm, f.start, 12)
        name = name.replace(rate, "") if rate else name
        # "未完成1个", "不满意3份", "不合格": the word negated names the rest, not the word's count
        hits = [w for w in words if w in name and name[max(0, name.rfind(w) - 1) : name.rfind(w)] not in ("未", "不", "非")]
        last = max((name.rfind(w) for w in hits), default=-1)
        # an other word inside a matched one does not count ("应到位资金" is named 应到位, not 到位)
        if hits and not any(name.rfind(o) >= last and not any(o in w for w in hits) for o in others if o in name):
            out.append(f)
    return out


def _done(norm: str, f: Figure, num_words: tuple[str, ...]) -> bool:
    """Is the amount named as done already ("已完成中央投资计划37.6亿元": what was done of a plan, never a
    rate's whole)?"""
    name = name_before(norm, f.start, 12)
    return any("已" + w.removeprefix("已") in name for w in num_words)


def _named(norm: str, candidates: list[Figure], words: tuple[str, ...], others: tuple[str, ...]) -> Figure | None:
    """The last of ``candidates`` so named."""
    found = _all_named(norm, candidates, words, others)
    return found[-1] if found else None


_HUNDRED = Decimal(100)


def check_execution_rates(a: Analysis) -> Iterator[Finding]:
    """预算执行率 = 执行数 / 预算数 when both amounts are printed beside the rate."""
    figs = a.figures
    amounts = a.by_paragraph(lambda f: f.kind is FigureKind.AMOUNT and f.exact and not f.comparative and f.value is not None)
    whole_of = a.list_totals()  # built once: each lookup stays constant
    for link in a.rates:
        if link.budget is None or link.executed is None or not figs[link.budget].value:
            continue
        pct, budget, executed = figs[link.percent], figs[link.budget], figs[link.executed]
        found = percent_finding(
            a, pct, executed, budget, ("execution_rate_mismatch", "rate_truncated"), budget=budget.text, executed=executed.text
        )
        # "预算收入2850.60万元,其中:年初预算2500.00万元,年中追加350.60万元。…执行率96.00%": the budget
        # named nearest may be one part of the budget the rate is of
        whole = figs[whole_of[link.budget]] if link.budget in whole_of else None
        if found is None or _another_budget(a, amounts, pct, executed, budget, whole):
            continue
        if pct.value == _HUNDRED and executed.value is not None and budget.value is not None and executed.value > budget.value:
            # "预算批复900万元,实际执行977万元,资金执行率为100%,其中77万元为社会募集款": a rate printed capped at 100%
            # (the excess often has a source of its own): a warning that shows the formula's value
            found = finding(a, "rate_capped", pct.paragraph, pct.start, pct.text, found.expected, budget=budget.text, executed=executed.text)
        yield found


# "…支出预算为2680000万元。…调整为2590000万元。…全年财政支出预算总指标为2895809万元。执行结果:…支出2756453万元,
# 为预算的95.19%": with several budgets printed before, "预算" may be any of them
_BUDGET_WORDS = re.compile(r"预算|指标")
_BUDGETS_REACH = 600  # characters before the executed amount (bounded: a one-paragraph page stays linear)


def _another_budget(
    a: Analysis, amounts: dict[int, list[Figure]], pct: Figure, executed: Figure, budget: Figure, whole: Figure | None
) -> bool:
    """Does the rate fit the whole the budget is a part of, or another budget printed before the executed amount — or,
    when the budget is the funds arrived, an amount named as given in its paragraph or the two before, and when it is
    what was given, the funds arrived printed before the executed amount?"""
    if whole is not None and whole.value and ratio_matches(pct, executed, whole)[0]:
        return True
    if _fits_named_before(a, amounts, pct, executed, _BUDGET_WORDS, 0, skip=budget):
        return True
    if _arrived(a, budget):
        return _fits_named_before(a, amounts, pct, executed, _GIVEN_WORDS, _GIVEN_PARAGRAPHS)
    # "年初预算632.02万元。…已到位556.18万元,…,支付511.69万元,资金执行率92.00%": a rate of the funds arrived
    return _fits_named_before(a, amounts, pct, executed, _ARRIVED_WORDS, 0)


def _fits_named_before(
    a: Analysis, amounts: dict[int, list[Figure]], pct: Figure, executed: Figure, words: re.Pattern[str], back: int,
    skip: Figure | None = None,
) -> bool:
    """Does the rate fit an amount named by ``words``, printed within reach before the executed amount, or at the end of
    one of the ``back`` paragraphs before (bounded: a long paragraph stays linear)?"""
    for k in range(max(1, pct.paragraph - back), pct.paragraph + 1):
        norm = a.paragraph(k).norm
        own = amounts.get(k, [])
        end = executed.start if k == pct.paragraph else len(norm)
        lo, hi = (bisect_left(own, pos, key=lambda f: f.start) for pos in (end - _BUDGETS_REACH, end))
        if any(
            f is not skip and f.value and words.search(norm, clause_start(norm, f.start), f.start) and ratio_matches(pct, executed, f)[0]
            for f in own[lo:hi]
        ):
            return True
    return False


# "项目资金总额350万元,…。截至12月31日,资金到位301.75万元,到位率86.21%;实际支出211.23万元,预算执行率60.35%": the rate
# is read against the funds arrived (资金执行率) or against what was given (预算执行率) — either fits, neither is wrong
_ARRIVED = ("到位", "拨付", "到账")
_ARRIVED_WORDS = re.compile("|".join(_ARRIVED))
_GIVEN_WORDS = re.compile(r"预算|总额|总投资|安排|批复|下达|计划|应到位|应拨付|核定")  # ("应到位资金300万元": what it should get)
_GIVEN_PARAGRAPHS = 2  # paragraphs back in which what the project was given may be printed


def _arrived(a: Analysis, budget: Figure) -> bool:
    norm = a.paragraph(budget.paragraph).norm
    lead = norm[clause_start(norm, budget.start) : budget.start]
    return any(w in lead and f"应{w}" not in lead for w in _ARRIVED)  # ("应到位资金": what was to arrive, given)
