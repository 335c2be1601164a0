"""The CLI on the example and on bad input: exit codes, JSON, outputs, and the input left untouched."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from selfeval_xl.cli.main import main
from tests.conftest import EXAMPLE, ROOT, sha256


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI as a user would, in a fresh process."""
    return subprocess.run([sys.executable, "-m", "selfeval_xl", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, timeout=120)


def test_report_text_on_example() -> None:
    before = sha256(EXAMPLE)
    proc = run("report", str(EXAMPLE), "--text")
    assert proc.returncode == 0, proc.stderr
    assert "人员经费30.75万元，占基本支出的31.97%" in proc.stdout
    assert "Traceback" not in proc.stderr
    assert sha256(EXAMPLE) == before


def test_report_default_output_beside_input(tmp_path: Path) -> None:
    book = tmp_path / "单位.xlsx"
    book.write_bytes(EXAMPLE.read_bytes())
    assert main(["report", str(book)]) == 0
    assert (tmp_path / "单位_报告.xlsx").exists()
    assert book.read_bytes() == EXAMPLE.read_bytes()


def test_report_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    book = tmp_path / "b.xlsx"
    book.write_bytes(EXAMPLE.read_bytes())
    assert main(["report", str(book), "-o", str(book)]) == 4
    assert book.read_bytes() == EXAMPLE.read_bytes()


def test_check_json_on_example() -> None:
    proc = run("check", str(EXAMPLE), "--json")
    assert proc.returncode == 0
    doc = json.loads(proc.stdout)
    assert doc["errors"] == 0
    assert set(doc["issues"][0]) == {"code", "severity", "sheet", "cell", "message"}


def test_errors_block_report_unless_forced(make_book, example_data, tmp_path: Path, capsys) -> None:
    example_data["fields"]["year"] = None
    book = make_book(example_data)
    out = tmp_path / "r.xlsx"
    assert main(["report", str(book), "-o", str(out)]) == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert "'基本信息'!C6" in err and "--force" in err
    assert main(["report", str(book), "-o", str(out), "--force"]) == 1
    import openpyxl

    ws = openpyxl.load_workbook(out)["自评报告"]
    assert "强制生成" in ws["B2"].value


def test_check_writes_annotated_copy(make_book, example_data, tmp_path: Path) -> None:
    example_data["fields"]["staffing"] = "八"
    book = make_book(example_data)
    before = sha256(book)
    out = tmp_path / "checked.xlsx"
    assert main(["check", str(book), "-o", str(out)]) == 1
    assert sha256(book) == before
    import openpyxl

    copy = openpyxl.load_workbook(out)
    cell = copy["基本信息"]["C16"]
    assert cell.fill.fgColor.rgb.endswith("FFC7CE") and "阿拉伯数字" in cell.comment.text
    assert copy["校验结果"]["D3"].hyperlink.location == "'基本信息'!C16"
    original = openpyxl.load_workbook(book)["基本信息"]["C16"]
    assert original.comment is None


def test_template_command(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    assert main(["template", "-o", str(out)]) == 0
    assert out.read_bytes() == (ROOT / "workbook_template.xlsx").read_bytes()
    assert main(["template", "-o", str(out)]) == 4  # exists, no --force
    assert main(["template", "-o", str(out), "--force"]) == 0


@pytest.mark.parametrize("args", [["report"], ["check", "--nope", "x.xlsx"], ["frobnicate"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    proc = run(*args)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_template_on_empty_template_reports_required_fields(tmp_path: Path) -> None:
    proc = run("check", str(ROOT / "workbook_template.xlsx"), "--json")
    assert proc.returncode == 1
    cells = {(i["sheet"], i["cell"]) for i in json.loads(proc.stdout)["issues"] if i["code"] == "required"}
    assert ("基本信息", "C4") in cells and ("预算支出", "E19") in cells
