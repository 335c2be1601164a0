"""The 明细账 as 财务软件 export it: .xlsx, legacy .xls, and .csv text (GBK/GB18030 or UTF-8).

``ledger_format`` tells them apart by their first bytes (an OLE container is .xls, a zip is .xlsx,
text is .csv), never by the name alone. ``check_ledger`` refuses what is unsafe or too large before
anything is read. ``peek`` returns the first rows as text for ``find_header`` (the .xlsx streams its
XML, the .xls is read by calamine, the .csv decoded), and ``load`` the lines below the header, only
the columns the header names, as Arrow text columns — fastexcel for .xlsx/.xls, the csv module for
text — so that ``total_ledger`` works the same on all three.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from selfeval_xl.core import texts
from selfeval_xl.core.errors import EncryptedWorkbookError, NotAWorkbookError, UnsafeWorkbookError
from selfeval_xl.importers.ledger_sheet import (
    HEADER_SCAN_ROWS,
    Header,
    LedgerError,
    inspect_ledger,
    load_columns,
    modules,
    peek_rows,
)
from selfeval_xl.workbook.reader import ENCRYPTED_MARK, LEDGER_LIMITS, MB, OLE_MAGIC, ZIP_MAGIC

XLSX, XLS, CSV = "xlsx", "xls", "csv"
ENCODINGS = ("utf-8-sig", "gb18030")  # GB18030 is a superset of GBK and GB2312


def ledger_format(path: Path) -> str:
    if not path.is_file():
        return XLSX  # the .xlsx checks give the usual "missing" / "directory" messages
    with path.open("rb") as fh:
        head = fh.read(8)
    if head == OLE_MAGIC:
        return XLS
    if head.startswith(ZIP_MAGIC) or not head:
        return XLSX
    return CSV


def check_ledger(path: Path) -> str:
    """Refuse an unsafe or oversize ledger; return its format."""
    kind = ledger_format(path)
    if kind == XLSX:
        inspect_ledger(path)
        return kind
    size = path.stat().st_size
    if size > LEDGER_LIMITS.file_bytes:
        raise UnsafeWorkbookError(path=str(path), reason=texts.render(
            texts.FATAL, "reason_file_size", size=size // MB, limit=LEDGER_LIMITS.file_bytes // MB))
    if kind == XLS:
        with path.open("rb") as fh:
            if ENCRYPTED_MARK in fh.read(4 * MB):
                raise EncryptedWorkbookError(path=str(path))
    return kind


def decode(path: Path) -> tuple[str, str]:
    """The text of a .csv ledger and its encoding: UTF-8 (with or without BOM), else GB18030."""
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise NotAWorkbookError(path=str(path))
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise NotAWorkbookError(path=str(path))  # pragma: no cover - gb18030 decodes any byte string


def _csv_rows(path: Path) -> list[list[str | None]]:
    text, _ = decode(path)
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    return [[cell.strip() or None for cell in row] for row in csv.reader(io.StringIO(text), dialect)]


def peek(path: Path, kind: str, sheet: str | None) -> tuple[str, list[list[str | None]]]:
    """(sheet name, first rows as text); row i is line / Excel row i + 1."""
    if kind == XLSX:
        return peek_rows(path, sheet)
    if kind == CSV:
        return path.stem, _csv_rows(path)[:HEADER_SCAN_ROWS]
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        raise LedgerError("ledger_needs_fast") from None
    try:
        book = CalamineWorkbook.from_path(str(path))
        names = list(book.sheet_names)
        if sheet is not None and sheet not in names:
            raise LedgerError("ledger_no_sheet", path=path.name, sheet=sheet, sheets="、".join(names))
        name = sheet or names[0]
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False, nrows=HEADER_SCAN_ROWS)
    except LedgerError:
        raise
    except Exception:
        raise NotAWorkbookError("truncated", path=str(path)) from None
    return name, [[_text(v) for v in row] for row in rows]


def _text(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def load(path: Path, kind: str, sheet: str, header: Header) -> tuple[Any, dict[str, int]]:
    """The lines below the header, only the columns ``header`` names, as Arrow text columns."""
    if kind != CSV:
        return load_columns(path, sheet, header)
    _, pa, _ = modules()
    roles = header.roles()
    rows = _csv_rows(path)[header.row + 1:]
    columns = sorted(set(roles.values()))
    data = pa.RecordBatch.from_arrays(
        [pa.array([row[c] if c < len(row) else None for row in rows], pa.string()) for c in columns],
        names=[f"c{c}" for c in columns])
    return data, {role: columns.index(col) for role, col in roles.items()}
