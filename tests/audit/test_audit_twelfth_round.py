"""Twelfth round: gaps within the rounding of their parts are 提示, never errors; an added list with an
item printed as a change is not read. Made-up texts in the forms of the dev half (docs/audit.md)."""

from __future__ import annotations

from selfeval_xl.audit import Severity, audit_text


def _findings(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.code, f.severity.value, f.stated, f.expected) for f in audit_text(text).findings]


def test_a_sum_missing_by_its_parts_rounding_is_a_hint() -> None:
    # 5100.39 + 4547.63 = 9648.02 against 9648.01: each a 元 amount rounded to 万元
    text = "2023年度支出合计9648.01万元,其中:基本支出5100.39万元,项目支出4547.63万元。"
    assert _findings(text) == [("sum_rounding_gap", "warning", "9648.01万元", "9648.02万元")]
    message = audit_text(text).findings[0].message
    assert "四舍五入" in message and "尾差" in message
    # two cents off is more than a cent: an error
    assert _findings(text.replace("9648.01", "9648.04")) == [("sum_mismatch", "error", "9648.04万元", "9648.02万元")]


def test_changes_of_thousands_missing_by_one_unit_are_a_hint() -> None:
    # 1423 - 1941 + 2252 = 1734 against 1735 (whole 万元 among thousands are rounded figures)
    text = (
        "全区完成财政收入29612万元,较上年同期增收1735万元。其中,国税完成11765万元,较上年同期增收1423万元;"
        "地税完成14796万元,较上年同期减收1941万元;财政完成3051万元,较上年同期增收2252万元。"
    )
    found = audit_text(text).findings
    assert [(f.code, f.severity) for f in found] == [("change_rounding_gap", Severity.WARNING)]
    assert found[0].stated == "1735万元" and "四舍五入" in found[0].message
    # two units off is no rounding
    assert [f.code for f in audit_text(text.replace("增收1735万元", "增收1736万元")).findings if f.severity is Severity.ERROR] == [
        "change_sum_mismatch"
    ]


def test_small_whole_wan_changes_stay_exact() -> None:
    # 8 + 3 = 11 against 10: whole 万元 under a thousand are exact
    text = "收入合计100万元,比上年增加10万元。其中:财政拨款收入80万元,比上年增加8万元;事业收入20万元,比上年增加3万元。"
    assert [(c, s) for c, s, *_ in _findings(text)] == [("change_sum_mismatch", "error")]


def test_an_added_list_with_an_item_printed_as_a_change_is_not_read() -> None:
    # "调出资金增加10,239万元" is one of the items: without it the four others miss the total by 10,239
    text = (
        "全市地方一般公共预算支出1,996,786万元,加上上解上级支出98,524万元、债务还本支出195,664万元,"
        "调出资金增加10,239万元,按规定安排预算稳定调节基金385,123万元,全市地方一般公共预算总支出2,686,336万元。"
    )
    assert _findings(text) == []
    # a change against last year is no item: the list is read (and here adds up)
    text = (
        "全市地方一般公共预算支出1,996,786万元,加上上解上级支出98,524万元,比上年增加10,239万元,"
        "债务还本支出195,664万元,全市地方一般公共预算总支出2,290,974万元。"
    )
    assert _findings(text) == []
    assert [c for c, *_ in _findings(text.replace("2,290,974", "2,291,974"))] == ["sum_mismatch"]


def test_a_paid_rate_of_the_money_named_in_total() -> None:
    # 100 / 120 = 83.33%: the rate of what the sentence names 共计
    text = "项目资金共计120万元,已拨付100万元,资金拨付率83.33%。"
    assert _findings(text) == []
    assert _findings(text.replace("83.33%", "90%")) == [("named_rate_mismatch", "error", "90%", "83.33%")]
    # a total investment is no year's money; an amount across ";" is another item's when the clause names its own
    # subject; a clause that only says what was paid goes on with the item before it (60 / 100 = 60%, of 120 50%)
    assert _findings("项目总投资合计500万元,已拨付100万元,资金拨付率90%。") == []
    assert _findings("资金共计120万元,到位100万元;乡村道路项目已拨付60万元,资金拨付率40%。") == []
    assert _findings("资金共计120万元,到位100万元;已拨付60万元,资金拨付率40%。") == [("named_rate_mismatch", "error", "40%", "60.00%")]


def test_income_and_expenditure_named_in_full_change_together() -> None:
    # 110.22 / (1250.36 - 110.22) = 9.67%: the 部门决算 template's "收入、支出总计各增加…"
    for text in (
        "2023年度收入总计1250.36万元、支出总计1250.36万元。与上年相比,收入、支出总计各增加110.22万元,增长9.7%。",
        "2023年度收入、支出总计均为1250.36万元,与上年相比,收入、支出总计各增加110.22万元,增长9.7%。",
    ):
        assert _findings(text) == []
        assert _findings(text.replace("9.7%", "10.5%")) == [("yoy_mismatch", "error", "10.5%", "9.7%")]


def test_each_item_of_a_list_completes_its_own_budget() -> None:
    # the 三公 template: each item's 预算/决算/完成预算的% after ";" — 10 / 10 = 100%, not 90%
    text = (
        "2023年度“三公”经费财政拨款支出预算为20.00万元,支出决算为15.00万元,完成预算的75%,其中:因公出国(境)费支出预算为"
        "5.00万元,支出决算为0万元,完成预算的0%;公务用车购置及运行维护费支出预算为10.00万元,支出决算为10.00万元,完成预算的"
        "100%;公务接待费支出预算为5.00万元,支出决算为5.00万元,完成预算的100%。"
    )
    assert _findings(text) == []
    assert _findings(text.replace("10.00万元,完成预算的100%", "10.00万元,完成预算的90%")) == [
        ("execution_rate_mismatch", "error", "90%", "100.00%")
    ]


def test_the_money_left_is_the_money_given_less_the_money_spent() -> None:
    # 120 - 100 = 20; 1200 - 1180.50 = 19.50 (a rate between them changes nothing)
    assert _findings("项目资金120.00万元,已支出100.00万元,结余20.00万元。") == []
    assert _findings("项目资金120.00万元,已支出100.00万元,结余30.00万元。") == [("leftover_mismatch", "error", "30.00万元", "20.00万元")]
    text = "全年预算1200.00万元,执行1180.50万元,预算执行率98.38%,结转结余资金19.50万元。"
    assert _findings(text) == []
    found = audit_text(text.replace("19.50万元", "29.50万元")).findings
    assert [(f.code, f.expected) for f in found] == [("leftover_mismatch", "19.50万元")]
    assert found[0].message == "全年预算1200.00万元减执行1180.50万元为19.50万元，报告写的结余（剩余）资金为29.50万元，两者不一致。"
    # money given is the nearest so named (到位 after 下达); whole 万元 stay whole in the message
    assert _findings("下达资金50万元,到位50万元,已支付45万元,剩余15万元。") == [("leftover_mismatch", "error", "15万元", "5万元")]


def test_what_is_left_is_not_read_when_it_is_split_or_brought_in() -> None:
    assert _findings("项目预算100万元,实际支出80万元,结转10万元,结余15万元。") == []  # two amounts left
    assert _findings("年初结转结余10万元,本年预算100万元,支出80万元。") == []  # brought in, before
    assert _findings("项目总投资500万元,已支出100万元,剩余30万元。") == []  # a total investment


def test_the_department_indicators_control_and_adjustment_rates() -> None:
    # 公用经费控制率 = 实际支出 ÷ 预算 (100.10 / 110 = 91%); 在职人员控制率 = 在职 ÷ 编制 (28 / 30 = 93.33%)
    assert _findings("公用经费预算110.00万元,实际支出100.10万元,公用经费控制率91%。") == []
    assert _findings("公用经费控制率:公用经费实际支出100.10万元,预算数110.00万元,控制率为95%。") == [
        ("named_rate_mismatch", "error", "95%", "91.00%")
    ]
    assert _findings("编制数30人,实有在职人员28人,在职人员控制率93.33%。") == []
    assert _findings("在职人员控制率:在职人员28人,编制数30人,控制率为95%。") == [("named_rate_mismatch", "error", "95%", "93.33%")]
    # 预算调整率 = 调整数 ÷ 年初预算 (200 / 1000 = 20%); the budget adjusted to is no adjustment
    assert _findings("年初预算1000.00万元,年中追加200.00万元,预算调整率为20%。") == []
    assert _findings("预算调整数200万元,年初预算1000万元,预算调整率25%。") == [("named_rate_mismatch", "error", "25%", "20.00%")]
    assert _findings("年初预算1000万元,预算调整为1200万元,预算调整率为20%。") == []


def test_wan_without_yuan_before_its_use_or_after_a_change_is_an_amount() -> None:
    # "110万用于…" (元 dropped, the use named right after) is a part of the 120万元
    text = "项目资金共计120万元,其中110万用于装备购置,10万用于培训。"
    assert _findings(text) == []
    assert _findings(text.replace("10万用于培训", "20万用于培训")) == [("parts_exceed_total", "error", "120万元", "130.00万元")]
    # never a head-count or an area
    from selfeval_xl.audit.engine import analyse

    figures = analyse(("全县有1.2万人参加,共3万亩,资金5万元;培训费增加5.13万,由财政局将156.0万补助资金发放到位。",)).figures
    assert [f.text for f in figures if f.kind.value == "amount"] == ["5万元", "5.13万", "156.0万"]


def test_a_funds_completion_rate_against_its_budget_stated_alone_before() -> None:
    # 50000 / 45000 = 111.11%: the budget stated in a sentence of its own, same fund and side
    text = "2023年一般公共预算收入预算为45000万元。全年一般公共预算收入完成50000万元,完成预算的111.1%。"
    assert _findings(text) == []
    assert _findings(text.replace("111.1%", "105%")) == [("execution_rate_mismatch", "error", "105%", "111.11%")]
    # an adjusted budget stated too: "完成预算的" may be of either
    both = "2023年一般公共预算收入预算为45000万元,调整预算为48000万元。全年一般公共预算收入完成50000万元,完成预算的105%。"
    assert _findings(both) == []
    # another fund's or side's budget is not this one's
    assert _findings("2023年政府性基金预算收入预算为45000万元。全年一般公共预算收入完成50000万元,完成预算的105%。") == []


def test_a_completion_rate_of_what_was_done_against_the_budget() -> None:
    text = "一般公共预算收入年初预算45000万元,实际完成50000万元,完成率111.11%。"
    assert _findings(text) == []
    assert _findings(text.replace("111.11%", "105%")) == [("named_rate_mismatch", "error", "105%", "111.11%")]


def test_a_change_against_last_years_figure_named_as_done_or_inside_yu_xiangbi() -> None:
    # 52000 / 50000 - 1 = 4%; 1100 / 1000 - 1 = 10%
    for text in (
        "2024年一般公共预算收入预期目标为52000万元,比2023年完成数50000万元增长4%。",
        "2024年一般公共预算收入安排52000万元,比上年执行数50000万元增长4%。",
    ):
        assert _findings(text) == []
        assert _findings(text.replace("增长4%", "增长5%")) == [("yoy_mismatch", "error", "5%", "4.0%")]
    text = "一般公共预算支出1100万元,与上年1000万元相比,增长10%。"
    assert _findings(text) == []
    assert _findings(text.replace("10%", "12%")) == [("yoy_mismatch", "error", "12%", "10.0%")]


def test_a_change_of_a_count_against_last_years_count() -> None:
    # 10 / (50 + 10) = 16.7%; 5 / (50 - 5) = 11.11%; of 批次, not of the 人次 printed between
    assert _findings("国内公务接待50批次,比上年减少10批次,下降16.7%。") == []
    assert _findings("国内公务接待50批次,比上年减少10批次,下降20%。") == [("yoy_mismatch", "error", "20%", "16.7%")]
    assert _findings("国内公务接待50批次400人次,较上年减少10批次,下降16.6%。") == [("yoy_truncated", "warning", "16.6%", "16.7%")]
    assert _findings("国内公务接待50批次400人次,较上年减少100人次,下降20%。") == []
    assert _findings("2023年末实有人数50人,比上年增加5人,增长11.11%。") == []
    assert _findings("2023年末实有人数50人,比上年增加5人,增长12%。") == [("yoy_mismatch", "error", "12%", "11.1%")]
    # the change and the percentage going opposite ways are not one change
    assert _findings("实有人数50人,比上年减少5人,增长12%。") == []


def test_staff_by_administrative_and_public_service_kinds() -> None:
    # 29 + 20 = 49 of 48 在职人员
    assert _findings("实有在职人员48名,其中行政人员29名,事业人员19名。") == []
    assert [c for c, *_ in _findings("实有在职人员48名,其中行政人员29名,事业人员20名。")] == ["sum_mismatch"]
    # 编制 kinds of all the 工作人员 (who may include staff outside them) are not read
    assert _findings("街道共有工作人员73人,其中行政编制25人、参公编制20人、事业编制26人。") == []


_FUNDS = (
    "项目支出绩效自评表\n项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
    "年度资金总额 | 100 | 120 | {total} | 10 | 91.67% | 9.17 |\n其中:当年财政拨款 | 100 | 120 | 110 | — | 91.67% | — |\n"
    "上年结转资金 | — | — |\n其他资金 | 0 | 0 | 0 | — | — | — |"
)


def test_the_funds_rows_of_a_self_evaluation_form_add_up() -> None:
    # 110 + nothing + 0 = 110 in the 全年执行数 column (the total's rate, 115 / 120, is the rates check's)
    assert _findings(_FUNDS.format(total="110")) == []
    found = [f for f in audit_text(_FUNDS.format(total="115")).findings if f.code == "sum_mismatch"]
    assert [(f.stated, f.expected) for f in found] == [("115", "110")]
    assert found[0].message == "年度资金总额为115，但其组成部分（当年财政拨款110+上年结转资金—+其他资金0）合计为110，两者不一致。"
    # a source row missing, or something else between the rows: not read
    assert not [f for f in audit_text(_FUNDS.format(total="115").replace("上年结转资金 | — | — |\n", "")).findings if f.code == "sum_mismatch"]
