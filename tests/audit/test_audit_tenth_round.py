"""Rules of the tenth round, each from a dev text's miss or false alarm, on made-up text."""

from __future__ import annotations

from selfeval_xl.audit import audit_text


def _errors(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity.value == "error"]


_HEADER = "\n\n".join(("年度资金总额", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"))


def test_a_self_evaluation_row_whose_amounts_carry_their_unit() -> None:
    # 512.4 / 640.5 = 80.00%: the row prints 100%
    row = "\n\n".join(("年度资金总额", "640.5万元", "640.5万元", "512.4万元", "10", "100%", "10"))
    assert _errors(_HEADER + "\n\n" + row) == [("execution_rate_mismatch", "100%", "80.00%")]
    assert _errors(_HEADER + "\n\n" + row.replace("100%", "80%").replace("10\n\n80%\n\n10", "10\n\n80%\n\n8")) == []
    # a budget in 万元 and an execution in 元 are not set against each other
    assert _errors(_HEADER + "\n\n" + row.replace("512.4万元", "5124000元")) == []
