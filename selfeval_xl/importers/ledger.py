"""``selfeval ledger LEDGER --into BOOK [-o OUT]``: total a 明细账 into 经济分类明细 of a copy of BOOK.

Steps: BOOK is read and evaluated first (so "not our template" stops before the ledger is read);
the ledger is totalled by ``ledger_read`` (columnar, bounded memory); if it has errors nothing is
written unless ``--force`` (then the lines in error are left out); the table 经济分类明细表 of a
copy of BOOK gets one row per (code, 支出类型) — the table grows when it needs more rows, its
data validations grow with it, and names the user gave a code in 报告中名称 are kept; amounts
are written exactly in BOOK's unit (万元 with up to six decimals, or 元), shown to 0.01, and
rounded ROUND_HALF_UP only where the engine presents them. Finally the copy is evaluated, so the
user sees at once whether the detail reconciles with 预算支出.

Exit codes: 0 written, ledger clean (warnings allowed); 1 the ledger has errors (nothing written,
or written with ``--force``); 3 BOOK or LEDGER cannot be used; 4 the output cannot be written.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from selfeval_xl.core import texts
from selfeval_xl.core.econ_codes import CODES, code_from_cell
from selfeval_xl.core.errors import OutputError, os_reason
from selfeval_xl.core.model import Issue
from selfeval_xl.importers.book_tables import place, read_rows, write_rows
from selfeval_xl.importers.ledger_read import BASIC, PROJECT, Ledger, fen_to_unit
from selfeval_xl.workbook import layout

TABLE = layout.ECON.tables[0]


def _t(key: str, **params: object) -> str:
    return texts.render(texts.BATCH, key, **params)


# ---- writing the detail into a copy of BOOK ---------------------------------------------------------


def _cell_value(amount: Decimal) -> int | float:
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def write_detail(book: Any, ledger: Ledger, unit: str) -> None:
    """Replace the rows of 经济分类明细表 in the openpyxl ``book`` with the ledger's totals."""
    placed = place(book, TABLE, ("code", "spending", "amount"))
    names: dict[str, str] = {}  # 报告中名称 the user gave a code: kept
    for old in read_rows(placed):
        code = code_from_cell(old["code"])
        display = old.get("display")
        if code and isinstance(display, str) and display.strip():
            names.setdefault(code, display.strip())
    rows = []
    for row in ledger.rows:
        new: dict[str, Any] = {"code": CODES[row.code].label, "spending": row.spending,
                               "amount": _cell_value(fen_to_unit(row.fen, unit)),
                               "note": _t("ledger.note", lines=row.lines)}
        if row.code in names:
            new["display"] = names[row.code]
        rows.append(new)
    write_rows(placed, TABLE, rows)


# ---- the command ---------------------------------------------------------------------------------------


def location(ledger: Ledger, item: Issue) -> str:
    if item.where is None:
        return _t("ledger.location_file", file=ledger.file)
    return _t("ledger.location", file=ledger.file, cell=str(item.where))


def issue_rows(ledger: Ledger) -> list[dict[str, str]]:
    return [{"code": i.code, "severity": i.severity.value, "file": ledger.file,
             "sheet": i.where.sheet if i.where else "", "cell": i.where.a1 if i.where else "",
             "message": texts.render(texts.BATCH, i.code, **dict(i.params))} for i in ledger.issues]


def _wan(fen: int) -> str:
    from selfeval_xl.core.numbers import fmt_amount

    return fmt_amount(fen_to_unit(fen, "万元"))


def summary_lines(ledger: Ledger) -> list[str]:
    lines = [_t("ledger.read", file=ledger.file, sheet=ledger.sheet, unit=ledger.unit, lines=ledger.lines,
                counted=ledger.counted, rows=len(ledger.rows)),
             _t("ledger.totals", personnel=_wan(ledger.total(BASIC, personnel=True)),
                public=_wan(ledger.total(BASIC, personnel=False)), project=_wan(ledger.total(PROJECT)),
                total=_wan(ledger.total()))]
    lines += [_t("ledger.project", name=p.name or _t("ledger.project_unnamed"), amount=_wan(p.fen), lines=p.lines)
              for p in ledger.projects]
    return lines


def to_document(ledger: Ledger, book: Path, output: Path | None, unit: str,
                check: dict[str, int] | None) -> dict[str, Any]:
    return {
        "ledger": ledger.file, "sheet": ledger.sheet, "ledger_unit": ledger.unit, "book": book.name,
        "output": str(output) if output else None, "unit": unit, "lines": ledger.lines, "counted": ledger.counted,
        "rows": [{"code": r.code, "name": CODES[r.code].name, "spending": r.spending, "lines": r.lines,
                  "yuan": f"{fen_to_unit(r.fen, '元'):f}", "amount": f"{fen_to_unit(r.fen, unit):f}"}
                 for r in ledger.rows],
        "projects": [{"name": p.name, "lines": p.lines, "yuan": f"{fen_to_unit(p.fen, '元'):f}"}
                     for p in ledger.projects],
        "errors": len(ledger.errors), "warnings": len(ledger.warnings), "issues": issue_rows(ledger),
        "check": check,
    }


def default_output(book: Path) -> Path:
    """``<stem>_明细账汇总.xlsx`` beside the workbook."""
    return book.with_name(_t("ledger.default_output", stem=book.stem))


def write_ledger_copy(ledger: Ledger, book: Path, out: Path, unit: str | None = None) -> Any:
    """Write a copy of ``book`` with the ledger's totals in 经济分类明细 to ``out``; return the copy's Evaluation."""
    from selfeval_xl.pipeline import evaluate
    from selfeval_xl.workbook.package import workbook_bytes, write_atomic
    from selfeval_xl.workbook.reader import load_for_copy, read_workbook

    if unit is None:
        unit = evaluate(read_workbook(book)).model.info.amount_unit
    copy = load_for_copy(book)
    write_detail(copy, ledger, unit)
    try:
        write_atomic(out, workbook_bytes(copy))
    except OSError as exc:
        raise OutputError(path=out, reason=os_reason(exc)) from None
    return evaluate(read_workbook(out))
