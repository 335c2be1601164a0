"""Rules of the eighth round, each from a dev text's miss or false alarm, on made-up text."""

from __future__ import annotations

from selfeval_xl.audit import audit_text


def _errors(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity.value == "error"]


def test_a_rate_of_the_adjusted_budget_named_earlier_in_its_sentence() -> None:
    # 82133 / 68000 = 120.78%
    wrong = "经区人大常委会审议通过一般公共预算支出调整为68000万元,全年完成82133万元,为调整预算的67.1%,比上年下降2.7%。"
    assert _errors(wrong) == [("execution_rate_mismatch", "67.1%", "120.78%")]
    assert _errors(wrong.replace("67.1%", "120.8%")) == []
    # the side must be the same: an income budget is no budget of this spending
    other = "一般公共预算收入调整为68000万元,全年支出完成82133万元,为调整预算的67.1%。"
    assert _errors(other) == []


def test_an_item_of_a_list_after_a_comparison_inherits_it() -> None:
    # 公务接待费 2.38 this year, up 0.16: last year 2.22, 0.16 / 2.22 = 7.2%
    text = (
        "2023年度“三公”经费支出预算为5.92万元,支出决算为3.58万元。其中:因公出国(境)费支出决算为0.00万元;"
        "公务用车购置及运行费支出决算为1.2万元;公务接待费支出决算为2.38万元。\n"
        "2023年度“三公”经费支出决算数比2022年增加0.16万元,增长4.7%。其中:因公出国(境)费支出决算增加0万元,"
        "增长0%;公务用车购置及运行费支出决算增加0万元,增长0%;公务接待费支出决算增加0.16万元,增长8.4%。"
    )
    assert _errors(text) == [("yoy_mismatch", "8.4%", "7.2%")]
    assert _errors(text.replace("8.4%", "7.2%")) == []
    # 7.4% is what 0.16万元 of 2.22万元 could give unrounded (0.165 / 2.215 = 7.45%), a 提示 in the twentieth round;
    # since the twenty-first, an amount under a hundred units of its last digit (0.16万元: 16) is read as printed
    assert _errors(text.replace("8.4%", "7.4%")) == [("yoy_mismatch", "7.4%", "7.2%")]
    # no comparison before the list: its changes are not read as against last year
    assert _errors(text.replace("比2022年增加0.16万元,增长4.7%", "有所增加")) == []


def test_the_car_expense_and_its_two_parts_listed_in_their_own_paragraphs() -> None:
    # 公务用车购置及运行维护费 = 购置 + 运行维护, complete by definition: 0 + 0 is not 4.02
    text = (
        "2.公务用车购置及运行维护费支出4.02万元。其中:\n公务用车购置支出0万元,购置车辆0辆。\n"
        "公务用车运行维护支出0万元,公务用车保有量为7辆,主要用于下乡、应急等。\n3.公务接待费支出7.94万元。"
    )
    assert _errors(text) == [("sum_mismatch", "4.02万元", "0.00万元")]
    assert _errors(text.replace("运行维护支出0万元", "运行维护支出4.02万元")) == []


def test_a_cent_between_two_decimal_wan_is_a_rounding_gap_zero_parts_included() -> None:
    # 0.94 + 33.13 + 0 = 34.07 against 34.08: each a 元 amount rounded to 万元
    text = "“三公”经费支出34.08万元,其中:因公出国(境)费0.94万元,公务用车购置及运行维护费33.13万元,公务接待费0万元。"
    found = [(f.code, f.severity.value, f.stated, f.expected) for f in audit_text(text).findings]
    assert found == [("sum_rounding_gap", "warning", "34.08万元", "34.07万元")]


def test_a_breakdown_short_by_the_carry_over_printed_beside_its_total() -> None:
    # 526.61 + 159.65 + 35.85 + 34.09 = 756.20: 761.21 less the 5.01 carried over
    text = (
        "(一)收入预算:年初预算数761.21万元(含上年结转5.01万元),其中:一般公共预算拨款761.21万元。\n"
        "(二)支出预算:年初预算数761.21万元,其中:教育支出预算526.61万元,社会保障和就业支出预算159.65万元,"
        "卫生健康支出预算35.85万元,住房保障支出预算34.09万元。"
    )
    assert _errors(text) == []
    # the carry-over no longer explains the gap; a list of 功能分类 classes may leave one out: a hint
    other = audit_text(text.replace("含上年结转5.01万元", "含上年结转4.01万元")).findings
    assert [(f.code, f.severity.value, f.stated, f.expected) for f in other] == [
        ("parts_below_total", "warning", "761.21万元", "756.20万元")
    ]
    items = text.replace("教育支出预算", "人员经费").replace("含上年结转5.01万元", "含上年结转4.01万元")
    assert _errors(items) == [("sum_mismatch", "761.21万元", "756.20万元")]


def test_a_count_completed_by_another_group_in_the_next_sentence() -> None:
    text = "我院内设职能部门6个,包括综合办公室、政治部、立案庭、刑事审判庭。另有两个派出法庭分别位于新立镇、白石镇。"
    assert _errors(text) == []
    assert _errors(text.replace("另有两个", "另有三个")) == [("count_mismatch", "6个", "4")]
