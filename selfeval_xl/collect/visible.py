"""An exported 自评表.xlsx without its figures part, read from what it shows.

The export embeds its figures (``render.embedded``); a file saved by a tool that drops custom XML
parts, exported by an early version, or copied into a new workbook by hand has only its visible
自评表. This reader finds that table by its labels (the catalog's, so a re-typed or moved table
is still found), never by fixed addresses, and takes what it states: 单位名称, 年度 (from the title),
自评总分, 等级, and the 年度资金总额 row (全年预算数, 全年执行数, 执行率). The 支出 composition
(人员经费, 公用经费, 项目支出) is not on the 自评表, so it stays unknown — never zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from selfeval_xl.core import texts
from selfeval_xl.workbook.vocab import FUND_ROWS

MAX_ROWS, MAX_COLS = 300, 30
_SPACE = re.compile(r"[\s\u3000]+")
_MARK = re.compile("[\uff08(][A-Za-z/\u00f7]+[\uff09)]$")  # 全年预算数（A）, 执行率（B/A）
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


@dataclass(frozen=True, slots=True)
class VisibleExport:
    sheet: str
    unit_name: str
    year: int | None
    score: Decimal | None
    grade: str
    adjusted: Decimal | None  # 年度资金总额 全年预算数, 万元
    executed: Decimal | None  # 年度资金总额 全年执行数, 万元
    execution_rate: Decimal | None  # percent, as shown (2 dp)


def _label(value: object) -> str:
    """A cell's text without spaces and without a trailing （A）/(B) style mark."""
    text = _SPACE.sub("", str(value)) if isinstance(value, str) else ""
    return _MARK.sub("", text)


def _number(value: object) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = _SPACE.sub("", str(value)).replace(",", "")
    percent = text.endswith("%")
    try:
        number = Decimal(text.rstrip("%"))
    except InvalidOperation:
        return None
    return number / 100 if percent else number


def _grid(path: Path) -> dict[str, dict[tuple[int, int], object]]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheets: dict[str, dict[tuple[int, int], object]] = {}
        for ws in book.worksheets:
            cells: dict[tuple[int, int], object] = {}
            for r, row in enumerate(ws.iter_rows(max_row=MAX_ROWS, max_col=MAX_COLS, values_only=True), start=1):
                for c, value in enumerate(row, start=1):
                    if value is not None and value != "":
                        cells[r, c] = value
            sheets[ws.title] = cells
        return sheets
    finally:
        book.close()


def _right_of(cells: dict[tuple[int, int], object], at: tuple[int, int]) -> object:
    """The first non-empty cell right of ``at`` on its row."""
    r, c = at
    return next((cells[r, col] for col in range(c + 1, MAX_COLS + 1) if (r, col) in cells), None)


def read_visible(path: Path) -> VisibleExport | None:
    """The 自评表 a file shows, or None when no sheet carries one (an ordinary workbook)."""
    for title, cells in _grid(path).items():
        found = _table(title, cells)
        if found is not None:
            return found
    return None


def _table(title: str, cells: dict[tuple[int, int], object]) -> VisibleExport | None:
    ui = texts.UI
    want = {key: _label(ui[key]) for key in ("scoring_unit", "scoring_total", "scoring_grade", "scoring_adjusted",
                                             "scoring_executed", "scoring_rate")}
    total_row = _label(dict(FUND_ROWS)["total"])
    marker = _label(ui["scoring_title"].split("}")[-1])  # 年度部门整体支出绩效自评表
    titles = [v for v in cells.values() if isinstance(v, str) and marker in _label(v)]
    found = {key: at for at, v in cells.items() for key, label in want.items() if _label(v) == label}
    rows = [at for at, v in cells.items() if _label(v) == total_row]
    if not titles or not {"scoring_unit", "scoring_total", "scoring_rate", "scoring_executed"} <= set(found):
        return None
    heading = _label(titles[0])
    year_match = _YEAR.search(heading)
    unit = str(_right_of(cells, found["scoring_unit"]) or "").strip()
    if not unit and year_match:
        unit = heading[:year_match.start()]
    grade = _right_of(cells, found["scoring_grade"]) if "scoring_grade" in found else None
    money = rows[0][0] if rows else None

    def column(key: str) -> Decimal | None:
        if money is None or key not in found:
            return None
        return _number(cells.get((money, found[key][1])))

    rate = column("scoring_rate")
    return VisibleExport(
        sheet=title, unit_name=unit, year=int(year_match.group(1)) if year_match else None,
        score=_number(_right_of(cells, found["scoring_total"])), grade=str(grade or "").strip(),
        adjusted=column("scoring_adjusted"), executed=column("scoring_executed"),
        execution_rate=(rate * 100).quantize(Decimal("0.01")) if rate is not None and rate <= 2 else rate)


def is_project_export(path: Path) -> bool:
    """A 项目支出绩效自评表 (our project export, or one copied from it): its title names the project form."""
    marker = _label(texts.UI["project_scoring_title"].split("\uff08")[0])  # 项目支出绩效自评表
    return any(isinstance(v, str) and _label(v).startswith(marker)
               for cells in _grid(path).values() for v in cells.values())

