"""Cell addresses, 1-based like Excel: ``CellRef("支出明细", 12, 4)`` is ``'支出明细'!D12``."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_A1 = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")


def col_letter(col: int) -> str:
    """1 → A, 26 → Z, 27 → AA, 16384 → XFD."""
    if col < 1:
        raise ValueError(f"column must be >= 1, got {col}")
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def col_number(letters: str) -> int:
    """A → 1, AA → 27 (case-insensitive)."""
    n = 0
    for ch in letters.upper():
        if not "A" <= ch <= "Z":
            raise ValueError(f"not a column: {letters!r}")
        n = n * 26 + ord(ch) - 64
    return n


def parse_a1(a1: str) -> tuple[int, int]:
    """"D12" or "$D$12" → (12, 4)."""
    match = _A1.match(a1.strip())
    if not match:
        raise ValueError(f"not an A1 cell address: {a1!r}")
    return int(match.group(2)), col_number(match.group(1))


def parse_range(ref: str) -> tuple[int, int, int, int]:
    """"B5:F10" → (first_row, first_col, last_row, last_col); a single cell is a 1×1 range."""
    first, _, last = ref.partition(":")
    r1, c1 = parse_a1(first)
    r2, c2 = parse_a1(last) if last else (r1, c1)
    return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)


def quote_sheet(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


@dataclass(frozen=True, slots=True, order=True)
class CellRef:
    sheet: str
    row: int
    col: int

    @property
    def a1(self) -> str:
        return f"{col_letter(self.col)}{self.row}"

    def __str__(self) -> str:
        return f"{quote_sheet(self.sheet)}!{self.a1}"


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal or an Excel column width: two for a wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
