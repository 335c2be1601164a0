"""自评表 scoring: every rule, its caps and band edges (tables of cases), and the checks at their cells."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfeval_xl import evaluate, read_workbook, render_text
from selfeval_xl.core.model import Indicator, Refs
from selfeval_xl.figures.scoring import (
    execution_score,
    grade_of,
    manual_in_band,
    qualitative_score,
    quantitative_score,
    score_indicator,
)
from selfeval_xl.workbook import layout
from tests.conftest import EXAMPLE


@pytest.mark.parametrize(("rate", "score"), [
    (D("97.88"), D("9.79")), (D("100"), D("10.00")), (D("120.5"), D("10.00")), (D("76"), D("7.60")),
    (D("0"), D("0.00")), (D("-5"), D("0.00")), (None, D("0")), (D("89.995"), D("9.00")),
])
def test_execution_score(rate: D | None, score: D) -> None:
    assert execution_score(rate) == score


@pytest.mark.parametrize(("direction", "target", "actual", "weight", "score"), [
    ("≥", D(1500), D(1551), D(10), D("10.00")),   # above target: full, capped at the weight
    ("≥", D(100), D(98), D(5), D("4.90")),        # below: weight × actual / target
    ("≥", D(100), D(100), D(5), D("5.00")),       # exactly at target
    ("=", D(30), D(15), D(10), D("5.00")),        # "=" scores like ≥
    ("≥", D(0), D(0), D(5), D("5.00")),           # zero target
    ("≥", D(3), D(0), D(5), D("0.00")),
    ("≤", D(100), D(80), D(10), D("10.00")),      # reverse, under the ceiling: full
    ("≤", D(100), D(125), D(10), D("8.00")),      # reverse, over: weight × target / actual
    ("≤", D(5), D(0), D(10), D("10.00")),
    ("≥", D(3), D(2), D(10), D("6.67")),          # ROUND_HALF_UP of 6.666…
])
def test_quantitative_score(direction: str, target: D, actual: D, weight: D, score: D) -> None:
    assert quantitative_score(direction, target, actual, weight) == score


@pytest.mark.parametrize(("rating", "weight", "score"), [
    ("达成", D(10), D("10.00")), ("部分达成", D(10), D("7.00")), ("未达成", D(10), D("3.00")), ("", D(10), None),
])
def test_qualitative_default_per_band(rating: str, weight: D, score: D | None) -> None:
    assert qualitative_score(rating, weight) == score


@pytest.mark.parametrize(("rating", "manual", "inside"), [
    ("达成", D(10), True), ("达成", D(8), True), ("达成", D("7.99"), False), ("达成", D("10.01"), False),
    ("部分达成", D(8), False), ("部分达成", D("7.99"), True), ("部分达成", D(6), True), ("部分达成", D("5.99"), False),
    ("未达成", D(6), False), ("未达成", D("5.99"), True), ("未达成", D(0), True),
])
def test_band_edges(rating: str, manual: D, inside: bool) -> None:
    """达成 80%–100% (both included), 部分达成 60%(含)–80%, 未达成 0–60%."""
    assert manual_in_band(rating, manual, D(10)) is inside


@pytest.mark.parametrize(("total", "grade"), [
    (D("100"), "优"), (D("90"), "优"), (D("89.99"), "良"), (D("80"), "良"), (D("79.99"), "中"), (D("60"), "中"),
    (D("59.99"), "差"), (D("0"), "差"), (D("-1"), "差"),
])
def test_grade_bands(total: D, grade: str) -> None:
    assert grade_of(total) == grade


def _indicator(**kw: Any) -> Indicator:
    base: dict[str, Any] = {"level1": "产出指标", "level2": "数量指标", "name": "x", "direction": "≥", "unit": "篇", "target": D(10),
                                "target_text": "", "actual": D(10), "actual_text": "", "rating": "", "weight": D(10), "manual": None,
                                "reason": "", "refs": Refs()}
    base.update(kw)
    return Indicator(**base)


@given(st.decimals(0, 10**6, places=2), st.decimals(0, 10**6, places=2), st.decimals("0.5", 50, places=1),
       st.sampled_from(["≥", "≤", "="]))
def test_score_always_within_zero_and_weight(target: D, actual: D, weight: D, direction: str) -> None:
    result = score_indicator(_indicator(target=target, actual=actual, weight=weight, direction=direction))
    assert D(0) <= result.score <= weight


def test_manual_inside_band_is_used_outside_is_not() -> None:
    inside = score_indicator(_indicator(direction="定性", rating="达成", manual=D(9), target=None, actual=None))
    outside = score_indicator(_indicator(direction="定性", rating="达成", manual=D(7), target=None, actual=None))
    assert (inside.score, inside.manual_used) == (D("9.00"), True)
    assert (outside.score, outside.manual_used) == (D("10.00"), False)


def test_example_scores_total_and_grade() -> None:
    scoring = evaluate(read_workbook(EXAMPLE)).scoring
    assert scoring is not None
    assert (scoring.execution_rate, scoring.execution_score) == (D("97.88"), D("9.79"))
    assert [str(s.score) for s in scoring.indicators] == [
        "10.00", "10.00", "4.90", "5.00", "5.00", "5.00", "5.00", "5.00", "10.00", "9.00", "7.00", "10.00"]
    assert scoring.level1_scores == (("产出指标", D("49.90"), D(50)), ("效益指标", D("26.00"), D(30)),
                                     ("满意度指标", D("10.00"), D(10)))
    assert (scoring.total, scoring.grade) == (D("95.69"), "优")


# ---- checks at their cells -------------------------------------------------------------------------

def _codes(path: Path) -> set[tuple[str, str]]:
    return {(i.code, str(i.where) if i.where else "") for i in evaluate(read_workbook(path)).issues}


def _ind(data: dict[str, Any], n: int) -> dict[str, Any]:
    return data["tables"]["indicators"][n]


FIRST = layout.table_places(layout.INDICATORS)["indicators"].header_row + 1  # first data row of 绩效指标表


def test_wrong_weights_are_caught(make_book, example_data) -> None:
    _ind(example_data, 0)["weight"] = 12
    codes = _codes(make_book(example_data))
    assert ("weights_total", "'绩效指标'!C4") in codes
    assert ("weights_level1", f"'绩效指标'!J{FIRST}") in codes


def test_no_satisfaction_indicator_needs_the_10_90_preset(make_book, example_data) -> None:
    indicators = example_data["tables"]["indicators"]
    indicators[-1].update(level1="效益指标", level2="社会效益指标")
    codes = {c for c, _ in _codes(make_book(example_data))}
    assert "weights_level1" in codes
    example_data["fields"]["preset"] = "无满意度指标（执行率10、绩效指标90）"
    assert "weights_level1" not in {c for c, _ in _codes(make_book(example_data))}


def test_score_above_weight_is_caught(make_book, example_data) -> None:
    _ind(example_data, 3)["manual"] = 6
    assert ("score_above_weight", f"'绩效指标'!K{FIRST + 3}") in _codes(make_book(example_data))


def test_manual_outside_band_and_differing_manual(make_book, example_data) -> None:
    _ind(example_data, 10)["manual"] = D("8.5")  # 部分达成 allows 6.00–8.00
    _ind(example_data, 0)["manual"] = D("9.5")   # computed 10.00
    codes = _codes(make_book(example_data))
    assert ("manual_out_of_band", f"'绩效指标'!K{FIRST + 10}") in codes
    assert ("manual_differs", f"'绩效指标'!K{FIRST}") in codes


def test_missing_deviation_reasons(make_book, example_data) -> None:
    _ind(example_data, 2)["reason"] = ""          # 98 < 100
    _ind(example_data, 5)["actual"] = 60          # 60 > 1.5 × 30
    _ind(example_data, 10)["reason"] = ""         # 部分达成 → 7 < 10
    codes = _codes(make_book(example_data))
    assert ("reason_below_target", f"'绩效指标'!L{FIRST + 2}") in codes
    assert ("reason_far_above_target", f"'绩效指标'!L{FIRST + 5}") in codes
    assert ("reason_score_below_weight", f"'绩效指标'!L{FIRST + 10}") in codes
    example_data["fields"]["over_factor"] = 3
    assert "reason_far_above_target" not in {c for c, _ in _codes(make_book(example_data))}


def test_level2_must_belong_to_level1_and_qualitative_needs_rating(make_book, example_data) -> None:
    _ind(example_data, 0)["level2"] = "社会效益指标"
    del _ind(example_data, 7)["rating"]
    codes = _codes(make_book(example_data))
    assert ("level2_mismatch", f"'绩效指标'!C{FIRST}") in codes
    assert ("rating_missing", f"'绩效指标'!I{FIRST + 7}") in codes


def test_funds_block_is_derived_and_checked_in_its_own_scope(make_book, example_data) -> None:
    """年度资金总额 = 一般公共预算 (180.00 / 176.18) + 上年结转资金 + 其他资金: carry-over of 20.00 makes the
    年度资金总额 rate 176.18 ÷ 200.00 = 88.09% (< 90%, unexplained) while 一般公共预算 stays at 97.88%."""
    funds = example_data["tables"]["money"]
    funds[0]["adjusted"] = D("20.00")
    ev = evaluate(read_workbook(make_book(example_data)))
    assert ev.scoring is not None
    total = ev.scoring.funds["total"]
    assert (total.adjusted, total.executed) == (D("200.00"), D("176.18"))
    assert ev.scoring.funds["appropriation"].adjusted == D("180.00")
    assert ev.scoring.execution_rate == D("88.09")
    assert ev.results.rate("total").rate == D("97.88")
    assert ("low_execution", "'预算支出'!H19") in {(i.code, str(i.where)) for i in ev.issues}
    text = render_text(ev.narrative())
    assert "一般公共预算支出执行率为97.88%" in text and "年度资金总额执行率88.09%" in text


def test_without_indicators_there_is_no_scoring_and_a_warning(make_book, example_data) -> None:
    example_data["tables"]["indicators"] = []
    ev = evaluate(read_workbook(make_book(example_data)))
    assert ev.scoring is None and ev.errors == ()
    assert "indicators_empty" in {i.code for i in ev.warnings}
    assert "自评得分" not in ev.narrative().lines()[-1][1]
