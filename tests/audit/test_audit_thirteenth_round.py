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
