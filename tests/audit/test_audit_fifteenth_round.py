"""Fifteenth round: rules and fixes of the round (docs/audit.md, "Fifteenth round")."""

from __future__ import annotations

import re

import pytest

from selfeval_xl.audit import audit_text


def _letter_spaced(text: str) -> str:
    """Every Chinese character followed by a space, as a PDF's character spacing copies out."""
    return re.sub(r"([\u4e00-\u9fff])(?=[\u4e00-\u9fff])", r"\1 ", text)


# 24.25 + 30.36 + 3.42 + 12.94 + 13.85 + 6.21 = 91.03
_ADDED = (
    "全区一般公共预算收入24.25亿元,完成预算的100.5%。加上上级补助收入30.36亿元、上年结转3.42亿元、调入资金12.94亿元、"
    "债务转贷收入13.85亿元、动用预算稳定调节基金6.21亿元,收入总计91.03亿元。"
)
# 2584.03 - 2543.8 = 40.23; 40.23 / 2584.03 = 1.5569% → 1.56%
_CHANGE = "2024年度收、支总计均为2543.8万元。收、支与2023年度相比,减少40.23万元,下降1.56%,主要原因是基本支出减少。2023年度收、支总计均为2584.03万元。"


@pytest.mark.parametrize("spaced", [False, True])
@pytest.mark.parametrize(
    ("text", "old", "new", "found"),
    [
        (_ADDED, "", "", []),
        (_ADDED, "收入总计91.03", "收入总计100.13", [("sum_mismatch", "100.13亿元", "91.03亿元")]),
        (_CHANGE, "", "", []),
        (_CHANGE, "下降1.56%", "下降1.72%", [("yoy_mismatch", "1.72%", "1.56%")]),
    ],
)
def test_a_letter_spaced_page_is_checked_as_its_tight_print(text: str, old: str, new: str, spaced: bool, found: list[tuple[str, str, str]]) -> None:
    # the sentence opened by 加上 takes the figure before it although the spacing moved before 加上, and a
    # spaced run reads across 、 and a year printed tight ("收、支 与2023年 度 相 比")
    text = text.replace(old, new) if old else text
    text = _letter_spaced(text) if spaced else text
    got = [(f.code, f.stated.replace(" ", ""), f.expected) for f in audit_text(text).findings]
    assert got == found


def test_an_amount_taken_away_is_not_read_as_a_part() -> None:
    # 88.1 + 7.1 + 44.6 + 0.9 + 6.2 + 4.3 + 14.1 - 31 = 134.3: the 加上 list also takes one amount away
    text = (
        "当年收入88.1亿元加上市级税收返还7.1亿元和转移支付44.6亿元、新增一般债券0.9亿元、动用预算稳定调节基金6.2亿元、"
        "调入资金4.3亿元、上年结余14.1亿元,减去上解支出31亿元,预算总收入为134.3亿元。"
    )
    assert not audit_text(text).findings
    # without the amount taken away the list is read as before
    plain = text.replace(",减去上解支出31亿元", "").replace("134.3亿元", "170.3亿元")
    assert [(f.code, f.stated, f.expected) for f in audit_text(plain).findings] == [("sum_mismatch", "170.3亿元", "165.3亿元")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # two counts of one measure word side by side, then one list: the list is of both together
        ("建有中心小学2所、幼儿园2所,分别是包桥中心小学、长桥中心小学、包桥中心幼儿园和长桥中心幼儿园。", []),
        ("建有中心小学2所,分别是包桥中心小学、长桥中心小学和包桥中心幼儿园。", [("count_mismatch", "2所", "3")]),
    ],
)
def test_a_list_after_two_counts_is_of_both(text: str, found: list[tuple[str, str, str]]) -> None:
    assert [(f.code, f.stated, f.expected) for f in audit_text(text).findings] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 10.5 / 9.8 - 1 = 7.14%: a 同口径 or 可比口径 change, or one with a factor taken out, is against a base not printed
        ("一般公共预算收入完成10.5亿元,比上年9.8亿元增长12.3%(同口径)。", []),
        ("一般公共预算收入完成10.5亿元,比上年9.8亿元剔除留抵退税因素后增长12.3%。", []),
        ("一般公共预算收入完成10.5亿元,2022年9.8亿元,按可比口径增长12.3%。", []),
        ("一般公共预算收入完成10.5亿元,比上年9.8亿元增长12.3%。", [("yoy_mismatch", "12.3%", "7.1%")]),
        # the 同口径 change amount printed beside it is the comparable base: 11118 / (67439 - 11118) = 19.74%
        ("完成67,439万元,剔除留抵退税后同口径增长19.7%,增收11,118万元。", []),
        ("完成67,439万元,剔除留抵退税后同口径增长21.7%,增收11,118万元。", [("yoy_mismatch", "21.7%", "19.7%")]),
    ],
)
def test_a_comparable_change_is_not_judged_against_the_printed_prior_year(text: str, found: list[tuple[str, str, str]]) -> None:
    assert [(f.code, f.stated, f.expected) for f in audit_text(text).findings] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the change is against last year's budget (2005.41 + 94.91 = 2100.32; 94.91 / 2100.32 = 4.52%), not
        # against last year's 执行数 printed before it
        ("2024年“三公”经费执行数2010.95万元,2025年“三公”经费预算数2005.41万元,较上年预算数减少94.91万元,下降4.52%。", []),
        (
            "2024年“三公”经费执行数2010.95万元,2025年“三公”经费预算数2005.41万元,较上年预算数减少94.91万元,下降4.97%。",
            [("yoy_mismatch", "4.97%", "4.52%")],
        ),
        # two years' budgets: the earlier one is the base (2010.95 - 2005.41 = 5.54)
        (
            "2024年“三公”经费预算数2010.95万元,2025年“三公”经费预算数2005.41万元,较上年预算数减少94.91万元,下降4.52%。",
            [("yoy_change_mismatch", "94.91万元", "5.54万元"), ("yoy_mismatch", "4.52%", "0.28%")],
        ),
    ],
)
def test_a_change_against_last_years_budget_is_not_against_its_spending(text: str, found: list[tuple[str, str, str]]) -> None:
    assert [(f.code, f.stated, f.expected) for f in audit_text(text).findings] == found


def test_an_amount_per_unit_is_no_part() -> None:
    # "每个奖补60万元" is a standard per village, not a part of anything
    text = "一次性奖补100万元,其中,先进县每个奖补6000万元、先进乡每个奖补500万元、示范村每个奖补60万元。"
    assert not audit_text(text).findings
    assert [f.code for f in audit_text(text.replace("每个奖补", "奖补")).findings] == ["parts_far_over_total"]  # read, and far over


_SANGONG = (
    "2024年全县“三公”经费执行数2010.95万元,2025年“三公”经费预算数2005.41万元。\n"
    "(一)因公出国(境)\n2024年全县因公出国(境)费执行数0万元。\n2025年全县因公出国(境)费预算数0万元。\n"
    "(二)公务接待\n2024年全县公务接待费执行数989.37万元。\n2025年全县公务接待费预算数913.41万元。\n"
    "(三)公务用车\n2024年公务用车经费执行数1021.58万元,2025年公务用车经费预算数1092.00万元。"
)


def test_a_sangong_notes_sections_of_spending_add_up_to_its_spending_not_its_budget() -> None:
    # 0 + 989.37 + 1021.58 = 2010.95: 执行数 is what was spent (a 决算), so the sections are the 执行数's parts
    assert not [f for f in audit_text(_SANGONG).findings if f.severity.name == "ERROR"]
    wrong = _SANGONG.replace("执行数2010.95", "执行数2110.95")
    assert [(f.code, f.stated, f.expected) for f in audit_text(wrong).findings if f.severity.name == "ERROR"] == [
        ("sum_mismatch", "2110.95万元", "2010.95万元")
    ]


def test_last_years_special_carry_over_is_an_item_of_this_years_income() -> None:
    # 214.65 + 1.73 + 38.08 + 2 + 4.70 + 0.078 + 12.67 + 4.74 = 278.648 → 278.65: "上年专项结转" is no prior-year figure
    text = (
        "全年一般公共预算收入214.65亿元,加上税收返还1.73亿元,上级补助38.08亿元,新增一般债券2亿元、再融资一般债券4.70亿元,"
        "调入资金780万元,上年专项结转12.67亿元,动用预算稳定调节基金4.74亿元,收入合计278.65亿元。"
    )
    assert not audit_text(text).findings
    wrong = text.replace("收入合计278.65", "收入合计288.65")
    assert [(f.code, f.stated, f.expected) for f in audit_text(wrong).findings] == [("sum_mismatch", "288.65亿元", "278.65亿元")]


_TWO_YEARS = (
    "2023年度收入总计453.13万元,支出总计453.13万元,2022年度收入总计400.22万元,支出总计400.22万元,"
    "与2022年度相比,收入、支出总计各增加52.91万元,增长13.22%。"
)


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        # 52.91 / 400.22 = 13.22%: the nearest figure is of the year compared against, so it is the base
        ("", "", []),
        ("增长13.22%", "增长15.22%", [("yoy_mismatch", "15.22%", "13.22%")]),
        (",支出总计453.13万元", "", []),
        (",支出总计400.22万元", "", []),
    ],
)
def test_the_figure_of_the_year_compared_against_is_the_base(old: str, new: str, found: list[tuple[str, str, str]]) -> None:
    text = _TWO_YEARS.replace(old, new) if old else _TWO_YEARS
    assert [(f.code, f.stated, f.expected) for f in audit_text(text).findings] == found


@pytest.mark.parametrize(
    "text",
    [
        "2013年三公经费预算总额多为5亿-10亿元。北京12亿元,上海3.4亿元。",
        "邢台市、秦皇岛市和张家口市前8月地方财政收入均在120-170亿元之间。其中邢台市150亿元,秦皇岛市140亿元,张家口市123.5亿元。",
        "每所学校补助5万元至10万元,共补助3所学校。",
    ],
)
def test_the_end_of_a_range_is_no_total(text: str) -> None:
    assert not [f for f in audit_text(text).findings if f.severity.name == "ERROR"]


def test_a_decimal_point_for_a_thousands_separator_is_named_at_the_part() -> None:
    # 169 + 4,647 + 756 = 5,572: the part printed "4.647万元" is the slip, not the total
    text = "“三公”经费支出总数为5,572万元。其中:\n1.因公出国(境)支出169万元。\n2.公务用车购置及运行维护支出4.647万元。\n3.公务接待支出756万元。"
    found = audit_text(text).findings
    assert [(f.code, f.stated, f.expected) for f in found] == [("separator_slip", "4.647万元", "4,647.00万元")]
    assert "千位分隔符" in found[0].message
    # a gap the slip does not explain stays on the total: so far apart (929.647 against 5,600), a warning
    assert [f.code for f in audit_text(text.replace("5,572万元", "5,600万元")).findings] == ["sum_far_apart"]


@pytest.mark.parametrize(
    ("last", "found"),
    [
        # 0.18 / 57.53 = 0.313% → 0.31%, printed 0.30% so that the shares add up to exactly 100%: a 尾差 moved
        ("占0.30%", []),
        ("占0.40%", [("share_mismatch", "0.40%", "0.31%"), ("shares_not_100", "100.10%", "100.00%")]),
    ],
)
def test_a_rounding_remainder_moved_onto_one_share_is_no_error(last: str, found: list[tuple[str, str, str]]) -> None:
    text = (
        "“三公”经费支出决算为57.53万元,其中:因公出国(境)费支出决算0万元,占0%;公务用车购置及运行费支出决算57.36万元,"
        f"占99.70%;公务接待费支出决算0.18万元,{last}。"
    )
    assert [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity.name == "ERROR"] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a list cut where the page's copy ends is no enumeration
        ("本单位下设9个内设机构,分别是:办公室、政教处、", []),
        ("本单位下设3个内设机构,分别是:办公室、政教处。", [("count_mismatch", "3个", "2")]),
    ],
)
def test_a_list_cut_off_is_no_enumeration(text: str, found: list[tuple[str, str, str]]) -> None:
    assert [(f.code, f.stated, f.expected) for f in audit_text(text).findings] == found


@pytest.mark.parametrize(
    ("spent", "found"),
    [
        ("133.6", []),
        # the 收入总计 is also the 收入合计, but 147.0 is no 支出合计 printed anywhere: the 总计s must be equal
        ("147.0", [("grand_totals_differ", "147.0万元", "133.6万元")]),
        # both 总计s are the 合计s printed elsewhere: the gap may be what is left over (年末结转和结余)
        ("130.2", []),
        ("147.0万元。\n3.支出情况。2022年度支出合计130.2", [("grand_totals_differ", "147.0万元", "133.6万元")]),
    ],
)
def test_grand_totals_differ_unless_both_are_the_sums_printed_elsewhere(spent: str, found: list[tuple[str, str, str]]) -> None:
    text = (
        f"2022年度收入总计133.6万元,支出总计{spent}万元。\n"
        f"2.收入情况。2022年度收入合计133.6万元。\n3.支出情况。2022年度支出合计130.2万元。"
    )
    assert [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.code == "grand_totals_differ"] == found


_PERIODS = (
    "项目 | 行号 | 本期 | 上年同期 | 增加额 | 增长率 |\n"
    "1、总收入 | 1 | 61625022.26 | 66095039.04 | -4470016.78 | -6.76% |\n"
    "其中:医疗收入 | 2 | 43245334.20 | 44398351.66 | -1153017.46 | -2.60% |"
)


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        # -4470016.78 / 66095039.04 = -6.763%: a comparison table of 本期 and 上年同期 (a hospital's 收支 table)
        ("", "", []),
        ("-6.76%", "-7.44%", [("yoy_mismatch", "-7.44%", "-6.76%")]),
        ("-1153017.46", "-1253017.46", [("yoy_change_mismatch", "-1253017.46", "-1153017.46")]),
    ],
)
def test_a_table_of_this_period_against_last_years_is_read(old: str, new: str, found: list[tuple[str, str, str]]) -> None:
    text = _PERIODS.replace(old, new) if old else _PERIODS
    assert [(f.code, f.stated, f.expected) for f in audit_text(text).findings] == found


def test_the_prior_year_worked_out_is_printed_as_finely_as_the_change() -> None:
    # 5 + 3.3 = 8.3亿元 (not "8亿元"): 3.3 / 8.3 = 39.76%
    found = audit_text("“三公”经费决算支出5亿元,比上年减少3.3亿元,下降43.8%。").findings
    assert [(f.code, f.stated, f.expected) for f in found] == [("yoy_mismatch", "43.8%", "39.8%")]
    assert "上年8.3亿元" in found[0].message


@pytest.mark.parametrize("kind", ["余额", "限额"])
def test_a_debt_balance_is_its_general_and_special_debt_by_definition(kind: str) -> None:
    # 6.61 + 12.62 = 19.23: without a colon the list is still complete, the two kinds being all there are
    text = f"地方政府债务{kind}19.23亿元,其中一般债务{kind}6.61亿元,专项债务{kind}12.62亿元。"
    assert not audit_text(text).findings
    wrong = text.replace("19.23", "21.23")
    assert [(f.code, f.stated, f.expected) for f in audit_text(wrong).findings] == [("sum_mismatch", "21.23亿元", "19.23亿元")]
