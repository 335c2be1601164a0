"""Amounts printed at a precision of their own: "80.0万元" among amounts with two decimals, "12.345万元"
among amounts with two (``mixed_precision``, a low-confidence warning: the house prints two)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding
from selfeval_xl.audit.numbers import UNIT_FACTOR, fmt_amount, round_half_up


def _odd_precision(fig: Figure, majority: int) -> bool:
    """Printed at a precision of its own: padded with a zero (80.0 among 2-dp amounts) or with more
    decimals than the rest. A shorter print that merely drops a trailing zero (77.4 for 77.40) is
    how published texts write amounts and is not reported; nor is a full print: two decimals of 元 (分), or
    an amount of 万元/亿元 printed to a smaller unit exactly ("97.875万元" is 978,750元, copied from a ledger),
    or the house's two decimals among such full prints ("136.00万元" among "5372.5833万元")."""
    if fig.decimals > 2 and fig.unit != "元":
        return False
    if fig.decimals == 2 and (fig.unit == "元" or majority > 2):
        return False
    digits = fig.text.rstrip("万亿千元 余多以上左右")
    zero = digits[-1:].isdecimal() and int(digits[-1]) == 0  # (full-width digits too)
    if fig.decimals > majority:
        # two decimals among one-decimal prints: those drop a trailing zero (77.4 for 77.40) and this one has none to
        # drop (18.67), unless it kept its own (76.40)
        return not (fig.decimals == 2 and majority == 1 and not zero)
    return fig.decimals < majority and zero


def check_precision(a: Analysis) -> Iterator[Finding]:
    """Amounts with decimals should all print the same number of them (the house uses two)."""
    by_unit: dict[str, list[Figure]] = {}
    for fig in a.figures:
        if fig.kind is FigureKind.AMOUNT and fig.decimals > 0 and fig.value is not None:
            by_unit.setdefault(fig.unit, []).append(fig)
    for unit, figs in sorted(by_unit.items()):
        counts = Counter(f.decimals for f in figs)
        if len(counts) < 2:
            continue
        majority = max(counts, key=lambda d: (counts[d], d))
        for fig in figs:
            # a small amount the majority's decimals would round away ("0.04万元" among 1-decimal amounts) needs its own
            if fig.value is not None and fig.decimals > majority and _rounded_away(fig.value, unit, majority):
                continue
            if _odd_precision(fig, majority) and fig.value is not None:
                # the print suggested is the majority's, but never more than the house's two decimals, nor fewer for an
                # amount printed with more ("12.3456元" among one-decimal prints: 12.35, not 12.3)
                places = min(majority, 2) if fig.decimals <= 2 else 2
                yield finding(
                    a, "mixed_precision", fig.paragraph, fig.start, fig.text, fmt_amount(fig.value, unit, places, like=fig.text),
                    decimals=fig.decimals, majority=majority,
                )  # fmt: skip


def _rounded_away(value: Decimal, unit: str, places: int) -> bool:
    """Would printing ``value`` (in 万元) at ``places`` decimals of ``unit`` change it by a tenth or more?"""
    factor = UNIT_FACTOR.get(unit, Decimal(1))
    printed = value / factor
    return printed != 0 and abs(round_half_up(printed, places) - printed) >= abs(printed) / 10
