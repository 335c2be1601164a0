"""The finance bureau's summary of a batch: rows, ranking, issues, charts — as data, JSON and a workbook.

``department_rows`` / ``ranking`` / ``score_bands`` / ``totals`` are pure functions of the
``FileResult`` list (already sorted by file name); ``to_document`` is the ``--json`` document;
``build_workbook`` lays the same data out in an openpyxl workbook with native Excel charts
(stacked columns of each department's expenditure composition, a pie of the batch's composition,
columns of the score distribution) — chart parts that reference cells, no pictures.

Amounts are the engine's presented 万元 (two decimals, ROUND_HALF_UP); sums of them are exact.
Shares and rates are percents with two decimals; in the workbook they are stored as fractions
with a percent format so that Excel can compute with them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from selfeval_xl.collect.worker import DUPLICATE, ERRORS, FIGURES, OK, FileResult
from selfeval_xl.core import texts
from selfeval_xl.core.cells import display_width
from selfeval_xl.figures.scoring import GRADES

AMOUNT_KEYS = ("total", "basic", "personnel", "public", "project")
PERCENT_KEYS = ("personnel_share", "public_share", "basic_share", "project_share", "execution_rate")
HUNDRED = Decimal(100)


def _t(key: str, **params: object) -> str:
    return texts.render(texts.BATCH, key, **params)


def departments(results: Sequence[FileResult]) -> list[FileResult]:
    """Workbook results, readable or not (a broken file is a row with its reason)."""
    return [r for r in results if r.kind == "workbook"]


def reports(results: Sequence[FileResult]) -> list[FileResult]:
    return [r for r in results if r.kind == "report"]


def _generated_key(r: FileResult) -> tuple[int, ...]:
    """The export's 生成时间 as numbers (year, month, day, hour, minute); () for a fill-in workbook."""
    return tuple(int(n) for n in re.findall(r"\d+", r.generated))


def resolve(results: Sequence[FileResult]) -> list[FileResult]:
    """One row per unit and year: among the usable files (no errors) of the same 单位名称 and 年度, the
    newest export (by its own 生成时间; else the first by file name) is kept, the others become
    重复报送 rows naming the one kept. A file with errors keeps its row, with the reason it is not counted.
    Idempotent; order kept."""
    groups: dict[tuple[str, int | None], list[FileResult]] = {}
    for r in results:
        if r.kind == "workbook" and r.status == OK:
            groups.setdefault((r.unit_name, r.year), []).append(r)
    replaced: dict[int, FileResult] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        kept = max(members, key=lambda r: (_generated_key(r), [-ord(c) for c in r.name]))
        newer = bool(_generated_key(kept)) and any(_generated_key(m) != _generated_key(kept) for m in members)
        why = _t("collect.why_newer") if newer else _t("collect.why_first")
        for m in members:
            if m is not kept:
                replaced[id(m)] = replace(m, status=DUPLICATE, reason=_t("collect.reason_duplicate", kept=kept.name,
                                                                         why=why))
    out = []
    for r in results:
        if r.kind == "workbook" and r.status == ERRORS and not r.reason:
            r = replace(r, reason=_t("collect.reason_errors", errors=r.errors))
        out.append(replaced.get(id(r), r))
    return out


def _evaluated(results: Sequence[FileResult]) -> list[FileResult]:
    """What totals and rankings count: usable files only (no errors, not a duplicate)."""
    return [r for r in departments(results) if r.status == OK]


def years(results: Sequence[FileResult]) -> list[int | None]:
    """The years present among the counted rows, in order (a row without a year last)."""
    found = {r.year for r in _evaluated(results)}
    return sorted(y for y in found if y is not None) + ([None] if None in found else [])


def ranking(results: Sequence[FileResult]) -> list[tuple[int | None, FileResult]]:
    """Per year: scored departments by score (then execution rate), ranked 1, 1, 3 on ties; unscored ones last."""
    ranked: list[tuple[int | None, FileResult]] = []
    for year in years(results):
        ranked += _ranking_of([r for r in _evaluated(results) if r.year == year])
    return ranked


def _ranking_of(results: Sequence[FileResult]) -> list[tuple[int | None, FileResult]]:
    scored = [r for r in results if r.score is not None]
    scored.sort(key=lambda r: (-(r.score or 0), -(r.figure("execution_rate") or Decimal(-1)), r.unit_name, r.name))
    ranked: list[tuple[int | None, FileResult]] = []
    for i, r in enumerate(scored):
        tied = i > 0 and r.score == scored[i - 1].score
        ranked.append((ranked[-1][0] if tied else i + 1, r))
    ranked += [(None, r) for r in results if r.score is None]
    return ranked


def score_bands(results: Sequence[FileResult]) -> list[tuple[str, int]]:
    """(band label, departments) for 优/良/中/差 and 无得分."""
    counts = dict.fromkeys([name for _, name in GRADES], 0)
    unscored = 0
    for r in _evaluated(results):
        if r.score is None:
            unscored += 1
        else:
            counts[next(name for floor, name in GRADES if r.score >= floor)] += 1
    bands = [(_t(f"collect.band_{name}"), counts[name]) for _, name in GRADES]
    return [*bands, (_t("collect.band_none"), unscored)]


def totals(results: Sequence[FileResult], year: int | None = None) -> dict[str, Decimal]:
    """Σ of each amount over the counted departments of ``year`` that state their amounts — never across
    years (an export read from its visible 自评表 has no 支出 composition: it is left out, and said so)."""
    rows = [r for r in _evaluated(results) if r.year == year and r.figure("total") is not None]
    return {key: sum((r.figure(key) or Decimal(0) for r in rows), Decimal(0)) for key in AMOUNT_KEYS}


def year_totals(results: Sequence[FileResult]) -> list[tuple[int | None, int, dict[str, Decimal]]]:
    """(year, departments whose amounts are in the totals, totals) for every year present."""
    return [(year, sum(1 for r in _evaluated(results) if r.year == year and r.figure("total") is not None),
             totals(results, year)) for year in years(results)]


def without_amounts(results: Sequence[FileResult], year: int | None) -> int:
    """Counted departments of ``year`` whose amounts are unknown (ranked, but not in the amount totals)."""
    return sum(1 for r in _evaluated(results) if r.year == year and r.figure("total") is None)


def _str(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"


def department_row(r: FileResult, audit: FileResult | None = None) -> dict[str, Any]:
    """One department as JSON; ``audit``: its handed-in report's audit, when there is one."""
    return {"file": r.name, "source": r.source, "status": r.status, "reason": r.reason, "unit_name": r.unit_name,
            "year": r.year, "generated": r.generated,
            **{key: _str(r.figure(key)) for key in FIGURES},
            "score": _str(r.score), "grade": r.grade, "errors": r.errors, "warnings": r.warnings,
            "execution_note": r.execution_note,
            "report_audit": None if audit is None else {"file": audit.name, "errors": audit.errors,
                                                        "warnings": audit.warnings}}


def issue_rows(results: Sequence[FileResult]) -> list[dict[str, str]]:
    return [{"file": r.name, "where": i.where, "severity": i.severity, "code": i.code, "message": i.message, "confidence": i.confidence}
            for r in results for i in r.issues]


def to_document(results: Sequence[FileResult], output: str | None) -> dict[str, Any]:
    """The ``--json`` document: the same data as the summary workbook."""
    from selfeval_xl.collect import bureau

    results = resolve(results)
    audits = bureau.report_audits(results)
    return {
        "files": len(results),
        "output": output,
        "departments": [department_row(r, audits.get((r.unit_name, r.year))) for r in departments(results)],
        "totals": [{"year": year, "departments": count, "without_amounts": without_amounts(results, year),
                    **{key: _str(value) for key, value in sums.items()}}
                   for year, count, sums in year_totals(results)],
        "ranking": [{"rank": rank, "year": r.year, "file": r.name, "unit_name": r.unit_name, "score": _str(r.score),
                     "grade": r.grade, "execution_rate": _str(r.figure("execution_rate"))}
                    for rank, r in ranking(results)],
        "score_bands": [{"band": band, "count": count} for band, count in score_bands(results)],
        "reports": [{"file": r.name, "status": r.status, "reason": r.reason, "paragraphs": r.paragraphs,
                     "errors": r.errors, "warnings": r.warnings} for r in reports(results)],
        "issues": issue_rows(results),
        **bureau.to_document(results),
    }


# ---- the workbook ------------------------------------------------------------------------------------

SUMMARY_COLUMNS = ("no", "file", "source", "unit_name", "year", "status", *FIGURES, "score", "grade", "errors", "warnings",
                   "report_audit", "reason")
WIDTHS = {"no": 6, "file": 28, "source": 12, "report_audit": 30, "unit_name": 24, "year": 7, "status": 10, "score": 10, "grade": 6, "errors": 8,
          "warnings": 8, "reason": 60}


def _status(r: FileResult) -> str:
    return _t(f"collect.status_{r.status}")


def _cell(value: Decimal | None, percent: bool = False) -> float | None:
    if value is None:
        return None
    return float(value / HUNDRED) if percent else float(value)


def _safe_text(value: str) -> str:
    """User text written into a cell never becomes a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def build_workbook(results: Sequence[FileResult]) -> Any:
    from openpyxl import Workbook

    results = resolve(results)
    book = Workbook()
    summary: Any = book.active
    summary.title = _t("collect.sheet_summary")
    _summary_sheet(summary, results)
    _ranking_sheet(book.create_sheet(_t("collect.sheet_ranking")), results)
    _issues_sheet(book.create_sheet(_t("collect.sheet_issues")), results)
    if reports(results):
        _reports_sheet(book.create_sheet(_t("collect.sheet_reports")), results)
    _charts_sheet(book.create_sheet(_t("collect.sheet_charts")), summary, results)
    from selfeval_xl.collect import bureau

    bureau.add_sheets(book, results)
    for ws in book.worksheets:
        _print_setup(ws)
    return book


def _print_setup(ws: Any) -> None:
    """A4 (A3 for the wide summary) landscape, one page wide, the header rows repeated on every page: a reviewer prints these."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A3 if ws.max_column > 20 else ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    frozen = ws.freeze_panes
    if frozen:
        from openpyxl.utils.cell import coordinate_from_string

        row = coordinate_from_string(frozen)[1]
        if row > 1:
            ws.print_title_rows = f"1:{row - 1}"


def _header(ws: Any, row: int, labels: Sequence[str], widths: Sequence[float]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    from selfeval_xl.core.cells import col_letter

    for c, (label, width) in enumerate(zip(labels, widths, strict=True), start=1):
        cell = ws.cell(row, c, label)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[col_letter(c)].width = width
    if any(display_width(label) > width for label, width in zip(labels, widths, strict=True)):
        ws.row_dimensions[row].height = 30  # two lines: Excel does not grow a row for wrapped text it did not type
    ws.freeze_panes = ws.cell(row + 1, 3 if len(labels) > 3 else 1)


def _summary_sheet(ws: Any, results: Sequence[FileResult]) -> None:
    from openpyxl.styles import Font

    from selfeval_xl.collect.bureau import report_audits
    from selfeval_xl.core.cells import col_letter

    audits = report_audits(results)
    rows = sorted(departments(results), key=lambda r: (r.year is None, r.year or 0))  # by year, then as given
    ws.cell(1, 1, _t("collect.summary_title", files=len(rows))).font = Font(bold=True, size=14)
    _header(ws, 2, [_t(f"collect.col_{key}") for key in SUMMARY_COLUMNS],
            [WIDTHS.get(key, 13) for key in SUMMARY_COLUMNS])
    for n, r in enumerate(rows, start=1):
        values: dict[str, Any] = {"no": n, "file": _safe_text(r.name), "source": _t(f"collect.source_{r.source}"),
                                  "unit_name": _safe_text(r.unit_name) or None,
                                  "year": r.year, "status": _status(r), "score": _cell(r.score),
                                  "grade": r.grade or None, "errors": r.errors, "warnings": r.warnings,
                                  "reason": _safe_text(r.reason) or None, "report_audit": _audit_text(audits, r)}
        values.update({key: _cell(r.figure(key), key in PERCENT_KEYS) for key in FIGURES})
        for c, key in enumerate(SUMMARY_COLUMNS, start=1):
            cell = ws.cell(n + 2, c, values[key])
            cell.number_format = "0.00%" if key in PERCENT_KEYS else "#,##0.00" if key in AMOUNT_KEYS else "General"
    last = len(rows) + 2
    for offset, (year, count, sums) in enumerate(year_totals(results), start=1):  # one total per year
        missing = without_amounts(results, year)
        if missing:
            label = (_t("collect.year_total_partial", year=year, count=count, missing=missing) if year is not None
                     else _t("collect.total_partial", count=count, missing=missing) + _t("collect.no_year"))
        else:
            label = (_t("collect.year_total_row", year=year, count=count) if year is not None
                     else _t("collect.total_row", count=count) + _t("collect.no_year"))
        ws.cell(last + offset, 2, label).font = Font(bold=True)
        ws.cell(last + offset, SUMMARY_COLUMNS.index("year") + 1, year)
        for c, key in enumerate(SUMMARY_COLUMNS, start=1):
            if key in AMOUNT_KEYS:
                cell = ws.cell(last + offset, c, float(sums[key]))
                cell.number_format, cell.font = "#,##0.00", Font(bold=True)
    ws.auto_filter.ref = f"A2:{col_letter(len(SUMMARY_COLUMNS))}{last}"


def _audit_text(audits: dict[tuple[str, int | None], FileResult], r: FileResult) -> str | None:
    audit = audits.get((r.unit_name, r.year))
    if audit is None:
        return None
    return _safe_text(_t("collect.report_audit", errors=audit.errors, warnings=audit.warnings, file=audit.name))


def _ranking_sheet(ws: Any, results: Sequence[FileResult]) -> None:
    keys = ("year", "rank", "unit_name", "file", "score", "grade", "execution_rate")
    _header(ws, 1, [_t(f"collect.col_{k}") for k in keys], [7, 8, 24, 28, 10, 6, 13])
    for row, (rank, r) in enumerate(ranking(results), start=2):
        ws.cell(row, 1, r.year)
        ws.cell(row, 2, rank if rank is not None else "—")
        ws.cell(row, 3, _safe_text(r.unit_name))
        ws.cell(row, 4, _safe_text(r.name))
        ws.cell(row, 5, _cell(r.score)).number_format = "0.00"
        ws.cell(row, 6, r.grade or None)
        ws.cell(row, 7, _cell(r.figure("execution_rate"), percent=True)).number_format = "0.00%"


def _issues_sheet(ws: Any, results: Sequence[FileResult]) -> None:
    from openpyxl.styles import Alignment

    keys, widths = ("no", "file", "where", "severity", "confidence", "code", "message"), [6, 28, 30, 8, 8, 24, 90]
    _header(ws, 1, [_t(f"collect.col_{k}") for k in keys], widths)
    rows, wrap = issue_rows(results), Alignment(wrap_text=True, vertical="top")  # long texts wrap in place
    for n, item in enumerate(rows, start=1):
        severity = texts.UI.get(f"severity.{item['severity']}", item["severity"])
        sure = _t(f"collect.confidence_{item['confidence']}") if item["confidence"] else None  # a report finding's 把握
        values = (n, item["file"], item["where"], severity, sure, item["code"], item["message"])
        for c, value in enumerate(values, start=1):
            ws.cell(n + 1, c, _safe_text(value) if isinstance(value, str) else value).alignment = wrap
        lines = max(-(-display_width(str(v)) // int(w - 2)) for v, w in zip(values, widths, strict=True))
        ws.row_dimensions[n + 1].height = 15 * lines if lines > 1 else None  # as tall as its longest text
    if not rows:
        ws.cell(2, 2, _t("collect.no_issues"))


def _reports_sheet(ws: Any, results: Sequence[FileResult]) -> None:
    keys = ("no", "file", "status", "paragraphs", "errors", "warnings", "reason")
    _header(ws, 1, [_t(f"collect.col_{k}") for k in keys], [6, 28, 10, 8, 8, 8, 60])
    for n, r in enumerate(reports(results), start=1):
        for c, value in enumerate((n, _safe_text(r.name), _status(r), r.paragraphs, r.errors, r.warnings,
                                   _safe_text(r.reason) or None), start=1):
            ws.cell(n + 1, c, value)


def _charts_sheet(ws: Any, summary: Any, results: Sequence[FileResult]) -> None:
    from openpyxl.chart import BarChart, PieChart, Reference
    from openpyxl.chart.label import DataLabelList

    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 14
    # composition of the whole batch (a small table the pie refers to)
    ws.cell(1, 1, _t("collect.chart_composition_table"))
    present = years(results)
    shown_year = next((y for y in reversed(present) if y is not None), None)  # the latest year, never a sum across years
    sums = totals(results, shown_year)
    for row, key in enumerate(("personnel", "public", "project"), start=2):
        ws.cell(row, 1, _t(f"collect.col_{key}"))
        ws.cell(row, 2, float(sums[key])).number_format = "#,##0.00"
    pie = PieChart()
    pie.title = (_t("collect.chart_composition_year", year=shown_year) if shown_year is not None
                 else _t("collect.chart_composition"))
    pie.add_data(Reference(ws, min_col=2, min_row=2, max_row=4))
    pie.set_categories(Reference(ws, min_col=1, min_row=2, max_row=4))
    pie.dataLabels = DataLabelList(showPercent=True, showVal=False, showCatName=False, showSerName=False,
                                   showLegendKey=False)
    pie.height, pie.width = 9, 14
    ws.add_chart(pie, "D1")

    # score distribution
    ws.cell(7, 1, _t("collect.col_band"))
    ws.cell(7, 2, _t("collect.col_count"))
    bands = score_bands(results)
    for row, (band, count) in enumerate(bands, start=8):
        ws.cell(row, 1, band)
        ws.cell(row, 2, count)
    scores = BarChart()
    scores.type = "col"
    scores.title = _t("collect.chart_scores")
    scores.y_axis.title = _t("collect.col_count")
    scores.add_data(Reference(ws, min_col=2, min_row=7, max_row=7 + len(bands)), titles_from_data=True)
    scores.set_categories(Reference(ws, min_col=1, min_row=8, max_row=7 + len(bands)))
    scores.legend = None
    scores.height, scores.width = 9, 14
    ws.add_chart(scores, "D20")

    # each department's composition, straight from the summary sheet
    n = len(departments(results))
    if n:
        first = SUMMARY_COLUMNS.index("personnel") + 1
        stacked = BarChart()
        stacked.type, stacked.grouping, stacked.overlap = "col", "stacked", 100
        stacked.title = _t("collect.chart_departments")
        stacked.y_axis.title = _t("collect.unit_wan")
        stacked.add_data(Reference(summary, min_col=first, max_col=first + 2, min_row=2, max_row=n + 2),
                         titles_from_data=True)
        stacked.set_categories(Reference(summary, min_col=SUMMARY_COLUMNS.index("unit_name") + 1, min_row=3,
                                         max_row=n + 2))
        stacked.height, stacked.width = 12, max(18, min(60, n))
        ws.add_chart(stacked, "D39")
