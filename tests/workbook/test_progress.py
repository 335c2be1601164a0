"""填报进度: plain formulas every spreadsheet calculates. LibreOffice headless recalculates an empty template,
a half-filled workbook and the example; the values read back match a hand count of what is missing."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from selfeval_xl.workbook import progress
from selfeval_xl.workbook.template import template_bytes

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


def _recalculated(tmp_path: Path, books: dict[str, bytes]) -> dict[str, dict[str, tuple[Any, Any]]]:
    """{book: {检查项: (result, status)}} after LibreOffice opened, calculated and saved each book."""
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    for name, data in books.items():
        (source / f"{name}.xlsx").write_bytes(data)
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--calc", "--convert-to", "xlsx",
                    "--outdir", str(out), *sorted(str(p) for p in source.iterdir())],
                   check=True, capture_output=True, timeout=240)
    found = {}
    for name in books:
        ws = openpyxl.load_workbook(out / f"{name}.xlsx", data_only=True)[progress.TITLE]
        rows = {f"{r[0]}|{r[1]}": (r[2], r[3]) for r in ws.iter_rows(min_row=5, min_col=2, max_col=5, values_only=True)}
        rows["summary"] = (ws["B3"].value, None)
        found[name] = rows
    return found


def test_progress_after_recalculation(tmp_path: Path, example_data: dict[str, Any]) -> None:
    half = {"fields": {k: example_data["fields"][k] for k in ("unit_name", "year", "level")},
            "tables": {k: example_data["tables"][k] for k in ("general", "items", "projects", "duties")}}
    half["tables"] = {**half["tables"], "general": [dict(line) for line in half["tables"]["general"]],
                      "projects": [dict(p) for p in half["tables"]["projects"]]}
    personnel = next(line for line in half["tables"]["general"] if line["_row"] == "personnel")
    personnel["executed"] += D("1.50")  # 基本支出 no longer = 人员 + 公用 (by 1.50), nor 人员 = its 301/303 detail
    del half["tables"]["projects"][1]["use"]  # a used project row without its 主要用途
    found = _recalculated(tmp_path, {"empty": template_bytes(), "half": template_bytes(half),
                                     "example": template_bytes(example_data)})

    empty = found["empty"]
    # 基本信息: 6 required fields, 金额单位 pre-filled (万元) → 5 missing; 主要职责 / 目标 lists empty
    assert empty["基本信息|必填的单项（6 项）中尚未填写的个数"] == (5, "待填写")
    assert empty["基本信息|“主要职责”至少填一行"] == (1, "待填写")
    assert empty["预算支出|“一般公共预算支出”各行“全年执行数”未填的个数"] == (5, "待填写")  # five fixed rows
    assert empty["其他资金|“其他资金与预算”各行“是否有支出”未填的个数"] == (4, "待填写")
    assert empty["summary"][0] == "还有 6 项待完成"

    half_found = found["half"]
    # 6 required: 单位名称, 年度, 级次 given, 金额单位 default → 核定编制数 and 实有人数 missing
    assert half_found["基本信息|必填的单项（6 项）中尚未填写的个数"] == (2, "待填写")
    assert half_found["基本信息|“主要职责”至少填一行"] == (0, "✓ 已完成")
    assert half_found["项目支出|“项目支出明细”中已使用的行里“主要用途”未填的个数"] == (1, "待填写")
    assert half_found["预算支出|全年执行数：基本支出 − 人员经费 − 公用经费"] == (-1.5, "不相等")
    assert half_found["经济分类明细|人员经费全年执行数 − 明细中基本支出的301、303类合计"] == (1.5, "不相等")
    assert half_found["经济分类明细|公用经费全年执行数 − 明细中基本支出的其他科目合计"] == (0, "✓ 已完成")
    assert half_found["项目支出|项目支出全年执行数 − 项目支出明细的全年执行数合计"] == (0, "✓ 已完成")

    assert found["example"]["summary"][0].startswith("全部检查项已完成")
    assert all(status == "✓ 已完成" for key, (_, status) in found["example"].items() if key != "summary")


def test_every_check_points_at_a_cell_of_an_input_sheet() -> None:
    from selfeval_xl.workbook import layout

    titles = {s.title for s in layout.SHEETS}
    checks = list(progress.checks())
    assert len(checks) > 30
    for check in checks:
        sheet = check.target.split("!")[0].strip("'")
        assert sheet in titles, check
        assert "LET(" not in check.formula and "LAMBDA(" not in check.formula and "FILTER(" not in check.formula
