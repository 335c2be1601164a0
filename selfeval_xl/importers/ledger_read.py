"""Read a 明细账 (voucher lines) and total it by economic-classification code, column by column.

A ledger is one sheet: a header row within the first ``HEADER_SCAN_ROWS`` rows naming at least a
code column (科目编码 …) and an amount column (金额 …, in 元 unless the header says 万元), and
optionally a 支出类型 column (基本/项目, or a project's name). Lines below the header are voucher
lines; subtotal lines (合计/小计/累计) are skipped.

``ledger_sheet`` finds the header and has fastexcel (calamine, in Rust) read the needed columns
into Arrow text columns once; every step after that is a pyarrow kernel over whole columns: distinct codes and types are classified
once each (a few dozen Python calls for a million lines), amounts become integer 分 and are summed
exactly in int64. Python objects are made only for distinct values, for the aggregated rows and
for the cells an issue is about (at most ``MAX_LISTED`` per issue code; the rest are counted).

Issues point at ledger cells (``'明细账'!F12``) with codes whose messages are in ``texts.BATCH``:
errors leave the line out of the totals, warnings do not.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from selfeval_xl.core import texts
from selfeval_xl.core.cells import CellRef
from selfeval_xl.core.econ_codes import CODES, RETIRED, Category, code_from_cell
from selfeval_xl.core.model import HasIssues, Issue, Severity
from selfeval_xl.core.values import read_number
from selfeval_xl.importers.ledger_formats import XLSX, check_ledger, load, peek
from selfeval_xl.importers.ledger_sheet import (
    HEADER_SCAN_ROWS,
    Header,
    LedgerError,
    find_header,
    modules,
    uncalculated,
)

__all__ = ["Ledger", "LedgerError", "LedgerRow", "ProjectTotal", "fen_to_unit", "read_ledger", "total_ledger"]

LEDGER_LARGEST = 10**13  # 元: a voucher line of 10 万亿元 or more is refused (floats hold every 分 below 2^53)
MAX_LISTED = 50  # cells listed per issue code; further ones are counted in one "ledger_more" issue

BASIC_TYPES = frozenset({"", "基本", "基本支出", "基本经费", "人员经费", "公用经费", "日常公用经费"})
PROJECT_TYPES = frozenset({"项目", "项目支出", "项目经费"})
SUBTOTAL = re.compile(r"合计|小计|累计")
NUMERIC = r"^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$"
BASIC, PROJECT = "基本支出", "项目支出"

ERROR_CODES = ("ledger_code_invalid", "ledger_code_retired", "ledger_code_unknown", "ledger_amount_not_number",
               "ledger_amount_without_code", "ledger_formula_no_value", "ledger_amount_too_large")
WARNING_CODES = ("ledger_no_type_column", "ledger_amount_missing", "ledger_amount_precision",
                 "ledger_subtotal_skipped", "ledger_blank_row")


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """One aggregated row: the lines of one code and one spending type."""

    code: str
    spending: str  # 基本支出 | 项目支出
    fen: int  # Σ amounts in 分 (0.01 元), exact
    lines: int


@dataclass(frozen=True, slots=True)
class ProjectTotal:
    name: str  # "" when the lines say only 项目/项目支出
    fen: int
    lines: int


@dataclass(frozen=True, slots=True)
class Ledger(HasIssues):
    file: str
    sheet: str
    unit: str  # unit of the amount column: 元 or 万元
    lines: int  # data lines below the header, blank lines excluded
    counted: int  # lines that went into the totals
    rows: tuple[LedgerRow, ...]  # sorted: 基本支出 then 项目支出, by code
    projects: tuple[ProjectTotal, ...]
    issues: tuple[Issue, ...]

    def total(self, spending: str | None = None, personnel: bool | None = None) -> int:
        """Σ 分 of the rows of a spending type and (for 基本支出) of 人员经费 (True) or 公用经费 (False)."""
        return sum(r.fen for r in self.rows
                   if (spending is None or r.spending == spending)
                   and (personnel is None or (CODES[r.code].category is Category.PERSONNEL) == personnel))


# ---- classifying distinct values ----------------------------------------------------------------------

OK, INVALID, RETIRED_CODE, UNKNOWN, SUBTOTAL_LINE = range(5)


def classify_code(value: str) -> tuple[int, str]:
    """(kind, 5-digit code or "") of one distinct value of the code column."""
    code = code_from_cell(value)
    if code is None:
        return (SUBTOTAL_LINE if SUBTOTAL.search(value) else INVALID), ""
    if code in RETIRED:
        return RETIRED_CODE, code
    if code not in CODES:
        return UNKNOWN, code
    return OK, code


def classify_type(value: str) -> tuple[str, str]:
    """(spending, project name) of one distinct value of the 支出类型 column."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", value))
    if text in BASIC_TYPES:
        return BASIC, ""
    if text in PROJECT_TYPES:
        return PROJECT, ""
    return PROJECT, value.strip()


# ---- reading and totalling ---------------------------------------------------------------------------


def read_ledger(path: Path, sheet: str | None = None) -> Ledger:
    """Check, read and total a ledger file. Raises ``WorkbookError`` if it cannot be used at all."""
    kind = check_ledger(path)
    modules()  # the reader must be installed before anything else is said
    name, head = peek(path, kind, sheet)
    header = find_header(head)
    if header is None:
        raise LedgerError("ledger_no_header", path=path.name, rows=HEADER_SCAN_ROWS)
    batch, roles = load(path, kind, name, header)
    columns = {col + 1: role for role, col in (("code", header.code), ("amount", header.amount),
                                                ("credit", header.credit), ("kind", header.kind)) if col is not None}
    formulas: dict[str, list[tuple[int, str]]] = {}
    found = uncalculated(path, name, set(columns), below=header.row + 1) if kind == XLSX else []
    for row, col, formula in found:
        formulas.setdefault(columns[col], []).append((row - header.row - 2, formula))
    return total_ledger(path.name, name, batch, roles, header, formulas)


class _Issues:
    """Issue rows per code: the first ``MAX_LISTED`` cells listed, the rest counted."""

    def __init__(self, pc: Any, file: str, sheet: str, first_row: int) -> None:
        self.pc, self.file, self.sheet, self.first_row = pc, file, sheet, first_row
        self.items: list[Issue] = []

    def add(self, code: str, mask: Any, col: int, values: Any = None, **fixed: str) -> Any:
        """Issues at ``col`` of every line in ``mask``; ``values`` (an array) fills {value}. Returns the indices."""
        indices = self.pc.indices_nonzero(mask)
        count = len(indices)
        if not count:
            return indices
        severity = Severity.ERROR if code in ERROR_CODES else Severity.WARNING
        shown = indices.slice(0, MAX_LISTED)
        cells = values.take(shown).to_pylist() if values is not None else [None] * len(shown)
        for i, value in zip(shown.to_pylist(), cells, strict=True):
            params = dict(fixed)
            if values is not None:
                params["value"] = str(value)
            self.items.append(Issue(code, severity, CellRef(self.sheet, self.first_row + i, col),
                                    tuple(sorted(params.items()))))
        if count > MAX_LISTED:
            self.items.append(Issue("ledger_more", severity, None, (
                ("count", str(count - MAX_LISTED)), ("kind", texts.BATCH[f"kind.{code}"]),
                ("shown", str(MAX_LISTED)))))
        return indices


def total_ledger(file: str, sheet: str, data: Any, roles: dict[str, int], header: Header,
                 formulas: Mapping[str, Sequence[tuple[int, str]]] | None = None) -> Ledger:
    """Total the lines of ``data`` (the columns ``roles`` places; Excel row header.row + 2 first).

    ``formulas``: per role (code, amount, credit, kind), the (line index, formula) of cells saved as a
    formula without its value; those lines are errors and stay out of the totals (never counted as 0).
    Whole-column kernels; Python runs only per distinct value and per reported cell.
    """
    _, pa, pc = modules()
    n = data.num_rows
    issues = _Issues(pc, file, sheet, first_row=header.row + 2)
    code_col, amount_col = header.code + 1, header.amount + 1
    codes, amounts = data.column(roles["code"]), data.column(roles["amount"])
    none = pa.array([False] * n, pa.bool_())
    columns = {"code": header.code, "amount": header.amount, "credit": header.credit, "kind": header.kind}
    no_value = none
    for role, found in (formulas or {}).items():
        lines = [(i, f) for i, f in found if 0 <= i < n]
        if not lines:
            continue
        shown, flags = [""] * n, [False] * n
        for i, formula in lines:
            shown[i], flags[i] = "=" + formula, True
        mask = pa.array(flags, pa.bool_())
        issues.add("ledger_formula_no_value", mask, (columns[role] or 0) + 1, pa.array(shown))
        no_value = pc.or_(no_value, mask)

    blank = functools.reduce(pc.and_, (pc.is_null(data.column(c)) for c in range(data.num_columns)))
    issues.add("ledger_blank_row", blank, code_col)

    # codes: each distinct value classified once, then mapped back onto the lines
    encoded = pc.dictionary_encode(codes)
    classified = [classify_code(v) for v in encoded.dictionary.to_pylist()]
    valid_codes = sorted({code for kind, code in classified if kind == OK})
    index_of = {code: i for i, code in enumerate(valid_codes)}
    row_kind = pc.take(pa.array([k for k, _ in classified], pa.int8()), encoded.indices)
    row_code = pc.take(pa.array([index_of.get(c, -1) for _, c in classified], pa.int32()), encoded.indices)
    row_found = pc.take(pa.array([c for _, c in classified], pa.string()), encoded.indices)

    def kind_is(kind: int) -> Any:
        return pc.fill_null(pc.equal(row_kind, kind), False)

    ok_code, subtotal_code = kind_is(OK), kind_is(SUBTOTAL_LINE)
    issues.add("ledger_code_invalid", kind_is(INVALID), code_col, codes)
    issues.add("ledger_code_retired", kind_is(RETIRED_CODE), code_col, row_found)
    issues.add("ledger_code_unknown", kind_is(UNKNOWN), code_col, row_found)
    issues.add("ledger_subtotal_skipped", subtotal_code, code_col)

    # amounts: 分 per line, exact; with a 贷方 column beside the 借方 one, net = 借 − 贷
    code_null = pc.is_null(codes)
    fen, bad_amount, amount_null = _fen(pa, pc, issues, amounts, amount_col, ok_code, code_null, subtotal_code,
                                        header.unit, none)
    if "credit" in roles:
        assert header.credit is not None
        credit_fen, credit_bad, credit_null = _fen(pa, pc, issues, data.column(roles["credit"]), header.credit + 1,
                                                   ok_code, code_null, subtotal_code, header.unit, none)
        fen = pc.subtract(fen, credit_fen)
        bad_amount, amount_null = pc.or_(bad_amount, credit_bad), pc.and_(amount_null, credit_null)
    issues.add("ledger_amount_missing", pc.and_(pc.and_(ok_code, amount_null), pc.invert(no_value)), amount_col)

    # money on a line without a code: a subtotal line if any of its cells says so, else an error
    orphan = pc.and_(pc.and_(code_null, pc.invert(amount_null)), pc.invert(no_value))
    if pc.any(orphan).as_py():
        lines = data.filter(orphan).to_pylist()
        said = pa.array([any(isinstance(v, str) and SUBTOTAL.search(v) for v in line.values()) for line in lines])
        issues.add("ledger_subtotal_skipped", pc.replace_with_mask(none, orphan, said), amount_col)
        issues.add("ledger_amount_without_code", pc.replace_with_mask(none, orphan, pc.invert(said)),
                   amount_col, amounts)

    spending, project = _spending(pa, pc, data, roles, header, issues)
    lines_in = pa.table({"code": row_code, "spending": spending, "project": project, "fen": fen}).filter(
        pc.and_(pc.and_(ok_code, pc.invert(bad_amount)), pc.invert(no_value)))
    if (pc.sum(pc.abs(pc.cast(lines_in["fen"], pa.float64()))).as_py() or 0) >= 2.0 ** 62:
        raise LedgerError("ledger_total_too_large", path=file)  # Σ 分 would overflow int64
    grouped = lines_in.group_by(["code", "spending"]).aggregate([("fen", "sum"), ("fen", "count")]).to_pylist()
    rows = sorted((LedgerRow(valid_codes[g["code"]], PROJECT if g["spending"] else BASIC, g["fen_sum"], g["fen_count"])
                   for g in grouped), key=lambda r: (r.spending != BASIC, r.code))
    per_project = lines_in.filter(pc.equal(lines_in["spending"], 1)).group_by("project").aggregate(
        [("fen", "sum"), ("fen", "count")]).to_pylist()
    projects = sorted((ProjectTotal(p["project"] or "", p["fen_sum"], p["fen_count"]) for p in per_project),
                      key=lambda p: (p.name == "", p.name))
    return Ledger(file, sheet, header.unit, n - (pc.sum(blank).as_py() or 0), lines_in.num_rows, tuple(rows),
                  tuple(projects), _finish(issues.items))


def _fen(pa: Any, pc: Any, issues: _Issues, amounts: Any, col: int, ok_code: Any, code_null: Any,
         subtotal_code: Any, unit: str, none: Any) -> tuple[Any, Any, Any]:
    """(分 per line, 0 where blank; lines whose amount is not a number; lines whose amount is blank).

    Plain numbers in one kernel, other text (1,234.50, full-width digits) cell by cell; 分 =
    round(amount × scale) half away from zero, and amounts finer than 1 分 are flagged and
    recomputed from their decimal text.
    """
    amount_null = pc.is_null(amounts)
    numeric = pc.fill_null(pc.match_substring_regex(amounts, NUMERIC), False)
    number = pc.cast(pc.if_else(numeric, amounts, pa.scalar(None, pa.string())), pa.float64())
    other = pc.and_(pc.invert(amount_null), pc.invert(numeric))
    bad_amount = huge_text = none
    if pc.any(other).as_py():
        read = [read_number(text) for text in amounts.filter(other).to_pylist()]
        parsed = [number for number, _, _ in read]
        huge_text = pc.replace_with_mask(none, other, pa.array(
            [any(code == "number_too_large" for code, _ in findings) for _, _, findings in read], pa.bool_()))
        number = pc.replace_with_mask(number, other, pa.array([None if p is None else float(p) for p in parsed],
                                                              pa.float64()))
        bad_amount = pc.replace_with_mask(none, other, pa.array([p is None for p in parsed], pa.bool_()))
    issues.add("ledger_amount_not_number", pc.and_(pc.and_(bad_amount, pc.invert(huge_text)),
                                                   pc.invert(pc.or_(code_null, subtotal_code))), col, amounts)
    # amounts of 10^13 元 or more are refused at their cell: beyond, a float no longer holds every 分 (2^53)
    # and sums could overflow int64; no department's voucher line comes near
    scale = 1_000_000 if unit == "万元" else 100
    too_large = pc.or_(pc.fill_null(pc.greater_equal(pc.abs(number), float(LEDGER_LARGEST) * 100 / scale), False),
                       huge_text)
    if pc.any(too_large).as_py():
        issues.add("ledger_amount_too_large", pc.and_(too_large, pc.invert(code_null)), col, amounts)
        number = pc.if_else(too_large, pa.scalar(None, pa.float64()), number)
        bad_amount = pc.or_(bad_amount, too_large)
    scaled = pc.multiply(pc.fill_null(number, 0.0), float(scale))
    rounded = pc.round(scaled, round_mode="half_towards_infinity")
    tolerance = pc.add(pc.multiply(pc.abs(scaled), 1e-12), 1e-6)
    fine = pc.and_(pc.greater(pc.abs(pc.subtract(scaled, rounded)), tolerance), ok_code)
    fen = pc.cast(rounded, pa.int64())
    if pc.any(fine).as_py():
        exact = [int((Decimal(repr(x)) * scale).quantize(Decimal(1), ROUND_HALF_UP))
                 for x in number.filter(fine).to_pylist()]
        fen = pc.replace_with_mask(fen, fine, pa.array(exact, pa.int64()))
        issues.add("ledger_amount_precision", fine, col, amounts, unit=unit)
    return fen, bad_amount, amount_null


def _spending(pa: Any, pc: Any, data: Any, roles: dict[str, int], header: Header,
              issues: _Issues) -> tuple[Any, Any]:
    """Per line: 0 基本支出 / 1 项目支出, and the project's name (null when none)."""
    n = data.num_rows
    if "kind" not in roles:
        issues.items.append(Issue("ledger_no_type_column", Severity.WARNING,
                                  CellRef(issues.sheet, header.row + 1, header.amount + 1), ()))
        return pa.array([0] * n, pa.int8()), pa.nulls(n, pa.string())
    encoded = pc.dictionary_encode(data.column(roles["kind"]))
    classified = [classify_type(v) for v in encoded.dictionary.to_pylist()]
    spending = pc.fill_null(pc.take(pa.array([int(s == PROJECT) for s, _ in classified], pa.int8()),
                                    encoded.indices), 0)
    project = pc.take(pa.array([p or None for _, p in classified], pa.string()), encoded.indices)
    return spending, project


def _finish(items: list[Issue]) -> tuple[Issue, ...]:
    """Fill the parameters known only per code; sort by row, column, code ("more" notes last)."""
    done = []
    for item in items:
        params = dict(item.params)
        if item.code == "ledger_code_retired":
            params["why"] = RETIRED.get(params["value"], "")
        done.append(Issue(item.code, item.severity, item.where, tuple(sorted(params.items()))))
    return tuple(sorted(done, key=lambda i: (i.where is None, i.where.row if i.where else 0,
                                             i.where.col if i.where else 0, i.code, i.params)))


def fen_to_unit(fen: int, unit: str) -> Decimal:
    """分 → the workbook's unit, exact (万元 keeps six decimals, 元 two)."""
    if unit == "万元":
        return (Decimal(fen) / 1_000_000).quantize(Decimal("0.000001"))
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))
