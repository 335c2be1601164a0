"""Year over year: this year's figures against last year's workbook. Pure.

``compare`` gives the change of the totals and main parts (同比增加/减少 X万元, 增长/下降 Y%), from
the presented (0.01 万元) amounts of both years; ``swing_issues`` warns where a part moved by more
than ``SWING_PERCENT`` and the 说明 cell of that line in 预算支出 is empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from selfeval_xl.core.model import Issue, Model, Severity
from selfeval_xl.core.numbers import HUNDRED, fmt_amount, fmt_percent, round_half_up
from selfeval_xl.figures.compute import Results
from selfeval_xl.workbook import layout

SWING_PERCENT = Decimal(30)  # a change larger than this (either way) needs a word in 说明
KEYS = ("total", "basic", "personnel", "public", "project")


@dataclass(frozen=True, slots=True)
class Change:
    key: str
    previous: Decimal
    current: Decimal

    @property
    def delta(self) -> Decimal:
        return self.current - self.previous

    @property
    def percent(self) -> Decimal | None:
        """Change in percent of last year, 2 dp; None when last year was zero."""
        if self.previous == 0:
            return None
        return round_half_up(self.delta / self.previous * HUNDRED)


def compare(current: Results, previous: Results) -> tuple[Change, ...]:
    return tuple(Change(key, getattr(previous, key), getattr(current, key)) for key in KEYS)


def compare_entered(model: Model, current: Results) -> tuple[Change, ...]:
    """同比 from the 上年执行数 column of 预算支出 (a workbook made by ``new-year`` carries it), for the lines
    where it is filled; empty when none is."""
    changes = []
    for key in KEYS:
        line = model.budget.get(key)
        if line is not None and line.previous is not None:
            changes.append(Change(key, round_half_up(line.previous), getattr(current, key)))
    return tuple(changes)


def swing_issues(model: Model, changes: tuple[Change, ...], previous_year: int | None) -> list[Issue]:
    found = []
    year = model.info.year
    if year is not None and previous_year is not None and previous_year != year - 1:
        found.append(Issue("previous_year_mismatch", Severity.WARNING, model.info.refs.get("year"),
                           (("previous", str(previous_year)), ("year", str(year)))))
    for change in changes:
        line = model.budget.get(change.key)
        if line is None or line.note.strip():
            continue
        percent = change.percent
        big = (percent is not None and abs(percent) > SWING_PERCENT) or (change.previous == 0 and change.current > 0)
        if big:
            shown = fmt_percent(percent) if percent is not None else "—"
            found.append(Issue("large_swing", Severity.WARNING, line.refs.get("note"), tuple(sorted((
                ("item", layout.BUDGET_ITEM_NAMES[change.key]), ("previous", f"{fmt_amount(change.previous)} 万元"),
                ("current", f"{fmt_amount(change.current)} 万元"), ("percent", shown),
                ("threshold", fmt_percent(SWING_PERCENT)))))))
    return found
