"""Budget adjustments and budget gaps stated as amounts:

- "一般公共预算收入由年初的76138万元调整为89138万元,调增13000万元": the adjustment is the new figure less the
  old (``adjustment_mismatch``);
- "一般公共预算收入42100万元,完成预算49531万元的85.0%,短收7431万元": the shortfall (短收/短支) or excess
  (超收/超支) is the difference between what was done and the budget (``budget_gap_mismatch``); the
  percentage itself is the rates check's.

The verb must go the way the figures go (an 调增 of a figure that fell is not read), and the figures'
printing is allowed for (a 亿元 to one decimal may be 0.05 亿元 either way).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding
from selfeval_xl.audit.numbers import fmt_amount

_MONEY = r"\d[\d,.]*\s*(?:亿|万|千)?元"
_ADJUSTED = re.compile(
    rf"由(?:年初(?:预算)?(?:数)?的?)?\s*(?P<a>{_MONEY})\s*调整(?:为|到|至)\s*(?P<b>{_MONEY})\s*[,,]?\s*"
    rf"(?:共|合计|净)?(?P<verb>调增|调减|增加|减少|追加|核减|压减)了?\s*(?P<c>{_MONEY})"
)
_GAP = re.compile(
    rf"(?P<x>{_MONEY})\s*[,,]\s*(?:完成|占|为)(?:年初|调整后?的?|全年)?预算(?:数)?的?\s*(?P<a>{_MONEY})\s*的\s*"
    rf"\d[\d.]*\s*%\s*[,,]\s*(?P<verb>短收|超收|短支|超支)\s*(?P<c>{_MONEY})"
)
_UP = ("调增", "增加", "追加", "超收", "超支")


def _amount(own: dict[int, Figure], start: int) -> Figure | None:
    f = own.get(start)
    return f if f is not None and f.kind is FigureKind.AMOUNT and f.exact and f.value is not None else None


def check_adjustment_amounts(a: Analysis) -> Iterator[Finding]:
    by_paragraph: dict[int, list[Figure]] | None = None
    for p in a.paragraphs:
        if "调整" not in p.norm and not any(verb in p.norm for verb in ("短收", "超收", "短支", "超支")):
            continue
        if by_paragraph is None:
            by_paragraph = a.by_paragraph(lambda f: True)
        own = {f.start: f for f in by_paragraph.get(p.index, [])}
        for pattern, code, first, second in (
            (_ADJUSTED, "adjustment_mismatch", "a", "b"),
            (_GAP, "budget_gap_mismatch", "a", "x"),
        ):
            for m in pattern.finditer(p.norm):
                before, after, stated = (
                    _amount(own, m.start(first)),
                    _amount(own, m.start(second)),
                    _amount(own, m.start("c")),
                )
                if before is None or after is None or stated is None:
                    continue
                assert before.value is not None and after.value is not None and stated.value is not None
                diff = after.value - before.value
                if not diff or (diff > 0) != (m.group("verb") in _UP):
                    continue  # the verb and the figures disagree on the direction: not read
                if abs(abs(diff) - stated.value) <= before.tolerance + after.tolerance + stated.tolerance:
                    continue
                places = max(stated.decimals, 2 if stated.unit == "万元" else 0)
                expected = fmt_amount(abs(diff), stated.unit, places, like=stated.text)
                yield finding(
                    a, code, p.index, stated.start, stated.text, expected,
                    before=before.text, after=after.text, verb=m.group("verb"),
                )  # fmt: skip
