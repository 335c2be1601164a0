"""Generate ``workbook_template.xlsx`` from the contract in ``layout`` (and fill it, for examples/tests).

The template is a plain .xlsx: defined names for single fields, Excel tables for lists,
data-validation dropdowns for closed vocabularies, a short instruction on each sheet, hidden
sheets for the code lists and the template version. ``build_template(data)`` fills fields and
table rows from a plain dict — the example workbook and the test fixtures are made this way, so
they always match the current contract.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from selfeval_xl.core import texts
from selfeval_xl.core.cells import col_letter, quote_sheet
from selfeval_xl.core.econ_codes import CODES
from selfeval_xl.workbook import layout
from selfeval_xl.workbook.layout import Kind
from selfeval_xl.workbook.package import normalize_package, workbook_bytes
from selfeval_xl.workbook.progress import progress_sheet
from selfeval_xl.workbook.template_aids import guide_sheet, prompt, validation

REQUIRED_FILL = "FFF2CC"
OPTIONAL_FILL = "F2F2F2"
NUMBER_FORMATS = {Kind.AMOUNT: "#,##0.00", Kind.COUNT: "0", Kind.YEAR: "0", Kind.DATE: "yyyy-mm-dd",
                  Kind.NUMBER: "General"}

TemplateData = Mapping[str, Any]  # {"fields": {key: value}, "tables": {table key: [ {col key: value} ]}}


def _dv_list(choices: Sequence[str]) -> str:
    return '"' + ",".join(choices) + '"'


def build_template(data: TemplateData | None = None) -> Any:
    """An openpyxl Workbook of the template, optionally filled with ``data``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.table import Table, TableStyleInfo

    fields_data: Mapping[str, Any] = (data or {}).get("fields", {})
    tables_data: Mapping[str, Sequence[Mapping[str, Any]]] = (data or {}).get("tables", {})
    book = Workbook()
    book.remove(book.worksheets[0])
    title_font = Font(name="黑体", size=16, bold=True)
    note_font = Font(name="宋体", size=10, italic=True, color="595959")
    label_font = Font(name="宋体", size=11, bold=True)
    body_font = Font(name="宋体", size=11)
    hint_font = Font(name="宋体", size=10, color="595959")
    wrap = Alignment(wrap_text=True, vertical="top")
    lists_ref = f"{quote_sheet(layout.LISTS_SHEET)}!$A$2:$A${len(CODES) + 1}"

    for sheet in layout.SHEETS:
        ws = book.create_sheet(sheet.title)
        ws.sheet_properties.tabColor = "4472C4"
        ws.column_dimensions["A"].width = 2
        ws["B1"] = sheet.title
        ws["B1"].font = title_font
        ws["B2"] = sheet.instruction
        ws["B2"].font = note_font
        ws["B2"].alignment = wrap
        last_col = max([layout.HINT_COL if sheet.fields else layout.LABEL_COL,
                        *(layout.TABLE_FIRST_COL + len(t.columns) - 1 for t in sheet.tables)])
        ws.merge_cells(f"B2:{col_letter(max(last_col, layout.HINT_COL))}2")  # no empty column widens the print
        ws.row_dimensions[2].height = 45
        widths: dict[int, float] = {layout.LABEL_COL: 18, layout.VALUE_COL: 36, layout.HINT_COL: 30}
        rows = layout.field_rows(sheet)
        for fld in sheet.fields:
            row = rows[fld.key]
            label = ws.cell(row, layout.LABEL_COL, fld.name + (texts.UI["required_mark"] if fld.required else ""))
            label.font = label_font
            label.alignment = Alignment(horizontal="right", vertical="top")  # beside its input, however wide B is
            cell = ws.cell(row, layout.VALUE_COL)
            value = fields_data.get(fld.key, fld.default)
            if value is not None:
                cell.value = _cell_value(value)
            cell.font = body_font
            cell.fill = PatternFill("solid", fgColor=REQUIRED_FILL if fld.required else OPTIONAL_FILL)
            cell.number_format = NUMBER_FORMATS.get(fld.kind, "General")
            if fld.kind is Kind.LONGTEXT:
                cell.alignment = wrap
            ws.cell(row, layout.HINT_COL, fld.hint).font = hint_font
            book.defined_names[fld.name] = DefinedName(
                fld.name, attr_text=f"{quote_sheet(sheet.title)}!${col_letter(layout.VALUE_COL)}${row}")
            message = prompt(fld.kind, fld.hint, choices=fld.choices, strict=fld.strict_choices, required=fld.required)
            dv = validation(fld.name, message, formula=_dv_list(fld.choices) if fld.choices else None,
                            strict=fld.strict_choices, choices=fld.choices)
            dv.add(cell.coordinate)
            ws.add_data_validation(dv)

        for table in sheet.tables:
            place = layout.table_places(sheet)[table.key]
            ws.cell(place.caption_row, place.first_col, table.title).font = label_font
            rows_data = list(tables_data.get(table.key, []))
            n_rows = table.n_rows if table.fixed_rows else max(table.n_rows, len(rows_data))
            for i, column in enumerate(table.columns):
                col = place.first_col + i
                is_label = bool(table.fixed_rows) and i == 0  # the fixed row names: ours, not typed
                marked = column.required and not is_label
                ws.cell(place.header_row, col, column.header + (texts.UI["required_mark"] if marked else "")
                        ).font = label_font
                widths[col] = max(widths.get(col, 0), column.width)
                first, last = place.header_row + 1, place.header_row + n_rows
                for r in range(first, last + 1):
                    c = ws.cell(r, col)
                    c.font = body_font
                    c.number_format = NUMBER_FORMATS.get(column.kind, "General")
                    if marked:
                        c.fill = PatternFill("solid", fgColor=REQUIRED_FILL)
                    if column.kind is Kind.LONGTEXT:
                        c.alignment = wrap
                if is_label:
                    continue
                rng = f"{col_letter(col)}{first}:{col_letter(col)}{last}"
                message = prompt(column.kind, "", choices=column.choices, strict=column.strict_choices,
                                 required=column.required, column=True)
                formula = lists_ref if column.kind is Kind.ECON_CODE else (
                    _dv_list(column.choices) if column.choices else None)
                dv = validation(column.header, message, formula=formula, strict=column.strict_choices,
                                choices=column.choices, econ=column.kind is Kind.ECON_CODE)
                dv.add(rng)
                ws.add_data_validation(dv)
            for r, (_, label_text) in enumerate(table.fixed_rows, start=place.header_row + 1):
                ws.cell(r, place.first_col, label_text)
            by_label = {label: key for key, label in table.fixed_rows}
            for i, record in enumerate(rows_data):
                if table.fixed_rows:
                    row_key = record.get("_row") or by_label.get(record.get(table.columns[0].key, ""), "")
                    keys = [k for k, _ in table.fixed_rows]
                    r = place.header_row + 1 + keys.index(row_key)
                else:
                    r = place.header_row + 1 + i
                for j, column in enumerate(table.columns):
                    if column.key in record:
                        ws.cell(r, place.first_col + j, _cell_value(record[column.key]))
            last_col = place.first_col + len(table.columns) - 1
            ref = f"{col_letter(place.first_col)}{place.header_row}:{col_letter(last_col)}{place.header_row + n_rows}"
            excel_table = Table(displayName=table.name, ref=ref)
            excel_table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
            ws.add_table(excel_table)
        for col, width in widths.items():
            ws.column_dimensions[col_letter(col)].width = width
        ws.freeze_panes = _freeze_at(sheet)
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True

    guide_sheet(book)
    progress_sheet(book, 1)
    book.calculation.fullCalcOnLoad = True  # Excel and WPS compute 填报进度 when the book opens
    lists = book.create_sheet(layout.LISTS_SHEET)
    lists["A1"] = "经济分类科目"
    for i, econ in enumerate(CODES.values(), start=2):
        lists.cell(i, 1, econ.label)
    lists.sheet_state = "hidden"

    meta = book.create_sheet(layout.META_SHEET)
    meta["A1"], meta["B1"] = layout.NAME_TEMPLATE_ID, layout.TEMPLATE_ID
    meta["A2"], meta["B2"] = layout.NAME_TEMPLATE_VERSION, layout.TEMPLATE_VERSION
    meta.sheet_state = "hidden"
    book.defined_names[layout.NAME_TEMPLATE_ID] = DefinedName(
        layout.NAME_TEMPLATE_ID, attr_text=f"{quote_sheet(layout.META_SHEET)}!$B$1")
    book.defined_names[layout.NAME_TEMPLATE_VERSION] = DefinedName(
        layout.NAME_TEMPLATE_VERSION, attr_text=f"{quote_sheet(layout.META_SHEET)}!$B$2")
    book.active = 0
    return book


def _freeze_at(sheet: layout.Sheet) -> str:
    """Below the header of a sheet's only list (it stays in sight as the list scrolls), else below the title
    and instruction."""
    if len(sheet.tables) == 1 and len(sheet.fields) <= 2:  # a few settings above the list may stay in sight
        place = layout.table_places(sheet)[sheet.tables[0].key]
        return f"A{place.header_row + 1}"
    return "A3"


def _cell_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    return value


def template_bytes(data: TemplateData | None = None) -> bytes:
    """The template (or a filled copy) as reproducible .xlsx bytes."""
    return normalize_package(workbook_bytes(build_template(data)))
