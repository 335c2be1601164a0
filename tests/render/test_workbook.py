"""The values-only workbook: only the chosen output sheets, no formulas, macros, links, hidden sheets or names."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from selfeval_xl.pipeline import Evaluation
from selfeval_xl.render.values_xlsx import values_workbook_bytes
from selfeval_xl.report.sheets import Cell, SheetContent
from tests.conftest import EXAMPLE


def _parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode("utf-8", "replace") for n in z.namelist()}


def assert_values_only(path: Path) -> None:
    parts = _parts(path)
    names = list(parts)
    assert not [n for n in names if "vba" in n.lower() or n.endswith((".bin", ".vml"))], names
    assert not [n for n in names if "externalLink" in n or "connections" in n or "customUI" in n], names
    assert "macroEnabled" not in parts["[Content_Types].xml"]
    workbook = parts["xl/workbook.xml"]
    assert not re.search(r"<definedName[ >]", workbook)  # an empty <definedNames/> is harmless
    assert 'state="hidden"' not in workbook and 'state="veryHidden"' not in workbook
    for name, xml in parts.items():
        if name.startswith("xl/worksheets/"):
            assert "<f>" not in xml and "<f " not in xml, name
    book = openpyxl.load_workbook(path)
    assert all(ws.sheet_state == "visible" for ws in book.worksheets)
    assert not book.defined_names
    for ws in book.worksheets:
        assert not [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]


def test_example_export_has_the_report_and_scoring_sheets_only(example_export: dict[str, Path],
                                                                 example_evaluation: Evaluation) -> None:
    path = example_export["xlsx"]
    assert path.name == "大祥区融媒体中心2020年部门整体支出绩效自评表.xlsx"
    assert_values_only(path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["自评报告", "自评表"]
    assert book.active.title == "自评报告"
    report = book["自评报告"]
    shown = [str(c.value).lstrip("\u3000") for c in report["B"] if c.value]
    assert shown == [text for _, text in example_evaluation.narrative().lines()]
    # formats and print setup are those of the output sheets
    assert report["B1"].font.name == "方正小标宋简体" and report["B1"].alignment.horizontal == "center"
    assert report.page_setup.orientation == "portrait" and str(report.page_setup.paperSize) == report.PAPERSIZE_A4
    scoring = book["自评表"]
    assert scoring.page_setup.orientation == "landscape"
    assert scoring.sheet_properties.pageSetUpPr.fitToPage
    assert "A1:H1" in {str(r) for r in scoring.merged_cells.ranges}
    assert scoring["A1"].value == "大祥区融媒体中心2020年度部门整体支出绩效自评表"
    assert scoring.column_dimensions["C"].width == 26


def test_input_workbook_has_what_the_export_must_drop() -> None:
    """The guard above is meaningful: the input carries defined names, a hidden sheet and formulas-to-be."""
    parts = _parts(EXAMPLE)
    assert re.search(r"<definedName[ >]", parts["xl/workbook.xml"]) and 'state="hidden"' in parts["xl/workbook.xml"]


@pytest.mark.parametrize("text", ["=SUM(A1:A3)", "+86 123", "-5", "@INDIRECT(\"A1\")", "=HYPERLINK(\"http://x\")"])
def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path, text: str) -> None:
    content = SheetContent("自评表", (Cell(1, 1, text, "td"), Cell(1, 2, 3.5, "td_number")), ((1, 20.0), (2, 8.0)))
    path = tmp_path / "t.xlsx"
    path.write_bytes(values_workbook_bytes([content]))
    assert_values_only(path)
    ws = openpyxl.load_workbook(path)["自评表"]
    assert ws["A1"].value == text and ws["A1"].data_type == "s"
    assert ws["A1"].quotePrefix  # stays text when a reviewer edits the cell in Excel
    assert ws["B1"].value == 3.5 and not ws["B1"].quotePrefix
    sheet_xml = _parts(path)["xl/worksheets/sheet1.xml"]
    assert not re.search(r"<f[ >]", sheet_xml)


def test_values_workbook_is_reproducible() -> None:
    content = SheetContent("自评报告", (Cell(1, 2, "标题", "title"),), ((2, 80.0),))
    assert values_workbook_bytes([content], title="t") == values_workbook_bytes([content], title="t")
