"""Carry a workbook of an earlier template version into the current one (``selfeval migrate``).

Earlier contracts are kept as data (``contracts/v<version>.json``: sheets, defined names, tables,
columns and fixed rows, written from that version's ``layout``), so that migration from every
version keeps working in every later one. Migration reads the old workbook through its own
contract into the plain ``TemplateData`` dict the template builder fills (every input cell value
as it was typed), maps it onto the current contract and builds a fresh current template from it.
The old file is only ever read.

2026.1 → 2026.2: the 自评表 funds rows 年度资金总额 and 本年财政拨款 are derived in 2026.2 (from 预算支出
and 其他资金), so they are not carried; ``Migration.dropped`` lists their old values so that the
caller can say whether they agree with the derived ones. A percent-formatted indicator value (0.98
shown as 98%) is carried as 98 with the unit "%".
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from selfeval_xl.core import values
from selfeval_xl.core.cells import CellRef
from selfeval_xl.core.errors import NotOurTemplateError, TemplateVersionError
from selfeval_xl.core.model import CellValue, RawBook
from selfeval_xl.workbook import layout

# Per version: table → fixed-row keys the current contract derives instead of storing.
DERIVED_ROWS: dict[str, dict[str, tuple[str, ...]]] = {"2026.1": {"money": ("total", "appropriation")}}


@dataclass(frozen=True, slots=True)
class Dropped:
    """An old input the current contract computes instead of storing (with where it was)."""

    table: str
    row: str
    column: str
    value: CellValue
    where: CellRef


@dataclass
class Migration:
    version: str  # the version migrated from
    data: dict[str, Any]  # TemplateData of the current contract
    dropped: list[Dropped] = field(default_factory=list)
    carried: int = 0  # input cells carried


@cache
def contract(version: str) -> dict[str, Any]:
    """The contract of an earlier version, as data."""
    text = resources.files("selfeval_xl.workbook").joinpath("contracts", f"v{version}.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def current_contract() -> dict[str, Any]:
    """The current contract in the same data form as the kept ones (what a later version will keep)."""
    def table(t: layout.Table) -> dict[str, Any]:
        return {"key": t.key, "name": t.name, "title": t.title,
                "columns": [{"key": c.key, "header": c.header, "kind": c.kind.value} for c in t.columns],
                "fixed_rows": [list(r) for r in t.fixed_rows]}

    return {
        "template_id": layout.TEMPLATE_ID, "version": layout.TEMPLATE_VERSION, "meta_sheet": layout.META_SHEET,
        "name_template_id": layout.NAME_TEMPLATE_ID, "name_template_version": layout.NAME_TEMPLATE_VERSION,
        "sheets": [{"key": s.key, "title": s.title,
                    "fields": [{"key": f.key, "name": f.name, "kind": f.kind.value} for f in s.fields],
                    "tables": [table(t) for t in s.tables]} for s in layout.SHEETS],
    }


def version_of(raw: RawBook) -> str | None:
    """The template version a workbook declares, or None when it is not our template at all."""
    meta = raw.sheet(layout.META_SHEET)
    ident_ref = raw.names.get(layout.NAME_TEMPLATE_ID)
    version_ref = raw.names.get(layout.NAME_TEMPLATE_VERSION)
    if meta is None or ident_ref is None or version_ref is None:
        return None
    if meta.value(ident_ref.row, ident_ref.col) != layout.TEMPLATE_ID:
        return None
    return str(meta.value(version_ref.row, version_ref.col))


def _value(raw: RawBook, ref: CellRef) -> CellValue:
    sheet = raw.sheet(ref.sheet)
    return sheet.value(ref.row, ref.col) if sheet else None


def _is_percent(raw: RawBook, ref: CellRef) -> bool:
    sheet = raw.sheet(ref.sheet)
    return sheet is not None and (ref.row, ref.col) in sheet.percent_cells


def extract(raw: RawBook, spec: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str, str, CellValue, CellRef]],
                                                         int]:
    """Every input value of ``raw`` read through the contract ``spec``: (TemplateData, cells of derived rows, count)."""
    fields: dict[str, Any] = {}
    tables: dict[str, list[dict[str, Any]]] = {}
    derived = DERIVED_ROWS.get(spec["version"], {})
    dropped: list[tuple[str, str, str, CellValue, CellRef]] = []
    count = 0
    for sheet in spec["sheets"]:
        for fld in sheet["fields"]:
            ref = raw.names.get(fld["name"])
            if ref is not None and not values.is_blank(value := _value(raw, ref)):
                fields[fld["key"]] = value
                count += 1
        for table in sheet["tables"]:
            tref = raw.tables.get(table["name"])
            if tref is None:
                continue
            grid = raw.sheet(tref.sheet)
            if grid is None:
                continue
            headers = {layout.header_key(grid.value(tref.first_row, c)): c for c in range(tref.first_col, tref.last_col + 1)}
            cols = {col["key"]: headers[col["header"]] for col in table["columns"] if col["header"] in headers}
            by_label = {label: key for key, label in table["fixed_rows"]}
            label_key = table["columns"][0]["key"]
            rows = []
            for r in range(tref.first_row + 1, tref.last_row + 1):
                record: dict[str, Any] = {}
                for key, c in cols.items():
                    value = grid.value(r, c)
                    if values.is_blank(value):
                        continue
                    if isinstance(value, (int, float)) and not isinstance(value, bool) and _is_percent(
                            raw, CellRef(tref.sheet, r, c)):
                        value = Decimal(repr(value)) * 100
                        record.setdefault("unit", "%")
                    record[key] = value
                if not record:
                    continue
                if table["fixed_rows"]:
                    row_key = by_label.get(str(record.get(label_key, "")).strip())
                    if row_key is None:
                        continue
                    if row_key in derived.get(table["key"], ()):
                        dropped += [(table["key"], row_key, k, v, CellRef(tref.sheet, r, cols[k]))
                                    for k, v in record.items() if k != label_key]
                        continue
                    record["_row"] = row_key
                count += len(record) - (1 if table["fixed_rows"] else 0)
                rows.append(record)
            tables[table["key"]] = rows
    return {"fields": fields, "tables": tables}, dropped, count


def migrate_raw(raw: RawBook) -> Migration:
    """The current-contract data of a workbook of an earlier version (raises if it is not one)."""
    version = version_of(raw)
    if version is None:
        raise NotOurTemplateError(source=raw.source)
    if version not in layout.PREVIOUS_VERSIONS:
        raise TemplateVersionError("template_version", found=version, expected=layout.TEMPLATE_VERSION,
                                   path=raw.source)
    data, dropped, count = extract(raw, contract(version))
    current = {t.key: {c.key for c in t.columns} for _, t in layout.all_tables()}
    for key, rows in data["tables"].items():  # a column the current table lacks would be silently lost
        unknown = {k for row in rows for k in row if k not in current.get(key, set()) | {"_row"}}
        if key not in current or unknown:
            raise AssertionError(f"contract {version}: table {key} columns {sorted(unknown)} have no place")
    return Migration(version, data, [Dropped(*d) for d in dropped], count)


def migrated_raw(raw: RawBook) -> RawBook:
    """``raw`` itself when it is of the current version; else the current template filled from it, in memory."""
    if version_of(raw) == layout.TEMPLATE_VERSION:
        return raw
    from selfeval_xl.workbook.reader import raw_from_bytes
    from selfeval_xl.workbook.template import template_bytes

    migrated = raw_from_bytes(template_bytes(migrate_raw(raw).data), source=raw.source)
    return migrated
