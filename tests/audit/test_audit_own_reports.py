"""The tool's own reports audit clean: for valid workbooks generated from the founding example
through the template contract, the narrative has no error finding."""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfeval_xl import evaluate, read_workbook, render_text
from selfeval_xl.audit import Severity, audit_file, audit_text

_AMOUNT_KEYS = ("initial", "adjusted", "executed", "amount")
_FREE_TEXT = (
    "生均公用经费项目按标准足额拨付。",
    "中心共设主任1名、副主任3名。",
    "全年开展八项规定精神专项检查，持续整治“四风”问题。",
    "办公室、采编部等3个部室参与项目管理。",
    "购置60台显示屏、12台服务器、3台投影仪。",
)


def _scaled(table: list[dict[str, Any]], factor: int) -> list[dict[str, Any]]:
    """Every amount times ``factor``: sums, shares and rates of the example stay consistent."""
    out = []
    for row in table:
        row = dict(row)
        for key in _AMOUNT_KEYS:
            if key in row and row[key] not in (None, ""):
                row[key] = str(Decimal(str(row[key])) * factor)
        out.append(row)
    return out


def _audit_errors(path: Path) -> list[str]:
    text = render_text(evaluate(read_workbook(path)).narrative())
    report = audit_text(text)
    return [f"{f.code}: {f.sentence}" for f in report.findings if f.severity is Severity.ERROR]


def test_the_founding_example_report_audits_clean(
    make_book: Callable[..., Path], example_data: dict[str, Any]
) -> None:
    assert _audit_errors(make_book(example_data)) == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    factor=st.integers(1, 400),
    unit=st.sampled_from(["万元", "元"]),
    deputies=st.integers(1, 6),
    notes=st.lists(st.sampled_from(_FREE_TEXT), min_size=1, max_size=3, unique=True),
)
def test_generated_reports_audit_clean(
    make_book: Callable[..., Path],
    example_data: dict[str, Any],
    factor: int,
    unit: str,
    deputies: int,
    notes: list[str],
) -> None:
    data = copy.deepcopy(example_data)
    data["fields"]["amount_unit"] = unit
    data["fields"]["output_intro"] = "".join(notes)
    tables = data["tables"]
    for name in ("general", "money", "items", "projects"):
        tables[name] = _scaled(tables[name], factor)
    tables["leaders"] = [{"title": "主任", "count": 1}, {"title": "副主任", "count": deputies}]
    tables["measures"] = [{"text": note} for note in notes]
    assert _audit_errors(make_book(data)) == []


_PROJECT_NAMES = ("学生营养改善计划", "校园安全建设项目", "义务教育薄弱环节改善项目", "教师培训经费", "学前教育发展资金",
                  "生均公用经费项目")


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    factor=st.integers(1, 300),
    level=st.sampled_from(["县本级", "市本级", "省本级", "乡镇本级", "区本级"]),
    outline=st.sampled_from(["湖南四本预算提纲（默认）", "财政部部门整体支出绩效评价参考提纲", "自评得分在前"]),
    names=st.lists(st.sampled_from(_PROJECT_NAMES), min_size=2, max_size=2, unique=True),
    actuals=st.lists(st.integers(0, 12000), min_size=8, max_size=8),
)
def test_generated_departments_with_projects_audit_clean(
    make_book: Callable[..., Path], factor: int, level: str, outline: str, names: list[str], actuals: list[int],
) -> None:
    """Random departments with projects evaluated on their own, under every outline: neither the 部门整体
    report nor any 项目支出绩效自评报告 has an error finding."""
    from examples.education_bureau_2023 import NUTRITION, SAFETY, education_bureau

    data = education_bureau()
    data["fields"]["level"] = level
    data["fields"]["outline"] = outline
    tables = data["tables"]
    for name in ("general", "items", "projects", "project_funds"):
        tables[name] = _scaled(tables[name], factor)
    rename = dict(zip((NUTRITION, SAFETY), names, strict=True))
    for name in ("projects",):
        for row in tables[name]:
            row["name"] = rename[row["name"]]
    for name in ("project_info", "project_funds", "project_goals", "project_indicators"):
        for row in tables[name]:
            row["project"] = rename[row["project"]]
    for row, actual in zip(tables["project_indicators"], actuals, strict=True):
        if row["direction"] != "定性":
            row["actual"] = actual % (2 * max(int(row["target"]), 1) + 1)
            if row["unit"] == "%":  # 0 < x ≤ 1.5 beside a percentage is ambiguous by design (percent_ambiguous)
                row["actual"] = max(row["actual"], 2)
            row["reason"] = "受客观因素影响未完全达到预期；下一步加强过程管理"
    ev = evaluate(read_workbook(make_book(data)))
    assert not ev.errors, ev.errors
    texts_ = [render_text(ev.narrative())] + [render_text(ev.project_narrative(p)) for p in ev.scored_projects]
    assert len(texts_) == 3
    for text in texts_:
        errors = [f"{f.code}: {f.sentence}" for f in audit_text(text).findings if f.severity is Severity.ERROR]
        assert errors == [], (text, errors)


def test_the_examples_exported_docx_audit_clean(tmp_path: Path) -> None:
    # the 公文 .docx the finance bureau receives, read back as a reviewer reads it: its tables row by row (a 自评表
    # without 年初预算数 raised a false sum_mismatch on its 分值 column)
    from selfeval_xl import export_files
    from selfeval_xl.audit import audit_file

    examples = Path(__file__).resolve().parents[2] / "examples"
    written = [p for book in sorted(examples.glob("*.xlsx")) for p in export_files(book, tmp_path / book.stem, ("docx",))]
    assert len(written) >= 4
    for path in written:
        report = audit_file(path)
        assert [f"{f.code}: {f.sentence}" for f in report.findings if f.severity is Severity.ERROR] == [], path.name
        assert report.paragraphs > 30, path.name


def test_an_exported_docx_with_its_total_score_moved_is_found(tmp_path: Path) -> None:
    # the 自评表's 总分 is its 资金 row's score (9.79 of 10) and its indicators' (85.9 of 90): 95.69
    import docx

    from selfeval_xl import export_files
    from selfeval_xl.audit import audit_file

    book = Path(__file__).resolve().parents[2] / "examples" / "daxiang_media_center_2020.xlsx"
    (path,) = export_files(book, tmp_path, ("docx",))
    document = docx.Document(str(path))
    cells = [cell for table in document.tables for row in table.rows for cell in row.cells if cell.text == "95.69"]
    assert cells
    cells[-1].paragraphs[0].runs[0].text = "96.69"  # the 总分 row, the table's last
    document.save(str(tmp_path / "moved.docx"))
    found = [(f.code, f.stated, f.expected) for f in audit_file(tmp_path / "moved.docx").findings]
    assert ("score_sum_mismatch", "96.69分", "95.69分") in found


def test_an_exported_docx_with_its_grade_moved_is_found(tmp_path: Path) -> None:
    # the 自评表's first row "单位名称 | … | 自评总分 | 95.69 | 等级 | 优": the score in its cell, the grade beside it
    import docx

    from selfeval_xl import export_files
    from selfeval_xl.audit import audit_file

    book = Path(__file__).resolve().parents[2] / "examples" / "daxiang_media_center_2020.xlsx"
    (path,) = export_files(book, tmp_path, ("docx",))
    document = docx.Document(str(path))
    row = next(row for table in document.tables for row in table.rows if "自评总分" in [c.text for c in row.cells])
    row.cells[-1].paragraphs[0].runs[0].text = "中"
    document.save(str(tmp_path / "moved.docx"))
    found = [(f.code, f.stated, f.expected) for f in audit_file(tmp_path / "moved.docx").findings]
    assert found == [("grade_mismatch", "中", "优")]


def test_an_exported_docx_with_its_texts_score_moved_is_found(tmp_path: Path) -> None:
    # the narrative's 自评得分 against the 自评表's 自评总分 and 总分 (95.69): a warning at the narrative
    import docx

    from selfeval_xl import export_files
    from selfeval_xl.audit import audit_file

    book = Path(__file__).resolve().parents[2] / "examples" / "daxiang_media_center_2020.xlsx"
    (path,) = export_files(book, tmp_path, ("docx",))
    document = docx.Document(str(path))
    paragraph = next(p for p in document.paragraphs if "95.69" in p.text and "自评得分" in p.text)
    for run in paragraph.runs:
        run.text = run.text.replace("95.69", "96.69")
    document.save(str(tmp_path / "moved.docx"))
    found = [(f.code, f.severity.value, f.stated, f.expected) for f in audit_file(tmp_path / "moved.docx").findings]
    # and against its parts after the grade ("…得分为96.69分，等级为“优”。其中：…得分9.79分…")
    assert found == [
        ("score_sum_mismatch", "error", "96.69分", "95.69分"),
        ("total_score_restated", "warning", "96.69分", "95.69分"),
    ]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_the_examples_exported_pdf_audits_clean_and_its_table_is_read(tmp_path: Path) -> None:
    # the PDF the finance bureau receives, read back through its text layer: no error, and its 自评表 summed (the 总分
    # moved in the text read from it is found: 9.79 + the indicators' 85.9 = 95.69)
    from selfeval_xl import export_files
    from selfeval_xl.audit import audit_blocks
    from selfeval_xl.audit.reader import read_report

    book = Path(__file__).resolve().parents[2] / "examples" / "daxiang_media_center_2020.xlsx"
    (path,) = export_files(book, tmp_path, ("pdf",))
    report = audit_file(path)
    assert [f"{f.code}: {f.sentence}" for f in report.findings if f.severity is Severity.ERROR] == []
    (text,) = read_report(path)
    assert text.count("总分 100 95.69") == 1
    found = [(f.code, f.stated, f.expected) for f in audit_blocks((text.replace("总分 100 95.69", "总分 100 96.69"),)).findings]
    assert ("score_sum_mismatch", "96.69分", "95.69分") in found
