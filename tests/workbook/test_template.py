"""The committed template and example are current, reproducible, and carry the contract."""

from __future__ import annotations

import openpyxl

from examples.build_examples import all_examples
from selfeval_xl.workbook import layout
from selfeval_xl.workbook.template import template_bytes
from tests.conftest import ROOT


def test_committed_template_is_current() -> None:
    assert (ROOT / "workbook_template.xlsx").read_bytes() == template_bytes(), (
        "workbook_template.xlsx is stale: run `selfeval template -o workbook_template.xlsx --force`")


def test_committed_examples_are_current() -> None:
    for name, data in all_examples().items():
        assert (ROOT / "examples" / name).read_bytes() == template_bytes(data), (
            f"examples/{name} is stale: run `python examples/build_examples.py`")


def test_template_is_byte_reproducible() -> None:
    assert template_bytes() == template_bytes()


def test_template_contract() -> None:
    book = openpyxl.load_workbook(ROOT / "workbook_template.xlsx")
    assert book.sheetnames[: len(layout.SHEETS) + 2] == ["填报说明", "填报进度", *(s.title for s in layout.SHEETS)]
    assert book[layout.META_SHEET].sheet_state == "hidden"
    for sheet, fld in layout.all_fields():
        dests = list(book.defined_names[fld.name].destinations)
        assert dests[0][0] == sheet.title, fld.name
    tables = {name for ws in book.worksheets for name in ws.tables}
    assert tables == {t.name for _, t in layout.all_tables()}
    # dropdowns: every choice field and column has a list validation
    validated = {str(dv.sqref) for ws in book.worksheets for dv in ws.data_validations.dataValidation}
    assert any("C7" in ref for ref in validated)  # 级次
    econ = book["经济分类明细"].data_validations.dataValidation
    assert any(dv.formula1.startswith("'代码表'!") for dv in econ)
    assert book["基本信息"]["B2"].value == layout.INFO.instruction


def test_readme_documents_every_field_and_column() -> None:
    from selfeval_xl.workbook.contract import END, START, markdown

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    region = readme.split(START)[1].split(END)[0].strip()
    assert region == markdown(), "README contract table is stale: run `python -m selfeval_xl.workbook.contract README.md`"
    for sheet, fld in layout.all_fields():
        assert f"| {sheet.title} | {fld.name} |" in region, fld.name
    for sheet, table in layout.all_tables():
        for column in table.columns:
            assert f"| {sheet.title} | {table.name}[{column.header}] |" in region, (table.name, column.header)
