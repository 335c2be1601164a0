"""Unit slips: "项目资金全年预算数2089元" in a text that prints the same figure as "2089万元" elsewhere.

Read only in a text that prints most of its amounts in 万元, for an amount in 元 of at least 10 (no
unit price: "1000元/人"), whose printed number appears in 万元 elsewhere under a name sharing two
characters with its own (预算, 资金 …). The slipped amount is then read at its twin's value by every
other check (its parts and shares add up as the text means them), and the slip itself is reported
once (``unit_slip``, an error of medium confidence: the two prints may be different things).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from decimal import Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding, Paragraph
from selfeval_xl.audit.named import name_before
from selfeval_xl.audit.numbers import printed_digits

_SMALLEST = Decimal(10)


def _number(f: Figure) -> str:
    return printed_digits(f.text)


def _bigrams(text: str) -> set[str]:
    cjk = "".join(c for c in text if "\u4e00" <= c <= "\u9fff")
    return {cjk[i : i + 2] for i in range(len(cjk) - 1)}


def mend_unit_slips(
    paragraphs: Sequence[Paragraph], figures: tuple[Figure, ...]
) -> tuple[tuple[Figure, ...], tuple[tuple[int, int], ...]]:
    """The figures with each slipped 元 amount read at its 万元 twin's value, and the (slip, twin) pairs."""
    amounts = [i for i, f in enumerate(figures) if f.kind is FigureKind.AMOUNT and f.exact and f.value is not None]
    in_wan = [i for i in amounts if figures[i].unit == "万元"]
    if not amounts or len(in_wan) * 2 <= len(amounts):
        return figures, ()  # a text in 元 prints its amounts so
    by_number: dict[str, list[int]] = {}
    for i in in_wan:
        by_number.setdefault(_number(figures[i]), []).append(i)
    slips = []
    for i in amounts:
        f = figures[i]
        if f.unit != "元" or f.value is None or f.value * 10000 < _SMALLEST or not by_number.get(_number(f)):
            continue
        own = _bigrams(name_before(paragraphs[f.paragraph - 1].norm, f.start, 16))
        for j in by_number[_number(f)]:
            if own & _bigrams(name_before(paragraphs[figures[j].paragraph - 1].norm, figures[j].start, 16)):
                slips.append((i, j))
                break
    mended = list(figures)
    for i, j in slips:
        mended[i] = replace(figures[i], value=figures[j].value, unit="万元", decimals=figures[j].decimals)
    return tuple(mended), tuple(slips)


def check_unit_slips(a: Analysis) -> Iterator[Finding]:
    for i, j in a.slips:
        slipped, twin = a.figures[i], a.figures[j]
        where = "本段" if twin.paragraph == slipped.paragraph else f"全文第{twin.paragraph}段"
        yield finding(a, "unit_slip", slipped.paragraph, slipped.start, slipped.text, twin.text, other_place=where)
