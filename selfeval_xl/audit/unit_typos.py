"""Unit typos a relation reveals: "比上年同期165,196万元增支6,050万元,…科学技术支出259万元,比上年同期增加
120元" — the change adds up when 120元 is read as 120万元. In a text that prints most of its amounts in
万元, an error finding whose paragraph holds an amount in 元 is tried again with that amount read as
万元 (the printed number, the unit the text uses); when errors of the document that name the amount
go away and no new one comes, the errors are dropped and one warning names the amount
(``unit_typo``: the figures agree once the unit is mended, so which print is wrong is for the author
to say). Without it the finding would state nonsense ("应为1200000元", "增长应为0.0%").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from decimal import Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding, Severity
from selfeval_xl.audit.text import sentence_bounds

_TRIES = 8  # amounts tried per document, at most
_BACK = 3  # paragraphs before the amount's audited with it
_WINDOW = 20_000  # characters of a window, at most


def _errors(found: Iterable[Finding]) -> dict[tuple[str, str | None], Finding]:
    return {(x.code, x.stated): x for x in found if x.severity is Severity.ERROR}


def mend_unit_typos(
    a: Analysis, found: tuple[Finding, ...], audit: Callable[[Sequence[str]], tuple[Finding, ...]]
) -> tuple[Finding, ...]:
    """``found`` with the errors an amount's mended unit explains replaced by a ``unit_typo`` warning.

    Each try audits the amount's paragraph with the few before it (``_BACK``: how far a change or a
    list looks back for its figures) as printed and as mended, so a try costs a window, never the
    whole text."""
    amounts = [f for f in a.figures if f.kind is FigureKind.AMOUNT and f.exact and f.value is not None]
    if sum(f.unit == "万元" for f in amounts) * 2 <= len(amounts):
        return found  # a text in 元 prints its amounts so
    wrong = {f.paragraph for f in found if f.severity is Severity.ERROR}
    # ("1000元/人" is no exact amount: extract reads it as a price)
    tries = [f for f in amounts if f.unit == "元" and f.paragraph in wrong and not _per_head(a, f)]
    typos: list[Figure] = []
    dropped: set[tuple[int, str, str | None]] = set()
    done: set[int] = set()
    for f in tries[:_TRIES]:
        group = _sentence_group(a, f)
        if not group or id(f) in done:
            continue
        done |= {id(g) for g in group}
        lo = max(1, f.paragraph - _BACK)
        texts = [a.paragraph(k).text for k in range(lo, f.paragraph + 1)]
        if sum(map(len, texts)) > _WINDOW:
            continue  # a run-on page of one paragraph: a try would cost the whole text
        last = texts[-1]
        if any(last[g.start : g.start + len(g.text)] != g.text or not g.text.endswith("元") for g in group):
            continue  # the printed text and its normalised copy part here: not tried
        mended = last
        for g in sorted(group, key=lambda g: -g.start):
            end = g.start + len(g.text)
            mended = mended[: end - 1] + "万元" + mended[end:]
        before = _errors(audit(texts))
        after = _errors(audit([*texts[:-1], mended]))
        gone = [before[key] for key in before.keys() - after.keys()]
        # errors only go away, and each of them was about one of these amounts
        if gone and after.keys() < before.keys() and all(any(g.text in (x.stated or "") + x.message for g in group) for x in gone):
            typos.extend(group)
            dropped |= {(k, x.code, x.stated) for x in gone for k in range(lo, f.paragraph + 1)}
    if not typos:
        return found
    kept = [x for x in found if x.severity is not Severity.ERROR or (x.paragraph, x.code, x.stated) not in dropped]
    extra = [typo_finding(a, f) for f in typos]
    return tuple(sorted(set(kept) | set(extra), key=Finding.sort_key))


def _sentence_group(a: Analysis, f: Figure) -> list[Figure]:
    """The amounts in 元 of the sentence of ``f``, tried together: one ("…比上年同期增加120元"), or up to
    three among more in 万元 ("收入88435元,…其中:税收收入39029元,…;非税收入49406万元,…"); none when
    the sentence is in 元 on purpose ("生均支出13248.56元,比上年17049.52元")."""
    start, end = sentence_bounds(a.paragraph(f.paragraph).norm, f.start)
    lo = bisect_left(a.figures, (f.paragraph, start), key=lambda g: (g.paragraph, g.start))
    hi = bisect_left(a.figures, (f.paragraph, end), key=lambda g: (g.paragraph, g.start))
    near = [g for g in a.figures[lo:hi] if g.kind is FigureKind.AMOUNT]
    yuan = [g for g in near if g.unit == "元" and g.exact and g.value is not None and not _per_head(a, g)]
    if len(yuan) == 1 or (len(yuan) <= 3 and sum(g.unit == "万元" for g in near) > len(yuan)):
        return yuan
    return []


def _per_head(a: Analysis, f: Figure) -> bool:
    """ "每人每月300元": a rate per head, printed in 元 on purpose."""
    return "每" in a.paragraph(f.paragraph).norm[max(0, f.start - 6) : f.start]


def typo_finding(a: Analysis, f: Figure) -> Finding:
    """The ``unit_typo`` warning naming an amount printed in 元 and the same number in 万元."""
    return finding(a, "unit_typo", f.paragraph, f.start, f.text, f.text.removesuffix("元").rstrip() + "万元")


def read_as_wan(f: Figure) -> Figure:
    """The amount printed in 元 read as the same number of 万元."""
    return replace(f, value=(f.value or Decimal(0)) * 10000, unit="万元")


def list_read_as_wan(parent: Figure, children: Sequence[Figure]) -> bool:
    """Are the parts, all printed in 元 under a total that is not, its parts once read as 万元, within half a unit of
    each one's last digit ("收入520.33万元。其中:…312.456789元,…207.873211元")?"""
    if parent.value is None or parent.unit == "元" or len(children) < 2 or any(c.unit != "元" or c.value is None for c in children):
        return False
    mended = sum((read_as_wan(c).value or Decimal(0) for c in children), Decimal(0))
    slack = parent.tolerance + sum((Decimal(5).scaleb(-c.decimals - 1) for c in children), Decimal(0))
    return abs(mended - parent.value) <= slack
