"""Rules of the 自评表: weights, scores, bands, deviation reasons, the funds block. Model + Scoring → issues."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from decimal import Decimal

from selfeval_xl.core.cells import CellRef
from selfeval_xl.core.model import Issue, Model, Severity
from selfeval_xl.core.numbers import fmt_amount, fmt_percent, fmt_quantity, round_half_up
from selfeval_xl.figures.scoring import BANDS, DEFAULT_OVER_FACTOR, EXECUTION_WEIGHT, Scoring, score_indicator
from selfeval_xl.rules.budget import LOW_EXECUTION_PERCENT, issue, run_guarded
from selfeval_xl.workbook import layout

ScoringRule = Callable[[Model, Scoring], Iterator[Issue]]
TOLERANCE = Decimal("0.01")
FRACTION_LIMIT = Decimal("1.5")  # a percentage at or below this beside one above it is ambiguous


def _n(value: Decimal) -> str:
    return fmt_quantity(value)


def _first_row_cell(key: str) -> CellRef:
    place = layout.table_places(layout.INDICATORS)[key]
    return CellRef(layout.INDICATORS.title, place.header_row + 1, place.first_col)


def check_level2(model: Model, scoring: Scoring) -> Iterator[Issue]:
    for ind in model.indicators:
        allowed = layout.LEVEL2_BY_LEVEL1.get(ind.level1, ())
        if ind.level1 and ind.level2 and ind.level2 not in allowed:
            yield issue("level2_mismatch", Severity.ERROR, ind.refs.get("level2"), level1=ind.level1,
                        level2=ind.level2, allowed="、".join(allowed))


def check_weights(model: Model, scoring: Scoring) -> Iterator[Issue]:
    preset_cell = model.refs.get("preset")
    total = EXECUTION_WEIGHT + sum((s.weight for s in scoring.indicators), Decimal(0))
    if total != 100:
        yield issue("weights_total", Severity.ERROR, preset_cell, total=_n(total), execution=_n(EXECUTION_WEIGHT))
    present = {name: weight for name, _, weight in scoring.level1_scores}
    for name, required in scoring.preset.level1_weights:
        got = present.get(name, Decimal(0))
        if got != required:
            first = next((s.indicator for s in scoring.indicators if s.indicator.level1 == name), None)
            where = first.refs.get("weight") if first else preset_cell
            yield issue("weights_level1", Severity.ERROR, where, level1=name, got=_n(got), required=_n(required),
                        preset=scoring.preset.name)
    for ind in model.indicators:
        if ind.weight is not None and ind.weight <= 0:
            yield issue("weight_not_positive", Severity.ERROR, ind.refs.get("weight"), value=_n(ind.weight))


def check_indicator_values(model: Model, scoring: Scoring) -> Iterator[Issue]:
    for ind in model.indicators:
        if ind.qualitative:
            if not ind.rating:
                yield issue("rating_missing", Severity.ERROR, ind.refs.get("rating"), name=ind.name)
            continue
        for key, number, text in (("target", ind.target, ind.target_text), ("actual", ind.actual, ind.actual_text)):
            if number is None and text:
                yield issue("indicator_not_number", Severity.ERROR, ind.refs.get(key), name=ind.name, value=text)
            elif number is not None and number < 0:
                yield issue("negative_number", Severity.ERROR, ind.refs.get(key), field=ind.name, value=_n(number))


def check_manual_scores(model: Model, scoring: Scoring) -> Iterator[Issue]:
    for result in scoring.indicators:
        ind = result.indicator
        if ind.manual is None:
            continue
        where = ind.refs.get("manual")
        if ind.manual > result.weight or ind.manual < 0:
            yield issue("score_above_weight", Severity.ERROR, where, name=ind.name, score=_n(ind.manual),
                        weight=_n(result.weight))
        elif ind.qualitative and ind.rating in BANDS and not result.manual_used:
            band = BANDS[ind.rating]
            yield issue("manual_out_of_band", Severity.ERROR, where, name=ind.name, score=_n(ind.manual),
                        rating=ind.rating, low=fmt_amount(result.weight * band.low),
                        high=fmt_amount(result.weight * band.high))
        elif not ind.qualitative and result.computed is not None \
                and abs(round_half_up(ind.manual) - result.computed) > TOLERANCE:
            yield issue("manual_differs", Severity.WARNING, where, name=ind.name, manual=fmt_amount(ind.manual),
                        computed=fmt_amount(result.computed))


def check_deviation_reasons(model: Model, scoring: Scoring) -> Iterator[Issue]:
    factor = model.over_factor if model.over_factor and model.over_factor > 1 else DEFAULT_OVER_FACTOR
    for result in scoring.indicators:
        ind = result.indicator
        if ind.reason.strip():
            continue
        where = ind.refs.get("reason")
        positive = ind.direction in ("≥", "=")
        if ind.target is not None and ind.actual is not None and positive and ind.actual < ind.target:
            yield issue("reason_below_target", Severity.WARNING, where, name=ind.name, actual=_n(ind.actual),
                        target=_n(ind.target), unit=ind.unit)
        elif ind.target is not None and ind.actual is not None and positive and ind.target > 0 \
                and ind.actual > ind.target * factor:
            yield issue("reason_far_above_target", Severity.WARNING, where, name=ind.name, actual=_n(ind.actual),
                        target=_n(ind.target), unit=ind.unit, factor=_n(factor))
        elif result.score < result.weight:
            yield issue("reason_score_below_weight", Severity.WARNING, where, name=ind.name,
                        score=fmt_amount(result.score), weight=_n(result.weight))


def check_funds(model: Model, scoring: Scoring) -> Iterator[Issue]:
    """年度资金总额 (derived from 预算支出, 其他资金 and the 资金情况 table): over budget needs a word, a low rate
    an explanation — in any 说明 of the lines it is made of."""
    total = scoring.funds.get("total")
    general = model.budget.get("total")
    if total is None or general is None:
        return
    notes = [general.note, *(line.note for line in scoring.funds.values())]
    explained = any(n.strip() for n in notes)
    if scoring.execution_executed is None or scoring.execution_adjusted is None or explained:
        return
    if (total.adjusted, total.executed) == (general.adjusted, general.executed):
        return  # the same scope as 一般公共预算支出: the budget rules have said it already
    where = general.refs.get("note")
    if scoring.execution_executed > scoring.execution_adjusted:
        yield issue("over_budget", Severity.ERROR, where, item=layout.FUND_ITEM_NAMES["total"],
                    executed=f"{fmt_amount(scoring.execution_executed)} 万元",
                    adjusted=f"{fmt_amount(scoring.execution_adjusted)} 万元")
    elif scoring.execution_rate is not None and scoring.execution_rate < LOW_EXECUTION_PERCENT:
        yield issue("low_execution", Severity.WARNING, where, item=layout.FUND_ITEM_NAMES["total"],
                    rate=fmt_percent(scoring.execution_rate), threshold=fmt_percent(LOW_EXECUTION_PERCENT))


def check_percent_entries(model: Model, scoring: Scoring) -> Iterator[Issue]:
    """A percentage typed two ways in one indicator (0.995 beside 90, with a % unit or a %-formatted other
    side) would score 0.995 ÷ 90: an error at the cell that looks like a fraction."""
    for ind in model.indicators:
        if ind.qualitative or ind.target is None or ind.actual is None or unicodedata.normalize("NFKC", ind.unit) != "%":
            continue
        for key, small, other in (("target", ind.target, ind.actual), ("actual", ind.actual, ind.target)):
            if 0 < small <= FRACTION_LIMIT < other:
                yield issue("percent_ambiguous", Severity.ERROR, ind.refs.get(key), name=ind.name,
                            value=_n(small), other=_n(other), meant=_n(small * 100))


SCORING_RULES: tuple[ScoringRule, ...] = (
    check_level2, check_weights, check_indicator_values, check_manual_scores, check_deviation_reasons, check_funds,
    check_percent_entries,
)


def run_scoring_rules(model: Model, scoring: Scoring | None) -> list[Issue]:
    if scoring is None:
        return [issue("indicators_empty", Severity.WARNING, _first_row_cell("indicators"))]
    return run_guarded(SCORING_RULES, model, scoring)


__all__ = ["SCORING_RULES", "run_scoring_rules", "score_indicator"]
