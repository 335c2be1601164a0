"""Rules of the ninth round, each from a dev text's miss or false alarm, on made-up text."""

from __future__ import annotations

import pytest

from selfeval_xl.audit import audit_text


def _errors(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity.value == "error"]


# 8 this year, 12.5 last year: the change is 4.5, 4.5 / 12.5 = 36%
@pytest.mark.parametrize(
    "text",
    [
        "公务接待费决算8万元,比上年决算12.5万元减少4.35万元。",
        "公务接待费决算8万元,与上年决算数12.5万元相比减少4.35万元。",
        "公务接待费决算8万元,上年决算12.5万元,比上年减少4.35万元。",
        "公务接待费决算8万元,上年为12.5万元,减少4.35万元。",
        "2022年公务接待费决算8万元,2021年决算12.5万元,减少4.35万元。",
        "2021年公务接待费决算12.5万元,2022年决算8万元,减少4.35万元。",
    ],
)
def test_a_change_stated_as_an_amount_only_against_both_figures_printed_beside_it(text: str) -> None:
    assert _errors(text) == [("yoy_change_mismatch", "4.35万元", "4.50万元")]
    assert _errors(text.replace("4.35万元", "4.5万元")) == []


def test_a_change_with_its_rate_in_a_clause_of_its_own() -> None:
    text = "1、公务接待费2016年预算8万元,2015年预算12.5万元;对比减少4.35万元;减少率35.22%,原因是厉行节约。"
    assert _errors(text) == [("yoy_change_mismatch", "4.35万元", "4.50万元"), ("yoy_mismatch", "35.22%", "36.00%")]
    assert _errors(text.replace("4.35万元", "4.5万元").replace("35.22%", "36%")) == []


def test_two_named_years_before_a_comparison_with_last_year() -> None:
    text = "公务接待费2016年决算8万元,2015年决算12.5万元,比上年减少4.35万元,下降35.22%。"
    assert _errors(text) == [("yoy_change_mismatch", "4.35万元", "4.50万元"), ("yoy_mismatch", "35.22%", "36.00%")]
    assert _errors(text.replace("4.35万元", "4.5万元").replace("35.22%", "36%")) == []


def test_a_saving_against_the_budget_printed_inside_the_comparison() -> None:
    assert _errors("支出决算15万元,比年初预算20万元节约4万元。") == [("yoy_change_mismatch", "4万元", "5.00万元")]
    assert _errors("支出决算15万元,比年初预算20万元节约5万元。") == []


@pytest.mark.parametrize(
    "text",
    [
        # the other figure is not printed beside the change: nothing to check it against
        "公务接待费决算8万元,比上年减少4.35万元。",
        # a change of the change ("比上年增加12.5万元,减少…") is no figure of a year
        "公务接待费决算8万元,比上年增加12.5万元,减少4.35万元。",
        # an earlier year compared with a later one is not read
        "2021年公务接待费决算8万元,比2022年决算12.5万元减少4.35万元。",
        # the amount before the comparison is itself a change
        "公务接待费增加8万元,比上年决算12.5万元减少4.35万元。",
        # two figures of one year
        "2022年公务接待费预算8万元,2022年决算12.5万元,减少4.35万元。",
    ],
)
def test_a_change_amount_not_read_unambiguously_is_left_alone(text: str) -> None:
    assert [e for e in _errors(text) if e[0] == "yoy_change_mismatch"] == []
