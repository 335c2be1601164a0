"""Relations between figures: totals and their parts, shares and their denominators, execution
rates and their amounts (counts and the items they enumerate: ``enumerations``)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from selfeval_xl.audit.clause_pairs import budget_after_spent, clause_pair
from selfeval_xl.audit.extract import COMPLETION, COMPLETION_ANYWHERE
from selfeval_xl.audit.fund_budgets import Budgets, budget_for, stated_budgets
from selfeval_xl.audit.groups import amounts as _amounts
from selfeval_xl.audit.groups import bracket_depths
from selfeval_xl.audit.groups import by_paragraph as _by_paragraph
from selfeval_xl.audit.implicit_groups import implicit_groups
from selfeval_xl.audit.model import (
    Figure,
    FigureKind,
    Paragraph,
    PartsGroup,
    RateLink,
)
from selfeval_xl.audit.named import name_before, printed_name
from selfeval_xl.audit.sentence_lists import explicit_groups
from selfeval_xl.audit.shares import find_shares as find_shares
from selfeval_xl.audit.text import clause_start, open_brackets, sentence_bounds


def find_groups(paragraphs: Sequence[Paragraph], figures: Sequence[Figure]) -> tuple[PartsGroup, ...]:
    explicit = explicit_groups(paragraphs, figures)
    return tuple(explicit + implicit_groups(paragraphs, figures, explicit))


def _compared_with(norm: str, figure: Figure) -> bool:
    """Is the amount the base of a "与…相比" phrase ("与年初预算200万元相比,完成年初预算的150%")?"""
    end = figure.start + len(figure.text)
    return norm[end : end + 4].lstrip().startswith("相比") and "与" in norm[clause_start(norm, figure.start) : figure.start]


def _completion(norm: str, figures: Sequence[Figure], own: list[int], pct: Figure) -> dict[str, int | None]:
    """ "支出157.56亿元,比上年增长4.2%,完成年初预算数160亿元的98.5%": the budget is the amount
    inside the 完成…的 phrase, the executed amount the last one before 完成 in the sentence."""
    s0, _ = sentence_bounds(norm, pct.start)
    phrase = COMPLETION.search(norm, clause_start(norm, pct.start), pct.start)
    at = phrase.start() if phrase else norm.rfind("完成", s0, pct.start)
    at = at if at >= 0 else norm.rfind("为", s0, pct.start)

    def place(pos: int) -> int:
        return bisect_left(own, pos, key=lambda i: figures[i].start)

    inside = own[place(at + 1) : place(pct.start)]
    # never an amount in brackets ("支出91759万元(其中镇级支出10595万元),完成调整预算的93.8%")
    before = [
        i for i in own[place(s0) : place(at)]
        if not figures[i].comparative and open_brackets(norm[s0 : figures[i].start]) <= 0 and not _compared_with(norm, figures[i])
    ]  # fmt: skip
    executed = before[-1] if before else None
    budget = inside[-1] if inside else None
    if budget is None and phrase is not None and len(before) >= 2 and (pair := budget_after_spent(norm, figures, before, s0, phrase.group())):
        executed, budget = pair
    based = [i for i in own[place(s0) : place(at)] if figures[i].role == "budget" and _compared_with(norm, figures[i])]
    if budget is None and len(based) == 1:
        budget = based[0]  # "…支出300万元,与年初预算200万元相比,完成年初预算的150%"
    if budget is None:
        # "预算数为25万元,支出决算为20万元,完成预算的80%": the budget named earlier in the sentence,
        # unless a completion rate already stands between it and this executed amount (it was that
        # one's: "年初预算为22万元,支出决算为8.77万元,完成预算的39.86%,其中:…8.47万元,完成预算的60.50%")
        named = [i for i in before if (figures[i].role == "budget" or _BUDGET_NAMED.search(norm, max(0, figures[i].start - 8), figures[i].start)) and i != executed]
        item = norm.rfind(";", s0, at)  # "其中:…费支出预算为5万元,…,完成预算的0%;…费支出预算为10万元,支出决算为…": this item's
        named = [i for i in named if figures[i].start > item] if item >= 0 else named
        budget = named[-1] if len(named) == 1 else None
        if budget is not None and executed is not None:
            between = norm[figures[budget].start : figures[executed].start]
            budget = None if COMPLETION_ANYWHERE.search(between) else budget
    # never for a part ("…;其中税收收入完成288395万元,为调整预算的97.2%": the part's own budget is not printed)
    segment = s0 if executed is None else max(s0, norm.rfind(";", s0, figures[executed].start) + 1)
    if budget is None and executed is not None and phrase is not None and not any(norm[at : at + 8].lstrip().startswith("其中") for at in (s0, segment)):
        # (bounded: the sentences within 400 characters before the rate's)
        earlier = own[place(max(0, s0 - 400)) : place(figures[executed].start)]  # "…调整为68000万元,完成82133万元,为调整预算的67.1%"
        budget = _kind_of_budget_before(norm, figures, earlier, phrase.group(), figures[executed])
        budget = budget if budget is not None else _same_name_budget(norm, figures, earlier, figures[executed], s0)
    return {"budget": budget, "executed": executed}


# "“三公”经费预算为168.53万元,其中:…。“三公”经费支出为163.58万元,完成预算的97.06%": a plain 完成预算 whose executed
# amount is named by an item whose budget an earlier sentence of the paragraph names (the same words before 预算)
_SPENT_WORDS = re.compile(r"(?:(?:实际|全年|当年|本年)?(?:支出|决算|执行|使用|完成))+(?:数|金额)?(?:为|是|达)?$")
_BUDGET_WORDS = r"(?:全年|年初|本年|当年)?预算(?:数|金额|安排)?(?:为|是)?$"


def _same_name_budget(norm: str, figures: Sequence[Figure], earlier: list[int], executed: Figure, s0: int) -> int | None:
    spent = name_before(norm, executed.start)
    stem = _SPENT_WORDS.sub("", spent) if _SPENT_WORDS.search(spent) else ""
    if len(re.sub(r"[^\u4e00-\u9fff]", "", stem)) < 2:
        return None
    named = re.compile(re.escape(stem) + _BUDGET_WORDS)
    found = [i for i in earlier if figures[i].start < s0 and not figures[i].comparative and named.search(name_before(norm, figures[i].start))]
    if not found or COMPLETION_ANYWHERE.search(norm, figures[found[-1]].start, executed.start):
        return None
    return found[-1]


# "收入预算35.3亿元,实际完成37.21亿元,为预算的105.4%": an amount printed right after 预算 is a budget,
# whatever its side
_BUDGET_NAMED = re.compile(r"(?:预算(?:数|金额|总额)?|(?:经费|资金)(?:合计|总额|共计))(?:为|是)?\s*$")


# "…年初预算安排273.3亿元。…批准收入预算调整为200.12亿元。…完成一般公共预算收入202.96亿元,完成调整预算数的
# 101.42%": a rate naming its kind of budget (调整/年初) reads the last amount of that kind printed before,
# in an earlier sentence of the paragraph, when it budgets the same side (收入 or 支出).
# ("审查批准调整全县一般公共预算收入为500000万元": the adjusted figure of a named side)
_BUDGET_KINDS = (
    ("调整", re.compile(r"调整(?:后的?)?(?:预算)?(?:数|为|至|安排)|调整预算|调整[\u4e00-\u9fff]{0,16}?(?:收入|支出)(?:预算)?数?为")),
    ("年初", re.compile(r"年初预算")),
)


def _kind_of_budget_before(norm: str, figures: Sequence[Figure], before: list[int], phrase: str, executed: Figure) -> int | None:
    kind = next((pattern for word, pattern in _BUDGET_KINDS if word in phrase), None)
    side = next((w for w in ("收入", "支出") if w in norm[clause_start(norm, executed.start) : executed.start]), None)
    if side is None:  # "一般公共预算支出调整为68000万元,2021年完成82133万元": the side the sentence names
        sides = [w for w in ("收入", "支出") if w in norm[sentence_bounds(norm, executed.start)[0] : executed.start]]
        side = sides[0] if len(sides) == 1 else None
    if kind is not None and side is None and before:
        # "…支出预算调整为19.44亿元。实际完成15.17亿元,为调整预算的78%": the amount right before names the kind
        last = before[-1]
        clause = norm[clause_start(norm, figures[last].start) : figures[last].start]
        return last if kind.search(clause) and not figures[last].comparative else None
    if kind is None or side is None:
        return None
    for i in reversed(before):
        clause = norm[clause_start(norm, figures[i].start) : figures[i].start]
        if kind.search(clause) and not figures[i].comparative:
            return i if side in clause or side in norm[sentence_bounds(norm, figures[i].start)[0] : figures[i].start] else None
    return None


def _spent_after(
    paragraphs: Sequence[Paragraph], figures: Sequence[Figure], own: list[int], budget: int, pct: Figure
) -> int | None:
    """ "预算总额为500万元,截至12月31日共支出450万元,预算执行率95%": with no amount named 执行数, the
    one amount between the budget and the rate in the rate's sentence is what was spent."""
    norm = paragraphs[pct.paragraph - 1].norm
    s0, _ = sentence_bounds(norm, pct.start)
    if figures[budget].paragraph != pct.paragraph:
        return None
    if figures[budget].start < s0:
        # "共下达资金1547.89万元,分两批下达:…。全年支出1366.66万元,预算执行率88.29%": the rate's sentence opens on the
        # one amount before it, named as spent
        mine = own[bisect_left(own, s0, key=lambda i: figures[i].start) : bisect_left(own, pct.start, key=lambda i: figures[i].start)]
        if len(mine) != 1 or figures[mine[0]].role not in ("total", "other"):
            return None
        opens = clause_start(norm, figures[mine[0]].start)
        return mine[0] if opens <= s0 + 1 and _SPENT_NAMED.search(norm[opens : figures[mine[0]].start]) else None
    lo = bisect_left(own, figures[budget].start + 1, key=lambda i: figures[i].start)
    between = own[lo : bisect_left(own, pct.start, key=lambda i: figures[i].start)]
    if len(between) > 1 and not _rate_between(figures, budget, pct):
        # "年初预算283.91万元,已拨付227.13万元,到位率80.00%;累计支出188.52万元,资金执行率66.40%": the last, named as spent
        # (not past another 执行率: "…预算数6万元,…支出进度比率为100%;案件审判411.95万元,…支出411.95万元,…100%" lists items)
        last = figures[between[-1]]
        between = between[-1:] if _SPENT_NAMED.search(norm[clause_start(norm, last.start) : last.start]) else between
    return between[0] if len(between) == 1 and figures[between[0]].role in ("total", "other") else None


def _rate_between(figures: Sequence[Figure], budget: int, pct: Figure) -> bool:
    """Is another execution rate printed between the budget and the rate (both in one sentence, so the walk is short)?"""
    for j in range(budget + 1, len(figures)):
        f = figures[j]
        if f.paragraph != pct.paragraph or f.start >= pct.start:
            return False
        if f.kind is FigureKind.PERCENT and f.role == "execution":
            return True
    return False


_NAMED_BUDGET = re.compile(
    r"(?:(?<!一般公共)预算(?:数|资金|金额|总额|合计|总计)?|(?:项目|专项|批复|下达|安排|计划)资金(?:总额)?|总投资|计划投资|(?:经费|资金)(?:合计|总额|共计))"
    r"\s*(?:为|是|共|达|共计)?\s*$"
)  # "项目资金120万元,已支出110万元,…执行率为91.67%", "…补助经费合计75万元,已于本年度支出75万元,预算完成率100%":
# the money the project was given ("上述项目全年预算合计2501.60万元,实际支出1913.38万元,执行率76.49%": a budget's 合计)


def _budget_before(
    paragraphs: Sequence[Paragraph], figures: Sequence[Figure], own: list[int], executed: int, pct: Figure
) -> int | None:
    """ "部门整体支出预算1000万元,实际支出950万元,预算执行率为95%": an amount named …预算 (so given
    the role of what it budgets) right before the executed amount, in the rate's sentence."""
    norm = paragraphs[pct.paragraph - 1].norm
    s0, _ = sentence_bounds(norm, pct.start)
    before = own[bisect_left(own, s0, key=lambda i: figures[i].start) : bisect_left(own, figures[executed].start, key=lambda i: figures[i].start)]
    if not before or figures[executed].paragraph != pct.paragraph:
        return None
    last = figures[before[-1]]
    lead = norm[clause_start(norm, last.start) : last.start]
    return before[-1] if _NAMED_BUDGET.search(lead) and not last.comparative else None


# what the money given is named, right before a spent amount and a rate ("…用于项目建设等合计3624.71万元,已于本年度
# 支出3624.71万元", "…项目建设经费4194.23万元,于本年度支出4194.23万元")
_GIVEN = re.compile(r"(?:合计|总计|共计|总额|经费|资金|(?<!一般公共)预算数?|总投资)\s*(?:为|是|共|达)?\s*$")
_SPENT_NAMED = re.compile(r"(?:支出|支付|拨付|执行|使用)(?:数|金额|资金|合计)?(?:为|了)?\s*$")  # ("本年支出合计61658.08万元")


def _given_then_spent(norm: str, figures: Sequence[Figure], own: list[int], s0: int, pct: Figure) -> tuple[int | None, int | None]:
    """ "…补助经费合计75万元,已于本年度支出75万元,预算完成率100%": the last two amounts before the rate in
    its sentence, the money given (named as a budget) and then the money spent (named so)."""
    before = own[bisect_left(own, s0, key=lambda i: figures[i].start) : bisect_left(own, pct.start, key=lambda i: figures[i].start)]
    if len(before) < 2:
        return None, None
    given, spent = figures[before[-2]], figures[before[-1]]
    if given.comparative or spent.comparative:
        return None, None
    named = _GIVEN.search(norm[clause_start(norm, given.start) : given.start])
    used = _SPENT_NAMED.search(norm[clause_start(norm, spent.start) : spent.start])
    return (before[-2], before[-1]) if named and used else (None, None)


def _nearest_in(figures: Sequence[Figure], pool: list[int], anchor: Figure, norm: str) -> int | None:
    """The amount of ``pool`` (one paragraph's, in order) printed last before ``anchor``, else the
    first after it."""
    k = bisect_left(pool, anchor.start, key=lambda i: figures[i].start)
    if k:
        return pool[k - 1]  # the one printed before the rate ("…预算10.7万元,执行数8.46万元,执行率79.07%;其他资金预算…")
    after = pool[k] if k < len(pool) else None
    # after the rate only within its clause chain: "执行率为95%,预算数100万元" but not "…;其他资金预算2.364万元"
    return after if after is not None and ";" not in norm[anchor.start : figures[after].start] else None


# "完成年初预算的112.4%", "为预算的93%": of the budget stated for the year (never 调整预算)
_OF_THE_YEARS_BUDGET = re.compile(r"(?:完成|为)(?:年初)?预算(?:数)?的\s*\d")


_EARLIER = 3  # paragraphs back in which a project's budget may be stated


def _budget_of_paragraphs_before(
    paragraphs: Sequence[Paragraph], figures: Sequence[Figure], by_role: dict[tuple[int, str], list[int]], pct: Figure
) -> int | None:
    """ "(1)项目资金到位情况。2021年预算飞行经费共计9799.2万元,其中…。" then "(2)项目资金执行情况。实际执行飞行经费
    9109.54万元,…。项目执行率92.96%": a rate whose paragraph states what was spent and no budget takes the one
    budget stated in the few paragraphs before it — only when exactly one amount there is named as a budget
    (a 年初 and an adjusted budget, or the budgets of several items, leave the rate unread)."""
    found = [
        i for k in range(max(1, pct.paragraph - _EARLIER), pct.paragraph) for i in by_role.get((k, "budget"), [])
        if not figures[i].comparative
    ]  # fmt: skip
    return found[0] if len(found) == 1 else None


def _given_paragraphs_before(paragraphs: Sequence[Paragraph], by_paragraph: dict[int, list[int]], figures: Sequence[Figure], pct: Figure) -> int | None:
    """ "项目资金总额396.49万元,其中…。" then "项目资金已全部下达,截至年底共支出268.19万元,预算执行率为67.6%": the one
    amount of the few paragraphs before named as what the project was given (as ``_budget_before`` names it), not an
    item of a 其中 list nor one in brackets (one source of the money, not all of it)."""
    found = []
    for k in range(max(1, pct.paragraph - _EARLIER), pct.paragraph):
        found += _given_among(paragraphs[k - 1].norm, figures, by_paragraph.get(k, []))
    return found[0] if len(found) == 1 else None


def _given(
    paragraphs: Sequence[Paragraph], by_paragraph: dict[int, list[int]], figures: Sequence[Figure],
    given_before: dict[int, int | None], pct: Figure, spent: Figure,
) -> int | None:
    """What the project was given, for a rate of an amount named as spent: the one amount so named in the rate's
    sentence before it, else in the few paragraphs before (looked up once a paragraph: many rates in one stay linear).
    Not one of an earlier sentence of the rate's paragraph: tried in the twenty-ninth round, it made one false error on
    the test half and found none."""
    norm = paragraphs[pct.paragraph - 1].norm
    s0, _ = sentence_bounds(norm, pct.start)
    own = by_paragraph.get(pct.paragraph, [])
    lo, hi = (bisect_left(own, pos, key=lambda i: figures[i].start) for pos in (s0, spent.start))
    here = _given_among(norm, figures, own[lo:hi], s0)  # "该项目计划投资200.93万元,已拨付188.87万元,…;累计支出149.21万元,…"
    if here:
        return here[0] if len(here) == 1 else None
    if pct.paragraph not in given_before:
        given_before[pct.paragraph] = _given_paragraphs_before(paragraphs, by_paragraph, figures, pct)
    return given_before[pct.paragraph]


def _given_among(norm: str, figures: Sequence[Figure], among: Sequence[int], since: int | None = None) -> list[int]:
    """The amounts of ``among`` (one paragraph's) named as what the project was given: not an item of a 其中 list, not
    in brackets ("该项目计划投资200.93万元,已拨付188.87万元,…": the 计划投资). Brackets are counted from ``since`` (the
    rate's sentence: a long paragraph stays linear), else over the paragraph."""
    depth = bracket_depths(norm) if among and since is None else []
    return [
        i for i in among
        if not figures[i].comparative and _NAMED_BUDGET.search(lead := norm[clause_start(norm, figures[i].start) : figures[i].start])
        and "其中" not in lead
        and (open_brackets(norm[since : figures[i].start]) <= 0 if since is not None else depth[figures[i].start] <= 0)
    ]  # fmt: skip


_SPENT_OF = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,12}?)(?:实际)?(?:支出|执行|使用|支付)(?:数|金额)?$")


def _named_part(norm: str, figures: Sequence[Figure], own: list[int], s0: int, pct: Figure) -> tuple[int | None, int | None]:
    """ "年初预算4660.9万元,其中专项资金520.38万元,…。专项资金支出316.38万元,预算执行率61%": the amount right before
    the rate spends what an earlier amount of its paragraph names (专项资金支出 of 专项资金, or of 专项资金预算):
    that one amount is its budget, whatever the paragraph's whole budget."""
    k = bisect_left(own, pct.start, key=lambda i: figures[i].start)
    if not k or figures[own[k - 1]].start < s0:
        return None, None
    spent = figures[own[k - 1]]
    if spent.comparative or any(c in norm[spent.start : pct.start] for c in ";。"):
        return None, None
    m = _SPENT_OF.match(printed_name(norm, spent.start))
    if m is None:
        return None, None
    names = {m.group("name"), m.group("name") + "预算", m.group("name") + "预算数"}
    lo = bisect_left(own, spent.start - _PART_REACH, key=lambda i: figures[i].start)  # bounded: a long paragraph stays linear
    given = [i for i in own[lo : k - 1] if not figures[i].comparative and printed_name(norm, figures[i].start) in names]
    return (given[0], own[k - 1]) if len(given) == 1 else (None, None)


_PART_REACH = 400  # characters before the spent amount in which its budget, named alike, is looked for


# words setting a rate against another's or against a bar: the rate after them is not the text's own
_SET_AGAINST = ("低于", "高于", "超过", "超出", "不及", "不足", "好于", "快于", "慢于")


def _part_given(norm: str, figures: Sequence[Figure], own: list[int], s0: int, executed: int) -> int | None:
    """ "其中:2024年中央集中彩票公益金10.7万元,2024年度执行数8.46万元,预算执行率为79.07%": the one amount of a part's
    sentence before its named executed amount, itself unnamed, is what the part was given (thirty-seventh round)."""
    before = own[bisect_left(own, s0, key=lambda i: figures[i].start) : bisect_left(own, figures[executed].start, key=lambda i: figures[i].start)]
    given = figures[before[0]] if len(before) == 1 else None
    if given is None or given.role != "other" or given.comparative or ";" in norm[given.start : figures[executed].start]:
        return None
    return before[0]


def find_rates(paragraphs: Sequence[Paragraph], figures: Sequence[Figure]) -> tuple[RateLink, ...]:
    by_paragraph = _by_paragraph(figures, _amounts(figures))
    by_role: dict[tuple[int, str], list[int]] = {}  # built once: each lookup is a bisection
    for para, own in by_paragraph.items():
        for i in own:
            by_role.setdefault((para, figures[i].role), []).append(i)
    links = []
    budgets: Budgets | None = None  # the funds' budgets a fiscal report states once (built when first needed)
    given_before: dict[int, int | None] = {}  # a paragraph's one amount named as given, in the paragraphs before it
    for index, pct in enumerate(figures):
        if pct.kind is not FigureKind.PERCENT or pct.role != "execution":
            continue
        clause = paragraphs[pct.paragraph - 1].norm
        if any(w in clause[clause_start(clause, pct.start) : pct.start] for w in _SET_AGAINST):
            continue  # "资金支付进度仅为11.87%。低于全省高校…支付进度13.1%": another's rate, or a bar ("高于90%")
        found: dict[str, int | None] = {}
        if pct.label == "completion":
            norm = paragraphs[pct.paragraph - 1].norm
            found = _completion(norm, figures, by_paragraph.get(pct.paragraph, []), pct)
            executed = found["executed"]
            if found["budget"] is None and executed is not None and _OF_THE_YEARS_BUDGET.search(norm, figures[executed].start, pct.start + 1):
                budgets = stated_budgets(paragraphs, figures, by_paragraph) if budgets is None else budgets
                found["budget"] = budget_for(budgets, norm, figures[executed], executed)
        else:
            own = by_paragraph.get(pct.paragraph, [])
            # never an amount of another sentence ("…执行率99%。…剩余未执行完的0.3792万元…")
            norm = paragraphs[pct.paragraph - 1].norm
            s0, s1 = sentence_bounds(norm, pct.start)
            # a part's rate ("…预算数为13.064万元,…82.85%。其中:…公益金10.7万元,执行数8.46万元,预算执行率为
            # 79.07%") takes no budget of the sentence before, a rate of the whole may
            low = s0 if norm[s0 : s0 + 8].lstrip().startswith("其中") else 0
            budget, spent = _named_part(norm, figures, own, s0, pct)
            if budget is None and (pair := clause_pair(norm, figures, own, s0, pct)) is not None:
                budget, spent = pair
            if budget is not None:
                links.append(RateLink(index, budget, spent))
                continue
            for role in ("budget", "executed"):
                pool = by_role.get((pct.paragraph, role), [])
                pool = pool[bisect_left(pool, low, key=lambda i: figures[i].start) : bisect_left(pool, s1, key=lambda i: figures[i].start)]
                found[role] = _nearest_in(figures, pool, pct, norm)
            if found["executed"] is None and found["budget"] is not None:
                found["executed"] = _spent_after(paragraphs, figures, own, found["budget"], pct)
            if found["budget"] is None and found["executed"] is not None:
                found["budget"] = _budget_before(paragraphs, figures, own, found["executed"], pct)
            if found["budget"] is None and found["executed"] is None:
                found["budget"], found["executed"] = _given_then_spent(norm, figures, own, s0, pct)
            part = norm[s0 : s0 + 8].lstrip().startswith("其中")
            if part and found["budget"] is None and found["executed"] is not None:
                found["budget"] = _part_given(norm, figures, own, s0, found["executed"])
            if found["budget"] is None and found["executed"] is None and not part:
                # "…截至年底共支出268.19万元,预算执行率为67.6%": the one amount right before the rate names what was spent
                k = bisect_left(own, pct.start, key=lambda i: figures[i].start)
                spent = own[k - 1] if k and figures[own[k - 1]].start >= s0 else None
                if spent is not None and _SPENT_NAMED.search(norm[clause_start(norm, figures[spent].start) : figures[spent].start]):
                    found["executed"] = spent
                    found["budget"] = _given(paragraphs, by_paragraph, figures, given_before, pct, figures[spent])
            if found["budget"] is None and found["executed"] is not None and not part:
                found["budget"] = _budget_of_paragraphs_before(paragraphs, figures, by_role, pct)
                if found["budget"] is None and figures[found["executed"]].paragraph == pct.paragraph:
                    # "项目资金总额662.13万元。" then "…已到位582.67万元,…。已支出425.35万元,执行率为67.24%"
                    found["budget"] = _given(paragraphs, by_paragraph, figures, given_before, pct, figures[found["executed"]])
        links.append(RateLink(index, found["budget"], found["executed"]))
    return tuple(links)
