"""Twenty-fifth round: a signed percentage of change ("增长-30%") and a change amount that goes the other
way (docs/audit.md, "Twenty-fifth round"). Every text here is made up."""

from __future__ import annotations

import pytest

from selfeval_xl.audit import audit_text

# this year 1674.95, last year 2423.96: a fall of 749.01, 30.900262%
_BOTH_YEARS = "2023年收入预算1674.95万元,比2022年2423.96万元减少749.01万元,"


def _found(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.code, f.severity.value, f.stated, f.expected) for f in audit_text(text).findings]


@pytest.mark.parametrize(
    ("rate", "expected"),
    [
        ("增长-30%", [("yoy_truncated", "warning", "30%", "31%")]),  # 30.90 cut to 30
        ("增长-25%", [("yoy_mismatch", "error", "25%", "30.9%")]),
        ("增长-30.90%", []),
        ("增长−30.90%", []),  # the minus sign of a word processor
        ("增长－31%", []),  # the full-width one
        ("增长 -31.90%", [("yoy_mismatch", "error", "31.90%", "30.90%")]),
        ("下降30.90%", []),
    ],
)
def test_a_signed_growth_is_a_fall(rate: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert _found(f"{_BOTH_YEARS}{rate}。") == expected


@pytest.mark.parametrize(
    "text",
    [
        "收入1674.95万元,较上年2423.96万元增长-31.90%。",  # last year's figure, then the percentage
        "2023年收入1674.95万元,2022年收入2423.96万元,增长-31.90%。",  # two named years, then the percentage
    ],
)
def test_a_signed_percentage_against_both_years(text: str) -> None:
    assert _found(text) == [("yoy_mismatch", "error", "31.90%", "30.90%")]


def test_a_signed_percentage_first_then_the_amount() -> None:
    assert _found("收入1674.95万元,同比增长-31.90%,减收749.01万元。") == [("yoy_mismatch", "error", "31.90%", "30.90%")]


def test_a_growth_signed_against_a_rise_is_no_arithmetic() -> None:
    """"增加…,增长-30%": the two verbs disagree; the percentage is not checked as a fall or a rise."""
    found = _found("2023年收入预算1674.95万元,比2022年2423.96万元增加749.01万元,增长-30%。")
    assert [code for code, *_ in found] == ["yoy_change_mismatch"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("2023年收入预算1674.95万元,比2022年2423.96万元增加749.01万元。", "较上年实为减少749.01万元，报告写为增加749.01万元"),
        ("2023年收入预算1674.95万元,比2022年2423.96万元增加740.01万元。", "较上年实为减少749.01万元，报告写为增加740.01万元"),
    ],
)
def test_a_change_the_other_way_says_so(text: str, said: str) -> None:
    """Not "增减额应为749.01万元,报告写为749.01万元", which reads as no error at all."""
    (found,) = audit_text(text).findings
    assert found.code == "yoy_change_mismatch" and said in found.message
