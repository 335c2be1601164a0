"""The finance bureau's view of a batch: score distribution per year, low execution rates with the
department's own explanation, year-over-year change, and each handed-in report's audit joined to its
unit — every figure against a hand computation from the departments' own evaluations."""

from __future__ import annotations

import copy
import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from benchmarks.generate import department_data
from selfeval_xl import collect_files, evaluate, read_workbook
from selfeval_xl.cli.main import main
from selfeval_xl.collect.bureau import bands_by_year, low_rates, report_audits, year_over_year
from selfeval_xl.collect.summary import resolve
from selfeval_xl.render.export import export_evaluation
from selfeval_xl.workbook.template import template_bytes

NOTE = "部分项目资金年底下达，结转下年使用。"


def _low(data: dict[str, Any], extra: Decimal, note: str) -> dict[str, Any]:
    """The same department with ``extra`` 万元 more budget for its first project (so a lower rate)."""
    data = copy.deepcopy(data)
    data["tables"]["projects"][0]["adjusted"] += extra
    lines = {line["_row"]: line for line in data["tables"]["general"]}
    lines["project"]["adjusted"] += extra
    lines["total"]["adjusted"] += extra
    lines["total"]["note"] = note
    for line in data["tables"]["money"]:
        if line["_row"] in ("total", "appropriation"):
            line["adjusted"] += extra
    return data


def _q(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), ROUND_HALF_UP)


@pytest.fixture
def batch(tmp_path: Path, example_data: dict[str, Any]) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path / "报送"
    folder.mkdir()
    a20 = department_data(example_data, 4)
    a20["fields"]["year"] = 2020
    a21 = _low(department_data(example_data, 4), Decimal(300), NOTE)
    a21["fields"]["year"] = 2021
    silent = _low(department_data(example_data, 6), Decimal(200), "")
    silent["fields"]["year"] = 2021
    b21 = department_data(example_data, 5)
    b21["fields"]["year"] = 2021
    paths = {}
    for key, data in (("a20", a20), ("a21", a21), ("silent", silent), ("b21", b21)):
        paths[key] = folder / f"{key}.xlsx"
        paths[key].write_bytes(template_bytes(data))
    evaluations = {key: evaluate(read_workbook(path)) for key, path in paths.items()}
    for key, evaluation in evaluations.items():
        assert not evaluation.errors, (key, evaluation.errors)
    # 乙 hands in its report as the exported .docx beside its workbook
    written = export_evaluation(evaluations["b21"], folder / "乙报告", ["docx"], generated="生成时间：2022年3月1日 10:00")
    return folder, {"evaluations": evaluations, "docx": written[0]}


def test_the_bureau_view_against_a_hand_computation(batch: tuple[Path, dict[str, Any]]) -> None:
    folder, made = batch
    ev = made["evaluations"]
    results = resolve(collect_files([folder], jobs=2))

    # low execution rates: the rate the score used, below 90%, lowest first within the year
    rates = {key: e.scoring.execution_rate for key, e in ev.items()}
    for key in ("a21", "silent"):
        total = ev[key].model.budget["total"]
        assert rates[key] == _q(total.executed / total.adjusted * 100)
        assert rates[key] < 90
    assert rates["a20"] >= 90 and rates["b21"] >= 90
    low = low_rates(results)
    assert [(r.unit_name, r.year) for r in low] == sorted(
        [(ev[k].model.info.unit_name, 2021) for k in ("a21", "silent")],
        key=lambda u: rates["a21" if u[0] == ev["a21"].model.info.unit_name else "silent"])
    by_unit = {r.unit_name: r for r in low}
    assert by_unit[ev["a21"].model.info.unit_name].execution_note == NOTE
    assert by_unit[ev["silent"].model.info.unit_name].execution_note == ""

    # year over year: only 甲 is present in two years
    (yoy,) = year_over_year(results)
    before, now = ev["a20"].results.total, ev["a21"].results.total
    assert (yoy.unit_name, yoy.previous_year, yoy.year) == (ev["a20"].model.info.unit_name, 2020, 2021)
    assert (yoy.previous_total, yoy.total, yoy.change) == (before, now, now - before)
    assert yoy.change_percent == _q((now - before) / before * 100)
    assert (yoy.previous_score, yoy.score) == (ev["a20"].scoring.total, ev["a21"].scoring.total)

    # distribution per year, from each department's own grade
    def grades(keys: tuple[str, ...]) -> dict[str, int]:
        counts: dict[str, int] = {}
        for k in keys:
            counts[ev[k].scoring.grade] = counts.get(ev[k].scoring.grade, 0) + 1
        return counts

    shown = {year: {band[0]: count for band, count in bands if count} for year, bands in bands_by_year(results)}
    assert shown == {2020: grades(("a20",)), 2021: grades(("a21", "silent", "b21"))}

    # the handed-in .docx is joined to its unit and year through the part the export embedded
    audits = report_audits(results)
    key = (ev["b21"].model.info.unit_name, 2021)
    assert set(audits) == {key}
    assert audits[key].name.endswith(".docx") and audits[key].errors == 0


def test_the_summary_workbook_and_json_carry_the_bureau_view(batch: tuple[Path, dict[str, Any]], tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    folder, made = batch
    ev = made["evaluations"]
    out = tmp_path / "汇总.xlsx"
    code = main(["collect", str(folder), "-o", str(out), "--json"])
    output = capsys.readouterr().out
    assert code == 0, output
    document = json.loads(output)
    unit_a = ev["a21"].model.info.unit_name
    low = {row["unit_name"]: row for row in document["low_execution"]}
    assert Decimal(low[unit_a]["execution_rate"]) == ev["a21"].scoring.execution_rate
    assert low[unit_a]["explanation"] == NOTE
    (yoy,) = document["year_over_year"]
    assert Decimal(yoy["change"]) == ev["a21"].results.total - ev["a20"].results.total

    book = openpyxl.load_workbook(out)
    ws = book["执行率偏低"]
    rows = {ws.cell(r, 2).value: [ws.cell(r, c).value for c in range(1, 6)] for r in range(2, ws.max_row + 1)}
    assert rows[unit_a][0] == 2021
    assert Decimal(str(rows[unit_a][3])) == ev["a21"].scoring.execution_rate / 100
    assert rows[unit_a][4] == NOTE
    assert rows[ev["silent"].model.info.unit_name][4] == "（工作簿中未说明原因）"
    ws = book["同比"]
    assert ws.cell(2, 1).value == unit_a and (ws.cell(2, 2).value, ws.cell(2, 3).value) == (2020, 2021)
    assert Decimal(str(ws.cell(2, 6).value)) == ev["a21"].results.total - ev["a20"].results.total
    assert ws.cell(2, 7).number_format == "0.00%"
    assert len(ws._charts) == 1
    ws = book["得分分布"]
    assert [ws.cell(1, c).value for c in range(2, 4)] == ["2020年", "2021年"]
    assert sum(ws.cell(r, 3).value for r in range(2, ws.max_row + 1) if ws.cell(r, 3).value) == 3


def test_long_issue_messages_wrap_in_rows_tall_enough(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "收件"
    folder.mkdir()
    (folder / "说明.txt").write_text(
        "2023年收入合计35.43亿元,其中:税收收入20.11亿元,非税收入15.31亿元。\n公务接待费支出16.3万元,与上年相比,增加1.5万元,增长11.15%。\n",
        "utf-8",
    )
    out = tmp_path / "汇总.xlsx"
    main(["collect", str(folder), "-o", str(out)])
    capsys.readouterr()
    ws = openpyxl.load_workbook(out)["问题清单"]
    messages = {ws.cell(r, 6).value: r for r in range(2, ws.max_row + 1)}
    long_row = messages["sum_rounding_gap"]
    assert ws.cell(1, 5).value == "把握" and ws.cell(long_row, 5).value == "中"  # a rounding gap: medium
    assert ws.cell(long_row, 7).alignment.wrap_text
    assert (ws.row_dimensions[long_row].height or 0) >= 30  # the 110-character message takes two lines
