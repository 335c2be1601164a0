"""selfeval collect: generated department workbooks, hostile files and reports in one batch."""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from benchmarks.generate import department_data
from selfeval_xl.cli.main import main
from selfeval_xl.collect.batch import discover, run_batch
from selfeval_xl.collect.summary import ranking, score_bands
from selfeval_xl.collect.worker import ERRORS, OK, FileResult, examine
from selfeval_xl.workbook.template import template_bytes
from tests.conftest import ROOT, sha256
from tests.workbook.test_bad_files import BAD_FILES

AUDIT_DATA = ROOT / "tests" / "audit" / "data"


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def crash_on_purpose(path: str, name: str) -> FileResult:
    """A worker that dies (as a segfault would) on one file: module level, so the pool can pickle it."""
    if "crash" in name:
        os._exit(7)
    return examine(path, name)


@pytest.fixture
def batch(tmp_path: Path, example_data: dict[str, Any]) -> Path:
    """12 departments (one with errors), hostile files of every kind, two reports, a lock file."""
    folder = tmp_path / "报送"
    (folder / "乡镇").mkdir(parents=True)
    for n in range(12):
        data = department_data(example_data, n)
        if n == 5:  # 人员经费 no longer adds up: an error at its cell
            data["tables"]["general"][2]["executed"] += Decimal("1.00")
        sub = folder / "乡镇" if n % 3 == 0 else folder
        (sub / f"单位{n:02d}.xlsx").write_bytes(template_bytes(data))
    for kind in ("random", "csv", "truncated", "xls", "xmlbomb", "other"):
        BAD_FILES[kind][0](folder / f"坏_{kind}.xlsx")
    with zipfile.ZipFile(folder / "坏_zipbomb.xlsx", "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("xl/workbook.xml", b"<workbook/>")
        bomb.writestr("xl/worksheets/sheet1.xml", b"\x00" * (30 * 1024 * 1024))
    shutil.copy(AUDIT_DATA / "media_center_2021_errors.txt", folder / "报告_有错.txt")
    shutil.copy(AUDIT_DATA / "daxiang_2020.txt", folder / "报告_大祥.txt")
    (folder / "~$单位00.xlsx").write_bytes(b"lock")
    (folder / "说明.md").write_text("not an input", encoding="utf-8")
    return folder


def test_batch_with_hostile_files_and_reports(batch: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    before = {p: sha256(p) for p in batch.rglob("*") if p.is_file()}
    out = tmp_path / "汇总.xlsx"
    code, stdout, _ = run(capsys, "collect", batch, "-o", out, "--jobs", "2", "--json", "--no-progress")
    doc = json.loads(stdout)
    assert code == 1  # some files have errors or cannot be read: all of them are rows, none stopped the batch
    assert {p: sha256(p) for p in batch.rglob("*") if p.is_file()} == before
    rows = {d["file"]: d for d in doc["departments"]}
    assert len(rows) == 12 + 7 and doc["files"] == 12 + 7 + 2
    assert [d["file"] for d in doc["departments"]] == sorted(rows)
    assert {f for f, d in rows.items() if d["status"] == "ok"} == {
        f"单位{n:02d}.xlsx" for n in range(12) if n % 3 and n != 5} | {f"乡镇/单位{n:02d}.xlsx" for n in (0, 3, 6, 9)}
    assert rows["单位05.xlsx"]["status"] == "errors" and rows["单位05.xlsx"]["errors"] >= 1
    expected_reasons = {"坏_random.xlsx": "不是有效的 Excel 工作簿", "坏_csv.xlsx": "CSV", "坏_truncated.xlsx": "损坏",
                        "坏_xls.xlsx": "97-2003", "坏_xmlbomb.xlsx": "拒绝处理", "坏_other.xlsx": "不是用绩效自评模板填写",
                        "坏_zipbomb.xlsx": "拒绝处理"}
    for name, reason in expected_reasons.items():
        assert rows[name]["status"] == "unreadable" and reason in rows[name]["reason"], rows[name]
    good = rows["单位01.xlsx"]
    assert good["unit_name"] == "第2号测试单位" and good["grade"] in "优良中差" and Decimal(good["score"]) > 0
    assert Decimal(good["personnel_share"]) + Decimal(good["public_share"]) == 100
    # totals per year, of the usable files only: the file with errors is listed, not counted
    for year_total in doc["totals"]:
        counted = [d for d in rows.values() if d["status"] == "ok" and d["year"] == year_total["year"]]
        assert year_total["departments"] == len(counted)
        assert Decimal(year_total["total"]) == sum(Decimal(d["total"]) for d in counted)
    assert "不计入合计和排名" in rows["单位05.xlsx"]["reason"]
    assert "单位05.xlsx" not in {r["file"] for r in doc["ranking"]}
    # issues across all files: file + sheet!cell + message
    issues = doc["issues"]
    assert any(i["file"] == "单位05.xlsx" and i["where"].startswith("'预算支出'!") and i["severity"] == "error"
               for i in issues)
    assert any(i["file"] == "坏_csv.xlsx" and i["code"] == "csv_as_xlsx" for i in issues)
    # issue 8: audit findings of the reports found among the workbooks
    reports = {r["file"]: r for r in doc["reports"]}
    assert set(reports) == {"报告_有错.txt", "报告_大祥.txt"}
    assert reports["报告_有错.txt"]["errors"] > 0 and reports["报告_大祥.txt"]["errors"] == 0
    assert any(i["file"] == "报告_有错.txt" and "段" in i["where"] for i in issues)
    # ranking: scores never increase; ties share a rank
    scores = [Decimal(r["score"]) for r in doc["ranking"] if r["score"]]
    assert scores == sorted(scores, reverse=True) and doc["ranking"][0]["rank"] == 1
    _check_workbook(out, doc)


def _check_workbook(out: Path, doc: dict[str, Any]) -> None:
    with zipfile.ZipFile(out) as archive:
        charts = sorted(n for n in archive.namelist() if n.startswith("xl/charts/chart"))
        assert len(charts) == 4  # native chart parts, no pictures (one year: no 同比 chart)
        kinds = "".join(archive.read(n).decode() for n in charts)
        assert kinds.count("<pieChart>") == 1 and kinds.count("<barChart>") == 3
        assert not [n for n in archive.namelist() if n.startswith("xl/media/")]
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["汇总", "排名", "问题清单", "报告审核", "图表", "得分分布", "执行率偏低", "同比"]
    summary = book["汇总"]
    files = [summary.cell(r, 2).value for r in range(3, 3 + len(doc["departments"]))]
    assert files == [d["file"] for d in doc["departments"]]
    header = [c.value for c in summary[2]]
    col = {h: i + 1 for i, h in enumerate(header)}
    first = doc["departments"][0]
    row = 3
    assert summary.cell(row, col["状态"]).value in ("正常", "有错误", "无法读取")
    total_row = 3 + len(doc["departments"])
    assert summary.cell(total_row, col["一般公共预算支出合计"]).value == pytest.approx(float(doc["totals"][0]["total"]))
    assert "年合计" in summary.cell(total_row, 2).value
    assert first["file"] == summary.cell(row, 2).value
    issues = book["问题清单"]
    assert issues.max_row - 1 == len(doc["issues"])
    assert book["排名"].max_row - 1 == len(doc["ranking"])


def test_a_worker_that_dies_costs_only_its_own_file(batch: Path) -> None:
    items = discover([batch])[:6]
    crashed = (str(batch / "单位01.xlsx"), "crash-单位01.xlsx")
    results = run_batch([*items, crashed], 2, work=crash_on_purpose)
    assert [r.status for r in results[:-1]] == [examine(*i).status for i in items]
    assert results[-1].status == "failed" and "异常终止" in results[-1].reason


def test_discover_skips_lock_hidden_and_output_files(tmp_path: Path) -> None:
    for name in ("b.xlsx", "a.xlsx", "~$a.xlsx", ".hidden.xlsx", "报告.docx", "notes.md", "汇总.xlsx"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.xlsx").write_bytes(b"x")
    found = [shown for _, shown in discover([tmp_path], exclude=[tmp_path / "汇总.xlsx"])]
    assert found == ["a.xlsx", "b.xlsx", "报告.docx"]
    explicit = tmp_path / "notes.md"
    assert [shown for _, shown in discover([explicit, tmp_path / "missing.xlsx"])] == [
        str(tmp_path / "missing.xlsx"), str(explicit)]


def test_a_missing_file_named_on_the_command_line_is_a_row(make_book: Callable[..., Path], tmp_path: Path,
                                                           example_data: dict[str, Any],
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    book = make_book(example_data)
    code, stdout, _ = run(capsys, "collect", book, tmp_path / "缺失.xlsx", "--json", "--jobs", "1")
    doc = json.loads(stdout)
    assert code == 1 and [d["status"] for d in doc["departments"]] == ["ok", "unreadable"]
    assert "找不到文件" in doc["departments"][1]["reason"]
    assert doc["ranking"][0]["unit_name"] == "大祥区融媒体中心" and doc["ranking"][0]["score"] == "95.69"


def test_usage_and_empty_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "collect", tmp_path)[0] == 2  # neither -o nor --json
    code, _, err = run(capsys, "collect", tmp_path, "--json")
    assert code == 3 and "没有找到工作簿" in err


def test_clean_batch_exits_0_and_writes_the_summary(tmp_path: Path, example_data: dict[str, Any],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"d{n}.xlsx").write_bytes(template_bytes(department_data(example_data, n)))
    out = tmp_path / "汇总.xlsx"
    code, stdout, err = run(capsys, "collect", folder, "-o", out, "--no-progress")
    assert code == 0 and out.exists() and "共处理工作簿 3 个" in err + stdout
    again = tmp_path / "again.xlsx"
    assert run(capsys, "collect", folder, "-o", again, "--jobs", "1")[0] == 0
    assert sha256(again) == sha256(out)  # deterministic: same inputs, same bytes, whatever the pool size
    # an existing summary is replaced only with --force, and refused before anything is read
    (folder / "d0.xlsx").write_bytes(b"not a workbook")
    before = sha256(out)
    code, _, err = run(capsys, "collect", folder, "-o", out, "--no-progress")
    assert code == 4 and "已存在" in err and "--force" in err and sha256(out) == before
    code, _, _ = run(capsys, "collect", folder, "-o", out, "--no-progress", "--force")
    assert code == 1 and sha256(out) != before  # replaced; the broken workbook is reported


def _result(name: str, score: str | None, rate: str = "95.00", status: str = OK) -> FileResult:
    return FileResult(name, "workbook", status, unit_name=name, figures=(("execution_rate", Decimal(rate)),),
                      score=Decimal(score) if score else None, grade="")


@pytest.mark.parametrize(("scores", "ranks"), [
    (["90", "95", "90", "80"], [("b", 1), ("a", 2), ("c", 2), ("d", 4)]),
    (["70", None, "85"], [("c", 1), ("a", 2), ("b", None)]),
])
def test_ranking_ties_share_a_rank(scores: list[str | None], ranks: list[tuple[str, int | None]]) -> None:
    results = [_result(chr(97 + i), s) for i, s in enumerate(scores)]
    assert [(r.name, rank) for rank, r in ranking(results)] == ranks


def test_score_bands() -> None:
    results = [_result("a", "95"), _result("b", "90"), _result("c", "89.99"), _result("d", "59.99"),
               _result("e", None), _result("f", "70", status=ERRORS),
               FileResult("g", "workbook", "unreadable", "坏文件")]
    assert [count for _, count in score_bands(results)] == [2, 1, 0, 1, 1]  # f has errors: not counted
