"""Rules of the tenth round, each from a dev text's miss or false alarm, on made-up text."""

from __future__ import annotations

import pytest

from selfeval_xl.audit import audit_text


def _errors(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity.value == "error"]


_HEADER = "\n\n".join(("年度资金总额", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"))


def test_a_self_evaluation_row_whose_amounts_carry_their_unit() -> None:
    # 512.4 / 640.5 = 80.00%: the row prints 100%
    row = "\n\n".join(("年度资金总额", "640.5万元", "640.5万元", "512.4万元", "10", "100%", "10"))
    assert _errors(_HEADER + "\n\n" + row) == [("execution_rate_mismatch", "100%", "80.00%")]
    assert _errors(_HEADER + "\n\n" + row.replace("100%", "80%").replace("10\n\n80%\n\n10", "10\n\n80%\n\n8")) == []
    # a budget in 万元 and an execution in 元 are not set against each other
    assert _errors(_HEADER + "\n\n" + row.replace("512.4万元", "5124000元")) == []


# 45 + 320 + 1250 = 1615; changes -12 - 60 - 35 = -107
_SECTIONS = """某县2023年“三公”经费支出总额为1615万元,比预算数减少107万元。
一、因公出国(境)经费
2023年因公出国(境)费45万元,比预算数减少12万元。出国团组3个。
二、公务接待费
2023年公务接待费320万元,比预算数减少60万元。接待1200批次。
三、公务用车购置及运行维护费
2023年公务用车购置及运行维护费1250万元(其中:公务用车购置费300万元,公务用车运行维护费950万元),比预算数减少35万元。"""


def test_a_sangong_total_against_its_items_in_sections_of_their_own() -> None:
    assert _errors(_SECTIONS) == []
    assert _errors(_SECTIONS.replace("320万元", "330万元")) == [("sum_mismatch", "1615万元", "1625.00万元")]
    assert _errors(_SECTIONS.replace("减少107万元", "减少117万元")) == [("change_sum_mismatch", "-117万元", "-107万元")]
    # the car's change comes after its bracketed parts
    assert _errors(_SECTIONS.replace("减少35万元", "减少25万元")) == [("change_sum_mismatch", "-107万元", "-97万元")]


def test_sangong_sections_heading_then_amount_and_the_car_in_two_parts() -> None:
    text = """2026年财政拨款“三公”经费预算5.3万元,较2025年年初预算减少21.04万元。
1.因公出国(境)费用。2026年预算数0万元,与2025年年初预算持平。
2.公务接待费。2026年预算数0.50万元,较2025年年初预算减少0.50万元。
3.公务用车购置费2026年预算数0万元。
4.公务用车运行维护费2026年预算数4.80万元。"""
    assert _errors(text) == []
    assert _errors(text.replace("4.80万元", "4.90万元")) == [("sum_mismatch", "5.3万元", "5.40万元")]


@pytest.mark.parametrize(
    "text",
    [
        # an item missing: no list
        _SECTIONS.replace("二、公务接待费\n2023年公务接待费320万元,比预算数减少60万元。接待1200批次。\n", ""),
        # a budget total and items of the 决算: not one list
        _SECTIONS.replace("支出总额为", "预算总额为").replace("2023年公务接待费", "2023年公务接待费决算"),
        # the car's running costs alone are not the car's item
        _SECTIONS.replace("公务用车购置及运行维护费1250万元(其中:公务用车购置费300万元,公务用车运行维护费950万元)", "公务用车运行维护费950万元"),
    ],
)
def test_sangong_sections_not_read_as_a_list(text: str) -> None:
    assert not any(code == "sum_mismatch" for code, _, _ in _errors(text))


def test_changes_of_parts_each_within_their_own_rounding() -> None:
    # 1833.7 is printed to a tenth: -516.57 + 1833.7 = 1317.13 may be 1317.14
    text = ("“三公”经费支出8237.23万元,比年初预算增加1317.14万元。其中:因公出国(境)经费0万元,和年初预算持平;"
            "公务用车购置及运行维护费7634.76万元(其中:公务用车购置费2337.35万元,公务用车运行维护费5297.41万元),"
            "比年初预算增加1833.7万元;公务接待费602.47万元,比年初预算减少516.57万元。")
    assert _errors(text) == []
    assert _errors(text.replace("1833.7万元", "1843.7万元")) == [("change_sum_mismatch", "1317.14万元", "1327.13万元")]


def test_the_composition_of_an_amount_printed_in_the_paragraph_before() -> None:
    # 138.6 + 25 + 0 = 163.6, not 183.6
    text = ("本部门2022年度收入总计183.6万元,较上年增加5万元;本年收入合计183.6万元。\n"
            "本年收入的具体构成为:财政拨款收入138.6万元,占75.49%;事业收入25万元,占13.62%;其他收入0万元,占0%。")
    assert ("sum_mismatch", "183.6万元", "163.60万元") in _errors(text)
    fixed = text.replace("138.6万元,占75.49%", "158.6万元,占86.38%")
    assert _errors(fixed) == []
    # a composition two paragraphs after its amount names another one
    assert not any(code == "sum_mismatch" for code, _, _ in _errors(text.replace("\n", "\n人员情况见附表。\n")))


def test_a_part_said_unchanged_counts_as_no_change() -> None:
    # 0 + 0 - 1.20 = -1.20, not -0.70
    text = ("2023年“三公”经费预算8.30万元,比上年减少0.70万元。其中:因公出国(境)费用0万元,较上年无增减;"
            "公务接待费0.80万元,与上年持平;公务用车运行维护费7.50万元,比上年减少1.20万元。")
    assert _errors(text) == [("change_sum_mismatch", "-0.70万元", "-1.20万元")]
    assert _errors(text.replace("减少0.70万元", "减少1.20万元")) == []


def test_a_years_change_against_both_years_printed_in_the_paragraph_before() -> None:
    # 812.4 - 650.15 = 162.25
    text = ("2023年的“三公”经费决算数合计为812.4万,其中:公务接待费212.4万元、公务用车运行维护费600万元。"
            "2022年的三公经费决算数合计为650.15万,其中:公务接待费150.15万元、公务用车运行维护费500万元。\n"
            "2023年“三公”经费决算数相较于上年增加126.25万元,主要原因是车辆维修费增加。")
    assert _errors(text) == [("yoy_change_mismatch", "126.25万元", "162.25万元")]
    assert _errors(text.replace("126.25万元", "162.25万元")) == []
    # a figure named otherwise ("预算数") is not the year's
    assert _errors(text.replace("2022年的三公经费决算数", "2022年的三公经费预算数")) == []


# 3120 + 1480 = 4600
_REVENUE = """(一)一般公共预算收入情况
2025年1-6月累计完成地方财政收入4600万元,较上年减收320万元,下降6.5%。
(二)一般公共预算支出情况
2025年1-6月,累计完成一般公共预算支出52800万元,较上年同期增长3.2%。
二、财政收入增减变化情况
2025年1-6月,税收收入3120万元,较上年同期减收210万元,下降6.31%;非税收入累计完成1480万元,较上年同期减收110万元,下降6.92%。"""


def test_a_general_revenue_against_its_tax_and_non_tax_revenue_printed_after_it() -> None:
    assert _errors(_REVENUE) == []
    assert _errors(_REVENUE.replace("4600万元", "4060万元").replace("下降6.5%", "下降7.31%")) == [
        ("sum_mismatch", "4060万元", "4600.00万元")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a 镇's revenue holding its transfers
        _REVENUE.replace("下降6.92%。", "下降6.92%;上级补助收入6168万元。"),
        # this month's tax revenue against the year's total so far
        _REVENUE.replace("2025年1-6月,税收收入", "当月税收收入"),
        # another year's
        _REVENUE.replace("2025年1-6月,税收收入", "2024年1-6月,税收收入"),
    ],
)
def test_tax_and_non_tax_revenue_not_read_as_the_parts(text: str) -> None:
    assert _errors(text.replace("4600万元", "4060万元").replace("下降6.5%", "下降7.31%")) == []


def test_a_share_of_the_spending_budget_never_printed_as_a_whole() -> None:
    # 620.4 / (620.4 + 79.6) = 88.63%
    text = ("三、支出预算说明\n(一)基本支出预算620.4万元,占总支出预算88.63%,比2021年减少12万元。\n"
            "(二)项目支出预算79.6万元,比2021年减少3万元。")
    assert _errors(text) == []
    assert ("share_mismatch", "86.63%", "88.63%") in _errors(text.replace("88.63%", "86.63%"))


def test_unnamed_shares_of_a_whole_that_is_itself_a_share_of_another() -> None:
    # 400 / 500 = 80%, but 400 / 502 = 79.68%: the 本年收入合计 is 99.60% of 总收入, never printed
    text = ("本年收入合计500万元,占总收入99.60%,包括财政拨款收入400万元,占79.68%;其他收入100万元,占19.92%。")
    assert _errors(text) == []
    # a whole that is all of the other one: its parts' shares are of it
    assert ("share_mismatch", "79.68%", "80.00%") in _errors(text.replace("99.60%", "100%"))


def test_changes_of_parts_may_drift_a_cent_from_the_totals() -> None:
    # 15.18 - 42.08 = -26.90 against -26.89: each change is of two figures kept in 元
    text = ("“三公”经费支出决算583.83万元,较2016年减少26.89万元。其中:因公出国(境)费为0万元,较2016年减少0万元;"
            "公务接待费为201.25万元,较2016年增加15.18万元;公务用车购置及运行维护费382.58万元,较2016年减少42.08万元。")
    assert _errors(text) == []
    assert _errors(text.replace("减少42.08万元", "减少42.18万元")) == [("change_sum_mismatch", "-26.89万元", "-27.00万元")]


# 1200.5 = 800.25 + 400.25; changes 60.5 = 20.25 + 40.25
_ASSETS = ("全市行政事业单位资产总额1200.5亿元,较上年增加60.5亿元,增长5.31%;负债总额800.25亿元,较上年增加20.25亿元,"
           "增长2.6%;净资产400.25亿元,较上年增加40.25亿元,增长11.18%。事业单位资产总额300亿元,负债总额100亿元,"
           "所有者权益总额200亿元。")


def test_assets_are_liabilities_and_net_assets() -> None:
    assert _errors(_ASSETS) == []
    assert ("sum_mismatch", "1200.5亿元", "1210.5亿元") in _errors(_ASSETS.replace("800.25亿元", "810.25亿元"))
    assert _errors(_ASSETS.replace("所有者权益总额200亿元", "所有者权益总额210亿元")) == [("sum_mismatch", "300亿元", "310亿元")]
    changed = _errors(_ASSETS.replace("增加40.25亿元", "增加42.25亿元"))
    assert ("change_sum_mismatch", "60.5亿元", "62.5亿元") in changed


def test_an_asset_total_without_both_parts_beside_it_is_not_balanced() -> None:
    # the 负债 of another sentence, a 负债 printed with a change first
    assert _errors("资产总额1200.5亿元。负债总额800亿元,净资产300亿元。") == []
    assert _errors("资产总额1200.5亿元,负债总额较上年增加80亿元,净资产300亿元。") == []


def test_the_grand_totals_of_a_final_account_are_equal() -> None:
    text = "1.总体情况。2023年度收入总计812.4万元,支出总计812.4万元。收支较上年减少3万元。"
    assert _errors(text) == []
    assert _errors(text.replace("支出总计812.4万元", "支出总计821.4万元")) == [("grand_totals_differ", "821.4万元", "812.4万元")]
    # the same scope only; another sentence is not read
    assert _errors("财政拨款收入总计500万元,一般公共预算支出总计480万元。") == []
    assert _errors("收入总计500万元。上年支出总计480万元。") == []
    # 总计 used for the 合计s: the 收入总计 is the 收入合计 printed elsewhere
    loose = "收入总计500万元,支出总计480万元。\n本年收入合计500万元,其中:财政拨款收入500万元。"
    assert _errors(loose) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # (29 − 16) / 29 = 44.83%
        ("出国人次从29人降为16人,下降44.8%。", []),
        ("出国人次从29人降为16人,下降49.3%。", [("yoy_mismatch", "49.3%", "44.83%")]),
        # (150 − 120) / 120 = 25%
        ("支出由120万元增加到150万元,增长25%。", []),
        ("支出由120万元增加到150万元,增长30%。", [("yoy_mismatch", "30%", "25.00%")]),
        # (161.05 / 100)^(1/5) − 1 = 10.00%
        ("收入由2015年的100万元上升到2020年的161.05万元,年均增长10%。", []),
        ("收入由2015年的100万元上升到2020年的161.05万元,年均增长12%。", [("average_growth_mismatch", "12%", "10.00%")]),
        # no years named for an average: not read; a verb against the figures: not read
        ("收入从100万元增长到161.05万元,年均增长12%。", []),
        ("支出由120万元下降到150万元,下降30%。", []),
        # two kinds of figure
        ("由120人增加到150万元,增长30%。", []),
        # a 亿元 to one decimal: 0.35 / 2.15 = 16.3%, 0.25 / 2.25 = 11.1% … all fit
        ("收入由2.2亿元增加到2.5亿元,增长13.2%。", []),
    ],
)
def test_a_move_from_one_figure_to_another_with_its_rate(text: str, found: list[tuple[str, str, str]]) -> None:
    assert _errors(text) == found


def test_a_rate_after_the_money_given_and_the_money_spent() -> None:
    # 60 / 75 = 80%
    text = "一是补助经费合计75万元,已于本年度支出60万元,预算完成率80%。"
    assert _errors(text) == []
    assert _errors(text.replace("80%", "100%")) == [("execution_rate_mismatch", "100%", "80.00%")]
    # the second amount not named as spent: no reading
    assert _errors("补助经费合计75万元,培训经费60万元,预算完成率100%。") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("税收收入和非税收入占一般公共预算收入的比重分别为62%、38%。", []),
        ("税收收入和非税收入占一般公共预算收入的比重分别为62%、42%。", [("shares_exceed_100", "104%", "100%")]),
        # the items in the sentence before; a list naming only some of them may make less than all
        ("基诺型彩票125185.7万元。占彩票销售总量的比重分别为30.6%、22%、41.4%、8.8%。", [("shares_exceed_100", "102.8%", "100%")]),
        ("货物类和工程类采购占采购总额的比例分别为30%、50%。", []),
        # rounding: 33.4 + 33.4 + 33.3 = 100.1 is within three half-tenths, 100.2 is not
        ("甲、乙和丙占支出合计的比重分别为33.4%、33.4%、33.3%。", []),
        ("甲、乙和丙占支出合计的比重分别为33.4%、33.4%、33.4%。", [("shares_exceed_100", "100.2%", "100%")]),
        # each item of its own whole: places, years, nested scopes, per-year wholes
        ("青山湖区、东湖区和西湖区税收收入占财政总收入比重分别为97.2%、97%、94.3%。", []),
        ("2022年和2023年税收收入占一般公共预算收入的比重分别为62%、64%。", []),
        ("全省和省本级分别占全国的60%、50%。", []),
        ("税收收入和非税收入占当年收入的比重分别为62%、64%。", []),
        # two wholes named
        ("税收收入和非税收入分别占一般公共预算收入和总收入的62%、42%。", []),
    ],
)
def test_shares_of_distinct_items_of_one_whole_make_no_more_than_all_of_it(
    text: str, found: list[tuple[str, str, str]]
) -> None:
    assert _errors(text) == found


def test_a_change_against_the_other_years_total_named_inside_the_comparison() -> None:
    # 1095.67 - 1060.87 = 34.80
    text = "2018年度总支出1095.67万元比2017年度总支出1060.87万元增加{}万元。"
    assert _errors(text.format("34.80")) == []
    assert _errors(text.format("38.28")) == [("yoy_change_mismatch", "38.28万元", "34.80万元")]


def test_a_change_of_the_income_or_spending_named_in_the_sentence_before() -> None:
    # 950.05 / (6955.73 - 950.05) = 15.82%
    text = "本部门2016年度收入总计6955.73万元。与2015年决算数相比,收入增加950.05万元,增长{}。"
    assert _errors(text.format("15.82%")) == []
    assert _errors(text.format("17.40%")) == [("yoy_mismatch", "17.40%", "15.82%")]
    # two amounts named so in the sentence before: not read
    both = "收入合计500万元,其中财政拨款收入450万元,年初结转收入50万元。与上年相比,收入增加50万元,增长20%。"
    assert not any(code == "yoy_mismatch" for code, _, _ in _errors(both))
