"""The workbook reader never reads a figure wrong in silence: formulas without values, data past the read
limit, merged cells, Excel's escapes, broken names, damaged or unsafe packages — each named at its
cell or file with the right exit code. Every file is generated here from the founding example."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName

from selfeval_xl import evaluate, read_workbook
from selfeval_xl.cli.main import main
from selfeval_xl.core.cells import col_letter
from selfeval_xl.core.model import Uncalculated
from selfeval_xl.workbook import layout
from tests.conftest import EXAMPLE, sha256
from tests.workbook.test_bad_files import run_cli
from tests.workbook.xlsx_edit import PART, damaged_deflate, edited, members, patched, set_cell_xml, write_zip


def check_json(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, dict[str, Any]]:
    code = main(["check", str(path), "--json"])
    return code, json.loads(capsys.readouterr().out)


def at(doc: dict[str, Any], code: str) -> list[str]:
    return [f"{i['sheet']}!{i['cell']}" for i in doc["issues"] if i["code"] == code]


# ---- formulas saved without their values ----------------------------------------------------------

def test_formulas_without_values_are_named_at_their_cells(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(book: Any) -> None:  # what openpyxl (any script) writes: the formula, no cached value
        book["预算支出"]["E19"] = "=E20+E23"
        book["基本信息"]["C4"] = '="大祥区"&"融媒体中心"'
        book["经济分类明细"]["E6"] = "=1+1"
        book["绩效指标"]["H22"] = "=1551"

    path = edited(tmp_path / "formulas.xlsx", edit)
    code, doc = check_json(capsys, path)
    assert code == 1
    assert sorted(at(doc, "formula_no_value")) == ["基本信息!C4", "经济分类明细!E6", "绩效指标!H22", "预算支出!E19"]
    # never read as empty: no "required" (为必填项) at those cells, no zero used
    assert "基本信息!C4" not in at(doc, "required")
    message = next(i["message"] for i in doc["issues"] if i["cell"] == "E19" and i["sheet"] == "预算支出")
    assert "=E20+E23" in message and "重新计算" in message and "保存" in message
    raw = read_workbook(path)
    assert raw.sheet("预算支出").value(19, 5) == Uncalculated("E20+E23")  # type: ignore[union-attr]


def test_a_formula_with_its_value_is_read_as_the_value(tmp_path: Path) -> None:
    """Excel saves both: the value is what counts."""
    path = patched(tmp_path / "cached.xlsx", PART["预算支出"],
                   lambda xml: set_cell_xml(xml, "E19", '<c r="E19"><f>E20+E23</f><v>176.18</v></c>'))
    ev = evaluate(read_workbook(path))
    assert not ev.errors
    assert ev.model.budget["total"].executed == Decimal("176.18")


def test_an_empty_text_result_of_a_formula_is_empty_not_uncalculated(tmp_path: Path) -> None:
    path = patched(tmp_path / "empty_text.xlsx", PART["预算支出"],
                   lambda xml: set_cell_xml(xml, "H19", '<c r="H19" t="str"><f>""</f><v></v></c>'))
    assert read_workbook(path).sheet("预算支出").value(19, 8) is None  # type: ignore[union-attr]


# ---- the read limit ---------------------------------------------------------------------------------

def test_data_past_the_row_and_column_limits_is_named_at_the_sheet(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    def edit(book: Any) -> None:
        book["经济分类明细"]["B6001"] = "30101 基本工资"
        book["经济分类明细"]["E7002"] = 12.5
        book["项目支出"].cell(7, 61).value = 80  # column BI, past the 60 read

    path = edited(tmp_path / "long.xlsx", edit)
    code, doc = check_json(capsys, path)
    assert code == 1
    assert at(doc, "rows_past_limit") == ["经济分类明细!B6001"]  # the first cell past the limit, once
    assert at(doc, "cols_past_limit") == ["项目支出!BI7"]
    message = next(i["message"] for i in doc["issues"] if i["code"] == "rows_past_limit")
    assert "5000" in message and "未被读取" in message and "经济分类明细" in message


def test_styled_but_empty_rows_past_the_limit_are_not_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(book: Any) -> None:
        book["经济分类明细"]["B9000"].number_format = "0.00"

    code, doc = check_json(capsys, edited(tmp_path / "styled.xlsx", edit))
    assert code == 0 and not at(doc, "rows_past_limit")


# ---- merged cells -----------------------------------------------------------------------------------

FIRST_INDICATOR = layout.table_places(layout.INDICATORS)["indicators"].header_row + 1


def _merged(tmp_path: Path) -> Path:
    def edit(book: Any) -> None:
        ws = book["绩效指标"]
        ws.merge_cells(f"B{FIRST_INDICATOR}:B{FIRST_INDICATOR + 7}")  # 一级指标 merged as people do: all show 产出指标
        ws = book["预算支出"]
        ws.merge_cells("D19:E19")  # 全年执行数 of 合计 now shows 180, the anchor's value: an error at E19

    return edited(tmp_path / "merged.xlsx", edit)


def test_merged_cells_read_the_anchor_value(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _merged(tmp_path)
    raw = read_workbook(path)
    sheet = raw.sheet("绩效指标")
    rows = range(FIRST_INDICATOR, FIRST_INDICATOR + 8)
    assert sheet is not None and [sheet.value(r, 2) for r in rows] == ["产出指标"] * 8
    code, doc = check_json(capsys, path)
    assert code == 1
    assert not [i for i in doc["issues"] if i["sheet"] == "绩效指标" and i["severity"] == "error"]
    assert "预算支出!E19" in at(doc, "sum_mismatch")


@pytest.mark.parametrize("command", [["check"], ["report", "--force"]])
def test_issues_at_merged_cells_are_annotated_at_the_anchor(command: list[str], tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = _merged(tmp_path)
    before = sha256(path)
    out = tmp_path / "out.xlsx"
    assert main([*command, str(path), "-o", str(out)]) == 1
    capsys.readouterr()
    ws = openpyxl.load_workbook(out)["预算支出"]
    assert ws["D19"].comment is not None and "相差" in ws["D19"].comment.text
    assert sha256(path) == before


# ---- messages ---------------------------------------------------------------------------------------

def test_a_number_with_its_unit_gets_the_unit_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = edited(tmp_path / "unit.xlsx", lambda book: book["预算支出"].__setitem__("E19", "176.18万元"))
    code, doc = check_json(capsys, path)
    assert code == 1 and at(doc, "number_with_unit") == ["预算支出!E19"] and not at(doc, "chinese_numeral")
    assert "不要带单位" in next(i["message"] for i in doc["issues"] if i["code"] == "number_with_unit")


def test_the_template_version_message_names_the_file(tmp_path: Path) -> None:
    path = edited(tmp_path / "去年的表.xlsx", lambda book: book["模板信息"].__setitem__("B2", "2025.1"))
    proc, _, _ = run_cli("check", str(path))
    assert proc.returncode == 3 and "去年的表.xlsx" in proc.stderr and "2025.1" in proc.stderr


def test_a_name_pointing_at_a_missing_sheet_is_reported_at_the_template_cell(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(book: Any) -> None:
        del book.defined_names["单位名称"]
        book.defined_names["单位名称"] = DefinedName("单位名称", attr_text="'不存在'!$C$4")

    code, doc = check_json(capsys, edited(tmp_path / "name.xlsx", edit))
    assert code == 1
    assert at(doc, "name_broken") == ["基本信息!C4"]
    assert not [i for i in doc["issues"] if i["sheet"] == "不存在"]
    assert "不存在" in next(i["message"] for i in doc["issues"] if i["code"] == "name_broken")


def test_excel_escapes_are_undone_and_control_characters_cleaned(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Text pasted from Word keeps its line break as a vertical tab, which Excel saves as _x000B_."""
    def edit(book: Any) -> None:
        ws = book["绩效情况"]
        ws["B9"] = ws["B9"].value + "_x000B_第二行_x0007_。字面的_x005F_x000B_保留"

    path = edited(tmp_path / "escapes.xlsx", edit)
    assert main(["report", str(path), "--text"]) == 0
    text = capsys.readouterr().out
    assert "\n第二行。字面的_x000B_保留" in text
    assert "\x0b" not in text and "\x07" not in text and "_x0007_" not in text


# ---- damaged and unsafe packages ----------------------------------------------------------------------

@pytest.mark.parametrize("member", ["xl/worksheets/sheet7.xml", "xl/styles.xml"])
def test_a_damaged_deflate_stream_exits_3(member: str, tmp_path: Path) -> None:
    path = damaged_deflate(tmp_path / "damaged.xlsx", member)
    for command in (["check", str(path)], ["report", str(path)]):
        proc, _, _ = run_cli(*command)
        assert proc.returncode == 3, (command, proc.stderr)
        assert "不完整或已损坏" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_dtd_after_padding_is_unsafe(encoding: str, tmp_path: Path) -> None:
    parts = members()
    xml = parts["xl/workbook.xml"].decode("utf-8")
    padded = ('<?xml version="1.0"?>' + " " * 8192 + "<!-- " + "x" * 9000 + " -->\n"
              + '<!DOCTYPE x [<!ENTITY e "1">]>' + xml)
    parts["xl/workbook.xml"] = padded.encode(encoding)
    path = write_zip(tmp_path / "padded.xlsx", parts)
    proc, _, _ = run_cli("check", str(path))
    assert proc.returncode == 3 and "拒绝处理" in proc.stderr, proc.stderr


def test_extra_sheets_are_never_parsed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A sheet outside the template is not read at all: even broken XML in one does not matter to check."""
    parts = members()
    parts["xl/worksheets/sheet99.xml"] = b"<worksheet><sheetData><row><c>not closed"
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        b"</sheets>", b'<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
                      b'name="\xe7\xb2\x98\xe8\xb4\xb4" sheetId="11" r:id="rId99"/></sheets>')
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                             b'relationships/worksheet" Target="/xl/worksheets/sheet99.xml" Id="rId99"/>'
                             b"</Relationships>")
    path = write_zip(tmp_path / "extra.xlsx", parts)
    code, doc = check_json(capsys, path)
    assert code == 0 and doc["errors"] == 0


def test_library_warnings_never_reach_stderr(tmp_path: Path) -> None:
    """openpyxl warns in English about parts it drops (here: an x14 data-validation extension)."""
    ext = ('<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
           'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
           '<x14:dataValidations count="0"/></ext></extLst></worksheet>')
    path = patched(tmp_path / "ext.xlsx", PART["预算支出"], lambda xml: xml.replace("</worksheet>", ext))
    out = tmp_path / "out.xlsx"
    proc, _, _ = run_cli("report", str(path), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "Warning" not in proc.stderr and "warn" not in proc.stderr.lower(), proc.stderr
    assert out.exists()


def test_the_example_reads_as_before() -> None:
    """The stream reader gives what openpyxl's data_only load gives, on every cell of the contract."""
    from selfeval_xl.workbook import layout

    raw = read_workbook(EXAMPLE)
    book = openpyxl.load_workbook(EXAMPLE, data_only=True)
    for title in [*layout.SHEET_ORDER, layout.META_SHEET]:
        sheet = raw.sheet(title)
        assert sheet is not None
        ws = book[title]
        anchors = {(r, c): ws.cell(m.min_row, m.min_col).value
                   for m in ws.merged_cells.ranges for r in range(m.min_row, m.max_row + 1)
                   for c in range(m.min_col, m.max_col + 1)}
        for row in ws.iter_rows():
            for cell in row:
                expected = anchors.get((cell.row, cell.column), cell.value)  # a merged range shows its anchor
                assert sheet.value(cell.row, cell.column) == expected, (title, cell.coordinate)
                if cell.value is not None:
                    assert sheet.number_format(cell.row, cell.column) == cell.number_format, (title, cell.coordinate)
    assert set(book.defined_names) == set(raw.names)
    assert {name: ref for ws in book.worksheets for name, ref in ws.tables.items()} == {
        name: f"{col_letter(t.first_col)}{t.first_row}:{col_letter(t.last_col)}{t.last_row}"
        for name, t in raw.tables.items()}
