"""Output sheets as neutral content: cells, styles, widths, print setup. Pure.

Both writers render these mechanically — openpyxl into a copy of the workbook, xlwings into the
open book — so the CLI and the ribbon produce the same sheets. Style names map to fonts in
``STYLES``; the font names are those of official documents (GB/T 9704), kept even where a
machine lacks them.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from selfeval_xl.core import texts
from selfeval_xl.core.model import Issue
from selfeval_xl.core.numbers import fmt_amount, fmt_percent, fmt_quantity
from selfeval_xl.figures.compute import Results
from selfeval_xl.figures.scoring import BANDS, IndicatorScore, Scoring
from selfeval_xl.report.content import HIGHLIGHT_ERROR as HIGHLIGHT_ERROR
from selfeval_xl.report.content import HIGHLIGHT_WARNING as HIGHLIGHT_WARNING
from selfeval_xl.report.content import STYLES as STYLES
from selfeval_xl.report.content import Cell as Cell
from selfeval_xl.report.content import SheetContent as SheetContent
from selfeval_xl.report.content import Style as Style
from selfeval_xl.report.narrative import Report
from selfeval_xl.report.rows import MAX_ROW_HEIGHT, fit_rows
from selfeval_xl.report.rows import row_height as _height
from selfeval_xl.report.scoring_table import project_scoring_sheet as project_scoring_sheet
from selfeval_xl.report.scoring_table import project_sheet_title as project_sheet_title
from selfeval_xl.report.scoring_table import scoring_sheet as scoring_sheet
from selfeval_xl.workbook import layout

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


def is_output_sheet(title: str) -> bool:
    """A sheet a run writes (and the next run replaces): the fixed ones and every project 自评表."""
    return title in OUTPUT_SHEETS or title.startswith(
        (texts.UI["sheet_project_scoring_prefix"], texts.UI["sheet_project_report_prefix"]))


def is_input_sheet(title: str) -> bool:
    return title in layout.SHEET_ORDER
