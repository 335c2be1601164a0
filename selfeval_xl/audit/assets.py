"""The balance-sheet identity of a 国有资产 report: 资产总额 = 负债总额 + 净资产总额 (所有者权益):

    资产总额1102.65亿元,较上年增加66.29亿元,增长6.40%;负债总额743.21亿元,较上年增加28.39亿元,…;
    净资产359.44亿元,较上年增加37.90亿元,…

Read in one sentence: from each 资产总额 to the next one (a report gives one per kind of unit, "行政单位
资产总额…;事业单位资产总额…"), the first 负债总额 and the first 净资产/所有者权益 after it, each with its amount
printed right after its name. The amounts must balance within their printing (``sum_mismatch``); when
all three print their change against last year right after them, the changes must balance too
(``change_sum_mismatch``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from decimal import Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding
from selfeval_xl.audit.numbers import fmt_amount

# "资产总额", "资产合计", "共有资产" (a department's 国有资产占用情况: "共有资产1234.56万元,…;负债总额…,净资产…")
_ASSETS = re.compile(r"(?<!净)资产(?:总额|合计|总计|共计)|共有资产|拥有资产")
_LIABILITIES = re.compile(r"负债(?:总额|合计|总计|共计)")
_EQUITY = re.compile(r"净资产(?:总额)?|所有者权益(?:总额)?")
_JOIN = re.compile(r"\s*(?:为|达|达到|:)?\s*$")
_CHANGE = re.compile(r"\s*[,、]\s*(?:较上年|比上年|同比|较上年末|比上年末)(?:增加|增长|减少|下降)\s*$")
_DOWN = ("减少", "下降")


def _places(f: Figure) -> int:
    return 2 if f.unit == "万元" else max(f.decimals, 0)


def check_asset_balances(a: Analysis) -> Iterator[Finding]:
    by_paragraph: dict[int, list[Figure]] | None = None  # built once, for the first paragraph that needs it
    for p in a.paragraphs:
        if "负债" not in p.norm or not _ASSETS.search(p.norm):
            continue
        if by_paragraph is None:
            by_paragraph = a.by_paragraph(lambda f: f.kind is FigureKind.AMOUNT and f.value is not None)
        own = by_paragraph.get(p.index, [])
        for sentence_start, sentence_end in _sentences(p.norm):
            heads = list(_ASSETS.finditer(p.norm, sentence_start, sentence_end))
            for k, head in enumerate(heads):
                end = heads[k + 1].start() if k + 1 < len(heads) else sentence_end
                yield from _balance(a, p.norm, own, head, end)


def _sentences(norm: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in re.finditer("。", norm):
        yield start, m.start()
        start = m.end()
    yield start, len(norm)


def _first_after(own: list[Figure], at: int, end: int) -> Figure | None:
    k = bisect_left(own, at, key=lambda f: f.start)  # a bisection, not a scan: linear in the paragraph
    return own[k] if k < len(own) and own[k].start < end else None


def _named_amount(norm: str, own: list[Figure], name_end: int, end: int) -> Figure | None:
    """The amount printed right after a name ("负债总额743.21亿元", "负债总额为…")."""
    f = _first_after(own, name_end, end)
    if f is None or _JOIN.match(norm[name_end : f.start]) is None or not f.exact or f.comparative:
        return None
    return f


def _change(norm: str, own: list[Figure], f: Figure, end: int) -> Decimal | None:
    """The change against last year printed right after the amount, signed."""
    after = f.start + len(f.text)
    g = _first_after(own, after, end)
    m = _CHANGE.match(norm[after : g.start]) if g is not None else None
    if g is None or m is None or g.value is None or not g.comparative:
        return None
    return -g.value if any(w in m.group() for w in _DOWN) else g.value


def _balance(a: Analysis, norm: str, own: list[Figure], head: re.Match[str], end: int) -> Iterator[Finding]:
    liabilities = _LIABILITIES.search(norm, head.end(), end)
    equity = _EQUITY.search(norm, head.end(), end)
    if liabilities is None or equity is None:
        return
    total = _named_amount(norm, own, head.end(), end)
    debt = _named_amount(norm, own, liabilities.end(), end)
    net = _named_amount(norm, own, equity.end(), end)
    if total is None or debt is None or net is None or None in (total.value, debt.value, net.value):
        return
    assert total.value is not None and debt.value is not None and net.value is not None
    found = debt.value + net.value
    if abs(found - total.value) > total.tolerance + debt.tolerance + net.tolerance:
        yield finding(
            a, "sum_mismatch", total.paragraph, total.start, total.text,
            fmt_amount(found, total.unit, _places(total), like=total.text),
            label="资产总额", parts=f"负债总额{debt.text}+{equity.group()}{net.text}",
        )  # fmt: skip
        return
    changes = [_change(norm, own, f, end) for f in (total, debt, net)]
    if any(c is None for c in changes):
        return
    stated, parts = changes[0], [c for c in changes[1:] if c is not None]
    assert stated is not None
    if abs(sum(parts, Decimal(0)) - stated) > total.tolerance + debt.tolerance + net.tolerance:
        yield finding(
            a, "change_sum_mismatch", total.paragraph, total.start, fmt_amount(stated, total.unit, _places(total), like=total.text),
            fmt_amount(sum(parts, Decimal(0)), total.unit, _places(total), like=total.text), label="资产总额",
        )  # fmt: skip
