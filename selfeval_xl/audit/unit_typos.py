"""Unit typos a relation reveals: "比上年同期165,196万元增支6,050万元,…科学技术支出259万元,比上年同期增加
120元" — the change adds up when 120元 is read as 120万元. In a text that prints most of its amounts in
万元, an error finding whose paragraph holds an amount in 元 is tried again with that amount read as
万元 (the printed number, the unit the text uses); when errors of the document that name the amount
go away and no new one comes, the errors are dropped and one warning names the amount
(``unit_typo``: the figures agree once the unit is mended, so which print is wrong is for the author
to say). Without it the finding would state nonsense ("应为1200000元", "增长应为0.0%").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding, Severity
from selfeval_xl.audit.text import sentence_bounds

_WAN = Decimal(10000)
_TRIES = 8  # amounts tried per document, at most


def _key(f: Finding) -> tuple[str, int, str | None]:
    return (f.code, f.paragraph, f.stated)


def mend_unit_typos(
    a: Analysis,
    found: tuple[Finding, ...],
    relink: Callable[[tuple[Figure, ...]], Analysis],
    check: Callable[[Analysis], tuple[Finding, ...]],
) -> tuple[Finding, ...]:
    """``found`` with the errors an amount's mended unit explains replaced by a ``unit_typo`` warning."""
    figures = a.figures
    amounts = [f for f in figures if f.kind is FigureKind.AMOUNT and f.exact and f.value is not None]
    if sum(f.unit == "万元" for f in amounts) * 2 <= len(amounts):
        return found  # a text in 元 prints its amounts so
    wrong = {f.paragraph for f in found if f.severity is Severity.ERROR}
    tries = [
        i
        for i, f in enumerate(figures)
        if f in amounts and f.unit == "元" and f.paragraph in wrong and not _unit_price(a, f) and _alone(a, f)
    ][:_TRIES]
    typos: list[Figure] = []
    for i in tries:
        f = figures[i]
        mended = list(figures)
        mended[i] = replace(f, value=(f.value or Decimal(0)) * _WAN, unit="万元")
        again = check(relink(tuple(mended)))
        before = {_key(x): x for x in found if x.severity is Severity.ERROR}
        after = {_key(x) for x in again if x.severity is Severity.ERROR}
        gone = [before[key] for key in before.keys() - after]
        # errors only go away, and each of them was about this amount
        if after < before.keys() and all(f.text in (x.stated or "") + x.message for x in gone):
            figures, found = tuple(mended), again
            typos.append(f)
    if not typos:
        return found
    extra = tuple(finding(a, "unit_typo", f.paragraph, f.start, f.text, f.text.removesuffix("元").rstrip() + "万元") for f in typos)
    return tuple(sorted(set(found) | set(extra), key=Finding.sort_key))


def _alone(a: Analysis, f: Figure) -> bool:
    """The only amount in 元 of its sentence ("生均支出13248.56元,比上年17049.52元": a sentence in 元 is
    so on purpose)."""
    start, end = sentence_bounds(a.paragraph(f.paragraph).norm, f.start)
    near = [g for g in a.figures if g.paragraph == f.paragraph and start <= g.start < end and g.kind is FigureKind.AMOUNT]
    return [g.unit for g in near].count("元") == 1


def _unit_price(a: Analysis, f: Figure) -> bool:
    """ "1000元/人", "每人每月300元": a price, printed in 元 on purpose."""
    norm = a.paragraph(f.paragraph).norm
    after = norm[f.start + len(f.text) : f.start + len(f.text) + 2]
    return after.startswith("/") or "每" in norm[max(0, f.start - 6) : f.start]
