"""An exported 自评表.xlsx that lost its figures part (saved by a tool that drops custom XML, an early
export, a table copied into a new workbook) is read from the table it shows — found by its labels
wherever it sits — and counted in rankings but not in amount totals, which say so."""

from __future__ import annotations

import json
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from benchmarks.generate import department_data
from selfeval_xl import collect_files, evaluate, read_workbook
from selfeval_xl.cli.main import main
from selfeval_xl.collect.summary import resolve, year_totals
from selfeval_xl.collect.visible import read_visible
from selfeval_xl.render.export import export_evaluation
from selfeval_xl.workbook.template import template_bytes


def _without_part(path: Path) -> None:
    """Drop the custom XML part and every reference to it, as a tool that keeps only the sheets would."""
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i.filename) for i in archive.infolist()
                 if not i.filename.startswith("customXml/")}
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    import re

    parts["xl/_rels/workbook.xml.rels"] = re.sub(r"<Relationship [^>]*customXml[^>]*/>", "", rels).encode()
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = re.sub(r"<Override [^>]*customXml[^>]*/>", "", types).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)


def _moved(path: Path, target: Path) -> None:
    """The 自评表 copied by hand into a new workbook, two rows and one column further, values only."""
    source = openpyxl.load_workbook(path)["自评表"]
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Sheet1"
    ws["A1"] = "报送材料"
    for row in source.iter_rows():
        for cell in row:
            if cell.value is not None:
                ws.cell(cell.row + 2, cell.column + 1, cell.value)
    book.save(target)


@pytest.fixture
def departments(tmp_path: Path, example_data: dict[str, Any]) -> dict[str, Any]:
    folder = tmp_path / "报送"
    folder.mkdir()
    made = {}
    for n in (2, 3, 4):
        data = department_data(example_data, n)
        book = tmp_path / f"{n}.xlsx"
        book.write_bytes(template_bytes(data))
        made[n] = evaluate(read_workbook(book))
        if n == 2:  # handed in as the fill-in workbook
            (folder / "2.xlsx").write_bytes(book.read_bytes())
        else:
            exported = export_evaluation(made[n], tmp_path / f"export{n}", ["xlsx"],
                                             generated="生成时间：2021年3月1日 10:00")[0]
            _without_part(exported)
            if n == 3:
                (folder / "3.xlsx").write_bytes(exported.read_bytes())
            else:
                _moved(exported, folder / "4.xlsx")
    return {"folder": folder, "evaluations": made}


def test_the_visible_table_is_read_by_its_labels(departments: dict[str, Any]) -> None:
    ev = departments["evaluations"]
    for n in (3, 4):
        shown = read_visible(departments["folder"] / f"{n}.xlsx")
        assert shown is not None
        scoring, info = ev[n].scoring, ev[n].model.info
        assert (shown.unit_name, shown.year, shown.score, shown.grade) == (
            info.unit_name, info.year, scoring.total, scoring.grade)
        assert shown.execution_rate == scoring.execution_rate
        assert shown.executed == scoring.funds["total"].executed and shown.adjusted == scoring.funds["total"].adjusted
    assert read_visible(departments["folder"] / "2.xlsx") is None  # a fill-in workbook shows no 自评表


def test_collect_ranks_them_and_leaves_them_out_of_amount_totals(departments: dict[str, Any],
                                                                 tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    ev = departments["evaluations"]
    results = resolve(collect_files([departments["folder"]], jobs=1))
    rows = {r.name: r for r in results}
    for n in (3, 4):
        r = rows[f"{n}.xlsx"]
        assert r.status == "ok" and r.source == "export" and r.score == ev[n].scoring.total
        assert r.figure("execution_rate") == ev[n].scoring.execution_rate and r.figure("total") is None
        assert [i.code for i in r.issues] == ["export_visible"] and "不计入金额合计" in r.issues[0].message
    ((_year, count, sums),) = year_totals(results)
    assert count == 1 and sums["total"] == ev[2].results.total  # only the workbook states its amounts

    out = tmp_path / "汇总.xlsx"
    assert main(["collect", str(departments["folder"]), "-o", str(out), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    (total,) = document["totals"]
    assert (total["departments"], total["without_amounts"]) == (1, 2)
    assert Decimal(total["total"]) == ev[2].results.total
    assert [r["unit_name"] for r in document["ranking"]] == [
        e.model.info.unit_name for e in sorted(ev.values(), key=lambda e: -e.scoring.total)]
    ws = openpyxl.load_workbook(out)["汇总"]
    labels = [ws.cell(r, 2).value for r in range(1, ws.max_row + 1)]
    assert any(isinstance(v, str) and "1 个单位；另有 2 个单位只有自评表" in v for v in labels)


def test_a_project_export_is_listed_not_summed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Departments hand in their 项目支出绩效自评表 too: listed as 未汇总 with the reason, never an error."""
    from selfeval_xl.cli.main import main as cli

    root = Path(__file__).resolve().parents[2]
    evaluation = evaluate(read_workbook(root / "examples" / "county_education_bureau_2023.xlsx"))
    folder = tmp_path / "报送"
    export_evaluation(evaluation, folder, ["xlsx"], generated="生成时间：2024年3月1日 10:00")
    results = {r.name: r for r in resolve(collect_files([folder], jobs=1))}
    project = results["某县教育局2023年学生营养改善计划项目支出绩效自评表.xlsx"]
    assert project.status == "skipped" and "项目支出绩效自评表" in project.reason
    assert results["某县教育局2023年部门整体支出绩效自评表.xlsx"].status == "ok"
    assert cli(["collect", str(folder), "--json"]) == 0  # nothing bad in the batch
    capsys.readouterr()
