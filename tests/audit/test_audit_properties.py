"""Hypothesis properties: extraction never raises; full-width and half-width text parse alike."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from selfeval_xl.audit import analyse, audit_text

_REPORT_CHARS = st.sampled_from(
    list(
        "0123456789０１２３４５６７８９.．,，%％、。：；:;()（）一二三四五六七八九十两余以上共个名篇万元亿千占的其中基本支出项目人员经费公用自评得分等级优良中差执行率问题无\n 　"
    )
)
_FULL = str.maketrans(
    {**{str(d): chr(0xFF10 + d) for d in range(10)}, ".": "\uff0e", "%": "\uff05", ",": "\uff0c"}
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_REPORT_CHARS, max_size=300))
def test_audit_never_raises_on_report_like_text(text: str) -> None:
    report = audit_text(text)
    assert all(f.code != "check_failed" for f in report.findings)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_audit_never_raises_on_arbitrary_text(text: str) -> None:
    report = audit_text(text)
    assert all(f.code != "check_failed" for f in report.findings)


amount = st.decimals(
    min_value=0, max_value=Decimal("99999999.99"), places=2, allow_nan=False, allow_infinity=False
)


@settings(max_examples=200, deadline=None)
@given(a=amount, b=amount, share=st.decimals(min_value=0, max_value=100, places=2))
def test_full_width_and_half_width_parse_alike(a: Decimal, b: Decimal, share: Decimal) -> None:
    text = (
        f"2020年部门整体支出{a + b}万元，其中：基本支出{a}万元，项目支出{b}万元，基本支出占总支出的{share}%。"
    )
    half = [(f.kind, f.value, f.role) for f in analyse((text,)).figures]
    full = [(f.kind, f.value, f.role) for f in analyse((text.translate(_FULL),)).figures]
    assert half == full
    assert [v for _, v, _ in half][:3] == [a + b, a, b]


@settings(max_examples=100, deadline=None)
@given(a=amount, b=amount)
def test_consistent_parts_never_break_the_sum(a: Decimal, b: Decimal) -> None:
    text = f"2020年部门整体支出{a + b}万元，其中：基本支出{a}万元，项目支出{b}万元。"
    assert audit_text(text).findings == ()
