"""Output sheets (neutral ``SheetContent``) into a workbook open in Excel, through xlwings objects.

The xlwings counterpart of ``xlsx_writer.render_sheet``, used by ``xlwings_adapter``: delete and
recreate the sheet at the end of the book, write every value in one 2-D block (text always with
Excel's leading apostrophe, so "=1+1", "-5", "31.97%" or "2020-1-2" stay text), add the
hyperlinks, format by style group (the commonest style on the whole block, then only what differs,
one rectangle at a time; fills and borders where a style has them), merges, column widths, row
heights in runs, and on Windows the page setup.

It receives the book from the adapter and never imports xlwings at run time (``xlwings_adapter``
stays the only module that does); xlwings types appear in annotations only. Settings that an
engine does not support (alignment and gridlines on the remote engine with some clients, page
setup anywhere but Windows) are skipped: they are cosmetic.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from selfeval_xl.core import texts
from selfeval_xl.report.sheets import STYLES, SheetContent, Style, is_output_sheet

if TYPE_CHECKING:
    import xlwings as xw

TEXT_PREFIX = "'"  # Excel's "this cell is text" mark; not part of the value
_ALIGN = {"left": "left", "center": "center", "right": "right"}

log = logging.getLogger("selfeval_xl")


def delete_sheets(book: xw.Book, titles: Sequence[str]) -> None:
    present = {sheet.name: sheet for sheet in book.sheets}
    for title in dict.fromkeys(titles):
        if title in present:
            present[title].delete()


def output_sheets_in(book: xw.Book) -> list[str]:
    """The sheets of an earlier run in ``book`` (the fixed ones and every 项目自评表-…), to be replaced."""
    return [sheet.name for sheet in book.sheets if is_output_sheet(sheet.name)]


def render_sheet(book: xw.Book, content: SheetContent) -> xw.Sheet:
    """Delete and recreate ``content.title``: values in one block, hyperlinks, formats by style group."""
    delete_sheets(book, [content.title])
    sheet = book.sheets.add(content.title, after=book.sheets[len(book.sheets) - 1])
    if not content.cells:
        return sheet
    n_rows = max(cell.row for cell in content.cells)
    n_cols = max(cell.col for cell in content.cells)
    grid: list[list[object]] = [[None] * n_cols for _ in range(n_rows)]
    for cell in content.cells:
        grid[cell.row - 1][cell.col - 1] = cell_value(cell.value)
    tip = texts.ADDIN["link.tip"]
    for cell in content.cells:  # before the values: Excel sets the display text, which the values then replace
        if cell.link:
            sheet.range((cell.row, cell.col)).add_hyperlink(
                "#" + cell.link, str(cell.value), tip.format(where=cell.link))
    sheet.range((1, 1), (n_rows, n_cols)).value = grid
    _apply_styles(sheet, content, n_rows, n_cols)
    for r1, c1, r2, c2 in content.merges:
        sheet.range((r1, c1), (r2, c2)).merge()
    for col, width in content.widths:
        sheet.range((1, col)).column_width = _column_width(book, width)
    for first, last, height in _height_runs(content.heights):
        sheet.range((first, 1), (last, 1)).row_height = height
    optional(lambda: setattr(sheet, "show_gridlines", False))
    if is_desktop(book):
        _page_setup(sheet, landscape=content.landscape)
    return sheet


def cell_value(value: str | int | float) -> str | int | float | None:
    """What to hand Excel for one output value: text always marked as text, "" left empty."""
    if isinstance(value, str):
        return TEXT_PREFIX + value if value else None
    return value


def style_blocks(content: SheetContent) -> dict[str, list[tuple[int, int, int, int]]]:
    """Cells grouped by style as few rectangles (r1, c1, r2, c2): runs along rows, then stacked rows."""
    by_row: dict[str, dict[int, list[int]]] = {}
    for cell in content.cells:
        by_row.setdefault(cell.style, {}).setdefault(cell.row, []).append(cell.col)
    blocks: dict[str, list[tuple[int, int, int, int]]] = {}
    for style, rows in sorted(by_row.items()):
        spans: list[tuple[int, int, int]] = []  # (row, c1, c2)
        for row in sorted(rows):
            cols = sorted(set(rows[row]))
            start = prev = cols[0]
            for col in cols[1:]:
                if col != prev + 1:
                    spans.append((row, start, prev))
                    start = col
                prev = col
            spans.append((row, start, prev))
        rects: list[list[int]] = []
        for row, c1, c2 in spans:
            if rects and rects[-1][1] == c1 and rects[-1][3] == c2 and rects[-1][2] == row - 1:
                rects[-1][2] = row
            else:
                rects.append([row, c1, row, c2])
        blocks[style] = [(r1, c1, r2, c2) for r1, c1, r2, c2 in rects]
    return blocks


def _apply_styles(sheet: xw.Sheet, content: SheetContent, n_rows: int, n_cols: int) -> None:
    """Fonts, wrap and alignment of the commonest style on the whole block, then per rectangle of every
    other style only what differs; fills and borders only where a style has them (never on empty cells)."""
    counts: dict[str, int] = {}
    for cell in content.cells:
        counts[cell.style] = counts.get(cell.style, 0) + 1
    base_name = max(sorted(counts), key=lambda name: counts[name])
    base = STYLES[base_name]
    _format(sheet.range((1, 1), (n_rows, n_cols)), base, None)
    for name, rects in style_blocks(content).items():
        style = STYLES[name]
        for r1, c1, r2, c2 in rects:
            rng = sheet.range((r1, c1), (r2, c2))
            if name != base_name:
                _format(rng, style, base)
            if style.fill:
                rng.color = "#" + style.fill
            if style.border:
                rng.borders.line_style = "continuous"  # thin is Excel's default weight
            if style.number_format:
                rng.number_format = style.number_format


def _format(rng: xw.Range, style: Style, base: Style | None) -> None:
    """Font, wrap and alignment of ``style``; with a ``base`` already applied, only what differs."""
    def differs(attr: str) -> bool:
        return base is None or getattr(style, attr) != getattr(base, attr)

    if differs("font"):
        rng.font.name = style.font
    if differs("size"):
        rng.font.size = style.size
    if differs("bold"):
        rng.font.bold = style.bold
    if differs("color") and (style.color or base is not None):  # "" = automatic, as a new sheet has
        rng.font.color = "#" + (style.color or "000000")
    if differs("wrap"):
        rng.wrap_text = style.wrap
    if differs("align"):
        optional(lambda: setattr(rng, "horizontal_alignment", _ALIGN[style.align]))
    if base is None:
        optional(lambda: setattr(rng, "vertical_alignment", "top"))


def _height_runs(heights: Sequence[tuple[int, float]]) -> list[tuple[int, int, float]]:
    """Consecutive rows of equal height as (first, last, height): one call per run."""
    runs: list[list[Any]] = []
    for row, height in sorted(heights):
        if runs and runs[-1][1] == row - 1 and runs[-1][2] == height:
            runs[-1][1] = row
        else:
            runs.append([row, row, height])
    return [(first, last, height) for first, last, height in runs]


def _column_width(book: xw.Book, chars: float) -> float:
    """Desktop Excel takes widths in characters; the remote engines (Office.js) in points."""
    if book.app.engine.type == "remote":
        return round((chars * 7 + 5) * 0.75, 2)  # Calibri 11: 7 px per character + 5 px padding
    return chars


def _page_setup(sheet: xw.Sheet, *, landscape: bool) -> None:
    """A4, one page wide, centred: Windows COM only (xlwings has no page-setup API)."""
    if not sys.platform.startswith("win"):
        return
    try:
        setup = sheet.api.PageSetup
        setup.PaperSize = 9  # xlPaperA4
        setup.Orientation = 2 if landscape else 1  # xlLandscape / xlPortrait
        setup.Zoom = False
        setup.FitToPagesWide = 1
        setup.FitToPagesTall = False
        setup.CenterHorizontally = True
    except Exception as exc:  # no printer installed makes PageSetup fail: the sheet is still fine
        log.warning("page setup of %s skipped: %s", sheet.name, exc)


def is_desktop(book: xw.Book) -> bool:
    return book.app.engine.type == "desktop"


def optional(action: Callable[[], object]) -> None:
    """Run a cosmetic setting the engine may not support (alignment, gridlines on the remote engine)."""
    with suppress(NotImplementedError):
        action()
