"""The 自评表 (and any other sheet content) as tables attached to the Word document.

``add_table_sheet`` writes the 附件 label, the sheet's title and its cells: tabular rows as a Word
table (column widths in the sheet's proportions, merges kept, header rows repeated on every page),
lone text rows as paragraphs. Styles, fonts and page setup come from ``render.docx``.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from decimal import Decimal
from itertools import groupby
from typing import Any

from selfeval_xl.core import texts
from selfeval_xl.core.numbers import fmt_amount, fmt_percent
from selfeval_xl.render.docx import (
    MARGIN_LEFT,
    MARGIN_RIGHT,
    PAGE_HEIGHT,
    TEXT_WIDTH,
    clean_text,
    page_setup,
    set_fonts,
    style_name,
    w_tag,
)
from selfeval_xl.report.sheets import STYLES, Cell, SheetContent

TITLE_CELL_STYLES = frozenset({"title", "table_title"})
PARAGRAPH_CELL_STYLES = TITLE_CELL_STYLES | {"banner", "h1", "h2", "body", "item", "note"}
HEADER_CELL_STYLES = frozenset({"header", "th"})


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


def add_table_sheet(doc: Any, content: SheetContent) -> None:
    """附件 label, the sheet's title, then its cells: tabular rows as tables, lone text rows as paragraphs."""
    if content.landscape:
        page_setup(_new_section(doc), landscape=True)
        doc.add_paragraph(texts.EXPORT["attachment"], style=style_name("attachment"))
    else:
        label = doc.add_paragraph(texts.EXPORT["attachment"], style=style_name("attachment"))
        label.paragraph_format.page_break_before = True
    rows = _rows(content)
    if not any(_is_paragraph_row(cells) and _filled(cells)[0].style in TITLE_CELL_STYLES for _, cells in rows):
        doc.add_paragraph(clean_text(content.title), style=style_name("table_title"))
    text_width = PAGE_HEIGHT - MARGIN_LEFT - MARGIN_RIGHT if content.landscape else TEXT_WIDTH
    block: list[Row] = []
    for row, cells in rows:
        if _is_paragraph_row(cells):
            if block:
                _add_table(doc, block, content, text_width)
                block = []
            only = _filled(cells)[0]
            key = "table_title" if only.style in TITLE_CELL_STYLES else "table_note"
            doc.add_paragraph(cell_text(only.value, STYLES[only.style].number_format), style=style_name(key))
        elif _filled(cells):
            block.append((row, cells))
    if block:
        _add_table(doc, block, content, text_width)


def _new_section(doc: Any) -> Any:
    """End the current section at the last paragraph (no empty paragraph, unlike ``add_section``)."""
    body = doc.element.body
    last = body.sectPr.getprevious()
    if last is None or last.tag != w_tag("p"):  # a section break must sit in a paragraph (e.g. after a table)
        last = doc.add_paragraph()._p
    last.get_or_add_pPr()._insert_sectPr(copy.deepcopy(body.sectPr))  # the ended section keeps its setup
    return doc.sections[-1]


def _add_table(doc: Any, rows: Sequence[Row], content: SheetContent, text_width: float) -> None:
    """Rows of the sheet as a Word table: column widths in the sheet's proportions, merges kept."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.shared import Mm, Pt

    first = min(c.col for _, cells in rows for c in cells)
    last = max(c.col for _, cells in rows for c in cells)
    declared = dict(content.widths)
    widths = [declared.get(col, 10.0) for col in range(first, last + 1)]
    scale = text_width / sum(widths)
    table = doc.add_table(rows=len(rows), cols=len(widths))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for n, width in enumerate(widths):
        table.columns[n].width = Mm(width * scale)
    index = {row: n for n, (row, _) in enumerate(rows)}
    header_rows = True
    for n, (_, cells) in enumerate(rows):
        tr = table.rows[n]
        tr._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row never breaks across pages
        only_headers = all(c.style in HEADER_CELL_STYLES for c in _filled(cells))
        if header_rows and only_headers:
            tr._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeated on every page
        else:
            header_rows = False
        for target, width in zip(tr.cells, widths, strict=True):
            target.width = Mm(width * scale)
            target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            target.paragraphs[0].style = style_name("table_cell")
            target.paragraphs[0].paragraph_format.keep_with_next = only_headers or None  # headings stay with a row
    hidden: set[tuple[int, int]] = set()  # cells under a merge other than its top-left (Excel ignores them)
    for r1, c1, r2, c2 in content.merges:
        if r1 in index and r2 in index and first <= c1 and c2 <= last and (r1, c1) != (r2, c2):
            table.cell(index[r1], c1 - first).merge(table.cell(index[r2], c2 - first))
            hidden |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)} - {(r1, c1)}
    aligns = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
    for row, cells in rows:
        for source in _filled(cells):
            if (row, source.col) in hidden:
                continue
            look = STYLES[source.style]
            paragraph = table.cell(index[row], source.col - first).paragraphs[0]
            paragraph.alignment = aligns[look.align]
            run = paragraph.add_run(cell_text(source.value, STYLES[source.style].number_format))
            set_fonts(run._r.get_or_add_rPr(), look.font)
            run.font.size = Pt(look.size)
            run.bold = look.bold or None
