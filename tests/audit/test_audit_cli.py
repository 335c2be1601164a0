"""``selfeval audit`` through click's CliRunner: exit codes, listing, stable --json (golden file)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from audit_corpus import DATA
from click.testing import CliRunner

from selfeval_xl.cli.audit import audit_command

GOLDEN = DATA / "golden"
GOLDEN_CASES = ("daxiang_2020.txt", "media_center_2021_errors.txt")


@pytest.fixture
def in_data(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(DATA)  # the JSON names the file as given on the command line
    return DATA


def test_exit_0_with_warnings_only(in_data: Path) -> None:
    result = CliRunner().invoke(audit_command, ["daxiang_2020.txt"])
    assert result.exit_code == 0, result.output
    assert "[警告] 二、一般公共预算支出情况 第1段（全文第22段）  term_typo" in result.output
    assert "原文：融媒体中心2020年部门整体支出176.18万元" in result.output
    assert "报告值：基本指出；应为：基本支出" in result.output
    assert result.output.rstrip().endswith("共发现 0 个错误、1 个警告（全文 39 段，识别数字 22 个）。")


def test_exit_0_clean_report(in_data: Path) -> None:
    result = CliRunner().invoke(audit_command, ["nanxian_finance_2020_score_first.txt"])
    assert result.exit_code == 0
    assert "未发现问题" in result.output


def test_exit_1_with_errors(in_data: Path) -> None:
    result = CliRunner().invoke(audit_command, ["media_center_2021_errors.txt"])
    assert result.exit_code == 1
    assert "[错误]" in result.output


def test_exit_2_usage() -> None:
    assert CliRunner().invoke(audit_command, []).exit_code == 2
    assert CliRunner().invoke(audit_command, ["x.txt", "--bogus"]).exit_code == 2


def test_exit_3_unreadable(tmp_path: Path) -> None:
    result = CliRunner().invoke(audit_command, [str(tmp_path / "missing.docx")])
    assert result.exit_code == 3
    assert "找不到文件" in result.output
    (tmp_path / "report.xlsx").write_bytes(b"PK")
    assert CliRunner().invoke(audit_command, [str(tmp_path / "report.xlsx")]).exit_code == 3


@pytest.mark.parametrize("name", GOLDEN_CASES)
def test_json_output_is_stable(in_data: Path, name: str) -> None:
    first = CliRunner().invoke(audit_command, [name, "--json"])
    second = CliRunner().invoke(audit_command, [name, "--json"])
    assert first.output == second.output
    document = json.loads(first.output)
    assert list(document) == ["file", "findings", "summary"]
    assert document["file"] == name
    for row in document["findings"]:
        assert list(row) == [
            "code", "severity", "section", "paragraph", "section_paragraph", "sentence", "stated", "expected", "message",
            "confidence", "cell",  # appended: the earlier keys keep their names and order
        ]  # fmt: skip
        assert row["confidence"] in ("high", "medium", "low")
    assert "\\u" not in first.output  # ensure_ascii=False: Chinese stays readable
    golden = GOLDEN / (Path(name).stem + ".json")
    if os.environ.get("SELFEVAL_REGEN_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(first.output, encoding="utf-8")
    assert first.output == golden.read_text(encoding="utf-8"), (
        "run with SELFEVAL_REGEN_GOLDEN=1 to regenerate"
    )
