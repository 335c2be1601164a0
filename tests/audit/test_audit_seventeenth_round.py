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


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 203379 + 27960 + 60817 + 5417 + 10580 = 308153: one unit short with five whole parts, each of which
        # may be rounded on its own — not proven wrong (the corpus's rounding convention)
        ("全区农林牧渔业总产值308154万元,同比增长8.3%。其中:农业产值203379万元,同比增长7.1%;林业产值27960万元;牧业产值60817万元;渔业产值5417万元;农林牧渔服务业产值10580万元。", []),
        # six units short is more than five parts' rounding
        (
            "全区农林牧渔业总产值308159万元,同比增长8.3%。其中:农业产值203379万元,同比增长7.1%;林业产值27960万元;牧业产值60817万元;渔业产值5417万元;农林牧渔服务业产值10580万元。",
            [("sum_mismatch", "308159万元", "308153.00万元")],
        ),
    ],
)
def test_a_gap_within_the_parts_own_rounding_is_no_error(text: str, found: list[tuple[str, str, str]]) -> None:
    assert _found(text) == found
