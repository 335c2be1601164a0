"""Twenty-third round: rules and fixes of the round (docs/audit.md, "Twenty-third round")."""

from __future__ import annotations

import pytest

from selfeval_xl.audit import analyse, audit_text


def _errors(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity.value == "error"]


@pytest.mark.parametrize(
    "text",
    [
        # each 共计 is a per-county amount times 23 counties; the four of them make up the 9.75亿元
        "省财政下达23个县补助资金9.75亿元。\n其中,每县基本财力保障转移支付1000万元,共计2.3亿元,由23个县统筹使用;"
        "每县社会事业发展专项资金1000万元,共计2.3亿元,支持社会事业项目;每县产业发展专项资金652万元,共计1.5亿元,"
        "由各县整合使用;每县债券贴息资金1588万元,共计3.65亿元,支持产业结构调整。",
    ],
)
def test_an_amount_in_a_clause_opening_with_mei_is_a_unit_price(text: str) -> None:
    assert _errors(text) == []


def test_a_per_county_amount_is_no_term_and_its_total_still_is() -> None:
    text = "其中,每县基本财力保障资金1000万元,共计2亿元;每县产业发展资金1650万元,共计3.3亿元。"
    exact = {f.text: f.exact for f in analyse([text]).figures}
    assert exact == {"1000万元": False, "2亿元": True, "1650万元": False, "3.3亿元": True}


@pytest.mark.parametrize(
    "text",
    [
        # the 全国 parts add up to the 全国 total printed before, not to the 中央 or 地方 revenue between
        "一季度,全国一般公共预算收入62037亿元,同比增长8.6%。\n"
        "收入方面,一季度,中央一般公共预算收入28949亿元,同比增长7.6%;地方一般公共预算本级收入33088亿元,"
        "同比增长9.5%。全国税收收入52452亿元,同比增长7.7%;非税收入9585亿元,同比增长14.2%。",
    ],
)
def test_revenue_parts_of_another_level_are_not_read(text: str) -> None:
    assert _errors(text) == []


def test_revenue_parts_of_the_same_level_are_still_read() -> None:
    # 4575 + 2000 = 6575, not 6717
    text = "全县累计完成地方财政收入6717万元,较上年下降3.2%。\n全县税收收入4575万元,同比增长2%;非税收入2000万元。"
    assert _errors(text) == [("sum_mismatch", "6717万元", "6575.00万元")]


@pytest.mark.parametrize(
    "text",
    [
        # 467.54 + 338.3 is no sum: the 决算 of one year and the 预算 of the next, of one thing
        "2011年三公经费财政拨款预算551.59万元。其中,公务用车购置及运行维护费:2010年决算数467.54万元,"
        "2011年预算数338.3万元。",
        "全年支出预算300万元,其中:2023年决算数180万元,2024年预算数150万元。",
    ],
)
def test_a_list_of_one_things_budget_and_final_of_two_years_holds_no_parts(text: str) -> None:
    assert _errors(text) == []


def test_a_list_of_one_years_parts_is_still_read() -> None:
    # 180 + 150 = 330, not 300: both parts are of one year's 预算
    text = "2024年支出预算300万元,其中:2024年基本支出预算180万元,2024年项目支出预算150万元。"
    assert _errors(text) == [("sum_mismatch", "300万元", "330.00万元")]


def test_counts_of_one_wholes_kinds_each_with_its_share() -> None:
    # 35 / (1 + 3 + 35 + 2) = 85.37%: the counts add up to the whole the shares were taken of
    text = (
        "抽审的41个项目审核等级为:1个项目评为优,占评定项目的2.44%;3个项目评为良,占评定项目的7.32%;"
        "35个项目评为中,占评定项目的84.36%;2个项目评为差,占评定项目的4.88%。"
    )
    found = [(f.code, f.stated, f.expected, f.message) for f in audit_text(text).findings]
    assert found == [
        ("share_mismatch", "84.36%", "85.37%", "35个项目评为中占评定项目（即所列各项合计）41个的比例应为85.37%，报告写为84.36%。")
    ]
    # cut instead of rounded: a 提示
    cut = text.replace("84.36%", "85.36%")
    assert [(f.code, f.severity.value) for f in audit_text(cut).findings] == [("share_truncated", "warning")]
    # a list that leaves a kind out fits none of its shares and says nothing
    assert not audit_text(text.replace(";2个项目评为差,占评定项目的4.88%", "")).findings
