"""Exact arithmetic and number presentation: rounding, apportioning, Chinese numerals, dates.

Rules (domain.md §5.1): amounts in 万元 with two decimals, percentages with two decimals and
ROUND_HALF_UP, applied only here, at presentation. When rounded parts must add up to a rounded
whole (amounts to their total, complementary shares to 100.00%), ``apportion`` keeps every part at
its ROUND_HALF_UP value unless the sum drifts, and then moves the drift, one hundredth at a time,
onto the parts whose rounding lost (or gained) the most — largest remainder. The parts adjusted
are reported so that 计算明细 can say so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def round_half_up(value: Decimal, quantum: Decimal = CENT) -> Decimal:
    return value.quantize(quantum, rounding=ROUND_HALF_UP)


def apportion(total: Decimal, parts: Sequence[Decimal], quantum: Decimal = CENT) -> tuple[list[Decimal], list[int]]:
    """Round ``parts`` to ``quantum`` so that they add up exactly to ``round(total)``.

    Returns the rounded parts and the indexes of the parts moved off their plain ROUND_HALF_UP value.
    """
    target = round_half_up(total, quantum)
    rounded = [round_half_up(p, quantum) for p in parts]
    adjusted: list[int] = []
    if not parts:
        return rounded, adjusted
    drift = target - sum(rounded, Decimal(0))
    steps = int((drift / quantum).to_integral_value())
    # Never move more than one quantum per part: a larger drift means the parts do not make the total.
    if abs(steps) > len(parts):
        return rounded, adjusted
    order = sorted(
        range(len(parts)),
        key=lambda i: (-(parts[i] - rounded[i]) if steps > 0 else (parts[i] - rounded[i]), -abs(parts[i]), i),
    )
    for i in order[: abs(steps)]:
        rounded[i] += quantum if steps > 0 else -quantum
        adjusted.append(i)
    return rounded, sorted(adjusted)


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """Exact percentage (not rounded); None when the whole is zero."""
    if whole == 0:
        return None
    return part / whole * HUNDRED


def shares(parts: Sequence[Decimal], whole: Decimal) -> tuple[list[Decimal] | None, list[int]]:
    """Percent shares of ``whole``, rounded to 0.01 and adding up to exactly 100.00 when the parts make the whole."""
    if whole == 0:
        return None, []
    exact = [p / whole * HUNDRED for p in parts]
    if sum(parts, Decimal(0)) == whole:
        return apportion(HUNDRED, exact)
    return [round_half_up(e) for e in exact], []


def fmt_amount(value: Decimal) -> str:
    """176.18 (always two decimals, ROUND_HALF_UP)."""
    return f"{round_half_up(value):f}"


def fmt_in_unit(value: Decimal, unit: str) -> str:
    """An exact amount (万元) in the workbook's own unit, for messages: 元 → 4213512.30 (yuan, exact),
    万元 → 421.35 (or every entered decimal, 421.3512, when there are more than two)."""
    shown = value * 10000 if unit == "元" else value
    exact = shown.normalize()
    exponent = exact.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return f"{shown.quantize(Decimal(1).scaleb(-max(2, places))):f}"


def fmt_percent(value: Decimal) -> str:
    return f"{round_half_up(value):f}%"


def fmt_quantity(value: Decimal) -> str:
    """1551, 30, 12.5 — no trailing zeros, no exponent."""
    text = f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """Counts and heading numbers: 1 一, 10 十, 11 十一, 20 二十, 105 一百零五 (up to 9999)."""
    if n < 0 or n > 9999:
        raise ValueError(f"out of range: {n}")
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    units = [(1000, "千"), (100, "百"), (10, "十")]
    out = ""
    rest = n
    zero_pending = False
    for size, word in units:
        digit, rest = divmod(rest, size)
        if digit:
            if zero_pending:
                out += "零"
                zero_pending = False
            out += _DIGITS[digit] + word
        elif out:
            zero_pending = True
    if rest:
        if zero_pending:
            out += "零"
        out += _DIGITS[rest]
    return out


def fmt_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def heading_label(level: int, n: int) -> str:
    """GB/T 9704 numbering: 一、 / （一） / 1. / （1）."""
    if level == 1:
        return f"{chinese_numeral(n)}、"
    if level == 2:
        return f"（{chinese_numeral(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"
