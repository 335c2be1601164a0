"""Twenty-third round: rules and fixes of the round (docs/audit.md, "Twenty-third round")."""

from __future__ import annotations

import pytest
from real_corpus import text_of

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
    # cut instead of rounded: a 提示 (7.317% printed 7.31%)
    cut = text.replace("84.36%", "85.37%").replace("7.32%", "7.31%")
    assert [(f.code, f.severity.value) for f in audit_text(cut).findings] == [("share_truncated", "warning")]
    # but 85.36% is what largest remainder prints to make the four add up to 100.00% (the rounded ones make 100.01%):
    # since the thirty-fourth round no finding
    assert not audit_text(text.replace("84.36%", "85.36%")).findings
    # a list that leaves a kind out fits none of its shares and says nothing
    assert not audit_text(text.replace(";2个项目评为差,占评定项目的4.88%", "")).findings


# the second batch's rules


def test_a_list_goes_on_in_the_next_sentences_comma_parts() -> None:
    # 1125.76 + 0 + 86.97 + 70 = 1282.73: the list goes on after its sentence, one item a comma part
    text = (
        "(一)收入预算2025年年初预算数1282.73万元,其中:一般公共预算拨款1125.76万元,上年结转0.00万元。"
        "事业收入86.97万元,其他收入70.00万元。"
    )
    assert _errors(text) == []
    # a continuation that does not close the gap leaves the error standing
    assert _errors(text.replace("70.00万元", "60.00万元")) == [("sum_mismatch", "1282.73万元", "1125.76万元")]


def test_paragraph_items_are_the_amounts_named_like_their_total() -> None:
    head = "1-12月份,完成投资77.57亿元,投资完成率122.6%。其中:\n"
    items = (
        "省级6项,概算投资140.16亿元,当年计划投资19亿元。1-12月份完成投资28.78亿元。\n"
        "市级5项,概算投资221.76亿元,当年计划投资22.67亿元。1-12月份完成投资26.4亿元。\n"
        "县级16项,概算投资108.72亿元,当年计划投资21.6亿元。1-12月份完成投资22.39亿元。"
    )
    assert _errors(head + items) == []  # 28.78 + 26.4 + 22.39 = 77.57
    a = analyse([head + items])
    assert [[a.figures[c].text for c in g.children] for g in a.groups] == [["28.78亿元", "26.4亿元", "22.39亿元"]]
    # items all named as their total is are its parts, not measures of categories: a slip is an error
    assert _errors(head + items.replace("22.39", "21.39")) == [("sum_mismatch", "77.57亿元", "76.57亿元")]


def test_a_sangong_total_does_not_take_the_parts_another_total_lists() -> None:
    # dev page 2523: "2011年…预算数为2,051.05万元。" in the lede, then "2010年…决算数…共计2,133.47万元,其中:…支出数…"
    text = text_of("2523")
    assert "2,051.05万元" in text
    assert _errors(text) == []


def test_an_item_named_a_total_ends_the_list() -> None:
    # 上缴税费总额 is a statement of its own, no second part of the profit
    text = "实现归母净利润2.59亿元,同比下降82.43%,其中:归属于本方股东的归母净利润2.48亿元,同比下降81.11%;上缴税费总额29.31亿元,同比上升5.64%。"
    assert _errors(text) == []


def test_a_classification_opening_a_paragraph_is_not_of_the_last_item_of_a_share_list() -> None:
    # dev page 2457: "…无形资产、长期投资等其他资产209亿元,占5.2%" ends a paragraph, "从市级资产结构来看,固定资产332亿元,
    # 占市级资产总额32.4%,…" opens the next: 209 is the last item of a share list, no total of the next paragraph
    text = text_of("2457")
    assert "从市级资产结构来看" in text
    assert _errors(text) == []


def test_items_with_unnamed_shares_after_a_named_share_are_its_siblings() -> None:
    text = (
        "公共基础设施1,933亿元,占全市资产总额48.8%,其中:等级公路1.6万公里,城市桥梁273座;流动资产750亿元,占18.9%;"
        "固定资产724亿元,占18.3%。"
    )
    assert audit_text(text).findings == () or not any(f.code.startswith("parts_") for f in audit_text(text).findings)
    # a total that is all of its whole keeps its parts: 60 + 30 = 90, not 100
    whole = "支出合计100万元,占支出总额100%,其中:基本支出60万元,占60%;项目支出30万元,占30%。"
    assert ("sum_mismatch", "100万元", "90.00万元") in _errors(whole) or any(f.code == "parts_below_total" for f in audit_text(whole).findings)


def test_an_amount_named_done_is_no_rates_whole() -> None:
    # 9.3 / 15.0 = 62%: the 37.6 done of the plan is no base of the 完成率
    text = "下达中央水利投资计划62.4亿元,其中中央资金15.0亿元;已完成中央投资计划37.6亿元、完成率60.2%,完成中央资金9.3亿元、完成率61.9%。"
    assert _errors(text) == []


def test_a_rate_that_fits_another_amount_of_its_sentence_is_not_proven_wrong() -> None:
    # 节约 161.11 of the 实际 1420.53 is 11.34%: the 节约率 may be of the actual purchase
    text = "共完成采购预算金额1581.64万元,实际采购金额1420.53万元,节约财政资金161.11万元,节约率为11%。"
    assert _errors(text) == []
    assert _errors(text.replace("11%", "13%")) == [("named_rate_mismatch", "13%", "10.19%")]


def test_a_decimal_comma_and_a_milestone_are_no_figures() -> None:
    exact = {f.text: f.exact for f in analyse(["实际采购金额1420,53万元,连续跨越400亿元、500亿元大关,收入615.05亿元。"]).figures}
    assert exact == {"53万元": False, "400亿元": False, "500亿元": False, "615.05亿元": True}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "2015年三公经费决算支出数为1957.23万元,较2014年决算数1953.72万元减少3.51万元,下降0.2%。",
            "本年1957.23万元、上年1953.72万元，较上年实为增加3.51万元，报告写为减少3.51万元。",
        ),
        (
            "2023年支出合计800万元,比上年的900万元增加100万元,增长11.1%。",
            "本年800万元、上年900万元，较上年实为减少100.00万元，报告写为增加100万元。",
        ),
        # a change the right way but of the wrong size keeps its message
        (
            "2015年三公经费决算支出数为1957.23万元,较2014年决算数1953.72万元增加4.51万元,增长0.2%。",
            "本年1957.23万元、上年1953.72万元，增减额应为3.51万元，报告写为4.51万元。",
        ),
    ],
)
def test_a_change_that_goes_the_other_way_is_said_to(text: str, message: str) -> None:
    found = [f for f in audit_text(text).findings if f.code == "yoy_change_mismatch"]
    assert [f.message for f in found] == [message]
