"""Twenty-second round: rules and fixes of the round (docs/audit.md, "Twenty-second round")."""

from __future__ import annotations

import pytest

from selfeval_xl.audit import audit_text


def _errors(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity.value == "error"]


@pytest.mark.parametrize(
    ("text", "stated", "found"),
    [
        # 66 + 38 + 14 = 118, not 128: the 其中 opens its own sentence; 遗属 are paid from the budget
        ("我镇纳入部门预算编制128人。其中:实有在职人员66人,离退休人员38人,遗属14人。", "128人", "118人"),
        # the PDF's spaces inside the name and around the figures change nothing
        ("我镇纳入部门预算编 制 128 人。其中:实有在职人员 66 人,离退休人员 38 人, 遗属 14 人。", "128 人", "118人"),
        # 30 + 12 + 3 = 45, not 44
        ("本单位年末实有人数44人。其中在职人员30人,退休人员12人,遗属3人。", "44人", "45人"),
    ],
)
def test_a_head_count_closing_its_sentence_owns_the_next_sentence_list(text: str, stated: str, found: str) -> None:
    assert _errors(text) == [("sum_mismatch", stated, found)]


@pytest.mark.parametrize(
    "text",
    [
        "我镇纳入部门预算人员118人。其中:实有在职人员66人,离退休人员38人,遗属14人。",
        # the count before the 其中 is no head-count total (控制数): the list is of a total printed elsewhere
        "在编91人,聘用教师控制数4人。其中,在职在编人员91人,其他聘用人员0人,离退休人员99人。",
        # 在岗 staff are the serving ones: the retired and 遗属 after them are listed beside, not inside
        "编制人数23人,现有在岗职工34人,其中:在编人员21人,聘用人员13人,退休职工10人,遗属4人。",
        # a part's own 包括 list is no part of the total: 48 + 15 + 5 + 8 = 76
        "本部门年末实有人数76人,其中在职人员48人,包括行政人员22人,全部补助事业人员26人;退休人员15人,"
        "聘用人员5人,遗属8人。",
        # 编制 (posts) hold no retired staff: the list is of another total
        "全单位编制20人。其中在职人员12人,退休人员6人。",
    ],
)
def test_head_counts_that_add_up_or_are_of_another_total_raise_nothing(text: str) -> None:
    assert _errors(text) == []


@pytest.mark.parametrize(
    ("text", "stated", "found"),
    [
        # 1 + 3 + 2 = 6 posts under 5 处级 leaders
        ("处级领导5名,其中:主任1名,副主任3名,信访督查员2名;科级3名。", "5名", "6名"),
        ("寻甸县档案馆为正科级事业单位,领导职数3名,其中馆长1名,副馆长3名。", "3名", "4名"),
        # in brackets, by rank: 1 + 2 = 3
        ("核定事业编制35名,领导职数4名(其中:正科级领导职数1名,副科级领导职数2名),内设机构8个。", "4名", "3名"),
    ],
)
def test_a_count_of_leaders_is_the_sum_of_its_posts(text: str, stated: str, found: str) -> None:
    assert _errors(text) == [("sum_mismatch", stated, found)]


@pytest.mark.parametrize(
    "text",
    [
        "设领导职数4名,其中:局(馆)长1名,副局(馆)长3名,内设机构领导职数按1名配备。",
        "领导职数4名(其中:正科级领导职数1名,副科级领导职数3名),内设机构8个。",
        # "各1名" counts one per office: the list is not summable
        "核定领导职数5名,其中:局长1名,副局长3名,内设机构负责人各1名。",
        # the staff counts after the leaders are no posts
        "核定编制12名,领导职数2名,其中主任1名,工作人员9名。",
    ],
)
def test_posts_that_add_up_or_a_list_that_is_not_only_posts_raise_nothing(text: str) -> None:
    assert _errors(text) == []


def _codes(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.severity.value, f.stated) for f in audit_text(text).findings]


def test_a_whole_amount_beside_amounts_in_cents_is_a_rounded_print() -> None:
    # 71 / (311.76 + 71) = 18.55%; a change of amounts kept in cents printed whole is cut: 70.5–71.5 allow 18.44%–18.66%
    assert _codes("2018年度收、支总计均为311.76万元。与2017年相比,减少71万元,减少18.62%。") == [
        ("percent_within_rounding", "warning", "18.62%")
    ]
    # outside that range it stays an error
    assert _errors("2018年度收、支总计均为311.76万元。与2017年相比,减少71万元,减少19.62%。") == [
        ("yoy_mismatch", "19.62%", "18.55%")
    ]
    # amounts all printed whole and small are set, not rounded: read as printed (71 / 382 = 18.59%)
    assert _errors("2018年度收、支总计均为311万元。与2017年相比,减少71万元,减少18.62%。") == [
        ("yoy_mismatch", "18.62%", "18.59%")
    ]


def test_a_head_count_of_the_serving_staff_lists_the_retired_beside_them() -> None:
    # 61 + 77 = 138 serving; the retired (1 + 52) are listed with them, not inside the 实有人数
    text = "2016年年末实有人数{}人,其中:实有在职事业编制人员61人,离休人员1人,退休人员52人,在职聘用人员77人。"
    assert _errors(text.format(138)) == []
    assert _errors(text.format(190)) == [("sum_mismatch", "190人", "191人")]


_ITEMS = (
    "2014年用于老年人福利类项目的彩票公益金为{}万元,占资金总额的78.05%。具体包括:\n"
    "(一)用于老年人福利机构建设补助资金15900万元,重点资助1个省级、5个市级和28个县级老年人福利机构建设。\n"
    "(二)用于农村社会福利服务中心建设补助资金1000万元,支持100所农村社会福利服务中心进行维修和改扩建。\n"
    "(三)用于农村居家养老服务大院(幸福院)建设补助资金1500万元,支持500个农村居家养老服务大院建设。\n"
    "(四)用于城市社区养老服务设施建设补助资金1900万元,支持21所城市居家养老服务中心建设。\n"
    "(五)用于养老从业人员培训资金600万元。\n"
    "(六)用于养老机构管理服务平台配套设备采购资金60万元。"
)


def test_paragraphs_numbered_under_body_text_are_its_items_whatever_their_length() -> None:
    # 15900 + 1000 + 1500 + 1900 + 600 + 60 = 20960: the short items read as headings no longer end the list
    assert _errors(_ITEMS.format(20960)) == []
    assert _errors(_ITEMS.format(21960)) == [("sum_mismatch", "21960万元", "20960.00万元")]


def test_a_numbered_item_whose_amount_is_out_of_reach_leaves_the_list_unread() -> None:
    # the third item's amount sits past an item's reach: the list is not read whole, so no sum is claimed
    text = _ITEMS.format(20960).replace(
        "(三)用于农村居家养老服务大院(幸福院)建设补助资金1500万元",
        "(三)用于农村居家养老服务大院(幸福院)及配套设施建设和运营的补助资金1500万元",
    )
    assert _errors(text) == []


_CHANGES = (
    "2021年医院发生总费用14.07亿元,同比增加{}万元,增幅5.59%。其中:财政项目经费开支10582.09万元,同比减少524.18万元;"
    "科教资金开支222.41万元,同比增加131.57万元;自筹资金和财政基本经费开支12.99亿元,同比增加7843.92万元。"
)


def test_a_change_printed_coarser_than_its_parts_changes_is_their_rounded_sum() -> None:
    # −524.18 + 131.57 + 7843.92 = 7451.31万元, printed whole: 7451万元
    assert [code for code, _, _ in _errors(_CHANGES.format(7451))] == []
    # a slip is named in the unit the change is printed in, not the total's 亿元
    assert _errors(_CHANGES.format(7461)) == [("change_sum_mismatch", "7461万元", "7451.31万元")]


@pytest.mark.parametrize(
    "text",
    [
        "2021年政府采购预算指标数1.04亿元,实际支出1238.17万元,资金支付进度仅为11.87%。低于全省高校政府采购预算资金支付进度13.1%。",
        "项目预算100万元,实际支出96万元,预算执行率96%,高于全市平均预算执行率92%。",
    ],
)
def test_a_rate_set_against_another_s_is_not_the_text_s_own(text: str) -> None:
    assert _errors(text) == []


# a hospital's indicators copied from a web page one cell a line; 经济指标 spans its two rows
_CELLS = """一级指标 |
二级指标 |
单位 |
上年度 |
本年度 |
增长 |
经济指标 |
总收入 |
万元 |
315.8 |
294.3 |
{first} |
总支出 |
万元 |
551.8 |
280.1 |
{second} |
资源配置 |
门诊人次 |
人次 |
1915 |
5297 |
{third} |"""


def _table(first: str = "-6.80%", second: str = "-49.20%", third: str = "176.61%") -> list[tuple[str, str, str | None]]:
    return _codes(_CELLS.format(first=first, second=second, third=third))


def test_a_table_one_cell_a_line_is_read_row_by_row_under_a_name_spanning_rows() -> None:
    # −21.5 / 315.8 = −6.81% printed "-6.80%": a table's format pads −6.8% with a zero, so no finding; likewise
    # −271.7 / 551.8 = −49.24% as "-49.20%"; 3382 / 1915 = 176.61%
    assert _table() == []
    # the row under the spanning name is read too: −49.24%, not −45.20%; the finding quotes the row's own cells
    assert _table(second="-45.20%") == [("yoy_mismatch", "error", "-45.20%")]
    found = audit_text(_CELLS.format(first="-6.80%", second="-45.20%", third="176.61%")).findings
    assert [f.sentence for f in found] == ["总支出 | 万元 | 551.8 | 280.1 | -45.20%"]
    # a change over this year's figure instead of last year's: −271.7 / 280.1 = −97.00%
    assert _table(second="-97.00%") == [("yoy_mismatch", "error", "-97.00%")]


def test_only_zeros_after_the_point_are_padding() -> None:
    # 3382 / 1915 = 176.61%: "180%" is no padded rounding (its zero is before the point), but an error
    assert _table(third="180%") == [("yoy_mismatch", "error", "180%")]


def test_a_cut_percentage_in_a_table_is_a_truncation() -> None:
    # 176.6057% printed "176%": cut, not rounded (177%)
    found = audit_text(_CELLS.format(first="-6.80%", second="-49.20%", third="176%")).findings
    assert [(f.code, f.severity.value, f.stated, f.expected) for f in found] == [("yoy_truncated", "warning", "176%", "177%")]


def test_a_row_number_column_is_no_figure() -> None:
    # "项目 | 行次 | 本年 | 上年 | 增减": a row's 行次 is a number, and no name cell is missing
    text = (
        "项目 | 行次 | 本年数 | 上年数 | 增减额 |\n"
        "1、总收入 | 1 | 61625022.26 | 66095039.04 | -4470016.78 |\n"
        "其中:医疗收入 | 2 | 43245334.20 | 44398351.66 | -1153017.46 |\n"
    )
    assert [code for code, _, _ in _codes(text)] == []
