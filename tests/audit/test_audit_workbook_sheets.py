"""A 自评表 a department keeps in its own workbook (.xlsx, no template of ours) is audited like a report, each finding
placed at its cell: ``selfeval audit 自评表.xlsx``, ``audit_report`` and ``selfeval collect``."""

from __future__ import annotations

import datetime
import hashlib
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from selfeval_xl import audit_report, export_files
from selfeval_xl.cli.audit import audit_command
from selfeval_xl.core.errors import WorkbookError
from selfeval_xl.workbook.sheet_text import sheet_blocks

# Hand computed: 执行率 235 / 250 = 94.00%, its 得分 10 × 94% = 9.40; indicators 9.5 + 20 + 10 + 9 + 10 + 10 + 8.5 + 10
# = 87; 总分 9.40 + 87 = 96.40.
_ROWS: list[list[object]] = [
    ["项目支出绩效自评表"],
    ["(2023年度)"],
    ["项目名称", "乡村道路养护经费", None, None, "主管部门", "县交通运输局"],
    ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", 250, 250, 235, 10, 0.94, 9.4],
    ["其中:本年财政拨款", 250, 250, 235, "—", "—", "—"],
    ["上年结转资金", None, None, None, "—", "—", "—"],
    ["其他资金", None, None, None, "—", "—", "—"],
    ["年度总体目标", "预期目标", None, None, "实际完成情况"],
    ["完成全县农村公路日常养护", None, None, None, "基本完成年度目标"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "养护里程", "≥120公里", "118公里", 10, 9.5, "个别路段雨季延期"],
    [None, "质量指标", "路况优良率", "≥85%", "88%", 20, 20],
    [None, "时效指标", "完成时间", "2023年底前", "按期完成", 10, 10],
    [None, "成本指标", "每公里养护成本", "≤2万元", "1.99万元", 10, 9, "资金到位较晚"],
    ["效益指标", "社会效益指标", "群众出行条件", "明显改善", "达成", 10, 10],
    [None, "经济效益指标", "带动沿线产业", "有所带动", "达成", 10, 10],
    [None, "可持续影响指标", "长效管护机制", "健全", "基本健全", 10, 8.5],
    ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93%", 10, 10],
    ["总分", None, None, None, None, 100, 96.4, "等级：优"],
]


def _book(path: Path, **moved: object) -> Path:
    """The 自评表 as a department's workbook: the 执行率 formatted as a percentage, the scores with two decimals."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "项目自评表"
    for row in _ROWS:
        ws.append(row)
    ws["F5"].number_format = "0.00%"
    for cell in ("G5", "G20"):
        ws[cell].number_format = "0.00"
    for ref, value in moved.items():
        ws[ref] = value
    wb.save(path)
    return path


def _found(path: Path) -> list[tuple[str, str, str | None, str | None, str]]:
    return [(f.severity.value, f.code, f.stated, f.expected, f.cell) for f in audit_report(path).findings]


def test_a_right_table_is_clean_and_a_moved_total_is_found_at_its_cell(tmp_path: Path) -> None:
    assert _found(_book(tmp_path / "right.xlsx")) == []
    assert _found(_book(tmp_path / "total.xlsx", G20=97.4)) == [
        ("error", "score_sum_mismatch", "97.40分", "96.40分", "'项目自评表'!G20")
    ]
    # a row's score moved (8.5 -> 7.5): the 总分 no longer its rows' sum
    assert _found(_book(tmp_path / "row.xlsx", G18=7.5)) == [
        ("error", "score_sum_mismatch", "96.40分", "95.40分", "'项目自评表'!G20")
    ]


def test_the_rate_and_its_score_at_their_cells(tmp_path: Path) -> None:
    # 全年执行数 225: 225 / 250 = 90.00%, not the 94.00% printed in F5
    found = _found(_book(tmp_path / "rate.xlsx", D5=225))
    assert ("error", "execution_rate_mismatch", "94.00%", "90.00%", "'项目自评表'!F5") in found
    # the 资金 得分 9.40 printed as 8.40: 10 × 94% = 9.40 (a warning at G5), and the 总分 is no longer its rows' sum
    found = _found(_book(tmp_path / "score.xlsx", G5=8.4))
    assert ("warning", "table_score_differs", "8.40", "9.40", "'项目自评表'!G5") in found
    assert ("error", "score_sum_mismatch", "96.40分", "95.40分", "'项目自评表'!G20") in found


def test_the_grade_beside_the_total(tmp_path: Path) -> None:
    assert _found(_book(tmp_path / "grade.xlsx", H20="等级：良")) == [("error", "grade_mismatch", "良", "优", "'项目自评表'!H20")]


def test_cells_read_as_excel_shows_them(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["执行率", 0.9788, "得分", 9.788, "合计", 1234.5, "日期", datetime.date(2024, 3, 1), "浮点", 0.1 + 0.2])
    ws["B1"].number_format = "0.00%"
    ws["D1"].number_format = "0.00"
    ws["F1"].number_format = "#,##0"
    hidden = wb.create_sheet("底稿")
    hidden.append(["不显示", 1, 2])
    hidden.sheet_state = "hidden"
    wb.save(tmp_path / "shown.xlsx")
    blocks, rows = sheet_blocks(tmp_path / "shown.xlsx")
    assert blocks == ("执行率 | 97.88% | 得分 | 9.79 | 合计 | 1235 | 日期 | 2024-03-01 | 浮点 | 0.3",)
    assert (rows[0].sheet, rows[0].row, rows[0].columns) == ("Sheet", 1, tuple(range(1, 11)))


def test_the_file_is_never_written(tmp_path: Path) -> None:
    path = _book(tmp_path / "total.xlsx", G20=97.4)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    audit_report(path)
    CliRunner().invoke(audit_command, [str(path), "--json"])
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_the_command_names_the_cell_and_bad_files_get_a_message(tmp_path: Path) -> None:
    path = _book(tmp_path / "自评表.xlsx", G20=97.4)
    result = CliRunner().invoke(audit_command, [str(path)])
    assert result.exit_code == 1
    assert "[错误] '项目自评表'!G20  score_sum_mismatch" in result.output
    document = json.loads(CliRunner().invoke(audit_command, [str(path), "--json"]).output)
    assert [row["cell"] for row in document["findings"]] == ["'项目自评表'!G20"]
    (tmp_path / "坏.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    result = CliRunner().invoke(audit_command, [str(tmp_path / "坏.xlsx")])
    assert result.exit_code == 3
    assert "坏.xlsx" in result.output and "Traceback" not in result.output
    with pytest.raises(WorkbookError):
        sheet_blocks(tmp_path / "坏.xlsx")


def test_collect_lists_a_project_tables_findings_at_their_cells(tmp_path: Path) -> None:
    from selfeval_xl import collect_files

    folder = tmp_path / "in"
    folder.mkdir()
    _book(folder / "乡村道路养护自评表.xlsx", G20=97.4)
    (result,) = collect_files([folder])
    assert (result.status, result.errors) == ("errors", 1)
    assert [(i.code, i.where) for i in result.issues] == [("project_export", ""), ("score_sum_mismatch", "'项目自评表'!G20")]


def test_our_own_exported_workbooks_audit_clean(tmp_path: Path) -> None:
    # the values-only .xlsx the finance bureau receives: no finding; its 自评表's 总分 moved is found at its cell
    examples = Path(__file__).resolve().parents[2] / "examples"
    written = [p for book in sorted(examples.glob("*.xlsx")) for p in export_files(book, tmp_path / book.stem, ("xlsx",))]
    assert len(written) >= 4
    for path in written:
        assert _found(path) == [], path.name
    (project,) = [p for p in written if "营养" in p.name]
    wb = openpyxl.load_workbook(project)
    ws = wb["自评表"]
    (total,) = [row for row in ws.iter_rows() if row[0].value == "总分"]
    score = next(c for c in total if isinstance(c.value, float | int) and c.value != 100)
    score.value = float(score.value) - 1  # type: ignore[arg-type]
    wb.save(tmp_path / "moved.xlsx")
    assert [(code, cell) for _, code, _, _, cell in _found(tmp_path / "moved.xlsx")] == [
        ("score_sum_mismatch", f"'自评表'!{score.coordinate}")
    ]


def test_collect_audits_a_scoring_table_that_is_no_template_of_ours(tmp_path: Path) -> None:
    # a 部门整体 自评表 in a department's own workbook: audited and listed (not refused as "not our template"); a workbook
    # naming no 绩效自评表 is still refused
    from selfeval_xl import collect_files

    folder = tmp_path / "in"
    folder.mkdir()
    path = _book(folder / "某局整体自评表.xlsx", G20=97.4)
    wb = openpyxl.load_workbook(path)
    wb.active["A1"] = "部门(单位)整体支出绩效自评表"  # type: ignore[index]
    wb.save(path)
    _other_workbook(folder / "其他表格.xlsx")
    _assert_own_table(collect_files([folder]), "某局整体自评表.xlsx", "其他表格.xlsx", "not_our_template")


def _other_workbook(path: Path) -> Path:
    """A workbook that names no 绩效自评表."""
    other = openpyxl.Workbook()
    other.active.append(["收入", 100, "支出", 90])  # type: ignore[union-attr]
    other.save(path)
    return path


def _assert_own_table(results: list[Any], table_name: str, other_name: str, other_code: str) -> None:
    """The moved table audited and listed at its cell; the other workbook refused as before."""
    by_name = {r.name: r for r in results}
    table = by_name[table_name]
    assert (table.status, table.errors) == ("errors", 1)
    assert [(i.code, i.where) for i in table.issues] == [("own_table", ""), ("score_sum_mismatch", "'项目自评表'!G20")]
    assert [i.code for i in by_name[other_name].issues] == [other_code]


def test_an_xls_table_is_read_by_calamine(tmp_path: Path) -> None:
    # departments still hand in Excel 97-2003 files: values as stored (no number formats: the 执行率 reads 0.94, a
    # ratio under its header), findings at their cells
    from tests.importers.juesuan_books import soffice, to_xls

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is needed to build the .xls")
    right = to_xls(_book(tmp_path / "right.xlsx"))
    assert _found(right) == []
    (tmp_path / "moved").mkdir()
    moved = to_xls(_book(tmp_path / "moved" / "total.xlsx", G20=97.4))
    assert _found(moved) == [("error", "score_sum_mismatch", "97.4分", "96.4分", "'项目自评表'!G20")]


def test_an_xls_without_its_reader_gets_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from selfeval_xl.workbook.reader import OLE_MAGIC

    path = tmp_path / "自评表.xls"
    path.write_bytes(OLE_MAGIC + b"\x00" * 600)
    monkeypatch.setitem(sys.modules, "python_calamine", None)  # not installed
    result = CliRunner().invoke(audit_command, [str(path)])
    assert result.exit_code == 3
    assert "python-calamine" in result.output and "自评表.xls" in result.output and "Traceback" not in result.output


def test_collect_audits_an_xls_scoring_table(tmp_path: Path) -> None:
    # an .xls naming a 绩效自评表: audited and listed; an .xls naming none is still "old format, save as .xlsx"
    from selfeval_xl import collect_files
    from tests.importers.juesuan_books import soffice, to_xls

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is needed to build the .xls")
    folder = tmp_path / "in"
    folder.mkdir()
    to_xls(_book(folder / "某局整体自评表.xlsx", G20=97.4)).rename(folder / "某局整体自评表.xls")
    (folder / "某局整体自评表.xlsx").unlink()
    to_xls(_other_workbook(folder / "其他.xlsx"))
    (folder / "其他.xlsx").unlink()
    _assert_own_table(collect_files([folder]), "某局整体自评表.xls", "其他.xls", "legacy_xls")


def test_an_audited_tables_row_says_so_in_the_summary(tmp_path: Path) -> None:
    # the 汇总 row of a 自评表 audited, not summed: its 来源 is no 填报工作簿
    from selfeval_xl import collect_files

    folder = tmp_path / "in"
    folder.mkdir()
    _book(folder / "项目自评表.xlsx")
    results = collect_files([folder], output=tmp_path / "汇总.xlsx")
    assert [r.source for r in results] == ["table"]
    # its 提示数 counts the 提示 the 问题清单 lists for it (its reason)
    assert [(r.errors, r.warnings) for r in results] == [(0, 1)]
    ws = openpyxl.load_workbook(tmp_path / "汇总.xlsx")["汇总"]
    rows = [[c for c in row if c is not None] for row in ws.iter_rows(values_only=True)]
    assert any(row[:3] == [1, "项目自评表.xlsx", "自评表（只核对）"] for row in rows)
