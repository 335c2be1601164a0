"""Totals and the parts a text lists for them ("其中:…", "包括:…", "A,加上B,C,…总计T").

A list is read from its opener to the end of the sentence. Three forms reach further:
- "其中:" closing its paragraph, the items one per following paragraph ("其中:\n工资福利支出
  2016908.34元,…\n商品和服务支出445372.24元,…"), up to the next heading or numbered sibling;
- items that go on in the following sentences of the paragraph ("其中:因公出国费0万元。公务用车
  购置费204.78万元,…;公务接待费295.70万元…") are kept as a *continuation*: the check accepts the
  list when a continuation makes it add up, and never reports one on that ground alone;
- "收入282.18亿元。加上结算60.24亿元,结转2.46亿元,…,收入总计347.23亿元": the amounts after 加上
  and the amount they are added to make the 总计/总量 that closes the sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import islice

from selfeval_xl.audit.list_items import continuation, following_paragraphs, named_like, parallel_total
from selfeval_xl.audit.listing import (
    APPROXIMATE,
    SIDE,
    adding_up_to,
    both_sides_total,
    bracketed_parts,
    complete_before_end,
    in_reason,
    items_after_sublist,
    kinds_in,
    named_alike,
    numbered_items,
    outer_with_semicolons,
    share_after,
    sibling_start,
    siblings_by_share,
    sides_of_both,
    spending,
    without_breakdowns,
    wrapped_list,
    years_apart,
)
from selfeval_xl.audit.model import Figure, FigureKind, Paragraph, PartsGroup
from selfeval_xl.audit.text import clause_start, is_cjk, sentence_bounds

_OPENERS = ("其中", "包括:", "包含:", "具体包括:", "具体为", "具体是", "分别为:", "分别是:", "以下方面:", "如下:", "主要用于:")
_NOTHING_MORE = re.compile(r"[ :]*$")
_LIST_VERBS = ("主要用于", "用于", "主要", "具体", "构成", "情况")  # may stand between a total and its opener
_OWN_NOUNS = re.compile(r"(收入|支出|资金|经费)")  # and the total's own noun, when its name holds it


def _restated(gap: str, figures: Sequence[Figure], total: int | None) -> bool:
    """Do the words between a total and its list opener only restate it ("…2575.23万元,收入构成如下:", "…万元。
    支出具体情况如下:" under a 支出 total): list verbs and the nouns of the total's own name, no other word?"""
    if total is None:
        return False
    for verb in _LIST_VERBS:
        gap = gap.replace(verb, "")
    gap = "".join(part for part in _OWN_NOUNS.split(gap) if part not in figures[total].label)
    return not any(is_cjk(c) for c in gap)


def amounts(figures: Sequence[Figure]) -> list[int]:
    return [i for i, f in enumerate(figures) if f.kind is FigureKind.AMOUNT and f.exact and not f.comparative]


def by_paragraph(figures: Sequence[Figure], indexes: list[int]) -> dict[int, list[int]]:
    """Figure indexes grouped by paragraph, in document order (built once: lookups stay linear)."""
    out: dict[int, list[int]] = {}
    for i in indexes:
        out.setdefault(figures[i].paragraph, []).append(i)
    return out


def bracket_depths(norm: str) -> list[int]:
    """Bracket depth before each offset (one pass): depth of norm[a:b] is d[b] - d[a]."""
    out = [0]
    depth = 0
    for char in norm:
        depth += (char == "(") - (char == ")")
        out.append(depth)
    return out


# An amount printed as a difference or a budget it is set against is never the total of a list
# ("决算数大于预算数55.93万元。其中:…", "两者差额为0.6万元", "较上年的1800万元").
_DIFFERENCE_WORDS = (
    "大于",
    "小于",
    "超过",
    "低于",
    "高于",
    "差额",
    "相差",
    "超支",
    "节约",
    "较上年",
    "比上年",
    "多出",  # "工程类采购达303.27亿元,比货物类多出97.82亿元" (thirty-fifth round)
    "高出",
)


_PRIOR_YEAR = re.compile(r"(?:较|比|与)(?:20\d\d|上|去)年(?:度|同期|年初|全年)?(?:决算数?|预算数?)?的?\s*$")


# "由年初的76138万元调整为89138万元": the amount before 调整为 is the old value, set against the new one.
# "较2022年部门预算支出总数144.39万元减少22.63万元": last year's figure, named, then the change
_COMPARED_YEAR = re.compile(r"(?:较|比)(?:20\d\d|上|去)年[^,;:。]*$")
_CHANGE_AFTER = re.compile(r"\s*(?:增加|减少|增长|下降|持平)")
_BEFORE_VALUE = re.compile(r"\s*(?:调整|调增|调减|增加|减少|提高|降低|压减)(?:为|到|至)")


def is_difference(norm: str, figure: Figure) -> bool:
    lead = norm[max(0, figure.start - 16) : figure.start]  # wide: mirrors insert pinyin "(shù)"
    lead = lead.replace("弥补收支差额", "")  # "用事业基金弥补收支差额0万元": an item of 收入总计, not a difference
    # the item's own words: not a sentence before ("…厉行节约,压缩支出。其中:人员支出43.72万元")
    lead = lead[max(lead.rfind("。"), lead.rfind("其中")) + 1 :]
    return (
        any(word in lead for word in _DIFFERENCE_WORDS)
        or bool(_PRIOR_YEAR.search(lead))
        or whole_of_percent(norm, figure)
        or bool(_BEFORE_VALUE.match(norm, figure.start + len(figure.text)))
        or (bool(_COMPARED_YEAR.search(lead)) and bool(_CHANGE_AFTER.match(norm, figure.start + len(figure.text))))
    )


# "…其中县级配套资金130.92万元,到位123.06万元,到位率94%": a clause that is only a measuring verb, after a comma,
# measures the item before it (what of it arrived, was paid, spent): no part of its own
_MEASURE_ONLY = re.compile(r"(?:实际|已|累计|共)?(?:到位|拨付|支付|支出|执行|使用)(?:资金|金额|数)?(?:为|了|达)?")


def measures_previous(norm: str, figure: Figure) -> bool:
    start = clause_start(norm, figure.start)
    return start > 0 and norm[start - 1] in ",;" and _MEASURE_ONLY.fullmatch(norm[start : figure.start].strip()) is not None


_CHANGE_WORDS = ("调增", "调减", "追加", "增加", "减少", "增收", "减收", "增支", "减支")


def is_change_of_levels(norm: str, parent: Figure, children: Sequence[Figure]) -> bool:
    """ "…调整为89138万元,调增13000万元,其中:税收收入调整为40500万元,…": a change followed by the new
    levels of its parts: the list is of the level, not of the change."""
    def changed(f: Figure) -> bool:
        return any(word in norm[clause_start(norm, f.start) : f.start] for word in _CHANGE_WORDS)

    return changed(parent) and not any(changed(c) for c in children)


_OF_PERCENT = re.compile(r"\s*的\s*\d[\d.\s]*%")


def whole_of_percent(norm: str, figure: Figure) -> bool:
    """Is the amount the whole a percentage is taken of ("完成年初预算数60999万元的40.4%")?
    Such an amount is set against the figure before it, never the subject of its clause."""
    return bool(_OF_PERCENT.match(norm, figure.start + len(figure.text)))


# "按支出功能分类:一般公共服务支出…,占…%;…", "从支出结构看,…": the items of the total printed
# just before, perhaps not all of them (small classes are often left out).
_CLASSIFIED = re.compile(
    r"(?:(?:按|从)[\u4e00-\u9fff]{0,8}?(?:分类|结构|级次)(?:看|来看)?|分(?:级次|地区|区域|部门|类别|项目|科目)(?:看|来看))\s*[:,]"
)  # also "分级次看,市级…49.5亿元,…县(市、区)…234.6亿元"


def _openers(norm: str) -> list[tuple[int, int]]:
    """(start, end) of every list opener in the paragraph, in order."""
    found = []
    for word in _OPENERS:
        at = norm.find(word)
        while at >= 0:
            found.append((at, at + len(word)))
            at = norm.find(word, at + len(word))
    for word in ("(包含", "(包括"):  # "…287.41万元。(包含…191.41万、…74万元、…27万元)": a bracket of the amount's parts
        found += [(m.start() + 1, m.end()) for m in re.finditer(re.escape(word), norm)]
    at = norm.find("元中,")
    while at >= 0:  # "预算79.69亿元中,因公出国(境)费21.36亿元,…": the amount's own parts
        found.append((at + 1, at + 2))
        at = norm.find("元中,", at + 3)
    found += [(m.start(), m.end()) for m in _CLASSIFIED.finditer(norm)]
    found += [(m.start(), m.end()) for m in SIDE.finditer(norm) if m.start() == 0 or norm[m.start() - 1] in "。;"]
    found += [(at + 1, at + 1) for at in bracketed_parts(norm)]
    found.sort()
    kept: list[tuple[int, int]] = []
    for span in found:  # "具体包括:" also holds "包括:": keep the outer one
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return kept


def _cut_at_end(paragraphs: Sequence[Paragraph], index: int) -> bool:
    """Is paragraph ``index`` the text's last, ending mid-sentence (an excerpt cut short)?"""
    return index == len(paragraphs) and not paragraphs[-1].norm.rstrip().endswith(tuple("。;!?"))


_SUB_OPENERS = ("包括", "含", "其中")
_WHOLES = ("total", "grand_total", "budget", "budget_total")
_TOTAL_NAMES = ("合计", "总计", "总额")  # not 共计: "其中货物类…采购计划金额共计…" is a measure of an item


def _names_a_total(norm: str, figure: Figure) -> bool:
    """Is the amount named a total (…合计/总计 right before it)? Such an amount is no item of a list."""
    return any(word in norm[max(clause_start(norm, figure.start), figure.start - 8) : figure.start] for word in _TOTAL_NAMES)


def _sub_item(norm: str, figure: Figure, after: int) -> bool:
    """An amount whose clause opens with 包括/含 after the list began is an item's own breakdown
    ("其中:财政拨款收入751.8万元,占…9.7%,包括一般公共预算收入751.8万元;其他收入7000万元")."""
    at = clause_start(norm, figure.start)
    return at > after and norm[at:figure.start].lstrip().startswith(_SUB_OPENERS)


def opener_groups(paragraphs: Sequence[Paragraph], figures: Sequence[Figure], own_by: dict[int, list[int]]) -> list[PartsGroup]:
    """The lists a 其中/包括:/分别为: opener or a bracket starts, each with the total before it."""
    groups = []
    part_of: dict[int, int] = {}
    for p in paragraphs:
        own = own_by.get(p.index, [])
        starts = [figures[i].start for i in own]
        spans = _openers(p.norm) if own or p.norm.rstrip().endswith(":") else []
        depth = bracket_depths(p.norm) if spans else []
        markers = numbered_items(p.norm) if spans else []
        for n, (pos, end_word) in enumerate(spans):
            # the next opener at the same bracket depth ends this list ("…12万元(其中:…),公务接待费8万元"
            # goes on after the bracketed list of one of its parts)
            # and a "其中" list is not ended by an item's own "主要包括:" ("人员经费350万元,主要包括:…;公用经费…")
            own_kind = p.norm.startswith("其中", pos)
            later = (
                q
                for q, _ in islice(spans, n + 1, None)
                if depth[q] == depth[pos] and (not own_kind or p.norm.startswith("其中", q))
            )
            nxt = next(later, -1)
            s0, s1 = sentence_bounds(p.norm, pos)
            end = sibling_start(markers, pos, min(s1, nxt) if nxt >= 0 else s1)
            if own_kind and p.norm.find(";", pos, end) >= 0 and outer_with_semicolons(p.norm, spans, n, s0, depth):
                end = p.norm.find(";", pos, end)  # an item's own list inside a list of ";"-separated items
            if depth[pos] - depth[s0] > 0:  # "(其中…)" in brackets: the list ends at the closing bracket
                close = p.norm.find(")", pos)
                end = min(end, close) if close >= 0 else end
            k = bisect_left(starts, pos)
            if 0 <= nxt < s1 and p.norm.startswith("其中", nxt) and bisect_left(starts, nxt) - k == 1 and _CLASSIFIED.match(p.norm, pos):
                continue  # "按支出功能分类,2023年支出2643.52万元,其中:…": the breakdown states its own total, the 其中 list's
            last = next(
                (
                    own[j] for j in range(k - 1, -1, -1)
                    if not is_difference(p.norm, figures[own[j]]) and depth[figures[own[j]].start] <= depth[pos]
                ),
                None,
            )  # fmt: skip  ("年初预算数761.21万元(含上年结转5.01万元),其中:…": not the bracketed amount)
            in_sentence = last is not None and figures[last].start >= s0
            lead = p.norm[s0:pos].strip()  # "…万元。收入构成如下:" — a sentence that only names the total's list
            restating = not in_sentence and pos - s0 > 2 and _OWN_NOUNS.match(lead) is not None and last is not None
            if restating and last is not None:
                # of the sentence before: its level so named, not a change after it ("…较上年增加3.00万元,增长0.12%")
                s_prev, _ = sentence_bounds(p.norm, figures[last].start)
                levels = [own[j] for j in range(k) if figures[own[j]].start >= s_prev and not figures[own[j]].comparative]
                last = next((j for j in levels if _restated(lead, figures, j)), None)
            parent = last if in_sentence or pos - s0 <= 2 or restating else None
            if parent is not None and not in_sentence and in_reason(p.norm, figures[parent]):
                # "收入合计192.01万元,…,主要原因是2022年有疫情防控经费29.01万元。其中:财政拨款收入…": the amount
                # of an explanation is not what the next sentence's list divides; the sentence's total is
                s_prev, _ = sentence_bounds(p.norm, figures[parent].start)
                heads = [own[j] for j in range(k) if s_prev <= figures[own[j]].start and not in_reason(p.norm, figures[own[j]])]
                parent = heads[0] if heads else None
            both_sides = both_sides_total(p.norm, own, figures, k, pos)
            if both_sides is None and p.index > 1 and p.norm[max(0, pos - 2) : pos] in ("收入", "支出"):
                # "…收支总预算 1085203.63 元。收入包括:" closing the paragraph before this one
                before = paragraphs[p.index - 2]
                prev = own_by.get(before.index, [])
                if before.norm.rstrip().endswith("包括:"):
                    at = before.norm.rstrip().rfind("包括:")
                    both_sides = both_sides_total(before.norm, prev, figures, len(prev), at)
            if both_sides is None and SIDE.match(p.norm, pos):
                continue  # "收入预算:" lists one side of a 收支 total only
            if both_sides is not None:
                parent = both_sides  # "收支总预算X元。收入包括:…;支出包括:…": each side adds up to X
            elif parent is not None and not p.norm.startswith("其中", pos):
                # "收入合计247.9亿元。包括:…" or "…万元,包括:…"; never "…万元;支出包括:…"
                gap = lead if restating else p.norm[figures[parent].start + len(figures[parent].text) : pos]
                parent = parent if _restated(gap, figures, parent) else None
                if parent is None and pos - s0 <= 2:
                    # "支出预算4213.63万元,比2021年预算减少745.91万元,下降15%。下降的主要原因是:项目减少。包括:" then its
                    # items: the one level the paragraph states before the list (within 300 characters) is what it divides
                    levels = [own[j] for j in range(bisect_left(starts, pos - 300), k) if not figures[own[j]].comparative]
                    parent = levels[0] if len(levels) == 1 and not in_reason(p.norm, figures[levels[0]]) else None
            if parent is None and k == 0 and p.index > 1 and _CLASSIFIED.match(p.norm, pos):
                # "从收入结构看,…" opening a paragraph: a breakdown of the amount the paragraph before ends on
                previous = own_by.get(p.index - 1, [])
                ends = previous[-1] if previous else None
                prior = paragraphs[p.index - 2].norm
                # (an amount with its own share after it, "…其他资产209亿元,占5.2%", is the last item of a list, no total;
                # one a list there holds is looked past to its total below)
                item = (
                    ends is not None
                    and ends not in part_of
                    and share_after(prior, figures[ends]) is not None
                )
                parent = ends if ends is not None and not item and not is_difference(prior, figures[ends]) else None
            if parent is None:
                continue
            children = tuple(
                i
                for i in own[bisect_right(starts, pos) : bisect_left(starts, end)]
                if depth[figures[i].start] == depth[pos] and not _sub_item(p.norm, figures[i], end_word)
            )
            if own_kind and 0 <= nxt < s1:  # the list goes on after one of its items' own 其中 list
                children += items_after_sublist(p.norm, figures, own, starts, depth, pos, nxt, s1)
            children = parallel_total(p.norm, figures, own, starts, without_breakdowns(p.norm, figures, children, end_word, parent), nxt)
            if (
                sides_of_both(p.norm, figures, parent, children)
                or years_apart(p.norm, figures, children)
                or siblings_by_share(p.norm, figures, parent, children)
            ):
                continue
            colon = p.norm[end_word : end_word + 2].lstrip().startswith(":") or end_word - pos > 2
            # "其中,货物、工程、服务…规模分别为0.72亿元、0.02亿元和0.59亿元": every part named, then its amount
            colon = colon or bool(children and "分别" in p.norm[end_word : figures[children[0]].start])
            tail = not _NOTHING_MORE.match(p.norm, end_word)  # words after the opener word
            if not children and colon and not tail:
                # "…缴费支出 150384 元,其中:" then "基本支出 150384 元,项目支出 0元。…": a line wrapped after the
                # colon holds the whole list in its first sentence; else one item per paragraph
                # (paragraphs that each print an amount under the total's own name are its items, whatever comes first)
                listed = tuple(following_paragraphs(paragraphs, figures, own_by, p))
                named = named_like(paragraphs, figures, own_by, parent, listed)
                children = named if named != listed else (wrapped_list(paragraphs, figures, own_by, p) or listed)
                if len(children) == 1:
                    # "公务用车购置及运行维护费1.5万元。其中:" then "…公务用车购置经费预算数0万元,…;公务用车运行
                    # 维护费1.5万元,…": the kinds of the total named in the one paragraph after it
                    kinds = kinds_in(paragraphs, figures, own_by, figures[children[0]].paragraph, p.norm, figures[parent])
                    children = kinds or children
                # "收入1237万元,安排支出1169万元,结转下年使用68万元。其中:" then "1.福利彩票公益金498万元,…",
                # "2.体育彩票公益金739万元,…": with several totals before it, the list is of the one it adds up to, else
                # of none
                since = s0 if in_sentence else sentence_bounds(p.norm, max(0, s0 - 1))[0]
                totals = [own[j] for j in range(bisect_left(starts, since), k) if not figures[own[j]].comparative]
                if len(totals) >= 2 and children and adding_up_to(figures, children, (parent,)) is None:
                    parent = adding_up_to(figures, children, tuple(totals))
                    if parent is None:
                        continue
                # items running into the last paragraph of an excerpt cut mid-sentence may go on past it
                partial = cut = bool(children) and _cut_at_end(paragraphs, figures[children[-1]].paragraph)
                more: tuple[int, ...] = ()
            else:
                # an excerpt cut inside the list ("…;其他收入7000万元,占…90.3%;上年结"): more may follow
                cut = end >= len(p.norm.rstrip()) and _cut_at_end(paragraphs, p.index)
                # "…等" names examples; "主要用于:" the main uses: neither claims to list every part
                partial = cut or (
                    "等" in p.norm[pos:end]
                    or "主要" in p.norm[max(s0, pos - 4) : end_word]
                    or p.norm[pos] in "按从"  # a classification may leave small classes out
                )
                stop = nxt if nxt >= 0 else len(p.norm)
                more = tuple(continuation(p, own, figures, end, stop)) if end < stop else ()
            # (unless the first is one too: "其中,行政单位资产总额72.36亿元,事业单位资产总额129.66亿元" lists totals)
            first_total = bool(children) and _names_a_total(p.norm, figures[children[0]])
            closing = next((n for n, i in enumerate(children) if n and not first_total and _names_a_total(p.norm, figures[i])), None)
            if closing is not None:
                children = children[:closing]  # "其中:A…,B…,收入合计为6449万元": a total closes the outer statement
            if (
                not in_sentence
                and figures[parent].role not in _WHOLES
                and {"basic", "project"} <= {figures[i].role for i in children}
                and not spending(p.norm, figures[parent])
            ):
                # "本年支出合计61658.08万元,…。年末结转结余1843.7万元。其中,基本支出…、项目支出…": the 基本/项目
                # list belongs to the 支出合计 before, not to the balance the sentence before ends on
                totals = [own[j] for j in range(k) if figures[own[j]].role == "total"]
                if not totals:
                    continue
                parent = totals[-1]
            whole = complete_before_end(figures, parent, children)
            if whole != children:
                children, more = whole, ()
            if children and not in_sentence and parent in part_of:
                # "…支出609.74万元。其中:财政拨款项目支出15万元,其他项目支出594.74万元。具体如下:" — the
                # items may be of the last part or of its total: the one they add up to, else neither
                parent = adding_up_to(figures, children, (parent, part_of[parent]))
                if parent is None:
                    continue
            elif children and both_sides is None and adding_up_to(figures, children, (parent,)) is None:
                # "资产总额192.02亿元,负债总额32.15亿元,净资产总额159.87亿元。其中,行政单位资产总额62.36亿元,…": a
                # list is of the amount of its sentence (or, opening it, of the sentence before) that it adds up to
                # and whose name its items share ("收入8,552万元,…,同口径完成地方财政收入10,066万元,…,其中:税收…")
                s_prev = s0 if in_sentence else sentence_bounds(p.norm, max(0, s0 - 1))[0]
                earlier = tuple(own[j] for j in range(bisect_left(starts, s_prev), k) if not figures[own[j]].comparative)
                owner = adding_up_to(figures, children, earlier)
                if owner is not None and named_alike(p.norm, figures, owner, children):
                    parent = owner
            if children:
                # a list the excerpt cuts short, or with an approximate part left out ("…资金约122.6亿元,…"),
                # can only be judged when it already exceeds its total
                rough = cut or APPROXIMATE.search(p.norm, end_word, max(end, figures[children[-1]].start)) is not None
                groups.append(PartsGroup(parent, children, True, colon, partial, more, exceeding_only=rough))
                part_of.update(dict.fromkeys(children, parent))
    return groups
