"""Rules of the eleventh round, each from a dev text's miss or false alarm, on made-up text."""

from __future__ import annotations

from selfeval_xl.audit import audit_text


def _findings(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.code, f.severity.value, f.stated, f.expected) for f in audit_text(text).findings]


# 612.40 + 88.15 + 40.05 = 740.60 of 812.75: the classes the budget mostly went to
_CLASSES = "(二)支出预算:2024年年初预算数812.75万元,其中:一般公共服务支出612.40万元,卫生健康支出88.15万元,住房保障支出40.05万元。"


def test_an_inline_list_of_function_classes_short_of_its_total_is_a_hint() -> None:
    assert _findings(_CLASSES) == [("parts_below_total", "warning", "812.75万元", "740.60万元")]
    # over the total it is an error, as any list
    over = _CLASSES.replace("612.40万元", "712.40万元")
    assert [(c, s) for c, s, *_ in _findings(over)] == [("parts_exceed_total", "error")]
    # the same short list of other items stays an error
    items = _CLASSES.replace("一般公共服务支出", "人员经费").replace("卫生健康支出", "公用经费").replace("住房保障支出", "专项经费")
    assert [(c, s) for c, s, *_ in _findings(items)] == [("sum_mismatch", "error")]


def test_numbered_lines_of_function_classes_set_out_every_class() -> None:
    text = "2024年支出预算812.75万元。包括:\n1.一般公共服务612.40万元。\n2.卫生健康支出88.15万元。\n3.住房保障支出40.05万元。"
    assert [(c, s) for c, s, *_ in _findings(text)] == [("sum_mismatch", "error")]


def test_a_change_naming_its_item_with_jing_in_the_sentence_after_its_amount() -> None:
    # 28.23 / (22.00 + 28.23) = 56.2%
    text = "(一)因公出国(境)费22.00万元。全年组织出国团组10个。与2016年相比,因公出国(境)经费支出减少28.23万元,下降56.2%。"
    assert _findings(text) == []
    assert _findings(text.replace("56.2%", "61.8%")) == [("yoy_mismatch", "error", "61.8%", "56.2%")]
    # "公务接待经费" printed as "公务接待费"
    text = "公务接待费12.00万元。与上年相比,公务接待经费支出减少3万元,下降20%。"
    assert _findings(text) == []
    assert _findings(text.replace("下降20%", "下降30%")) == [("yoy_mismatch", "error", "30%", "20.0%")]


def test_a_change_with_no_comparison_word_right_after_its_amount() -> None:
    # 19.54 / (227.53 - 19.54) = 9.39%
    text = "元至5月,全市累计完成一般公共预算支出227.53亿元,增加19.54亿元,增长9.39%。"
    assert _findings(text) == []
    assert _findings(text.replace("9.39%", "10.33%")) == [("yoy_mismatch", "error", "10.33%", "9.39%")]
    # the amount may be the base itself (20 / 100 = 20%): not wrong under either reading
    assert _findings("项目支出100万元,增加20万元,增长20%。") == []
    # a planned amount is left alone
    assert _findings("年初预算100万元,增加20万元,增长30%。") == []


def test_money_given_as_a_total_or_as_funds_then_spent_then_its_rate() -> None:
    text = (
        "二是学前教育支出,即公办幼儿园生均经费、教育结余用于项目建设等合计3624.71万元,已于本年度支出3624.71万元,"
        "预算完成率100%。三是高中教育支出,即改善办学条件补助资金、项目建设经费4194.23万元,于本年度支出3774.81万元,"
        "预算完成率90%。"
    )
    assert _findings(text) == []  # 3774.81 / 4194.23 = 90.00%
    assert _findings(text.replace("完成率100%", "完成率110%")) == [("execution_rate_mismatch", "error", "110%", "100.00%")]
    assert _findings(text.replace("完成率90%", "完成率95%")) == [("execution_rate_mismatch", "error", "95%", "90.00%")]


def test_an_adjustment_from_one_figure_to_another_against_its_stated_amount() -> None:
    text = "一般公共预算总收入由397959万元调整为409959万元,调增12000万元。政府性基金预算收入由年初的80000万元调整为55000万元,调减25000万元。"
    assert _findings(text) == []
    assert _findings(text.replace("调增12000万元", "调增13200万元")) == [
        ("adjustment_mismatch", "error", "13200万元", "12000.00万元")
    ]
    assert _findings(text.replace("调减25000万元", "调减30000万元")) == [
        ("adjustment_mismatch", "error", "30000万元", "25000.00万元")
    ]
    # a verb against the figures' direction is not read
    assert _findings(text.replace("调增12000万元", "调减13200万元")) == []


def test_a_shortfall_or_excess_against_the_budget() -> None:
    # 49531 - 42100 = 7431; 34519 - 20000 = 14519
    text = (
        "一般公共预算收入42100万元,完成预算49531万元的85.0%,短收7431万元,同比下降10.2%;"
        "政府性基金收入34519万元,完成预算20000万元的172.6%,超收14519万元。"
    )
    assert _findings(text) == []
    assert _findings(text.replace("短收7431万元", "短收8174万元")) == [("budget_gap_mismatch", "error", "8174万元", "7431.00万元")]
    message = audit_text(text.replace("超收14519万元", "超收15971万元")).findings[0].message
    assert message == "完成34519万元、预算20000万元，超收应为14519.00万元，报告写为15971万元。"


def test_a_sentence_opened_by_jia_adds_to_the_figure_before_it() -> None:
    # 307.3 + 133.6 + 12.9 + 28.3 + 84.2 + 61.9 = 628.2
    text = (
        "全区一般公共预算收入307.3亿元,下降7.2%。加市级财政税收返还和补助收入133.6亿元、上年结转收入12.9亿元、"
        "地方政府一般债务转贷收入28.3亿元、调入资金84.2亿元、动用预算稳定调节基金61.9亿元,收入总量为628.2亿元。"
    )
    assert _findings(text) == []
    assert _findings(text.replace("628.2亿元", "691.0亿元")) == [("sum_mismatch", "error", "691.0亿元", "628.2亿元")]
    # 加强/加快 open no list
    assert _findings("全区收入307.3亿元。加强征管,调入资金84.2亿元、动用基金61.9亿元,收入总量为500亿元。") == []


def test_a_share_printed_right_after_its_amount_without_a_comma() -> None:
    # 588.61 / 1853.75 = 31.75%; 27.02 / 1853.75 = 1.46%
    text = (
        "2020年支出预算1853.75万元。其中:一般公共服务支出588.61万元占31.75%、文化旅游体育与传媒支出27.02万元占1.46%、"
        "农林水支出1238.12万元占66.79%。"
    )
    assert _findings(text) == []
    assert _findings(text.replace("31.75%", "34.93%")) == [
        ("share_mismatch", "error", "34.93%", "31.75%"),
        ("shares_not_100", "error", "103.18%", "100.00%"),
    ]


def test_a_share_of_a_whole_named_in_full_or_as_the_lists_total() -> None:
    # 90623 / 103033 = 87.96%
    text = "一般公共预算收入实际完成103,033万元,完成年初预算的102.04%,税收收入完成90,623万元,占一般公共预算收入比重为87.96%。"
    assert _findings(text) == []
    assert _findings(text.replace("87.96%", "96.76%")) == [("share_mismatch", "error", "96.76%", "87.96%")]
    # 273702.10 / 390118.10 = 70.16%; 116416.00 / 390118.10 = 29.84%
    text = (
        "三公经费支出决算为390,118.10元。其中:因公出国(境)费支出决算为0元;公务用车购置及运行费支出决算为273,702.10元,"
        "占总支出决算的70.16%;公务接待费支出决算为116,416.00元,占总支出决算的29.84%。"
    )
    assert _findings(text) == []
    assert _findings(text.replace("70.16%", "77.18%"))[0] == ("share_mismatch", "error", "77.18%", "70.16%")


def test_a_rate_of_the_years_budget_or_of_the_adjusted_budget_just_before() -> None:
    # 21.87 / 21.06 = 103.85%; 15.17 / 19.44 = 78.03%
    text = (
        "全县一般公共财政收入预算21.06亿元,实际完成21.87亿元,为年预算的103.8%,同比增长11.9%。"
        "全县政府性基金支出预算21.56亿元。执行中安排支出,支出预算调整为19.44亿元。实际完成15.17亿元,为调整预算的78%。"
    )
    assert _findings(text) == []
    assert _findings(text.replace("103.8%", "113.8%")) == [("execution_rate_mismatch", "error", "113.8%", "103.85%")]
    assert _findings(text.replace("78%", "86%")) == [("execution_rate_mismatch", "error", "86%", "78.03%")]


def test_a_budgets_spending_and_what_else_it_pays_out_make_its_expenditure_total() -> None:
    # 456269 + 3370 + 12667 + 731 - 21 + 780 = 473796: a negative part is printed with its sign
    text = (
        "一般公共预算支出456269万元,上解上级支出3370万元,债务还本支出12667万元,安排预算稳定调节基金731万元,"
        "补充预算周转金-21万元,区域间转移性支出780万元,支出总计473796万元。"
    )
    assert _findings(text) == []
    assert _findings(text.replace("473796万元", "521176万元")) == [("sum_mismatch", "error", "521176万元", "473796.00万元")]
    message = audit_text(text.replace("473796万元", "521176万元")).findings[0].message
    assert "+补充预算周转金-21万元+" in message  # the negative part named and signed as printed
    # a range is no negative amount
    assert audit_text("补助标准为每人10-20万元。").findings == ()


def _spaced(text: str) -> str:
    """Every pair of Chinese characters spaced, as a PDF's character spacing copies."""
    import re

    return re.sub(r"([\u4e00-\u9fff])(?=[\u4e00-\u9fff])", r"\1 ", text)


def test_a_letter_spaced_text_reads_across_its_quotes_and_brackets() -> None:
    # 0 + 0.39 + 1.37 = 1.76: the 三公 total 1.75 misses by a cent (its parts are the 三公 three)
    text = (
        "2021年度财政拨款“三公”经费支出年初预算3.05万元,支出决算1.75万元,完成年初预算的57.38%。"
        "其中,因公出国(境)费支出决算0万元;公务接待费支出决算0.39万元;公务用车购置及运行维护费支出决算1.37万元。"
    )
    plain = [(c, s) for c, s, *_ in _findings(text)]
    assert plain == [("sum_rounding_gap", "warning")]
    assert [(c, s) for c, s, *_ in _findings(_spaced(text))] == plain
    share = "“三公”经费支出决算20.00万元,其中:因公出国(境)费支出决算5.00万元,占25.00%;公务接待费支出决算15.00万元,占80.00%。"
    assert ("share_mismatch", "error", "80.00%", "75.00%") in _findings(_spaced(share))


def test_a_completion_rate_of_amounts_as_of_counts() -> None:
    # 27.13 / 45.76 = 59.29%; 0.72 / 1.1 = 65.45%
    text = "公用经费年初45.76万元,1-6月执行27.13万元,完成率59.29%。办公楼运行经费预算1.1万元,截止6月30日,已执行0.72万元,完成率65.45%。"
    assert _findings(text) == []
    assert _findings(text.replace("59.29%", "65.22%")) == [("named_rate_mismatch", "error", "65.22%", "59.29%")]
    message = audit_text(text.replace("59.29%", "65.22%")).findings[0].message
    assert message.startswith("按1-6月执行27.13万元÷公用经费年初45.76万元计算")  # the months named as printed
    assert _findings(text.replace("65.45%", "72.00%")) == [("named_rate_mismatch", "error", "72.00%", "65.45%")]
    # of counts it stays as it was; "预算完成率" is the execution check's, reported once
    assert _findings("共设置产出指标12个,已完成11个,完成率81.67%。") == [("named_rate_mismatch", "error", "81.67%", "91.67%")]
    assert [c for c, *_ in _findings("项目预算100万元,已支出80万元,预算完成率90%。")] == ["execution_rate_mismatch"]


def test_the_years_actual_spending_splits_as_spending_does() -> None:
    # 890.4 + 705.19 = 1595.59
    text = "全年实际收入1699.12万元,其中财政拨款收入1435.22万元,上年结转结余263.90万元;全年实际支出1595.59万元,其中基本支出890.4万元,项目支出705.19万元。"
    assert _findings(text) == []
    assert _findings(text.replace("1595.59万元", "1755.15万元")) == [("sum_mismatch", "error", "1755.15万元", "1595.59万元")]


_FUNDS = """经县人民代表大会批准,我县2023年度预算为:一般公共预算收入60,000万元,支出373,660万元;政府性基金预算收入49,148万元,支出25,050万元;国有资本经营预算收入200万元,支出19万元。具体执行情况如下:
(一)收入预算执行情况
地方一般公共预算收入67,439万元,完成年初预算的112.4%。地方政府性基金预算收入23,171万元,完成年初预算的47.15%。地方国有资本经营预算收入158万元,完成年初预算的79%。
(二)支出预算执行情况
地方一般公共预算支出347,768万元,完成年初预算的93.07%。地方政府性基金预算支出27,118万元,完成年初预算的108.26%。"""


def test_a_funds_execution_against_the_budget_stated_for_it_before() -> None:
    assert _findings(_FUNDS) == []
    assert _findings(_FUNDS.replace("47.15%", "57.15%")) == [("execution_rate_mismatch", "error", "57.15%", "47.15%")]
    assert _findings(_FUNDS.replace("93.07%", "96.07%")) == [("execution_rate_mismatch", "error", "96.07%", "93.07%")]
    # a rate of the adjusted budget is not of the year's stated one
    assert _findings(_FUNDS.replace("完成年初预算的93.07%", "完成调整预算的96.07%")) == []


def test_a_sangong_section_naming_its_item_again_far_into_its_sentence() -> None:
    text = """2020年全县使用当年财政拨款安排的“三公”经费决算总额为1023万元,较年初预算减少32%。其中:
一、因公出国(境)经费
2020年因公出国(境)决算支出0万元。
二、公务用车购置及运行维护费
2020年行政事业单位执行公务,开展业务活动的公务用车购置及运行费决算支出785万元,较年初预算减少28%。
三、公务接待费
2020年行政事业单位执行公务,以及开展业务活动的交通费、用餐费等公务接待费决算支出238万元,较年初预算下降42%。"""
    assert _findings(text) == []
    assert [(c, s, st) for c, s, st, _ in _findings(text.replace("1023万元", "1125万元"))] == [("sum_mismatch", "error", "1125万元")]


def test_an_expenditure_volume_that_adds_the_carry_over_balances_the_revenue_volume() -> None:
    text = (
        "2024年一般公共预算收入390525万元,同比下降9.6%。加上上级补助、地方政府一般债务转贷收入等,收入总量为1117285万元。"
        "一般公共预算支出892766万元,同比增长12.0%,加上地方政府一般债券还本支出、结转下年等,支出总量为1117285万元。"
    )
    assert _findings(text) == []
    assert _findings(text.replace("支出总量为1117285万元", "支出总量为1229014万元")) == [
        ("total_volumes_differ", "error", "1229014万元", "1117285万元")
    ]
    # a 支出总量 without the carry-over differs from the 收入总量 by it
    apart = "收入总量3838.3亿元。支出2809.1亿元,加上债务还本支出687.1亿元,支出总量3496.2亿元。收支总量相抵,结转342.1亿元。"
    assert [c for c, *_ in _findings(apart)] == []
