"""The values-only workbook for the finance bureau: the chosen output sheets in a fresh workbook.

Nothing of the user's workbook is carried over — no input sheets, formulas, external links, macros,
hidden sheets or defined names — because the sheets are rendered from neutral content into a new
``openpyxl.Workbook`` by the same ``render_sheet`` as the report copy (fonts, widths, heights and
print setup included). Text beginning with ``= + - @`` is stored as a string and marked with Excel's
quote prefix, so it stays text even when a reviewer edits the cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from selfeval_xl.render.xlsx import FORMULA_PREFIXES, render_sheet
from selfeval_xl.report.sheets import SheetContent
from selfeval_xl.workbook.package import normalize_package, workbook_bytes


def values_workbook(sheets: Sequence[SheetContent], *, title: str = "", author: str = "") -> Any:
    """A new openpyxl workbook holding ``sheets`` (in that order), the first one active."""
    from openpyxl import Workbook

    book: Any = Workbook()
    book.remove(book.active)
    for content in sheets:
        ws = render_sheet(book, content)
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_PREFIXES):
                    cell.data_type = "s"
                    cell.quotePrefix = True
    for ws in book.worksheets:
        ws.sheet_view.tabSelected = False
    if book.worksheets:
        book.active = 0
        book.worksheets[0].sheet_view.tabSelected = True
    book.properties.title = title or None
    book.properties.creator = author or None
    book.properties.lastModifiedBy = None
    return book


def values_workbook_bytes(sheets: Sequence[SheetContent], *, title: str = "", author: str = "") -> bytes:
    """``values_workbook`` saved as a reproducible .xlsx package."""
    return normalize_package(workbook_bytes(values_workbook(sheets, title=title, author=author)))
