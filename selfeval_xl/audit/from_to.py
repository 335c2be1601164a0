"""A figure's move "from A to B" with its rate: "出国人次从29人降为16人,下降44.8%", "支出由120万元增加到
150万元,增长25%" — the rate is (B − A) ÷ A (``yoy_mismatch``); and over years, "由2015年的100万元上升到
2020年的161.05万元,年均增长10%" — the rate is the average growth a year, (B ÷ A)^(1/n) − 1 over the n years
named (``average_growth_mismatch``).

Both figures must be of one kind and unit (two amounts, or two counts of the same 量词), the verb
must go the way the figures go, and the rate follows right after B. A rate the figures' printing
(a 亿元 to one decimal) allows is accepted; a cut one is a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, localcontext

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding
from selfeval_xl.audit.numbers import fmt_amount, fmt_percent, round_half_up
from selfeval_xl.audit.ratios import truncated_value

_UP = ("增加", "增长", "上升", "提高", "升", "增")
_DOWN = ("降低", "下降", "减少", "降", "减")
_MOVE = "|".join(sorted((*_UP, *_DOWN), key=len, reverse=True))
_YEAR = r"(?:(?P<{name}>20\d\d)年(?:度|末|底)?的?)?"
_FROM_TO = re.compile(
    rf"(?:从|由){_YEAR.format(name='y0')}\s*(?P<a>\d[\d,.]*\s*[^\d\s,,、;。]{{1,3}}?)\s*(?:{_MOVE})(?:为|到|至)\s*"
    rf"{_YEAR.format(name='y1')}\s*(?P<b>\d[\d,.]*\s*[^\d\s,,、;。]{{1,3}}?)\s*[,,、]?\s*(?:同比)?(?P<average>年均)?"
    rf"(?P<verb>{_MOVE}|增幅|降幅)(?:了|为|达)?\s*(?P<pct>\d[\d.]*\s*%)"
)
_HUNDRED = Decimal(100)


def _at(own: dict[int, Figure], start: int, kind: FigureKind | None = None) -> Figure | None:
    f = own.get(start)
    return f if f is not None and f.value is not None and (kind is None or f.kind is kind) else None


def _growth(first: Decimal, last: Decimal, years: int) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 28
        if years == 1:
            return (last - first) / first * _HUNDRED
        return ((last / first) ** (Decimal(1) / Decimal(years)) - 1) * _HUNDRED


def _bounds(a: Figure, b: Figure, years: int) -> tuple[Decimal, Decimal]:
    """The rate's range over the figures' printing (a 亿元 to one decimal may be 0.05 亿元 either way)."""
    assert a.value is not None and b.value is not None
    ta, tb = a.tolerance, b.tolerance
    if (not ta and not tb) or a.value <= ta:
        exact = _growth(a.value, b.value, years)
        return exact, exact
    return _growth(a.value + ta, b.value - tb, years), _growth(a.value - ta, b.value + tb, years)


def check_from_to(a: Analysis) -> Iterator[Finding]:
    by_paragraph: dict[int, list[Figure]] | None = None  # built once, for the first paragraph that needs it
    for p in a.paragraphs:
        if "%" not in p.norm or ("从" not in p.norm and "由" not in p.norm):
            continue
        if by_paragraph is None:
            by_paragraph = a.by_paragraph(lambda f: True)
        own = {f.start: f for f in by_paragraph.get(p.index, [])}
        for m in _FROM_TO.finditer(p.norm):
            first, last, pct = _at(own, m.start("a")), _at(own, m.start("b")), _at(own, m.start("pct"), FigureKind.PERCENT)
            if first is None or last is None or pct is None or first.kind is not last.kind or not first.value:
                continue
            if first.kind not in (FigureKind.AMOUNT, FigureKind.COUNT) or (first.kind is FigureKind.COUNT and first.role != last.role):
                continue
            assert first.value is not None and last.value is not None and pct.value is not None
            years = 1
            if m.group("average"):
                if not (m.group("y0") and m.group("y1")) or int(m.group("y1")) <= int(m.group("y0")) or last.value <= 0:
                    continue
                years = int(m.group("y1")) - int(m.group("y0"))
            verb = m.group("verb")
            down = any(w in verb for w in _DOWN) or verb == "降幅"
            if (last.value < first.value) != down or last.value == first.value:
                continue  # the verb and the figures disagree on the direction: not read
            exact = abs(_growth(first.value, last.value, years))
            places = pct.decimals
            low, high = sorted(abs(x) for x in _bounds(first, last, years))
            if round_half_up(low, places) <= pct.value <= round_half_up(high, places):
                continue
            cut = truncated_value(pct.value, places, exact)
            if years > 1:
                code = "average_growth_truncated" if cut else "average_growth_mismatch"
                yield finding(
                    a, code, p.index, pct.start, pct.text, fmt_percent(exact, places if cut else max(places, 2)),
                    first=first.text, last=last.text, years=years, exact=fmt_percent(exact, max(places, 2)),
                )  # fmt: skip
                continue
            change = abs(last.value - first.value)
            shown = fmt_amount(change, first.unit, max(first.decimals, last.decimals, 0), like=first.text) if first.kind is FigureKind.AMOUNT else f"{change}{first.text.lstrip('0123456789.,')}"
            yield finding(
                a, "yoy_truncated" if cut else "yoy_mismatch", p.index, pct.start, pct.text,
                fmt_percent(exact, places if cut else max(places, 2)),
                current=last.text, prior=first.text, prior_label="原", change=shown, exact=fmt_percent(exact, max(places, 2)),
            )  # fmt: skip
