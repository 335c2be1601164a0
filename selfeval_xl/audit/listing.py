"""Shapes of a list that tell where it ends or that it is one: a list adding up before its last
items, and an amount's own kinds in brackets after it."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from selfeval_xl.audit.model import Figure


def complete_before_end(figures: Sequence[Figure], parent: int, children: tuple[int, ...]) -> tuple[int, ...]:
    """The items up to the one where the list adds up exactly to its total, when the whole list
    does not: what follows is another cut of the same total ("其中,国税完成11765万元…;地税…;
    财政完成3051万元…;实现地方一般预算收入19401万元" after 29612万元 = 11765+14796+3051)."""
    total = figures[parent].value
    values = [figures[i].value for i in children]
    if total is None or any(v is None for v in values) or sum(v for v in values if v is not None) == total:
        return children
    run = Decimal(0)
    for n, value in enumerate(values[:-1]):
        run += value or 0
        if n >= 1 and run == total and any(values[n + 1 :]):
            return children[: n + 1]
    return children


# "公务用车购置及运行费28万元(公务用车购置费0万元,公务用车运行维护费28万元)": an amount's parts in
# brackets right after it, each named as a kind of it (its first four characters are in the amount's name).
_NAMED_AMOUNT_BEFORE = re.compile(r"([\u4e00-\u9fff]{4,})\s*\d[\d,.]*\s*(?:亿|万|千)?元\s*$")
_BRACKET_ITEM = re.compile(r"^([\u4e00-\u9fff]{4,})\s*\d[\d,.]*\s*(?:亿|万|千)?元$")


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
