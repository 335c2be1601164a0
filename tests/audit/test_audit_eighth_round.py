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
        "增长0%;公务用车购置及运行费支出决算增加0万元,增长0%;公务接待费支出决算增加0.16万元,增长7.4%。"
    )
    assert _errors(text) == [("yoy_mismatch", "7.4%", "7.2%")]
    assert _errors(text.replace("7.4%", "7.2%")) == []
    # no comparison before the list: its changes are not read as against last year
    assert _errors(text.replace("比2022年增加0.16万元,增长4.7%", "有所增加")) == []
