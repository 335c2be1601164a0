"""What only desktop Excel's COM path does, through a recording fake that asserts Excel's documented
limits (tests/excel/fake_com.py): page setup through ``.api``, hyperlinks to ``#'sheet'!A1``, row
heights, Excel's own PDF of the sheets to hand in, and ``GetOpenFilename`` for 导入明细账."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from selfeval_xl import evaluate, read_workbook
from selfeval_xl.core import texts
from selfeval_xl.excel import adapter
from selfeval_xl.pipeline import output_sheets
from tests.conftest import EXAMPLE
from tests.excel.fake_com import FakeComBook

ISSUES, REPORT, CALC = texts.UI["sheet_issues"], texts.UI["sheet_report"], texts.UI["sheet_calc"]


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "财务 资料" / "单位自评.xlsx"  # a Chinese folder name with a space
    path.parent.mkdir()
    shutil.copy(EXAMPLE, path)
    return path


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")


def _alerts(book: FakeComBook) -> list[tuple[str, str, str, str]]:
    return book.calls.of("alert")


def test_generate_report_sets_up_pages_links_and_heights_within_excels_limits(saved: Path, windows: None) -> None:
    book = FakeComBook(saved)
    adapter.run_generate_report(book)  # type: ignore[arg-type]
    assert _alerts(book) == []  # success: the activated report is the answer
    expected = output_sheets(evaluate(read_workbook(saved)), "")
    written = list(book.calls.of("add_sheet"))
    assert written == [c.title for c in expected]
    setups = {}
    for sheet, name, value in book.calls.of("page_setup"):
        setups.setdefault(sheet, {})[name] = value
    for content in expected:
        assert setups[content.title] == {"PaperSize": 9, "Orientation": 2 if content.landscape else 1,
                                         "Zoom": False, "FitToPagesWide": 1, "FitToPagesTall": False,
                                         "CenterHorizontally": True}, content.title
    links = book.calls.of("hyperlink")
    assert links and all(address.startswith("#") and sheet == ISSUES for sheet, _, address, _ in links)
    assert all(tip == texts.ADDIN["link.tip"].format(where=address[1:]) for _, _, address, tip in links)
    # every value the CLI writes is what went to Excel (text marked as text)
    report = book.sheets[REPORT]
    content = next(c for c in expected if c.title == REPORT)
    assert all(report.cells[cell.row, cell.col] == "'" + cell.value for cell in content.cells if cell.value)
    assert book.calls.of("activate")[-1] == REPORT


def test_no_page_setup_off_windows(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    book = FakeComBook(saved)
    adapter.run_generate_report(book)  # type: ignore[arg-type]
    assert book.calls.of("page_setup") == []


def test_export_prints_the_sheets_to_hand_in_through_excel(saved: Path, windows: None) -> None:
    book = FakeComBook(saved)
    adapter.run_export(book)  # type: ignore[arg-type]
    (pdf, include), = book.calls.of("to_pdf")
    assert include == [REPORT, texts.UI["sheet_scoring"]]  # not 校验结果, not 计算明细
    folder = saved.parent
    names = sorted(p.name for p in folder.iterdir() if p != saved)
    stem = "大祥区融媒体中心2020年部门整体支出绩效自评"
    assert names == [f"{stem}报告.docx", f"{stem}报告.pdf", f"{stem}表.xlsx"]
    assert Path(pdf) == folder / f"{stem}报告.pdf"
    (prompt, _title, _buttons, mode), = _alerts(book)
    assert mode == "info" and str(folder) in prompt and f"{stem}报告.pdf" in prompt


def test_export_asks_before_replacing_and_no_leaves_the_files(saved: Path, windows: None) -> None:
    adapter.run_export(FakeComBook(saved))  # type: ignore[arg-type]
    before = {p.name: p.stat().st_mtime_ns for p in saved.parent.iterdir()}
    book = FakeComBook(saved, answers={"alert": "no"})
    adapter.run_export(book)  # type: ignore[arg-type]
    (question, _t, buttons, _m), = _alerts(book)
    assert buttons == "yes_no" and "是否覆盖" in question
    assert book.calls.of("to_pdf") == []
    assert {p.name: p.stat().st_mtime_ns for p in saved.parent.iterdir()} == before


def test_a_failing_pdf_print_keeps_the_other_files(saved: Path, windows: None, monkeypatch: pytest.MonkeyPatch) -> None:
    book = FakeComBook(saved)

    def no_printer(path: object, include: object = None) -> None:
        raise RuntimeError("没有安装打印机")

    monkeypatch.setattr(book, "to_pdf", no_printer)
    adapter.run_export(book)  # type: ignore[arg-type]
    (prompt, *_), = _alerts(book)
    assert "PDF 导出失败" in prompt and "没有安装打印机" in prompt
    assert sum(1 for p in saved.parent.iterdir() if p.suffix in (".xlsx", ".docx")) == 3  # the book + 2


def test_import_ledger_asks_excels_own_file_dialog(saved: Path, windows: None, tmp_path: Path) -> None:
    from benchmarks.generate import write_ledger
    from examples.build_examples import DAXIANG_2020

    ledger = write_ledger(tmp_path / "明细账.xlsx", 1_000, DAXIANG_2020)
    book = FakeComBook(saved, answers={"open_filename": str(ledger)})
    adapter.run_import_ledger(book)  # type: ignore[arg-type]
    (file_filter, index, title), = book.calls.of("get_open_filename")
    assert title == texts.ADDIN["ledger.pick"] and index == 1 and file_filter.endswith("*.xlsx")
    out = saved.parent / "单位自评_明细账汇总.xlsx"
    assert out.is_file() and evaluate(read_workbook(out)).errors == ()
    assert book.calls.of("add_sheet") == [] and book.calls.of("set_value") == []  # the open book untouched


def test_cancelling_the_file_dialog_does_nothing(saved: Path, windows: None) -> None:
    book = FakeComBook(saved, answers={"open_filename": False})
    adapter.run_import_ledger(book)  # type: ignore[arg-type]
    assert _alerts(book) == [] and not (saved.parent / "单位自评_明细账汇总.xlsx").exists()


def test_a_very_long_paragraph_never_asks_excel_for_a_row_over_409_points(
        tmp_path: Path, windows: None, example_data: dict, make_book: object) -> None:
    sentence = "负责全区新闻素材、音视频资料、政务服务信息及其他重要电子档案资料的收集、归类、保存、开发利用等工作。"
    example_data["tables"]["duties"][1]["text"] = sentence * 60
    path = make_book(example_data)  # type: ignore[operator]
    book = FakeComBook(path)
    adapter.run_generate_report(book)  # type: ignore[arg-type]
    assert _alerts(book) == []  # the fake asserts every row height ≤ 409 as Excel would refuse it
    heights = [h for sheet, _, _, h in book.calls.of("row_height") if sheet == REPORT]
    assert max(heights) <= 409 and sum(1 for h in heights if h > 300) >= 2


def test_new_year_writes_next_years_book_beside_the_open_one(saved: Path, windows: None) -> None:
    from selfeval_xl.excel.new_year import run_new_year

    book = FakeComBook(saved)
    run_new_year(book)  # type: ignore[arg-type]
    out = saved.parent / "大祥区融媒体中心2021年绩效自评工作簿.xlsx"
    assert out.is_file()
    model = evaluate(read_workbook(out)).model
    assert model.info.year == 2021 and model.budget["total"].previous is not None
    assert out.name in _alerts(book)[-1][0]
    assert book.calls.of("add_sheet") == [] and book.calls.of("set_value") == []  # the open book untouched
    run_new_year(book)  # type: ignore[arg-type]
    assert "已存在" in _alerts(book)[-1][0]  # never over an existing file
