"""selfeval migrate: a workbook of template 2026.1 carried into the current template with nothing lost.

Every input value is compared cell by cell through the two contracts (the old one kept as data in
selfeval_xl/workbook/contracts/, the current one from layout): the bundled 2026.1 example, and 2026.1
workbooks generated from it with other values (元 amounts, a percent-formatted indicator, more rows).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from selfeval_xl import evaluate, read_workbook, render_text
from selfeval_xl.cli.main import main
from selfeval_xl.core.errors import TemplateVersionError
from selfeval_xl.workbook import layout
from selfeval_xl.workbook.migrate import contract, current_contract, extract, migrate_raw, migrated_raw
from selfeval_xl.workbook.reader import raw_from_bytes
from selfeval_xl.workbook.template import template_bytes
from tests.conftest import EXAMPLE, ROOT, sha256

V1 = ROOT / "tests" / "workbook" / "data" / "daxiang_2020_v2026.1.xlsx"


def _values(data: dict[str, Any]) -> dict[tuple[str, ...], Any]:
    """Flatten TemplateData to {(field,) | (table, row or index, column): value} for a cell-by-cell compare."""
    flat: dict[tuple[str, ...], Any] = {("field", k): v for k, v in data["fields"].items()}
    for key, rows in data["tables"].items():
        for i, row in enumerate(rows):
            for col, value in row.items():
                if col != "_row":
                    flat[(key, str(row.get("_row", i)), col)] = value
    return flat


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float, Decimal)) and isinstance(b, (int, float, Decimal)):
        return Decimal(str(a)) == Decimal(str(b))
    return a == b


def _v1_variant(tmp_path: Path, name: str, edit: Any) -> Path:
    """A 2026.1 workbook: the bundled one with cells changed through openpyxl (as a user would type them)."""
    book = openpyxl.load_workbook(V1)
    edit(book)
    path = tmp_path / name
    book.save(path)
    return path


def _check_carried(path: Path) -> tuple[dict[tuple[str, ...], Any], Any]:
    raw = read_workbook(path)
    old, _, count = extract(raw, contract("2026.1"))
    migrated = migrated_raw(raw)
    new, _, _ = extract(migrated, current_contract())
    old_flat, new_flat = _values(old), _values(new)
    assert count == len(old_flat)  # every carried input cell, counted once
    missing = {k: v for k, v in old_flat.items() if not _same(new_flat.get(k), v)}
    assert not missing, missing
    return new_flat, migrate_raw(raw).dropped


def test_the_kept_contract_is_the_one_of_its_version() -> None:
    spec = contract("2026.1")
    assert spec["version"] == "2026.1" and spec["template_id"] == layout.TEMPLATE_ID
    assert {"2026.1", "2026.2"} <= set(layout.PREVIOUS_VERSIONS) and layout.TEMPLATE_VERSION not in layout.PREVIOUS_VERSIONS
    shipped = json.loads((ROOT / "selfeval_xl" / "workbook" / "contracts" / "v2026.1.json").read_text("utf-8"))
    assert shipped == spec


def test_the_bundled_v1_example_migrates_with_every_value_and_the_same_report(tmp_path: Path) -> None:
    _, dropped = _check_carried(V1)
    assert {(d.table, d.row) for d in dropped} == {("money", "total"), ("money", "appropriation")}
    migrated = evaluate(migrated_raw(read_workbook(V1)))
    current = evaluate(read_workbook(EXAMPLE))
    assert render_text(migrated.narrative()) == render_text(current.narrative())
    assert migrated.scoring is not None and migrated.scoring.total == Decimal("95.69")


@pytest.mark.parametrize("variant", ["yuan", "percent", "rows"])
def test_generated_v1_workbooks_migrate_cell_by_cell(tmp_path: Path, variant: str) -> None:
    def edit(book: Any) -> None:
        info, budget, indicators, projects = book["基本信息"], book["预算支出"], book["绩效指标"], book["项目支出"]
        if variant == "yuan":
            info["C8"] = "元"
            for row, value in zip(range(6, 11), (1761812.34, 961812.34, 307500, 654312.34, 800000), strict=True):
                budget.cell(row, 5, value)
        elif variant == "percent":
            table = indicators.tables["绩效指标表"]
            last = int(table.ref.split(":")[1][1:])
            cell = indicators.cell(last - 8, 8)  # a data row of 实际完成值
            cell.value = 0.92
            cell.number_format = "0%"
        else:
            projects.cell(10, 2, "额外项目")
            projects.cell(10, 4, 1.5)
            projects.cell(10, 5, "补充用途")
    path = _v1_variant(tmp_path, f"v1_{variant}.xlsx", edit)
    new_flat, _ = _check_carried(path)
    if variant == "percent":  # 0.92 shown as 92% in the old workbook: carried as 92 (unit %), scored 92 vs ≥90
        assert _same(new_flat[("indicators", "11", "actual")], 92) and new_flat[("indicators", "11", "unit")] == "%"
        scoring = evaluate(migrated_raw(read_workbook(path))).scoring
        assert scoring is not None and scoring.indicators[11].score == Decimal("10.00")


def test_check_on_v1_says_which_command_upgrades_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(V1)]) == 3
    err = capsys.readouterr().err
    assert "selfeval migrate" in err and V1.name in err and layout.TEMPLATE_VERSION in err


def test_migrate_command_writes_a_current_workbook_and_never_touches_the_old(tmp_path: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "2020.xlsx"
    source.write_bytes(V1.read_bytes())
    before = sha256(source)
    assert main(["migrate", str(source)]) == 0
    out = capsys.readouterr().out
    target = tmp_path / "2020_新模板.xlsx"
    assert target.exists() and sha256(source) == before
    assert "一致" in out  # the old 年度资金总额 agrees with the one now derived
    assert main(["check", str(target)]) == 0
    assert main(["migrate", str(source)]) == 4  # exists, no --force
    assert main(["migrate", str(target)]) == 3  # already current


def test_previous_accepts_a_v1_workbook_of_last_year(tmp_path: Path, example_data: dict[str, Any],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    example_data["fields"]["year"] = 2021
    current = tmp_path / "2021.xlsx"
    current.write_bytes(template_bytes(example_data))
    assert main(["report", str(current), "--text", "--previous", str(V1)]) == 0
    assert "与2020年相比，部门整体支出与上年持平" in capsys.readouterr().out


def test_migrating_a_current_workbook_returns_it_unchanged() -> None:
    raw = read_workbook(EXAMPLE)
    assert migrated_raw(raw) is raw
    with pytest.raises(TemplateVersionError):
        migrate_raw(raw)
    assert raw_from_bytes(template_bytes()).names


def test_a_2026_2_workbook_migrates_too() -> None:
    """Each kept contract keeps working: the 2026.2 example carries every value into the current template."""
    path = ROOT / "tests" / "workbook" / "data" / "daxiang_2020_v2026.2.xlsx"
    raw = read_workbook(path)
    old, _, count = extract(raw, contract("2026.2"))
    new, _, _ = extract(migrated_raw(raw), current_contract())
    old_flat, new_flat = _values(old), _values(new)
    assert count == len(old_flat)
    assert not {k: v for k, v in old_flat.items() if not _same(new_flat.get(k), v)}
    assert render_text(evaluate(migrated_raw(raw)).narrative()) == render_text(evaluate(read_workbook(EXAMPLE)).narrative())
