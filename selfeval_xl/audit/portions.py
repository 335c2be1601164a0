"""Portions stated before their amount: "总保费1293.45万元,中央财政补贴47.5%为614.39万元,省级财政补贴32.5%为
420.37万元" — each amount after "X%为" is that percentage of the whole printed before it in the sentence.

The whole is the nearest exact amount before the first portion of the sentence, in the same unit,
not itself a portion. Read only in that form ("X%为" right before the amount); an amount in another
unit than its whole ("为420.37元" beside 万元) is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding
from selfeval_xl.audit.named import name_before, printed_name
from selfeval_xl.audit.ratios import percent_finding
from selfeval_xl.audit.text import sentence_bounds

_IS = re.compile(r"\s*为\s*$")


def check_portions(a: Analysis) -> Iterator[Finding]:
    figs = a.figures
    for k in range(1, len(figs) - 1):
        pct, amount = figs[k], figs[k + 1]
        if pct.kind is not FigureKind.PERCENT or amount.kind is not FigureKind.AMOUNT or amount.paragraph != pct.paragraph:
            continue
        norm = a.paragraph(pct.paragraph).norm
        if not pct.exact or not amount.exact or not _IS.match(norm[pct.start + len(pct.text) : amount.start]):
            continue
        whole = _whole(a, norm, k)
        if whole is None or whole.unit != amount.unit or not whole.value:
            continue
        found = percent_finding(
            a, pct, amount, whole, ("share_mismatch", "share_truncated"), subject=name_before(norm, pct.start, 12),
            amount=amount.text, denominator=printed_name(norm, whole.start) or "", base=whole.text,
        )  # fmt: skip
        if found is not None:
            yield found


def _whole(a: Analysis, norm: str, k: int) -> Figure | None:
    """The amount before the sentence's first portion: "总保费1293.45万元,中央财政补贴47.5%为…"."""
    figs = a.figures
    s0, _ = sentence_bounds(norm, figs[k].start)
    j = k - 1
    while j >= 0 and figs[j].paragraph == figs[k].paragraph and figs[j].start >= s0:
        f = figs[j]
        portion = j >= 1 and figs[j - 1].kind is FigureKind.PERCENT and _IS.match(norm[figs[j - 1].start + len(figs[j - 1].text) : f.start])
        if f.kind is FigureKind.AMOUNT and not portion:
            return f if f.exact and not f.comparative else None
        j -= 1
    return None
