"""Savings of 政府采购 reports: "采购预算金额97156.16万元,实际采购金额81298.42万元,节约资金15857.74万元" —
the saving is the budget (预算/计划) less the amount spent (实际/成交/中标/合同), all three in one
sentence, each the nearest so named before the saving (a list of categories each states its own).
The 节约率 after them is a named rate (``rates``).
"""

from __future__ import annotations

from collections.abc import Iterator

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, FigureKind, Finding
from selfeval_xl.audit.named import last_named, name_before
from selfeval_xl.audit.numbers import fmt_amount
from selfeval_xl.audit.text import sentence_bounds

_SAVED = ("节约资金", "节约财政资金", "节支", "节约")
_BUDGET = ("预算", "计划")
_SPENT = ("实际采购", "实际支出", "成交", "中标", "合同", "完成政府采购", "完成采购", "采购金额")
_REACH = 120  # characters before the saving within which its budget and spending are read


def check_savings(a: Analysis) -> Iterator[Finding]:
    amounts = a.by_paragraph(lambda f: f.kind is FigureKind.AMOUNT and f.exact and not f.comparative and f.value is not None)
    for index, own in amounts.items():
        norm = a.paragraph(index).norm
        for k, saved in enumerate(own):
            name = name_before(norm, saved.start, 12)
            if not any(word in name for word in _SAVED) or "率" in name:
                continue
            s0, _ = sentence_bounds(norm, saved.start)
            low = max(s0, saved.start - _REACH)
            # the amounts within reach before the saving (a bounded look back: linear in the text)
            before = [f for f in own[max(0, k - 40) : k] if f.start >= low]
            budget = last_named(norm, before, _BUDGET, (*_SPENT, *_SAVED), 12)
            spent = last_named(norm, before, _SPENT, (*_BUDGET, *_SAVED), 12)
            if budget is None or spent is None or budget.value is None or spent.value is None or saved.value is None:
                continue
            if budget.unit != saved.unit or spent.unit != saved.unit:
                continue
            expected = budget.value - spent.value
            if abs(expected - saved.value) > budget.tolerance + spent.tolerance + saved.tolerance:
                places = 2 if saved.unit == "万元" else max(saved.decimals, 0)
                yield finding(
                    a, "savings_mismatch", index, saved.start, saved.text,
                    fmt_amount(expected, saved.unit, places, like=saved.text), budget=budget.text, spent=spent.text,
                )  # fmt: skip
