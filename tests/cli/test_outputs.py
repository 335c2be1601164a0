"""What the commands write and say at the end: no silent overwrite, no .xlsm name, 提示 and a summary."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from selfeval_xl.cli.main import main
from tests.conftest import EXAMPLE, ROOT

WARNING_LINE = re.compile(r"提示  '预算支出'!E\d+  公用经费占基本支出的 68\.03%")  # the example's one 提示
SUMMARY = "共 0 个错误、1 条提示。"


@pytest.fixture
def book(tmp_path: Path) -> Path:
    path = tmp_path / "单位.xlsx"
    shutil.copyfile(EXAMPLE, path)
    return path


def test_report_lists_the_warnings_and_ends_with_the_summary(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(book)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"已生成：{book.with_name('单位_报告.xlsx')}"
    assert WARNING_LINE.match(lines[1])
    assert lines[-1] == SUMMARY


def test_quiet_silences_the_warnings_not_the_summary(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(book), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "提示  " not in out and out.splitlines()[-1] == SUMMARY


def test_report_text_keeps_stdout_for_the_report(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(book), "--text"]) == 0
    captured = capsys.readouterr()
    assert "提示  " not in captured.out and SUMMARY not in captured.out
    assert captured.err.splitlines()[-1] == SUMMARY and WARNING_LINE.search(captured.err)
    assert not book.with_name("单位_报告.xlsx").exists()


def test_forced_report_lists_errors_even_when_quiet(make_book, example_data, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    example_data["fields"]["year"] = None
    path = make_book(example_data)
    assert main(["report", str(path), "-o", str(tmp_path / "r.xlsx"), "--force", "--quiet"]) == 1
    out = capsys.readouterr().out
    assert "错误  '基本信息'!C6" in out and "提示  " not in out
    assert out.splitlines()[-1].startswith("共 1 个错误、")


def test_export_ends_with_the_summary(book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(book), "-o", str(tmp_path / "out"), "--formats", "xlsx"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("已导出：") and WARNING_LINE.match(lines[1]) and lines[-1] == SUMMARY


@pytest.mark.parametrize("command", ["report", "check"])
def test_output_exists_needs_force(command: str, book: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "别人的文件.xlsx"
    other.write_bytes(b"not ours")
    assert main([command, str(book), "-o", str(other)]) == 4
    assert other.read_bytes() == b"not ours"
    assert f"“{other}”已存在；如需覆盖，请加 --force。" in capsys.readouterr().err
    assert main([command, str(book), "-o", str(other), "--force"]) == 0
    assert other.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize("command", ["report", "check"])
def test_read_only_output_is_never_replaced(command: str, book: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "只读.xlsx"
    locked.write_bytes(b"keep")
    locked.chmod(0o444)
    assert main([command, str(book), "-o", str(locked), "--force"]) == 4
    assert locked.read_bytes() == b"keep"
    assert "只读文件" in capsys.readouterr().err


def test_default_report_output_is_ours_and_replaced_with_a_word(book: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    default = book.with_name("单位_报告.xlsx")
    assert main(["report", str(book)]) == 0
    first = capsys.readouterr().out
    assert "已替换" not in first
    assert main(["report", str(book)]) == 0
    assert f"已替换上次生成的“{default}”。" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["y.xlsm", "y.xltm", "y.xls", "y"])
def test_no_workbook_under_another_format_name(name: str, book: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    macro_book = tmp_path / "x.xlsm"
    shutil.copyfile(book, macro_book)
    for command in ("report", "check"):
        assert main([command, str(macro_book), "-o", str(tmp_path / name)]) == 4
        err = capsys.readouterr().err
        assert "不含宏的 Excel 工作簿（.xlsx）" in err and "“y.xlsx”" in err
    assert not (tmp_path / name).exists()
    assert main(["template", "-o", str(tmp_path / name)]) == 4


def test_template_writes_the_default_name_in_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["template"]) == 0
    written = tmp_path / "绩效自评模板.xlsx"
    assert written.read_bytes() == (ROOT / "workbook_template.xlsx").read_bytes()
    assert "绩效自评模板.xlsx" in capsys.readouterr().out
    assert main(["template"]) == 4  # exists: --force to replace it
    assert main(["template", "--force"]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["绩效自评模板.xlsx"]
