"""Totals whose parts are complete by definition, whatever the list says: 收入总计/支出总计 through
结转和结余, "三公"经费 and its three parts, 公务用车购置及运行(维护)费 and its two; and a gap explained by
a carried-over amount printed beside the total, or a part printed without its unit."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from decimal import Decimal

from selfeval_xl.audit.model import Analysis, Figure, FigureKind, PartsGroup
from selfeval_xl.audit.ratios import ratio_matches

_GRAND = ("总计", "總計")


def before(a: Analysis, fig: Figure, width: int = 12) -> str:
    """The ``width`` characters printed before ``fig``, spaces aside (a PDF's character spacing moves its
    spaces in front of the words: "…3.05 万元,   支出决算1.75万元")."""
    norm = a.paragraph(fig.paragraph).norm
    return norm[max(0, fig.start - 3 * width) : fig.start].replace(" ", "")[-width:]


def _grand_total(a: Analysis, parent: Figure, children: list[Figure]) -> bool:
    """收入总计/支出总计 and its 其中 list through 结转和结余: the 决算 decomposition, complete by form."""
    carried = [
        c
        for c in children
        if any(ch in before(a, c) for ch in "结結") and any(ch in before(a, c) for ch in "转轉余餘")
    ]
    # a government's fund total ("市本级一般公共预算支出总计2412.52亿元,其中:一般公共预算支出1167.21亿元,…,结转下年支出
    # 77.68亿元") also holds 上解, 补助下级 and 债务还本: a list of it far short (under four fifths) names some items only
    head = before(a, parent)
    fund = any(word in head[-16:] for word in ("一般公共预算", "政府性基金", "国有资本经营", "基金预算"))
    listed = sum((c.value or Decimal(0) for c in children), Decimal(0))
    short = fund and listed < (parent.value or Decimal(0)) * Decimal("0.8")
    return len(children) >= 2 and any(word in head for word in _GRAND) and bool(carried) and not short


_SANGONG_PARTS = (("出国",), ("接待",), ("用车", "车购置", "车运行"))


def _sangong(a: Analysis, parent: Figure, children: list[Figure]) -> bool:
    """ "三公"经费 and its three parts (因公出国(境), 公务接待, 公务用车): complete by definition."""
    head = before(a, parent, 80)
    head = head[max(head.rfind(c) for c in "。;") + 1 :]  # its own sentence
    # "三公"经费 named, or its three parts named in the total's own name ("因公出国(境)经费、公务用车
    # 购置及运行费、公务接待费决算支出94.7亿元")
    if "三公" not in head[-24:] and not all(any(w in head for w in words) for words in _SANGONG_PARTS):
        return False
    leads = [before(a, c, 14) for c in children]
    return all(any(any(w in lead for w in words) for lead in leads) for words in _SANGONG_PARTS)


def _car(a: Analysis, parent: Figure, children: list[Figure]) -> bool:
    """公务用车购置及运行(维护)费 and its two parts (购置, 运行维护): complete by definition."""
    leads = [before(a, c, 12) for c in children]
    return (
        len(children) == 2 and "车购置及运行" in before(a, parent, 16)
        and "购置" in leads[0] and "运行" in leads[1] and "运行" not in leads[0]
    )  # fmt: skip


def _tax_split(a: Analysis, parent: Figure, children: list[Figure]) -> bool:
    """一般公共预算收入 and its two kinds, 税收收入 and 非税收入: complete by definition (never a 总收入 or 财政收入,
    which count revenue shared upwards too)."""
    if len(children) != 2:
        return False
    lead, leads = before(a, parent, 16), [before(a, c, 8) for c in children]
    return (
        "一般公共预算收入" in lead and not any(w in lead for w in ("总收入", "全口径", "财力", "支出"))
        and leads[0].endswith("税收收入") and "非税" not in leads[0] and leads[1].endswith("非税收入")
    )  # fmt: skip


def _debt_split(a: Analysis, parent: Figure, children: list[Figure]) -> bool:
    """A government's 债务余额 (or 债务限额) and its two kinds, 一般债务 and 专项债务: complete by definition."""
    if len(children) != 2:
        return False
    lead, leads = before(a, parent, 16), [before(a, c, 10).replace(" ", "") for c in children]
    for kind in ("余额", "限额"):
        if f"债务{kind}" in lead.replace(" ", "") and leads[0].endswith(f"一般债务{kind}") and leads[1].endswith(f"专项债务{kind}"):
            return True
    return False


CarryOvers = dict[tuple[int, Decimal], list[Figure]]


def carry_overs(a: Analysis) -> CarryOvers:
    """Amounts printed as carried over (结转, 结余), by paragraph and value: built once per text."""
    index: CarryOvers = {}
    for f in a.figures:
        if f.value is not None and any(w in before(a, f, 8) for w in ("结转", "结余")):
            index.setdefault((f.paragraph, f.value), []).append(f)
    return index


def carried_over(index: CarryOvers, parent: Figure, parts: list[Figure], gap: Decimal) -> bool:
    """Is the gap an amount printed as carried over, not one of the parts, in the total's paragraph or
    the two before it?"""
    return any(
        f.kind is parent.kind and not any(f is part for part in parts)
        for k in range(parent.paragraph - 2, parent.paragraph + 1)
        for f in index.get((k, gap), ())
    )


def complete_by_definition(a: Analysis, parent: Figure, children: list[Figure]) -> bool:
    return (
        _grand_total(a, parent, children) or _sangong(a, parent, children) or _car(a, parent, children)
        or _tax_split(a, parent, children) or _debt_split(a, parent, children) or _procurement(a, parent, children)
        or _complements(a, children)
    )  # fmt: skip


def _complements(a: Analysis, children: list[Figure]) -> bool:
    """Two parts, a kind and its complement ("其中,流动资产64.51万元,非流动资产4.6万元"): complete by definition."""
    if len(children) != 2:
        return False
    first, second = (re.split(r"[,:;(、]|其中", before(a, c, 10).replace(" ", ""))[-1] for c in children)
    return len(first) >= 2 and second == "非" + first


_PROCUREMENT_KINDS = ("货物", "工程", "服务")


def _procurement(a: Analysis, parent: Figure, children: list[Figure]) -> bool:
    """政府采购 spending (or its budget, its contracts) and its three kinds, 货物, 工程 and 服务: complete by
    definition; the 中小企业 contracts printed after them are a share of the whole, not a fourth kind."""
    if len(children) != 3 or "政府采购" not in before(a, parent, 16):
        return False
    leads = [before(a, c, 12) for c in children]
    return all(sum(kind in lead for kind in _PROCUREMENT_KINDS) == 1 for lead in leads) and all(
        any(kind in lead for lead in leads) for kind in _PROCUREMENT_KINDS
    )


_BARE = re.compile(r"(?<![\d.,])\d+(?:\.\d+)?(?![\d.,%])")


def unit_dropped(a: Analysis, parent: Figure, children: list[Figure], gap: Decimal) -> bool:
    """Is the gap a number printed bare among the parts (no unit, so never read as one), or an amount
    printed among them that is not one of them?"""
    last = children[-1]
    if last.paragraph != parent.paragraph or (parent.kind is FigureKind.AMOUNT and parent.unit != "万元"):
        return False  # an amount's value is in 万元: a bare number is compared so only in a 万元 text
    norm = a.paragraph(parent.paragraph).norm
    starts = {c.start for c in children}
    if any(Decimal(m.group()) == gap and m.start() not in starts for m in _BARE.finditer(norm, parent.start + len(parent.text), last.start)):
        return True
    # or an amount printed among them and read as no part ("其中:A 591万元(…、资助…120.1万元)、B 47.44万元" of 758.54万元)
    figs = a.figures
    lo = bisect_left(figs, (parent.paragraph, parent.start + 1), key=lambda f: (f.paragraph, f.start))
    hi = bisect_left(figs, (parent.paragraph, last.start), key=lambda f: (f.paragraph, f.start))
    return any(f.kind is FigureKind.AMOUNT and f.value == gap and f.start not in starts for f in figs[lo:hi])


def tail_of_outer(a: Analysis, group: PartsGroup, outer: dict[int, list[PartsGroup]]) -> bool:
    """Do the list's last items belong to the statement its total is a part of, which adds up with
    them and without the rest of the list?"""
    for whole in outer.get(group.parent, ()):
        target = a.figures[whole.parent].value
        kept = set(whole.children)
        for k in range(1, len(group.children)):
            if not set(group.children[k:]) <= kept:
                continue
            values = [a.figures[c].value for c in kept - set(group.children[:k])]
            if target is not None and None not in values and sum(v for v in values if v is not None) == target:
                head = [a.figures[c].value or Decimal(0) for c in group.children[:k]]
                return sum(head, Decimal(0)) <= (a.figures[group.parent].value or Decimal(0))
    return False


def share_of_the_year(a: Analysis, pct: Figure, subject: Figure, den: Figure, carried: dict[int, list[Figure]]) -> bool:
    """ "收入合计17116.72万元…其中:财政拨款收入13681.64万元,占100%。此外,…年初结转和结余3435.08万元": a
    total printed with the carry-over in it, the share of the year's own income (or spending)."""
    if den.value is None or "结" in before(a, subject, 8):
        return False
    if -1 not in carried:  # built once, on the first mismatch
        carried[-1] = []
        for f in a.figures:
            if f.kind is FigureKind.AMOUNT and f.value and any(w in before(a, f, 8) for w in ("结转", "结余")):
                carried.setdefault(f.paragraph, []).append(f)
    # near the share only (the paragraph before's last 20, its own within 400 characters, found by
    # bisection): a one-paragraph page keeps this linear
    own = carried.get(pct.paragraph, [])
    near = own[bisect_left(own, pct.start - 400, key=lambda f: f.start) : bisect_right(own, pct.start + 400, key=lambda f: f.start)]
    return any(
        c.value < den.value and ratio_matches(pct, subject, replace(den, value=den.value - c.value))[0]
        for c in (*carried.get(pct.paragraph - 1, [])[-20:], *near)
        if c.value is not None and c is not subject
    )
