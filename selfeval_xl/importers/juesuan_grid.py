"""The shape of one 决算 table: its header rows (merged, multi-row, a 栏次 row), columns by role, data rows.

``shape`` finds the first data row (the first row below the title with a number in it that is not
the 栏次 row), takes the rows between the unit line and that row as the header, fills merged
header cells from their top-left cell (or, when the file keeps no merge information, carries a
group header to the right over the columns below it), and joins each column's header texts into
a path such as ``本年支出/基本支出``. ``roles`` places the columns the layout names by the words
of their aliases; ``row_code`` reads a row's function or economic code (one column, split 类/款/项
columns with the 类 repeated or not, or a code glued to its name).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from selfeval_xl.core.cells import CellRef
from selfeval_xl.core.model import CellValue
from selfeval_xl.importers.juesuan_find import _ENTITY, _MONEY, Region, _label, amount, match_title, normalize

STANZA_WORDS = frozenset({"栏次", "行次", "甲", "乙", "丙", "丁"})
CODE_WORDS = ("编码", "代码")
SPLIT_CODE = frozenset({"类", "款", "项"})
_LEADING_CODE = re.compile(r"^(\d{3,7})(?!\d)")


def text_of(value: CellValue) -> str:
    """A cell as matching text; whole floats lose their ".0"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return normalize(value) if value is not None else ""


def is_stanza(row: Sequence[CellValue]) -> bool:
    """The 栏次 row: 栏次/甲/乙 and consecutive column numbers 1, 2, 3 …"""
    cells = [text_of(v) for v in row if v is not None and text_of(v)]
    if not cells:
        return False
    numbers = [int(t) for t in cells if t.isdigit() and len(t) <= 2]
    words = [t for t in cells if not (t.isdigit() and len(t) <= 2)]
    if any(w not in STANZA_WORDS for w in words):
        return False
    if any(w in ("栏次", "行次") for w in words):
        return True
    return len(numbers) >= 2 and numbers[0] <= 1 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def is_meta(row: Sequence[CellValue]) -> bool:
    """A row holding only a title, a label or the unit line."""
    cells = [v for v in row if v is not None]
    if not cells:
        return False
    for value in cells:
        if not isinstance(value, str):
            return False
        text = unicodedata.normalize("NFKC", value).strip()
        if not (match_title(value) or _label(value) or _MONEY.search(text) or _ENTITY.match(text)):
            return False
    return True


@dataclass(frozen=True, slots=True)
class Shape:
    region: Region
    header_rows: tuple[int, ...]
    first_data_row: int  # = region.end_row when the table has no numbers at all
    paths: tuple[str, ...]  # per column: header texts joined by "/"

    @property
    def data_rows(self) -> range:
        return range(self.first_data_row, self.region.end_row)

    def cell(self, row: int, col: int) -> CellRef:
        return CellRef(self.region.grid.sheet, row + 1, col + 1)

    def value(self, row: int, col: int) -> CellValue:
        return self.region.grid.value(row, col)


def shape(region: Region) -> Shape:
    grid = region.grid
    first = region.end_row
    for r in range(region.title_row + 1, region.end_row):
        row = grid.rows[r]
        if is_meta(row) or is_stanza(row):
            continue
        if any(amount(v) is not None for v in row):
            first = r
            break
    header = tuple(r for r in range(region.title_row + 1, first)
                   if any(v is not None for v in grid.rows[r]) and not is_meta(grid.rows[r])
                   and not is_stanza(grid.rows[r]))
    if first == region.end_row:  # no numbers: only the header words up to a note count
        header = tuple(r for r in header if not any(text_of(v).startswith(("注", "说明")) for v in grid.rows[r]))
    return Shape(region, header, first, _paths(region, header))


def _paths(region: Region, header: tuple[int, ...]) -> tuple[str, ...]:
    grid = region.grid
    if not header:
        return ()
    width = max(len(grid.rows[r]) for r in range(region.title_row, region.end_row))
    cells: dict[tuple[int, int], str] = {(r, c): text_of(grid.value(r, c)) for r in header for c in range(width)}
    rows = set(header)
    for r1, c1, r2, c2 in grid.merged:
        top = text_of(grid.value(r1, c1))
        for r in range(r1, r2 + 1):
            if r in rows:
                for c in range(c1, c2 + 1):
                    cells[(r, c)] = top
    if not grid.merged:  # no merge information (some .xls writers): carry group headers to the right
        for i, r in enumerate(header[:-1]):
            carry = ""
            for c in range(width):
                below = any(cells[(r2, c)] for r2 in header[i + 1:])
                if cells[(r, c)]:
                    carry = cells[(r, c)]
                elif carry and below:
                    cells[(r, c)] = carry
                else:
                    carry = ""
    paths = []
    for c in range(width):
        parts: list[str] = []
        for r in header:
            if cells[(r, c)] and (not parts or parts[-1] != cells[(r, c)]):
                parts.append(cells[(r, c)])
        paths.append("/".join(parts))
    return tuple(paths)


def roles(paths: Sequence[str], columns: dict[str, list[list[str]]]) -> dict[str, int]:
    """Role → column: the first alias whose words all occur in a column's path, leftmost column first."""
    used: set[int] = set()
    found: dict[str, int] = {}
    for role, aliases in columns.items():
        for alias in aliases:
            words = [normalize(w) for w in alias]
            match = next((c for c, p in enumerate(paths) if c not in used and p and all(w in p for w in words)), None)
            if match is not None:
                found[role] = match
                used.add(match)
                break
    return found


def code_columns(paths: Sequence[str], before: int) -> list[int]:
    """Label-area columns that hold codes: 科目编码, or split 类/款/项 columns."""
    return [c for c, p in enumerate(paths[:before])
            if any(w in p for w in CODE_WORDS) or (p.rsplit("/", 1)[-1] in SPLIT_CODE)]


def row_code(shape_: Shape, row: int, code_cols: Sequence[int], label_end: int, last_class: str) -> str:
    """The row's code ("201", "20106", "2010601"); "" when the row has none."""
    parts = [text_of(shape_.value(row, c)) for c in code_cols]
    digits = [p for p in parts if p.isdigit()]
    if len(code_cols) > 1 and digits:
        if not parts[0].isdigit() and last_class:  # 类 printed once, not repeated
            digits = [last_class, *digits]
        return "".join(digits)
    if digits:
        return digits[0]
    for c in range(label_end):
        match = _LEADING_CODE.match(text_of(shape_.value(row, c)))
        if match:
            return match.group(1)
    return ""


def label_text(shape_: Shape, row: int, label_end: int) -> list[str]:
    return [text_of(shape_.value(row, c)) for c in range(label_end) if text_of(shape_.value(row, c))]


def to_yuan(value: Decimal, money: str) -> Decimal:
    return value * 10000 if money == "万元" else value
