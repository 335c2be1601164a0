"""Nineteenth round: rules and fixes of the round (docs/audit.md, "Nineteenth round")."""

from __future__ import annotations

import pytest

from selfeval_xl.audit import audit_text


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity.value == "error"]


@pytest.mark.parametrize(
    ("count", "found"),
    [
        # "事业收入和其他收入": two names of one kind (both end in 入) either side of 和 are two items
        ("3", []),
        ("4", [("count_mismatch", "4类", "3")]),
    ],
)
def test_two_names_of_one_kind_either_side_of_the_joiner_are_two_items(count: str, found: list[tuple[str, str, str]]) -> None:
    text = f"本年收入2630.18万元,来源分为{count}类:财政拨款(含专项补助)、经营收入和其他收入。"
    assert _found(text) == found


@pytest.mark.parametrize(
    ("count", "found"),
    [
        # the last item printed after a comma ("…,档案管理科。"), named like the others (…科), is one of them
        ("5", []),
        ("6", [("count_mismatch", "6个", "5")]),
    ],
)
def test_an_item_named_alike_after_the_lists_comma_is_counted(count: str, found: list[tuple[str, str, str]]) -> None:
    text = f"中心内设{count}个科室,即综合科、业务科、财务科、信息科,档案管理科。"
    assert _found(text) == found


def test_a_word_after_the_lists_comma_not_named_alike_is_no_item() -> None:
    # "…,运转正常。" is no further 科: four items, and a count of 5 is still wrong
    text = "中心内设5个科室,即综合科、业务科、财务科、信息科,运转正常。"
    assert _found(text) == [("count_mismatch", "5个", "4")]


_NUMBERED = (
    "(一)资金安排情况:1、设备维护资金:2021年区财政安排48万元,其中中央补助{central}万元;"
    "2、馆舍改造资金:2021年区财政拨款615.2万元,当年全部到位。"
)


@pytest.mark.parametrize(
    ("central", "found"),
    [
        # the 其中 list of item 1 ends where item 2 begins: 615.2万元 is the next item's amount, not a part of 48万元
        ("12", []),
        ("52", [("parts_exceed_total", "48万元", "52.00万元")]),
    ],
)
def test_a_list_ends_at_the_next_inline_numbered_item(central: str, found: list[tuple[str, str, str]]) -> None:
    assert _found(_NUMBERED.format(central=central)) == found


_CUTS = (
    "本年度支出预算706.34万元,比上年增加31.5万元,增长4.67%。其中:\n"
    "按支出项目类别:基本支出706.34万元,包括:人员经费支出{personnel}万元,公用经费支出146.34万元。\n"
    "按支出功能分类科目:教育支出640.2万元,社会保障和就业支出40.1万元,住房保障支出26.04万元。\n"
    "按支出经济分类科目:工资福利支出530.96万元,商品和服务支出150.3万元,对个人和家庭的补助25.08万元。"
)


@pytest.mark.parametrize(
    ("personnel", "found"),
    [
        # each "按…:" line is a whole cut of the total: 706.34 + 640.2 + 530.96 is no sum of anything (it was
        # read as one, a false parts_exceed_total); a line's own list is still checked
        ("560", []),
        ("570", [("sum_mismatch", "706.34万元", "716.34万元")]),
    ],
)
def test_lines_by_classification_are_separate_cuts_of_the_total(personnel: str, found: list[tuple[str, str, str]]) -> None:
    assert _found(_CUTS.format(personnel=personnel)) == found


@pytest.mark.parametrize(
    ("pct", "found"),
    [
        # the prior year's figure printed under its name in a clause of its own: 93471 / 1395626 = 6.70%
        ("6.70", []),
        ("6.07", [("yoy_mismatch", "6.07%", "6.70%")]),
    ],
)
def test_a_prior_years_figure_named_in_its_own_clause_is_the_base(pct: str, found: list[tuple[str, str, str]]) -> None:
    text = f"2019年决算总支出为1489097元,较2018年决算总支出1395626元,增加了93471元,增加{pct}%,主要是人员调资。"
    assert _found(text) == found


_YEAR_AND_CURRENT = (
    "年度支出5120.4万元中,一般公共服务支出4200.4万元,结转下年{carry}万元。\n"
    "本单位2015年当年支出为{current}万元。\n"
    "基本支出2015年年初预算3890.25万元,占当年总支出的{share}%。"
)


@pytest.mark.parametrize(
    ("carry", "current", "share", "found"),
    [
        # 当年支出 is a total of its own (the 年度支出 less 结转下年): 3890.25 / 4990.4 = 77.95%
        ("130", "4990.4", "77.95", []),
        ("130", "4990.4", "75.98", [("share_mismatch", "75.98%", "77.95%")]),
    ],
)
def test_the_years_own_spending_is_a_whole_shares_are_taken_of(
    carry: str, current: str, share: str, found: list[tuple[str, str, str]]
) -> None:
    assert _found(_YEAR_AND_CURRENT.format(carry=carry, current=current, share=share)) == found


@pytest.mark.parametrize(
    ("pct", "found"),
    [
        # the amount in brackets ("(含…12400万元)") is an aside of the one before it, never the figure the change
        # is of: 1326.5 / (25880.6 - 1326.5) = 5.40%
        ("5.40", []),
        ("5.04", [("yoy_mismatch", "5.04%", "5.40%")]),
    ],
)
def test_an_amount_in_brackets_closed_before_the_change_is_no_current_figure(
    pct: str, found: list[tuple[str, str, str]]
) -> None:
    text = f"2014年财政拨款预算数25880.6万元(含专项业务经费12400万元),比2013年财政拨款执行数增加1326.5万元,增长{pct}%。"
    assert _found(text) == found


@pytest.mark.parametrize(
    ("serving", "found"),
    [
        # the retired printed after ";" are no part of a total the serving staff already nearly make
        ("152", []),
        # serving staff over the total are still wrong
        ("163", [("sum_mismatch", "158人", "212人")]),
    ],
)
def test_the_retired_after_a_semicolon_are_no_part_of_a_staff_total(serving: str, found: list[tuple[str, str, str]]) -> None:
    text = f"年末实有人数158人,其中财政补助在职人员{serving}人;退休人员49人;年末学生人数2140人。"
    assert _found(text) == found


def test_the_retired_in_the_same_run_of_parts_still_count() -> None:
    text = "年末实有人数158人,其中在职人员112人,退休人员49人。"
    assert _found(text) == [("sum_mismatch", "158人", "161人")]


@pytest.mark.parametrize(
    ("printed", "found"),
    [
        # a page that doubles each run of its text ("1111 个" for 11, "81.82%81.82%"): its counts are not read
        ("设置绩效目标数 1111 个、绩效目标完成数 9 9 个,绩效目标完成率81.82%81.82%。", []),
        ("设置绩效目标数11个、绩效目标完成数9个,绩效目标完成率88.82%。", [("named_rate_mismatch", "88.82%", "81.82%")]),
    ],
)
def test_a_percentage_printed_twice_marks_a_doubled_page(printed: str, found: list[tuple[str, str, str]]) -> None:
    assert _found(printed) == found


@pytest.mark.parametrize(
    ("pct", "found"),
    [
        # the amount nearest the change is last year's (512.4 − 137.4 = 375, this year's, printed before it):
        # 137.4 / 512.4 = 26.81%
        ("26.81", []),
        # neither reading fits: still an error
        ("21.81", [("yoy_mismatch", "21.81%", "21.14%")]),
    ],
)
def test_last_years_amount_nearest_the_change_with_this_years_before_it(pct: str, found: list[tuple[str, str, str]]) -> None:
    text = f"1.一般公共预算拨款收入375万元,2025年收入预算总计512.4万元,同比降低137.4万元,下降{pct}%。"
    assert _found(text) == found


@pytest.mark.parametrize(
    ("total", "found"),
    [
        # a classification that prints a 款 beside its 类: the list exceeds its total by that one item
        ("9115.4", []),
        ("9215.4", [("parts_exceed_total", "9215.4万元", "9434.00万元")]),
    ],
)
def test_a_classified_list_over_its_total_by_one_item_prints_a_nested_item(
    total: str, found: list[tuple[str, str, str]]
) -> None:
    text = (
        f"本局2020年支出预算{total}万元。\n"
        "1.按支出功能分类:公共安全支出7802.5万元;其他监狱支出318.6万元;社会保障和就业支出806.3万元;住房保障支出506.6万元。"
    )
    assert _found(text) == found
