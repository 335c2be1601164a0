"""Shares of one whole, each printed right after its item's amount, when the whole's own figure is not
found: "集中采购机构…实际采购金额9814.98万元,占总采购额的32.39%;社会代理机构…11146.60万元,占总采购额的
36.79%;单位自行采购…9337.30万元,占总采购额的30.82%".

Two or more such shares of a whole named alike in one paragraph (or of the list's own total:
"…62722.85万元,占比92.89%;…4801.65万元,占比7.11%"; or counts of one whole's kinds, each with its share:
"1个项目评为优,占评定项目的2.44%;3个项目评为良,…"): when the items' amounts, added up, make every share but
one right at its printed decimals — two of them, or one printed to two decimals — the items are the whole
(their sum is the figure the shares were taken of), and the one share that does not fit is wrong
(``share_mismatch``). A list that leaves items out fits none of its shares and says nothing; shares whose whole
another check finds by its name are that check's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise

from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding
from selfeval_xl.audit.numbers import fmt_amount
from selfeval_xl.audit.ratios import percent_finding, ratio_matches, remainder_moved
from selfeval_xl.audit.sums import figure_name
from selfeval_xl.core.texts import AUDIT, render

# "…9814.98万元,占总采购额的32.39%": the whole named between 占 and the share
_OF = re.compile(r"^\s*,?\s*占(?P<whole>[^,;。、%\d()]{0,16}?)的?(?:比重|比例)?(?:为|是|达)?\s*$")
_MIN_ITEMS = 2
_UNNAMED = ("", "比", "比重", "比例")  # "…万元,占比92.89%", "…52.15万元,占31.88%": the whole is the list's own total
# "本年收入合计500万元,占总收入99.60%,包括…400万元,占79.68%": a bare 占 after a named whole is of that whole
_NAMED_BEFORE = re.compile(r"占(?!比)[^,;。、%\d()]{1,16}?的?(?:比重|比例)?(?:为|是|达)?\s*\d[\d.]*\s*%")


def check_share_lists(a: Analysis) -> Iterator[Finding]:
    linked = {link.percent for link in a.shares}
    index = {id(f): i for i, f in enumerate(a.figures)}
    lines: list[tuple[int, str, tuple[Figure, Figure]]] = []  # paragraphs of one share each, for runs of lines
    for own in a.by_paragraph(lambda f: f.kind in (FigureKind.AMOUNT, FigureKind.PERCENT) and f.value is not None).values():
        norm = a.paragraph(own[0].paragraph).norm
        series: dict[str, list[tuple[Figure, Figure]]] = defaultdict(list)
        named = _NAMED_BEFORE.search(norm)  # the paragraph's first share of a named whole (searched once: linear)
        for amount, pct in pairwise(own):
            if amount.kind is not FigureKind.AMOUNT or pct.kind is not FigureKind.PERCENT or amount.comparative or not amount.exact:
                continue
            m = _OF.match(norm[amount.start + len(amount.text) : pct.start])
            if m is not None and (m.group("whole").strip() or named is None or named.end() > amount.start):
                series[m.group("whole").strip()].append((amount, pct))
        if len(series) == 1 and len(pairs := next(iter(series.values()))) == 1 and len(own) == 2:
            lines.append((own[0].paragraph, next(iter(series)), pairs[0]))
        yield from _judge_series(a, series.items(), False, linked, index)
    yield from _judge_series(a, _runs(lines), True, linked, index)
    yield from _judge_series(a, _count_series(a), False, linked, index)


# "1个项目评为优,占评定项目的2.44%;3个项目评为良,占评定项目的7.32%;…": counts of one whole's kinds, each
# with its share (the count's noun and what it is said to be between the count and 占)
_OF_COUNT = re.compile(r"^[\u4e00-\u9fff]{0,10}\s*,\s*占(?P<whole>[^,;。、%\d()]{1,16}?)的?(?:比重|比例)?(?:为|是|达)?\s*$")


def _count_series(a: Analysis) -> Iterator[tuple[str, list[tuple[Figure, Figure]]]]:
    for own in a.by_paragraph(lambda f: f.kind in (FigureKind.COUNT, FigureKind.PERCENT) and f.value is not None).values():
        norm = a.paragraph(own[0].paragraph).norm
        series: dict[str, list[tuple[Figure, Figure]]] = defaultdict(list)
        for count, pct in pairwise(own):
            if count.kind is FigureKind.COUNT and pct.kind is FigureKind.PERCENT and count.exact and not count.comparative:
                m = _OF_COUNT.match(norm[count.start + len(count.text) : pct.start])
                if m is not None and m.group("whole").strip() not in _UNNAMED:
                    series[m.group("whole").strip()].append((count, pct))
        yield from series.items()


# "4、维护费支出1105.73万元,占总支出的20.21%。" on a line of its own, one item a line: a run of at least four such
# lines of one whole is a list like one printed inline; more of its shares must fit (all but a third of them)
_MIN_LINES = 4


def _runs(lines: list[tuple[int, str, tuple[Figure, Figure]]]) -> list[tuple[str, list[tuple[Figure, Figure]]]]:
    """(whole, items) of each run of at least ``_MIN_LINES`` consecutive paragraphs of one share of one whole."""
    runs = []
    start = 0
    for n in range(1, len(lines) + 1):
        if n < len(lines) and lines[n][0] == lines[n - 1][0] + 1 and lines[n][1] == lines[start][1]:
            continue
        if n - start >= _MIN_LINES:
            runs.append((lines[start][1], [pair for _, _, pair in lines[start:n]]))
        start = n
    return runs


def _judge_series(
    a: Analysis, series: Iterable[tuple[str, list[tuple[Figure, Figure]]]], lines: bool, linked: set[int], index: dict[int, int]
) -> Iterator[Finding]:
    """Each series' wrong shares, once its items' sum is proven the whole (``lines``: a run of lines, not one paragraph)."""
    for whole, items in series:
        if len(items) < (_MIN_LINES if lines else _MIN_ITEMS) or len({f.unit for f, _ in items}) != 1:
            continue
        total = sum((f.value for f, _ in items if f.value is not None), Decimal(0))
        if not total:
            continue
        places = max(f.decimals for f, _ in items)
        first = items[0][0]
        printed = fmt_amount(total, first.unit, places) if first.kind is FigureKind.AMOUNT else f"{total}{first.unit}"
        den = replace(first, value=total, text=printed)
        wrong = [(f, p) for f, p in items if not ratio_matches(p, f, den)[0]]
        fitting = [p for f, p in items if (f, p) not in wrong]
        # one fitting share proves the whole only when printed to two decimals (an integer one fits a
        # whole within about a percent of the items' sum)
        proven = len(fitting) >= 2 or (len(fitting) == 1 and fitting[0].decimals >= 2)
        if lines:
            proven = len(wrong) * 3 <= len(items) and len(fitting) >= 3
        elif len(wrong) != 1:
            continue
        if not proven or any(index[id(p)] in linked for _, p in (items if lines else wrong)):
            continue
        if remainder_moved([(p, f.value or Decimal(0), total) for f, p in items]):
            continue  # "…占比33.57%;…占比13.22%;…占比53.21%" (53.20 exactly): the remainder moved to close 100%
        for amount, pct in wrong:
            found = percent_finding(
                a, pct, amount, den, ("share_mismatch", "share_truncated"),
                **_named(a, amount), denominator="合计" if whole in _UNNAMED else render(AUDIT, "term.listed_whole", whole=whole), base=den.text,
            )  # fmt: skip
            if found is not None:
                yield found


def _named(a: Analysis, f: Figure) -> dict[str, str]:
    """The subject and amount a message names: an amount's name, or a count and the words after it
    ("35个项目评为中")."""
    if f.kind is not FigureKind.COUNT:
        return {"subject": figure_name(f, a), "amount": f.text}
    end = f.start + len(f.text)
    words = a.paragraph(f.paragraph).norm[end : end + 12].split(",")[0].strip()  # at most 10 characters (_OF_COUNT)
    return {"subject": "", "amount": f.text + words}

