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

import codecs
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from selfeval_xl.core import texts
from selfeval_xl.core.errors import (
    EncryptedWorkbookError,
    FileMissingError,
    LegacyFormatError,
    NotAWorkbookError,
    UnsafeWorkbookError,
    WorkbookError,
    os_reason,
)
from selfeval_xl.core.model import RawBook
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
    try:
        _inspect(path, limits)
    except OSError as exc:  # no permission, a name over 255 bytes, a loop of links …
        raise WorkbookError("unreadable", path=str(path), reason=os_reason(exc)) from None


def _inspect(path: Path, limits: Limits) -> None:
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
    """Office never writes a DTD; one in a package part is an entity-expansion or XXE attempt.

    The prolog is read up to the root element, however much padding (spaces, comments) precedes
    it, in the part's own encoding (UTF-8 or UTF-16).
    """
    try:
        with zipfile.ZipFile(path) as archive:
            for info in infos:
                if not info.filename.endswith((".xml", ".rels", ".vml")):
                    continue
                with archive.open(info) as member:
                    if _prolog_has_dtd(member):
                        raise UnsafeWorkbookError(path=str(path), reason=_reason("reason_dtd", member=info.filename))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, zlib.error):
        raise NotAWorkbookError("truncated", path=str(path)) from None


def _prolog_has_dtd(member: IO[bytes]) -> bool:
    """Whether a DOCTYPE or ENTITY declaration comes before the first element of an XML part."""
    head = member.read(4)
    utf16 = head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head[:2]
    decoder = codecs.getincrementaldecoder("utf-16" if utf16 else "utf-8")(errors="replace")
    text, pos = decoder.decode(head), 0
    while True:
        rest = text[pos:].lstrip(" \t\r\n\ufeff")
        pos = len(text) - len(rest)
        if len(rest) >= 9:
            if rest.upper().startswith(("<!DOCTYPE", "<!ENTITY")):
                return True
            end = {"<?": "?>", "<!--": "-->"}.get(rest[:4] if rest.startswith("<!--") else rest[:2])
            if end is None:  # the root element (or not XML at all: the parser will say so)
                return False
            close = text.find(end, pos + 2)
            if close >= 0:
                pos = close + len(end)
                continue
        chunk = member.read(64 * 1024)
        if not chunk:
            return False
        text, pos = text[pos:] + decoder.decode(chunk), 0


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
        with warnings.catch_warnings():  # "Data Validation extension is not supported …": noise for the user
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(path, data_only=data_only, keep_links=False)
    except (zipfile.BadZipFile, EOFError, zlib.error):
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
    """Check the file, then read the contract's sheets, defined names and tables as plain values.

    Only the sheets of the template are parsed (``stream``): extra sheets cost nothing.
    """
    from selfeval_xl.workbook.stream import DAMAGED, read_package

    inspect_file(path)
    wanted = set(layout.SHEET_ORDER) | {layout.META_SHEET}
    try:
        with warnings.catch_warnings():  # library warnings are not for the accountant
            warnings.simplefilter("ignore")
            return read_package(path, wanted, MAX_ROWS, MAX_COLS, source=path.name)
    except (*DAMAGED, SyntaxError):  # lxml's XMLSyntaxError is a SyntaxError
        raise NotAWorkbookError("truncated", path=str(path)) from None


def raw_from_bytes(data: bytes, source: str = "") -> RawBook:
    """A workbook made in memory (a migrated copy) read like a file: values, names, tables, formats."""
    import io

    from selfeval_xl.workbook.stream import read_package

    wanted = set(layout.SHEET_ORDER) | {layout.META_SHEET}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_package(io.BytesIO(data), wanted, MAX_ROWS, MAX_COLS, source=source)
