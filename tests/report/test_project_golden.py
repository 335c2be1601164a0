"""Goldens for what people read of the project example (examples/county_education_bureau_2023.xlsx): each
project's 项目支出绩效自评报告 and the sheets ``report --all-projects`` writes."""

from __future__ import annotations

from pathlib import Path

from selfeval_xl import evaluate, read_workbook, render_text
from selfeval_xl.cli.main import main
from tests.conftest import ROOT, check_golden, sha256
from tests.report.test_golden import dump_sheets

PROJECT_EXAMPLE = ROOT / "examples" / "county_education_bureau_2023.xlsx"


def test_project_reports_golden() -> None:
    ev = evaluate(read_workbook(PROJECT_EXAMPLE))
    assert not ev.errors and not ev.warnings, ev.issues
    text = "\n".join(render_text(ev.project_narrative(p)) for p in ev.scored_projects)
    check_golden("education_2023_project_reports.txt", text)


def test_project_sheets_golden(tmp_path: Path) -> None:
    before = sha256(PROJECT_EXAMPLE)
    out = tmp_path / "out.xlsx"
    assert main(["report", str(PROJECT_EXAMPLE), "--all-projects", "-o", str(out)]) == 0
    assert sha256(PROJECT_EXAMPLE) == before
    import openpyxl

    titles = [t for t in openpyxl.load_workbook(out, read_only=True).sheetnames if t.startswith("项目自评")]
    assert titles[1:] == ["项目自评报告-学生营养改善计划", "项目自评表-学生营养改善计划",
                          "项目自评报告-校园安全建设项目", "项目自评表-校园安全建设项目"]  # after the input sheet 项目自评
    check_golden("education_2023_project_sheets.txt", dump_sheets(out, titles[1:]))
