from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfeval_xl.core.cells import CellRef, col_letter, col_number, parse_a1, parse_range
from selfeval_xl.core.numbers import (
    apportion,
    chinese_numeral,
    fmt_amount,
    fmt_date,
    fmt_percent,
    fmt_quantity,
    heading_label,
    round_half_up,
    shares,
)


@pytest.mark.parametrize(("col", "letters"), [(1, "A"), (2, "B"), (26, "Z"), (27, "AA"), (52, "AZ"), (53, "BA"),
                                              (702, "ZZ"), (703, "AAA"), (16384, "XFD")])
def test_col_letters_round_trip(col: int, letters: str) -> None:
    assert col_letter(col) == letters
    assert col_number(letters) == col
    assert col_number(letters.lower()) == col


@pytest.mark.parametrize(("a1", "expected"), [("A1", (1, 1)), ("$D$12", (12, 4)), ("xfd1048576", (1048576, 16384))])
def test_parse_a1(a1: str, expected: tuple[int, int]) -> None:
    assert parse_a1(a1) == expected


@pytest.mark.parametrize("bad", ["", "1A", "A", "A0x", "AAAA1"])
def test_parse_a1_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_a1(bad)


def test_parse_range_and_cellref() -> None:
    assert parse_range("F10:B5") == (5, 2, 10, 6)
    assert parse_range("C4") == (4, 3, 4, 3)
    assert str(CellRef("支出明细", 12, 4)) == "'支出明细'!D12"
    assert str(CellRef("it's", 1, 1)) == "'it''s'!A1"


@pytest.mark.parametrize(("value", "expected"), [
    ("0.005", "0.01"), ("0.004", "0.00"), ("2.675", "2.68"), ("-2.675", "-2.68"), ("176.18", "176.18"),
    ("31.97130380", "31.97"), ("68.02869", "68.03"), ("80", "80.00"),
])
def test_round_half_up(value: str, expected: str) -> None:
    assert str(round_half_up(D(value))) == expected


@pytest.mark.parametrize(("n", "text"), [(0, "零"), (1, "一"), (4, "四"), (10, "十"), (11, "十一"), (20, "二十"),
                                         (21, "二十一"), (99, "九十九"), (100, "一百"), (101, "一百零一"),
                                         (110, "一百一十"), (1010, "一千零一十"), (2000, "二千")])
def test_chinese_numeral(n: int, text: str) -> None:
    assert chinese_numeral(n) == text


@pytest.mark.parametrize(("level", "n", "label"), [(1, 1, "一、"), (1, 11, "十一、"), (2, 3, "（三）"), (3, 2, "2."),
                                                   (4, 5, "（5）")])
def test_heading_labels(level: int, n: int, label: str) -> None:
    assert heading_label(level, n) == label


def test_formatting() -> None:
    assert fmt_amount(D("80")) == "80.00"
    assert fmt_percent(D("31.9713")) == "31.97%"
    assert fmt_quantity(D("1551.00")) == "1551"
    assert fmt_quantity(D("12.50")) == "12.5"
    assert fmt_date(dt.date(2019, 6, 21)) == "2019年6月21日"


def test_founding_example_shares() -> None:
    assert shares([D("30.75"), D("65.43")], D("96.18")) == ([D("31.97"), D("68.03")], [])
    assert shares([D("96.18"), D("80.00")], D("176.18")) == ([D("54.59"), D("45.41")], [])


def test_apportion_moves_drift_to_largest_remainder() -> None:
    parts, moved = apportion(D(1), [D(1) / 3] * 3)
    assert parts == [D("0.34"), D("0.33"), D("0.33")] and moved == [0]
    parts, moved = shares([D(1), D(1), D(1)], D(3))
    assert sum(parts) == D(100) and moved == [0]


amounts = st.decimals(min_value=D("0.01"), max_value=D("99999999.99"), places=2, allow_nan=False)


@given(st.lists(amounts, min_size=1, max_size=12))
def test_shares_always_add_up_to_exactly_100(parts: list[D]) -> None:
    result, _ = shares(parts, sum(parts))
    assert result is not None
    assert sum(result) == D("100.00")
    assert all(D(0) <= s <= D(100) for s in result)
    # each share stays within one hundredth of its exact value
    for part, share in zip(parts, result, strict=True):
        assert abs(share - part / sum(parts) * 100) < D("0.01") + D("0.005")


@given(st.lists(st.decimals(min_value=D("0"), max_value=D("1000000"), places=6, allow_nan=False), min_size=1,
                max_size=10))
def test_apportioned_amounts_reconcile_with_rounded_total(parts: list[D]) -> None:
    rounded, _ = apportion(sum(parts), parts)
    assert sum(rounded) == round_half_up(sum(parts))
