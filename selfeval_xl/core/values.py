"""Normalising raw cell values: the one place that decides what a cell "means".

Each ``read_*`` function takes a raw value and returns ``(value, findings)``: the normalised value
(or None) and a list of ``(issue code, params)`` that parse turns into located ``Issue`` values.
Policy for numbers written as text (documented in README, "数字的填写规则"):

* a plain number stored as text ("123.45", "1,234.5", full-width "１２３") is accepted, with a
  warning that it was stored as text;
* Chinese numerals ("十万"), numbers with units ("176.18万元") and approximate counts ("30余") are
  errors in amount cells: they are ambiguous, and the user is told what to type instead;
* in quantity cells, "30余" / "100以上" are accepted as 30 / 100 with a warning pointing at the
  限定词 column;
* Excel error values (#REF!, #DIV/0! ...) are errors naming the value.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal

from selfeval_xl.core.model import CellValue, Uncalculated

Finding = tuple[str, dict[str, str]]

EXCEL_ERRORS = frozenset(
    {"#REF!", "#DIV/0!", "#VALUE!", "#N/A", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"}
)
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_GROUPED_NUMBER = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")
_QUALIFIED = re.compile(r"^(\d+(?:\.\d+)?)\s*(余|以上|多)$")
_CHINESE_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]")
_DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_YEAR_TEXT = re.compile(r"^(\d{4})\s*年?(度)?$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NUMBER_WITH_UNIT = re.compile(r"^[+-]?[\d.,]+\s*(万元|元|万|亿元|亿|千元)$")
LARGEST = Decimal(10) ** 15  # no amount or quantity of a department comes near; keeps 0.01 rounding exact


def is_blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def excel_error(value: CellValue) -> str | None:
    if isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS:
        return value.strip().upper()
    return None


_CELL_PROBLEMS = ("formula_error", "formula_no_value")


def cell_problem(value: CellValue) -> Finding | None:
    """A cell whose value cannot be used at all: an Excel error, or a formula saved without its value."""
    if isinstance(value, Uncalculated):
        shown = value.formula if len(value.formula) <= 60 else value.formula[:60] + "…"
        return "formula_no_value", {"formula": shown}
    if (err := excel_error(value)) is not None:
        return "formula_error", {"value": err}
    return None


def clean_text(text: str) -> str:
    """Control characters out of text: a line break pasted from Word (vertical tab, form feed)
    becomes a newline, the others are dropped (they cannot be written to .docx or shown)."""
    return _CONTROL.sub(lambda m: "\n" if m.group() in "\x0b\x0c" else "", text)


def read_text(value: CellValue) -> tuple[str, list[Finding]]:
    if is_blank(value):
        return "", []
    if (bad := cell_problem(value)) is not None:
        return "", [bad]
    if isinstance(value, float) and value.is_integer():
        return str(int(value)), []
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), []
    return clean_text(str(value)).strip(), []


def _number_from_text(text: str) -> tuple[Decimal | None, list[Finding]]:
    normal = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    findings: list[Finding] = []
    if _PLAIN_NUMBER.match(normal) or _GROUPED_NUMBER.match(normal):
        findings.append(("number_as_text", {"value": text}))
        return Decimal(normal.replace(",", "")), findings
    return None, findings


def read_number(value: CellValue, *, allow_qualifier: bool = False) -> tuple[Decimal | None, str, list[Finding]]:
    """A number. Returns (value, qualifier, findings); qualifier is 余/以上 when allowed and given."""
    number, qualifier, findings = _read_number(value, allow_qualifier)
    if number is not None and (not number.is_finite() or abs(number) >= LARGEST):
        return None, "", [*findings, ("number_too_large", {"value": str(value)})]
    return number, qualifier, findings


def _read_number(value: CellValue, allow_qualifier: bool) -> tuple[Decimal | None, str, list[Finding]]:
    if is_blank(value):
        return None, "", []
    if (bad := cell_problem(value)) is not None:
        return None, "", [bad]
    if isinstance(value, (bool, dt.date, dt.datetime, dt.time)):
        return None, "", [("not_a_number", {"value": str(value)})]
    if isinstance(value, Decimal):
        return value, "", []
    if isinstance(value, int):
        return Decimal(value), "", []
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None, "", [("not_a_number", {"value": str(value)})]
        return Decimal(repr(value)), "", []
    text = str(value)
    number, findings = _number_from_text(text)
    if number is not None:
        return number, "", findings
    normal = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    qualified = _QUALIFIED.match(normal)
    if qualified:
        qualifier = "余" if qualified.group(2) == "多" else qualified.group(2)
        if allow_qualifier:
            return Decimal(qualified.group(1)), qualifier, [("qualifier_in_number", {"value": text, "qualifier": qualifier})]
        return None, "", [("approximate_number", {"value": text})]
    if _NUMBER_WITH_UNIT.match(normal):  # before the numerals: 万 in "176.18万元" is a unit, not a numeral
        return None, "", [("number_with_unit", {"value": text})]
    if _CHINESE_NUMERAL.search(normal):
        return None, "", [("chinese_numeral", {"value": text})]
    return None, "", [("not_a_number", {"value": text})]


def read_value(value: CellValue) -> tuple[Decimal | None, str, list[Finding]]:
    """An indicator value: a number (a trailing % is dropped: "90%" → 90), or free text (定性)."""
    if is_blank(value):
        return None, "", []
    if (bad := cell_problem(value)) is not None:
        return None, "", [bad]
    if isinstance(value, str):
        normal = unicodedata.normalize("NFKC", value).strip().replace(" ", "").removesuffix("%")
        if _PLAIN_NUMBER.match(normal) or _GROUPED_NUMBER.match(normal):
            number = Decimal(normal.replace(",", ""))
            if abs(number) >= LARGEST:
                return None, "", [("number_too_large", {"value": value})]
            return number, "", []
        return None, value.strip(), []
    parsed, _, findings = read_number(value)
    return parsed, "" if parsed is not None else str(value), findings


def read_amount(value: CellValue, unit: str) -> tuple[Decimal | None, list[Finding]]:
    """Money in the workbook's unit → Decimal 万元. Negative amounts and excess precision are flagged."""
    number, _, findings = read_number(value)
    if number is None:
        return None, findings
    if number < 0:
        findings.append(("negative_amount", {"value": _plain(number)}))
    exponent = number.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) else 0
    limit = 2 if unit == "元" else 6
    if places > limit and number != number.quantize(Decimal(1).scaleb(-limit)):
        findings.append(("amount_precision", {"value": _plain(number), "unit": unit, "places": str(limit)}))
    if unit == "元":
        number = number / Decimal(10000)
    return number, findings


def read_count(value: CellValue) -> tuple[int | None, list[Finding]]:
    number, _, findings = read_number(value)
    if number is None:
        return None, findings
    if number != number.to_integral_value() or number < 0:
        return None, [*findings, ("not_a_count", {"value": _plain(number)})]
    return int(number), findings


def read_year(value: CellValue) -> tuple[int | None, list[Finding]]:
    if is_blank(value):
        return None, []
    if isinstance(value, str):
        match = _YEAR_TEXT.match(unicodedata.normalize("NFKC", value).strip())
        if match:
            value = int(match.group(1))
    number, _, findings = read_number(value)
    if number is None or number != number.to_integral_value() or not 2000 <= number <= 2100:
        shown = str(value) if number is None else _plain(number)
        return None, [f for f in findings if f[0] in _CELL_PROBLEMS] or [("not_a_year", {"value": shown})]
    return int(number), [f for f in findings if f[0] != "number_as_text"]


def read_date(value: CellValue) -> tuple[dt.date | None, list[Finding]]:
    if is_blank(value):
        return None, []
    if (bad := cell_problem(value)) is not None:
        return None, [bad]
    if isinstance(value, dt.datetime):
        return value.date(), []
    if isinstance(value, dt.date):
        return value, []
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 2958466:
        return _EXCEL_EPOCH + dt.timedelta(days=int(value)), []
    if isinstance(value, str):
        match = _DATE_TEXT.match(unicodedata.normalize("NFKC", value).strip())
        if match:
            try:
                return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3))), []
            except ValueError:
                pass
    return None, [("not_a_date", {"value": str(value)})]


def read_choice(value: CellValue, choices: tuple[str, ...], strict: bool) -> tuple[str, list[Finding]]:
    text, findings = read_text(value)
    if text and strict and text not in choices:
        return "", [*findings, ("not_in_list", {"value": text, "choices": "、".join(choices)})]
    return text, findings


def _plain(number: Decimal) -> str:
    return format(number, "f")
