"""A 其中 list by category, each category printing the same measures: "审定358宗,送审金额35.43亿元,审定金额
32.66亿元,核减2.77亿元,其中预算173宗,送审金额23.79亿元,审定金额21.81亿元,核减1.98亿元;结算185宗,送审金额
11.63亿元,审定金额10.85亿元,核减0.79亿元" — each measure's total, printed before 其中 under the same
name, is the sum of that measure over the categories.

Read only when the list's labels repeat the same measures in the same order in every category (two
or more; the list may go on into the paragraph's later sentences in whole categories), each
measure checked has exactly one total of that name in the sentence before the list, no item is a
change against another year, and at least one measure adds up — proof that no category is left out.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from decimal import Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding
from selfeval_xl.audit.named import lead
from selfeval_xl.audit.numbers import fmt_amount
from selfeval_xl.audit.plausible import doubted
from selfeval_xl.audit.text import sentence_bounds


def _label(a: Analysis, f: Figure) -> str:
    return lead(a.paragraph(f.paragraph).norm, f.start)


def _common_suffix(labels: list[str]) -> str:
    first = labels[0]
    n = 0
    while n < len(first) and all(len(x) > n and x[-1 - n] == first[-1 - n] for x in labels):
        n += 1
    return first[len(first) - n :]


def _cycle(labels: list[str]) -> list[str] | None:
    """The measures of one category when ``labels`` repeats them, two or more times: the words the
    labels at each place share at their end ("其中货物类采购计划金额", "工程类采购计划金额" -> 采购计划金额),
    distinct from place to place; a single measure only when its labels are the same."""
    for width in range(1, len(labels) // 2 + 1):
        if len(labels) % width:
            continue
        measures = [_common_suffix(labels[k::width]) for k in range(width)]
        if width == 1 and len(set(labels)) > 1:
            continue
        if any(len(m) < 2 for m in measures) or any(m != o and o.endswith(m) for m in measures for o in measures):
            continue
        if len(set(measures)) == width:
            return measures
    return None


def _index(own: list[Figure], figure: Figure) -> int | None:
    """Where ``figure`` stands in its paragraph's amounts (a bisection, not a scan)."""
    at = bisect_left(own, figure.start, key=lambda f: f.start)
    return at if at < len(own) and own[at] is figure else None


def _cycle_from(a: Analysis, own: list[Figure], first: Figure) -> tuple[list[str], list[Figure]] | None:
    """The measures of the categories printed from ``first`` on, read from the first two categories,
    and the amounts of the first two (at most four measures a category)."""
    at = _index(own, first)
    if at is None:
        return None
    after = [f for f in own[at : at + 16] if not f.comparative]  # two categories of at most four measures
    labels = [_label(a, f) for f in after]
    for width in range(1, 5):
        if len(labels) < 2 * width:
            break
        measures = _cycle(labels[: 2 * width])
        if measures is not None and len(measures) == width:
            return measures, after[: 2 * width]
    return None


def _same_measure(label: str, measure: str) -> bool:
    """ "采购计划金额" names the measure "类采购计划金额" (the categories' shared end) and back."""
    return len(label) >= 2 and (label.endswith(measure) or measure.endswith(label))


def _exact_amounts(f: Figure) -> bool:
    return f.kind is FigureKind.AMOUNT and f.exact and f.value is not None


def _extended(a: Analysis, own: list[Figure], children: list[Figure], measures: list[str]) -> list[Figure]:
    """The list going on into the paragraph's later sentences while the measures keep their cycle
    ("…;工程类…节约资金5625.51万元。服务类采购项目148个,采购计划金额…"); whole categories only."""
    at = _index(own, children[-1])
    if at is None:
        return children[: len(children) - len(children) % len(measures)]
    out = list(children)
    for f in own[at + 1 :]:
        if not _label(a, f).endswith(measures[len(out) % len(measures)]) or f.comparative:
            break
        out.append(f)
    return out[: len(out) - len(out) % len(measures)]


def check_category_columns(a: Analysis) -> Iterator[Finding]:
    figs = a.figures
    by_paragraph: dict[int, list[Figure]] | None = None  # built once, when a list by category is met
    for group in a.groups:
        if not group.explicit:
            continue
        labels = [_label(a, figs[i]) for i in group.children]
        measures = _cycle(labels) if all(labels) else None
        if not measures and not group.partial:
            continue
        by_paragraph = by_paragraph if by_paragraph is not None else a.by_paragraph(_exact_amounts)
        listed = [figs[i] for i in group.children]
        own = by_paragraph.get(listed[-1].paragraph, [])
        if not measures:
            # "从收入结构看,地方税收收入当月完成11.1亿元,…;累计完成137.4亿元,…。非税收入当月完成2.1亿元,…;累计
            # 完成21.4亿元": one category per sentence, the measures read from the first two
            cycle = _cycle_from(a, own, listed[0])
            if cycle is None:
                continue
            measures, listed = cycle
        children = _extended(a, own, listed, measures)
        if any(c.comparative for c in children):
            continue
        parent = figs[group.parent]
        norm = a.paragraph(parent.paragraph).norm
        s0, _ = sentence_bounds(norm, parent.start)
        own = by_paragraph.get(parent.paragraph, [])
        lo = bisect_left(own, s0, key=lambda f: f.start)
        hi = bisect_right(own, parent.start, key=lambda f: f.start)
        head = [f for f in own[max(lo, hi - 24) : hi] if not f.comparative]  # the sentence's amounts up to the total
        columns = []
        for k, measure in enumerate(measures):
            totals = [f for f in head if f not in children and _same_measure(_label(a, f), measure)]
            if len(totals) == 1 and totals[0].value is not None:
                parts = children[k :: len(measures)]
                found = sum((p.value or Decimal(0) for p in parts), Decimal(0))
                slack = totals[0].tolerance + sum((p.tolerance for p in parts), Decimal(0))
                columns.append((measure, totals[0], parts, found, abs(found - totals[0].value) <= slack))
        # one measure adding up shows every category is listed; otherwise the list may leave some out
        if not any(ok for *_, ok in columns):
            continue
        for measure, total, parts, found, ok in columns:
            if found == total.value:
                continue
            # a gap within the rounding of coarse figures (亿元): the printed parts should still add up
            finest = min((f.tolerance for f in (total, *parts) if f.tolerance), default=Decimal(0)) * 2
            if ok and abs(found - (total.value or 0)) > finest:
                continue
            places = 2 if total.unit == "万元" else max(total.decimals, 0)
            yield finding(
                a, "sum_rounding_gap" if ok else doubted("sum_mismatch", total, parts, found), total.paragraph, total.start, total.text,
                fmt_amount(found, total.unit, places, like=total.text), label=measure, parts="+".join(p.text for p in parts),
            )  # fmt: skip
