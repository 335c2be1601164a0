"""The thirty-sixth round: one problem reported once, numbered lists after a colon, and last year's figure printed
bare ("上年1000万元").

Two readers of one sentence ("年初批复8个项目" read as 年初批复项目 and as 项目) reported the same wrong total twice,
with messages that differed only in how they named the parts; a list ":1.…;2.…;2.…;4.…" was not read (only
"一是…", "①…" and "(1)…" were); "上年1000万元" with no 为/支出 after 上年 left the change and its percentage unread.
"""

from __future__ import annotations

import pytest

from selfeval_xl.audit import audit_text


def _found(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.code, f.severity.value, f.stated, f.expected) for f in audit_text(text).findings]


def test_one_problem_is_reported_once() -> None:
    found = _found("2023年共实施项目12个,其中年初批复8个项目,年中追加5个项目。")
    assert found == [("sum_mismatch", "error", "12个", "13个")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("主要做法:1.加强管理;2.完善制度;2.强化监督;4.注重实效。", [("2.", "3.")]),
        ("主要做法:1、加强管理;2、完善制度;4、强化监督。", [("4、", "3、")]),
        ("主要做法:1、加强管理;2、完善制度;3、强化监督。", []),
        ("主要做法:1.加强管理;2.完善制度,提高3.5%;3.强化监督。", []),  # "3.5%" opens no item
        ("主要做法:1.加强管理;3.完善制度。", []),  # two items: too few to call a list
        ("职责:1.管理绿地。2.系统规划3.城市绿地管理。4.公园维护。", []),  # lines run together, not one list
        ("目标:1.建设;2.整治;3.推进。 | 完成:1.启动;2.整治;3.完成。", []),  # two cells, two lists
        ("做法:1.加强管理;2.完善制度;一是;4.注重实效。", []),  # an item that opens with no number: not such a list
    ],
)
def test_a_numbered_list_after_a_colon(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(f[2], f[3]) for f in _found(text) if f[0] == "inline_sequence"]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023年支出1200万元,上年1000万元,比上年减少200万元。", [("yoy_change_mismatch", "200万元")]),
        ("2023年支出1200万元,上年1000万元,增长10%。", [("yoy_mismatch", "10%")]),
        ("2023年支出1200万元,上年度1000万元,增长10%。", [("yoy_mismatch", "10%")]),
        ("2023年支出1200万元,上年1000万元,比上年增加200万元。", []),
        ("2023年支出1200万元,上年度1000万元,增加200万元,增长20%。", []),
        ("2023年支出1200万元,上年1000万元,增长20%。", []),
    ],
)
def test_last_years_figure_printed_bare(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f[0], f[2]) for f in _found(text) if f[1] == "error"] == expected
