"""Writing into the Excel tables of a copy of the workbook (openpyxl), through the layout's names.

``place`` finds a layout table in the copy by its name and its columns by header text (rows may
have been inserted, columns reordered); ``read_rows`` returns its data rows by column key;
``write_rows`` replaces them — the table grows when it needs more rows (styles copied from its
first data row, data validations extended with it) and refuses to grow over content below it.
``fixed_cell`` is the cell of a fixed row (by its label) and column of a table such as 一般公共预算表;
``named_cell`` the cell a workbook-level defined name points at. Shared by the 明细账 and 决算 imports.
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass
from typing import Any

from selfeval_xl.core.cells import col_letter, parse_a1, parse_range
from selfeval_xl.importers.ledger_sheet import LedgerError
from selfeval_xl.workbook import layout
from selfeval_xl.workbook.layout import Table


@dataclass(frozen=True, slots=True)
class Placed:
    ws: Any
    table: Any  # the openpyxl table
    first_row: int  # the header row
    first_col: int
    last_row: int
    last_col: int
    cols: dict[str, int]  # column key → sheet column


def sheet_of(table: Table) -> layout.Sheet:
    return next(s for s in layout.SHEETS if table in s.tables)


def place(book: Any, table: Table, needed: tuple[str, ...] = ()) -> Placed:
    ws = book[sheet_of(table).title]
    xl_table = ws.tables[table.name]
    first_row, first_col, last_row, last_col = parse_range(xl_table.ref)
    headers = {layout.header_key(ws.cell(first_row, c).value): c for c in range(first_col, last_col + 1)}
    cols = {column.key: headers[column.header] for column in table.columns if column.header in headers}
    missing = [table.column(k).header for k in needed if k not in cols]
    if missing:
        raise LedgerError("ledger_columns_missing", table=table.name, columns="、".join(missing))
    return Placed(ws, xl_table, first_row, first_col, last_row, last_col, cols)


def read_rows(placed: Placed) -> list[dict[str, Any]]:
    return [{key: placed.ws.cell(r, c).value for key, c in placed.cols.items()}
            for r in range(placed.first_row + 1, placed.last_row + 1)]


def write_rows(placed: Placed, table: Table, rows: list[dict[str, Any]]) -> None:
    """Replace the data rows of the table with ``rows`` (column key → value), growing it when needed."""
    ws = placed.ws
    last_row = placed.last_row
    needed = placed.first_row + len(rows)
    _unmerge(ws, placed.first_row + 1, placed.first_col, max(last_row, needed), placed.last_col)
    if needed > last_row:
        for r in range(last_row + 1, needed + 1):
            for c in range(placed.first_col, placed.last_col + 1):
                if ws.cell(r, c).value not in (None, ""):
                    raise LedgerError("ledger_table_blocked", table=table.title, row=needed,
                                      cell=f"{col_letter(c)}{r}")
        _grow(placed, needed)
        last_row = needed
    for r in range(placed.first_row + 1, last_row + 1):
        for c in placed.cols.values():
            ws.cell(r, c).value = None
    for r, row in enumerate(rows, start=placed.first_row + 1):
        for key, value in row.items():
            if key in placed.cols:
                ws.cell(r, placed.cols[key]).value = value


def _unmerge(ws: Any, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
    """Merged ranges over the rows being replaced are undone in the copy: each row gets its own cells
    (a merged cell's other cells cannot be written: openpyxl makes them read-only)."""
    for merged in list(ws.merged_cells.ranges):
        if (merged.min_row <= last_row and merged.max_row >= first_row
                and merged.min_col <= last_col and merged.max_col >= first_col):
            ws.unmerge_cells(merged.coord)


def _grow(placed: Placed, new_last: int) -> None:
    """Extend the table to ``new_last``: styles copied from its first data row, validations extended."""
    from openpyxl.worksheet.cell_range import CellRange, MultiCellRange

    ws, first_row, first_col, last_row, last_col = (placed.ws, placed.first_row, placed.first_col,
                                                     placed.last_row, placed.last_col)
    for r in range(last_row + 1, new_last + 1):
        for c in range(first_col, last_col + 1):
            model, cell = ws.cell(first_row + 1, c), ws.cell(r, c)
            if model.has_style:
                cell.font, cell.fill, cell.border = copy(model.font), copy(model.fill), copy(model.border)
                cell.number_format, cell.alignment = model.number_format, copy(model.alignment)
    ref = f"{col_letter(first_col)}{first_row}:{col_letter(last_col)}{new_last}"
    placed.table.ref = ref
    if placed.table.autoFilter is not None:
        placed.table.autoFilter.ref = ref
    for dv in ws.data_validations.dataValidation:
        ranges = []
        for rng in dv.sqref.ranges:
            inside = first_col <= rng.min_col and rng.max_col <= last_col and rng.min_row > first_row
            if inside and rng.max_row == last_row:
                rng = CellRange(min_col=rng.min_col, min_row=rng.min_row, max_col=rng.max_col, max_row=new_last)
            ranges.append(rng.coord)
        dv.sqref = MultiCellRange(" ".join(ranges))


def fixed_cell(book: Any, table: Table, row_key: str, column_key: str) -> tuple[Any, str] | None:
    """(cell, "'sheet'!A1") of a fixed row (found by its label) and column, or None if the copy lacks it."""
    labels = dict(table.fixed_rows)
    if row_key not in labels:
        return None
    try:
        placed = place(book, table)
    except (KeyError, LedgerError):
        return None
    first = placed.first_col
    if column_key not in placed.cols:
        return None
    for r in range(placed.first_row + 1, placed.last_row + 1):
        if str(placed.ws.cell(r, first).value or "").strip() == labels[row_key]:
            cell = placed.ws.cell(r, placed.cols[column_key])
            return cell, f"'{placed.ws.title}'!{cell.coordinate}"
    return None


def named_cell(book: Any, name: str) -> tuple[Any, str] | None:
    """(cell, "'sheet'!A1") a workbook-level defined name points at, or None."""
    defined = book.defined_names.get(name)
    if defined is None:
        return None
    try:
        destinations = list(defined.destinations)
    except Exception:
        return None
    if len(destinations) != 1 or destinations[0][0] not in book.sheetnames:
        return None
    sheet, address = destinations[0]
    row, col = parse_a1(address.split(":")[0])
    cell = book[sheet].cell(row, col)
    return cell, f"'{sheet}'!{cell.coordinate}"
