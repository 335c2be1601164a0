"""Adapter: output sheets into an openpyxl workbook, and the output copy written atomically.

The user's file is only ever *read*: the copy is loaded from it, output sheets are recreated,
input cells with issues are highlighted (fill + comment) in the copy, and the result goes to a
temporary file renamed into place.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from selfeval_xl.core.cells import col_letter
from selfeval_xl.core.model import Issue
from selfeval_xl.report.sheets import (
    HIGHLIGHT_ERROR,
    HIGHLIGHT_WARNING,
    STYLES,
    SheetContent,
    is_output_sheet,
    issue_message,
)
from selfeval_xl.workbook.package import workbook_bytes, write_atomic

FORMULA_PREFIXES = ("=", "+", "-", "@")


def render_sheet(book: Any, content: SheetContent) -> Any:
    """(Re)create ``content.title`` in ``book`` and fill it."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.hyperlink import Hyperlink

    if content.title in book.sheetnames:
        del book[content.title]
    ws = book.create_sheet(content.title)
    fonts: dict[str, Any] = {}
    side = Side(style="thin", color="000000")
    thin = Border(left=side, right=side, top=side, bottom=side)
    for cell in content.cells:
        style = STYLES[cell.style]
        target = ws.cell(cell.row, cell.col)
        target.value = cell.value
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_PREFIXES):
            target.data_type = "s"  # user text never becomes a formula
        if cell.style not in fonts:
            fonts[cell.style] = Font(name=style.font, size=style.size, bold=style.bold, color=style.color or None,
                                     underline="single" if cell.link else None)
        target.font = fonts[cell.style]
        target.alignment = Alignment(wrap_text=style.wrap, horizontal=style.align, vertical="top")
        if style.fill:
            target.fill = PatternFill("solid", fgColor=style.fill)
        if style.border:
            target.border = thin
        if style.number_format and isinstance(cell.value, (int, float)):
            target.number_format = style.number_format
        if cell.link:
            target.hyperlink = Hyperlink(ref=target.coordinate, location=cell.link, display=str(cell.value))
    for first_row, first_col, last_row, last_col in content.merges:
        ws.merge_cells(start_row=first_row, start_column=first_col, end_row=last_row, end_column=last_col)
    for col, width in content.widths:
        ws.column_dimensions[col_letter(col)].width = width
    for row, height in content.heights:
        ws.row_dimensions[row].height = height
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if content.landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.7
    ws.sheet_view.showGridLines = False
    return ws


def anchor_of(ws: Any, row: int, col: int) -> tuple[int, int]:
    """The cell that holds the value of a merged range (its top-left), or the cell itself."""
    for merged in ws.merged_cells.ranges:
        if merged.min_row <= row <= merged.max_row and merged.min_col <= col <= merged.max_col:
            return merged.min_row, merged.min_col
    return row, col


def highlight_issues(book: Any, issues: Sequence[Issue]) -> None:
    """Colour input cells that have issues and attach the message as a comment (copy only)."""
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    notes: dict[tuple[str, int, int], list[Issue]] = {}
    for item in issues:
        if item.where is not None and item.where.sheet in book.sheetnames:
            row, col = anchor_of(book[item.where.sheet], item.where.row, item.where.col)
            notes.setdefault((item.where.sheet, row, col), []).append(item)
    for (sheet, row, col), found in notes.items():
        cell = book[sheet].cell(row, col)
        worst = HIGHLIGHT_ERROR if any(i.is_error for i in found) else HIGHLIGHT_WARNING
        cell.fill = PatternFill("solid", fgColor=worst)
        text = "\n".join(issue_message(i) for i in found)
        cell.comment = Comment(text, "selfeval", width=320, height=120)


def write_copy(input_path: Path, output_path: Path, sheets: Sequence[SheetContent], issues: Sequence[Issue],
               active: str = "") -> None:
    """Copy ``input_path`` to ``output_path`` with ``sheets`` recreated and issue cells highlighted."""
    from selfeval_xl.workbook.reader import load_for_copy

    book: Any = load_for_copy(input_path)
    for title in [t for t in book.sheetnames if is_output_sheet(t)]:  # an earlier run's outputs are replaced
        del book[title]
    highlight_issues(book, issues)
    for content in sheets:
        render_sheet(book, content)
    if active and active in book.sheetnames:
        for ws in book.worksheets:
            ws.sheet_view.tabSelected = False
        book.active = book.sheetnames.index(active)
        book[active].sheet_view.tabSelected = True
    write_atomic(output_path, workbook_bytes(book))
