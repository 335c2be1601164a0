"""How far a printed total may be from the parts read under it and still be *their* total.

A list read as a total's parts and missing it by a slip misses it by a little: a digit mistyped, a part
left out of the sum, a rounding. A list that exceeds its total by more than a tenth, or that is twice it,
is far more often not its parts at all — a plan beside what was done, a cumulative amount beside the
month's, the amounts of another level or year — and a reviewer cannot act on "两者不一致" without
knowing which. Such a list is a warning that names the doubt, not an error; unless its sum and the total
differ as a slip of the pen does (one digit added, dropped, changed or two swapped: "6717" for 16717),
which stays an error however far apart the two are.

The bounds were chosen on the pages of the development half as the auditor first saw them (before any
rule was written from them: ``benchmarks/audit_replay.py``), see docs/audit.md, twenty-fourth round.
"""

from __future__ import annotations

from decimal import Decimal

from selfeval_xl.audit.model import Figure

FAR_OVER = Decimal("1.1")  # parts more than a tenth over their total
FAR_TIMES = Decimal(2)  # a sum at least twice its total, or at most half of it


def _digits(*values: Decimal) -> list[str]:
    """The significant digits of each, the point dropped and the zeros all of them end with cut ("6717万元" and
    "16717.00万元" give 6717 and 16717, "2.3亿元" and "2.5亿元" give 23 and 25)."""
    texts = [f"{abs(v).normalize():f}".replace(".", "").lstrip("0") or "0" for v in values]
    common = min(len(t) - len(t.rstrip("0")) for t in texts)
    return [t[: len(t) - common] or "0" for t in texts]


def slip_of_the_pen(stated: Decimal, found: Decimal) -> bool:
    """Do the two numbers' significant digits differ by one digit added, dropped or changed, or by two
    neighbours swapped, or by the point alone? Only numbers of three digits or more: "23" and "25" are near by
    chance."""
    a, b = _digits(stated, found)
    if min(len(a), len(b)) < 3 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diff) <= 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def far_over(total: Decimal, parts: Decimal) -> bool:
    """Do the parts exceed their total by more than a tenth, not by a slip?"""
    return total > 0 and parts > total * FAR_OVER and not slip_of_the_pen(total, parts)


def far_apart(total: Decimal, parts: Decimal) -> bool:
    """Is the parts' sum at least twice the total, or at most half of it (and not nothing), not by a slip?"""
    if total <= 0 or parts <= 0 or slip_of_the_pen(total, parts):
        return False
    return parts >= total * FAR_TIMES or parts * FAR_TIMES <= total


def over_whole(exact: Decimal, stated: Decimal) -> bool:
    """Is a share, printed at most 100%, of a whole smaller than its part (the exact ratio over 100%)? Then the
    whole is another amount, or one of the two is mistyped: not proven a wrong share (``share_over_whole``)."""
    return exact > 100 >= stated


def doubted(code: str, total: Figure, parts: list[Figure], found: Decimal) -> str:
    """The code of a list's finding: ``parts_exceed_total`` and ``sum_mismatch`` become their warnings when the
    parts' sum ``found`` is far from the total. Not when the amounts are printed in different units: one may be
    元 for 万元 (``unit_typos`` reads that)."""
    if total.value is None or any(p.unit != total.unit for p in parts):
        return code
    if code == "parts_exceed_total" and far_over(total.value, found):
        return "parts_far_over_total"  # a plan beside what was done, a cumulative amount beside the month's…
    if code == "sum_mismatch" and far_apart(total.value, found):
        return "sum_far_apart"
    return code
