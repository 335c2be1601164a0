"""The precision rules learnt from real published texts, one small case each (hand-computed)."""

from __future__ import annotations

import pytest

from selfeval_xl.audit import Severity, audit_text


def _codes(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.code, f.severity.value, f.stated, f.expected) for f in audit_text(text).findings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # yoy: prior = 116433.12 - 16803.36 = 99629.76; 16803.36 / 99629.76 = 16.866% -> 16.87%
        ("社会保障和就业支出116433.12元，同比增加16803.36元，增长14.43%。",
         [("yoy_mismatch", "error", "14.43%", "16.87%")]),
        # prior = 850088.3 + 54357.12 = 904445.42; 54357.12 / 904445.42 = 6.0100...% : 6.00 is cut, not rounded
        ("文化旅游体育与传媒支出850088.3元，同比减少54357.12元，下降6.00%。",
         [("yoy_truncated", "warning", "6.00%", "6.01%")]),
        # 204.78 + 54.2 = 258.98; 54.2 / 258.98 = 20.928% -> 20.93%: consistent
        ("公务用车购置费支出204.78万元，同比减少54.2万元，下降20.93%。", []),
        # both years printed: 12.39 - 11.8 = 0.59, not 0.58; 0.59 / 12.39 = 4.762% -> 4.76%
        ("2022年公务接待11.8万元。2021年公务接待12.39万元。其中公务接待较上年减少0.58万元，减少4.68%。",
         [("yoy_change_mismatch", "error", "0.58万元", "0.59万元"), ("yoy_mismatch", "error", "4.68%", "4.76%")]),
        # a change amount is never the current figure
        ("三公经费较上年增加1.68万元，其中公务接待较上年同期减少0.58万元，减少4.68%。", []),
    ],
)  # fmt: skip
def test_year_on_year(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert _codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 43897.73 / 1085203.63 = 4.0451% -> 4.05; 4.04 is the cut value
        ("收支总预算1085203.63元。卫生健康支出43897.73元，占支出总预算4.04%。",
         [("share_truncated", "warning", "4.04%", "4.05%")]),
        # 74784.48 / 1085203.63 = 6.8913% -> 6.89
        ("收支总预算1085203.63元。住房保障支出74784.48元，占支出总预算6.90%。",
         [("share_mismatch", "error", "6.90%", "6.89%")]),
        # 基本支出预算 is 基本支出: 84.06% + 19.62% of the same named total = 103.68%; the total,
        # never printed, is 基本 + 项目 = 2945760.58: 469500 / 2945760.58 = 15.938% -> 15.94%
        ("1.基本支出预算2476260.58元，占一般公共预算支出的84.06%。\n2.项目支出469500元，占一般公共预算支出的19.62%。",
         [("share_mismatch", "error", "19.62%", "15.94%"), ("shares_not_100", "error", "103.68%", "100.00%")]),
    ],
)  # fmt: skip
def test_shares(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert _codes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "馆内设有序厅、陈列室等12个展区。",  # 等 + count: not exhaustive
        "购置60台显示屏、12台服务器、3台投影仪。",  # a list of quantities
        "下属单位8个（含行政单位2个、事业单位1个）。",  # a parenthesised breakdown
        "在职人员81人，专业技术人员57人、管理人员1人，工勤人员23人。",  # head-counts by kind
        "严格落实中央八项规定精神，持续纠治“四风”。",  # names with numerals
        "项目支出286.83万元。项目支出包括培训经费12.5万元，会议费5万元。",  # an item inside a breakdown
        "目录\n一、部门概况\n二、收支情况\n五、附表\n第一部分 概况\n一、主要职责\n职责。\n二、机构\n机构。",  # TOC, restart
        "一般公共预算支出157.56亿元，比上年增长4.2%，完成年度预算的98%。",  # no budget amount: nothing to check
        "收入合计247.90亿元。支出合计225.55亿元。另调出0.2亿元。",  # 0.2 for 0.20 among 2-dp: no warning
    ],
)
def test_real_text_patterns_raise_nothing(text: str) -> None:
    assert audit_text(text).findings == ()


def test_grand_total_through_carry_over_is_complete() -> None:
    text = "2023年度收入总计434.72万元，其中：本年收入合计434.16万元，使用非财政拨款结余0.00万元，年初结转和结余0.55万元。"
    assert _codes(text) == [("sum_rounding_gap", "warning", "434.72万元", "434.71万元")]


def test_completion_rate_against_its_budget() -> None:
    # 90 / 100 = 90%
    assert _codes("全年支出90万元，完成年初预算100万元的95%。") == [
        ("execution_rate_mismatch", "error", "95%", "90.00%")
    ]


def test_count_without_a_link_word_is_only_a_warning() -> None:
    (finding,) = audit_text("走访企业、社区、学校30家。内设办公室、财务室、业务室四个科室。").findings
    assert (finding.code, finding.severity) == ("count_unclear", Severity.WARNING)


def test_flattened_self_evaluation_table_row() -> None:
    # 1389.3 / 1397.90 = 99.3848% -> 99.4; 99.3 is the cut value
    text = "年初预算数 |全年预算数 |全年执行数 |分值 |执行率 |得分 |||年度资金总额 |1397.90 |1397.90 |1389.3 |10 |99.3% |10 |||"
    (finding,) = audit_text(text).findings
    assert (finding.code, finding.stated, finding.expected) == ("rate_truncated", "99.3%", "99.4%")
    assert "执行率为99.38%，四舍五入应为99.4%，报告写为99.3%" in finding.message
    assert finding.sentence == "年度资金总额 |1397.90 |1397.90 |1389.3 |10 |99.3% |10"
    # 90 / 100 = 90%
    wrong = "年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 100 100 90 10 95% 9.5"
    assert _codes(wrong) == [("execution_rate_mismatch", "error", "95%", "90.00%")]


def test_income_shares_of_the_named_income_total() -> None:
    # 100 / 500 = 20%, not 25%; the two shares then add to 105%
    text = "本年收入合计500.00万元，其中：财政拨款收入400.00万元，占本年收入合计的80.00%；事业收入100.00万元，占本年收入合计的25.00%。"
    assert _codes(text) == [
        ("share_mismatch", "error", "25.00%", "20.00%"),
        ("shares_not_100", "error", "105.00%", "100.00%"),
    ]


def test_grand_total_is_not_basic_plus_project() -> None:
    text = (
        "2023年度支出总计520.00万元。本年支出合计500.00万元，其中：基本支出300.00万元，项目支出200.00万元。"
    )
    assert audit_text(text).findings == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 500 - 100 = 400 the year before; 100 / 400 = 25%
        ("本年收入合计500.00万元，与上年相比，增加100.00万元，增长20.00%。", [("yoy_mismatch", "error", "20.00%", "25.00%")]),
        ("本年收入合计500.00万元，与上年相比，增加100.00万元（增长25.00%）。", []),
        # 10 + 2 = 12; 2 / 12 = 16.67%
        ("三公经费支出10.00万元，比上年减少2.00万元，降幅16.67%。", []),
    ],
)  # fmt: skip
def test_year_on_year_phrasings(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert _codes(text) == expected
