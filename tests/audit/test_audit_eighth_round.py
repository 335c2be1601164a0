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
