"""Adapter: a workbook (.xlsx or .xls) → one grid of plain values per sheet, read by calamine (in Rust; the ``fast``
extra). ``check_file`` refuses what is not a safe workbook before the reader opens it: an .xlsx like every input
(``inspect_file``), an .xls by its size and OLE signature (encrypted ones refused). Used by ``import-juesuan`` (the
部门决算 公开表) and by the audit of a 自评表 kept in an .xls (``sheet_text``). Values only: no number formats.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from selfeval_xl.core import texts
from selfeval_xl.core.errors import (
    EncryptedWorkbookError,
    NotAWorkbookError,
    UnsafeWorkbookError,
    WorkbookError,
)
from selfeval_xl.core.model import CellValue
from selfeval_xl.workbook.reader import ENCRYPTED_MARK, MAX_COLS, MB, OLE_MAGIC, WORKBOOK_LIMITS, inspect_file


@dataclass(frozen=True, slots=True)
class Grid:
    """One sheet: ``rows[r][c]`` is Excel row r + 1, column c + 1; ``merged`` are 0-based (r1, c1, r2, c2)."""

    sheet: str
    rows: tuple[tuple[CellValue, ...], ...]
    merged: tuple[tuple[int, int, int, int], ...]

    def value(self, row: int, col: int) -> CellValue:
        if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row]):
            return self.rows[row][col]
        return None


def check_file(path: Path) -> None:
    """Refuse what is not a safe .xlsx or .xls before the reader opens it."""
    shown = str(path)
    if not path.is_file():
        inspect_file(path)  # missing / directory: the usual messages
    size = path.stat().st_size
    with path.open("rb") as fh:
        head = fh.read(8)
        if head == OLE_MAGIC:
            if size > WORKBOOK_LIMITS.file_bytes:
                raise UnsafeWorkbookError(path=shown, reason=texts.render(
                    texts.FATAL, "reason_file_size", size=size // MB, limit=WORKBOOK_LIMITS.file_bytes // MB))
            if ENCRYPTED_MARK in head + fh.read(4 * MB):
                raise EncryptedWorkbookError(path=shown)
            return
    inspect_file(path)


def read_grids(path: Path, max_rows: int) -> list[Grid]:
    """Every sheet of the workbook as a grid of plain values, at most ``max_rows`` rows each; raises ``WorkbookError``,
    or ``ImportError`` when python-calamine is not installed (the caller says which extra to install)."""
    check_file(path)
    from python_calamine import CalamineWorkbook

    grids = []
    try:
        book = CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=False, nrows=max_rows)
            merged = tuple((a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or ()))
            grids.append(Grid(name, tuple(tuple(_cell(v) for v in row[:MAX_COLS]) for row in rows), merged))
    except WorkbookError:
        raise
    except Exception:
        raise NotAWorkbookError("truncated", path=str(path)) from None
    return grids


def _cell(value: object) -> CellValue:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)):
        return value
    return None if value is None else str(value)
