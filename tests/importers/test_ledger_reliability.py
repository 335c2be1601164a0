"""selfeval ledger on what a careless or hostile user hands in: formulas saved without values, amounts
too large for exact sums, damaged deflate streams, merged cells in the workbook's detail table."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from benchmarks.generate import write_ledger, write_rows
from selfeval_xl.cli.main import main
from selfeval_xl.importers.ledger_read import read_ledger
from tests.conftest import sha256
from tests.workbook.xlsx_edit import damaged_deflate, patched, set_cell_xml

SHEET = "xl/worksheets/sheet1.xml"
HEADER = ("科目编码", "金额（元）", "支出类型")


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _ledger(tmp_path: Path, cells: dict[str, str]) -> Path:
    """Six lines of 30101 / 100 元 each; ``cells`` replaces cells by their XML."""
    rows = [HEADER] + [(30101, 100, "基本")] * 6
    path = write_rows(tmp_path / "raw.xlsx", rows)

    def change(xml: str) -> str:
        for ref, cell in cells.items():
            xml = set_cell_xml(xml, ref, cell)
        return xml

    return patched(tmp_path / "明细账.xlsx", SHEET, change, source=path)


def test_formulas_without_values_are_errors_at_their_cells_and_left_out(tmp_path: Path) -> None:
    path = _ledger(tmp_path, {
        "B3": '<c r="B3"><f>50+50</f><v></v></c>',  # as openpyxl writes it
        "B4": '<c r="B4"><f t="shared" ref="B4:B5" si="0">60+40</f></c>',  # no <v> at all
        "A6": '<c r="A6"><f>30101</f></c>',  # the code itself
        "B7": '<c r="B7"><f>50+50</f><v>100</v></c>',  # Excel saved the value: counted
    })
    ledger = read_ledger(path)
    found = sorted((i.code, i.where.a1) for i in ledger.issues if i.where)  # type: ignore[union-attr]
    assert found == [("ledger_formula_no_value", "A6"), ("ledger_formula_no_value", "B3"),
                     ("ledger_formula_no_value", "B4")]
    assert all(i.is_error for i in ledger.issues)
    assert [(r.code, r.fen, r.lines) for r in ledger.rows] == [("30101", 3 * 100_00, 3)]  # lines 2, 5, 7
    assert "=50+50" in dict(next(i for i in ledger.issues if i.where and i.where.a1 == "B3").params)["value"]


def test_formulas_without_values_exit_1_naming_the_cell(tmp_path: Path, example_data: dict[str, Any],
                                                        make_book: Callable[..., Path],
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = _ledger(tmp_path, {"B3": '<c r="B3"><f>50+50</f><v></v></c>'})
    code, out, _ = run(capsys, "ledger", path, "--into", make_book(example_data), "--json")
    doc = json.loads(out)
    assert code == 1
    assert [(i["code"], i["cell"]) for i in doc["issues"]] == [("ledger_formula_no_value", "B3")]
    assert "重新计算" in doc["issues"][0]["message"] and "按 0 计入" not in out


@pytest.mark.parametrize("amount", ["<v>1E+20</v>", "<v>99999999999999999999</v>", "<v>10000000000000</v>"])
def test_a_huge_amount_is_an_error_at_its_cell(amount: str, tmp_path: Path, example_data: dict[str, Any],
                                               make_book: Callable[..., Path],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = _ledger(tmp_path, {"B3": f'<c r="B3">{amount}</c>'})
    ledger = read_ledger(path)
    assert [(i.code, i.where.a1) for i in ledger.issues if i.where] == [("ledger_amount_too_large", "B3")]
    assert ledger.rows[0].fen == 5 * 100_00
    code, out, err = run(capsys, "ledger", path, "--into", make_book(example_data))
    assert code == 1 and "过大" in out and "Traceback" not in err


def test_amounts_just_under_the_limit_add_up_exactly(tmp_path: Path) -> None:
    rows = [HEADER, (30101, "9999999999999.99", "基本"), (30101, "0.01", "基本"), (30201, 9999999999999.99, "基本")]
    ledger = read_ledger(write_rows(tmp_path / "l.xlsx", rows))
    assert not ledger.errors
    assert [r.fen for r in ledger.rows] == [10**15, 10**15 - 1]  # 10^13 元 and 9999999999999.99 元, in 分


def test_a_damaged_deflate_stream_exits_3(tmp_path: Path, example_data: dict[str, Any],
                                          make_book: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    source = write_ledger(tmp_path / "ok.xlsx", 3000, example_data)
    path = damaged_deflate(tmp_path / "明细账.xlsx", SHEET, source=source)
    code, _, err = run(capsys, "ledger", path, "--into", make_book(example_data))
    assert code == 3 and "不完整或已损坏" in err and "Traceback" not in err


def test_merged_cells_in_the_detail_table_do_not_stop_the_import(
        tmp_path: Path, example_data: dict[str, Any], make_book: Callable[..., Path],
        capsys: pytest.CaptureFixture[str]) -> None:
    book = make_book(example_data)
    merged = tmp_path / "merged.xlsx"
    wb = openpyxl.load_workbook(book)
    wb["经济分类明细"].merge_cells("F6:F9")  # one note over four rows, as people do
    wb.save(merged)
    before = sha256(merged)
    ledger = write_ledger(tmp_path / "明细账.xlsx", 2000, example_data)
    out = tmp_path / "out.xlsx"
    code, stdout, err = run(capsys, "ledger", ledger, "--into", merged, "-o", out)
    assert code == 0, stdout + err
    assert sha256(merged) == before
    code, stdout, _ = run(capsys, "check", out, "--json")
    assert code == 0 and json.loads(stdout)["errors"] == 0
