"""What departments hand in, over two years: fill-in workbooks, exported 自评表.xlsx (with the figures
embedded), a duplicate, a file with errors and an export edited after the fact — kept apart by year."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from benchmarks.generate import department_data
from selfeval_xl import collect_files, collect_frame, evaluate, issues_frame, read_workbook
from selfeval_xl.collect.summary import ranking, resolve, year_totals
from selfeval_xl.render.embedded import read_embedded
from selfeval_xl.render.export import export_evaluation
from selfeval_xl.workbook.template import template_bytes


def _book(folder: Path, name: str, data: dict[str, Any]) -> Path:
    path = folder / name
    path.write_bytes(template_bytes(data))
    return path


def _export(book: Path, folder: Path, generated: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    written = export_evaluation(evaluate(read_workbook(book)), folder, ["xlsx"], generated=generated)
    return written[0]


def _edit_a_number(path: Path) -> tuple[str, str]:
    """Change one number of 自评表 inside the zip, as a hand edit in Excel would (the part stays)."""
    book = openpyxl.load_workbook(path, read_only=True)
    index = book.sheetnames.index("自评表")
    ws = book["自评表"]
    target = next(c for row in ws.iter_rows() for c in row
                  if isinstance(getattr(c, "value", None), int | float) and not isinstance(c.value, bool))
    ref, old = target.coordinate, target.value
    book.close()
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    part = f"xl/worksheets/sheet{index + 1}.xml"
    sheet = parts[part].decode()
    sheet, n = re.subn(rf'(<c r="{ref}"[^>]*>\s*<v>)[^<]*(</v>)', rf"\g<1>{old + 1}\g<2>", sheet, count=1)
    assert n == 1
    parts[part] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return ref, str(old)


@pytest.fixture
def handed_in(tmp_path: Path, example_data: dict[str, Any]) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path / "报送"
    folder.mkdir()
    made: dict[str, Any] = {}
    for n, year in ((1, 2020), (1, 2021), (2, 2020), (2, 2021), (3, 2021)):
        data = department_data(example_data, n)
        data["fields"]["year"] = year
        made[f"{n}-{year}"] = data
    a20 = _book(folder, "甲_2020.xlsx", made["1-2020"])
    a21 = _book(tmp_path, "甲_2021_底稿.xlsx", made["1-2021"])
    # 甲 2021: the export and the fill-in workbook both handed in (a duplicate); the export is newer
    export_a21 = _export(a21, folder / "甲2021导出", "生成时间：2022年3月1日 10:00")
    (folder / "甲_2021.xlsx").write_bytes(a21.read_bytes())
    # 乙: 2020 as an export edited by hand afterwards, 2021 as a workbook
    b20 = _book(tmp_path, "乙_2020_底稿.xlsx", made["2-2020"])
    export_b20 = _export(b20, folder / "乙2020导出", "生成时间：2021年3月1日 10:00")
    edited = _edit_a_number(export_b20)
    _book(folder, "乙_2021.xlsx", made["2-2021"])
    # 丙 2021: 人员经费 no longer adds up: listed with its errors, never counted
    broken = made["3-2021"]
    broken["tables"]["general"][2]["executed"] += Decimal("1.00")
    _book(folder, "丙_2021.xlsx", broken)
    expected = {"a20": evaluate(read_workbook(a20)), "a21": evaluate(read_workbook(a21)),
                "b20": evaluate(read_workbook(b20)), "b21": evaluate(read_workbook(folder / "乙_2021.xlsx")),
                "export_a21": export_a21, "export_b20": export_b20, "edited": edited}
    return folder, expected


def test_the_export_carries_its_figures_in_a_custom_xml_part(handed_in: tuple[Path, dict[str, Any]]) -> None:
    _, expected = handed_in
    stored = read_embedded(expected["export_a21"])
    assert stored is not None
    results = expected["a21"].results
    assert stored["unit_name"] == "第2号测试单位" and stored["year"] == 2021
    assert Decimal(stored["figures"]["total"]) == results.total
    assert Decimal(stored["score"]) == expected["a21"].scoring.total
    # the execution rate is the one the score used
    assert Decimal(stored["figures"]["execution_rate"]) == expected["a21"].scoring.execution_rate
    with zipfile.ZipFile(expected["export_a21"]) as archive:
        names = archive.namelist()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
    assert "customXml/item1.xml" in names and "../customXml/item1.xml" in rels
    assert openpyxl.load_workbook(expected["export_a21"]).sheetnames == ["自评报告", "自评表"]  # no hidden sheet


def test_years_are_kept_apart_duplicates_and_errors_listed_not_counted(
        handed_in: tuple[Path, dict[str, Any]]) -> None:
    folder, expected = handed_in
    results = resolve(collect_files([folder], jobs=2))
    rows = {r.name: r for r in results}
    assert rows["甲2021导出/第2号测试单位2021年部门整体支出绩效自评表.xlsx"].source == "export"
    assert rows["甲2021导出/第2号测试单位2021年部门整体支出绩效自评表.xlsx"].status == "ok"
    duplicate = rows["甲_2021.xlsx"]
    assert duplicate.status == "duplicate" and "甲2021导出" in duplicate.reason and "生成时间较新" in duplicate.reason
    assert rows["丙_2021.xlsx"].status == "errors" and "不计入合计和排名" in rows["丙_2021.xlsx"].reason
    edited = rows["乙2020导出/第3号测试单位2020年部门整体支出绩效自评表.xlsx"]
    ref, _old = expected["edited"]
    assert edited.status == "ok" and any(i.code == "export_edited" and ref in i.message for i in edited.issues)
    # per-year totals, recomputed by hand from each department's own evaluation
    totals = {year: (count, sums) for year, count, sums in year_totals(results)}
    assert set(totals) == {2020, 2021}
    assert totals[2020][0] == 2 and totals[2021][0] == 2
    assert totals[2020][1]["total"] == expected["a20"].results.total + expected["b20"].results.total
    assert totals[2021][1]["total"] == expected["a21"].results.total + expected["b21"].results.total
    assert totals[2021][1]["personnel"] == expected["a21"].results.personnel + expected["b21"].results.personnel
    ranked = ranking(results)
    assert {r.year for _, r in ranked} == {2020, 2021} and len(ranked) == 4
    assert "丙_2021.xlsx" not in {r.name for _, r in ranked}
    # the same numbers from the analysts' DataFrame
    frame = collect_frame([folder], jobs=2)
    counted = frame[frame.status == "ok"]
    assert sum(counted[counted.year == 2021].total, Decimal(0)) == totals[2021][1]["total"]
    assert sum(counted[counted.year == 2020].total, Decimal(0)) == totals[2020][1]["total"]
    assert str(frame.year.dtype) == "Int64" and isinstance(counted.total.iloc[0], Decimal)
    assert set(frame.status) == {"ok", "duplicate", "errors"}
    issues = issues_frame([folder], jobs=1)
    assert "export_edited" in set(issues.code) and (issues.severity == "error").any()
