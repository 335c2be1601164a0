"""Changes of a total and of its parts: "支出合计35万元,比上年减少2.28万元。其中:…购置及运行维护费5万元,
比上年减少0.28万元,公务接待费30万元,比上年减少2万元" — the parts' changes (signed) add up to the total's.

A member's change is the first amount after it in its sentence (before the next part) that follows
an 增加/减少-type verb. The check runs only when the parts make their total (so they are all of it), and the total and every
part state a change (a part of 0 with none stated counts as no change), so a list that gives changes
for some parts only, or names its main items only, is left alone.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from decimal import Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.lexicon import DECOMPOSITIONS
from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding, half_unit
from selfeval_xl.audit.named import name_before
from selfeval_xl.audit.numbers import fmt_amount
from selfeval_xl.audit.text import open_brackets, sentence_bounds

_UP = ("增加", "增长", "上升", "提高", "增")
_DOWN = ("减少", "下降", "降低", "压缩", "减")


Index = dict[int, list[Figure]]


def _changes(
    a: Analysis, index: Index, member: Figure, stop: tuple[int, int] | None
) -> list[tuple[Decimal, str, Decimal, Figure]]:
    """The signed changes stated right after ``member``, each with what it is set against
    ("比预算减少2.5万元,比上年增加2.5万元": "预算", "年"; "" when not said), its tolerance and its figure, up to
    the next amount that is not a change."""
    norm = a.paragraph(member.paragraph).norm
    _, end = sentence_bounds(norm, member.start)
    own = index.get(member.paragraph, [])
    out: list[tuple[Decimal, str, Decimal, Figure]] = []
    for j in range(bisect_right(own, member.start, key=lambda f: f.start), len(own)):  # no copy of the rest
        fig = own[j]
        if fig.start >= end or (stop is not None and (fig.paragraph, fig.start) >= stop):
            break
        if fig.kind is not FigureKind.AMOUNT or open_brackets(norm[member.start : fig.start]) > 0:
            continue  # "2712万元(其中:公务用车购置费0万元,…),比预算数减少107万元": the item's own parts
        if not fig.comparative or fig.value is None:
            break  # another amount first: the member states no change of its own
        verb = norm[max(0, fig.start - 6) : fig.start]
        lead = norm[max(0, fig.start - 10) : fig.start]
        base = "预算" if "预算" in lead else "年" if any(w in lead for w in ("上年", "去年", "同期", "年度")) else ""
        if any(w in verb for w in _DOWN):
            out.append((-fig.value, base, fig.tolerance, fig))
        elif any(w in verb for w in _UP):
            out.append((fig.value, base, fig.tolerance, fig))
        else:
            break
    return out


_CENT = Decimal("0.01")
_UNCHANGED = ("无增减", "持平", "没有变化", "无变化", "不变")


def _unchanged(a: Analysis, member: Figure, nxt: Figure | None) -> bool:
    """Does the member's own clause say it did not change ("…0.50万元,较上年无增减;")?"""
    norm = a.paragraph(member.paragraph).norm
    end = member.start + len(member.text)
    stop = min((norm.find(c, end) for c in ";。" if norm.find(c, end) >= 0), default=len(norm))
    if nxt is not None and nxt.paragraph == member.paragraph:
        stop = min(stop, nxt.start)
    return any(w in norm[end:stop] for w in _UNCHANGED)


def _whole(parent: Figure, members: list[Figure]) -> bool:
    """Do the parts, as printed, make their total (within the print's rounding)?"""
    if parent.value is None or any(m.value is None for m in members):
        return False
    found = sum((m.value or Decimal(0) for m in members), Decimal(0))
    return abs(found - parent.value) <= sum((f.tolerance for f in (parent, *members)), Decimal("0.01"))


def _by_definition(members: list[Figure]) -> bool:
    roles = [m.role for m in members]
    return len(set(roles)) == len(roles) and frozenset(roles) in DECOMPOSITIONS.values()


def check_part_changes(a: Analysis) -> Iterator[Finding]:
    figs = a.figures
    index: Index = {}
    for fig in figs:
        index.setdefault(fig.paragraph, []).append(fig)
    for group in a.groups:
        if not group.explicit or len(group.children) < 2:
            continue
        parent = figs[group.parent]
        first = figs[group.children[0]]
        members = [figs[i] for i in group.children]
        if not _whole(parent, members) and not _by_definition(members):
            # parts that do not make their total (a few main items): their changes need not either; 基本 + 项目
            # (人员 + 公用) make it by definition, so their changes make its change even where a level is misprinted
            continue
        totals = _changes(a, index, parent, (first.paragraph, first.start))
        if not totals:
            continue
        parts: list[Decimal] = []
        finest = 0
        slack = Decimal(0)
        bases: set[str] = set()
        for k, child in enumerate(members):
            nxt = members[k + 1] if k + 1 < len(members) else None
            stated = _changes(a, index, child, (nxt.paragraph, nxt.start) if nxt else None)[:1]
            if not stated and (child.value == 0 or _unchanged(a, child, nxt)):
                parts.append(Decimal(0))  # "公务接待费0.50万元,较上年无增减"
                continue
            if not stated:
                break
            parts.append(stated[0][0])
            slack += stated[0][2]
            finest = max(finest, stated[0][3].decimals)
            bases |= {stated[0][1]} - {""}
        else:
            # the total's change against the same base as its parts' (a year's, or a budget's)
            same = [(v, tol, f) for v, base, tol, f in totals if not bases or not base or base in bases] if len(bases) <= 1 else []
            if not same:
                continue
            total, tolerance, change = same[0]
            if change.decimals < finest:
                # "总费用14.07亿元,同比增加7451万元。其中:…减少524.18万元;…增加131.57万元;…增加7843.92万元": a change
                # printed coarser than its parts' is their sum rounded to its print
                tolerance = max(tolerance, half_unit(change, coarser=True))
            found = sum(parts, Decimal(0))
            # the changes as printed, each within its rounding; a change of 2-decimal 万元 is the difference
            # of two figures kept in 元, so the parts' changes may drift from the total's by a cent
            cent = _CENT if parent.unit == "万元" else Decimal(0)
            if abs(found - total) > slack + tolerance + cent:
                # the change as printed ("增收1735万元"); their sum at the finest print among them
                # in the unit the change is printed in ("增加7451万元" of a total in 亿元)
                places = [max(-int(v.as_tuple().exponent), 0) for v in (total, *parts)]
                yield finding(
                    a, change_code(total, parts, found), parent.paragraph, parent.start, fmt_amount(total, change.unit, places[0], like=change.text),
                    fmt_amount(found, change.unit, max(places), like=change.text), label=name_before(a.paragraph(parent.paragraph).norm, parent.start, 16) + parent.text,
                )  # fmt: skip


def change_code(total: Decimal, parts: list[Decimal], found: Decimal) -> str:
    """Changes printed alike ("较上年同期增收1735万元" of "增收1423万元…减收1941万元…增收2252万元") that miss
    their total by one unit of that print are each rounded on their own: a 提示 (change_rounding_gap). Whole
    units are rounded figures only among thousands (as in ``ratio_tolerances``): "增加10万元" of "8万元+3万元"
    is an error."""
    exponent = total.as_tuple().exponent
    assert isinstance(exponent, int)
    unit = Decimal(1).scaleb(exponent)
    printed = [p for p in parts if p]
    alike = len(printed) >= 2 and all(p.as_tuple().exponent == exponent for p in printed)
    alike = alike and (exponent < 0 or max(abs(v) for v in (total, *printed)) >= 1000)
    return "change_rounding_gap" if alike and abs(found - total) <= unit else "change_sum_mismatch"

