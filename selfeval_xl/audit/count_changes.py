"""Year-on-year changes of counts: "年末实有人数49人,比上年末47人增加2人" (the change against both counts printed,
``yoy_change_mismatch``), and "国内公务接待50批次,比上年减少10批次,下降16.7%", "年末实有人数50人,比上年增加5人,
增长11.1%" — the percentage is the change over last year's count (this year's less or plus the change), at its
printed decimals (``yoy_mismatch``; a cut value is ``yoy_truncated``).

This year's count is the nearest before the comparison in its sentence with the same measure word ("接待50
批次400人次,较上年减少10批次": 50 批次, not 400 人次); the change and the percentage must go the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from selfeval_xl.audit.findings import change_finding, finding
from selfeval_xl.audit.model import Analysis, Figure, Finding
from selfeval_xl.audit.numbers import decimals_of, fmt_percent, parse_decimal, round_half_up
from selfeval_xl.audit.ratios import truncated_value
from selfeval_xl.audit.text import sentence_bounds

_UNITS = "批次|人次|人|辆|个|家|项|次|名|户|件|台|套|所"
_UP = ("增加", "增长", "上升", "提高")  # the verbs of a rise; the others are of a fall
_CHANGE = re.compile(
    r"(?:比|较)(?:上年|去年|上一年|20\d\d年)度?(?:同期)?\s*(?P<verb>增加|减少)了?\s*(?P<change>\d+)\s*"
    rf"(?P<unit>{_UNITS})\s*[,,]\s*(?:同比)?(?P<verb2>增长|上升|提高|下降|降低|减少|增加)了?\s*(?P<pct>\d+(?:\.\d+)?)\s*%"
)
_HUNDRED = Decimal(100)


def _counts(norm: str, start: int, end: int, unit: str) -> list[re.Match[str]]:
    """The counts in ``unit`` printed between ``start`` and ``end`` ("人", never the "人" of "人次")."""
    return list(re.compile(rf"(?<![\d.])(\d+)\s*{unit}(?!次)").finditer(norm, start, end))


def check_count_changes(a: Analysis) -> Iterator[Finding]:
    for p in a.paragraphs:
        if "%" not in p.norm:
            continue
        for m in _CHANGE.finditer(p.norm):
            verb, verb2 = m.group("verb"), m.group("verb2")
            if (verb in _UP) != (verb2 in _UP):
                continue  # "减少5人,增长…": not one change
            unit = m.group("unit")
            s0, _ = sentence_bounds(p.norm, m.start())
            # this year's count: the last one before the comparison with the same measure word ("人", not "人次")
            counts = _counts(p.norm, s0, m.start(), unit)
            if not counts:
                continue
            current, change = Decimal(counts[-1].group(1)), Decimal(m.group("change"))
            prior = current - change if verb in _UP else current + change
            if prior <= 0:
                continue
            exact = change / prior * _HUNDRED
            stated, places = parse_decimal(m.group("pct")), min(decimals_of(m.group("pct")), 4)
            if round_half_up(exact, places) == stated:
                continue
            cut = truncated_value(stated, places, exact)
            pos = m.start("pct")
            yield finding(
                a, "yoy_truncated" if cut else "yoy_mismatch", p.index, pos, m.group("pct") + "%",
                fmt_percent(exact, max(places, 1)), current=f"{current}{unit}", prior_label="上年", prior=f"{prior}{unit}",
                change=f"{change}{unit}", exact=fmt_percent(exact, max(places, 2)),
            )  # fmt: skip


# "2023年末退休人员150人,比2022年末149人增加1人", "公务用车保有量5辆,比上年8辆减少3辆,下降37.5%": last year's count inside
# the comparison, then the change in the same measure word
_PRIOR_CHANGE = re.compile(
    r"(?:比|较)(?:上年|去年|上一年|20\d\d年)度?(?:年?末|底|同期)?\s*(?P<prior>\d+)\s*"
    rf"(?P<unit>{_UNITS})(?!次)\s*(?:相比\s*,?\s*)?(?P<verb>增加|减少)了?\s*(?P<change>\d+)\s*(?P=unit)(?!次)"
)


def check_count_levels(a: Analysis) -> Iterator[Finding]:
    """A change of a count against this year's count (the nearest before, same measure word, in its sentence) and
    last year's printed in the comparison: the change must be their difference, the right way."""
    at: dict[tuple[int, int], Figure] | None = None
    for p in a.paragraphs:
        if "比" not in p.norm and "较" not in p.norm:
            continue
        for m in _PRIOR_CHANGE.finditer(p.norm):
            unit = m.group("unit")
            s0, _ = sentence_bounds(p.norm, m.start())
            counts = _counts(p.norm, s0, m.start(), unit)
            if not counts:
                continue
            at = at if at is not None else {(f.paragraph, f.start): f for f in a.figures}
            found = [at.get((p.index, k)) for k in (counts[-1].start(1), m.start("prior"), m.start("change"))]
            if any(f is None or f.value is None for f in found):
                continue
            # as printed with the measure word the change is in ("400人次", not the "400人" a count reads)
            current, prior, change = (replace(f, text=f"{f.value}{unit}") for f in found if f is not None)
            sign = 1 if m.group("verb") in _UP else -1
            diff = (current.value - prior.value) * sign  # type: ignore[operator]
            if diff == change.value:
                continue
            yield change_finding(a, change, f"{abs(diff)}{unit}", current, prior, m.group("verb"), sign)
