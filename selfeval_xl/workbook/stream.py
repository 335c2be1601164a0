"""Edge: read only the sheets the template contract needs, straight from the .xlsx package.

openpyxl builds an object per cell of *every* sheet; a workbook with 180 pasted sheets took a
minute and gigabytes to check. This reader opens ``xl/workbook.xml`` (sheets, defined names), the
styles (number formats), and then streams only the wanted sheet parts with lxml's ``iterparse``;
shared strings are looked up only for the indices those sheets use. Other sheets are never
inflated, so work and memory follow the template's cells, not the file's extra sheets.

What it gives parse, per wanted sheet (``RawSheet``):
  * values as openpyxl's ``data_only`` mode would (numbers, text, booleans, error strings, dates
    for date-formatted numbers), with Excel's ``_xHHHH_`` escapes undone;
  * ``Uncalculated(formula)`` for a formula saved without its value (a file written by a script,
    or by Excel with manual calculation) — never an empty cell;
  * every cell of a merged range carries the anchor's value (what the user sees);
  * the number format of each non-empty cell that is not "General";
  * ``overflow``: the first cell holding data beyond the read limit (rows, columns), so that
    parse can say so at the sheet instead of dropping it silently. Reading stops there.
Defined names (workbook-level) and the tables of the wanted sheets (by name, with their range).

XML is parsed by lxml without DTD loading, entity resolution or network access; ``inspect_file``
has refused any DTD before this runs.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

from selfeval_xl.core.cells import CellRef, parse_a1, parse_range
from selfeval_xl.core.model import CellValue, Overflow, RawBook, RawSheet, TableRef, Uncalculated

_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_MERGE = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref="([A-Za-z$0-9:]+)"')
_TABLE_REL = "/table"
_NUMBER_FLOAT = re.compile(r"[.eE]")


def unescape(text: str) -> str:
    """Excel's ``_xHHHH_`` escapes (control characters in shared strings) back to characters."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _parser_options() -> dict[str, Any]:
    return {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


def _fromstring(data: bytes) -> Any:
    from lxml import etree  # type: ignore[import-untyped,unused-ignore]

    return etree.fromstring(data, etree.XMLParser(**_parser_options()))


def _part(base: str, target: str) -> str:
    """A relationship target → the package member name."""
    if target.startswith("/"):
        return target.lstrip("/")
    parts: list[str] = []
    for piece in PurePosixPath(PurePosixPath(base).parent, target).parts:
        if piece == "..":
            if parts:
                parts.pop()
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


def _rels(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type, member) of ``part``."""
    path = PurePosixPath(part)
    rels_name = str(path.parent / "_rels" / (path.name + ".rels"))
    if rels_name not in archive.NameToInfo:
        return {}
    found = {}
    for rel in _fromstring(archive.read(rels_name)):
        if _local(rel.tag) == "Relationship" and rel.get("TargetMode") != "External":
            found[rel.get("Id", "")] = (rel.get("Type", ""), _part(part, rel.get("Target", "")))
    return found


@dataclass
class _Styles:
    formats: list[str]  # per cellXfs index: the number format code
    dates: set[int] = field(default_factory=set)
    timedeltas: set[int] = field(default_factory=set)


def _styles(archive: zipfile.ZipFile, member: str | None) -> _Styles:
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

    if member is None or member not in archive.NameToInfo:
        return _Styles([])
    root = _fromstring(archive.read(member))
    custom: dict[int, str] = {}
    codes: list[str] = []
    for node in root:
        name = _local(node.tag)
        if name == "numFmts":
            for fmt in node:
                if fmt.get("numFmtId", "").isdigit():
                    custom[int(fmt.get("numFmtId"))] = fmt.get("formatCode", "General")
        elif name == "cellXfs":
            for xf in node:
                ident = xf.get("numFmtId", "0")
                number = int(ident) if ident.isdigit() else 0
                codes.append(custom.get(number) or BUILTIN_FORMATS.get(number, "General"))
    styles = _Styles(codes)
    for i, code in enumerate(codes):
        if is_date_format(code):
            styles.dates.add(i)
            if is_timedelta_format(code):
                styles.timedeltas.add(i)
    return styles


@dataclass
class _Sheet:
    """A wanted sheet while it is read: cells as a sparse dict, shared strings still as indices."""

    title: str
    cells: dict[tuple[int, int], Any] = field(default_factory=dict)
    formats: dict[tuple[int, int], str] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    overflow: list[Overflow] = field(default_factory=list)


class _Shared(int):
    """A shared-string index, resolved once the strings the wanted sheets use are known."""


def _cell_value(cell: Any, kind: str, style: int, styles: _Styles, epoch: Any) -> Any:
    v = f = inline = None
    for child in cell:
        name = _local(child.tag)
        if name == "v":
            v = child.text or ""
        elif name == "f":
            f = child
        elif name == "is":
            inline = child
    if kind == "inlineStr":
        return unescape(_text(inline)) if inline is not None else (None if f is None else Uncalculated(_formula(f)))
    if f is not None and (v is None or (v == "" and kind not in ("str", "s"))):
        return Uncalculated(_formula(f))
    if not v:
        return None
    if kind == "s":
        return _Shared(int(v)) if v.strip().isdigit() else None
    if kind == "str":
        return unescape(v)
    if kind == "b":
        return v.strip() in ("1", "true")
    if kind == "e":
        return v.strip()
    if kind == "d":
        from openpyxl.utils.datetime import from_ISO8601

        try:
            return from_ISO8601(v)  # type: ignore[no-untyped-call,unused-ignore]
        except ValueError:
            return v
    try:
        number: int | float = float(v) if _NUMBER_FLOAT.search(v) else int(v)
    except ValueError:
        return v
    if style in styles.dates:
        from openpyxl.utils.datetime import from_excel

        try:
            return from_excel(number, epoch, timedelta=style in styles.timedeltas)
        except (OverflowError, ValueError):
            return "#VALUE!"
    return number


def _formula(f: Any) -> str:
    return (f.text or "").strip() or (f.get("t") or "")


def _text(node: Any) -> str:
    """The text of an ``<si>`` or ``<is>``: its ``<t>`` and the ``<t>`` of its runs, not phonetic hints."""
    parts = []
    for child in node:
        name = _local(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            parts.extend(t.text or "" for t in child if _local(t.tag) == "t")
    return "".join(parts)


def _read_sheet(archive: zipfile.ZipFile, member: str, sheet: _Sheet, styles: _Styles, epoch: Any,
                max_rows: int, max_cols: int) -> None:
    from lxml import etree  # type: ignore[import-untyped,unused-ignore]

    row_number = 0
    stopped = False
    with archive.open(member) as fh:
        for _, elem in etree.iterparse(fh, events=("end",), tag=("{*}row", "{*}mergeCell"), **_parser_options()):
            if _local(elem.tag) == "mergeCell":
                _add_merge(sheet, elem.get("ref", ""))
                continue
            row_number = int(elem.get("r") or row_number + 1)
            col = 0
            for cell in elem:
                if _local(cell.tag) != "c":
                    continue
                ref = cell.get("r")
                col = parse_a1(ref)[1] if ref else col + 1
                kind = cell.get("t", "n")
                style_text = cell.get("s")
                style = int(style_text) if style_text and style_text.isdigit() else 0
                value = _cell_value(cell, kind, style, styles, epoch)
                if value is None:
                    continue
                if row_number > max_rows or col > max_cols:
                    axis = "rows" if row_number > max_rows else "cols"
                    if not any(o.axis == axis for o in sheet.overflow):
                        sheet.overflow.append(Overflow(axis, row_number, col, max_rows if axis == "rows" else max_cols))
                    stopped = axis == "rows"
                    break  # cells come in column order: the rest of the row is beyond too
                sheet.cells[(row_number, col)] = value
                if style < len(styles.formats) and styles.formats[style] != "General":
                    sheet.formats[(row_number, col)] = styles.formats[style]
            elem.clear()
            while elem.getprevious() is not None:
                del elem.getparent()[0]
            if stopped:
                break
    if stopped:  # the merged ranges follow the rows: find them without parsing the rest
        with archive.open(member) as fh:
            for ref in _scan(fh, _MERGE):
                _add_merge(sheet, ref.decode("ascii", "replace"))


def _scan(fh: Any, pattern: re.Pattern[bytes]) -> Iterator[bytes]:
    tail = b""
    while chunk := fh.read(1 << 20):
        data = tail + chunk
        last = 0
        for match in pattern.finditer(data):
            last = match.end()
            yield match.group(1)
        tail = data[max(last, len(data) - 512):]


def _add_merge(sheet: _Sheet, ref: str) -> None:
    try:
        r1, c1, r2, c2 = parse_range(ref.replace("$", ""))
    except ValueError:
        return
    sheet.merges.append((r1, c1, r2, c2))


def _fill_merges(sheet: _Sheet, max_rows: int, max_cols: int) -> None:
    """Every cell of a merged range shows the anchor's value: read it so."""
    for r1, c1, r2, c2 in sheet.merges:
        anchor = sheet.cells.get((r1, c1))
        if anchor is None:
            continue
        fmt = sheet.formats.get((r1, c1))
        for r in range(r1, min(r2, max_rows) + 1):
            for c in range(c1, min(c2, max_cols) + 1):
                sheet.cells.setdefault((r, c), anchor)
                if fmt is not None:
                    sheet.formats.setdefault((r, c), fmt)


def _shared_strings(archive: zipfile.ZipFile, member: str | None, wanted: set[int]) -> dict[int, str]:
    """The shared strings at ``wanted`` indices, reading the table only as far as the largest one."""
    from lxml import etree  # type: ignore[import-untyped,unused-ignore]

    if not wanted or member is None or member not in archive.NameToInfo:
        return {}
    found: dict[int, str] = {}
    last = max(wanted)
    index = -1
    with archive.open(member) as fh:
        for _, elem in etree.iterparse(fh, events=("end",), tag="{*}si", **_parser_options()):
            index += 1
            if index in wanted:
                found[index] = unescape(_text(elem))
            elem.clear()
            while elem.getprevious() is not None:
                del elem.getparent()[0]
            if index >= last:
                break
    return found


def _defined_names(root: Any) -> dict[str, CellRef]:
    from openpyxl.workbook.defined_name import DefinedName

    names: dict[str, CellRef] = {}
    for node in root.iter("{*}definedName"):
        if node.get("localSheetId") is not None or not node.get("name"):
            continue
        try:
            destinations = list(DefinedName(node.get("name"), attr_text=node.text or "").destinations)
        except Exception:  # an expression, a constant, a broken reference: not a cell of the contract
            continue
        if len(destinations) == 1:
            sheet, address = destinations[0]
            try:
                row, col = parse_a1(address.replace("$", "").split(":")[0])
            except ValueError:
                continue
            names[node.get("name")] = CellRef(sheet, row, col)
    return names


def _tables(archive: zipfile.ZipFile, rels: dict[str, tuple[str, str]], title: str) -> dict[str, TableRef]:
    tables: dict[str, TableRef] = {}
    for kind, member in rels.values():
        if not kind.endswith(_TABLE_REL) or member not in archive.NameToInfo:
            continue
        root = _fromstring(archive.read(member))
        name = root.get("name") or root.get("displayName")
        try:
            r1, c1, r2, c2 = parse_range(root.get("ref", "").replace("$", ""))
        except ValueError:
            continue
        if name:
            tables[name] = TableRef(title, r1, c1, r2, c2)
    return tables


def read_package(path: Path | IO[bytes], wanted: set[str], max_rows: int, max_cols: int,
                 source: str = "") -> RawBook:
    """The wanted sheets, defined names and tables of the .xlsx at ``path`` (a file, or bytes in memory).

    Raises ``zipfile.BadZipFile``, ``KeyError``, ``zlib.error``, ``lxml.etree.XMLSyntaxError``
    … on a damaged package: the caller (``reader``) turns them into one ``WorkbookError``.
    """
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

    with zipfile.ZipFile(path) as archive:
        book_part = "xl/workbook.xml"
        root = _fromstring(archive.read(book_part))
        rels = _rels(archive, book_part)
        by_type = {kind.rsplit("/", 1)[-1]: member for kind, member in rels.values()}
        pr = next(root.iter("{*}workbookPr"), None)
        date1904 = pr is not None and pr.get("date1904", "").lower() in ("1", "true")
        epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
        styles = _styles(archive, by_type.get("styles"))
        read: list[_Sheet] = []
        tables: dict[str, TableRef] = {}
        for node in root.iter("{*}sheet"):
            title = node.get("name", "")
            rel = next((v for k, v in node.attrib.items() if _local(k) == "id"), "")
            kind, member = rels.get(rel, ("", ""))
            if title not in wanted or not kind.endswith("/worksheet") or member not in archive.NameToInfo:
                continue
            sheet = _Sheet(title)
            _read_sheet(archive, member, sheet, styles, epoch, max_rows, max_cols)
            read.append(sheet)
            tables.update(_tables(archive, _rels(archive, member), title))
        indices = {int(v) for s in read for v in s.cells.values() if isinstance(v, _Shared)}
        strings = _shared_strings(archive, by_type.get("sharedStrings"), indices)
        names = _defined_names(root)
    sheets = []
    for sheet in read:
        for key, value in sheet.cells.items():
            if isinstance(value, _Shared):
                sheet.cells[key] = strings.get(int(value), "")
        _fill_merges(sheet, max_rows, max_cols)
        sheets.append(_raw_sheet(sheet))
    return RawBook(tuple(sheets), names, tables, source)


def _raw_sheet(sheet: _Sheet) -> RawSheet:
    if not sheet.cells:
        return RawSheet(sheet.title, (), overflow=tuple(sheet.overflow))
    height = max(r for r, _ in sheet.cells)
    widths: dict[int, int] = {}
    for r, c in sheet.cells:
        widths[r] = max(widths.get(r, 0), c)
    get: Callable[[tuple[int, int]], CellValue] = sheet.cells.get
    rows = tuple(tuple(get((r, c)) for c in range(1, widths.get(r, 0) + 1)) for r in range(1, height + 1))
    percent = frozenset(key for key, fmt in sheet.formats.items() if "%" in fmt and _is_number(sheet.cells.get(key)))
    return RawSheet(sheet.title, rows, percent, formats=dict(sheet.formats), overflow=tuple(sheet.overflow))


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


DAMAGED = (zipfile.BadZipFile, KeyError, zlib.error, EOFError, ValueError, OSError, NotImplementedError)
