"""Output sheets as neutral content: cells, styles, widths, print setup. Pure.

Both writers render these mechanically — openpyxl into a copy of the workbook, xlwings into the
open book — so the CLI and the ribbon produce the same sheets. Style names map to fonts in
``STYLES``; the font names are those of official documents (GB/T 9704), kept even where a
machine lacks them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from selfeval_xl import layout, texts
from selfeval_xl.compute import Results
from selfeval_xl.model import Issue
from selfeval_xl.narrative import Report
from selfeval_xl.pipeline import Evaluation


@dataclass(frozen=True, slots=True)
class Style:
    font: str = "仿宋_GB2312"
    size: float = 12
    bold: bool = False
    wrap: bool = False
    align: str = "left"  # left | center | right
    fill: str = ""  # RGB hex, "" for none
    color: str = ""  # font colour


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
}

HIGHLIGHT_ERROR = "FFC7CE"  # fill of an input cell with an error, in the output copy only
HIGHLIGHT_WARNING = "FFEB9C"


@dataclass(frozen=True, slots=True)
class Cell:
    row: int
    col: int
    value: str | int | float
    style: str = "cell"
    link: str = ""  # internal hyperlink target, e.g. "'基本信息'!C4"


@dataclass(frozen=True, slots=True)
class SheetContent:
    title: str
    cells: tuple[Cell, ...]
    widths: tuple[tuple[int, float], ...]  # (column, width in Excel character units)
    heights: tuple[tuple[int, float], ...] = ()  # (row, points)
    landscape: bool = False
    indent_first_line: bool = field(default=False)  # paragraphs start with two full-width spaces

    def value_at(self, row: int, col: int) -> str | int | float | None:
        for cell in self.cells:
            if cell.row == row and cell.col == col:
                return cell.value
        return None


REPORT_WIDTH = 80.0  # column B, in character units
_INDENT = "\u3000\u3000"  # two full-width spaces: the two-character first-line indent


def _height(text: str, width: float, size: float) -> float:
    """Row height (points) that shows ``text`` wrapped in a column ``width`` characters wide."""
    units_per_line = width * 7 / (size * 1.33)  # CJK characters per line at this font size
    visual = sum(1.0 if ord(ch) > 0x2E7F else 0.55 for ch in text) or 1.0
    lines = max(1, math.ceil(visual / units_per_line))
    return round(lines * size * 1.4 + 4, 1)


def report_sheet(report: Report) -> SheetContent:
    cells = []
    heights = []
    for row, (style, text) in enumerate(report.lines(), start=1):
        shown = _INDENT + text if style in ("body", "item") else text
        cells.append(Cell(row, 2, shown, style))
        heights.append((row, _height(shown, REPORT_WIDTH, STYLES[style].size)))
    return SheetContent(texts.UI["sheet_report"], tuple(cells), ((1, 2.0), (2, REPORT_WIDTH)), tuple(heights))


def calc_sheet(results: Results, generated: str) -> SheetContent:
    ui = texts.UI
    headers = ("calc_header_item", "calc_header_value", "calc_header_inputs", "calc_header_note")
    cells = [Cell(1, c, ui[h], "header") for c, h in enumerate(headers, start=1)]
    for row, step in enumerate(results.steps, start=2):
        cells.append(Cell(row, 1, ui[f"calc.{step.key}"]))
        cells.append(Cell(row, 2, step.value, "number"))
        cells.append(Cell(row, 3, step.inputs))
        if step.note:
            cells.append(Cell(row, 4, ui[f"calc_note_{step.note}"], "note"))
    cells.append(Cell(len(results.steps) + 3, 1, generated, "note"))
    return SheetContent(ui["sheet_calc"], tuple(cells), ((1, 36.0), (2, 14.0), (3, 40.0), (4, 50.0)), landscape=True)


def issue_message(issue: Issue) -> str:
    return texts.render(texts.ISSUES, issue.code, **dict(issue.params))


def issues_sheet(issues: Sequence[Issue]) -> SheetContent:
    ui = texts.UI
    headers = ("issues_header_no", "issues_header_severity", "issues_header_where", "issues_header_message",
               "issues_header_code")
    cells = [Cell(1, c, ui[h], "header") for c, h in enumerate(headers, start=1)]
    heights = []
    for n, item in enumerate(issues, start=1):
        row = n + 1
        severity = item.severity.value
        cells.append(Cell(row, 1, n, "number"))
        cells.append(Cell(row, 2, ui[f"severity.{severity}"], severity))
        if item.where is not None:
            cells.append(Cell(row, 3, str(item.where), "link", link=str(item.where)))
        else:
            cells.append(Cell(row, 3, ui["no_location"]))
        message = issue_message(item)
        cells.append(Cell(row, 4, message))
        cells.append(Cell(row, 5, item.code, "note"))
        heights.append((row, _height(message, 70, 11)))
    if not issues:
        cells.append(Cell(2, 4, ui["issues_none"]))
    return SheetContent(ui["sheet_issues"], tuple(cells), ((1, 6.0), (2, 8.0), (3, 22.0), (4, 70.0), (5, 22.0)),
                        tuple(heights), landscape=True)


OUTPUT_SHEETS = (texts.UI["sheet_issues"], texts.UI["sheet_report"], texts.UI["sheet_calc"])


def output_sheets(evaluation: Evaluation, generated: str, *, force: bool = False) -> list[SheetContent]:
    """Every output sheet of a run, in workbook order: 校验结果, 自评报告, 计算明细.

    ``generated`` is the "生成时间…" line (the caller reads the clock); ``force`` puts the banner on
    the report when the workbook has errors.
    """
    return [
        issues_sheet(evaluation.issues),
        report_sheet(evaluation.narrative(force=force)),
        calc_sheet(evaluation.results, generated),
    ]


def is_input_sheet(title: str) -> bool:
    return title in layout.SHEET_ORDER
