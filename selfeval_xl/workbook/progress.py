"""The 填报进度 sheet: live progress in the workbook itself, with plain formulas Excel, WPS and LibreOffice
all calculate (COUNTA, SUMPRODUCT, LEN, LEFT, ROUND, IF — no dynamic arrays, no LET/LAMBDA), so a
department on a PC without Python still sees what is missing or does not add up, and jumps to it.

Rows, per input sheet in order: required fields not filled; required lists without a row; for every list,
each required column left empty in a row that is otherwise used; and the sums the rules check first —
基本支出 = 人员经费 + 公用经费, 合计 = 基本支出 + 项目支出 (each column), 人员/公用经费 against the 经济分类明细
(301/303 vs the rest), 项目支出 against Σ 项目支出明细. The Python side never reads this sheet.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from selfeval_xl.core import texts
from selfeval_xl.core.cells import col_letter, quote_sheet
from selfeval_xl.workbook import layout

TITLE = "填报进度"
GROW = 200  # rows below the last list of a sheet counted too: rows a user adds by typing under it
OPTIONAL_FIXED = frozenset({"income"})  # fixed-row tables that may stay empty (收入情况)
DONE, TODO, UNEQUAL = "✓ 已完成", "待填写", "不相等"


@dataclass(frozen=True, slots=True)
class Check:
    sheet: str
    what: str
    formula: str  # a number: 0 when done (missing count, or a difference)
    target: str  # the place to go: 'sheet'!A1
    difference: bool = False  # the number is a difference of sums (else a count of missing cells)


def _ref(sheet: str, row: int, col: int, absolute: bool = True) -> str:
    d = "$" if absolute else ""
    return f"{quote_sheet(sheet)}!{d}{col_letter(col)}{d}{row}"


def _range(sheet: str, col: int, first: int, last: int) -> str:
    return f"{quote_sheet(sheet)}!${col_letter(col)}${first}:${col_letter(col)}${last}"


def _rows(sheet: layout.Sheet, table: layout.Table) -> tuple[int, int]:
    place = layout.table_places(sheet)[table.key]
    last = place.last_row() + (GROW if table is sheet.tables[-1] and not table.fixed_rows else 0)
    return place.header_row + 1, last


def _cell(sheet: layout.Sheet, table_key: str, row_key: str, column: str) -> str:
    table = next(t for t in sheet.tables if t.key == table_key)
    place = layout.table_places(sheet)[table_key]
    row = place.header_row + 1 + [k for k, _ in table.fixed_rows].index(row_key)
    col = place.first_col + [c.key for c in table.columns].index(column)
    return _ref(sheet.title, row, col)


def checks() -> Iterator[Check]:
    for sheet in layout.SHEETS:
        if sheet.optional:
            continue  # filled only by departments that evaluate projects on their own
        required = [f for f in sheet.fields if f.required]
        rows = layout.field_rows(sheet)
        if required:
            cells = [_ref(sheet.title, rows[f.key], layout.VALUE_COL) for f in required]
            counted = "+".join(f"COUNTA({c})" for c in cells)
            yield Check(sheet.title, texts.render(texts.UI, "progress.fields", count=len(required)),
                        f"{len(required)}-({counted})", cells[0])
        for table in sheet.tables:
            yield from _table_checks(sheet, table)
    yield from _sum_checks()


def _table_checks(sheet: layout.Sheet, table: layout.Table) -> Iterator[Check]:
    place = layout.table_places(sheet)[table.key]
    first, last = _rows(sheet, table)
    target = _ref(sheet.title, place.header_row, place.first_col)
    columns = [(place.first_col + i, c) for i, c in enumerate(table.columns)]
    if table.fixed_rows:
        columns = columns[1:]  # the row names are ours
    if table.required:
        key_col = next(col for col, c in columns if c.required)
        yield Check(sheet.title, texts.render(texts.UI, "progress.list", table=table.title),
                    f"IF(COUNTA({_range(sheet.title, key_col, first, last)})>0,0,1)", target)
    used = "+".join(f"LEN({_range(sheet.title, col, first, last)})" for col, _ in columns)
    every_row = bool(table.fixed_rows) and table.key not in OPTIONAL_FIXED  # each fixed row needs its value
    for col, column in columns:
        if not column.required:
            continue
        empty = f"(LEN({_range(sheet.title, col, first, last)})=0)"
        if every_row:
            yield Check(sheet.title, texts.render(texts.UI, "progress.fixed_column", table=table.title,
                                                  column=column.header), f"SUMPRODUCT(--{empty})",
                        _ref(sheet.title, first, col))
        else:
            yield Check(sheet.title, texts.render(texts.UI, "progress.column", table=table.title,
                                                  column=column.header),
                        f"SUMPRODUCT((({used})>0)*{empty})", _ref(sheet.title, first, col))


def _sum_checks() -> Iterator[Check]:
    budget, econ, projects = layout.BUDGET, layout.ECON, layout.PROJECTS

    def line(row: str, column: str = "executed") -> str:
        return _cell(budget, "general", row, column)

    for column, label in (("adjusted", "全年预算数"), ("executed", "全年执行数")):
        yield Check(budget.title, texts.render(texts.UI, "progress.basic_sum", column=label),
                    f"ROUND({line('basic', column)}-{line('personnel', column)}-{line('public', column)},2)",
                    line("basic", column), difference=True)
        yield Check(budget.title, texts.render(texts.UI, "progress.total_sum", column=label),
                    f"ROUND({line('total', column)}-{line('basic', column)}-{line('project', column)},2)",
                    line("total", column), difference=True)
    items = econ.tables[0]
    place = layout.table_places(econ)[items.key]
    first, last = _rows(econ, items)
    cols = {c.key: place.first_col + i for i, c in enumerate(items.columns)}
    code, spending, amount = (_range(econ.title, cols[k], first, last) for k in ("code", "spending", "amount"))
    personnel = f"((LEFT({code},3)=\"301\")+(LEFT({code},3)=\"303\"))"
    basic = f"({spending}=\"{layout.SPENDING_TYPES[0]}\")"
    for row, share in (("personnel", personnel), ("public", f"(1-{personnel})")):
        yield Check(econ.title, texts.render(texts.UI, f"progress.{row}_detail"),
                    f"ROUND({line(row)}-SUMPRODUCT({basic}*{share}*{amount}),2)",
                    _ref(econ.title, place.header_row, place.first_col), difference=True)
    table = projects.tables[0]
    place = layout.table_places(projects)[table.key]
    first, last = _rows(projects, table)
    executed = place.first_col + [c.key for c in table.columns].index("executed")
    yield Check(projects.title, texts.UI["progress.projects_sum"],
                f"ROUND({line('project')}-SUM({_range(projects.title, executed, first, last)}),2)",
                _ref(projects.title, place.header_row, place.first_col), difference=True)


def progress_sheet(book: Any, index: int) -> Any:
    """Add the 填报进度 sheet at ``index``: a summary line, then one row per check with its live result."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.hyperlink import Hyperlink

    ui = texts.UI
    ws = book.create_sheet(TITLE, index)
    ws.sheet_properties.tabColor = "70AD47"
    for letter, width in zip("ABCDEF", (2, 14, 56, 12, 12, 10), strict=True):
        ws.column_dimensions[letter].width = width
    ws["B1"] = TITLE
    ws["B1"].font = Font(name="黑体", size=16, bold=True)
    ws["B2"] = ui["progress.note"]
    ws["B2"].font = Font(name="宋体", size=10, color="595959")
    header_row = 4
    for col, key in enumerate(("sheet", "what", "result", "status", "goto"), start=2):
        cell = ws.cell(header_row, col, ui[f"progress.col_{key}"])
        cell.font = Font(name="黑体", size=11, bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(horizontal="center")
    row = header_row
    for check in checks():
        row += 1
        ws.cell(row, 2, check.sheet)
        ws.cell(row, 3, check.what).alignment = Alignment(wrap_text=True, vertical="top")
        result = ws.cell(row, 4, f"={check.formula}")
        result.number_format = "0.00" if check.difference else "0"
        ok = f"ABS(D{row})<0.005" if check.difference else f"D{row}=0"
        ws.cell(row, 5, f'=IF({ok},"{DONE}","{UNEQUAL if check.difference else TODO}")')
        goto = ws.cell(row, 6, ui["progress.goto"])
        goto.hyperlink = Hyperlink(ref=goto.coordinate, location=check.target.replace("$", ""))
        goto.font = Font(name="宋体", size=11, color="0563C1", underline="single")
        for column in range(2, 6):
            ws.cell(row, column).font = Font(name="宋体", size=11, bold=column == 5)
        for column in (4, 5):
            ws.cell(row, column).alignment = Alignment(horizontal="center")
    ws["B3"] = f'=IF(COUNTIF(E{header_row + 1}:E{row},"{DONE}")={row - header_row},"{ui["progress.all_done"]}",' \
               f'"{ui["progress.remaining_lead"]}"&({row - header_row}-COUNTIF(E{header_row + 1}:E{row},"{DONE}"))&' \
               f'"{ui["progress.remaining_tail"]}")'
    ws["B3"].font = Font(name="黑体", size=12, bold=True, color="C00000")
    ws.freeze_panes = f"A{header_row + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return ws
