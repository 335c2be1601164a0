"""Which amount before a year-on-year change is the level it is of: never an aside in brackets, and last
year's when the change leads back from it to this year's printed just before."""

from __future__ import annotations

from selfeval_xl.audit.model import Analysis, Figure
from selfeval_xl.audit.years import against_budget, direction, judge


def not_of_change(norm: str, fig: Figure, at: int) -> bool:
    """Never the figure a change printed at ``at`` is of: a change against the budget, or an aside in brackets
    closed before it ("财政拨款预算数37813.3万元(含…西部计划20168万元),比2012年…增加2238.58万元")."""
    if against_budget(norm, fig):
        return True
    opened = norm.rfind("(", max(0, fig.start - 40), fig.start)
    return opened >= 0 and norm.find(")", opened, fig.start) < 0 and norm.find(")", fig.start, min(at, fig.start + 80)) >= 0


def prior_printed_nearest(
    a: Analysis, verbs: list[str], change: Figure, pct: Figure, before: list[Figure], current: Figure, prior: Figure | None
) -> bool:
    """Is the amount nearest the change last year's, this year's printed before it ("一般公共预算拨款收入240万元,2024年
    收入预算总计363.13万元,同比降低123.13万元,下降33.91%": 363.13 − 123.13 = 240), with the change right so read?"""
    if prior is not None or current.value is None or change.value is None:
        return False
    then = current.value + direction(verbs[0]) * change.value
    earlier = [f for f in before[-4:] if f.start < current.start]  # the few printed just before it
    return any(f.value == then and not any(True for _ in judge(a, verbs, change, pct, f, current)) for f in earlier)
