"""Eighteenth round: rules and fixes of the round (docs/audit.md, "Eighteenth round")."""

from __future__ import annotations

import pytest

from selfeval_xl.audit import audit_text


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity.value == "error"]


_PROCUREMENT = (
    "2019年,我局政府采购支出总额{total}万元,其中:政府采购货物支出{goods}万元、政府采购工程支出0万元、政府采购服务支出"
    "100万元。主要用于食品药品抽检、特种设备巡诊、购买办公物资。授予中小企业合同金额21万元,占政府采购支出总额的17.36%。"
)


@pytest.mark.parametrize(
    ("total", "goods", "found"),
    [
        # 货物 + 工程 + 服务 is the whole of 政府采购 by definition: the 中小企业 contracts printed after the list
        # (21万元, a share of the same total) are no fourth kind that closes the 21万元 gap
        ("121", "0", [("sum_mismatch", "121万元", "100.00万元")]),
        ("121", "21", []),
    ],
)
def test_procurement_kinds_make_their_total_whatever_follows(total: str, goods: str, found: list[tuple[str, str, str]]) -> None:
    assert _found(_PROCUREMENT.format(total=total, goods=goods)) == found


def test_a_list_not_complete_by_definition_may_still_go_on_in_the_next_sentence() -> None:
    # three 项目 amounts of a 专项资金 total, the fourth printed in the next sentence: 50 + 30 + 20 + 21 = 121
    text = "2019年专项资金121万元,其中:道路维修50万元、绿化养护30万元、路灯改造20万元。另安排环卫设施21万元。"
    assert _found(text) == []


_STAFF = (
    "实有人数{total}人,其中:在职人数小计64人,行政在职人数0人,全额补助事业在职人数44人,差额补助事业在职人数0人,"
    "自收自支编制人数{own}人,离退休人数小计6人,离休人数1人,退休人数{retired}人。"
)


@pytest.mark.parametrize(
    ("total", "own", "retired", "found"),
    [
        # each 小计 is the sum of the counts after it (to the next 小计), the total the sum of its 小计s:
        # 0 + 44 + 0 + 20 = 64, 1 + 5 = 6, 64 + 6 = 70 — before, 64 + 0 + 44 + 0 + 20 + 6 + 1 + 5 = 140 was read
        ("70", "20", "5", []),
        ("70", "0", "5", [("sum_mismatch", "64人", "44人")]),
        ("71", "20", "6", [("sum_mismatch", "6人", "7人"), ("sum_mismatch", "71人", "70人")]),
    ],
)
def test_a_subtotal_among_head_counts_totals_the_counts_after_it(
    total: str, own: str, retired: str, found: list[tuple[str, str, str]]
) -> None:
    assert _found(_STAFF.format(total=total, own=own, retired=retired)) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # items by ordinal (一是…;二是…;三是…) are clauses of their own: the 、 inside the first is no item break
        (
            "2016年省级“三公”经费预算汇总数较上年减少4.03亿元,主要是三个原因:一是省以下工商、质监行政管理体制由省下划"
            "市县后,其“三公”经费主要在市县体现;二是公务用车制度改革后,不含交通补贴;三是厉行节约。",
            [],
        ),
        ("本局内设机构4个:办公室、财务科和人事科。", [("count_mismatch", "4个", "3")]),
    ],
)
def test_a_count_of_reasons_given_by_ordinal_is_no_list_of_names(text: str, found: list[tuple[str, str, str]]) -> None:
    assert _found(text) == found


@pytest.mark.parametrize(
    ("total", "found"),
    [
        # the 决算 form's 其他人员 after ";" counts in the total when it closes it: 2 + 0 + 2 + 2 = 6
        ("6", []),
        # a total that leaves it out leaves it out: 2 + 0 + 2 = 4
        ("4", []),
        # and one that fits neither is wrong against the listed kinds
        ("7", [("sum_mismatch", "7人", "4人")]),
    ],
)
def test_other_staff_after_a_semicolon_count_in_the_total_when_they_close_it(total: str, found: list[tuple[str, str, str]]) -> None:
    text = f"本部门2020年年末实有人数 {total}人,其中在职人员2人,离休人员 0人,退休人员2人;年末其他人员2人;年末学生人数 0人。"
    assert _found(text) == found


@pytest.mark.parametrize(
    ("count", "found"),
    [
        # an item wholly in brackets is an aside the count may leave out: 5 of the 6 printed, or all 6
        ("5", []),
        ("6", []),
        ("4", [("count_mismatch", "4个", "6")]),
    ],
)
def test_an_item_in_brackets_may_be_left_out_of_the_count(count: str, found: list[tuple[str, str, str]]) -> None:
    text = f"区公共资源交易中心内设{count}个科室,分别是:综合科、(财务科)、监督服务科、工程科、采购科、资源资产科。"
    assert _found(text) == found


def test_a_rate_printed_capped_at_100_is_a_warning_with_the_formula_value() -> None:
    text = "项目年预算批复金额为900万元,实际执行资金总额977万元,资金执行率为100%,其中,77万元为社会募集款专项资金。"
    (f,) = audit_text(text).findings
    assert (f.code, f.severity.value, f.stated, f.expected) == ("rate_capped", "warning", "100%", "108.56%")
    assert "执行数977万元超过预算数900万元" in f.message
    # under the budget, 100% is an error as before: 877 / 900 = 97.44%
    assert _found(text.replace("977", "877").replace(",其中,77万元为社会募集款专项资金", "")) == [
        ("execution_rate_mismatch", "100%", "97.44%")
    ]


_HEADINGS = """自评得分95分,现将自评情况报告如下:

一、投入(分值{weight}分,自评得{score}分)

(一)项目立项(分值10分,自评得10分)

立项规范。

(二)资金落实(分值10分,自评得9分)

资金到位率100%。

二、过程(分值32分,自评得32分)

(一)项目管理(分值22分,自评得22分)
"""


@pytest.mark.parametrize(
    ("weight", "score", "found"),
    [
        # a heading's 分值 and 自评得分 are its sub-headings' sums: 10 + 10 = 20, 10 + 9 = 19
        ("20", "19", []),
        ("18", "19", [("weight_sum_mismatch", "18分", "20分")]),
        ("20", "18", [("score_sum_mismatch", "18分", "19分")]),
    ],
)
def test_points_in_headings_add_up_to_their_parent_heading(weight: str, score: str, found: list[tuple[str, str, str]]) -> None:
    assert _found(_HEADINGS.format(weight=weight, score=score)) == found


def test_points_of_a_section_the_excerpt_cuts_short_are_not_read() -> None:
    # the last section has no closing heading after it: its one sub-heading may be followed by more
    text = _HEADINGS.format(weight="20", score="19").replace("二、过程(分值32分", "二、过程(分值40分")
    assert _found(text) == []
    # nor a section whose sub-headings do not all print their points
    text = _HEADINGS.format(weight="18", score="19").replace("(二)资金落实(分值10分,自评得9分)", "(二)资金落实")
    assert _found(text) == []
