"""The thirty-third round: what its blind pages showed on the dev half (items one a paragraph under a total's name,
some lines wrapped into one paragraph), and a fund's allocation as 项目 and 衔接资金 self-evaluations print it — its
projects by category, each with its count and its money in one clause (``made_up_allocations``)."""

from __future__ import annotations

import random

import pytest
from made_up_allocations import allocation

from selfeval_xl.audit import audit_text
from selfeval_xl.audit.model import Severity


def _errors(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity is Severity.ERROR]


_WRAPPED = "(一)公路建设。1—9月完成投资1275.34亿元。其中:\n高速公路完成投资679.62亿元,同比增长42.3%。\n{rest}\n(二)内河水运。1—9月完成投资34.61亿元。"


@pytest.mark.parametrize(
    ("rest", "errors"),
    [
        # lines without their full stop wrapped into one paragraph: several items in it, so the list is not read
        ("国省干线完成投资426.91亿元,同比增长10.5%\n农村公路完成投资153.3亿元,同比下降15.2%\n站点建设完成投资15.51亿元。", []),
        ("国省干线完成投资426.91亿元\n农村公路完成投资153.3亿元\n站点建设完成投资25.51亿元。", []),
        # one item a paragraph is read as before, and a moved item found
        (
            "国省干线完成投资426.91亿元。\n农村公路完成投资153.3亿元。\n站点建设完成投资25.51亿元。",
            [("parts_exceed_total", "1275.34亿元", "1285.34亿元")],
        ),
    ],
)
def test_items_one_a_paragraph_under_the_totals_name(rest: str, errors: list[tuple[str, str, str]]) -> None:
    assert _errors(_WRAPPED.format(rest=rest)) == errors


def test_made_up_allocations_right_say_nothing() -> None:
    for seed in range(300):
        assert _errors(allocation(random.Random(seed))) == [], seed


@pytest.mark.parametrize(
    ("slip", "code", "at_least"),
    [
        ("part", "parts_exceed_total", 200),  # a source's money over the fund's total
        ("money", "parts_exceed_total", 200),  # categories' money ("产业发展类项目12个、资金860.5万元") over the projects'
        ("count", "sum_mismatch", 200),  # categories' counts over the projects' count, before or after "。其中"
        ("rate", "named_rate_mismatch", 200),
        # a total over its sources is an error only after "其中:" (without the colon the list may give the main ones)
        ("total", "sum_mismatch", 120),
    ],
)
def test_made_up_allocations_moved_figure_is_found(slip: str, code: str, at_least: int) -> None:
    found = 0
    for seed in range(200):
        errors = _errors(allocation(random.Random(seed), slip))
        assert [c for c, *_ in errors] in ([], [code]), (seed, errors)
        found += bool(errors)
    assert found >= at_least


@pytest.mark.parametrize(
    ("text", "errors"),
    [
        # a count's breakdown in the sentence after it, opened by 其中
        ("全年共实施项目27个,总投资944.79万元。其中产业发展类项目19个,安排资金129.29万元;基础设施类项目9个,安排资金815.50万元。",
         [("sum_mismatch", "27个", "28个")]),
        ("全年共实施项目28个,总投资944.79万元。其中产业发展类项目19个,安排资金129.29万元;基础设施类项目9个,安排资金815.50万元。", []),
        # two counts in the sentence before: which one is broken down is not read
        ("共实施项目27个,涉及乡镇8个。其中产业发展类项目19个;基础设施类项目9个。", []),
        # the thing counted after the count ("9个项目") beside before it ("项目19个")
        ("共安排项目48个、资金1411.33万元,其中:搬迁后续扶持类项目38个,安排资金569.48万元,产业发展类11个项目841.85万元。",
         [("sum_mismatch", "48个", "49个")]),
        # an item's own 包括 list is not a part of the total: 10 + 11 is 21
        ("全区国有企业共21家企业,其中,区管国有企业10家,包括功能类企业5家、公共服务类企业4家、竞争类企业1家;委托监管企业11家。", []),
        ("全区国有企业共21家企业,其中,区管国有企业10家,包括功能类企业5家、公共服务类企业4家、竞争类企业1家;委托监管企业12家。",
         [("sum_mismatch", "21家", "22家")]),
        # money by category with each category's count in its clause: the categories' names, not "资金", name the parts
        ("总投资1066.14万元。其中搬迁后续扶持类项目15个、资金477.18万元;就业帮扶类项目34个,安排资金367.65万元;"
         "产业发展类项目35个、资金231.31万元。", [("parts_exceed_total", "1066.14万元", "1076.14万元")]),
    ],
)
def test_counts_and_money_by_category(text: str, errors: list[tuple[str, str, str]]) -> None:
    assert _errors(text) == errors


@pytest.mark.parametrize(
    ("text", "errors"),
    [
        # a department's 国有资产占用情况 names its assets 共有资产 or 资产合计 as often as 资产总额
        ("本部门共有资产1234.56万元,负债总额100.00万元,净资产1134.56万元。", []),
        ("本部门共有资产1234.56万元,负债总额100.00万元,净资产1144.56万元。", [("sum_mismatch", "1234.56万元", "1244.56万元")]),
        ("截至年底,资产合计1776.07亿元,同比增长11.29%;负债合计1144.41亿元;所有者权益631.66亿元。", []),
        ("截至年底,资产合计1776.07亿元,同比增长11.29%;负债合计1144.41亿元;所有者权益621.66亿元。",
         [("sum_mismatch", "1776.07亿元", "1766.07亿元")]),
        # 净资产 is no 资产 total
        ("净资产合计1134.56万元,负债总额100.00万元。", []),
    ],
)
def test_assets_by_any_of_their_names(text: str, errors: list[tuple[str, str, str]]) -> None:
    assert _errors(text) == errors


def test_parts_named_alike_are_named_by_their_categories_in_the_message() -> None:
    (f,) = audit_text(
        "总投资1066.14万元。其中搬迁后续扶持类项目15个、资金477.18万元;就业帮扶类项目34个,安排资金367.65万元;"
        "产业发展类项目35个、资金231.31万元。"
    ).findings
    assert "搬迁后续扶持类项目477.18万元+就业帮扶类项目367.65万元+产业发展类项目231.31万元" in f.message
