"""The entry points on xlwings' headless remote engine: the actions they emit, replayed into an .xlsx.

The remote engine stands in for Excel: each test opens a workbook as ``xw.Book(json=payload)``,
sets it as the mock caller, runs the action the ribbon's service runs (``service.run_action``), and looks at ``book.json()["actions"]``
(and at the workbook those actions make when replayed as Excel would apply them).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlwings as xw

from selfeval_xl.cli.main import main
from selfeval_xl.core import texts
from selfeval_xl.core.cells import CellRef
from selfeval_xl.excel import adapter as xlwings_adapter
from selfeval_xl.excel.render import cell_value, style_blocks
from selfeval_xl.excel.service import run_action
from selfeval_xl.report.sheets import STYLES, Cell, SheetContent
from selfeval_xl.workbook.reader import read_workbook
from tests.conftest import EXAMPLE, GOLDEN
from tests.excel.remote import replay
from tests.report.test_golden import dump_sheets

ISSUES, REPORT, CALC = texts.UI["sheet_issues"], texts.UI["sheet_report"], texts.UI["sheet_calc"]
EXAMPLE_SHEETS = set(openpyxl.load_workbook(EXAMPLE, read_only=True).sheetnames)


def actions_of(book: Any) -> list[dict[str, Any]]:
    return book.json()["actions"]


def funcs(actions: list[dict[str, Any]]) -> Counter[str]:
    return Counter(action["func"] for action in actions)


def alerts(actions: list[dict[str, Any]]) -> list[list[Any]]:
    return [action["args"] for action in actions if action["func"] == "alert"]


def without_page_setup(dump: str) -> str:
    """The remote engine has no page setup (the adapter sets it through COM on Windows): drop it from headers."""
    return re.sub(r"^(== \S+) \(.*\)$", r"\1", dump, flags=re.M)


# ---- reading -------------------------------------------------------------------------------------


def test_reading_through_xlwings_gives_what_openpyxl_gives(remote_book: Callable[..., Any]) -> None:
    from_file = read_workbook(EXAMPLE)
    from_excel = xlwings_adapter.raw_from_xlwings(remote_book(EXAMPLE))
    assert from_excel.names == from_file.names and len(from_excel.names) > 10
    assert from_excel.tables == from_file.tables and len(from_excel.tables) > 5
    assert [s.title for s in from_excel.sheets] == [s.title for s in from_file.sheets]
    import openpyxl

    book = openpyxl.load_workbook(EXAMPLE)
    for mine, theirs in zip(from_excel.sheets, from_file.sheets, strict=True):
        # The same value at every cell (blocks may differ in trailing empty rows and columns), except
        # inside merged ranges: the file reader gives every cell the top-left value, as Excel shows it.
        merged = {(r, c) for m in book[mine.title].merged_cells.ranges
                  for r in range(m.min_row, m.max_row + 1) for c in range(m.min_col, m.max_col + 1)
                  if (r, c) != (m.min_row, m.min_col)}
        height = max(len(mine.rows), len(theirs.rows))
        width = max((len(row) for row in (*mine.rows, *theirs.rows)), default=0)
        cells = [(r, c) for r in range(1, height + 1) for c in range(1, width + 1) if (r, c) not in merged]
        assert [mine.value(r, c) for r, c in cells] == [theirs.value(r, c) for r, c in cells], mine.title
    assert from_excel.source == EXAMPLE.name


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None), ("", ""), ("text", "text"), (True, True), (False, False),
        (2020.0, 2020), (176.18, 176.18), (-0.0, 0), (1e300, 1e300), (7, 7),
        (dt.datetime(2020, 12, 22), dt.datetime(2020, 12, 22)),
        (dt.datetime(1899, 12, 30, 8, 30), dt.time(8, 30)),
        (dt.datetime(2020, 1, 2, tzinfo=dt.UTC), dt.datetime(2020, 1, 2)),
        ("#REF!", "#REF!"),
    ],
)
def test_normal_value(value: Any, expected: Any) -> None:
    result = xlwings_adapter.normal_value(value)
    assert result == expected and type(result) is type(expected)


@pytest.mark.parametrize(
    ("name", "refers_to", "expected"),
    [
        ("单位名称", "=基本信息!$C$4", CellRef("基本信息", 4, 3)),
        ("单位名称", "='基本信息'!$C$4", CellRef("基本信息", 4, 3)),
        ("x", "='It''s a sheet'!B2:D9", CellRef("It's a sheet", 2, 2)),
        ("x", "=Sheet1!A1", CellRef("Sheet1", 1, 1)),
        ("基本信息!局部", "=基本信息!$C$4", None),  # sheet-level name
        ("_xlnm.Print_Area", "=基本信息!$A$1:$F$20", None),
        ("x", "=基本信息!$C$4,基本信息!$C$6", None),  # two areas
        ("x", "=#REF!", None),
        ("x", "=0.5", None),
        ("x", None, None),
    ],
)
def test_name_cell(name: str, refers_to: str | None, expected: CellRef | None) -> None:
    assert xlwings_adapter.name_cell(name, refers_to) == expected


# ---- writing -------------------------------------------------------------------------------------


def test_generate_report_matches_the_cli_and_the_golden(remote_book: Callable[..., Any], tmp_path: Path) -> None:
    book = remote_book(EXAMPLE)
    run_action("report", xw.Book.caller())
    actions = actions_of(book)
    assert alerts(actions) == []  # success: the activated report is the answer
    counts = funcs(actions)
    assert counts["setValues"] == counts["addSheet"] >= 3  # one block write per output sheet
    added = [a["args"][1] for a in actions if a["func"] == "addSheet"]
    assert added[:2] == [ISSUES, REPORT] and CALC in added
    assert [a["func"] for a in actions if a["func"] != "setScreenUpdating"][-1] == "activateSheet"

    replayed = replay(actions, EXAMPLE)
    assert replayed.formulas == []
    assert replayed.book.active.title == REPORT
    out = tmp_path / "replayed.xlsx"
    replayed.book.save(out)
    cli_out = tmp_path / "cli.xlsx"
    assert main(["report", str(EXAMPLE), "-o", str(cli_out)]) == 0

    golden = (GOLDEN / "daxiang_2020_sheets.txt").read_text(encoding="utf-8")
    titles = re.findall(r"^== (\S+) ", golden, flags=re.M)
    assert REPORT in titles
    dump = without_page_setup(dump_sheets(out, titles))
    assert dump == without_page_setup(dump_sheets(cli_out, titles))
    assert dump == without_page_setup(golden)
    assert replayed.book.sheetnames == openpyxl.load_workbook(cli_out).sheetnames


def test_input_sheets_are_never_written(remote_book: Callable[..., Any]) -> None:
    book = remote_book(EXAMPLE)
    positions = {i: s["name"] for i, s in enumerate(book.api["sheets"])}
    n_inputs = len(positions)
    run_action("report", xw.Book.caller())
    for action in actions_of(book):
        if action["func"] in ("addSheet", "alert", "setScreenUpdating", "activateSheet"):
            continue
        assert action["sheet_position"] >= n_inputs, (action["func"], positions.get(action["sheet_position"]))


def test_a_second_run_recreates_the_output_sheets(remote_book: Callable[..., Any], tmp_path: Path) -> None:
    first = tmp_path / "first.xlsx"
    assert main(["report", str(EXAMPLE), "-o", str(first)]) == 0  # a workbook that already has the outputs
    book = remote_book(first)
    before = [s["name"] for s in book.api["sheets"]]
    run_action("report", xw.Book.caller())
    actions = actions_of(book)
    assert funcs(actions)["sheetDelete"] == len(set(before) - EXAMPLE_SHEETS) >= 3
    replayed = replay(actions, first)
    names = replayed.book.sheetnames
    assert len(names) == len(set(names)) == len(before)
    assert replayed.book[REPORT]["B1"].value == openpyxl.load_workbook(first)[REPORT]["B1"].value


def test_check_writes_only_the_issue_sheet_and_a_summary(remote_book: Callable[..., Any]) -> None:
    book = remote_book(EXAMPLE)
    run_action("check", xw.Book.caller())
    actions = actions_of(book)
    assert [a["args"][1] for a in actions if a["func"] == "addSheet"] == [ISSUES]
    (prompt, title, _buttons, mode, _callback), = alerts(actions)
    warnings = len([i for i in xlwings_adapter._evaluate(book).issues if not i.is_error])
    assert prompt == texts.render(texts.ADDIN, "check.clean", errors=0, warnings=warnings, sheet=ISSUES)
    assert title == texts.ADDIN["dialog.title"] and mode == "info"
    replayed = replay(actions, EXAMPLE)
    ws = replayed.book[ISSUES]
    links = [c for row in ws.iter_rows() for c in row if c.hyperlink]
    assert len(links) == warnings and all(c.hyperlink.location == c.value for c in links)


def test_errors_refuse_the_report_and_list_the_issues(remote_book: Callable[..., Any], make_book: Callable[..., Path],
                                                      example_data: dict[str, Any], tmp_path: Path) -> None:
    example_data["fields"]["year"] = None
    example_data["fields"]["staffing"] = "八"
    path = make_book(example_data)
    seeded = tmp_path / "with_old_report.xlsx"
    main(["report", str(EXAMPLE), "-o", str(seeded)])
    book = remote_book(path)
    run_action("report", xw.Book.caller())
    actions = actions_of(book)
    (prompt, _title, _b, mode, _c), = alerts(actions)
    assert mode == "critical" and "2 个错误" in prompt and ISSUES in prompt
    assert [a["args"][1] for a in actions if a["func"] == "addSheet"] == [ISSUES]
    replayed = replay(actions, path)
    cells = {c.value for row in replayed.book[ISSUES].iter_rows() for c in row}
    assert "'基本信息'!C6" in cells  # the quoted location stays text, apostrophe included
    assert REPORT not in replayed.book.sheetnames


def test_tricky_text_stays_text(remote_book: Callable[..., Any]) -> None:
    book = remote_book(EXAMPLE)
    tricky = ["=1+1", "+86 739", "-5", "@SUM(A1)", "'quoted'!A1", "31.97%", "2020-1-2", "1/2", "TRUE", "0012"]
    cells = [Cell(n, 1, text) for n, text in enumerate(tricky, start=1)]
    cells += [Cell(1, 2, 42, "number"), Cell(2, 2, 1.5, "number")]
    content = SheetContent("测试", tuple(cells), ((1, 20.0),))
    xlwings_adapter.render_sheets(book, [content], active="测试")
    replayed = replay(actions_of(book), EXAMPLE)
    ws = replayed.book["测试"]
    assert [ws.cell(n, 1).value for n in range(1, len(tricky) + 1)] == tricky
    assert (ws["B1"].value, ws["B2"].value) == (42, 1.5)
    assert replayed.formulas == []


def test_formats_are_grouped_by_style(remote_book: Callable[..., Any]) -> None:
    from selfeval_xl.pipeline import evaluate
    from selfeval_xl.report.sheets import report_sheet

    content = report_sheet(evaluate(read_workbook(EXAMPLE)).narrative())
    book = remote_book(EXAMPLE)
    xlwings_adapter.render_sheets(book, [content])
    actions = actions_of(book)
    counts = funcs(actions)
    assert counts["setValues"] == 1
    assert counts["setFontProperty"] < len(content.cells)  # not one call per cell
    assert counts["setRowHeight"] <= len(content.heights)
    replayed = replay(actions, EXAMPLE).book[content.title]
    for cell in content.cells:
        target = replayed.cell(cell.row, cell.col)
        style = STYLES[cell.style]
        assert (target.font.name, float(target.font.sz), bool(target.font.b)) == (style.font, style.size, style.bold)
        assert bool(target.alignment.wrap_text) == style.wrap
    for row, height in content.heights:
        assert replayed.row_dimensions[row].height == height


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ([(1, 1, "a"), (1, 2, "a"), (1, 3, "a")], {"a": [(1, 1, 1, 3)]}),
        ([(1, 2, "a"), (2, 2, "a"), (3, 2, "a"), (5, 2, "a")], {"a": [(1, 2, 3, 2), (5, 2, 5, 2)]}),
        ([(1, 1, "a"), (1, 2, "a"), (2, 1, "a"), (2, 2, "a")], {"a": [(1, 1, 2, 2)]}),
        ([(1, 1, "a"), (1, 2, "b"), (1, 3, "a")], {"a": [(1, 1, 1, 1), (1, 3, 1, 3)], "b": [(1, 2, 1, 2)]}),
    ],
)
def test_style_blocks(cells: list[tuple[int, int, str]], expected: dict[str, list[tuple[int, int, int, int]]]) -> None:
    content = SheetContent("t", tuple(Cell(r, c, "x", s) for r, c, s in cells), ())
    assert style_blocks(content) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [("text", "'text"), ("=1", "'=1"), ("'x", "''x"), ("", None), (3, 3), (2.5, 2.5)])
def test_cell_value_marks_text(value: Any, expected: Any) -> None:
    assert cell_value(value) == expected


def test_a_client_without_alignment_still_gets_the_report(remote_book: Callable[..., Any]) -> None:
    book = remote_book(EXAMPLE, client="VBA")  # xlwings' VBA remote client: no alignment, no gridlines
    run_action("report", xw.Book.caller())
    actions = actions_of(book)
    counts = funcs(actions)
    assert alerts(actions) == [] and counts["setHorizontalAlignment"] == 0 and counts["setValues"] >= 3


# ---- failures become dialogs --------------------------------------------------------------------


def test_not_our_template_is_a_plain_dialog(remote_book: Callable[..., Any], tmp_path: Path) -> None:
    other = tmp_path / "other.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "hello"
    wb.save(other)
    book = remote_book(other)
    run_action("report", xw.Book.caller())
    (prompt, _t, _b, mode, _c), = alerts(actions_of(book))
    assert mode == "critical" and "不是用绩效自评模板填写的工作簿" in prompt and "other.xlsx" in prompt
    assert funcs(actions_of(book))["addSheet"] == 0


def test_an_internal_error_is_logged_not_shown_as_a_traceback(remote_book: Callable[..., Any], tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import selfeval_xl.pipeline
    import selfeval_xl.render.stamp

    log = tmp_path / "selfeval_xl.log"
    monkeypatch.setattr(selfeval_xl.render.stamp, "log_path", lambda: log)

    def boom(raw: Any) -> Any:
        raise ZeroDivisionError("kaboom")

    monkeypatch.setattr(selfeval_xl.pipeline, "evaluate", boom)
    book = remote_book(EXAMPLE)
    run_action("check", xw.Book.caller())
    (prompt, _t, _b, mode, _c), = alerts(actions_of(book))
    assert mode == "critical" and "ZeroDivisionError: kaboom" in prompt and str(log) in prompt
    assert "Traceback" not in prompt
    assert "Traceback" in log.read_text(encoding="utf-8") and "kaboom" in log.read_text(encoding="utf-8")


def test_about_shows_versions_interpreter_and_log(remote_book: Callable[..., Any]) -> None:
    import sys

    from selfeval_xl import __version__

    book = remote_book(EXAMPLE)
    run_action("about", xw.Book.caller())
    (prompt, _title, _b, mode, _c), = alerts(actions_of(book))
    for needle in (__version__, xw.__version__, sys.executable, "selfeval_xl.log", "remote", EXAMPLE.name):
        assert needle in prompt, needle
    assert "{" not in prompt and mode == "info"


def test_export_without_a_local_folder_asks_to_save_first(remote_book: Callable[..., Any]) -> None:
    book = remote_book(EXAMPLE)  # the remote engine knows the book by name only, like an unsaved book
    run_action("export", xw.Book.caller())
    actions = actions_of(book)
    (prompt, _t, _b, mode, _c), = alerts(actions)
    assert prompt == texts.ADDIN["export.unsaved"] and mode == "critical"
    assert REPORT in [a["args"][1] for a in actions if a["func"] == "addSheet"]  # the sheets were written first


def test_export_writes_the_files_beside_the_workbook(remote_book: Callable[..., Any], tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlwings_adapter, "_book_folder", lambda book: tmp_path)
    calls: list[tuple[Path, list[str]]] = []
    has_export = importlib.util.find_spec("selfeval_xl.render") is not None
    if has_export:
        import selfeval_xl.render as export

        real = getattr(export, "export_evaluation", None)
    else:
        real = None

    def recording(evaluation: Any, out_dir: Path, formats: list[str], *, force: bool, generated: str) -> list[Path]:
        calls.append((out_dir, list(formats)))
        assert not force and generated.startswith("生成时间")
        return real(evaluation, out_dir, formats, force=force, generated=generated) if real else []

    if real is not None:
        monkeypatch.setattr(export, "export_evaluation", recording)
    book = remote_book(EXAMPLE)
    run_action("export", xw.Book.caller())
    (prompt, _t, _b, mode, _c), = alerts(actions_of(book))
    if real is None:  # the export module is not there yet: the user is told, nothing is half-written
        assert mode == "critical" and "导出功能尚未安装" in prompt
        return
    assert calls == [(tmp_path, ["xlsx", "docx"])]
    assert mode == "info" and str(tmp_path) in prompt and texts.ADDIN["export.pdf_skipped"] in prompt
    written = sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".xlsx", ".docx"))
    assert len(written) == 2 and all(name in prompt for name in written)
    before = {p: p.stat().st_mtime_ns for p in tmp_path.iterdir()}

    again = remote_book(EXAMPLE)  # the second click: the files are there
    run_action("export", xw.Book.caller())
    (question, _t, buttons, _m, _c), = alerts(actions_of(again))
    assert buttons == "yes_no" and all(name in question for name in written)
    assert len(calls) == 1  # the remote engine cannot answer "yes": nothing is replaced
    assert {p: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == before


def test_export_never_targets_the_open_workbook(remote_book: Callable[..., Any], tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import selfeval_xl.render as export

    monkeypatch.setattr(xlwings_adapter, "_book_folder", lambda book: tmp_path)
    book = remote_book(EXAMPLE)
    own = Path(book.fullname).resolve()
    called: list[int] = []
    monkeypatch.setattr(export, "export_paths", lambda *args, **kwargs: {"xlsx": own})
    monkeypatch.setattr(export, "export_evaluation", lambda *args, **kwargs: called.append(1) or [])
    run_action("export", xw.Book.caller())
    (prompt, _t, _b, mode, _c), = alerts(actions_of(book))
    assert mode == "critical" and "同名" in prompt and not called


def test_import_ledger_writes_a_reconciling_copy_beside_the_workbook(
        remote_book: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks.generate import write_ledger
    from examples.build_examples import DAXIANG_2020
    from selfeval_xl import evaluate, read_workbook

    book_path = tmp_path / "单位.xlsx"
    book_path.write_bytes(EXAMPLE.read_bytes())
    ledger = write_ledger(tmp_path / "明细账.xlsx", 2_000, DAXIANG_2020)
    monkeypatch.setattr(xlwings_adapter, "_book_folder", lambda book: tmp_path)
    book = remote_book(EXAMPLE)
    monkeypatch.setattr(type(book), "fullname", property(lambda self: str(book_path)))
    xlwings_adapter.run_import_ledger(book, ledger)
    (prompt, _t, _b, mode, _c), = alerts(actions_of(book))
    out = tmp_path / "单位_明细账汇总.xlsx"
    assert mode == "info" and str(out) in prompt and texts.ADDIN["ledger.check_ok"] in prompt, prompt
    assert evaluate(read_workbook(out)).errors == ()
    assert book_path.read_bytes() == EXAMPLE.read_bytes()
    assert not [a for a in actions_of(book) if a["func"] in ("setValues", "addSheet")]  # the open book untouched


def test_import_ledger_without_a_file_dialog_says_how(remote_book: Callable[..., Any], tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlwings_adapter, "_book_folder", lambda book: tmp_path)
    book = remote_book(EXAMPLE)
    run_action("ledger", xw.Book.caller())
    (prompt, _t, _b, mode, _c), = alerts(actions_of(book))
    assert mode == "critical" and prompt == texts.ADDIN["ledger.no_dialog"]


def test_import_ledger_with_errors_writes_nothing(remote_book: Callable[..., Any], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.importers.test_ledger import _problem_ledger

    ledger = _problem_ledger(tmp_path / "坏明细账.xlsx")
    monkeypatch.setattr(xlwings_adapter, "_book_folder", lambda book: tmp_path)
    book = remote_book(EXAMPLE)
    monkeypatch.setattr(type(book), "fullname", property(lambda self: str(tmp_path / "单位.xlsx")))
    xlwings_adapter.run_import_ledger(book, ledger)
    (prompt, _t, _b, mode, _c), = alerts(actions_of(book))
    assert mode == "critical" and "处错误" in prompt and "99999" in prompt, prompt
    assert sorted(p.name for p in tmp_path.iterdir()) == ["坏明细账.xlsx"]
