"""Arithmetic the text writes out: "预算执行率=950/1000×100%=95%", "结余=1000-950=50万元",
"执行率为96.2%(执行数962万元÷预算数1000万元)".

The text states the computation itself, so a result that is not what its expression gives is an
error (a result cut instead of rounded at its printed decimals is a warning that shows both).
Only expressions made of printed numbers are read: a chain "A=B=C" is checked link by link where
both sides are numeric ("执行数/预算数×100%" is words, not read); numbers in one expression must be
in one unit (万元 beside 元 is left alone), and a date or a range ("1-12月", "2023-2024年") is no
expression.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, DivisionByZero, InvalidOperation

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Finding
from selfeval_xl.audit.numbers import round_half_up
from selfeval_xl.audit.ratios import truncated_value

_TIMES = "\u00d7x*"  # ×, x, *
_NUM = r"\d{1,3}(?:[,']\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_TOKEN = re.compile(rf"\s*(?:(?P<num>{_NUM})\s*(?P<unit>万元|亿元|千元|元|%)?|(?P<op>[-+{_TIMES}/÷()])|(?P<name>[\u4e00-\u9fff“”\"]+))")
# a result: a number with its unit, ending the chain (not followed by another operator or digit)
_RESULT = re.compile(rf"\s*(?P<num>{_NUM})\s*(?P<unit>万元|亿元|千元|元|%|分)?(?![\d.]|\s*[-+{_TIMES}/÷])")
_STOPS = ",;。:!?、"
_REACH = 60  # characters an expression may span before its "="


class _Parser:
    """A tiny recursive-descent reader of + - × ÷ and brackets over Decimal; names printed right
    before a number ("执行数962万元") are skipped, any other word makes the expression unreadable."""

    def __init__(self, tokens: list[tuple[str, str, str]]) -> None:
        self.tokens, self.at, self.units = tokens, 0, set[str]()

    def peek(self) -> tuple[str, str, str] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def expr(self) -> Decimal:
        value = self.term()
        while (t := self.peek()) and t[0] == "op" and t[1] in "+-":
            self.at += 1
            value = value + self.term() if t[1] == "+" else value - self.term()
        return value

    def term(self) -> Decimal:
        value = self.factor()
        while (t := self.peek()) and t[0] == "op" and t[1] in _TIMES + "/÷":
            self.at += 1
            value = value * self.factor() if t[1] in _TIMES else value / self.factor()
        return value

    def factor(self) -> Decimal:
        t = self.peek()
        if t and t[0] == "name":
            self.at += 1
            t = self.peek()
            if not t or t[0] != "num":
                raise ValueError("a word not naming a number")
        if t is None:
            raise ValueError("an expression cut short")
        self.at += 1
        if t[0] == "op" and t[1] == "(":
            value = self.expr()
            closing = self.peek()
            if not closing or closing[1] != ")":
                raise ValueError("an unclosed bracket")
            self.at += 1
            return value
        if t[0] != "num":
            raise ValueError("an operator where a number belongs")
        number = Decimal(t[1].replace(",", "").replace("'", ""))
        if t[2] == "%":
            return number / 100
        if t[2]:
            self.units.add(t[2])
        return number


def _tokens(text: str) -> list[tuple[str, str, str]] | None:
    out, at = [], 0
    while at < len(text.rstrip()):
        m = _TOKEN.match(text, at)
        if m is None:
            return None
        at = m.end()
        if m.group("num") is not None:
            out.append(("num", m.group("num"), m.group("unit") or ""))
        elif m.group("op") is not None:
            out.append(("op", m.group("op"), ""))
        else:
            out.append(("name", m.group("name"), ""))
    return out


def evaluate(text: str) -> tuple[Decimal, str] | None:
    """The value of an expression of two or more printed numbers (and its unit, "" if none), or None."""
    tokens = _tokens(text)
    if not tokens or sum(t[0] == "num" for t in tokens) < 2 or not any(t[0] == "op" and t[1] not in "()" for t in tokens):
        return None
    operators = {t[1] for t in tokens if t[0] == "op"} - set("()")
    numbers = [Decimal(t[1].replace(",", "").replace("'", "")) for t in tokens if t[0] == "num"]
    if operators == {"-"} and len(numbers) == 2 and numbers[0] < numbers[1] and all(n == n.to_integral() for n in numbers):
        return None  # "1-12月", "2023-2024": a range, not a difference
    parser = _Parser(tokens)
    try:
        value = parser.expr()
    except (ValueError, InvalidOperation, DivisionByZero, ZeroDivisionError):
        return None
    if parser.at != len(tokens) or len(parser.units) > 1:
        return None
    ratio = any(t[0] == "op" and t[1] in "/÷" for t in tokens)  # 万元 ÷ 万元: no unit left
    return value, "" if ratio else next(iter(parser.units), "")


def _start_of(norm: str, end: int) -> int:
    low = max(0, end - _REACH)
    return max(max(norm.rfind(c, low, end) for c in _STOPS) + 1, low, norm.rfind("=", low, end) + 1)


def check_formulas(a: Analysis) -> Iterator[Finding]:
    # a bracketed rate the execution check already reads from its amounts is reported there, once
    linked = {
        (a.figures[r.percent].paragraph, a.figures[r.percent].start)
        for r in a.rates
        if r.budget is not None and r.executed is not None
    }
    for p in a.paragraphs:
        norm = p.norm
        if "=" in norm:
            yield from _chains(a, p.index, norm)
        if "/" in norm or "÷" in norm:
            yield from _bracketed(a, p.index, norm, linked)


def _chains(a: Analysis, index: int, norm: str) -> Iterator[Finding]:
    """ "…=950/1000×100%=95%": each "=" between an expression of numbers and a printed result."""
    at = norm.find("=")
    while at >= 0:
        expression = norm[_start_of(norm, at) : at]
        result = _RESULT.match(norm, at + 1)
        value = evaluate(expression)
        if result is not None and value is not None:
            yield from _compare(a, index, at + 1 + (len(result.group()) - len(result.group().lstrip())), expression, value, result)
        at = norm.find("=", at + 1)


# "执行率为96.2%(执行数962万元÷预算数1000万元)", "(950/1000)": a rate with its division in brackets after it
_BRACKETED = re.compile(rf"(?P<num>{_NUM})\s*(?P<unit>%)\s*\((?P<expr>[^()]{{3,40}}?[/÷][^()]{{1,30}}?)\)")


def _bracketed(a: Analysis, index: int, norm: str, linked: set[tuple[int, int]]) -> Iterator[Finding]:
    for m in _BRACKETED.finditer(norm):
        if (index, m.start()) in linked:
            continue
        expression = re.sub(rf"[{_TIMES}]\s*100\s*%\s*$", "", m.group("expr").strip())
        value = evaluate(expression)
        if value is not None and not re.search(r"[+\-]", expression):
            yield from _compare(a, index, m.start(), expression, value, m)


def _compare(
    a: Analysis, index: int, pos: int, expression: str, value: tuple[Decimal, str], result: re.Match[str]
) -> Iterator[Finding]:
    number, unit = result.group("num"), result.group("unit") or ""
    stated = Decimal(number.replace(",", "").replace("'", ""))
    places = len(number.partition(".")[2])
    exact, from_unit = value
    if unit == "%":
        if from_unit:
            return  # a sum of 万元 is no percentage
        exact *= 100
    elif from_unit and unit and unit != from_unit:
        return  # "=0.95亿元" of 万元: a unit change, not read
    expected = round_half_up(exact, places)
    if expected == stated:
        return
    text = f"{number}{unit}"
    shown = f"{expected:f}{unit}"
    if truncated_value(stated, places, exact):
        yield finding(a, "formula_truncated", index, pos, text, shown, formula=expression.strip(), exact=f"{round_half_up(exact, places + 2):f}{unit}")
    else:
        yield finding(a, "formula_mismatch", index, pos, text, shown, formula=expression.strip())
