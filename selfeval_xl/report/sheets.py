"""Output sheets as neutral content: cells, styles, widths, print setup. Pure.

Both writers render these mechanically — openpyxl into a copy of the workbook, xlwings into the
open book — so the CLI and the ribbon produce the same sheets. Style names map to fonts in
``STYLES``; the font names are those of official documents (GB/T 9704), kept even where a
machine lacks them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from selfeval_xl.core import texts
from selfeval_xl.core.model import Issue, Model
from selfeval_xl.core.numbers import fmt_amount, fmt_percent, fmt_quantity
from selfeval_xl.figures.compute import Results
from selfeval_xl.figures.scoring import BANDS, EXECUTION_WEIGHT, IndicatorScore, Scoring
from selfeval_xl.report.narrative import Report
from selfeval_xl.report.rows import MAX_ROW_HEIGHT, fit_rows
from selfeval_xl.report.rows import row_height as _height
from selfeval_xl.workbook import layout


@dataclass(frozen=True, slots=True)
class Style:
    font: str = "仿宋_GB2312"
    size: float = 12
    bold: bool = False
    wrap: bool = False
    align: str = "left"  # left | center | right
    fill: str = ""  # RGB hex, "" for none
    color: str = ""  # font colour
    border: bool = False  # thin grid border (tables meant for print)
    number_format: str = ""  # Excel number format of numeric cells ("0.00", "0.00%"); "" = General


STYLES: dict[str, Style] = {
    "title": Style("方正小标宋简体", 18, align="center", wrap=True),
    "banner": Style("黑体", 12, bold=True, wrap=True, color="C00000", fill="FFF2CC"),
    "h1": Style("黑体", 14, wrap=True),
    "h2": Style("楷体_GB2312", 14, bold=True, wrap=True),
    "body": Style("仿宋_GB2312", 14, wrap=True),
    "item": Style("仿宋_GB2312", 14, wrap=True),
    "header": Style("黑体", 11, bold=True, wrap=True, align="center", fill="D9E1F2"),
    "cell": Style("仿宋_GB2312", 11, wrap=True),
    "number": Style("仿宋_GB2312", 11, align="right"),
    "error": Style("仿宋_GB2312", 11, bold=True, color="C00000"),
    "warning": Style("仿宋_GB2312", 11, color="9C5700"),
    "link": Style("仿宋_GB2312", 11, color="0563C1"),
    "note": Style("仿宋_GB2312", 10, color="595959", wrap=True),
    "summary": Style("黑体", 12, bold=True, wrap=True, fill="E2EFDA"),
    "table_title": Style("方正小标宋简体", 16, align="center", wrap=True),
    "th": Style("黑体", 10.5, wrap=True, align="center", fill="D9E1F2", border=True),
    "td": Style("仿宋_GB2312", 10.5, wrap=True, border=True),
    "td_center": Style("仿宋_GB2312", 10.5, wrap=True, align="center", border=True),
    "td_number": Style("仿宋_GB2312", 10.5, align="right", border=True),
    "td_amount": Style("仿宋_GB2312", 10.5, align="right", border=True, number_format="0.00"),
    "td_percent": Style("仿宋_GB2312", 10.5, align="center", border=True, number_format="0.00%"),
}

HIGHLIGHT_ERROR = "FFC7CE"  # fill of an input cell with an error, in the output copy only
HIGHLIGHT_WARNING = "FFEB9C"


@dataclass(frozen=True, slots=True)
class Cell:
    row: int
    col: int
    value: str | int | float  # numbers keep their value; the style's number_format shows them (0.00, 0.00%)
    style: str = "cell"
    link: str = ""  # internal hyperlink target, e.g. "'基本信息'!C4"


@dataclass(frozen=True, slots=True)
class SheetContent:
    title: str
    cells: tuple[Cell, ...]
    widths: tuple[tuple[int, float], ...]  # (column, width in Excel character units)
    heights: tuple[tuple[int, float], ...] = ()  # (row, points)
    landscape: bool = False
    merges: tuple[tuple[int, int, int, int], ...] = ()  # (first_row, first_col, last_row, last_col)
    header_rows: tuple[int, ...] = ()  # rows that head the table below them: repeated on every printed page

    def value_at(self, row: int, col: int) -> str | int | float | None:
        for cell in self.cells:
            if cell.row == row and cell.col == col:
                return cell.value
        return None


REPORT_WIDTH = 80.0  # column B, in character units
_INDENT = "\u3000\u3000"  # two full-width spaces: the two-character first-line indent


def report_sheet(report: Report) -> SheetContent:
    """The report, one paragraph a row; a paragraph too long for one row (Excel's 409 pt) goes on several."""
    cells = []
    heights = []
    row = 0
    for style, text in report.lines():
        shown = _INDENT + text if style in ("body", "item") else text
        size = STYLES[style].size
        for piece in fit_rows(shown, REPORT_WIDTH, size):
            row += 1
            cells.append(Cell(row, 2, piece, style))
            heights.append((row, _height(piece, REPORT_WIDTH, size)))
    return SheetContent(texts.UI["sheet_report"], tuple(cells), ((1, 2.0), (2, REPORT_WIDTH)), tuple(heights))


def calc_sheet(results: Results, generated: str, scoring: Scoring | None = None) -> SheetContent:
    ui = texts.UI
    headers = ("calc_header_item", "calc_header_value", "calc_header_inputs", "calc_header_note")
    cells = [Cell(1, c, ui[h], "header") for c, h in enumerate(headers, start=1)]
    rows: list[tuple[str, str, str, str]] = [
        (ui[f"calc.{step.key}"], step.value, step.inputs, ui[f"calc_note_{step.note}"] if step.note else "")
        for step in results.steps
    ]
    if scoring is not None:
        rows.extend(scoring_steps(scoring))
    for row, (label, value, inputs, note) in enumerate(rows, start=2):
        cells.append(Cell(row, 1, label))
        cells.append(Cell(row, 2, value, "number"))
        cells.append(Cell(row, 3, inputs))
        if note:
            cells.append(Cell(row, 4, note, "note"))
    cells.append(Cell(len(rows) + 3, 1, generated, "note"))
    return SheetContent(ui["sheet_calc"], tuple(cells), ((1, 36.0), (2, 14.0), (3, 40.0), (4, 50.0)), landscape=True)


def _ui(key: str, **params: object) -> str:
    return texts.render(texts.UI, key, **params)


def scoring_steps(scoring: Scoring) -> list[tuple[str, str, str, str]]:
    """计算明细 rows of the 自评表: execution, every indicator, total, grade."""
    rows = []
    total, appropriation = scoring.funds.get("total"), scoring.funds.get("appropriation")
    if total is not None and appropriation is not None:
        carry, other = scoring.funds["carryover"], scoring.funds["other"]
        for column in ("adjusted", "executed"):
            value = total.value(column)
            if value is None:
                continue
            parts = [line.value(column) or Decimal(0) for line in (appropriation, carry, other)]
            rows.append((_ui(f"calc.fund_total_{column}"), fmt_amount(value),
                         " + ".join(fmt_amount(p) for p in parts), _ui("calc_fund_total_note")))
    if scoring.execution_rate is not None and scoring.execution_adjusted is not None:
        rows.append((_ui("calc.exec_rate"), fmt_percent(scoring.execution_rate),
                     _ui("calc_share", part=fmt_amount(scoring.execution_executed or Decimal(0)),
                         whole=fmt_amount(scoring.execution_adjusted)), ""))
    rate = fmt_percent(scoring.execution_rate) if scoring.execution_rate is not None else "0.00%"
    rows.append((_ui("calc.exec_score"), fmt_amount(scoring.execution_score),
                 _ui("calc_exec_score", rate=rate), ""))
    for result in scoring.indicators:
        rows.append((_ui("calc_indicator", name=result.indicator.name), fmt_amount(result.score),
                     _rule_text(result), ""))
    indicators = " + ".join(fmt_amount(s.score) for s in scoring.indicators)
    rows.append((_ui("calc.total_score"), fmt_amount(scoring.total),
                 _ui("calc_total_score", execution=fmt_amount(scoring.execution_score), indicators=indicators), ""))
    rows.append((_ui("calc.grade"), scoring.grade, _ui("calc_grade_rule"), ""))
    return rows


def _rule_text(result: IndicatorScore) -> str:
    ind, weight = result.indicator, fmt_quantity(result.weight)
    if ind.qualitative:
        band = BANDS.get(ind.rating)
        if band is None:
            return _ui("calc_rule_missing")
        if result.manual_used and ind.manual is not None:
            return _ui("calc_rule_manual", manual=fmt_amount(ind.manual), rating=ind.rating,
                       low=fmt_amount(result.weight * band.low), high=fmt_amount(result.weight * band.high))
        return _ui("calc_rule_band", weight=weight, coefficient=fmt_percent(band.default * 100), rating=ind.rating)
    if result.computed is None or ind.target is None or ind.actual is None:
        return _ui("calc_rule_missing")
    target, actual = fmt_quantity(ind.target), fmt_quantity(ind.actual)
    if ind.direction == "≤":
        key = "calc_rule_reverse_full" if result.score == result.weight else "calc_rule_reverse_ratio"
    else:
        key = "calc_rule_full" if result.score == result.weight else "calc_rule_ratio"
    return _ui(key, weight=weight, target=target, actual=actual)


def _value_text(direction: str, number: Decimal | None, text: str, unit: str) -> str:
    if number is None:
        return text
    prefix = direction if direction in ("≥", "≤") else ""
    return f"{prefix}{fmt_quantity(number)}{unit}"


def scoring_sheet(model: Model, scoring: Scoring) -> SheetContent:
    """The standard 部门整体支出绩效自评表, print-ready on A4 landscape (8 columns)."""
    ui = texts.UI
    info = model.info
    cells: list[Cell] = []
    merges: list[tuple[int, int, int, int]] = []

    def put(row: int, col: int, value: str | int | float, style: str = "td", last_col: int = 0) -> None:
        cells.append(Cell(row, col, value, style))
        for extra in range(col + 1, (last_col or col) + 1):
            cells.append(Cell(row, extra, "", style))  # borders on every merged cell
        if last_col > col:
            merges.append((row, col, row, last_col))

    put(1, 1, _ui("scoring_title", unit=info.unit_name, year=info.year or ""), "table_title", 8)
    put(2, 1, ui["scoring_unit"], "th")
    put(2, 2, info.unit_name, "td", 4)
    put(2, 5, ui["scoring_total"], "th")
    put(2, 6, _number(scoring.total), "td_amount")
    put(2, 7, ui["scoring_grade"], "th")
    put(2, 8, scoring.grade, "td_center")
    row = 3
    for col, key in enumerate(("scoring_funds", "scoring_initial", "scoring_adjusted", "scoring_executed",
                               "scoring_weight", "scoring_rate"), start=1):
        put(row, col, ui[key], "th")
    put(row, 7, ui["scoring_score"], "th", 8)
    for key, label in layout.FUND_ROWS:
        row += 1
        line = scoring.funds.get(key)
        put(row, 1, label)
        for col, attr in ((2, "initial"), (3, "adjusted"), (4, "executed")):
            value = getattr(line, attr) if line else None
            put(row, col, _number(value) if value is not None else "", "td_amount")
        is_total = key == "total"
        if is_total and scoring.execution_rate is not None:
            put(row, 6, _number(scoring.execution_rate / 100), "td_percent")
        else:
            put(row, 6, "—", "td_center")
        put(row, 5, _number(EXECUTION_WEIGHT) if is_total else "—", "td_center")
        put(row, 7, _number(scoring.execution_score) if is_total else "—", "td_amount" if is_total else "td_center", 8)
    row += 1
    put(row, 1, ui["scoring_goals"], "th")
    put(row, 2, ui["scoring_expected"], "th", 4)
    put(row, 5, ui["scoring_actual_goal"], "th", 8)
    goals_label_row = row
    for goal in model.overall_goals:
        row += 1
        put(row, 1, "", "td")
        put(row, 2, goal.expected, "td", 4)
        put(row, 5, goal.actual, "td", 8)
    if row > goals_label_row:  # the 年度总体目标 label stands beside its goals
        merges.append((goals_label_row, 1, row, 1))
    row += 1
    indicator_header_row = row
    for col, key in enumerate(("scoring_level1", "scoring_level2", "scoring_level3", "scoring_target",
                               "scoring_actual", "scoring_weight", "scoring_score", "scoring_reason"), start=1):
        put(row, col, ui[key], "th")
    first_indicator_row = row + 1
    for result in scoring.indicators:
        row += 1
        ind = result.indicator
        actual = _value_text("", ind.actual, ind.actual_text, ind.unit)
        if ind.qualitative and ind.rating:
            actual = _ui("scoring_rated", actual=actual, rating=ind.rating) if actual else ind.rating
        for col, value, style in ((1, ind.level1, "td_center"), (2, ind.level2, "td_center"), (3, ind.name, "td"),
                                  (4, _value_text(ind.direction, ind.target, ind.target_text, ind.unit), "td_center"),
                                  (5, actual, "td_center"), (6, _number(result.weight), "td_center"),
                                  (7, _number(result.score), "td_amount"), (8, ind.reason, "td")):
            put(row, col, value, style)
    for col in (1, 2):  # merge runs of the same 一级 / 二级 indicator vertically
        merges.extend(_vertical_runs(scoring.indicators, col, first_indicator_row))
    row += 1
    put(row, 1, ui["scoring_sum"], "th", 5)
    put(row, 6, 100, "td_center")
    put(row, 7, _number(scoring.total), "td_amount")
    put(row, 8, _ui("scoring_grade_is", grade=scoring.grade), "td_center")
    widths = ((1, 16.0), (2, 14.0), (3, 26.0), (4, 14.0), (5, 16.0), (6, 8.0), (7, 9.0), (8, 38.0))
    return SheetContent(ui["sheet_scoring"], tuple(cells), widths, ((1, 30.0), *_fit_heights(cells, merges, widths)),
                        landscape=True, merges=tuple(merges), header_rows=(indicator_header_row,))


def _fit_heights(cells: Sequence[Cell], merges: Sequence[tuple[int, int, int, int]],
                 widths: Sequence[tuple[int, float]]) -> list[tuple[int, float]]:
    """Row heights that show every wrapped cell, counting the width of horizontally merged cells."""
    width_of = dict(widths)
    span = {(r1, c1): c2 for r1, c1, r2, c2 in merges if r1 == r2}
    heights: dict[int, float] = {}
    for cell in cells:
        if cell.row == 1 or not isinstance(cell.value, str) or not cell.value:
            continue
        width = sum(width_of.get(c, 10.0) for c in range(cell.col, span.get((cell.row, cell.col), cell.col) + 1))
        heights[cell.row] = max(heights.get(cell.row, 0.0), _height(cell.value, width, STYLES[cell.style].size))
    return sorted((row, min(height, MAX_ROW_HEIGHT)) for row, height in heights.items())


def _number(value: Decimal) -> int | float:
    """A presented (already rounded) Decimal as the number Excel stores; whole numbers stay ints."""
    return int(value) if value == value.to_integral_value() else float(value)


def _vertical_runs(results: Sequence[IndicatorScore], col: int, first_row: int) -> list[tuple[int, int, int, int]]:
    keys = [(r.indicator.level1, r.indicator.level2 if col == 2 else "") for r in results]
    runs = []
    start = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            if i - start > 1:
                runs.append((first_row + start, col, first_row + i - 1, col))
            start = i
    return runs


def issue_message(issue: Issue) -> str:
    return texts.render(texts.ISSUES, issue.code, **dict(issue.params))


GROUP_MIN = 3  # this many 提示 of one kind, each at a cell, are shown as one group


def issue_kind(issue: Issue) -> str:
    """The 类别 of an issue: a short Chinese name of its code (the code itself when none is known)."""
    return texts.ISSUE_KINDS.get(issue.code, issue.code)


def _warning_blocks(warnings: Sequence[Issue]) -> list[list[Issue]]:
    """提示 in order, those of a code that occurs ``GROUP_MIN`` times or more (all at cells) as one block."""
    by_code: dict[str, list[Issue]] = {}
    for item in warnings:
        by_code.setdefault(item.code, []).append(item)
    blocks: list[list[Issue]] = []
    for item in warnings:
        same = by_code[item.code]
        if len(same) >= GROUP_MIN and all(i.where is not None for i in same):
            if item is same[0]:
                blocks.append(same)
        else:
            blocks.append([item])
    return blocks


def issues_sheet(issues: Sequence[Issue]) -> SheetContent:
    """校验结果, read top-down: a summary row, the errors, then the 提示 (many of one kind grouped).

    Columns: 序号, 级别, 类别 (Chinese), 位置 (a link to the cell), 问题说明, 代码 (the stable code,
    last, for support). A group row says how many cells share one kind; its cells follow, each
    with its own link and message.
    """
    ui = texts.UI
    errors = [i for i in issues if i.is_error]
    warnings = [i for i in issues if not i.is_error]
    advice = "issues_advice_errors" if errors else "issues_advice_warnings" if warnings else "issues_none"
    summary = _ui("issues_summary", errors=len(errors), warnings=len(warnings)) + ui[advice]
    cells = [Cell(1, 1, summary, "banner" if errors else "summary")]
    headers = ("issues_header_no", "issues_header_severity", "issues_header_kind", "issues_header_where",
               "issues_header_message", "issues_header_code")
    cells += [Cell(2, c, ui[h], "header") for c, h in enumerate(headers, start=1)]
    heights = [(1, 24.0)]
    row, number = 2, 0

    def line(item: Issue, message: str, *, where: str = "", member: bool = False) -> None:
        """One row: a numbered issue (or group), or, with ``member``, a cell of the group above."""
        nonlocal row, number
        row += 1
        if not member:
            number += 1
            cells.append(Cell(row, 1, number, "number"))
            cells.append(Cell(row, 2, ui[f"severity.{item.severity.value}"], item.severity.value))
            cells.append(Cell(row, 3, issue_kind(item)))
            cells.append(Cell(row, 6, item.code, "note"))
        if where:
            cells.append(Cell(row, 4, where))
        elif item.where is not None:
            cells.append(Cell(row, 4, str(item.where), "link", link=str(item.where)))
        else:
            cells.append(Cell(row, 4, ui["no_location"]))
        cells.append(Cell(row, 5, message))
        heights.append((row, min(_height(message, 64, 11), MAX_ROW_HEIGHT)))

    for item in errors:
        line(item, issue_message(item))
    for block in _warning_blocks(warnings):
        first = block[0]
        if len(block) == 1:
            line(first, issue_message(first))
            continue
        key = f"issues_group.{first.code}" if f"issues_group.{first.code}" in ui else "issues_group"
        line(first, _ui(key, count=len(block), kind=issue_kind(first)),
             where=_ui("issues_group_where", count=len(block)))
        for item in block:
            line(item, issue_message(item), member=True)
    widths = ((1, 6.0), (2, 6.0), (3, 16.0), (4, 22.0), (5, 64.0), (6, 18.0))
    return SheetContent(ui["sheet_issues"], tuple(cells), widths, tuple(heights), landscape=True,
                        merges=((1, 1, 1, 6),))


OUTPUT_SHEETS = (texts.UI["sheet_issues"], texts.UI["sheet_report"], texts.UI["sheet_scoring"], texts.UI["sheet_calc"])


def is_input_sheet(title: str) -> bool:
    return title in layout.SHEET_ORDER
