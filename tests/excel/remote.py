"""The xlwings remote engine as a headless Excel: a payload built from an .xlsx, and a replay of the actions.

``payload_from_xlsx`` gives what an Excel client sends xlwings' remote engine (the book, its
defined names with ``refers_to`` as Excel writes it, each sheet's values from A1, tables), so the
real entry points run on ``xw.Book(json=payload)``. ``replay`` applies the actions they emit to an
openpyxl copy of the same file the way Excel would — a leading apostrophe marks text and is not
part of the value; a string starting with "=" becomes a formula — so the result can be dumped and
compared with what the CLI writes. An action the replay does not know fails the test.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import PatternFill
from openpyxl.worksheet.hyperlink import Hyperlink

from selfeval_xl.core.cells import col_letter, parse_range

_PLAIN_SHEET = re.compile(r"^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*$")


def excel_sheet_ref(sheet: str) -> str:
    """A sheet name as Excel writes it in a reference: quoted only when it has to be."""
    return sheet if _PLAIN_SHEET.match(sheet) else "'" + sheet.replace("'", "''") + "'"


def _absolute(ref: str) -> str:
    return re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", ref.replace("$", ""))


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10] + "T00:00:00.000Z" if not isinstance(value, dt.datetime) else (
            value.isoformat(timespec="milliseconds") + "Z")
    return value


def payload_from_xlsx(path: Path, *, client: str = "Office.js", version: str) -> dict[str, Any]:
    """What an Excel client posts to xlwings' remote engine for the workbook at ``path``."""
    book = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for ws in book.worksheets:
        rows = [[_json_value(v) for v in row] for row in ws.iter_rows(values_only=True)] or [[]]
        tables = []
        for table in ws.tables.values():
            r1, c1, r2, c2 = parse_range(table.ref)
            tables.append({
                "name": table.name,
                "range_address": _absolute(table.ref),
                "header_row_range_address": _absolute(f"{col_letter(c1)}{r1}:{col_letter(c2)}{r1}"),
                "data_body_range_address": _absolute(f"{col_letter(c1)}{r1 + 1}:{col_letter(c2)}{r2}") if r2 > r1 else None,
                "total_row_range_address": None,
                "show_headers": True,
                "show_totals": False,
                "table_style": table.tableStyleInfo.name if table.tableStyleInfo else "",
                "show_autofilter": True,
            })
        sheets.append({
            "name": ws.title,
            "visibility": "Visible" if ws.sheet_state == "visible" else "Hidden",
            "values": rows,
            "used_range_address": ws.calculate_dimension(),
            "pictures": [], "shapes": [], "charts": [], "notes": [], "tables": tables,
            "pivot_tables": [], "show_gridlines": True, "print_area": None,
        })
    titles = [ws.title for ws in book.worksheets]
    names = []
    for name, defined in book.defined_names.items():
        destinations = list(defined.destinations)
        if len(destinations) != 1:
            continue
        sheet, address = destinations[0]
        names.append({
            "name": name, "sheet_index": titles.index(sheet), "address": address.replace("$", ""),
            "book_scope": True, "scope_sheet_name": None, "scope_sheet_index": None,
            "refers_to": f"={excel_sheet_ref(sheet)}!{_absolute(address)}",
        })
    return {
        "client": client,
        "version": version,
        "book": {"name": path.name, "active_sheet_index": book.index(book.active), "selection": "A1"},
        "names": names,
        "sheets": sheets,
    }


@dataclass
class Replay:
    book: Any
    alerts: list[list[Any]] = field(default_factory=list)
    formulas: list[str] = field(default_factory=list)  # cells where a string would have become a formula
    applied: list[str] = field(default_factory=list)
    borders: list[tuple[str, int, int, str, str]] = field(default_factory=list)  # (sheet, row, col, side, style)


def _cells(ws: Any, action: dict[str, Any]) -> list[Any]:
    r0, c0 = action["start_row"] + 1, action["start_column"] + 1
    return [ws.cell(r0 + r, c0 + c) for r in range(action["row_count"]) for c in range(action["column_count"])]


def _styled(cell: Any, attr: str, **changes: Any) -> None:
    style = copy.copy(getattr(cell, attr))
    for key, value in changes.items():
        setattr(style, key, value)
    setattr(cell, attr, style)


def replay(actions: list[dict[str, Any]], base: Path) -> Replay:
    """Apply remote-engine ``actions`` to an openpyxl copy of ``base`` as Excel would."""
    result = Replay(openpyxl.load_workbook(base))
    book = result.book
    for action in actions:
        func, args = action["func"], action["args"]
        ws = book.worksheets[action["sheet_position"]] if action["sheet_position"] is not None else None
        result.applied.append(func)
        if func == "addSheet":
            book.create_sheet(args[1], index=args[0])
        elif func == "sheetDelete":
            book.remove(ws)
        elif func == "setValues":
            r0, c0 = action["start_row"] + 1, action["start_column"] + 1
            for r, row in enumerate(action["values"]):
                for c, value in enumerate(row):
                    cell = ws.cell(r0 + r, c0 + c)
                    if isinstance(value, str) and value.startswith("'"):
                        cell.value = value[1:]
                        cell.data_type = "s"
                    elif isinstance(value, str) and value.startswith("="):
                        result.formulas.append(f"{ws.title}!{cell.coordinate}")
                        cell.value = value
                    else:
                        cell.value = None if value == "" else value
        elif func == "setFontProperty":
            prop, value = args
            key = {"name": "name", "size": "sz", "bold": "b", "italic": "i", "color": "color"}[prop]
            if key == "color":
                value = value.lstrip("#")
            for cell in _cells(ws, action):
                _styled(cell, "font", **{key: value})
        elif func == "setWrapText":
            for cell in _cells(ws, action):
                _styled(cell, "alignment", wrap_text=args[0])
        elif func in ("setHorizontalAlignment", "setVerticalAlignment"):
            key = "horizontal" if func == "setHorizontalAlignment" else "vertical"
            for cell in _cells(ws, action):
                _styled(cell, "alignment", **{key: args[0].lower()})
        elif func == "setRangeColor":
            for cell in _cells(ws, action):
                cell.fill = PatternFill("solid", fgColor=args[0].lstrip("#")) if args[0] else PatternFill()
        elif func == "setColumnWidth":
            chars = round((args[0] / 0.75 - 5) / 7, 2)  # points back to characters
            for c in range(action["column_count"]):
                ws.column_dimensions[col_letter(action["start_column"] + 1 + c)].width = chars
        elif func == "setRowHeight":
            for r in range(action["row_count"]):
                ws.row_dimensions[action["start_row"] + 1 + r].height = args[0]
        elif func == "addHyperlink":
            address, text, _tip = args
            for cell in _cells(ws, action):
                cell.value = text
                location = address[1:] if address.startswith("#") else None
                cell.hyperlink = Hyperlink(ref=cell.coordinate, location=location,
                                           target=None if location else address, display=text)
        elif func == "activateSheet":
            for sheet in book.worksheets:
                sheet.sheet_view.tabSelected = False
            book.active = args[0]
            book.worksheets[args[0]].sheet_view.tabSelected = True
        elif func == "setBorderProperty":
            side, attribute, value = args
            if attribute == "line_style":
                result.borders.append((ws.title, action["start_row"] + 1, action["start_column"] + 1, side, value))
        elif func == "rangeMerge":
            r0, c0 = action["start_row"] + 1, action["start_column"] + 1
            ws.merge_cells(start_row=r0, start_column=c0, end_row=r0 + action["row_count"] - 1,
                           end_column=c0 + action["column_count"] - 1)
        elif func == "setNumberFormat":
            for cell in _cells(ws, action):
                cell.number_format = args[0]
        elif func == "setShowGridlines":
            ws.sheet_view.showGridLines = args[0]
        elif func == "alert":
            result.alerts.append(args)
        elif func == "setScreenUpdating":
            pass
        else:
            raise AssertionError(f"the replay does not know the action {func!r}: {action}")
    return result
