"""The 自评表 scores (domain.md §2.2–2.3): execution rate, each indicator, total and grade. Pure.

Rules, each a small function so a province's variant can replace one without touching the rest:

* 预算执行率 = 全年执行数 ÷ 全年预算数 of 年度资金总额 (derived: ``figures.funds``), shown to 0.01%; its score is
  min(rate, 100%) × the execution weight (10), from the *shown* rate so a reader can redo it.
* Quantitative, positive (≥, =): full weight when actual ≥ target, else weight × actual ÷ target.
* Quantitative, reverse (≤): full weight when actual ≤ target, else weight × target ÷ actual.
* Qualitative (定性): three bands of the weight — 达成 [80%, 100%], 部分达成 [60%, 80%),
  未达成 [0, 60%) — with a default coefficient per band; a manual 自评得分 inside its band
  replaces the default, one outside it is reported and ignored.
* Scores are rounded to 0.01 (ROUND_HALF_UP) and never exceed the weight; the total is the sum of
  the *shown* scores, so the table adds up; the grade is read off the shown total.

Presets (weights) and thresholds live here, in one place; the workbook selects a preset by name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from selfeval_xl.core.model import Indicator, Model
from selfeval_xl.core.numbers import HUNDRED, round_half_up
from selfeval_xl.figures.funds import FundLine, fund_lines
from selfeval_xl.workbook import layout

ZERO = Decimal(0)
EXECUTION_WEIGHT = Decimal(10)


@dataclass(frozen=True, slots=True)
class Preset:
    name: str
    level1_weights: tuple[tuple[str, Decimal], ...]  # required weight per 一级指标; empty: any split
    indicators_total: Decimal  # Σ indicator weights (100 − execution weight)


PRESETS: dict[str, Preset] = {
    layout.SCORING_PRESETS[0]: Preset(layout.SCORING_PRESETS[0], (
        ("产出指标", Decimal(50)), ("效益指标", Decimal(30)), ("满意度指标", Decimal(10))), Decimal(90)),
    layout.SCORING_PRESETS[1]: Preset(layout.SCORING_PRESETS[1], (), Decimal(90)),
}
DEFAULT_PRESET = PRESETS[layout.SCORING_PRESETS[0]]


@dataclass(frozen=True, slots=True)
class Band:
    low: Decimal  # coefficient, inclusive
    high: Decimal  # coefficient; inclusive only for 达成
    default: Decimal

    def contains(self, coefficient: Decimal) -> bool:
        return self.low <= coefficient <= self.high if self.high == 1 else self.low <= coefficient < self.high


BANDS: dict[str, Band] = {
    "达成": Band(Decimal("0.8"), Decimal(1), Decimal(1)),
    "部分达成": Band(Decimal("0.6"), Decimal("0.8"), Decimal("0.7")),
    "未达成": Band(ZERO, Decimal("0.6"), Decimal("0.3")),
}
DEFAULT_OVER_FACTOR = Decimal("1.5")  # actual above target × this needs a 偏差原因

GRADES = ((Decimal(90), "优"), (Decimal(80), "良"), (Decimal(60), "中"), (ZERO, "差"))


@dataclass(frozen=True, slots=True)
class IndicatorScore:
    indicator: Indicator
    weight: Decimal
    computed: Decimal | None  # by the rules, 2 dp; None when the inputs do not allow it
    score: Decimal  # what the table shows
    manual_used: bool


@dataclass(frozen=True, slots=True)
class Scoring:
    preset: Preset
    execution_adjusted: Decimal | None
    execution_executed: Decimal | None
    execution_rate: Decimal | None  # percent, 2 dp
    execution_score: Decimal
    indicators: tuple[IndicatorScore, ...]
    level1_scores: tuple[tuple[str, Decimal, Decimal], ...]  # (一级, score, weight)
    total: Decimal
    grade: str
    funds: Mapping[str, FundLine] = field(default_factory=dict)  # the funds block, derived (figures.funds)


def grade_of(total: Decimal) -> str:
    return next((name for floor, name in GRADES if total >= floor), GRADES[-1][1])


def preset_of(model: Model) -> Preset:
    return PRESETS.get(model.scoring_preset, DEFAULT_PRESET)


def execution_score(rate_percent: Decimal | None, weight: Decimal = EXECUTION_WEIGHT) -> Decimal:
    if rate_percent is None:
        return ZERO
    return round_half_up(max(ZERO, min(rate_percent, HUNDRED)) / HUNDRED * weight)


def quantitative_score(direction: str, target: Decimal, actual: Decimal, weight: Decimal) -> Decimal:
    if direction == "≤":
        ratio = Decimal(1) if actual <= target or actual == 0 else target / actual
    else:  # ≥ and = are positive
        ratio = Decimal(1) if actual >= target or target == 0 else actual / target
    ratio = max(ZERO, min(ratio, Decimal(1)))
    return round_half_up(weight * ratio)


def qualitative_score(rating: str, weight: Decimal) -> Decimal | None:
    band = BANDS.get(rating)
    return round_half_up(weight * band.default) if band else None


def manual_in_band(rating: str, manual: Decimal, weight: Decimal) -> bool:
    band = BANDS.get(rating)
    return band is not None and weight > 0 and band.contains(manual / weight)


def score_indicator(ind: Indicator) -> IndicatorScore:
    weight = ind.weight if ind.weight is not None and ind.weight > 0 else ZERO
    computed: Decimal | None
    if ind.qualitative:
        computed = qualitative_score(ind.rating, weight)
        if ind.manual is not None and computed is not None and manual_in_band(ind.rating, ind.manual, weight):
            return IndicatorScore(ind, weight, computed, round_half_up(ind.manual), True)
    elif ind.target is not None and ind.actual is not None and ind.direction in ("≥", "≤", "=") \
            and ind.target >= 0 and ind.actual >= 0:
        computed = quantitative_score(ind.direction, ind.target, ind.actual, weight)
    else:
        computed = None
    return IndicatorScore(ind, weight, computed, computed if computed is not None else ZERO, False)


def compute_scoring(model: Model) -> Scoring | None:
    if not model.has_scoring:
        return None
    return score(preset_of(model), fund_lines(model), model.indicators)


def score(preset: Preset, funds: Mapping[str, FundLine], indicators: Sequence[Indicator]) -> Scoring:
    """A 自评表's scores from its funds block and indicators: the 部门整体 table and each project's alike."""
    total_line = funds["total"]
    adjusted = round_half_up(total_line.adjusted) if total_line.adjusted is not None else None
    executed = round_half_up(total_line.executed) if total_line.executed is not None else None
    rate = round_half_up(executed / adjusted * HUNDRED) if adjusted and executed is not None else None
    exec_score = execution_score(rate)
    scores = tuple(score_indicator(ind) for ind in indicators)
    level1 = []
    for name in layout.LEVEL1:
        members = [s for s in scores if s.indicator.level1 == name]
        if members:
            level1.append((name, sum((s.score for s in members), ZERO), sum((s.weight for s in members), ZERO)))
    total = exec_score + sum((s.score for s in scores), ZERO)
    return Scoring(preset, adjusted, executed, rate, exec_score, scores, tuple(level1), total, grade_of(total), funds)
