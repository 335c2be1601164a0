"""Lists whose items are not parts of the total they follow: items of overlapping kinds, a 其中 list that breaks down
another amount of the total's sentence, totals set side by side by 分别为, the subgroups of an average, a subtotal
printed among its items, and items that each hold more than one amount."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from selfeval_xl.audit.model import Analysis, Figure, FigureKind
from selfeval_xl.audit.text import sentence_bounds


def nested_item(labels: Sequence[str], children: Sequence[Figure], excess: Decimal, tolerance: Decimal) -> bool:
    """Does one item name a kind of another item ("参照公务员法管理的事业编制人数39人,事业编制人数39人": the first ends
    with the second's name), the parts exceeding their total by the one or the other? The categories overlap."""
    # (a name of four characters at least: "费支出" is what is left of "因公出国(境)费支出" past its bracket)
    named = [(label, child) for label, child in zip(labels, children, strict=True) if len(label) >= 4]
    for label, child in named:
        for wider, other in named:
            if len(label) > len(wider) and label.endswith(wider) and any(
                abs((f.value or Decimal(0)) - excess) <= tolerance for f in (child, other)
            ):
                return True
    return False


def sum_of_another(a: Analysis, parent: Figure, total: Decimal, tolerance: Decimal) -> bool:
    """Is the parts' sum another amount printed before the total in its sentence ("共收到中央直达资金10.53亿元,支出9.4亿元,
    支出进度89.3%。其中…专项转移支付9.31亿元,…0.15亿元,…1.08亿元")? The list breaks that amount down."""
    norm = a.paragraph(parent.paragraph).norm
    start = sentence_bounds(norm, parent.start)[0]
    lo = bisect_left(a.figures, (parent.paragraph, start), key=lambda g: (g.paragraph, g.start))
    hi = bisect_left(a.figures, (parent.paragraph, parent.start), key=lambda g: (g.paragraph, g.start))
    return any(
        f.kind is FigureKind.AMOUNT and f.value is not None and f.exact and abs(f.value - total) <= tolerance + f.tolerance
        for f in a.figures[lo:hi]
    )  # fmt: skip


def totals_among_names(a: Analysis, parent: Figure, children: Sequence[Figure]) -> bool:
    """Do the names a "分别为" list pairs with its amounts include a total ("其中其他普通教育支出、支出预算总计分别为
    341189.73万元、215823.65万元")? A 合计 or 总计 is no part: the list sets totals side by side."""
    first = children[0] if children else None
    if first is None or first.paragraph != parent.paragraph:
        return False
    between = a.paragraph(parent.paragraph).norm[parent.start + len(parent.text) : first.start]
    at = between.rfind("分别")
    return at >= 0 and any(word in between[:at] for word in ("合计", "总计"))


_AVERAGES = ("生均", "人均", "户均", "亩均", "平均")
_ITEMS_BACK = 30  # numbered items looked back over for the line leading into them
_AVERAGE_REACH = 300  # characters of the total's paragraph read back for the average's word (a bounded search)


def of_averages(a: Analysis, parent: Figure) -> bool:
    """Is the total an average ("…生均一般公共预算教育经费增长情况是:" then "1.…" "2.全省普通小学为11128.87元,…。其中,农村为
    11227.42元")? Its paragraph says so before it, or the line that leads into its run of numbered items; an average has
    no parts (its paragraph: within 300 characters before it)."""
    norm = a.paragraph(parent.paragraph).norm
    if any(norm.find(word, max(0, parent.start - _AVERAGE_REACH), parent.start) >= 0 for word in _AVERAGES):
        return True
    k = parent.paragraph - 1
    while k >= 1 and a.paragraph(k).level == 3 and parent.paragraph - k < _ITEMS_BACK:
        k -= 1  # past the items before it, to the line that leads into them
    lead_in = a.paragraph(k).norm.rstrip() if k >= 1 and a.paragraph(parent.paragraph).level == 3 else ""
    return lead_in.endswith(":") and any(word in lead_in for word in _AVERAGES)


def subtotal_among(parent: Figure, children: list[Figure], excess: Decimal, tolerance: Decimal) -> bool:
    """Is the excess one part that is exactly the sum of a run of the parts right after it? ("其中:一般公共服务
    支出预算511.37万元,教育支出预算0.55万元,…住房保障支出预算8.28万元,其他支出536.54万元" of 1047.91万元: 511.37 is
    0.55 + 464.26 + 29.28 + 9 + 8.28, a subtotal printed among its items). Not a part that is the total itself
    ("年初预算数1,196.3万元,其中:一般公共服务支出预算1,196.3万元,教育支出预算894.1万元,…" whose other items make
    1196.3: the total printed in the first item's place)."""
    values = [c.value or Decimal(0) for c in children]
    for n, value in enumerate(values):
        if abs(value - excess) > tolerance or value == parent.value:
            continue
        run = Decimal(0)
        for following in values[n + 1 :]:
            run += following
            if run == value:
                return True
            if run > value:
                break
    return False


def first_of_each_item(a: Analysis, parent: Figure, children: list[Figure], tolerance: Decimal) -> bool:
    """In a list of ";"-separated items, one holding more than one amount, do the items' first amounts
    alone make the total? (the others then measure the item: a year's increase, a count's money)"""
    if any(c.paragraph != parent.paragraph for c in children):
        return False
    norm = a.paragraph(parent.paragraph).norm
    items: dict[int, list[Figure]] = defaultdict(list)
    for c in children:
        items[norm.rfind(";", parent.start, c.start)].append(c)
    if len(items) < 2 or all(len(item) == 1 for item in items.values()):
        return False
    firsts = sum((item[0].value or Decimal(0) for item in items.values()), Decimal(0))
    return abs(firsts - (parent.value or Decimal(0))) <= tolerance
