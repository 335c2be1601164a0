"""Adapter: a workbook that is no template of ours — a 自评表 a department keeps in its own .xlsx — read as the text the
auditor reads, and its findings placed at their cells.

Each visible sheet's rows in order, one block a row: a row of two or more short cells is "cell | cell | …" (the blank
cells between kept as columns, as a .docx table row reads); a row holding prose (a cell over 60 characters: the
年度总体目标, a 说明) gives one block per cell. Cells read as Excel shows them: a percentage format as a percentage
("94.00%"), a fixed number of decimals as printed ("9.40"), dates as dates; the values Excel saved (``data_only``),
never a formula. The file passes the workbook reader's safety checks first (zip bombs, DTDs, legacy and encrypted
files: ``inspect_file``), is opened read-only and never written.
"""

from __future__ import annotations

import datetime
import re
import warnings
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from selfeval_xl.audit import AuditReport, audit_blocks, audit_file
from selfeval_xl.audit.model import Finding
from selfeval_xl.audit.text import split_paragraphs
from selfeval_xl.core.cells import col_letter
from selfeval_xl.core.errors import NotAWorkbookError, WorkbookError
from selfeval_xl.workbook.reader import MAX_COLS, MAX_ROWS, inspect_file

SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls"})
_PROSE = 60  # a cell longer than this is prose: its own block


@dataclass(frozen=True, slots=True)
class Row:
    """Where a block came from: its sheet and row, and the worksheet column of each of its cells (in " | " order)."""

    sheet: str
    row: int
    columns: tuple[int, ...]
    cells: tuple[str, ...]


def sheet_blocks(path: Path) -> tuple[tuple[str, ...], tuple[Row, ...]]:
    """The text blocks of the workbook's visible sheets and where each came from; raises ``WorkbookError``."""
    blocks: list[str] = []
    rows: list[Row] = []
    for title, sheet in _sheets(path):
        # the table's first column: a row whose first cells are blank (a merged 一级指标) keeps them as columns
        left = min((next(k for k, t in enumerate(shown) if t) for shown in sheet if any(shown)), default=0)
        for r, shown in enumerate(sheet, start=1):
            filled = [k for k, text in enumerate(shown) if text]
            if not filled:
                continue
            if len(filled) > 1 and all(len(shown[k]) <= _PROSE for k in filled):
                span = range(left, filled[-1] + 1)
                texts = tuple(shown[k] for k in span)
                blocks.append(" | ".join(texts))
                rows.append(Row(title, r, tuple(k + 1 for k in span), texts))
                continue
            for k in filled:  # prose: a block of its own, at its own cell
                blocks.append(shown[k])
                rows.append(Row(title, r, (k + 1,), (shown[k],)))
    return tuple(blocks), tuple(rows)


def _sheets(path: Path) -> list[tuple[str, list[list[str]]]]:
    """Each visible sheet's title and its rows of cells as shown (an .xls: every sheet, its values as stored)."""
    if path.suffix.lower() == ".xls":
        from selfeval_xl.workbook.grids import read_grids

        try:
            grids = read_grids(path, MAX_ROWS)
        except ImportError:
            raise WorkbookError("xls_needs_calamine", path=str(path)) from None
        return [(g.sheet, [[_shown_value(v, "General") for v in row] for row in g.rows]) for g in grids]
    inspect_file(path)
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except (zipfile.BadZipFile, EOFError, zlib.error, KeyError, ValueError, OSError) as exc:
        raise NotAWorkbookError("truncated", path=str(path)) from exc
    try:
        return [(ws.title, [[_shown(cell) for cell in cells] for cells in ws.iter_rows(max_row=MAX_ROWS, max_col=MAX_COLS)])
                for ws in book.worksheets if getattr(ws, "sheet_state", "visible") == "visible"]  # fmt: skip
    finally:
        book.close()


def audit_workbook(path: str | Path) -> AuditReport:
    """Audit a workbook's sheets as a report, each finding placed at its cell (``Finding.cell``)."""
    return audit_sheets(*sheet_blocks(Path(path)))


def audit_sheets(blocks: Sequence[str], rows: Sequence[Row]) -> AuditReport:
    """Audit the blocks ``sheet_blocks`` read, each finding placed at its cell."""
    report = audit_blocks(blocks)
    return replace(report, findings=tuple(placed(report.findings, blocks, rows)))


def audit_any(path: str | Path) -> AuditReport:
    """A report audited whatever its kind: a workbook's sheets (.xlsx, .xlsm) placed at their cells, else the report
    file (.docx, .txt, .pdf); raises ``WorkbookError`` or ``AuditInputError``."""
    return audit_workbook(path) if Path(path).suffix.lower() in SUFFIXES else audit_file(path)


def placed(findings: Sequence[Finding], blocks: Sequence[str], rows: Sequence[Row]) -> list[Finding]:
    """The findings with their cells: the block (row) of the finding's paragraph, the cell there printing its stated
    figure (the rightmost, as a total stands right of its parts), else the row's first cell."""
    owner: list[int] = []  # paragraph number - 1 -> block
    for k, block in enumerate(blocks):
        owner += [k] * len(split_paragraphs([block]))
    out = []
    for f in findings:
        if not 1 <= f.paragraph <= len(owner):
            out.append(f)
            continue
        row = rows[owner[f.paragraph - 1]]
        column = _column_of(f.stated, row)
        out.append(replace(f, cell=f"'{row.sheet}'!{col_letter(column)}{row.row}"))
    return out


_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def _column_of(stated: str | None, row: Row) -> int:
    """The cell printing the stated figure (a grade: the cell holding its word), from the right; else the row's first."""
    number = _NUMBER.search(stated or "")
    for column, text in reversed(list(zip(row.columns, row.cells, strict=True))):
        if number is not None and number.group() in _NUMBER.findall(text.replace(" ", "")):
            return column
        if number is None and stated and stated in text:
            return column
    return row.columns[0]


def _shown(cell: Any) -> str:
    """A cell's value as Excel shows it (see the module docstring)."""
    return _shown_value(getattr(cell, "value", None), str(getattr(cell, "number_format", "") or "General"))


def _shown_value(value: object, fmt: str) -> str:
    if value is None or isinstance(value, bool):
        return "" if value is None else str(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.date().isoformat() if isinstance(value, datetime.datetime) else value.isoformat()
    if isinstance(value, int | float | Decimal):
        return _number(value, fmt)
    return " ".join(str(value).split())


_PLACES = re.compile(r"0\.(0+)")


def _number(value: float | Decimal, fmt: str) -> str:
    try:
        exact = Decimal(format(value, ".15g")) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        return str(value)
    section = fmt.split(";")[0]
    places = _PLACES.search(section)
    decimals = len(places.group(1)) if places else 0
    if "%" in section:
        return f"{(exact * 100).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)}%"
    if places or re.search(r"(?<![.\d])0(?![.\d])", section):  # a fixed number of decimals ("0.00", "#,##0"): as printed
        return str(exact.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP))
    return format(exact.normalize(), "f") if exact == exact.to_integral() else format(exact, "f")
