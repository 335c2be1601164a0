"""Twenty-fourth round: a list far from its total, a share larger than its whole, and a stable findings order
(docs/audit.md, "Twenty-fourth round"). Every text here is made up."""

from __future__ import annotations

from decimal import Decimal

import pytest

from selfeval_xl.audit import audit_text
from selfeval_xl.audit.plausible import far_apart, far_over, slip_of_the_pen


def _found(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.code, f.severity.value, f.stated, f.expected) for f in audit_text(text).findings]


@pytest.mark.parametrize(
    ("stated", "found", "slip"),
    [
        ("6717", "16717.00", True),  # a digit dropped
        ("195", "196", True),  # a digit changed
        ("1203", "1230", True),  # two neighbours swapped
        ("12.3", "123", True),  # the point misplaced
        ("67170000", "167170000", True),  # in 元 of 万元 amounts: the zeros both end with are no digits
        ("124.23", "146.95", False),
        ("230000000", "250000000", False),  # 2.3亿元 and 2.5亿元: two digits are near by chance
        ("3814.61", "3796.61", False),
        ("1203", "3021", False),
    ],
)
def test_a_slip_of_the_pen(stated: str, found: str, slip: bool) -> None:
    assert slip_of_the_pen(Decimal(stated), Decimal(found)) is slip


def test_far_is_beyond_a_tenth_over_or_twice_apart_unless_a_slip() -> None:
    assert far_over(Decimal(100), Decimal("110.01")) and not far_over(Decimal(100), Decimal(110))
    assert not far_over(Decimal(6717), Decimal(16717))  # a slip stays an error however far
    assert far_apart(Decimal(100), Decimal(200)) and far_apart(Decimal(100), Decimal(50))
    assert not far_apart(Decimal(100), Decimal("199.99")) and not far_apart(Decimal(100), Decimal("50.01"))
    assert not far_apart(Decimal("4.02"), Decimal(0))  # parts all nil: the list is wrong, not of something else


def test_parts_far_over_their_total_are_a_warning_naming_the_doubt() -> None:
    found = _found("本年收入合计6717万元，其中：财政拨款收入4575万元，事业收入9142万元。")
    assert found == [("parts_far_over_total", "warning", "6717万元", "13717.00万元")]
    message = audit_text("本年收入合计6717万元，其中：财政拨款收入4575万元，事业收入9142万元。").findings[0].message
    assert "一成以上" in message and "请核实" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a digit dropped from the total: far over, but a slip of the pen, so still an error
        ("本年收入合计6717万元，其中：财政拨款收入4575万元，事业收入12142万元。", ("parts_exceed_total", "16717.00万元")),
        # over by less than a tenth
        ("本年收入合计820.40万元，其中：财政拨款收入610.20万元，事业收入250.30万元。", ("parts_exceed_total", "860.50万元")),
        # a complete list a fifth over its total
        ("本年支出合计820.40万元，其中：基本支出612.30万元，项目支出420.50万元。", ("sum_mismatch", "1032.80万元")),
    ],
)
def test_a_list_near_its_total_or_off_by_a_slip_stays_an_error(text: str, expected: tuple[str, str]) -> None:
    assert [(code, exp) for code, severity, _, exp in _found(text) if severity == "error"] == [expected]


def test_a_complete_list_twice_its_total_is_a_warning() -> None:
    text = "2023年“三公”经费支出合计56.20万元，其中：因公出国（境）费0万元，公务接待费13.60万元，公务用车购置及运行维护费132.60万元。"
    assert _found(text) == [("sum_far_apart", "warning", "56.20万元", "146.20万元")]
    near = text.replace("132.60", "52.60")
    assert _found(near) == [("sum_mismatch", "error", "56.20万元", "66.20万元")]


def test_a_share_of_a_whole_smaller_than_its_part_is_no_share_error() -> None:
    text = "本年支出合计820.40万元，其中：项目支出850.50万元，占本年支出合计的45.12%。"
    assert ("share_over_whole", "warning", "45.12%", "103.67%") in _found(text)
    assert not [f for f in _found(text) if f[0] == "share_mismatch"]
    within = text.replace("850.50", "370.50")
    assert _found(within) == [("share_mismatch", "error", "45.12%", "45.16%")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # head-counts and counts of things take the same bounds as amounts
        ("单位共有在职人员12人，其中：行政人员20人，事业人员8人。", "sum_far_apart"),
        ("单位共有在职人员26人，其中：行政人员20人，事业人员8人。", "sum_mismatch"),
        ("本年共实施项目5个，其中：基建项目9个，信息化项目4个。", "sum_far_apart"),
        ("本年共实施项目12个，其中：基建项目9个，信息化项目4个。", "sum_mismatch"),
    ],
)
def test_counts_far_from_their_total_are_a_warning_too(text: str, code: str) -> None:
    assert [f[0] for f in _found(text)] == [code]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 参公 (参照公务员法管理) is the third kind of 编制 beside 行政 and 事业: a list of the three adds up
        ("机关在职人员30人，其中：行政编制人员10人、参公编制人员6人、事业编制人员12人。", [("sum_mismatch", "30人", "28人")]),
        ("机关在职人员28人，其中：行政编制人员10人、参公编制人员6人、事业编制人员12人。", []),
        # a total of 工作人员, not of the 编制 or the serving staff, may count people of no 编制 (编外, 临聘): the
        # 编制 kinds short of it prove nothing; over it, they are wrong
        ("社区共有工作人员52人，其中行政编制11人、参公编制9人、事业编制20人。", []),
        ("社区共有工作人员52人，其中行政编制11人、参公编制9人、事业编制40人。", [("sum_mismatch", "52人", "60人")]),
    ],
)
def test_canggong_is_a_kind_of_staff_and_a_staff_total_may_hold_more_than_its_bianzhi(
    text: str, found: list[tuple[str, str, str]]
) -> None:
    assert [(code, stated, expected) for code, severity, stated, expected in _found(text) if severity == "error"] == found
