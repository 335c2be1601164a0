"""Outputs from odd input: invisible characters and Excel escapes out of file names, names within 255
bytes, a unit name past the .docx property limit, many indicators in the 公文 table, OS errors in Chinese."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from selfeval_xl import evaluate, read_workbook
from selfeval_xl.cli.main import main
from selfeval_xl.render.files import MAX_STEM_BYTES, file_stem, safe_stem
from tests.conftest import EXAMPLE


@pytest.mark.parametrize(("text", "expected"), [
    ("大祥区\u202e心中体媒融", "大祥区心中体媒融"),  # right-to-left override: the name would read backwards
    ("大祥区\u200b融媒体\ufeff中心\u2066", "大祥区融媒体中心"),  # zero-width space, BOM, isolate
    ("大祥区\u00ad融媒体中心", "大祥区融媒体中心"),  # soft hyphen
    ("大祥区\n融媒体中心", "大祥区 融媒体中心"),
])
def test_invisible_characters_never_reach_a_file_name(text: str, expected: str) -> None:
    assert safe_stem(text) == expected


def test_a_long_chinese_name_stays_within_255_bytes() -> None:
    stem = file_stem("report", "很长的单位名称" * 40, 2020)
    assert len(stem.encode("utf-8")) <= MAX_STEM_BYTES
    assert len((stem + ".docx").encode("utf-8")) <= 255


def test_an_escaped_line_break_in_the_unit_name_is_a_space_in_file_names(
        example_data: dict[str, Any], make_book: Callable[..., Path], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    example_data["fields"]["unit_name"] = "大祥区_x000B_融媒体中心"  # what Excel saves for a pasted Word line break
    book = make_book(example_data)
    out = tmp_path / "out"
    assert main(["export", str(book), "-o", str(out), "--formats", "xlsx,docx"]) == 0
    capsys.readouterr()
    names = sorted(p.name for p in out.iterdir())
    assert names == ["大祥区 融媒体中心2020年部门整体支出绩效自评报告.docx", "大祥区 融媒体中心2020年部门整体支出绩效自评表.xlsx"]
    with zipfile.ZipFile(out / names[0]) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "_x000B_" not in body and "\x0b" not in body


def test_a_unit_name_past_the_docx_limit_is_an_error_and_never_a_crash(
        example_data: dict[str, Any], make_book: Callable[..., Path], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    example_data["fields"]["unit_name"] = "大祥区融媒体中心" * 40  # 320 characters
    book = make_book(example_data)
    assert main(["check", str(book), "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert [(i["sheet"], i["cell"]) for i in doc["issues"] if i["code"] == "unit_name_too_long"] == [("基本信息", "C4")]
    out = tmp_path / "out"
    assert main(["export", str(book), "-o", str(out), "--formats", "docx", "--force"]) == 1  # written, with errors
    err = capsys.readouterr().err
    (docx,) = out.glob("*.docx")
    assert len(docx.name.encode("utf-8")) <= 255 and "内部错误" not in err


def test_many_indicators_make_a_docx(example_data: dict[str, Any], make_book: Callable[..., Path],
                                     tmp_path: Path) -> None:
    """Hundreds of indicators: the 自评表 table is built in linear time (python-docx's cell lookup is not)."""
    from selfeval_xl.render.docx import report_docx

    indicators = example_data["tables"]["indicators"]
    example_data["tables"]["indicators"] = [dict(indicators[n % len(indicators)], name=f"指标{n}")
                                            for n in range(150)]
    evaluation = evaluate(read_workbook(make_book(example_data)))
    data = report_docx(evaluation.narrative(force=True), tables=evaluation_sheets(evaluation))
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert body.count("<w:tr>") + body.count("<w:tr ") > 150 and "指标149" in body


def evaluation_sheets(evaluation: Any) -> list[Any]:
    from selfeval_xl.pipeline import output_sheets

    return [s for s in output_sheets(evaluation, "生成时间：x", force=True) if s.title == "自评表"]


def test_an_output_name_over_255_bytes_exits_4_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["report", str(EXAMPLE), "-o", str(tmp_path / ("报告" * 50 + ".xlsx"))])
    err = capsys.readouterr().err
    assert code == 4 and "文件名过长" in err


def test_an_input_name_over_255_bytes_exits_3_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(tmp_path / ("工作簿" * 30 + ".xlsx"))])
    err = capsys.readouterr().err
    assert code == 3 and "文件名过长" in err


def test_an_unreadable_input_exits_3_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """No permission to read (simulated: the tests may run as root, who may read anything)."""
    book = tmp_path / "locked.xlsx"
    book.write_bytes(EXAMPLE.read_bytes())
    real_open = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == book:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    code = main(["check", str(book)])
    err = capsys.readouterr().err
    assert code == 3 and "没有访问权限" in err and "locked.xlsx" in err
