"""The 自评表 sheets: the 部门整体支出绩效自评表 and each project's 项目支出绩效自评表, one builder for
both (8 columns, A4 landscape, the indicator header repeated on every printed page). Pure."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from selfeval_xl.core import texts
from selfeval_xl.core.model import Model, OverallGoal
from selfeval_xl.core.numbers import fmt_quantity
from selfeval_xl.figures.funds import FundLine
from selfeval_xl.figures.projects import ProjectFigures
from selfeval_xl.figures.scoring import EXECUTION_WEIGHT, IndicatorScore, Scoring
from selfeval_xl.report.content import STYLES, Cell, SheetContent
from selfeval_xl.report.rows import MAX_ROW_HEIGHT
from selfeval_xl.report.rows import row_height as _height
from selfeval_xl.workbook import layout


def _ui(key: str, **params: object) -> str:
    return texts.render(texts.UI, key, **params)


def value_text(direction: str, number: Decimal | None, text: str, unit: str) -> str:
    if number is None:
        return text
    prefix = direction if direction in ("≥", "≤") else ""
    return f"{prefix}{fmt_quantity(number)}{unit}"


def scoring_sheet(model: Model, scoring: Scoring) -> SheetContent:
    """The standard 部门整体支出绩效自评表, print-ready on A4 landscape (8 columns)."""
    ui = texts.UI
    info = model.info
    head = ((ui["scoring_unit"], info.unit_name, True),)
    funds = tuple((label, scoring.funds.get(key), key == "total") for key, label in layout.FUND_ROWS)
    return _scoring_table(ui["sheet_scoring"], _ui("scoring_title", unit=info.unit_name, year=info.year or ""),
                          head, funds, model.overall_goals, scoring, ui["scoring_funds"])


def project_scoring_sheet(model: Model, figures: ProjectFigures, title: str) -> SheetContent:
    """A project's 项目支出绩效自评表 (财预〔2020〕10号 附件1), in the same 8 columns; sheet ``title``."""
    ui = texts.UI
    evaluation, scoring = figures.evaluation, figures.scoring
    assert scoring is not None
    head = ((ui["project_scoring_name"], evaluation.name, True),
            (ui["project_scoring_department"], evaluation.department or model.info.supervisor or model.info.unit_name,
             False),
            (ui["project_scoring_implementer"], evaluation.implementer or model.info.unit_name, False))
    funds: list[tuple[str, FundLine | None, bool]] = [
        (ui["project_fund_total"], figures.funds.get("total"), True),
        (ui["project_fund_appropriation"], figures.funds.get("appropriation"), False)]
    if "upper" in figures.funds:  # the source split, when the workbook gives one
        funds += [(ui["project_fund_upper"], figures.funds.get("upper"), False),
                  (ui["project_fund_local"], figures.funds.get("local"), False)]
    funds += [(ui["project_fund_carryover"], figures.funds.get("carryover"), False),
              (ui["project_fund_other"], figures.funds.get("other"), False)]
    return _scoring_table(title, _ui("project_scoring_title", year=model.info.year or ""), head, tuple(funds),
                          evaluation.goals, scoring, ui["project_scoring_funds"])


def _scoring_table(sheet_title: str, title: str, head: Sequence[tuple[str, str, bool]],
                   funds: Sequence[tuple[str, FundLine | None, bool]], goals: Sequence[OverallGoal],
                   scoring: Scoring, funds_label: str) -> SheetContent:
    """A 自评表 in 8 columns: title; head rows (label, value, whether the score and grade stand beside it —
    else two label/value pairs share a row); the funds block; 年度总体目标; the indicators; 总分."""
    ui = texts.UI
    cells: list[Cell] = []
    merges: list[tuple[int, int, int, int]] = []

    def put(row: int, col: int, value: str | int | float, style: str = "td", last_col: int = 0) -> None:
        cells.append(Cell(row, col, value, style))
        for extra in range(col + 1, (last_col or col) + 1):
            cells.append(Cell(row, extra, "", style))  # borders on every merged cell
        if last_col > col:
            merges.append((row, col, row, last_col))

    put(1, 1, title, "table_title", 8)
    row = 1
    pending: list[tuple[str, str]] = []
    for label, shown, with_score in head:
        if with_score:
            row += 1
            put(row, 1, label, "th")
            put(row, 2, shown, "td", 4)
            put(row, 5, ui["scoring_total"], "th")
            put(row, 6, _number(scoring.total), "td_amount")
            put(row, 7, ui["scoring_grade"], "th")
            put(row, 8, scoring.grade, "td_center")
        else:
            pending.append((label, shown))
    for first in range(0, len(pending), 2):
        row += 1
        pair = pending[first:first + 2]
        put(row, 1, pair[0][0], "th")
        put(row, 2, pair[0][1], "td", 4 if len(pair) > 1 else 8)
        if len(pair) > 1:
            put(row, 5, pair[1][0], "th")
            put(row, 6, pair[1][1], "td", 8)
    row += 1
    put(row, 1, funds_label, "th")
    for col, key in enumerate(("scoring_initial", "scoring_adjusted", "scoring_executed", "scoring_weight",
                               "scoring_rate"), start=2):
        put(row, col, ui[key], "th")
    put(row, 7, ui["scoring_score"], "th", 8)
    for label, line, is_total in funds:
        row += 1
        put(row, 1, label)
        for col, attr in ((2, "initial"), (3, "adjusted"), (4, "executed")):
            amount = getattr(line, attr) if line else None
            put(row, col, _number(amount) if amount is not None else "", "td_amount")
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
    for goal in goals:
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
        actual = value_text("", ind.actual, ind.actual_text, ind.unit)
        if ind.qualitative and ind.rating:
            actual = _ui("scoring_rated", actual=actual, rating=ind.rating) if actual else ind.rating
        for col, value, style in ((1, ind.level1, "td_center"), (2, ind.level2, "td_center"), (3, ind.name, "td"),
                                  (4, value_text(ind.direction, ind.target, ind.target_text, ind.unit), "td_center"),
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
    return SheetContent(sheet_title, tuple(cells), widths, ((1, 30.0), *_fit_heights(cells, merges, widths)),
                        landscape=True, merges=tuple(merges), header_rows=(indicator_header_row,))


PROJECT_SHEET_LIMIT = 31  # Excel's limit on a sheet name
_SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\'", "_"))


def project_sheet_title(name: str, taken: Sequence[str] = (), *, report: bool = False) -> str:
    """"项目自评表-<project>" as a legal, unique Excel sheet name (≤ 31 characters, no []:*?/\\ or ')."""
    prefix = texts.UI["sheet_project_report_prefix" if report else "sheet_project_scoring_prefix"]
    base = (prefix + name.translate(_SHEET_FORBIDDEN).strip())[:PROJECT_SHEET_LIMIT]
    title, n = base, 1
    while title in taken:
        n += 1
        suffix = f"({n})"
        title = base[:PROJECT_SHEET_LIMIT - len(suffix)] + suffix
    return title


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
