"""The money left of a project or a budget: "项目资金120万元,已支出100万元,结余20万元", "全年预算1200万元,
执行1180.5万元,结转结余资金19.5万元" — what is left is the money given less the money spent, the three
in one sentence in that order, each the nearest so named before the next (``leftover_mismatch``).

Read only when the sentence names one amount left (结余 and 结转 stated apart split it: "结转10万元,结余
5万元" is not read), the money given is a year's (never 总投资 or 概算), and the balance is not brought in
from an earlier year (年初结转, 上年结余). Savings of 政府采购 (节约资金) are ``savings``.
"""

from __future__ import annotations

from collections.abc import Iterator

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, FigureKind, Finding
from selfeval_xl.audit.named import last_named, name_before, printed_name
from selfeval_xl.audit.numbers import fmt_amount
from selfeval_xl.audit.text import sentence_bounds

_LEFT = ("结余", "剩余", "结转", "未支出", "未使用", "余额")
_GIVEN = ("预算", "资金", "安排", "下达", "到位", "拨付", "批复", "经费")
_SPENT = ("支出", "执行", "支付", "使用", "报账")
_NOT_GIVEN = ("总投资", "概算", "结余", "结转")
_BROUGHT_IN = ("年初", "上年", "以前年度", "历年")
# words that name money given only ("到位资金" is given, never spent)
_GIVEN_ONLY = ("预算", "安排", "下达", "到位", "批复")
_REACH = 120  # characters before the amount left within which what was given and spent are read


def check_leftovers(a: Analysis) -> Iterator[Finding]:
    amounts = a.by_paragraph(lambda f: f.kind is FigureKind.AMOUNT and f.exact and not f.comparative and f.value is not None)
    for index, own in amounts.items():
        norm = a.paragraph(index).norm
        for k, left in enumerate(own):
            name = name_before(norm, left.start, 10)
            if not any(w in name for w in _LEFT) or any(w in name for w in _BROUGHT_IN) or "率" in name:
                continue
            s0, s1 = sentence_bounds(norm, left.start)
            # one amount left in the sentence ("结转10万元,结余5万元" splits it)
            if sum(1 for f in own if s0 <= f.start < s1 and any(w in name_before(norm, f.start, 10) for w in _LEFT)) != 1:
                continue
            low = max(s0, left.start - _REACH)
            before = [f for f in own[max(0, k - 40) : k] if f.start >= low]
            spent = last_named(norm, before, _SPENT, (*_LEFT, *_GIVEN_ONLY), 10)
            if spent is None or before[-1] is not spent:
                continue  # the amount spent is the one right before what is left
            given = last_named(norm, [f for f in before if f.start < spent.start], _GIVEN, (*_NOT_GIVEN, *_SPENT), 10)
            if given is None or given.value is None or spent.value is None or left.value is None:
                continue
            if {given.unit, spent.unit} != {left.unit}:
                continue
            expected = given.value - spent.value
            if expected < 0 or abs(expected - left.value) <= given.tolerance + spent.tolerance + left.tolerance:
                continue
            places = max(f.decimals for f in (left, given, spent))
            yield finding(
                a, "leftover_mismatch", index, left.start, left.text,
                fmt_amount(expected, left.unit, places, like=left.text),
                given=(printed_name(norm, given.start) or "") + given.text, spent=(printed_name(norm, spent.start) or "") + spent.text,
            )  # fmt: skip
