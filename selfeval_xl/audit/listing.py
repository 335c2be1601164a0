"""Shapes of a list that tell where it ends or that it is one: a list adding up before its last
items, an amount's own kinds in brackets after it, and the parts of a 三公 total opened by
"…“三公”经费支出决算中," with the total a paragraph or two before."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from decimal import Decimal

from selfeval_xl.audit.model import Figure, Paragraph
from selfeval_xl.audit.named import lead
from selfeval_xl.audit.text import clause_start, open_brackets, sentence_bounds


def complete_before_end(figures: Sequence[Figure], parent: int, children: tuple[int, ...]) -> tuple[int, ...]:
    """The items up to the one where the list adds up exactly to its total, when the whole list
    does not: what follows is another cut of the same total ("其中,国税完成11765万元…;地税…;
    财政完成3051万元…;实现地方一般预算收入19401万元" after 29612万元 = 11765+14796+3051)."""
    total = figures[parent].value
    values = [figures[i].value for i in children]
    if total is None or any(v is None for v in values) or sum(v for v in values if v is not None) == total:
        return children
    if figures[parent].role in ("income_grand", "grand_total"):
        return children  # 收入总计 holds 上年结转和结余 by definition: no item of it is another cut
    run = Decimal(0)
    for n, value in enumerate(values[:-1]):
        run += value or 0
        if n >= 1 and run == total and any(values[n + 1 :]):
            return children[: n + 1]
    return children


# "公务用车购置及运行费28万元(公务用车购置费0万元,公务用车运行维护费28万元)": an amount's parts in
# brackets right after it, each named as a kind of it (its first four characters are in the amount's name).
_NAMED_AMOUNT_BEFORE = re.compile(r"([\u4e00-\u9fff]{4,})\s*\d[\d,'.]*\s*(?:亿|万|千)?元\s*$")
_BRACKET_ITEM = re.compile(r"^([\u4e00-\u9fff]{4,})\s*\d[\d,'.]*\s*(?:亿|万|千)?元$")


def bracketed_parts(norm: str) -> Iterator[int]:
    """Positions of the "(" opening such a list (found from each "元(", looked at in a bounded window)."""
    at = norm.find("(")
    while at >= 0:
        close = norm.find(")", at + 1, at + 202)
        head = _NAMED_AMOUNT_BEFORE.search(norm, max(0, at - 40), at) if close > 0 else None
        inner = norm[at + 1 : close] if head else ""
        if head and "(" not in inner:
            items = [item.strip() for item in re.split(r"[,、;]", inner)]
            names = [hit.group(1) for item in items if (hit := _BRACKET_ITEM.match(item))]
            if len(items) >= 2 and len(names) == len(items) and all(n[:4] in head.group(1) for n in names):
                yield at
        at = norm.find("(", at + 1)


# "…“三公”经费支出决算中,因公出国(境)费支出决算0万元,占0%;公务接待费支出决算16.3万元,占63.42%;…":
# the parts of the 三公 total stated before, perhaps a paragraph or two before ("…“三公”经费支出预算为
# 30.8万元,支出决算为25.7万元,…"): the nearest amount of a sentence on 三公 named the same way (决算/预算).
_SANGONG_OPENER = re.compile(r"三公\W{0,2}经费(?:财政拨款)?(?:支出)?(决算|预算)?(?:数)?中,")
_SANGONG_PARTS = ("因公出国", "公务接待", "公务用车")
_SANGONG_REACH = 5  # paragraphs back (a heading or two between)


def sangong_lists(
    paragraphs: Sequence[Paragraph], figures: Sequence[Figure], own_by: dict[int, list[int]]
) -> list[tuple[int, tuple[int, ...]]]:
    """(total, parts) of each 三公 list opened by "…三公经费…中," whose parts are the 三公 items."""
    found = []
    for p in paragraphs:
        own = own_by.get(p.index, [])
        for m in _SANGONG_OPENER.finditer(p.norm) if len(own) >= 2 else ():
            _, s1 = sentence_bounds(p.norm, m.end())
            # not an item's own bracketed parts ("…运行维护费769.70万元,占100%(其中:…购置费0万元,…)")
            parts = tuple(i for i in own if m.end() <= figures[i].start < s1 and not open_brackets(p.norm[m.end() : figures[i].start]))
            names = [p.norm[max(m.end(), figures[i].start - 20) : figures[i].start] for i in parts]
            if len(parts) < 2 or not all(any(w in n for w in _SANGONG_PARTS) for n in names):
                continue
            total = _sangong_total(paragraphs, figures, own_by, p.index, m.start(), m.group(1) or "")
            if total is not None:
                found.append((total, parts))
    return found


def _sangong_total(
    paragraphs: Sequence[Paragraph], figures: Sequence[Figure], own_by: dict[int, list[int]], index: int, before: int, kind: str
) -> int | None:
    for back in range(index, max(0, index - _SANGONG_REACH), -1):
        norm = paragraphs[back - 1].norm
        for i in reversed(own_by.get(back, [])):
            f = figures[i]
            if back == index and f.start >= before:
                continue
            s0, _ = sentence_bounds(norm, f.start)
            lead = norm[max(s0, f.start - 8) : f.start]
            if "三公" in norm[s0 : f.start] and (not kind or kind in lead) and not any(w in lead for w in ("较", "比", "增", "减")):
                return i
    return None


_REASONS = ("原因", "主要是", "由于", "因为")


def in_reason(norm: str, figure: Figure) -> bool:
    """Is the amount inside an explanation ("主要原因是…", "主要是…") of its sentence?"""
    s0, _ = sentence_bounds(norm, figure.start)
    return any(word in norm[s0 : figure.start] for word in _REASONS)


def spending(norm: str, figure: Figure) -> bool:
    """Is the amount named as spending ("完成支出2604.24万元", "实际支出…"), not a balance or a change?"""
    head = norm[max(clause_start(norm, figure.start), figure.start - 6) : figure.start]
    return head.rstrip(" 为了达").endswith("支出") and not any(w in head for w in ("结转", "结余", "较", "比"))


_CHANGE_CLAUSE = re.compile(r"^\s*,[^;。:]*(?:上年|去年|同比)[^;。:]*,\s*$")  # ",比上年减少12.64万元,下降33.06%,"


def items_after_sublist(
    norm: str, figures: Sequence[Figure], own: list[int], starts: list[int], depth: list[int], pos: int, nested: int, end: int
) -> tuple[int, ...]:
    """The items of the list opened at ``pos`` that follow a list nested in it at ``nested``
    ("其中:因公出国(境)费0万元;公务用车购置及运行费10.2万元,其中公务用车购置费0万元,公务用车运行费10.2万元;
    公务接待费5.4万元"): a 其中 right after an item's amount opens that item's own list, which ends at the
    next ";" when the outer items are separated by ";", else where its items add up to the item; the
    outer list goes on after it, up to ``end`` or the next 其中."""
    before = [i for i in own[bisect_left(starts, pos) : bisect_left(starts, nested)] if depth[figures[i].start] == depth[pos]]
    # the item is the last amount that is no change on last year: its change may stand between its amount and its own
    # list ("公务用车购置及运行维护费25.59万元,比上年的38.23万元减少12.64万元,下降33.06%,其中:…")
    item = next((i for i in reversed(before) if not figures[i].comparative), None)
    if item is None:
        return ()
    between = norm[figures[item].start + len(figures[item].text) : nested]
    changed = between.strip() != "," and _CHANGE_CLAUSE.match(between) is not None
    if between.strip() != "," and not changed:
        return ()
    again = norm.find("其中", nested + 2, end)  # (``starts``: the offsets of ``own``)
    end = again if again >= 0 else end
    inner = [i for i in own[bisect_left(starts, nested) : bisect_left(starts, end)] if depth[figures[i].start] == depth[pos]]
    if ";" in norm[pos:nested]:
        semi = norm.find(";", nested, end)
        sub = [i for i in inner if figures[i].start < semi] if semi >= 0 else []
        if changed and sum((figures[i].value or Decimal(0) for i in sub), Decimal(0)) != figures[item].value:
            return ()  # (after a change clause, only an own list that makes up the item exactly is known to end there)
        return tuple(i for i in inner if figures[i].start > semi) if semi >= 0 else ()
    if changed:
        return ()
    cut = complete_before_end(figures, item, tuple(inner))
    return tuple(inner[len(cut) :]) if len(cut) < len(inner) else ()


def both_sides_total(norm: str, own: list[int], figures: Sequence[Figure], k: int, pos: int) -> int | None:
    """The 收支总预算/收支总额 a "收入包括:", "支出包括:" or "收入预算:" list belongs to (within 200 characters)."""
    if norm[max(0, pos - 2) : pos] not in ("收入", "支出") and not SIDE.match(norm, pos):
        return None
    for j in range(k - 1, -1, -1):
        f = figures[own[j]]
        if pos - f.start > 200:
            return None
        if _BOTH_SIDES.search(norm, max(0, f.start - 12), f.start):
            return own[j]
    return None


# an amount printed as approximate ("约122.6亿元", "10余万元"): never a part of an exact sum
APPROXIMATE = re.compile(r"约\s*\d[\d,'.]*\s*(?:亿|万|千)?元|\d\s*(?:余|多)\s*(?:亿|万|千)?元")

# "收支预算总额1500万元。收入预算:一般公共预算拨款1400万元,…。支出预算:基本支出1000万元,…": each side's list
SIDE = re.compile(r"(?:收入|支出)(?:预算|决算)?\s*:")
_BOTH_SIDES = re.compile(r"收支(?:预算|决算)?总")


def without_breakdowns(
    norm: str, figures: Sequence[Figure], children: tuple[int, ...], start: int, parent: int
) -> tuple[int, ...]:
    """The list less its items' own breakdowns (a segment's colon list, an item's 包括 selection), up to an
    amount of the other side ("…收入2507.5亿元,其中税收收入1702.59亿元,…;一般公共预算支出6666.1亿元")."""
    side = _side(norm, figures[parent])
    other = next((n for n, i in enumerate(children) if side and _side(norm, figures[i]) not in ("", side)), len(children))
    return without_item_breakdowns(norm, figures, without_segment_breakdowns(norm, figures, children[:other], start))


def _side(norm: str, figure: Figure) -> str:
    """收入 or 支出, whichever is named last in the amount's clause ("" for neither)."""
    clause = norm[clause_start(norm, figure.start) : figure.start]
    at = max(("收入", "支出"), key=clause.rfind)
    return at if clause.rfind(at) >= 0 else ""


def sides_of_both(norm: str, figures: Sequence[Figure], parent: int, children: tuple[int, ...]) -> bool:
    """ "收支总预算8,795.61万元,其中:本年收入8,795.61万元,…;本年支出8,795.61万元": one amount a side, each the
    total itself, no parts of it."""
    if len(children) != 2 or not _BOTH_SIDES.search(norm, max(0, figures[parent].start - 12), figures[parent].start):
        return False
    sides = [norm[clause_start(norm, figures[i].start) : figures[i].start] for i in children]
    return "收入" in sides[0] and "支出" not in sides[0] and "支出" in sides[1]


_SHARE_OF = re.compile(r"\s*[,(]?\s*占([\u4e00-\u9fff]{0,12}?)的?\s*(\d[\d.\s]*?)\s*%")  # spaces a PDF put in


def share_after(norm: str, figure: Figure) -> re.Match[str] | None:
    """The share printed right after an amount ("…209亿元,占5.2%", "占全市资产总额48.8%"): group 1 the whole it
    names (empty when unnamed), group 2 the percentage."""
    return _SHARE_OF.match(norm, figure.start + len(figure.text))


def siblings_by_share(norm: str, figures: Sequence[Figure], parent: int, children: tuple[int, ...]) -> bool:
    """ "公共基础设施1,933亿元,占全市资产总额48.8%,其中:等级公路1.6万公里,…;流动资产750亿元,占18.9%;…": items
    each with an unnamed share after them, after a total that is itself a named share short of all, are its
    siblings (shares of the same whole), not its parts."""
    f = figures[parent]
    own = share_after(norm, f)
    if own is None or not own.group(1) or Decimal(re.sub(r"\s", "", own.group(2))) >= 100 or not children:
        return False
    return all((m := share_after(norm, figures[i])) and not m.group(1) for i in children)


_YEAR_KIND = re.compile(r"((?:19|20)\d\d)年[^,;:。]{0,12}?(决算|预算)")


def years_apart(norm: str, figures: Sequence[Figure], children: tuple[int, ...]) -> bool:
    """ "其中,公务用车购置及运行维护费:2010年决算数467.54万元,2011年预算数338.3万元": one thing's 决算 of one
    year and 预算 of another, side by side, are no parts of a total."""
    kinds = set()
    for i in children:
        found = list(_YEAR_KIND.finditer(norm, clause_start(norm, figures[i].start), figures[i].start))
        if found:
            kinds.add((found[-1].group(1), found[-1].group(2)))
    return len({year for year, _ in kinds}) >= 2 and len({kind for _, kind in kinds}) == 2


def without_segment_breakdowns(norm: str, figures: Sequence[Figure], children: tuple[int, ...], start: int) -> tuple[int, ...]:
    """The items of a ";"-separated list less those of a breakdown a colon opens inside one item's
    segment ("其中:旗本级收入完成75.29亿元,…,分项目看:税收完成16.81亿元,…,非税完成58.48亿元;上级转移支付20.88亿元;
    …": 税收 and 非税 are parts of 75.29, not items of the list)."""
    if not children or ";" not in norm[start : figures[children[-1]].start]:
        return children
    kept: list[int] = []
    first: Figure | None = None
    segment = -2  # the offset of the ";" opening the current segment (-1: none, the list's first)
    for i in children:
        f = figures[i]
        here = norm.rfind(";", start, f.start)
        if here != segment:
            segment, first = here, f
            kept.append(i)
        elif first is not None and ":" not in norm[first.start : f.start]:
            kept.append(i)
    return tuple(kept)


def adding_up_to(figures: Sequence[Figure], children: tuple[int, ...], wholes: tuple[int, ...]) -> int | None:
    """The first of ``wholes`` its ``children`` add up to (within the print's rounding)."""
    parts = [figures[i] for i in children]
    total = sum(((f.value or 0) for f in parts), Decimal(0))
    slack = sum((f.tolerance for f in parts), Decimal(0))
    for whole in wholes:
        value = figures[whole].value
        if value is not None and abs(total - value) <= slack + figures[whole].tolerance:
            return whole
    return None


def named_alike(norm: str, figures: Sequence[Figure], whole: int, parts: tuple[int, ...]) -> bool:
    """Do the ``parts`` share a name that ends the ``whole``'s name ("行政单位资产总额", "事业单位资产总额" of
    "行政事业单位资产总额") or, of three characters or more, stands in it ("福利彩票公益金", "体育彩票公益金" of
    "市级彩票公益金收入")?"""
    names = [lead(norm, figures[i].start) for i in parts]
    common = names[0] if names else ""
    for name in names[1:]:
        while common and not name.endswith(common):
            common = common[1:]
    own = lead(norm, figures[whole].start)
    return (len(common) >= 2 and own.endswith(common)) or (len(common) >= 3 and common in own)


# "转移性补助收入10.77亿元,其中:一般公共转移支付补助收入10.72亿元,主要为税收返还收入0.75亿元;一般性转移支付收入
# 6.95亿元;专项转移收入3.02亿元": an item followed by 主要为/主要包括/包括 and the amounts that make it up
_ITEM_OPENERS = ("主要为", "主要是", "主要包括", "包括", "包含")


def without_item_breakdowns(norm: str, figures: Sequence[Figure], children: tuple[int, ...]) -> tuple[int, ...]:
    """The list less the amounts after an item's 主要为/包括 that add up exactly to that item, or that run to
    the list's end without reaching it ("其中基本支出2994.57万元,包含工资福利支出1754.89万元;商品和服务支出…":
    the rest is the item's own, a selection of it)."""
    for n, i in enumerate(children[:-2]):
        item = figures[i]
        after = norm[item.start + len(item.text) : figures[children[n + 1]].start]
        if not any(word in after for word in _ITEM_OPENERS):
            continue
        run = Decimal(0)
        for m, j in enumerate(children[n + 1 :], start=n + 1):
            run += figures[j].value or 0
            if m > n + 1 and run == item.value:
                return children[: n + 1] + children[m + 1 :]
        unbracketed = re.sub(r"\([^()]*\)", "", after)  # "…75.29亿元(包括…1.38亿元)": the bracket's own 包括
        if item.value is not None and run < item.value and any(word in unbracketed for word in _ITEM_OPENERS):
            return children[: n + 1]
    return children


def outer_with_semicolons(norm: str, spans: list[tuple[int, int]], n: int, s0: int, depth: list[int]) -> bool:
    """Does the opener ``n`` stand inside an earlier 其中 list of its sentence whose items are separated by ";"?"""
    pos = spans[n][0]
    for m in range(n - 1, -1, -1):
        q = spans[m][0]
        if q < s0:
            return False
        if depth[q] == depth[pos] and norm.startswith("其中", q):
            return ";" in norm[q:pos]
    return False


def wrapped_list(
    paragraphs: Sequence[Paragraph], figures: Sequence[Figure], own_by: dict[int, list[int]], at: Paragraph
) -> tuple[int, ...]:
    """The amounts of the first sentence of the unnumbered paragraph after ``at`` when it holds two or more
    (a line wrapped after "其中:"), else none."""
    nxt = paragraphs[at.index] if at.index < len(paragraphs) else None
    if nxt is None or nxt.level or nxt.number is not None:
        return ()
    _, s1 = sentence_bounds(nxt.norm, 0)
    # "收入包括:" then "一般公共预算拨款1157.55万元;支出包括:教育支出1157.55万元。": another list ends this one
    other = _NEXT_LIST.search(nxt.norm, 0, s1)
    s1 = other.start() if other else s1
    first = tuple(i for i in own_by.get(nxt.index, []) if figures[i].start < s1)
    return first if len(first) >= 2 else ()


_NEXT_LIST = re.compile(r"[;,]\s*[\u4e00-\u9fff]{0,8}(?:包括|其中)\s*:")


def kinds_in(
    paragraphs: Sequence[Paragraph], figures: Sequence[Figure], own_by: dict[int, list[int]], index: int, norm: str, parent: Figure
) -> tuple[int, ...]:
    """The amounts of paragraph ``index`` named as kinds of ``parent`` (its name's first four characters), when
    there are two or more of them."""
    stem = lead(norm, parent.start)[:4]
    other = paragraphs[index - 1].norm
    kinds = tuple(i for i in own_by.get(index, []) if len(stem) == 4 and stem in lead(other, figures[i].start))
    return kinds if len(kinds) >= 2 else ()


# "按支出功能分类科目:…", "按支出项目类别:…": a line setting out one whole cut of a total
_CLASSIFIED_LINE = re.compile(r"\s*按[\u4e00-\u9fff]{2,12}\s*:")


def classified_line(norm: str) -> bool:
    return bool(_CLASSIFIED_LINE.match(norm))


# inline numbered items: "…:1、档案管理项目资金:…,其中…;2、县档案馆建设项目资金:…", "…;(2)…", "…。二、…"
_SIBLING_MARKERS = (
    re.compile(r"(?:^|(?<=[:;。,\s]))(\d{1,2})[、.](?!\d)"),
    re.compile(r"(?:^|(?<=[:;。,\s]))\((\d{1,2})\)"),
    re.compile(r"(?:^|(?<=[:;。,\s]))([一二三四五六七八九十])、"),
)


def numbered_items(norm: str) -> list[tuple[list[int], list[int]]]:
    """For each style of inline numbering, where its markers start and their numbers (read once a paragraph)."""
    out = []
    for pattern in _SIBLING_MARKERS:
        found = [(m.start(), _marker_value(m.group(1))) for m in pattern.finditer(norm)]
        out.append(([at for at, _ in found], [n for _, n in found]))
    return out


def sibling_start(markers: list[tuple[list[int], list[int]]], pos: int, end: int) -> int:
    """Where a list opened at ``pos`` ends before ``end``: at the next inline numbered item of the numbering
    its own item belongs to (item N after the opener, item N-1 before it), else at ``end``."""
    for starts, numbers in markers:
        k = bisect_left(starts, pos)
        if 0 < k < len(starts) and starts[k] < end and numbers[k] == numbers[k - 1] + 1:
            return starts[k]
    return end


def _marker_value(raw: str) -> int:
    return int(raw) if raw.isdigit() else "一二三四五六七八九十".index(raw) + 1
