"""selfeval ledger: generated 明细账 → 经济分类明细 of a copy of the workbook, issues at ledger cells."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import LEDGER_HEADER, example_items, ledger_rows, write_ledger, write_rows
from selfeval_xl import evaluate, read_workbook, render_text
from selfeval_xl.cli.main import main
from selfeval_xl.importers.ledger_read import read_ledger
from selfeval_xl.importers.ledger_sheet import find_header, normalize_header
from tests.conftest import sha256


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def issues_at(doc: dict[str, Any]) -> list[tuple[str, str]]:
    return [(i["code"], i["cell"]) for i in doc["issues"]]


def to_yuan(data: dict[str, Any]) -> dict[str, Any]:
    """The same department with every amount in 元 (金额单位 = 元)."""
    data["fields"]["amount_unit"] = "元"
    for table in ("general", "items", "projects", "money"):
        for row in data["tables"][table]:
            for key in ("initial", "adjusted", "executed", "amount"):
                if isinstance(row.get(key), Decimal):
                    row[key] = row[key] * 10000
    return data


def test_ledger_reproduces_the_example(example_data: dict[str, Any], make_book: Callable[..., Path],
                                       tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """20,000 voucher lines that add up to the example's detail: the copy reconciles and reads the same."""
    book = make_book(example_data)
    ledger = write_ledger(tmp_path / "明细账.xlsx", 20_000, example_data)
    before = (sha256(book), sha256(ledger))
    out = tmp_path / "out.xlsx"
    code, stdout, _ = run(capsys, "ledger", ledger, "--into", book, "-o", out)
    assert code == 0, stdout
    assert "人员经费 30.75 万元，公用经费 65.43 万元，项目支出 80.00 万元，合计 176.18 万元" in stdout
    assert (sha256(book), sha256(ledger)) == before  # inputs never modified
    code, stdout, _ = run(capsys, "check", out, "--json")
    doc = json.loads(stdout)
    assert code == 0 and doc["errors"] == 0, doc
    original, copy = evaluate(read_workbook(book)), evaluate(read_workbook(out))
    assert copy.results.detail_personnel == original.results.detail_personnel == Decimal("30.75")
    # Same amounts, same names (报告中名称 kept): the report text is the example's, word for word.
    assert render_text(copy.narrative()) == render_text(original.narrative())


def test_ledger_into_a_workbook_in_yuan(example_data: dict[str, Any], make_book: Callable[..., Path],
                                        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = write_ledger(tmp_path / "明细账.xlsx", 5_000, example_data)
    book = make_book(to_yuan(example_data))
    out = tmp_path / "out.xlsx"
    code, stdout, _ = run(capsys, "ledger", ledger, "--into", book, "-o", out, "--json")
    doc = json.loads(stdout)
    assert code == 0 and doc["unit"] == "元" and doc["check"]["errors"] == 0, doc
    ws = openpyxl.load_workbook(out)["经济分类明细"]
    amounts = {ws.cell(r, 2).value.split()[0]: ws.cell(r, 5).value for r in range(5, 30) if ws.cell(r, 2).value}
    assert amounts["30226"] == 364800  # 36.48 万元 in 元


def test_default_output_beside_the_book_and_never_over_an_input(
        example_data: dict[str, Any], make_book: Callable[..., Path], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    book = make_book(example_data, name="单位.xlsx")
    ledger = write_ledger(tmp_path / "明细账.xlsx", 500, example_data)
    assert run(capsys, "ledger", ledger, "--into", book)[0] == 0
    assert (tmp_path / "单位_明细账汇总.xlsx").exists()
    for target in (book, ledger):
        code, _, err = run(capsys, "ledger", ledger, "--into", book, "-o", target)
        assert code == 4 and "不能与输入工作簿相同" in err


def test_output_rules_are_those_of_report(example_data: dict[str, Any], make_book: Callable[..., Path],
                                         tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """-o never replaces an unrelated file without --force, nor writes xlsx content under another name;
    the default name is ours and is replaced with a line saying so."""
    book = make_book(example_data, name="单位.xlsx")
    ledger = write_ledger(tmp_path / "明细账.xlsx", 300, example_data)
    other = tmp_path / "别人的.xlsx"
    other.write_bytes(b"not ours")
    code, _, err = run(capsys, "ledger", ledger, "--into", book, "-o", other)
    assert code == 4 and "--force" in err and other.read_bytes() == b"not ours"
    assert run(capsys, "ledger", ledger, "--into", book, "-o", other, "--force")[0] == 0
    assert zipfile.is_zipfile(other)
    code, _, err = run(capsys, "ledger", ledger, "--into", book, "-o", tmp_path / "宏.xlsm")
    assert code == 4 and "宏.xlsx" in err and not (tmp_path / "宏.xlsm").exists()
    assert run(capsys, "ledger", ledger, "--into", book)[0] == 0
    code, stdout, _ = run(capsys, "ledger", ledger, "--into", book)
    assert code == 0 and "已替换上次生成的" in stdout


def _problem_ledger(path: Path) -> Path:
    rows: list[tuple[object, ...]] = [
        ("2020年度明细账",),
        ("单位：元",),
        LEDGER_HEADER,                                                        # row 3
        (dt.date(2020, 1, 2), "记-1", 30101, "基本工资", "1月工资", 1000, "基本支出"),
        (),                                                                   # row 5: blank
        (dt.date(2020, 1, 3), "记-2", 99999, "？", "摘要", 10, "基本"),         # unknown code
        (dt.date(2020, 1, 4), "记-3", "30201 办公费", "办公费", "买纸", "abc", ""),  # text amount
        (None, None, None, None, "本月合计", 1010, None),                      # row 8: subtotal, skipped
        (dt.date(2020, 1, 5), "记-4", None, None, "漏填科目", 20, None),       # money without code
        (dt.date(2020, 1, 6), "记-5", 30104, "旧科目", "摘要", 30, None),       # retired code
        (dt.date(2020, 1, 7), "记-6", 30201, "办公费", "摘要", 8.125, None),    # finer than 1 分
        (dt.date(2020, 1, 8), "记-7", 30201, "办公费", "摘要", None, None),     # no amount
        (dt.date(2020, 1, 9), "记-8", 30201, "办公费", "摘要", "1,234.50", None),  # grouped text: accepted
        (dt.date(2020, 1, 10), "记-9", "3020", "办公费", "摘要", 5, None),      # not a 5-digit code
        (dt.date(2020, 1, 11), "记-10", 31002, "办公设备购置", "买电脑", 6000, "融媒体能力建设项目"),
        (dt.date(2020, 1, 12), "记-11", 30201, "办公费", "摘要", "十万", None),  # Chinese numeral
    ]
    return write_rows(path, rows)


def test_problems_are_reported_at_their_cells(example_data: dict[str, Any], make_book: Callable[..., Path],
                                              tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = make_book(example_data)
    ledger = _problem_ledger(tmp_path / "明细账.xlsx")
    out = tmp_path / "out.xlsx"
    code, stdout, _ = run(capsys, "ledger", ledger, "--into", book, "-o", out, "--json")
    doc = json.loads(stdout)
    assert code == 1 and doc["output"] is None and not out.exists()
    assert issues_at(doc) == [
        ("ledger_blank_row", "C5"),
        ("ledger_code_unknown", "C6"),
        ("ledger_amount_not_number", "F7"),
        ("ledger_subtotal_skipped", "F8"),
        ("ledger_amount_without_code", "F9"),
        ("ledger_code_retired", "C10"),
        ("ledger_amount_precision", "F11"),
        ("ledger_amount_missing", "F12"),
        ("ledger_code_invalid", "C14"),
        ("ledger_amount_not_number", "F16"),
    ]
    assert {i["file"] for i in doc["issues"]} == {"明细账.xlsx"} and all(i["message"] for i in doc["issues"])
    # the readable listing names the file and the cell
    code, stdout, err = run(capsys, "ledger", ledger, "--into", book, "-o", out)
    assert "明细账.xlsx '明细账'!C6" in stdout and "未写入" in err
    # --force: written without the lines in error; exact 分 (8.125 → 8.13 half up, 1,234.50 read)
    code, stdout, _ = run(capsys, "ledger", ledger, "--into", book, "-o", out, "--force", "--json")
    doc = json.loads(stdout)
    assert code == 1 and out.exists()
    assert [(r["code"], r["spending"], r["yuan"], r["lines"]) for r in doc["rows"]] == [
        ("30101", "基本支出", "1000.00", 1),
        ("30201", "基本支出", "1242.63", 3),
        ("31002", "项目支出", "6000.00", 1),
    ]
    assert doc["projects"] == [{"name": "融媒体能力建设项目", "lines": 1, "yuan": "6000.00"}]


def test_a_long_ledger_grows_the_table_and_its_dropdowns(example_data: dict[str, Any],
                                                         make_book: Callable[..., Path], tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from selfeval_xl.core.econ_codes import CODES

    codes = [c for c in CODES if c[:3] in ("301", "302", "303", "310")][:45]
    rows = [LEDGER_HEADER] + [(None, None, int(c), None, None, 100 + i, "基本支出") for i, c in enumerate(codes)]
    ledger = write_rows(tmp_path / "明细账.xlsx", rows)
    book, out = make_book(example_data), tmp_path / "out.xlsx"
    code, stdout, _ = run(capsys, "ledger", ledger, "--into", book, "-o", out, "--json")
    assert code == 0, stdout
    header = int(openpyxl.load_workbook(book)["经济分类明细"].tables["经济分类明细表"].ref.split(":")[0][1:])
    last = header + 45  # the template has 40 rows: grown to 45
    ws = openpyxl.load_workbook(out)["经济分类明细"]
    assert ws.tables["经济分类明细表"].ref == f"B{header}:F{last}"
    covered = [str(dv.sqref) for dv in ws.data_validations.dataValidation]
    assert f"B{header + 1}:B{last}" in covered and f"D{header + 1}:D{last}" in covered, covered
    doc = json.loads(run(capsys, "check", out, "--json")[1])
    codes_found = {i["code"] for i in doc["issues"]}
    assert "row_outside_table" not in codes_found and "econ_code_unknown" not in codes_found
    assert "detail_mismatch" in codes_found  # a made-up ledger does not match 预算支出: said so, at the cell
    assert ws.cell(last, 5).value == 0.0144  # the 45th code: 144 元 in 万元, exact


@pytest.mark.parametrize(("header", "expected"), [
    (("日期", "科目编码", "金额"), (1, 2, None, "元")),
    (("科目代码", "摘要", "金额（元）", "支出类型"), (0, 2, 3, "元")),
    (("经济分类科目", "借方金额", "项目"), (0, 1, 2, "元")),
    (("科目", "金额(万元)", "基本/项目"), (0, 1, 2, "万元")),
    (("科目名称", "摘要", "金额"), None),
    (("科目编码", "摘要", "备注"), None),
])
def test_header_aliases(header: tuple[str, ...], expected: tuple[int, int, int | None, str] | None) -> None:
    found = find_header([("标题",), header])
    if expected is None:
        assert found is None
    else:
        assert found is not None and found.row == 1
        assert (found.code, found.amount, found.kind, found.unit) == expected


@pytest.mark.parametrize(("raw", "normal"), [(" 金额 （元） ", "金额"), ("金额(单位:万元)", "金额"), (None, "")])
def test_normalize_header(raw: object, normal: str) -> None:
    assert normalize_header(raw) == normal


def test_ledger_in_wan_yuan_and_without_a_type_column(tmp_path: Path) -> None:
    rows = [("科目编码", "金额（万元）"), (30101, 1.234567), (30101, "0.000001"), (30201, 2)]
    ledger = read_ledger(write_rows(tmp_path / "l.xlsx", rows))
    assert ledger.unit == "万元"
    assert [(r.code, r.spending, r.fen) for r in ledger.rows] == [("30101", "基本支出", 1234568),
                                                                  ("30201", "基本支出", 2000000)]
    assert [i.code for i in ledger.issues] == ["ledger_no_type_column"]


@pytest.mark.parametrize(("make", "exit_code", "expected"), [
    (lambda p: p.write_text("日期,摘要\n1,x\n", encoding="utf-8"), 3, "找不到明细账的标题行"),  # a .csv is read now: no header
    (lambda p: p.write_bytes(b"\x00\x01" * 500), 3, "不是有效的 Excel 工作簿"),
    (lambda p: write_rows(p, [("日期", "摘要"), (1, "x")]), 3, "找不到明细账的标题行"),
    (lambda p: None, 3, "找不到文件"),
])
def test_unusable_ledgers_exit_3(make: Callable[[Path], object], exit_code: int, expected: str,
                                 example_data: dict[str, Any], make_book: Callable[..., Path], tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    ledger = tmp_path / "明细账.xlsx"
    make(ledger)
    code, _, err = run(capsys, "ledger", ledger, "--into", make_book(example_data))
    assert code == exit_code and expected in err and "Traceback" not in err


def test_zip_bomb_ledger_refused(tmp_path: Path, example_data: dict[str, Any], make_book: Callable[..., Path],
                                 capsys: pytest.CaptureFixture[str]) -> None:
    ledger = tmp_path / "bomb.xlsx"
    write_rows(ledger, [LEDGER_HEADER])
    with zipfile.ZipFile(ledger, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.xml", b"\x00" * (50 * 1024 * 1024))
    code, _, err = run(capsys, "ledger", ledger, "--into", make_book(example_data))
    assert code == 3 and "拒绝处理" in err


def test_not_our_template_book_exits_3(tmp_path: Path, example_data: dict[str, Any],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.xlsx"
    openpyxl.Workbook().save(other)
    ledger = write_ledger(tmp_path / "明细账.xlsx", 100, example_data)
    code, _, err = run(capsys, "ledger", ledger, "--into", other)
    assert code == 3 and "不是用绩效自评模板填写" in err


def test_many_issues_are_listed_up_to_a_limit_then_counted(tmp_path: Path) -> None:
    from selfeval_xl.importers.ledger_read import MAX_LISTED

    rows = [LEDGER_HEADER] + [(None, None, 99999, None, None, 1, None)] * (MAX_LISTED + 30)
    ledger = read_ledger(write_rows(tmp_path / "l.xlsx", rows))
    unknown = [i for i in ledger.issues if i.code == "ledger_code_unknown"]
    more = [i for i in ledger.issues if i.code == "ledger_more"]
    assert len(unknown) == MAX_LISTED and len(more) == 1 and more[0].param("count") == "30"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["30101", "30201", "31002"]), st.integers(-10**9, 10**11)),
                min_size=1, max_size=60))
def test_totals_are_exact_to_the_fen(tmp_path: Path, lines: list[tuple[str, int]]) -> None:
    """Whatever the amounts (written as floats with two decimals), each code's total is their exact sum."""
    rows = [("科目编码", "金额", "支出类型")] + [(int(c), float(Decimal(f) / 100), "基本") for c, f in lines]
    ledger = read_ledger(write_rows(tmp_path / "l.xlsx", rows))
    expected: dict[str, int] = {}
    for c, f in lines:
        expected[c] = expected.get(c, 0) + f
    assert {r.code: r.fen for r in ledger.rows} == expected
    assert not ledger.issues


def test_generated_ledger_adds_up_to_the_example(example_data: dict[str, Any]) -> None:
    items = example_items(example_data)
    rows = list(ledger_rows(items, 1_000))
    assert len(rows) == 1_002 and rows[1] == LEDGER_HEADER
    assert sum(round(r[5] * 100) for r in rows[2:]) == sum(c for *_, c in items) == 176_180_000  # 176.18 万元 in 分


def test_a_ledger_placed_lower_and_further_right_is_addressed_by_its_own_cells(tmp_path: Path) -> None:
    rows = [(), ("明细账",), (), (None, "科目编码", "摘要", "金额", "支出类型"),
            (None, 99999, "摘要", 5, None), (None, 30101, "工资", 7, "基本"), (None, None, "本月合计", 12, None)]
    ledger = read_ledger(write_rows(tmp_path / "l.xlsx", rows))
    assert [(r.code, r.fen) for r in ledger.rows] == [("30101", 700)]
    assert [(i.code, str(i.where)) for i in ledger.issues] == [("ledger_code_unknown", "'明细账'!B5"),
                                                               ("ledger_subtotal_skipped", "'明细账'!D7")]
