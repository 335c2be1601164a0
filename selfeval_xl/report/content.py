"""The neutral content of an output sheet — cells, styles, widths, print setup — that both writers
(openpyxl into a copy, xlwings into the open book) and the .docx table render mechanically. Pure.

Style names map to fonts in ``STYLES``; the font names are those of official documents (GB/T 9704),
kept even where a machine lacks them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Style:
    font: str = "仿宋_GB2312"
    size: float = 12
    bold: bool = False
    wrap: bool = False
    align: str = "left"  # left | center | right
    fill: str = ""  # RGB hex, "" for none
    color: str = ""  # font colour
    border: bool = False  # thin grid border (tables meant for print)
    number_format: str = ""  # Excel number format of numeric cells ("0.00", "0.00%"); "" = General


STYLES: dict[str, Style] = {
    "title": Style("方正小标宋简体", 18, align="center", wrap=True),
    "banner": Style("黑体", 12, bold=True, wrap=True, color="C00000", fill="FFF2CC"),
    "h1": Style("黑体", 14, wrap=True),
    "h2": Style("楷体_GB2312", 14, bold=True, wrap=True),
    "body": Style("仿宋_GB2312", 14, wrap=True),
    "item": Style("仿宋_GB2312", 14, wrap=True),
    "header": Style("黑体", 11, bold=True, wrap=True, align="center", fill="D9E1F2"),
    "cell": Style("仿宋_GB2312", 11, wrap=True),
    "number": Style("仿宋_GB2312", 11, align="right"),
    "error": Style("仿宋_GB2312", 11, bold=True, color="C00000"),
    "warning": Style("仿宋_GB2312", 11, color="9C5700"),
    "link": Style("仿宋_GB2312", 11, color="0563C1"),
    "note": Style("仿宋_GB2312", 10, color="595959", wrap=True),
    "summary": Style("黑体", 12, bold=True, wrap=True, fill="E2EFDA"),
    "table_title": Style("方正小标宋简体", 16, align="center", wrap=True),
    "th": Style("黑体", 10.5, wrap=True, align="center", fill="D9E1F2", border=True),
    "td": Style("仿宋_GB2312", 10.5, wrap=True, border=True),
    "td_center": Style("仿宋_GB2312", 10.5, wrap=True, align="center", border=True),
    "td_number": Style("仿宋_GB2312", 10.5, align="right", border=True),
    "td_amount": Style("仿宋_GB2312", 10.5, align="right", border=True, number_format="0.00"),
    "td_percent": Style("仿宋_GB2312", 10.5, align="center", border=True, number_format="0.00%"),
}

HIGHLIGHT_ERROR = "FFC7CE"  # fill of an input cell with an error, in the output copy only
HIGHLIGHT_WARNING = "FFEB9C"


@dataclass(frozen=True, slots=True)
class Cell:
    row: int
    col: int
    value: str | int | float  # numbers keep their value; the style's number_format shows them (0.00, 0.00%)
    style: str = "cell"
    link: str = ""  # internal hyperlink target, e.g. "'基本信息'!C4"


@dataclass(frozen=True, slots=True)
class SheetContent:
    title: str
    cells: tuple[Cell, ...]
    widths: tuple[tuple[int, float], ...]  # (column, width in Excel character units)
    heights: tuple[tuple[int, float], ...] = ()  # (row, points)
    landscape: bool = False
    merges: tuple[tuple[int, int, int, int], ...] = ()  # (first_row, first_col, last_row, last_col)
    header_rows: tuple[int, ...] = ()  # rows that head the table below them: repeated on every printed page

    def value_at(self, row: int, col: int) -> str | int | float | None:
        for cell in self.cells:
            if cell.row == row and cell.col == col:
                return cell.value
        return None
