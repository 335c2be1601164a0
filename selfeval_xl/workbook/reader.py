"""Adapter: an .xlsx file → RawBook. Refuses what is not a safe, readable workbook, before parsing.

Checks, in order (each raises one ``WorkbookError`` with a Chinese message):
missing path or a directory; empty file; OLE container (legacy .xls, or a password-protected
.xlsx, which Office stores encrypted inside OLE); not a zip (CSV renamed to .xlsx, random bytes);
a damaged zip; a zip without ``xl/workbook.xml``; a zip whose declared uncompressed size, member
count or compression ratio exceeds the limits below (zip bombs are refused from the central
directory, before any XML is inflated). XML is parsed by openpyxl through defusedxml/lxml without
entity expansion; a DTD or entity declaration makes the file unsafe.

The input file is opened read-only and never written.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from selfeval_xl.core import texts
from selfeval_xl.core.cells import CellRef, parse_a1, parse_range
from selfeval_xl.core.errors import (
    EncryptedWorkbookError,
    FileMissingError,
    LegacyFormatError,
    NotAWorkbookError,
    UnsafeWorkbookError,
)
from selfeval_xl.core.model import CellValue, RawBook, RawSheet, TableRef
from selfeval_xl.workbook import layout

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    file_bytes: int
    uncompressed_bytes: int
    members: int = 2000
    ratio: int = 100  # per member larger than 1 MB uncompressed: zip bombs compress far better


WORKBOOK_LIMITS = Limits(50 * MB, 200 * MB)  # a filled template is well under 1 MB
LEDGER_LIMITS = Limits(500 * MB, 2048 * MB)  # a 明细账 may be as long as a sheet can be
MAX_ROWS = 5000  # per input sheet
MAX_COLS = 60

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")


def inspect_file(path: Path, limits: Limits = WORKBOOK_LIMITS) -> None:
    """Raise the right WorkbookError unless ``path`` looks like a safe .xlsx package within ``limits``."""
    shown = str(path)
    if not path.exists():
        raise FileMissingError(path=shown)
    if path.is_dir():
        raise FileMissingError("is_directory", path=shown)
    size = path.stat().st_size
    if size == 0:
        raise NotAWorkbookError(path=shown)
    if size > limits.file_bytes:
        raise UnsafeWorkbookError(path=shown, reason=_reason("reason_file_size", size=size // MB,
                                                             limit=limits.file_bytes // MB))
    with path.open("rb") as fh:
        head = fh.read(8)
        if head == OLE_MAGIC:
            body = head + fh.read(4 * 1024 * 1024)
            if ENCRYPTED_MARK in body:
                raise EncryptedWorkbookError(path=shown)
            raise LegacyFormatError(path=shown)
    if not head.startswith(ZIP_MAGIC):
        if _looks_like_text(path):
            raise NotAWorkbookError("csv_as_xlsx", path=shown)
        raise NotAWorkbookError(path=shown)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise NotAWorkbookError("truncated", path=shown) from None
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        raise NotAWorkbookError("zip_not_workbook", path=shown)
    if len(infos) > limits.members:
        raise UnsafeWorkbookError(path=shown, reason=_reason("reason_members", count=len(infos), limit=limits.members))
    total = sum(info.file_size for info in infos)
    if total > limits.uncompressed_bytes:
        raise UnsafeWorkbookError(path=shown, reason=_reason("reason_inflated", size=total // MB,
                                                             limit=limits.uncompressed_bytes // MB))
    for info in infos:
        if info.file_size > MB and info.file_size > limits.ratio * max(info.compress_size, 1):
            raise UnsafeWorkbookError(path=shown, reason=_reason("reason_ratio", member=info.filename))
    _refuse_dtds(path, infos)


def _refuse_dtds(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Office never writes a DTD; one in a package part is an entity-expansion or XXE attempt."""
    try:
        with zipfile.ZipFile(path) as archive:
            for info in infos:
                if not info.filename.endswith((".xml", ".rels", ".vml")):
                    continue
                with archive.open(info) as member:
                    prolog = member.read(4096)
                if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
                    raise UnsafeWorkbookError(path=str(path), reason=_reason("reason_dtd", member=info.filename))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        raise NotAWorkbookError("truncated", path=str(path)) from None


def _reason(key: str, **params: object) -> str:
    return texts.render(texts.FATAL, key, **params)


def _looks_like_text(path: Path) -> bool:
    with path.open("rb") as fh:
        sample = fh.read(4096)
    for encoding in ("utf-8", "gb18030"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        return "\x00" not in text and ("," in text or "\t" in text or "\n" in text)
    return False


def _load(path: Path, *, data_only: bool) -> object:
    import openpyxl

    try:
        return openpyxl.load_workbook(path, data_only=data_only, keep_links=False)
    except (zipfile.BadZipFile, EOFError):
        raise NotAWorkbookError("truncated", path=str(path)) from None
    except Exception as exc:
        name = type(exc).__name__
        if "Forbidden" in name or "DTD" in name or "Entit" in name:
            raise UnsafeWorkbookError(path=str(path), reason=_reason("reason_entities")) from None
        raise NotAWorkbookError(path=str(path)) from None


def load_for_copy(path: Path) -> object:
    """The workbook with formulas kept, for writing an output copy. Checked like any input."""
    inspect_file(path)
    return _load(path, data_only=False)


def read_workbook(path: Path) -> RawBook:
    """Check the file, then read the input sheets, defined names and tables as plain values."""
    inspect_file(path)
    book = _load(path, data_only=True)
    return raw_from_openpyxl(book, source=path.name)


def raw_from_bytes(data: bytes, source: str = "") -> RawBook:
    """A workbook made in memory (a migrated copy) read like a file: values, names, tables, formats."""
    import io

    import openpyxl

    return raw_from_openpyxl(openpyxl.load_workbook(io.BytesIO(data), data_only=True), source=source)


def raw_from_openpyxl(book: object, source: str = "") -> RawBook:
    wanted = set(layout.SHEET_ORDER) | {layout.META_SHEET}
    sheets = []
    tables: dict[str, TableRef] = {}
    for ws in book.worksheets:  # type: ignore[attr-defined]
        if ws.title not in wanted:
            continue
        max_row = min(ws.max_row, MAX_ROWS)
        max_col = min(ws.max_column, MAX_COLS)
        rows: list[tuple[CellValue, ...]] = [
            tuple(row) for row in ws.iter_rows(min_row=1, max_row=max_row, max_col=max_col, values_only=True)
        ]
        sheets.append(RawSheet(ws.title, tuple(rows), _percent_cells(ws, rows)))
        for name, table in ws.tables.items():
            r1, c1, r2, c2 = parse_range(table.ref if hasattr(table, "ref") else table)
            tables[name] = TableRef(ws.title, r1, c1, r2, c2)
    names: dict[str, CellRef] = {}
    for name, defined in book.defined_names.items():  # type: ignore[attr-defined]
        try:
            destinations = list(defined.destinations)
        except Exception:
            continue
        if len(destinations) == 1:
            sheet, address = destinations[0]
            try:
                row, col = parse_a1(address.split(":")[0])
            except ValueError:
                continue
            names[name] = CellRef(sheet, row, col)
    return RawBook(tuple(sheets), names, tables, source)


def _percent_cells(ws: Any, rows: list[tuple[CellValue, ...]]) -> frozenset[tuple[int, int]]:
    """Numeric cells shown with a percent format: Excel stores 98% as 0.98 (parse scales them back)."""
    found = set()
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in str(
                    ws.cell(r, c).number_format or ""):
                found.add((r, c))
    return frozenset(found)
