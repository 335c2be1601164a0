"""Exact numbers from report text: Decimal parsing, Chinese numerals, rounding and printing."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_CN_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL_CHARS = "".join(_CN_VALUES) + "".join(_CN_UNITS)


def parse_decimal(raw: str) -> Decimal:
    """Decimal from printed digits; spaces and thousands separators are dropped (never via float)."""
    return Decimal("".join(c for c in raw if c.isdigit() or c == "."))


def decimals_of(raw: str) -> int:
    digits = "".join(c for c in raw if c.isdigit() or c == ".")
    return len(digits) - digits.index(".") - 1 if "." in digits else 0


def cn_to_int(text: str | None) -> int | None:
    """Value of a Chinese numeral such as 四, 十, 十二, 二十三, 一百零五, 两; None if not one."""
    if not text or any(c not in CN_NUMERAL_CHARS for c in text):
        return None
    total, digit = 0, None
    for char in text:
        if char in _CN_VALUES:
            if digit is not None and _CN_VALUES[char] != 0:
                return None  # two digits in a row ("二三") is not a numeral
            digit = _CN_VALUES[char] if _CN_VALUES[char] else None
        else:
            unit = _CN_UNITS[char]
            total += (digit if digit is not None else 1) * unit
            digit = None
    return total + (digit or 0)


def round_half_up(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def fmt_wan(value: Decimal) -> str:
    """An amount in 万元 as the house prints it: two decimals."""
    return f"{round_half_up(value, 2)}万元"


def fmt_percent(value: Decimal, places: int = 2) -> str:
    return f"{round_half_up(value, places)}%"


def fmt_number(value: Decimal) -> str:
    """A plain number without a trailing '.0' (scores, counts)."""
    text = format(value.normalize(), "f")
    return text
