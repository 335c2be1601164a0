"""The template a person fills without a manual: marks, fills, input prompts and error alerts on every
input, legible hints, frozen headers, one page wide in print, and the 填报说明 sheet it opens on."""

from __future__ import annotations

from typing import Any

import openpyxl
import pytest
from openpyxl.utils.cell import coordinate_from_string, range_boundaries

from selfeval_xl.workbook import layout
from selfeval_xl.workbook.template import REQUIRED_FILL, template_bytes


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("tpl") / "t.xlsx"
    path.write_bytes(template_bytes())
    return openpyxl.load_workbook(path)


def _validations(ws: Any, row: int, col: int) -> list[Any]:
    found = []
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            c1, r1, c2, r2 = range_boundaries(rng.coord)
            if c1 <= col <= c2 and r1 <= row <= r2:
                found.append(dv)
    return found


def _fill(cell: Any) -> str:
    return str(cell.fill.fgColor.rgb)[-6:] if cell.fill and cell.fill.fill_type == "solid" else ""


def test_the_guide_opens_the_book(book: Any) -> None:
    assert book.sheetnames[0] == "填报说明" and book.active.title == "填报说明"
    text = "\n".join(str(c.value) for row in book["填报说明"].iter_rows() for c in row if c.value)
    for sheet in layout.SHEETS:
        assert sheet.title in text, sheet.title
    assert "公开05表" in text and "selfeval new-year" in text and "填报进度" in text


def test_every_field_is_marked_and_prompted(book: Any) -> None:
    for sheet, fld in layout.all_fields():
        ws = book[sheet.title]
        row = layout.field_rows(sheet)[fld.key]
        label = ws.cell(row, layout.LABEL_COL).value
        assert label.endswith("＊") == fld.required, fld.name
        cell = ws.cell(row, layout.VALUE_COL)
        assert (_fill(cell) == REQUIRED_FILL) == fld.required, fld.name
        (dv,) = _validations(ws, row, layout.VALUE_COL)
        assert dv.showInputMessage and dv.prompt and dv.promptTitle == fld.name[:32], fld.name
        assert len(dv.prompt) <= 255 and ("必填" in dv.prompt) == fld.required
        if fld.choices:
            assert dv.type == "list" and dv.showErrorMessage and dv.error, fld.name
        assert ws.cell(row, layout.HINT_COL).font.size >= 10


def test_every_column_is_marked_and_prompted(book: Any) -> None:
    for sheet, table in layout.all_tables():
        ws = book[sheet.title]
        place = layout.table_places(sheet)[table.key]
        for i, column in enumerate(table.columns):
            col = place.first_col + i
            header = ws.cell(place.header_row, col).value
            assert layout.header_key(header) == column.header
            if table.fixed_rows and i == 0:
                continue  # the fixed row names are ours
            assert header.endswith("＊") == column.required, (table.name, column.header)
            first = ws.cell(place.header_row + 1, col)
            assert (_fill(first) == REQUIRED_FILL) == column.required, (table.name, column.header)
            (dv,) = _validations(ws, place.header_row + 1, col)
            assert dv.showInputMessage and dv.prompt, (table.name, column.header)
            if column.choices or column.kind is layout.Kind.ECON_CODE:
                assert dv.type == "list" and dv.showErrorMessage and dv.error, (table.name, column.header)
                assert dv.errorStyle == ("stop" if column.strict_choices else "warning")


def test_headers_stay_in_sight_and_sheets_print_one_page_wide(book: Any) -> None:
    for sheet in layout.SHEETS:
        ws = book[sheet.title]
        assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        frozen_row = coordinate_from_string(ws.freeze_panes)[1]
        if len(sheet.tables) == 1 and len(sheet.fields) <= 2:
            header = layout.table_places(sheet)[sheet.tables[0].key].header_row
            assert frozen_row == header + 1, sheet.title  # the list's header is inside the frozen pane
        else:
            assert frozen_row == 3, sheet.title


def test_the_marks_do_not_change_what_is_read(tmp_path: Any, example_data: dict[str, Any]) -> None:
    """Headers carry ＊; a workbook whose headers lack it (made before) or have a typed * reads the same."""
    from selfeval_xl import evaluate, read_workbook

    path = tmp_path / "a.xlsx"
    path.write_bytes(template_bytes(example_data))
    before = evaluate(read_workbook(path)).results
    wb = openpyxl.load_workbook(path)
    for sheet, table in layout.all_tables():
        place = layout.table_places(sheet)[table.key]
        for i in range(len(table.columns)):
            cell = wb[sheet.title].cell(place.header_row, place.first_col + i)
            cell.value = layout.header_key(cell.value) + (" *" if i % 2 else "")
    wb.save(path)
    after = evaluate(read_workbook(path))
    assert not after.errors and after.results == before


def test_no_input_sheet_is_far_wider_than_a_landscape_page(book: Any) -> None:
    """Columns sized for their content and no empty column in the print area: every input sheet within 250
    character units (A4 landscape holds about 150 at 100%, so each prints at 60% or more, one page wide)."""
    from openpyxl.utils import get_column_letter

    for sheet in layout.SHEETS:
        ws = book[sheet.title]
        total = sum(ws.column_dimensions[get_column_letter(c)].width or 8.43 for c in range(1, ws.max_column + 1))
        assert total <= 250, (sheet.title, total)


def test_a_workbook_of_the_layout_before_the_split_reads_the_same() -> None:
    """资金情况 and 总体目标 lived in 绩效指标 before they got their own sheet: such a workbook (the example as
    it was committed then) reads and reports the same, and nothing below a list is taken as outside it."""
    from pathlib import Path

    from selfeval_xl import evaluate, read_workbook, render_text
    from tests.conftest import EXAMPLE

    old = evaluate(read_workbook(Path(__file__).parent / "data" / "example_before_funds_goals_split.xlsx"))
    new = evaluate(read_workbook(EXAMPLE))
    assert [i.code for i in old.issues] == [i.code for i in new.issues]
    assert render_text(old.narrative()) == render_text(new.narrative())
    assert old.scoring is not None and new.scoring is not None and old.scoring.total == new.scoring.total


def test_each_scrolling_list_has_its_header_frozen(book: Any) -> None:
    """Lists longer than a screen (经济分类明细, 项目支出, 绩效指标, 项目指标) are alone on their sheet, with the
    header inside the frozen pane."""
    for key, table in (("econ", "items"), ("projects", "projects"), ("indicators", "indicators"),
                       ("project_indicators", "project_indicators")):
        sheet = layout.SHEET_BY_KEY[key]
        assert [t.key for t in sheet.tables] == [table]
        header = layout.table_places(sheet)[table].header_row
        assert coordinate_from_string(book[sheet.title].freeze_panes)[1] == header + 1, sheet.title


SCREEN_ROWS = 16  # rows of a list that stay on one screen together with its header (1366×768, 100%)


def test_lists_sharing_a_sheet_are_short_excel_tables(book: Any) -> None:
    """On a sheet with several lists only the title rows can be frozen, so every list there is short
    enough to be seen whole with its header, and every list is an Excel table (ListObject) with a
    header row: while the cursor is inside it, Excel shows its headers in place of the column letters."""
    for sheet in layout.SHEETS:
        ws = book[sheet.title]
        places = layout.table_places(sheet)
        objects = {t.displayName: t for t in ws.tables.values()}
        for table in sheet.tables:
            obj = objects[table.name]
            assert obj.headerRowCount in (None, 1), table.name
            first_row = int("".join(c for c in obj.ref.split(":")[0] if c.isdigit()))
            assert first_row == places[table.key].header_row, table.name
            if len(sheet.tables) > 1:
                assert table.n_rows + 1 <= SCREEN_ROWS, (sheet.title, table.title)
