"""Seventeenth round: rules and fixes of the round (docs/audit.md, "Seventeenth round")."""

from __future__ import annotations

import pytest

from selfeval_xl.audit import audit_text


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity.value == "error"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the total is itself "占比60.8%" of a whole the text never names: its parts' bare 占比 may be of
        # their own pools (31.2 / 101.63 = 30.70%, yet 68.7% is of the central funds)
        ("2022年共安排产业类项目4852个,投入资金101.63亿元,占比60.8%,其中中央衔接资金投向产业发展类项目31.2亿元,占比68.7%。", []),
        # without the total's own share, a part's bare 占比 is of the total: 31.2 / 101.63 = 30.70%
        (
            "2022年共安排产业类项目4852个,投入资金101.63亿元,其中中央衔接资金投向产业发展类项目31.2亿元,占比68.7%。",
            [("share_mismatch", "68.7%", "30.70%")],
        ),
    ],
)
def test_a_bare_share_under_a_total_that_is_itself_a_share_of_an_unnamed_whole(text: str, found: list[tuple[str, str, str]]) -> None:
    assert _found(text) == found
