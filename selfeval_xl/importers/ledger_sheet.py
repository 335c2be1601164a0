"""Find a 明细账 in its file: safety checks, the header row, and the needed columns as Arrow text.

``inspect_ledger`` refuses what is not a safe .xlsx before anything is inflated (limits far above a
template's: a ledger may be as long as a sheet can be). ``peek_rows`` streams only the first rows of
the sheet XML (defusedxml, stopping after ``HEADER_SCAN_ROWS`` rows) so that ``find_header`` can
locate the header without reading a million lines twice; ``load_columns`` then has fastexcel
(calamine, in Rust) read just the 3–4 columns the header names into an Arrow RecordBatch of text.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from selfeval_xl.core import texts
from selfeval_xl.core.errors import NotAWorkbookError, WorkbookError
from selfeval_xl.workbook.reader import LEDGER_LIMITS, inspect_file

HEADER_SCAN_ROWS = 30

# Header aliases after normalisation (NFKC, no spaces, no "(元)"/"(万元)"); earlier aliases win.
CODE_HEADERS = ("科目编码", "科目代码", "经济分类科目编码", "经济科目编码", "经济分类编码", "支出经济分类科目",
                "经济分类科目", "支出经济分类", "经济分类", "科目")
AMOUNT_HEADERS = ("金额", "支出金额", "借方金额", "借方发生额", "本期发生额", "发生额", "借方", "支出数")
DEBIT_HEADERS = ("借方金额", "借方发生额", "本期借方发生额", "本期借方", "借方")
CREDIT_HEADERS = ("贷方金额", "贷方发生额", "本期贷方发生额", "本期贷方", "贷方")
TYPE_HEADERS = ("支出类型", "基本/项目", "基本或项目", "经费类型", "支出性质", "资金性质", "项目名称", "项目")
SUMMARY_HEADERS = ("摘要", "说明")


class LedgerError(WorkbookError):
    """The ledger cannot be used at all (no header, no such sheet, reader missing): exit 3.

    Its message is in ``texts.BATCH`` (not FATAL), keyed by ``code``.
    """

    @property
    def message(self) -> str:
        return texts.render(texts.BATCH, self.code, **self.params)


# ---- the file ---------------------------------------------------------------------------------------


def inspect_ledger(path: Path) -> None:
    """Refuse what is not a safe .xlsx before the reader inflates anything, with a ledger's larger limits."""
    inspect_file(path, LEDGER_LIMITS)


def modules() -> tuple[Any, Any, Any]:
    try:
        import fastexcel  # type: ignore[import-untyped,unused-ignore]
        import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]
        import pyarrow.compute as pc  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        raise LedgerError("ledger_needs_fast") from None
    return fastexcel, pa, pc


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def peek_rows(path: Path, sheet: str | None, limit: int = HEADER_SCAN_ROWS) -> tuple[str, list[list[str | None]]]:
    """The sheet's name and the text of its first ``limit`` rows (row i is Excel row i + 1, cell j column j + 1).

    Streams the sheet part and stops after ``limit`` rows, so finding the header costs nothing next
    to reading a million lines; numbers are kept as their text, shared strings are looked up.
    """
    from defusedxml.ElementTree import fromstring, iterparse  # type: ignore[import-untyped,unused-ignore]

    from selfeval_xl.core.cells import parse_a1

    try:
        with zipfile.ZipFile(path) as archive:
            rels = {r.get("Id"): r.get("Target", "") for r in fromstring(archive.read("xl/_rels/workbook.xml.rels"))}
            sheets = [(s.get("name", ""), next((v for k, v in s.attrib.items() if _local(k) == "id"), ""))
                      for s in fromstring(archive.read("xl/workbook.xml")).iter() if _local(s.tag) == "sheet"]
            names = [n for n, _ in sheets]
            if sheet is not None and sheet not in names:
                raise LedgerError("ledger_no_sheet", path=path.name, sheet=sheet, sheets="、".join(names))
            name, rel = next((n, r) for n, r in sheets if sheet is None or n == sheet)
            part = _member(rels.get(rel, ""))
            raw: dict[int, dict[int, tuple[str, str]]] = {}
            row_number = 0
            with archive.open(part) as member:
                for _, elem in iterparse(member, events=("end",)):
                    if _local(elem.tag) != "row":
                        continue
                    row_number = int(elem.get("r") or row_number + 1)
                    if row_number > limit:
                        break
                    col = 0
                    for cell in elem:
                        col = parse_a1(cell.get("r", ""))[1] if cell.get("r") else col + 1
                        text = "".join(t.text or "" for t in cell.iter() if _local(t.tag) in ("v", "t"))
                        raw.setdefault(row_number, {})[col] = (cell.get("t", "n"), text)
                    elem.clear()
            shared = _shared_strings(archive, iterparse, {int(v) for r in raw.values() for t, v in r.values()
                                                          if t == "s" and v.isdigit()})
    except LedgerError:
        raise
    except Exception:
        raise NotAWorkbookError("truncated", path=str(path)) from None
    rows: list[list[str | None]] = []
    for r in range(1, limit + 1):
        cells = raw.get(r, {})
        width = max(cells, default=0)
        rows.append([_text(cells.get(c), shared) for c in range(1, width + 1)])
    return name, rows


def _member(target: str) -> str:
    return target.lstrip("/") if target.startswith("/") else "xl/" + target


def sheet_part(archive: zipfile.ZipFile, sheet: str) -> str:
    """The package member of the sheet named ``sheet``."""
    from defusedxml.ElementTree import fromstring  # type: ignore[import-untyped,unused-ignore]

    rels = {r.get("Id"): r.get("Target", "") for r in fromstring(archive.read("xl/_rels/workbook.xml.rels"))}
    for s in fromstring(archive.read("xl/workbook.xml")).iter():
        if _local(s.tag) == "sheet" and s.get("name", "") == sheet:
            return _member(rels.get(next((v for k, v in s.attrib.items() if _local(k) == "id"), ""), ""))
    raise KeyError(sheet)


# A formula cell: its attributes, then the formula (<f …/> or <f …>…</f>), then its value if any.
_FORMULA_CELL = re.compile(rb'<c\b([^>]*)>\s*<f\b[^>]*?(?:/>|>([^<]*)</f>)\s*(<v\b[^>]*?(?:/>|>([^<]*)</v>))?')
_ANY_FORMULA = re.compile(rb"<f[\s>/]")
_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_TYPE = re.compile(rb'\bt="([a-zA-Z]+)"')


def uncalculated(path: Path, sheet: str, columns: set[int], below: int) -> list[tuple[int, int, str]]:
    """(row, column, formula) of the formula cells saved without a value in ``columns`` (1-based) below
    Excel row ``below``: a file written by a script, or by Excel with manual calculation.

    fastexcel reads such a cell as empty; the sheet part is scanned for them instead, in C-speed
    regular expressions over the inflated bytes (a sheet without any formula costs one ``search``
    per megabyte).
    """
    from selfeval_xl.core.cells import col_number

    found: list[tuple[int, int, str]] = []
    try:
        with zipfile.ZipFile(path) as archive, archive.open(sheet_part(archive, sheet)) as member:
            rest = b""
            while chunk := member.read(4 << 20):
                data = rest + chunk
                cut = data.rfind(b"</row>") + len(b"</row>")
                data, rest = (data[:cut], data[cut:]) if cut >= len(b"</row>") else (b"", data)
                if not _ANY_FORMULA.search(data):
                    continue
                for match in _FORMULA_CELL.finditer(data):
                    attrs, formula, has_value, value = match.groups()
                    ref, kind = _REF.search(attrs), _TYPE.search(attrs)
                    if ref is None or (has_value and (value or (kind and kind.group(1) == b"str"))):
                        continue
                    row, col = int(ref.group(2)), col_number(ref.group(1).decode())
                    if row > below and col in columns:
                        found.append((row, col, (formula or b"").decode("utf-8", "replace").strip()))
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError, zlib.error):
        raise NotAWorkbookError("truncated", path=str(path)) from None
    return found


def _text(cell: tuple[str, str] | None, shared: dict[int, str]) -> str | None:
    if cell is None:
        return None
    kind, value = cell
    return shared.get(int(value), "") if kind == "s" and value.isdigit() else value


def _shared_strings(archive: zipfile.ZipFile, iterparse: Any, wanted: set[int]) -> dict[int, str]:
    """The shared strings at ``wanted`` indices, reading the table only as far as the largest one."""
    if not wanted or "xl/sharedStrings.xml" not in archive.namelist():
        return {}
    found: dict[int, str] = {}
    index = -1
    with archive.open("xl/sharedStrings.xml") as member:
        for _, elem in iterparse(member, events=("end",)):
            if _local(elem.tag) != "si":
                continue
            index += 1
            if index in wanted:
                found[index] = "".join(t.text or "" for t in elem.iter() if _local(t.tag) == "t")
            elem.clear()
            if index >= max(wanted):
                break
    return found


def load_columns(path: Path, sheet: str, header: Header) -> tuple[Any, dict[str, int]]:
    """The lines below the header, only the columns ``header`` names, as Arrow text columns.

    Returns the RecordBatch and the position in it of each role (code, amount, kind, summary).
    """
    from selfeval_xl.core.cells import col_letter

    fastexcel, _, _ = modules()
    roles = header.roles()
    try:
        loaded = fastexcel.read_excel(str(path)).load_sheet(
            sheet, header_row=None, skip_rows=header.row + 1, dtypes="string", whitespace_as_null=True,
            use_columns=",".join(col_letter(c + 1) for c in sorted(roles.values())))
        position = {info.absolute_index: i for i, info in enumerate(loaded.selected_columns)}
        batch = loaded.to_arrow()
    except Exception:
        raise NotAWorkbookError("truncated", path=str(path)) from None
    return batch, {role: position[col] for role, col in roles.items()}

# ---- the header --------------------------------------------------------------------------------------


def normalize_header(value: object) -> str:
    text = unicodedata.normalize("NFKC", str(value or ""))
    text = re.sub(r"\s+", "", text)
    return re.sub(r"\((万?元)\)$|\(单位:万?元\)$", "", text)


@dataclass(frozen=True, slots=True)
class Header:
    row: int  # 0-based: Excel row - 1
    code: int  # 0-based columns: Excel column - 1
    amount: int
    kind: int | None
    unit: str
    summary: int | None = None  # 摘要: read only to recognise 合计 lines
    credit: int | None = None  # 贷方 beside 借方 (then ``amount`` is the 借方 column): net = 借 − 贷

    def roles(self) -> dict[str, int]:
        """Role → 0-based column of every column the header names."""
        return {role: col for role, col in (("code", self.code), ("amount", self.amount), ("kind", self.kind),
                                            ("summary", self.summary), ("credit", self.credit)) if col is not None}


def find_header(head: Sequence[Sequence[object]]) -> Header | None:
    """The first row naming a code column and an amount column."""
    for r, values in enumerate(head):
        normal = [normalize_header(v) for v in values]
        code = _pick(normal, CODE_HEADERS)
        debit, credit = _pick(normal, DEBIT_HEADERS), _pick(normal, CREDIT_HEADERS)
        amount = debit if debit is not None and credit is not None else _pick(normal, AMOUNT_HEADERS)
        if credit is not None and amount != debit:
            credit = None
        if code is None or amount is None or code == amount:
            continue
        taken = {code, amount} | ({credit} if credit is not None else set())
        kind = _pick(normal, TYPE_HEADERS, exclude=taken)
        summary = _pick(normal, SUMMARY_HEADERS, exclude=taken | ({kind} if kind is not None else set()))
        raw_amount = unicodedata.normalize("NFKC", str(values[amount] or ""))
        return Header(r, code, amount, kind, "万元" if "万元" in raw_amount else "元", summary, credit)
    return None


def _pick(normal: Sequence[str], aliases: Sequence[str], exclude: set[int] | None = None) -> int | None:
    for alias in aliases:
        for i, text in enumerate(normal):
            if text == alias and i not in (exclude or set()):
                return i
    return None
