"""The thirty-third round: what its blind pages showed on the dev half (items one a paragraph under a total's name,
some lines wrapped into one paragraph)."""

from __future__ import annotations

import pytest

from selfeval_xl.audit import audit_text
from selfeval_xl.audit.model import Severity


def _errors(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity is Severity.ERROR]


_WRAPPED = "(一)公路建设。1—9月完成投资1275.34亿元。其中:\n高速公路完成投资679.62亿元,同比增长42.3%。\n{rest}\n(二)内河水运。1—9月完成投资34.61亿元。"


@pytest.mark.parametrize(
    ("rest", "errors"),
    [
        # lines without their full stop wrapped into one paragraph: several items in it, so the list is not read
        ("国省干线完成投资426.91亿元,同比增长10.5%\n农村公路完成投资153.3亿元,同比下降15.2%\n站点建设完成投资15.51亿元。", []),
        ("国省干线完成投资426.91亿元\n农村公路完成投资153.3亿元\n站点建设完成投资25.51亿元。", []),
        # one item a paragraph is read as before, and a moved item found
        (
            "国省干线完成投资426.91亿元。\n农村公路完成投资153.3亿元。\n站点建设完成投资25.51亿元。",
            [("parts_exceed_total", "1275.34亿元", "1285.34亿元")],
        ),
    ],
)
def test_items_one_a_paragraph_under_the_totals_name(rest: str, errors: list[tuple[str, str, str]]) -> None:
    assert _errors(_WRAPPED.format(rest=rest)) == errors
