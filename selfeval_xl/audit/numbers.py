"""Exact numbers from report text: Decimal parsing, Chinese numerals, rounding and printing."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_CN_VALUES = {
    "零": 0,
    "\u3007": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL_CHARS = "".join(_CN_VALUES) + "".join(_CN_UNITS)


def parse_decimal(raw: str) -> Decimal:
    """Decimal from printed digits; spaces and thousands separators are dropped (never via float)."""
    return Decimal("".join(c for c in raw if c.isdigit() or c == "."))


def printed_digits(text: str) -> str:
    """The digits and decimal point of a printed figure, in ASCII ("１１．９６万元" -> "11.96")."""
    return "".join(str(int(c)) if c.isdecimal() else "." for c in text if c.isdecimal() or c in ".\uff0e")


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


def numeral_value(text: str) -> int | None:
    """Value of a count printed in Arabic ("12") or Chinese ("十二", "两") digits; None if neither."""
    return int(text) if text.isdecimal() else cn_to_int(text)


def printed_half_unit(printed: str) -> Decimal:
    """Half a unit of a printed number's last digit ("12.5" -> 0.05, "326" -> 0.5): how far its print may round."""
    return Decimal(5).scaleb(-decimals_of(printed) - 1)


def round_half_up(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


UNIT_FACTOR = {"亿元": Decimal(10000), "万元": Decimal(1), "千元": Decimal("0.1"), "元": Decimal("0.0001")}


def fmt_amount(value_wan: Decimal, unit: str = "万元", places: int = 2, like: str | None = None) -> str:
    """An amount (given in 万元) printed in ``unit`` with ``places`` decimals, ROUND_HALF_UP, with
    thousands separators when ``like`` (the printed figure it stands beside) has them, or, without
    ``like``, for 元 amounts ("1,234,567.89元")."""
    value = round_half_up(value_wan / UNIT_FACTOR[unit], places)
    grouped = "," in like if like is not None else unit == "元"
    return f"{value:,}{unit}" if grouped else f"{value}{unit}"


def fmt_percent(value: Decimal, places: int = 2) -> str:
    return f"{round_half_up(value, places)}%"


def fmt_number(value: Decimal) -> str:
    """A plain number without trailing zeros (scores, counts, percentage sums)."""
    return format(value.normalize(), "f")


_CN_ORDER = "一二三四五六七八九"


def int_to_cn(value: int) -> str:
    """1..99 as a Chinese numeral (十二, 二十); other values as Arabic digits."""
    if not 1 <= value <= 99:
        return str(value)
    tens, units = divmod(value, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN_ORDER[tens - 1] + "十")
    return head + (_CN_ORDER[units - 1] if units else "")
