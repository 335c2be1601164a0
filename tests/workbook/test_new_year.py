"""``selfeval new-year``: the 2021 workbook from the 2020 example carries the unit and its indicators, clears
the year's figures, and — once 2021 amounts are entered — passes ``check`` and states 同比 against 2020
without ``--previous``."""

from __future__ import annotations

import copy
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from selfeval_xl import evaluate, read_workbook, render_text
from selfeval_xl.cli.main import main
from selfeval_xl.workbook import layout
from tests.conftest import EXAMPLE, sha256

AMOUNTS = ("initial", "adjusted", "executed", "amount")
FILLED_LATER = {"general": AMOUNTS, "items": ("amount",), "projects": ("adjusted", "executed"),
                "funds": ("has",), "money": AMOUNTS, "indicators": ("actual", "rating", "manual", "reason"),
                "paragraphs": ("text",), "outputs": ("what", "quantity", "unit", "qualifier"),
                "measures": ("text",), "overall_goals": ("actual",)}


def _enter_2021(path: Path, data: dict[str, Any]) -> None:
    """What the accountant does in the new workbook: type this year's amounts and results where they go."""
    book = openpyxl.load_workbook(path)
    for sheet, table in layout.all_tables():
        keys = FILLED_LATER.get(table.key)
        if not keys:
            continue
        ws = book[sheet.title]
        place = layout.table_places(sheet)[table.key]
        columns = {c.key: place.first_col + i for i, c in enumerate(table.columns)}
        order = [k for k, _ in table.fixed_rows]
        for n, record in enumerate(data["tables"].get(table.key, [])):
            row = place.header_row + 1 + (order.index(record["_row"]) if order else n)
            for key in keys:
                if key in record and record[key] is not None:
                    value = record[key]
                    ws.cell(row, columns[key], float(value) if isinstance(value, D) else value)
    book.save(path)


def _doubled(data: dict[str, Any]) -> dict[str, Any]:
    """The example's amounts × 2: every sum still holds, exactly."""
    data = copy.deepcopy(data)
    for table in ("general", "items", "projects", "money"):
        for record in data["tables"][table]:
            for key in AMOUNTS:
                if isinstance(record.get(key), D):
                    record[key] *= 2
    return data


def test_new_year_from_the_example(tmp_path: Path, example_data: dict[str, Any],
                                   capsys: pytest.CaptureFixture[str]) -> None:
    before = sha256(EXAMPLE)
    out = tmp_path / "2021.xlsx"
    assert main(["new-year", str(EXAMPLE), "-o", str(out)]) == 0
    assert sha256(EXAMPLE) == before and "2021 年度工作簿" in capsys.readouterr().out
    fresh = evaluate(read_workbook(out))
    info, last = fresh.model.info, evaluate(read_workbook(EXAMPLE)).model
    assert (info.unit_name, info.year, info.staffing, len(info.duties)) == ("大祥区融媒体中心", 2021, 8, 8)
    assert [i.name for i in fresh.model.indicators] == [i.name for i in last.indicators]
    assert all(i.actual is None and not i.reason for i in fresh.model.indicators)
    assert fresh.model.budget["total"].previous == D("176.18") and fresh.model.budget["total"].executed is None
    assert {i.code for i in fresh.errors} >= {"required"}  # this year's figures are still to come

    _enter_2021(out, _doubled(example_data))
    ev = evaluate(read_workbook(out))
    assert not ev.errors, ev.errors
    text = render_text(ev.narrative())
    # 2021: 352.36 against 176.18 → +176.18 (100.00%); 人员经费 61.50 against 30.75
    assert "与2020年相比，部门整体支出增加176.18万元，增长100.00%" in text
    assert "人员经费增加30.75万元，增长100.00%" in text
    assert main(["report", str(out), "--text"]) == 0  # no --previous needed


def test_a_last_year_with_errors_is_refused(tmp_path: Path, example_data: dict[str, Any],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    from selfeval_xl.workbook.template import template_bytes

    data = copy.deepcopy(example_data)
    data["tables"]["general"][0]["executed"] += D("1")
    last = tmp_path / "2020.xlsx"
    last.write_bytes(template_bytes(data))
    assert main(["new-year", str(last)]) == 1
    err = capsys.readouterr().err
    assert "未生成新年度工作簿" in err and "'预算支出'!" in err
    assert [p.name for p in tmp_path.iterdir()] == ["2020.xlsx"]
    assert main(["new-year", str(EXAMPLE), "-o", str(last)]) == 4  # an existing file without --force
