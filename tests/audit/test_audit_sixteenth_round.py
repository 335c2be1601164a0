"""Sixteenth round: rules and fixes of the round (docs/audit.md, "Sixteenth round")."""

from __future__ import annotations

import pytest

from selfeval_xl.audit import audit_text


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(f.code, f.stated, f.expected) for f in audit_text(text).findings]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 112446 / 207380 = 54.2222% → 54.22%: a numbered item "1)" opens the sentence; its ")" closes no
        # bracket the executed amount stands in
        ("1)税收收入112446万元,完成年初预算207380万元的54.22%。", []),
        ("1)税收收入112446万元,完成年初预算207380万元的59.64%。", [("execution_rate_mismatch", "59.64%", "54.22%")]),
        # 33.82 / 37.1 = 91.159% → 91.16%: the budget the 人大 passed
        ("完成一般公共预算收入33.82亿元,同口径比增长25.63%,为人大预算数37.1亿元的91.16%。", []),
        (
            "完成一般公共预算收入33.82亿元,同口径比增长25.63%,为人大预算数37.1亿元的100.28%。",
            [("execution_rate_mismatch", "100.28%", "91.16%")],
        ),
    ],
)
def test_execution_rates_read_through_a_numbered_item_and_the_peoples_congress_budget(text: str, found: list[tuple[str, str, str]]) -> None:
    assert _found(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 289.14 / 300 = 96.38%: a 完成率 named after payment is of what was paid
        ("下达资金300万元,实际已支付289.14万元,支付完成率为96.38%。", []),
        ("下达资金300万元,实际已支付289.14万元,支付完成率为106.02%。", [("named_rate_mismatch", "106.02%", "96.38%")]),
        # 55 / 115 = 47.83% → 48%: projects started of those given
        ("2021年下达中央预算内投资项目115个,截至9月底,已开工55个,开工率48%。", []),
        ("2021年下达中央预算内投资项目115个,截至9月底,已开工55个,开工率58%。", [("named_rate_mismatch", "58%", "47.83%")]),
        # 30 / 40 = 75%: finished of those started
        ("计划开工项目40个,已开工40个,已完工30个,完工率75%。", []),
        ("计划开工项目40个,已开工40个,已完工30个,完工率80%。", [("named_rate_mismatch", "80%", "75.00%")]),
        # with no whole printed in the sentence nothing is read
        ("截至9月底,已完工47个,完工率36%。", []),
    ],
)
def test_rates_of_payment_and_of_projects_started_or_finished(text: str, found: list[tuple[str, str, str]]) -> None:
    assert _found(text) == found
