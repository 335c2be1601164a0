"""selfeval ledger on what 财务软件 export: .xls, .csv in GBK/GB18030 or UTF-8, and 借方/贷方 column pairs.

Each ledger is built from the founding example's detail (hand-checked figures: 人员经费 30.75,
公用经费 65.43, 项目支出 80.00 万元); the 借/贷 variant books every tenth line as a larger debit
and a credit that reverses the excess, plus refund pairs (a debit and a credit of the same amount),
so only net = 借 − 贷 gives the example's totals. Every format must give the .xlsx twin's rows.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import example_items, ledger_rows, write_rows
from selfeval_xl.cli.main import main
from selfeval_xl.importers.ledger_formats import decode, ledger_format
from selfeval_xl.importers.ledger_read import read_ledger
from tests.importers.juesuan_books import soffice, to_xls

TOTALS = "人员经费 30.75 万元，公用经费 65.43 万元，项目支出 80.00 万元，合计 176.18 万元"


def debit_credit_rows(data: dict[str, Any], lines: int) -> Iterator[tuple[object, ...]]:
    rows = ledger_rows(example_items(data), lines, year=2020)
    yield next(rows)  # title
    header = next(rows)
    yield (*header[:5], "借方金额", "贷方金额", header[6])
    for n, row in enumerate(rows):
        day, voucher, code, name, summary, amount, kind = row
        if n % 10 == 3:  # booked too high, then partly reversed
            yield (day, voucher, code, name, summary, round(float(amount) + 1234.56, 2), None, kind)
            yield (day, voucher, code, name, "冲销多记金额", None, 1234.56, kind)
        elif n % 25 == 7:  # a refund: in and out again
            yield (day, voucher, code, name, summary, amount, None, kind)
            yield (day, voucher, code, name, "退回", None, 500, kind)
            yield (day, voucher, code, name, "重新支付", 500, None, kind)
        else:
            yield (day, voucher, code, name, summary, amount, None, kind)


def text_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write_csv(path: Path, rows: Iterator[tuple[object, ...]], encoding: str) -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        for row in rows:
            writer.writerow([text_cell(v) for v in row])
    return path


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out + err


def summary(ledger: Any) -> list[tuple[str, str, int, int]]:
    return [(r.code, r.spending, r.fen, r.lines) for r in ledger.rows]


def test_debit_credit_pairs_net_to_the_example(example_data: dict[str, Any], make_book: Callable[..., Path],
                                               tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = write_rows(tmp_path / "借贷.xlsx", debit_credit_rows(example_data, 3000))
    code, out = run(capsys, "ledger", ledger, "--into", make_book(example_data), "-o", tmp_path / "o.xlsx")
    assert code == 0 and TOTALS in out, out
    assert read_ledger(ledger).lines > 3000  # the reversals and refunds are lines of their own


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8", "utf-8-sig"])
def test_csv_ledgers_match_their_xlsx_twin(encoding: str, example_data: dict[str, Any],
                                           make_book: Callable[..., Path], tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    twin = read_ledger(write_rows(tmp_path / "twin.xlsx", debit_credit_rows(example_data, 2000)))
    path = write_csv(tmp_path / "明细账.csv", debit_credit_rows(example_data, 2000), encoding)
    assert ledger_format(path) == "csv" and decode(path)[1] == ("utf-8-sig" if encoding.startswith("utf") else "gb18030")
    ledger = read_ledger(path)
    assert summary(ledger) == summary(twin) and ledger.counted == twin.counted
    assert [(i.code, i.where.a1 if i.where else "") for i in ledger.issues] == \
        [(i.code, i.where.a1 if i.where else "") for i in twin.issues]
    code, out = run(capsys, "ledger", path, "--into", make_book(example_data), "-o", tmp_path / "o.xlsx")
    assert code == 0 and TOTALS in out, out


def test_csv_issues_point_at_their_line(tmp_path: Path) -> None:
    path = tmp_path / "账.csv"
    path.write_text("科目编码,摘要,借方,贷方\n30101,工资,\"1,234.50\",\n30101,冲回,,34.50\n3010X,错,5,\n合计,,1200,\n",
                    encoding="gbk")
    ledger = read_ledger(path)
    assert [(r.code, r.fen) for r in ledger.rows] == [("30101", 120000)]
    assert {(i.code, i.where.a1) for i in ledger.issues if i.where} >= {("ledger_code_invalid", "A4"),
                                                                       ("ledger_subtotal_skipped", "A5")}


def test_xls_ledger_matches_its_xlsx_twin(example_data: dict[str, Any], make_book: Callable[..., Path],
                                          tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is needed to build the .xls")
    twin_path = write_rows(tmp_path / "明细账.xlsx", debit_credit_rows(example_data, 1500))
    xls = to_xls(twin_path)
    assert ledger_format(xls) == "xls"
    twin, ledger = read_ledger(twin_path), read_ledger(xls)
    assert summary(ledger) == summary(twin) and ledger.sheet == twin.sheet
    code, out = run(capsys, "ledger", xls, "--into", make_book(example_data), "-o", tmp_path / "o.xlsx")
    assert code == 0 and TOTALS in out, out
