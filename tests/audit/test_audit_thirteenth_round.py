"""Thirteenth round: rules from the dev half of the pages merged this round (docs/audit.md). Made-up
texts in the forms of the dev half."""

from __future__ import annotations

from selfeval_xl.audit import audit_text


def _findings(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.code, f.severity.value, f.stated, f.expected) for f in audit_text(text).findings]


def test_a_grand_total_that_is_only_the_years_own_parts_says_so() -> None:
    # 收入总计 includes 上年结转和结余: 1813.24 + 0 + 8257.30 = 10070.54, + 27.93 = 10098.47
    text = (
        "2017年度,收入总计为10070.54万元,其中:\n1.财政拨款收入1813.24万元。\n2.上级补助收入0万元。\n"
        "3.事业收入8257.3万元。\n4.上年结转和结余27.93万元。\n"
    )
    assert _findings(text) == [("grand_total_without_carry_over", "error", "10070.54万元", "10098.47万元")]
    message = audit_text(text).findings[0].message
    assert message.startswith("收入总计写为10070.54万元") and message.endswith("请改称“本年收入合计”。") and "收入总计还应含同时列出的上年结转和结余27.93万元" in message
    assert "事业收入8257.3万元" in message and "结转和结余27.93" not in message.split("；")[0]
    # the whole including the carry-over: nothing; any other figure: the plain mismatch
    assert _findings(text.replace("10070.54", "10098.47")) == []
    assert _findings(text.replace("10070.54", "10090.00")) == [("sum_mismatch", "error", "10090.00万元", "10098.47万元")]
    # 支出总计 and 年末结转 alike
    spent = "支出总计为500.00万元,其中:基本支出300.00万元,项目支出200.00万元,年末结转和结余20.00万元。"
    assert _findings(spent) == [("grand_total_without_carry_over", "error", "500.00万元", "520.00万元")]
    assert "请改称“本年支出合计”" in audit_text(spent).findings[0].message


def test_a_comparison_tables_change_columns_are_checked_row_by_row() -> None:
    # a 三公 table of two years, copied line by line (the reader may glue a row to the one before)
    table = (
        "单位:万元 | ||||\n项目 | 2022年预算数 | 2023年预算数 | 2023年预算数增减 | 增减原因 |\n"
        "合计 | 2378.77 | 2415.44 | 36.67 | |\n1、因公出国(境)费用 | 0 | 0 | 0 | 从严控制。 |\n"
        "2、公务接待费 | 1114.54 | 989.86 | {} | 减少公务接待。 |\n3、公务用车费 | 1264.23 | 1425.58 | 161.35 | |\n"
    )
    assert not [f for f in audit_text(table.format("-124.68")).findings if f.code.startswith("yoy")]
    found = [f for f in audit_text(table.format("-137.15")).findings if f.code.startswith("yoy")]
    assert [(f.code, f.stated, f.expected) for f in found] == [("yoy_change_mismatch", "-137.15", "-124.68")]
    assert found[0].sentence == "2、公务接待费 | 1114.54 | 989.86 | -137.15"  # the row up to the checked column
    assert found[0].message.startswith("2023年预算数989.86、2022年预算数1114.54，")  # each column by its own name
    # 上年 / 本年 columns, a rate column; a change printed without its sign is read as its size
    rates = "项目 | 上年决算数 | 本年决算数 | 增减额 | 增减率 |\n合计 | 100.00 | 90.00 | -10.00 | {} |\n接待费 | 40.00 | 30.00 | 10.00 | 25.00% |\n"
    assert _findings(rates.format("-10.00%")) == []
    assert _findings(rates.format("-11.00%")) == [("yoy_mismatch", "error", "-11.00%", "-10.00%")]
    # the current year printed first: still current − prior
    swapped = "项目 | 本年决算数 | 上年决算数 | 增减额 |\n合计 | 90.00 | 100.00 | {} |\n"
    assert _findings(swapped.format("-10.00")) == []
    assert _findings(swapped.format("10.50")) == [("yoy_change_mismatch", "error", "10.50", "-10.00")]
    # a header that does not say which year is which, or two change amount columns, is not read
    assert _findings("项目 | 预算数 | 决算数 | 增减额 |\n合计 | 100.00 | 90.00 | 5.00 |\n") == []
    assert _findings("项目 | 上年数 | 本年数 | 增减 | 增减额 |\n合计 | 100 | 90 | 5 | 7 |\n") == []
