"""Lists a sentence closes rather than opens, and the composition of every explicit list.

- "A a,加上B b,C c,收入总计T": the amounts after 加上 and the one they are added to make T;
- "公务接待费10万元、公务用车运行维护费25万元,合计35万元": a 合计 clause closes the amounts before it;
  a named one ("基本支出120万元,项目支出80万元,支出合计210万元") only its known decomposition;
- "“三公”经费中,因公出国(境)经费…;公务接待费…": parts of the amount printed earlier under that name;
- "省级资金124.23万元,为A建设25万元,B帮助0.71万元,…": what an amount went to, listed after 为
  (the text never says the list is complete: only parts over their total are wrong);
- the rows of a 三公 table.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from decimal import Decimal

from selfeval_xl.audit.groups import amounts, bracket_depths, by_paragraph, is_difference, opener_groups
from selfeval_xl.audit.listing import sangong_lists
from selfeval_xl.audit.model import Figure, FigureKind, Paragraph, PartsGroup
from selfeval_xl.audit.named import Names, lead
from selfeval_xl.audit.numbers import numeral_value
from selfeval_xl.audit.revenue_parts import revenue_parts
from selfeval_xl.audit.sangong_sections import sangong_sections
from selfeval_xl.audit.text import clause_start, is_cjk, open_brackets, sentence_bounds

_GRAND_WORDS = ("总计", "总量", "合计", "共计", "總計", "合計")
_STOPS = (*_GRAND_WORDS, "总收入", "总支出")
_ET_CETERA = re.compile(r"等(?![\s\d])")


def explicit_groups(paragraphs: Sequence[Paragraph], figures: Sequence[Figure]) -> list[PartsGroup]:
    """Every list the text states: opened (其中…), added up (加上…), closed (…合计), named (X中,)."""
    own_by = by_paragraph(figures, amounts(figures))
    groups = opener_groups(paragraphs, figures, own_by)
    parent_of = {c: g.parent for g in groups for c in g.children}
    added = _added_up(paragraphs, figures, own_by, parent_of)
    stated = (
        groups
        + added
        + _closing_totals(paragraphs, figures, own_by, parent_of, {g.parent for g in added})
        + _named_lists(paragraphs, figures, own_by)
        + _uses_lists(paragraphs, figures, own_by)
        + [PartsGroup(total, parts, True, False, False, ()) for total, parts in sangong_lists(paragraphs, figures, own_by)]
        + [
            PartsGroup(total, parts, True, True, by_definition=True)
            for total, parts in sangong_sections(paragraphs, figures, own_by)
            # "2011年…预算数为2,051.05万元。" in the lede, then "2010年…决算数…共计2,133.47万元,其中:…支出数…": parts
            # a 其中 list gives another total are not this one's
            if not all(c in parent_of and figures[parent_of[c]].value not in (None, figures[total].value) for c in parts)
        ]
    )
    listed = {g.parent for g in stated} | {c for g in stated for c in g.children}
    return stated + [
        PartsGroup(total, parts, True, True, by_definition=True) for total, parts in revenue_parts(paragraphs, figures, own_by, listed)
    ]


_TOTAL_WORDS = ("合计", "总计", "小计", "总收入", "总支出", "总额")


_TAKEN_AWAY = re.compile(r"减去|扣除|扣减|剔除")
# "…补助资金64669万元,加上前期已下达的397801.31万元,全年基本公共卫生服务补助资金508717.34万元": a total of the whole
# year (or all together) opening its clause closes the list (thirty-seventh round)
_ALL_TOGETHER = re.compile(r"\s*(?:全年|共计|合计|总计|累计|一共|总共|共)")
_PLUS = re.compile(r"加上|(?:(?<=[。,;])|^)\s*加(?=(?:市|省|区|县)级|中央|上级|上年|调入|动用|地方|政府|转移|返还|债务|一般|专项)")


def _plus(norm: str, start: int, end: int | None = None) -> int:
    """The next 加上 (before ``end``); "加上级补助收入" (加 + 上级补助) and "加上年结余" add as well, and so does
    a clause opened by 加 ("…下降7.2%。加市级财政税收返还和补助收入133.6亿元、…,收入总量为628.2亿元")."""
    m = _PLUS.search(norm, start, len(norm) if end is None else end)
    return m.end() - (2 if m.group().endswith("加上") else 1) if m else -1


def _added_up(
    paragraphs: Sequence[Paragraph], figures: Sequence[Figure], own_by: dict[int, list[int]], parent_of: dict[int, int]
) -> list[PartsGroup]:
    """ "A a,加上B b,C c,收入总计T": T = a + b + c (a may close the previous sentence)."""
    groups = []
    changes: dict[int, list[Figure]] = {}
    for f in figures:
        if f.comparative and f.kind is FigureKind.AMOUNT:
            changes.setdefault(f.paragraph, []).append(f)
    for p in paragraphs:
        own = own_by.get(p.index, [])
        starts = [figures[i].start for i in own]
        at = _plus(p.norm, 0)
        while at >= 0:
            s0, s1 = sentence_bounds(p.norm, at)
            span = own[bisect_right(starts, at) : bisect_left(starts, s1)]
            inside = [i for i in span if open_brackets(p.norm[at : figures[i].start]) == 0]
            heads = [p.norm[max(s0, figures[i].start - 6) : figures[i].start] for i in inside]
            # the first grand total after 加上 closes the list ("…,收入总计400000万元;一般公共预算支出…")
            # or a total on the way ("加上级补助收入…,…转贷收入…,全县一般预算总收入442751万元,加上年结余…")
            k = next((k for k, h in enumerate(heads) if k and any(w in h for w in _STOPS)), len(inside) - 1)
            inside = inside[: k + 1]
            total = inside[-1] if inside else None
            head = heads[k] if inside else ""
            s0 = max(s0, p.norm.rfind(";", s0, at) + 1)  # "…收入合计32.39亿元;…支出24.98亿元,…,加上上解支出…"
            before = own[bisect_left(starts, s0) : bisect_left(starts, at)]
            base = before[0] if before else None  # the sentence's own figure, not a restatement of it
            if total is not None and len(before) >= 2:
                # "支出预算数为26.93亿元,实际支出24.98亿元,…,加上上解支出6.15亿元、…,支出合计31.16亿元": the one that
                # with the added amounts makes the total
                added = sum((figures[i].value or 0 for i in inside[:-1]), Decimal(0))
                base = next((i for i in before if (figures[i].value or 0) + added == figures[total].value), base)
            if before and any(w in p.norm[max(s0, figures[before[-1]].start - 6) : figures[before[-1]].start] for w in _STOPS):
                base = before[-1]  # "…,一般预算总收入442751万元,加上年结余7546万元,…": a total on the way
            if not before and len(p.norm[s0:at].replace(" ", "")) <= 2 and s0 > 0:  # spaces: a PDF's letter spacing
                p0 = sentence_bounds(p.norm, s0 - 1)[0]
                previous = own[bisect_left(starts, p0) : bisect_left(starts, s0)]
                # "…收入64000万元,其中:税收收入34000万元、非税收入30000万元。加上…": its 其中 list aside
                rest = previous[1:]
                base = previous[0] if previous and all(parent_of.get(i) == previous[0] for i in rest) else None
                owners = {parent_of.get(i, -1) for i in previous}
                if previous and len(owners) == 1 and -1 < min(owners) < previous[0]:
                    # "…收入完成16.75亿元,…。其中:税收收入8.37亿元,…;非税收入8.38亿元,…。加上转移性收入…,收入
                    # 总计…": the sentence before is the 其中 list; 加上 adds to its total
                    base = parent_of[previous[0]]
            if (
                total is not None
                and base is not None
                # "…,以及政府一般债券收入等,总收入…": not all named ("调入资金…等969065万元" names one item's kinds)
                and not _ET_CETERA.search(p.norm, at, figures[total].start)
                # "…上年结余14.1亿元,减去上解支出31亿元,预算总收入为134.3亿元": an amount taken away, not added
                and not _TAKEN_AWAY.search(p.norm, at, figures[total].start)
                and not _named_change_between(p.norm, changes.get(p.index, ()), at, figures[total].start)
                and len(inside) >= 2
                and (any(w in head for w in _STOPS) or _ALL_TOGETHER.match(p.norm, clause_start(p.norm, figures[total].start)))
            ):
                groups.append(PartsGroup(total, (base, *inside[:-1]), True, True, False, ()))
            at = _plus(p.norm, at + 2)
    return groups


def _named_change_between(norm: str, changes: Sequence[Figure], start: int, end: int) -> bool:
    """An item printed as a change among the added amounts ("…,债务还本支出195,664万元,调出资金增加10,239万元,
    …,总支出2,686,338万元"): it may be one of the parts, so the list is not read (a change against last year,
    "比上年增加…", is not an item). ``changes``: the paragraph's changes, in order."""
    for f in changes[bisect_right(changes, start, key=lambda f: f.start) : bisect_left(changes, end, key=lambda f: f.start)]:
        clause = norm[max(norm.rfind(c, start, f.start) for c in ",;、") + 1 : f.start]
        if not any(w in clause for w in ("比", "较", "同比", "上年", "去年")):
            return True
    return False


# "公务接待费10万元、公务用车运行维护费25万元,合计35万元": a clause that is only 合计/共计/总计
# and an amount closes the list of the amounts before it in the sentence.
_CLOSING = re.compile(r"^\s*(?:合计|共计|总计|合计金额|共计金额)\s*(?:为|是|达|约)?\s*$")
# "…4万元、…4.76万元。9个项目共计36.97万元" / "以上两笔资金共计6132万元": a total that counts (or points back to)
# the amounts before it closes them, the sentence before when it opens its own; a count must be theirs
_COUNTED_CLOSING = re.compile(
    r"^\s*(?:(?:以上|上述)(?P<n>\d+|[一二三四五六七八九十两]+)?(?:个|项|笔|家|所)?|(?P<m>\d+|[一二三四五六七八九十两]+)(?:个|项|笔|家|所))"
    r"[\u4e00-\u9fff]{0,4}?(?:共计|合计|总计)(?:金额|资金)?\s*(?:为|是|达|约)?\s*$"
)
# "基本支出120万元,项目支出80万元,支出合计210万元": a named total closes the list only when its
# parts are its known decomposition (基本 + 项目, 人员 + 公用) or a grand total's (… + 结转结余).
_NAMED_CLOSING = re.compile(r"^\s*[\u4e00-\u9fff]{1,8}?(?:合计|总计)\s*(?:为|是|达|约)?\s*$")
_CLOSED_BY_NAME = {"total": {"basic", "project"}, "basic": {"personnel", "public"}}


def _named_closing(p: Paragraph, figures: Sequence[Figure], total: Figure, parts: list[int]) -> bool:
    roles = [figures[j].role for j in parts]
    role = "basic" if "基本支出" in lead(p.norm, total.start) else total.role  # "基本支出合计" is no 支出合计
    if _CLOSED_BY_NAME.get(role) == set(roles) and len(set(roles)) == len(roles):
        return True
    leads = [p.norm[max(0, figures[j].start - 10) : figures[j].start] for j in parts]
    carried = any(("结转" in h or "结余" in h) for h in leads)
    if carried and "总计" in p.norm[max(0, total.start - 6) : total.start]:
        return True
    # "一般公共预算支出456269万元,上解上级支出3370万元,债务还本支出12667万元,…,支出总计473796万元": a budget's
    # own spending and what else it pays out (its 收支平衡 list) make the 支出总计
    return "支出总计" in p.norm[max(0, total.start - 6) : total.start] and "预算支出" in leads[0] and any(
        any(w in h for w in _PAID_OUT) for h in leads[1:]
    )


_PAID_OUT = ("上解", "还本", "调出", "安排预算稳定调节基金", "补充预算周转金", "转移性支出")


def _closing_totals(
    paragraphs: Sequence[Paragraph],
    figures: Sequence[Figure],
    own_by: dict[int, list[int]],
    parent_of: dict[int, int],
    added: set[int],
) -> list[PartsGroup]:
    """Totals closing the list before them; a named one (支出合计) reads only the list's top level
    (not the items of a 其中 list inside it) and never a 加上…总计 already read."""
    groups = []
    for p in paragraphs:
        own = own_by.get(p.index, [])
        if len(own) < 3 or not any(w in p.norm for w in ("合计", "共计", "总计")):
            continue
        starts = [figures[i].start for i in own]
        depth = bracket_depths(p.norm)
        for k, i in enumerate(own):
            f = figures[i]
            lead_start = max(p.norm.rfind(c, max(0, f.start - 12), f.start) for c in ",;:。")
            if k < 2 or lead_start < 0 or p.norm[lead_start] in ":" or i in added or _plus(p.norm, max(0, f.start - 200), f.start) >= 0:
                continue
            clause = p.norm[lead_start + 1 : f.start]
            counted = _COUNTED_CLOSING.match(clause)
            named = not counted and not _CLOSING.match(clause)
            if named and not _NAMED_CLOSING.match(clause):
                continue
            s0, _ = sentence_bounds(p.norm, f.start)
            if counted and p.norm[lead_start] == "。" and lead_start > 0:
                s0, _ = sentence_bounds(p.norm, lead_start - 1)  # the sentence it closes is the one before
            s0 = max(s0, p.norm.rfind(":", s0, f.start) + 1)  # "今年安排资金:省级100万元、…,合计150万元"
            parts = [
                j for j in own[bisect_left(starts, s0) : k]
                if depth[figures[j].start] == depth[f.start] and not (named and j in parent_of)
            ]  # fmt: skip
            value = f.value or 0
            while parts and (figures[parts[0]].value or 0) >= value:
                parts = parts[1:]  # "项目总投资500万元,…省级100万元、市级50万元,合计150万元": a whole
            if named:
                # "…,全县一般预算总收入442751万元,加上年结余7546万元,…,收入总计451227万元": a total on the
                # way adds up what came before it; the closing total starts from it
                inner = [n for n, j in enumerate(parts) if any(w in lead(p.norm, figures[j].start) for w in _TOTAL_WORDS)]
                parts = parts[inner[-1] :] if inner else parts
            if len(parts) < 2 or any(figures[j].comparative or is_difference(p.norm, figures[j]) for j in parts):
                continue
            if counted and (n := counted.group("n") or counted.group("m")) and numeral_value(n) != len(parts):
                continue  # "3个项目共计" after four amounts: some amounts measure something else
            if not named or _named_closing(p, figures, f, parts):
                groups.append(PartsGroup(i, tuple(parts), True, True, False, ()))
    return groups


# "…“三公”经费支出合计53.73亿元,…。“三公”经费中,因公出国(境)经费17.44亿元,…;公务接待费5.42亿元":
# a sentence opening with "X中," lists the parts of the amount printed earlier under the name X.
_NAMED_OPENER = re.compile(r"(?:^|[。;!?])\s*([\u4e00-\u9fff\u201c\u201d\"]{2,12})中,")
# "…本年收入合计231.24万元,…。" then "本年收入的具体构成为:财政拨款收入213.24万元,…;事业收入0万元,…": the
# composition of the amount printed under that name in its paragraph or the one before
_MAKEUP_OPENER = re.compile(r"(?:^|[。;!?])\s*([\u4e00-\u9fff\u201c\u201d\"]{2,12}?)的?(?:具体)?构成(?:情况)?(?:为|是|如下)?[:,]")


def _named_lists(
    paragraphs: Sequence[Paragraph], figures: Sequence[Figure], own_by: dict[int, list[int]]
) -> list[PartsGroup]:
    names: Names | None = None
    groups = []
    for p in paragraphs:
        own = own_by.get(p.index, [])
        if len(own) < 2 or ("中," not in p.norm and "构成" not in p.norm):
            continue
        starts = [figures[i].start for i in own]
        depth = bracket_depths(p.norm)
        opened = [(m, False) for m in _NAMED_OPENER.finditer(p.norm)] + [(m, True) for m in _MAKEUP_OPENER.finditer(p.norm)]
        for m, makeup in opened:
            name = m.group(1).replace("\u201c", "").replace("\u201d", "").replace('"', "")
            if len(name) < 4:
                continue
            _, s1 = sentence_bounds(p.norm, m.end())
            children = tuple(
                i for i in own[bisect_left(starts, m.end()) : bisect_left(starts, s1)]
                if depth[figures[i].start] == depth[m.end()] and not figures[i].comparative
                and not is_difference(p.norm, figures[i])
            )  # fmt: skip
            if len(children) < 2:
                continue
            names = names or Names(paragraphs, figures)
            parent = names.before(name, figures[children[0]], children[0])
            if parent is not None and figures[parent].paragraph == p.index:
                groups.append(PartsGroup(parent, children, True, False, False, ()))
            elif parent is not None and makeup and figures[parent].paragraph == p.index - 1:
                groups.append(PartsGroup(parent, children, True, True, False, ()))  # a composition is complete
    return groups


# "省级资金转移支付124.23万元,为桂花村美丽乡村建设25万元,对村集体组织帮助0.71万元,…": the amount's uses
# follow "为"; never a comparison ("为年初预算数120万元的83%", "为上年的1.2倍") or a list opened otherwise.
_USES = re.compile(r"\s*,\s*为(?![上年预全同期原计])")
_NOT_USES = ("其中", "包括", "分别", "%", "预算", "上年", "同期", "倍")


def _named(norm: str, start: int) -> bool:
    """Is the amount at ``start`` named in its clause ("…工程(皖财农〔2022〕1115号)21.24万元")?"""
    low = max(0, start - 40)
    return any(is_cjk(c) for c in norm[max(max(norm.rfind(c, low, start) for c in ",;:、。") + 1, low) : start])


def _uses_lists(paragraphs: Sequence[Paragraph], figures: Sequence[Figure], own_by: dict[int, list[int]]) -> list[PartsGroup]:
    groups = []
    for p in paragraphs:
        own = own_by.get(p.index, [])
        if len(own) < 3 or ",为" not in p.norm.replace(" ", ""):
            continue
        starts = [figures[i].start for i in own]
        depth = bracket_depths(p.norm)
        for k, i in enumerate(own[:-2]):
            f = figures[i]
            m = _USES.match(p.norm, f.start + len(f.text))
            if m is None or f.comparative:
                continue
            _, s1 = sentence_bounds(p.norm, m.end())
            semicolon = p.norm.find(";", m.end(), s1)  # "…21.24万元;市级资金260.3万元,为…": the next one's uses
            s1 = semicolon if semicolon >= 0 else s1
            children = tuple(j for j in own[k + 1 : bisect_left(starts, s1)] if depth[figures[j].start] == depth[f.start])
            span = p.norm[m.end() : figures[children[-1]].start] if children else ""
            if (
                len(children) < 2
                or any(w in span for w in _NOT_USES)
                or any(figures[j].comparative or is_difference(p.norm, figures[j]) or not _named(p.norm, figures[j].start) for j in children)
            ):
                continue
            groups.append(PartsGroup(i, children, True, False, True, (), exceeding_only=True))
    return groups
