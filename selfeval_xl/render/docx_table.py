"""The 自评表 (and any other sheet content) as tables attached to the Word document.

``add_table_sheet`` writes the 附件 label, the sheet's title and its cells: tabular rows as Word
tables, lone text rows as paragraphs. Styles, fonts and page setup come from ``render.docx``.

The table XML is written directly, row by row (python-docx's ``table.cell(r, c)`` rebuilds the
whole cell grid on every call, which made a table quadratic in its rows):

* column widths measured from the content of each table part (``docx_layout.column_widths``): no
  number or percentage is ever broken, header labels and short centred values (满意度指标, 及时（达成）)
  stay on one line whenever the page allows;
  ``w:tblLayout`` fixed, so Word and LibreOffice keep them. Like the 自评表 of 财预〔2020〕10号, the
  funds block and the indicators need not share their column lines;
* merges as Word writes them: one ``w:tc`` with ``w:gridSpan`` for a horizontal merge, and
  ``w:vMerge restart`` / ``w:vMerge`` (continue) cells, spanning the same columns, down a vertical one;
* a sheet's ``header_rows`` start a new table part whose header rows (``w:tblHeader``) are printed
  again on every page the part continues on; parts are joined by a hairline paragraph (adjacent
  tables would be merged into one by Word, which repeats only the first rows of a table). Without
  ``header_rows`` the leading rows of header cells are the repeated header;
* rows never break across pages (``w:cantSplit``), and header rows keep with the row below.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby, pairwise
from typing import Any

from selfeval_xl.core import texts
from selfeval_xl.core.numbers import fmt_amount, fmt_percent
from selfeval_xl.render.docx import (
    MARGIN_LEFT,
    MARGIN_RIGHT,
    PAGE_HEIGHT,
    PARAGRAPH_STYLES,
    TEXT_WIDTH,
    add_title,
    clean_text,
    page_setup,
    style_name,
    w_tag,
)
from selfeval_xl.render.docx_layout import (
    CELL_MARGIN_TWIPS,
    PT_PER_MM,
    Measure,
    cell_em,
    column_widths,
    text_units,
    title_lines,
)
from selfeval_xl.report.sheets import STYLES, Cell, SheetContent

TITLE_CELL_STYLES = frozenset({"title", "table_title"})
PARAGRAPH_CELL_STYLES = TITLE_CELL_STYLES | {"banner", "h1", "h2", "body", "item", "note"}
HEADER_CELL_STYLES = frozenset({"header", "th"})
ONE_LINE_STYLES = HEADER_CELL_STYLES | {"number", "td_number", "td_amount", "td_percent"}
SHORT_UNITS = 16  # centred values up to 8 CJK characters stay on one line when the page allows, like labels
BORDER = ("top", "left", "bottom", "right", "insideH", "insideV")


def cell_text(value: str | int | float, number_format: str = "") -> str:
    """A cell value as Excel shows it: with its number format (0.00 → "9.79", 0.00% → "97.88%"),
    else as General does (80.0 → "80", 9.5 → "9.5")."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and number_format in ("0.00", "0.00%"):
        exact = Decimal(repr(value))
        return fmt_percent(exact * 100) if number_format == "0.00%" else fmt_amount(exact)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean_text(str(value))


Row = tuple[int, list[Cell]]


def _rows(content: SheetContent) -> list[Row]:
    cells = sorted(content.cells, key=lambda c: (c.row, c.col))
    return [(row, list(group)) for row, group in groupby(cells, key=lambda c: c.row)]


def _filled(cells: Sequence[Cell]) -> list[Cell]:
    return [c for c in cells if str(c.value) != ""]


def _is_paragraph_row(cells: Sequence[Cell]) -> bool:
    """One filled cell of a text style (a title or note above or below the table), the rest empty."""
    filled = _filled(cells)
    return len(filled) == 1 and filled[0].style in PARAGRAPH_CELL_STYLES


def _text_width(content: SheetContent) -> float:
    """Width (mm) of the 版心 the sheet is printed in."""
    return PAGE_HEIGHT - MARGIN_LEFT - MARGIN_RIGHT if content.landscape else TEXT_WIDTH


def table_title(content: SheetContent) -> str:
    """The title printed above the sheet's table: its title row, else the sheet's name."""
    for _, cells in _rows(content):
        if _is_paragraph_row(cells) and _filled(cells)[0].style in TITLE_CELL_STYLES:
            return cell_text(_filled(cells)[0].value)
    return clean_text(content.title)


def add_table_sheet(doc: Any, content: SheetContent) -> None:
    """附件 label, the sheet's title, then its cells: tabular rows as tables, lone text rows as paragraphs."""
    if content.landscape:
        page_setup(_new_section(doc), landscape=True)
        doc.add_paragraph(texts.EXPORT["attachment"], style=style_name("attachment"))
    else:
        label = doc.add_paragraph(texts.EXPORT["attachment"], style=style_name("attachment"))
        label.paragraph_format.page_break_before = True
    rows = _rows(content)
    width_mm = _text_width(content)
    if not any(_is_paragraph_row(cells) and _filled(cells)[0].style in TITLE_CELL_STYLES for _, cells in rows):
        add_title(doc, clean_text(content.title), "table_title", width_mm)
    block: list[Row] = []
    for row, cells in rows:
        if _is_paragraph_row(cells):
            if block:
                _add_table(doc, block, content, width_mm)
                block = []
            only = _filled(cells)[0]
            text = cell_text(only.value, STYLES[only.style].number_format)
            if only.style in TITLE_CELL_STYLES:
                add_title(doc, text, "table_title", width_mm)
            else:
                doc.add_paragraph(text, style=style_name("table_note"))
        elif _filled(cells):
            block.append((row, cells))
    if block:
        _add_table(doc, block, content, width_mm)


def _new_section(doc: Any) -> Any:
    """End the current section at the last paragraph (no empty paragraph, unlike ``add_section``)."""
    body = doc.element.body
    last = body.sectPr.getprevious()
    if last is None or last.tag != w_tag("p"):  # a section break must sit in a paragraph (e.g. after a table)
        last = doc.add_paragraph()._p
    last.get_or_add_pPr()._insert_sectPr(copy.deepcopy(body.sectPr))  # the ended section keeps its setup
    return doc.sections[-1]


# -- the grid ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """A merge inside one table part: rows (indices into the part) and columns (0-based)."""

    top: int
    left: int
    bottom: int
    right: int


def _spans(content: SheetContent, rows: Sequence[int], first: int, last: int) -> dict[tuple[int, int], Span]:
    """Every merged grid position of the part → its merge (merges clipped to the part; overlaps dropped)."""
    index = {row: n for n, row in enumerate(rows)}
    covered: dict[tuple[int, int], Span] = {}
    for r1, c1, r2, c2 in content.merges:
        inside = [index[r] for r in rows if r1 <= r <= r2]
        cols = range(max(c1, first) - first, min(c2, last) - first + 1)
        if not inside or not cols or (len(inside) == 1 and len(cols) == 1):
            continue
        span = Span(inside[0], cols[0], inside[-1], cols[-1])
        positions = [(r, c) for r in range(span.top, span.bottom + 1) for c in cols]
        if any(p in covered for p in positions):
            continue
        covered.update(dict.fromkeys(positions, span))
    return covered


def _parts(rows: Sequence[Row], header_rows: Sequence[int]) -> list[tuple[list[Row], int]]:
    """The rows split before each run of ``header_rows``: (rows of the part, how many head it)."""
    def is_header(cells: Sequence[Cell]) -> bool:
        return all(c.style in HEADER_CELL_STYLES for c in _filled(cells))

    if not header_rows:
        heads = next((n for n, (_, cells) in enumerate(rows) if not is_header(cells)), len(rows))
        return [(list(rows), heads)]
    marked = set(header_rows)
    parts: list[tuple[list[Row], int]] = []
    for n, (row, cells) in enumerate(rows):
        starts = row in marked and (n == 0 or rows[n - 1][0] not in marked)
        if starts or not parts:
            parts.append(([], 0))
        part, heads = parts[-1]
        part.append((row, cells))
        if row in marked and heads == len(part) - 1:
            parts[-1] = (part, heads + 1)
    return parts


def _add_table(doc: Any, rows: Sequence[Row], content: SheetContent, width_mm: float) -> None:
    first = min(c.col for _, cells in rows for c in cells)
    last = max(c.col for _, cells in rows for c in cells)
    parts = _parts(rows, content.header_rows)
    body = doc.element.body
    for n, (part, heads) in enumerate(parts):
        spans = _spans(content, [row for row, _ in part], first, last)
        widths = column_widths(list(_measures(part, spans, first)), last - first + 1, width_mm * PT_PER_MM)
        if n:
            body.sectPr.addprevious(_joint())
        body.sectPr.addprevious(_table(part, heads, spans, first, _twips(widths), joined=n > 0))


def _measures(part: Sequence[Row], spans: dict[tuple[int, int], Span], first: int) -> Iterator[Measure]:
    for n, (_, cells) in enumerate(part):
        for cell in _filled(cells):
            span = spans.get((n, cell.col - first))
            if span is not None and (span.top, span.left) != (n, cell.col - first):
                continue
            look = STYLES[cell.style]
            right = span.right if span is not None else cell.col - first
            text = cell_text(cell.value, look.number_format)
            short = look.align == "center" and text_units(text) <= SHORT_UNITS  # 满意度指标, 及时（达成）
            yield Measure(n, cell.col - first, right, text, look.size,
                          one_line=cell.style in ONE_LINE_STYLES or not look.wrap or short)


def _twips(widths: Sequence[float]) -> list[int]:
    """Widths in pt as whole twips that still add up to the (rounded) total."""
    edges = [round(sum(widths[:n]) * 20) for n in range(len(widths) + 1)]
    return [b - a for a, b in pairwise(edges)]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _el(parent: Any, tag: str, **attrs: str) -> Any:
    """A child ``w:tag`` of ``parent`` with ``w:`` attributes."""
    element = parent.makeelement(_W + tag, {_W + key: value for key, value in attrs.items()})
    parent.append(element)
    return element


def _table(part: Sequence[Row], heads: int, spans: dict[tuple[int, int], Span], first: int, twips: list[int],
           *, joined: bool) -> Any:
    from docx.oxml import OxmlElement

    tbl = OxmlElement("w:tbl")
    tbl_pr = _el(tbl, "tblPr")
    _el(tbl_pr, "tblStyle", val="TableGrid")
    _el(tbl_pr, "tblW", w=str(sum(twips)), type="dxa")
    _el(tbl_pr, "jc", val="center")
    borders = _el(tbl_pr, "tblBorders")
    for side in BORDER:  # explicit, so that no reader depends on the style for the grid lines
        if side == "top" and joined:
            _el(borders, side, val="nil")  # the part above draws this line
        else:
            _el(borders, side, val="single", sz="4", space="0", color="000000")
    _el(tbl_pr, "tblLayout", type="fixed")
    margins = _el(tbl_pr, "tblCellMar")
    for side in ("left", "right"):
        _el(margins, side, w=str(CELL_MARGIN_TWIPS), type="dxa")
    _el(tbl_pr, "tblLook", val="0000", firstRow="0", lastRow="0", firstColumn="0", lastColumn="0",
        noHBand="1", noVBand="1")
    grid = _el(tbl, "tblGrid")
    for width in twips:
        _el(grid, "gridCol", w=str(width))
    for n, (_, cells) in enumerate(part):
        _row(tbl, n, cells, n < heads, spans, first, twips)
    return tbl


def _row(tbl: Any, n: int, cells: Sequence[Cell], header: bool, spans: dict[tuple[int, int], Span], first: int,
         twips: list[int]) -> None:
    tr = _el(tbl, "tr")
    tr_pr = _el(tr, "trPr")
    _el(tr_pr, "cantSplit")  # a row never breaks across pages
    if header:
        _el(tr_pr, "tblHeader")  # repeated on every page the table continues on
    by_col = {cell.col - first: cell for cell in cells}
    col = 0
    while col < len(twips):
        span = spans.get((n, col))
        right = span.right if span is not None else col
        tc = _el(tr, "tc")
        tc_pr = _el(tc, "tcPr")
        width = sum(twips[col:right + 1])
        _el(tc_pr, "tcW", w=str(width), type="dxa")
        if right > col:
            _el(tc_pr, "gridSpan", val=str(right - col + 1))
        if span is not None and span.bottom > span.top:
            if n == span.top:
                _el(tc_pr, "vMerge", val="restart")
            else:
                _el(tc_pr, "vMerge")
        _el(tc_pr, "vAlign", val="center")
        source = by_col.get(col) if span is None or n == span.top else None
        _paragraph(tc, source, width / 20, keep_next=header)
        col = right + 1


def _paragraph(tc: Any, source: Cell | None, width_pt: float, *, keep_next: bool) -> None:
    """The cell's one paragraph: table-cell style, the sheet style's alignment, font, size and weight.
    Centred text too wide for the cell is broken at natural places into balanced lines ("及时" /
    "（达成）"), as a title is; other text wraps where Word or LibreOffice wraps it."""
    p = _el(tc, "p")
    p_pr = _el(p, "pPr")
    _el(p_pr, "pStyle", val=PARAGRAPH_STYLES["table_cell"].style_id)
    if keep_next:
        _el(p_pr, "keepNext")  # header rows stay with the row below
    if source is None or str(source.value) == "":
        return
    look = STYLES[source.style]
    _el(p_pr, "jc", val=look.align)
    r = _el(p, "r")
    r_pr = _el(r, "rPr")
    _el(r_pr, "rFonts", ascii=look.font, hAnsi=look.font, eastAsia=look.font, cs=look.font)
    if look.bold:
        _el(r_pr, "b")
    half_points = str(round(look.size * 2))
    _el(r_pr, "sz", val=half_points)
    _el(r_pr, "szCs", val=half_points)
    lines = cell_text(source.value, look.number_format).split("\n")
    if look.align == "center":
        lines = [part for line in lines for part in title_lines(line, cell_em(width_pt, look.size), shortest=2)]
    for k, line in enumerate(lines):
        if k:
            _el(r, "br")
        t = _el(r, "t")
        t.text = line
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _joint() -> Any:
    """The paragraph between two parts of one table: a hairline (1 pt, exact), so that the parts
    read as one table while Word keeps them apart (and repeats each part's header)."""
    from docx.oxml import OxmlElement

    p = OxmlElement("w:p")
    p_pr = _el(p, "pPr")
    _el(p_pr, "spacing", before="0", after="0", line="20", lineRule="exact")
    r_pr = _el(p_pr, "rPr")
    _el(r_pr, "sz", val="2")
    _el(r_pr, "szCs", val="2")
    return p
