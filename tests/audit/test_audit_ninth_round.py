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


@pytest.mark.parametrize(
    ("text", "right", "wrong", "expected"),
    [
        # 79.44 / (603.13 + 79.44) = 11.6%
        ("2023年度财政拨款收、支总计603.13万元。与2022年相比,财政拨款收、支总计各减少79.44万元,下降{}。", "11.6%", "12.8%", "11.6%"),
        # 146.94 / (2246.97 - 146.94) = 7.0%
        ("2024年度收入总计2246.97万元,支出总计2246.97万元。收、支与2023年度相比,增加146.94万元,增长{},主要原因是学生增加。", "7.0%", "7.7%", "7.0%"),
        # 74.56 / (521.99 - 74.56) = 16.66%: 17% printed whole (the message gives a decimal more)
        ("2017年度收入、支总计521.99万元,与2016年相比,收、支总计增加74.56万元,增长{}。", "17%", "20%", "16.7%"),
        # a decrease printed as 负增长: 0.46 / (37.78 + 0.46) = 1.20%
        ("上划中央收入完成37.78万元,同比减少0.46万元,负增长{}。", "1.20%", "1.50%", "1.20%"),
        # an item of a 其中 list after a comparison, its amount right before its change: 2.79 / 77.39 = 3.6%
        ("全市完成一般公共预算收入118.05万元,同比增加2.25万元,增长1.94%。其中:地方财政收入完成80.18万元,增加2.79万元,增长{};"
         "上划收入完成37.87万元,减少0.54万元,下降1.41%。", "3.6%", "4.6%", "3.6%"),
        # the change printed with what it changes ("减少支出"): 613.80 / (1360.13 + 613.80) = 31.1%
        ("2017年“三公”经费财政拨款支出1360.13万元,比上年减少支出613.80万元,下降{}。", "31.1%", "36.0%", "31.1%"),
    ],
)
def test_more_forms_of_a_change_and_its_percentage(text: str, right: str, wrong: str, expected: str) -> None:
    assert _errors(text.format(right)) == []
    assert _errors(text.format(wrong)) == [("yoy_mismatch", wrong, expected)]


def test_a_part_printed_without_its_unit_explains_the_gap() -> None:
    # "20" lost its 名: 20 + 17 + 2 = 39, the shortfall is that bare number
    text = "镇人民政府单位编制数为39名,其中公务员(含参照公务员管理事业人员)20事业编制17名,工勤编制2名。"
    assert _errors(text) == []
    assert _errors("支出合计100万元,其中:基本支出60万元,项目支出30万元。") == [("sum_mismatch", "100万元", "90.00万元")]
    assert _errors("支出合计100万元,其中:基本支出60万元,项目支出40。") == []
    # a bare number that is not the gap explains nothing
    assert _errors("支出合计100万元,其中:基本支出60万元,项目支出30万元,另5。") == [("sum_mismatch", "100万元", "90.00万元")]


def test_a_share_of_the_years_income_beside_a_total_holding_the_carry_over() -> None:
    # 收入合计 17116.72 holds 年初结转和结余 3435.08: 13681.64 is all of the year's own income
    text = (
        "2021年度收入合计17116.72万元,较上年决算数减少6249.82万元,下降26.75%。其中:财政拨款收入13681.64万元,占{}。"
        "此外,使用非财政拨款结余0.00万元,年初结转和结余3435.08万元。"
    )
    assert _errors(text.format("100%")) == []
    assert _errors(text.format("90%")) == [("share_mismatch", "90%", "79.93%")]
    # no carry-over printed: the share is of the total as printed
    assert _errors(text.format("100%").replace("年初结转和结余3435.08万元", "其他0万元")) == [("share_mismatch", "100%", "79.93%")]


def test_the_other_counts_of_the_juesuan_form_end_the_staff_list() -> None:
    text = "本部门2020年年末实有人数{}人,其中在职人员13人,离休人员0人,退休人员0人;年末其他人员0人;年末学生人数0人。"
    assert _errors(text.format(14)) == [("sum_mismatch", "14人", "13人")]
    assert _errors(text.format(13)) == []


def test_two_amounts_in_yuan_among_wan_yuan_mended_together() -> None:
    # 39029 + 49406 = 88435 once both 元 amounts are read as 万元
    text = (
        "一般公共预算收入88435元,完成调整预算的99.2%,其中:税收收入39029元,下降12%;非税收入49406万元,增长67.1%;"
        "上级补助405490万元,其中:返还性收入2275万元、一般性转移支付收入336747万元、专项转移支付收入66468万元。"
    )
    found = [(f.code, f.stated, f.expected) for f in audit_text(text).findings]
    assert found == [("unit_typo", "39029元", "39029万元"), ("unit_typo", "88435元", "88435万元")]
    # a sentence in 元 on purpose is left as printed
    per_head = "生均公用经费支出13248.56元,比上年17049.52元减少3800.96元,下降22.29%。"
    assert [f.code for f in audit_text(per_head).findings if f.code == "unit_typo"] == []


def test_the_last_items_of_a_list_that_belong_to_the_outer_sum() -> None:
    # 4402 + 1884 + 60 + 103 = 6449: 上年结转结余 and 基金调入 are of 收入合计, not of 上级转移支付
    text = (
        "全镇一般公共预算收入4402万元,加上级转移支付收入1884万元,其中:一般转移支付收入1478万元(含均衡性转移支付收入166万元、"
        "基本财力保障机制奖补资金收入968万元、结算补助收入132万元、其他一般转移支付收入212万元,专项转移支付收入406万元),"
        "上年结转结余60万元,基金调入103万元,收入合计为6449万元。"
    )
    assert [e for e in _errors(text) if e[1] == "1884万元"] == []
    # the outer sum broken: the list is read as printed again
    assert ("sum_mismatch", "1884万元", "1641.00万元") in _errors(text.replace("6449万元", "6500万元"))


def test_a_lone_part_larger_than_its_total_opening_a_sentence_of_its_own() -> None:
    text = "一般公共预算财政拨款收入629.31万元,一般公共预算财政拨款支出629.31万元,比上年减少88.85万元。其中:基本支出768.93万元,比上年减少55.08万元。"
    assert _errors(text) == []
    # in the total's own sentence the part is its part: more than the whole is an error (more than a tenth more, a
    # warning since the twenty-fourth round)
    assert _errors("一般公共预算财政拨款支出629.31万元,其中:基本支出668.93万元。") == [("parts_exceed_total", "629.31万元", "668.93万元")]


def test_shares_that_all_fit_another_whole_printed_before() -> None:
    text = (
        "一般公共预算支出277798万元,上解支出394万元,安排预算稳定调节基金34295万元,总支出为312487万元。\n"
        "一般公共预算具体支出情况如下:一般公共服务支出37153万元,占全年总支出的13.37%;国防支出682万元,占全年总支出的0.25%;"
        "公共安全支出23152万元,占全年总支出的8.33%。"
    )
    # 37153 / 277798 = 13.37%, 682 / 277798 = 0.25%, 23152 / 277798 = 8.33%: the shares are of 一般公共预算支出
    assert [e for e in _errors(text) if e[0] == "share_mismatch"] == []
    # one that fits neither is reported against the whole it names
    wrong = text.replace("8.33%", "9.33%")
    assert sorted(e[1] for e in _errors(wrong) if e[0] == "share_mismatch") == ["0.25%", "13.37%", "9.33%"]


def test_the_grand_income_total_with_every_numbered_item_of_the_form() -> None:
    # 1813.24 + 0 + 8257.3 + 0 + 0 + 27.93 = 10098.47: 收入总计 holds 上年结转和结余 (the first three alone
    # make 10070.54, which is 本年收入合计, not 收入总计: the
    # thirteenth round names that in its own finding)
    text = (
        "(一)收入决算情况。2017年度,收入总计为{}万元,其中:\n1.财政拨款收入1813.24万元,较上年减少520.82万元。\n"
        "2.上级补助收入0万元。\n3.事业收入8257.3万元,为事业单位开展专业业务活动的收入。\n4.其他收入0万元。\n"
        "5.用事业基金弥补收支差额0万元。\n6.上年结转和结余27.93万元,为以前年度结转的资金。\n(二)支出决算情况"
    )
    assert _errors(text.format("10070.54")) == [("grand_total_without_carry_over", "10070.54万元", "10098.47万元")]
    assert _errors(text.format("10098.47")) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("收入合计55.60亿元,支出合计49.10亿元,年终结余6.50亿元。", []),
        ("收入合计55.60亿元,支出合计49.10亿元,年终结余7.50亿元。", [("balance_mismatch", "7.50亿元", "6.50亿元")]),
        ("政府性基金上年结余26.38亿元,上级补助收入14.78亿元,收入合计42.5亿元,支出19.43亿元,年终结余25.38亿元。",
         [("balance_mismatch", "25.38亿元", "23.07亿元")]),
        # a department's 年末结转和结余 also holds what it carried in: not income less spending
        ("本年收入合计100万元,本年支出合计90万元,年末结转和结余15万元。", []),
        ("收入合计100万元,支出合计90万元,年末结余15万元。", []),
        # 总财力 is the income side of a fiscal account
        ("全区总财力为332057万元。全区总支出为312497万元。收支相抵,年终结转结余19570万元。", [("balance_mismatch", "19570万元", "19560.00万元")]),
    ],
)
def test_a_fiscal_accounts_year_end_balance(text: str, found: list[tuple[str, str, str]]) -> None:
    assert _errors(text) == found


@pytest.mark.parametrize(
    "text",
    [
        # 37730 / 46908 = 80.43%: the budget approved by the county's people's congress, 全县 before 全年
        "2023年1-9月一般公共预算收入37,730万元,为县人民代表大会批准全县全年预算46,908万元的{},比上年同期增收2,445万元。",
        # 37.21 / 35.3 = 105.41%: "收入预算" is a budget, though it names the income side
        "2021年收入预算35.3亿元,实际完成37.21亿元,为预算的{},同比增长12.9%。",
    ],
)
def test_more_forms_of_a_completion_rate(text: str) -> None:
    right = "80.43%" if "46,908" in text else "105.4%"
    assert _errors(text.format(right)) == []
    assert [e[0] for e in _errors(text.format("88.47%"))] == ["execution_rate_mismatch"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 49.13 - 17.34 = 31.79
        ("支出较去年增加31.79万元,主要是基本支出增加49.13万元,项目支出减少了17.34万元。", []),
        ("支出较去年增加31.79万元,主要是基本支出增加49.13万元,项目支出减少了18.34万元。",
         [("change_sum_mismatch", "31.79万元", "30.79万元")]),
        # -55.08 - 41.25 = -96.33
        ("支出预算较2024年减少95.33万元,主要是基本支出预算减少55.08万元,项目支出预算减少41.25万元。",
         [("change_sum_mismatch", "-95.33万元", "-96.33万元")]),
        # the main causes only: another source may have changed too
        ("收入较去年增加31.79万元,主要是一般公共预算经费拨款增加30.79万元。", []),
        ("收入较去年增加31.79万元,主要是一般公共预算拨款增加30.79万元,事业收入增加2万元。", []),
    ],
)
def test_a_change_explained_by_its_parts_changes(text: str, found: list[tuple[str, str, str]]) -> None:
    assert _errors(text) == found


def test_a_change_after_an_item_of_nothing_is_the_totals() -> None:
    # 5.24 / (231.24 - 5.24) = 2.3%; the 0万元 carry-over just before the comparison cannot have grown by 5.24
    text = "本部门2020年度收入总计231.24万元,其中年初结转和结余0万元,较2019年增加5.24万元,增长{}。"
    assert _errors(text.format("2.3%")) == []
    assert _errors(text.format("2.6%")) == [("yoy_mismatch", "2.6%", "2.3%")]


def test_an_actual_against_its_budget_stated_as_an_amount_only() -> None:
    text = "2023年“三公”经费预算数为20万元,决算数为15万元,决算数比预算数减少{}万元。"
    assert _errors(text.format(5)) == []
    assert _errors(text.format(6)) == [("yoy_change_mismatch", "6万元", "5.00万元")]


@pytest.mark.parametrize(
    ("row", "found"),
    [
        ("年度资金总额 | 200.00 | 220.00 | 180.00 | 10 | 81.82% | 8.18", []),
        ("年度资金总额 | 200.00 | 220.00 | 180.00 | 10 | 95.00% | 9.50", [("execution_rate_mismatch", "95.00%", "81.82%")]),
        ("总额 | 200 | 220 | 180 | 91.82% | 10 | 8.18", [("execution_rate_mismatch", "91.82%", "81.82%")]),
        # not the form's shape (a score over its weight): not read as its row
        ("年度资金总额 | 200 | 220 | 180 | 10 | 95% | 19.5", []),
    ],
)
def test_a_self_evaluation_row_printed_without_its_header(row: str, found: list[tuple[str, str, str]]) -> None:
    assert _errors(row) == found


def test_forms_from_the_blind_pages_of_the_dev_half() -> None:
    # 29.6 / (1151.41 - 29.6) = 2.64%: "各增加" after both totals printed equal
    both = "2021年度收入总计1,151.41万元,支出总计1,151.41万元,与2020年度相比,各增加29.6万元,增长{}。"
    assert _errors(both.format("2.64%")) == []
    assert _errors(both.format("2.57%")) == [("yoy_mismatch", "2.57%", "2.64%")]
    # 32 + 53 + 0 + 2 = 87: 自收自支 is a kind of staff
    staff = "核定编制{}人,其中:行政编制32人,事业编制53人,工勤编制0人,自收自支 2 人。实有在职人员85人。"
    assert _errors(staff.format(87)) == []
    assert _errors(staff.format(79)) == [("sum_mismatch", "79人", "87人")]
    # 25439.38 - 24617.99 = 821.39: what 完成政府采购 spent against its budget
    saved = "完成政府采购24617.99万元,采购预算25439.38万元,节约资金{}万元。"
    assert _errors(saved.format("821.39")) == []
    assert _errors(saved.format("821.5")) == [("savings_mismatch", "821.5万元", "821.39万元")]


def test_a_number_the_page_broke_at_its_decimal_point() -> None:
    from selfeval_xl.audit import analyse

    a = analyse(("其中:财政拨款收入6573.22万元,占92.4%;经营收入0.\n00万元,占0%。",))
    assert [f.text for f in a.figures if f.kind.value == "amount"] == ["6573.22万元", "0.00万元"]


def test_a_self_evaluation_row_with_dashes_for_its_weight_and_score() -> None:
    rows = "年度资金总额 | 200 | 200 | 180 | 10 | 90% | 9 | 其中:当年财政拨款 | 200 | 200 | 180 | — | {} | —"
    assert _errors(rows.format("90%")) == []
    assert _errors(rows.format("95%")) == [("execution_rate_mismatch", "95%", "90.00%")]
    # a dash where the rate belongs is no rate
    assert _errors("上年结转资金 | 0 | 0 | 0 | - | / | -") == []


def test_a_difference_word_of_the_sentence_before_does_not_make_an_item_a_difference() -> None:
    # 43.72 + 5.49 + 70.2 = 119.41, not 121.76; "厉行节约" ends the sentence before the list
    text = "部门预算支出总数{}万元,下降原因主要为单位厉行节约,压缩支出。其中:人员支出43.72万元,日常公用支出5.49万元,项目支出70.2万元。"
    assert _errors(text.format("119.41")) == []
    assert _errors(text.format("121.76")) == [("sum_mismatch", "121.76万元", "119.41万元")]
