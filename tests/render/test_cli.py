"""``selfeval export``: exit codes, never overwriting without --force, refusing a workbook with errors."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import openpyxl
import pytest

from selfeval_xl.cli.main import main
from tests.conftest import EXAMPLE, sha256
from tests.render.conftest import needs_soffice

REPORT = "大祥区融媒体中心2020年部门整体支出绩效自评报告"
SCORING = "大祥区融媒体中心2020年部门整体支出绩效自评表"
posix = pytest.mark.skipif(os.name != "posix", reason="the stand-in soffice is a shell script")


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_export_is_listed_in_help(capsys) -> None:
    assert main(["--help"]) == 0
    assert "export" in capsys.readouterr().out


@needs_soffice
def test_default_export_writes_the_three_files(tmp_path: Path, capsys) -> None:
    before = sha256(EXAMPLE)
    assert main(["export", str(EXAMPLE), "-o", str(tmp_path / "报送")]) == 0
    assert names(tmp_path / "报送") == [f"{REPORT}.docx", f"{REPORT}.pdf", f"{SCORING}.xlsx"]
    assert capsys.readouterr().out.count("已导出") == 3
    assert sha256(EXAMPLE) == before  # the input is only read


def test_default_output_folder_is_beside_the_book(tmp_path: Path) -> None:
    book = tmp_path / "book.xlsx"
    shutil.copy(EXAMPLE, book)
    assert main(["export", str(book), "--formats", "docx"]) == 0
    assert names(tmp_path) == ["book.xlsx", f"{REPORT}.docx"]


def test_never_overwrites_without_force(tmp_path: Path, capsys) -> None:
    args = ["export", str(EXAMPLE), "-o", str(tmp_path), "--formats", "xlsx,docx"]
    assert main(args) == 0
    docx = tmp_path / f"{REPORT}.docx"
    docx.write_bytes(b"edited by hand")
    (tmp_path / f"{SCORING}.xlsx").unlink()
    capsys.readouterr()
    assert main(args) == 4
    err = capsys.readouterr().err
    assert "已存在" in err and "--force" in err
    assert docx.read_bytes() == b"edited by hand"
    assert not (tmp_path / f"{SCORING}.xlsx").exists()  # all or nothing: checked before the first write
    assert main([*args, "--force"]) == 0
    assert docx.read_bytes().startswith(b"PK")
    assert not [n for n in names(tmp_path) if n.startswith(".~")]


def test_refuses_to_overwrite_its_input(tmp_path: Path, capsys) -> None:
    book = tmp_path / f"{SCORING}.xlsx"  # the book carries the name of the exported workbook
    shutil.copy(EXAMPLE, book)
    before = sha256(book)
    assert main(["export", str(book), "--formats", "xlsx", "--force"]) == 4
    assert "不能与输入工作簿相同" in capsys.readouterr().err
    assert sha256(book) == before


def test_errors_refuse_the_export_unless_forced(make_book, example_data, tmp_path: Path, capsys) -> None:
    example_data["fields"]["staffing"] = "八"
    book = make_book(example_data)
    out = tmp_path / "out"
    assert main(["export", str(book), "-o", str(out), "--formats", "xlsx,docx"]) == 1
    err = capsys.readouterr().err
    assert "'基本信息'!" in err and "未导出" in err and "--force" in err
    assert not out.exists()
    assert main(["export", str(book), "-o", str(out), "--formats", "xlsx,docx", "--force"]) == 1
    import docx

    document = docx.Document(str(out / f"{REPORT}.docx"))
    assert "强制生成" in document.paragraphs[1].text  # the banner: not for submission
    assert "强制生成" in openpyxl.load_workbook(out / f"{SCORING}.xlsx")["自评报告"]["B2"].value


def test_sheets_option_chooses_the_workbook_sheets(tmp_path: Path) -> None:
    assert main(["export", str(EXAMPLE), "-o", str(tmp_path), "--formats", "xlsx", "--sheets", "计算明细，自评报告"]) == 0
    (path,) = tmp_path.iterdir()
    assert path.name == f"{REPORT}.xlsx"  # no 自评表 inside: named after the report
    assert openpyxl.load_workbook(path).sheetnames == ["计算明细", "自评报告"]


@pytest.mark.parametrize("args", [
    ["--formats", "doc"],
    ["--formats", "xlsx,html"],
    ["--formats", ""],
    ["--sheets", "基本信息"],  # an input sheet is never exported
    ["--sheets", " , "],
])
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    assert main(["export", str(EXAMPLE), "-o", str(tmp_path), *args]) == 2
    assert list(tmp_path.iterdir()) == []


def test_unreadable_input_exits_3(tmp_path: Path) -> None:
    assert main(["export", str(tmp_path / "missing.xlsx"), "-o", str(tmp_path)]) == 3


def test_missing_libreoffice_is_explained_and_nothing_is_written(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("SELFEVAL_SOFFICE", "")
    assert main(["export", str(EXAMPLE), "-o", str(tmp_path)]) == 4
    err = capsys.readouterr().err
    assert "LibreOffice" in err and "apt-get install" in err and "--formats xlsx,docx" in err
    assert list(tmp_path.iterdir()) == []  # the checks come before the first file


@posix
def test_failing_conversion_is_an_output_error(tmp_path: Path, monkeypatch, capsys) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 3\n")
    fake.chmod(0o755)
    out = tmp_path / "out"
    monkeypatch.setenv("SELFEVAL_SOFFICE", str(fake))
    assert main(["export", str(EXAMPLE), "-o", str(out), "--formats", "docx,pdf"]) == 4
    assert "生成 PDF 失败" in capsys.readouterr().err
    assert not out.exists() or names(out) == []


@posix
def test_a_hanging_conversion_is_stopped(tmp_path: Path) -> None:
    from selfeval_xl.render import ExportFailure, docx_to_pdf

    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 30 &\nwait\n")
    fake.chmod(0o755)
    with pytest.raises(ExportFailure) as caught:
        docx_to_pdf(b"PK", tmp_path / "x.pdf", soffice=str(fake), timeout=0.5)
    assert "秒内未完成" in caught.value.message
