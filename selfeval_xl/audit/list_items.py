"""The items of a list, one per clause or one per paragraph, after its opener ("其中:…"; ``groups``)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from selfeval_xl.audit.listing import classified_line
from selfeval_xl.audit.model import Figure, Paragraph
from selfeval_xl.audit.named import lead
from selfeval_xl.audit.text import is_cjk, marker, sentence_bounds

CLAUSE_ENDS = "。;!?"
ITEM_REACH = 24  # an item's amount sits within this many characters of its clause start


def first_item(p: Paragraph, own: list[int], figures: Sequence[Figure], after: int = 0) -> int | None:
    """The amount opening the clause that starts at ``after`` (an item of a list), if any."""
    k = bisect_left(own, after, key=lambda i: figures[i].start)
    if k == len(own):
        return None
    f = figures[own[k]]
    gap = p.norm[after : f.start]
    if f.start - after > ITEM_REACH or any(c in gap for c in CLAUSE_ENDS):
        return None
    return own[k]


def continuation(p: Paragraph, own: list[int], figures: Sequence[Figure], start: int, stop: int) -> list[int]:
    """The first amount of each later clause of the paragraph, up to ``stop`` (next opener): of each part
    a comma ends too ("…上年结转0.00万元。事业收入86.97万元,其他收入70.00万元。"), as a continuation only ever
    makes a list add up."""
    out = []
    pos = start
    while pos < stop:
        item = first_item(p, own, figures, pos)
        if item is not None:
            out.append(item)
        nxt = min((i for i in (p.norm.find(c, pos, stop) for c in CLAUSE_ENDS + ",") if i >= 0), default=-1)
        if nxt < 0:
            break
        pos = nxt + 1
    return out


def following_paragraphs(
    paragraphs: Sequence[Paragraph], figures: Sequence[Figure], own_by: dict[int, list[int]], at: Paragraph
) -> list[int]:
    """Items one per paragraph after "其中:" closing paragraph ``at``."""
    items: list[int] = []
    level = None
    for n in range(at.index, len(paragraphs)):  # (no copy of the rest of the document per list)
        p = paragraphs[n]
        # "…彩票公益金为20960万元,…。具体包括:" then "(一)用于…15900万元,…" … "(六)…60万元。": paragraphs numbered
        # "(一)" under body text are its items, whether or not a short one reads as a heading
        style, opened, _ = marker(p.norm)
        item = 2 if style == 2 and at.level == 0 else p.level
        if item == 1 or (item == 2 and at.level != 0) or (at.level == 3 and p.level == 3):
            break
        if level is not None and item != level:
            break  # "1.…万元。" "2.…万元。" then an unnumbered paragraph: the list has ended
        if classified_line(p.norm):
            break  # "其中:" then "按支出功能分类科目:…", "按支出经济分类科目:…": each line a whole cut of the total
        first = first_item(p, own_by.get(p.index, []), figures, opened)
        if first is None:
            # a numbered item whose amount is not where an item's is: the list is not read whole, so not at all
            return [] if items and style and item == level else items
        items.append(first)
        level = item
    return items


_NAME_TAIL = 4  # characters of the total's name an item's amount must be printed after


def named_like(paragraphs: Sequence[Paragraph], figures: Sequence[Figure], own_by: dict[int, list[int]], total: int,
               items: Sequence[int]) -> tuple[int, ...]:  # fmt: skip
    """Items one per paragraph, each the amount its paragraph prints under the total's own name when every item's
    paragraph has exactly one such ("完成投资77.57亿元…。其中:" then "省级6项,概算投资140.16亿元,当年计划投资19亿元。
    1-12月份完成投资28.78亿元,…": the 完成投资, not the first amount); none when a later paragraph prints several
    (lines wrapped into one); else the items as they are."""
    t = figures[total]
    name = paragraphs[t.paragraph - 1].norm[max(0, t.start - _NAME_TAIL) : t.start]
    if len(name) < _NAME_TAIL or not all(is_cjk(c) for c in name):
        return tuple(items)
    out: list[int] = []
    for i in items:
        norm = paragraphs[figures[i].paragraph - 1].norm
        named = [j for j in own_by.get(figures[i].paragraph, []) if norm.endswith(name, 0, figures[j].start)]
        if len(named) > 1 and out:
            # "国省干线完成投资426.91亿元,…\n农村公路完成投资153.3亿元,…" wrapped into one paragraph: several items in
            # one, so the list is not one item a paragraph and is not read
            return ()
        if len(named) != 1:
            return tuple(items)
        out.append(named[0])
    return tuple(out)


def parallel_total(
    norm: str, figures: Sequence[Figure], own: list[int], starts: list[int], children: tuple[int, ...], nxt: int
) -> tuple[int, ...]:
    """ "项目计划投资597.82万元,其中:财政资金…、自筹资金…;实际完成投资567.93万元,其中:财政资金…、自筹资金…": the last
    item, right before the next 其中, opens a list of the same names as this one's — it is another total, not a
    part (an item's own list names finer things: "基本支出…,其中:人员经费…")."""
    if nxt < 0 or len(children) < 2:
        return children
    last = figures[children[-1]]
    if norm[last.start + len(last.text) : nxt].strip(" ,"):
        return children
    _, stop = sentence_bounds(norm, nxt)
    theirs = {lead(norm, figures[i].start) for i in own[bisect_left(starts, nxt) : bisect_left(starts, stop)]}
    ours = {lead(norm, figures[i].start) for i in children[:-1]}
    return children[:-1] if any(len(name) >= 2 for name in ours & theirs) else children
