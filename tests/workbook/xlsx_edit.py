"""Generators of damaged, odd or oversized workbooks for the reliability tests: edits of the example
made with openpyxl (as a script would write them) or at the level of the package's XML."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl

from tests.conftest import EXAMPLE


def sheet_parts(source: Path = EXAMPLE) -> dict[str, str]:
    """Sheet name → its part in ``source`` (xl/workbook.xml and its relationships; never assumed by order)."""
    with zipfile.ZipFile(source) as archive:
        book = archive.read("xl/workbook.xml").decode("utf-8")
        rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    targets = {m.group(2): m.group(1) for m in re.finditer(r'<Relationship[^>]*Target="([^"]+)"[^>]*Id="([^"]+)"', rels)}
    targets.update({m.group(1): m.group(2) for m in re.finditer(r'<Relationship[^>]*Id="([^"]+)"[^>]*Target="([^"]+)"',
                                                                rels)})
    parts = {}
    for m in re.finditer(r'<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"', book):
        target = targets[m.group(2)]
        parts[m.group(1)] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    return parts


PART = sheet_parts()


def edited(path: Path, edit: Callable[[Any], None], source: Path = EXAMPLE) -> Path:
    """``source`` loaded with openpyxl, changed by ``edit(book)``, saved to ``path``."""
    book = openpyxl.load_workbook(source)
    edit(book)
    book.save(path)
    return path


def members(source: Path = EXAMPLE) -> dict[str, bytes]:
    with zipfile.ZipFile(source) as src:
        return {name: src.read(name) for name in src.namelist()}


def write_zip(path: Path, parts: dict[str, bytes]) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    path.write_bytes(buf.getvalue())
    return path


def patched(path: Path, member: str, change: Callable[[str], str], source: Path = EXAMPLE) -> Path:
    """``source`` with the XML text of ``member`` replaced by ``change(text)``."""
    parts = members(source)
    parts[member] = change(parts[member].decode("utf-8")).encode("utf-8")
    return write_zip(path, parts)


def set_cell_xml(xml: str, ref: str, cell_xml: str) -> str:
    """Replace the ``<c r="ref" …>…</c>`` element (or self-closing one) with ``cell_xml``."""
    pattern = re.compile(rf'<c r="{ref}"(?: [^>]*)?(?:/>|>.*?</c>)')
    assert pattern.search(xml), ref
    return pattern.sub(cell_xml, xml, count=1)


def damaged_deflate(path: Path, member: str, source: Path = EXAMPLE) -> Path:
    """``source`` with bytes in the middle of ``member``'s deflate stream overwritten: the zip
    directory is intact, inflating the member fails (zlib.error or a CRC error)."""
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as zf:
        info = zf.getinfo(member)
    name_len = int.from_bytes(data[info.header_offset + 26: info.header_offset + 28], "little")
    extra_len = int.from_bytes(data[info.header_offset + 28: info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_len + extra_len
    middle = start + info.compress_size // 2
    data[middle: middle + 16] = b"\xff" * 16
    path.write_bytes(bytes(data))
    return path
