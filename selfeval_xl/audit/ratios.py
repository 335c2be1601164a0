"""Percentages against the amounts they are computed from, at the decimals they are printed with.

Amounts printed coarser than 0.01 万元 carry half a unit of their last digit (``Figure.tolerance``,
``ratio_tolerances``); a percentage matches when it lies within the range those allow, rounded
half up at its own decimals. A printed value that is the exact one cut, not rounded, is a
*truncation* (a warning that shows both values).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from unicodedata import normalize

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Figure, Finding, ratio_tolerances
from selfeval_xl.audit.numbers import fmt_percent, round_half_up
from selfeval_xl.audit.plausible import over_whole
from selfeval_xl.core.numbers import apportion

_HUNDRED = Decimal(100)


def ratio_matches(stated: Figure, num: Figure, den: Figure) -> tuple[bool, Decimal]:
    """Does the printed percentage equal num/den at its printed precision? (and the exact ratio)"""
    assert stated.value is not None and num.value is not None and den.value is not None
    exact = num.value / den.value * _HUNDRED
    low, high = _ratio_range(stated, num, den, printed=False)
    places = min(stated.decimals, 4)
    return round_half_up(low, places) <= stated.value <= round_half_up(high, places), exact


def _ratio_range(stated: Figure, num: Figure, den: Figure, *, printed: bool) -> tuple[Decimal, Decimal]:
    assert num.value is not None and den.value is not None
    exact = num.value / den.value * _HUNDRED
    num_tol, den_tol = ratio_tolerances(stated, num, den, printed=printed)
    low_den, high_den = den.value + den_tol, den.value - den_tol
    low = (num.value - num_tol) / low_den * _HUNDRED
    high = (num.value + num_tol) / high_den * _HUNDRED if high_den > 0 else exact
    return low, high


def rounding_range(stated: Figure, low: Decimal, high: Decimal) -> dict[str, str] | None:
    """The range (as ``low``/``high`` message parameters) when the printed percentage lies within what its
    amounts allow read as rounded prints (``ratio_tolerances(printed=True)``), else None. Such a gap is not
    proven: a department computes from unrounded 元 figures ("比2019年减少18.17万元,下降57.41%" of 31.66万元
    gives 57.39%, yet 18.165/31.655 gives 57.38% and 18.175/31.645 57.43%)."""
    assert stated.value is not None
    places = min(stated.decimals, 4)
    if not round_half_up(low, places) <= stated.value <= round_half_up(high, places):
        return None
    return {"low": fmt_percent(round_half_up(low, places), places), "high": fmt_percent(round_half_up(high, places), places)}


def truncated_value(stated: Decimal, places: int, exact: Decimal) -> bool:
    """Is ``stated`` the exact value cut (not rounded) at ``places`` decimals?"""
    step = Decimal(1).scaleb(-places)
    return exact.quantize(step, rounding=ROUND_DOWN) == stated != round_half_up(exact, places)


def percent_expected(stated: Figure, exact: Decimal, finer: int = 2) -> tuple[bool, str, str]:
    """(cut, expected, exact) for a percentage that does not match: a cut value expects the exact one
    rounded half up at the printed decimals ("18%" -> "19%"); a wrong one the exact value at ``finer``
    decimals or more ("18.75%"), printed either way as ``exact``."""
    precise = fmt_percent(exact, max(finer, stated.decimals))
    if truncated(stated, exact):
        # the exact value two decimals finer than the print, so that it differs from what rounding gives
        # ("为1.1399%，四舍五入应为1.14%", not "为1.14%，四舍五入应为1.14%")
        return True, fmt_percent(exact, min(stated.decimals, 4)), fmt_percent(exact, stated.decimals + 2)
    return False, precise, precise


def truncated(stated: Figure, exact: Decimal) -> bool:
    """Is the printed percentage the exact value cut (not rounded) at its printed decimals?
    A 0.01-point slip of that kind is a warning that shows both values, not an error."""
    if stated.value is None:
        return False
    return truncated_value(stated.value, min(stated.decimals, 4), exact)


def percent_finding(
    a: Analysis, pct: Figure, num: Figure, den: Figure, codes: tuple[str, str], **params: object
) -> Finding | None:
    """None when ``pct`` is ``num`` ÷ ``den`` at its printed decimals; else the finding, under the first
    of ``codes`` (a wrong percentage) or the second (a cut one), with the exact value as ``exact``."""
    ok, exact = ratio_matches(pct, num, den)
    if _doubled(a.paragraph(pct.paragraph).norm, pct) or (ok and not truncated(pct, exact)):
        return None
    cut, expected, precise = percent_expected(pct, exact)
    if codes[0] == "share_mismatch" and pct.value is not None and over_whole(exact, pct.value):
        # "固定资产332亿元,占市级资产总额32.4%" beside 209亿元: a part larger than the whole it was read against
        return finding(a, "share_over_whole", pct.paragraph, pct.start, pct.text, expected, exact=precise, **params)
    if not cut and (span := rounding_range(pct, *_ratio_range(pct, num, den, printed=True))) is not None:
        return finding(a, "percent_within_rounding", pct.paragraph, pct.start, pct.text, expected, exact=precise, **span)
    return finding(a, codes[cut], pct.paragraph, pct.start, pct.text, expected, exact=precise, **params)


def _doubled(norm: str, pct: Figure) -> bool:
    """A percentage printed twice back to back ("完成率69.23%69.23%"): the page doubles each run of its text, so
    its counts ("1313 個" for 13) are not to be read."""
    size = len(pct.text)
    here, after = (normalize("NFKC", norm[at : at + size]) for at in (pct.start, pct.start + size))
    before = normalize("NFKC", norm[max(0, pct.start - size) : pct.start])
    return here in (after, before)  # digits typed full-width ("６９．２３％６９．２３％") alike


def change_percent_range(
    pct: Figure, change: Figure, current: Figure, prior: Figure | None, sign: int, change_value: Decimal, *, printed: bool
) -> tuple[Decimal, Decimal, Decimal, Decimal] | None:
    """(low, high) of a change's percentage and (low, high) of its base: against the prior year's printed
    figure, or, without one, against this year's less the change, each amount within its tolerance."""
    assert current.value is not None and change.value is not None
    if prior is not None and prior.value is not None:
        change_tol, _, prior_tol = ratio_tolerances(pct, change, current, prior, printed=printed, change=True)
        low_prior, high_prior = prior.value - prior_tol, prior.value + prior_tol
    else:
        change_tol, current_tol = ratio_tolerances(pct, change, current, printed=printed, change=True)
        base = current.value - sign * change.value
        low_prior, high_prior = base - current_tol - change_tol, base + current_tol + change_tol
    if low_prior <= 0:
        return None
    low = (change_value - change_tol) / high_prior * _HUNDRED
    return max(low, Decimal(0)), (change_value + change_tol) / low_prior * _HUNDRED, low_prior, high_prior


def remainder_moved(shares: Sequence[tuple[Figure, Decimal, Decimal]]) -> bool:
    """Do shares of one whole, each (printed share, its part, the whole) in the order printed, add up to exactly 100%
    where each rounded on its own would not, the rounding remainder (尾差) moved as shares that must add up are
    printed: by largest remainder (as this tool prints its own, ``core.numbers.apportion``), or all of it onto the last
    item (100% less the others)? Then none of them is a wrong share. A move onto any other item stays one."""
    places = {pct.decimals for pct, _, _ in shares if pct.value}  # ("占0%" of a part of 0万元 is exact at any decimals)
    if len(shares) < 2 or len(places) != 1 or any(pct.value is None or not whole for pct, _, whole in shares):
        return False
    printed = [pct.value or Decimal(0) for pct, _, _ in shares]
    if sum(printed, Decimal(0)) != 100:
        return False
    step = Decimal(1).scaleb(-places.pop())
    exact = [part / whole * 100 for _, part, whole in shares]
    own = [e.quantize(step, ROUND_HALF_UP) for e in exact]
    if own == printed:
        return False  # nothing moved: the shares are right as they are
    largest, _ = apportion(Decimal(100), exact, step)
    return printed == largest or printed[:-1] == own[:-1]
