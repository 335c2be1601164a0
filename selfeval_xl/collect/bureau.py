"""The finance bureau's view of a batch, beyond the summary: per-year score distributions, low
execution rates with what the department wrote about them, each unit's handed-in report audit, and
year-over-year for units present in more than one year — as data and as sheets with native charts.

Pure functions of the resolved ``FileResult`` list (``summary.resolve``); only usable files (no
errors, not a duplicate) are counted, as in the summary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from typing import Any

from selfeval_xl.collect.summary import _evaluated, _safe_text, _t, reports, score_bands, years
from selfeval_xl.collect.worker import FileResult
from selfeval_xl.core.numbers import percent, round_half_up

LOW_RATE = Decimal(90)  # percent: below it a rate needs its explanation


def bands_by_year(results: Sequence[FileResult]) -> list[tuple[int | None, list[tuple[str, int]]]]:
    return [(year, score_bands([r for r in results if r.year == year])) for year in years(results)]


def low_rates(results: Sequence[FileResult], threshold: Decimal = LOW_RATE) -> list[FileResult]:
    """Counted departments whose execution rate (the score's) is below ``threshold``, by year then rate."""
    low = [r for r in _evaluated(results)
           if (rate := r.figure("execution_rate")) is not None and rate < threshold]
    return sorted(low, key=lambda r: (r.year or 0, r.figure("execution_rate") or 0, r.unit_name))


def report_audits(results: Sequence[FileResult]) -> dict[tuple[str, int | None], FileResult]:
    """The audited report of each unit and year (a report exported by selfeval names both)."""
    return {(r.unit_name, r.year): r for r in reports(results) if r.unit_name}


@dataclass(frozen=True, slots=True)
class YearOverYear:
    unit_name: str
    year: int
    previous_year: int
    total: Decimal
    previous_total: Decimal
    change: Decimal
    change_percent: Decimal | None  # 2 dp, ROUND_HALF_UP
    score: Decimal | None
    previous_score: Decimal | None


def year_over_year(results: Sequence[FileResult]) -> list[YearOverYear]:
    """Each unit against its previous year present in the batch."""
    by_unit: dict[str, dict[int, FileResult]] = {}
    for r in _evaluated(results):
        if r.year is not None and r.unit_name:
            by_unit.setdefault(r.unit_name, {})[r.year] = r
    rows = []
    for unit in sorted(by_unit):
        present = sorted(by_unit[unit])
        for previous_year, year in pairwise(present):
            now, before = by_unit[unit][year], by_unit[unit][previous_year]
            total, previous = now.figure("total"), before.figure("total")
            if total is None or previous is None:
                continue
            change = total - previous
            share = percent(change, previous)
            rows.append(YearOverYear(unit, year, previous_year, total, previous, change,
                                     round_half_up(share) if share is not None else None, now.score, before.score))
    return rows


def _s(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"


def to_document(results: Sequence[FileResult]) -> dict[str, Any]:
    """The bureau view's part of the ``--json`` document."""
    audits = report_audits(results)
    return {
        "score_bands_by_year": [{"year": year, "bands": [{"band": b, "count": c} for b, c in bands]}
                                for year, bands in bands_by_year(results)],
        "low_execution": [{"year": r.year, "unit_name": r.unit_name, "file": r.name,
                           "execution_rate": _s(r.figure("execution_rate")), "explanation": r.execution_note}
                          for r in low_rates(results)],
        "report_audits": [{"year": year, "unit_name": unit, "file": r.name, "errors": r.errors,
                           "warnings": r.warnings} for (unit, year), r in sorted(audits.items(), key=str)],
        "year_over_year": [{"unit_name": y.unit_name, "year": y.year, "previous_year": y.previous_year,
                            "total": _s(y.total), "previous_total": _s(y.previous_total), "change": _s(y.change),
                            "change_percent": _s(y.change_percent), "score": _s(y.score),
                            "previous_score": _s(y.previous_score)} for y in year_over_year(results)],
    }


# ---- sheets ------------------------------------------------------------------------------------------


def add_sheets(book: Any, results: Sequence[FileResult]) -> None:
    from selfeval_xl.collect.summary import _header

    _distribution_sheet(book.create_sheet(_t("collect.sheet_distribution")), results, _header)
    _low_rates_sheet(book.create_sheet(_t("collect.sheet_low_rates")), results, _header)
    _yoy_sheet(book.create_sheet(_t("collect.sheet_yoy")), results, _header)


def _distribution_sheet(ws: Any, results: Sequence[FileResult], header: Any) -> None:
    from openpyxl.chart import BarChart, Reference

    per_year = bands_by_year(results)
    labels = [band for band, _ in score_bands([])]
    header(ws, 1, [_t("collect.col_band"), *[_year_label(y) for y, _ in per_year]], [14] + [12] * len(per_year))
    for row, label in enumerate(labels, start=2):
        ws.cell(row, 1, label)
        for col, (_, bands) in enumerate(per_year, start=2):
            ws.cell(row, col, dict(bands)[label])
    if per_year:
        chart = BarChart()
        chart.type, chart.grouping = "col", "clustered"
        chart.title = _t("collect.chart_distribution")
        chart.y_axis.title = _t("collect.col_count")
        chart.add_data(Reference(ws, min_col=2, max_col=1 + len(per_year), min_row=1, max_row=1 + len(labels)),
                       titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=1 + len(labels)))
        chart.height, chart.width = 9, 16
        ws.add_chart(chart, f"{chr(ord('B') + len(per_year) + 1)}2")


def _year_label(year: int | None) -> str:
    return _t("collect.year_label", year=year) if year is not None else _t("collect.no_year")


def _low_rates_sheet(ws: Any, results: Sequence[FileResult], header: Any) -> None:
    keys = ("year", "unit_name", "file", "execution_rate", "explanation")
    header(ws, 1, [_t(f"collect.col_{k}") for k in keys], [7, 24, 28, 12, 80])
    rows = low_rates(results)
    for row, r in enumerate(rows, start=2):
        ws.cell(row, 1, r.year)
        ws.cell(row, 2, _safe_text(r.unit_name))
        ws.cell(row, 3, _safe_text(r.name))
        rate = r.figure("execution_rate")
        ws.cell(row, 4, float(rate / 100) if rate is not None else None).number_format = "0.00%"
        ws.cell(row, 5, _safe_text(r.execution_note) or _t("collect.no_explanation"))
    if not rows:
        ws.cell(2, 2, _t("collect.no_low_rates"))


def _yoy_sheet(ws: Any, results: Sequence[FileResult], header: Any) -> None:
    from openpyxl.chart import BarChart, Reference

    keys = ("unit_name", "previous_year", "year", "previous_total", "year_total", "change", "change_percent",
            "previous_score", "score")
    header(ws, 1, [_t(f"collect.col_{k}") for k in keys], [24, 8, 8, 14, 14, 12, 12, 10, 10])
    rows = year_over_year(results)
    for row, y in enumerate(rows, start=2):
        values = (_safe_text(y.unit_name), y.previous_year, y.year, float(y.previous_total), float(y.total),
                  float(y.change), float(y.change_percent / 100) if y.change_percent is not None else None,
                  float(y.previous_score) if y.previous_score is not None else None,
                  float(y.score) if y.score is not None else None)
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row, col, value)
            cell.number_format = "0.00%" if keys[col - 1] == "change_percent" else (
                "#,##0.00" if col >= 4 else "General")
    if not rows:
        ws.cell(2, 1, _t("collect.no_yoy"))
        return
    chart = BarChart()
    chart.type, chart.grouping = "col", "clustered"
    chart.title = _t("collect.chart_yoy")
    chart.y_axis.title = _t("collect.unit_wan")
    chart.add_data(Reference(ws, min_col=4, max_col=5, min_row=1, max_row=1 + len(rows)), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=1 + len(rows)))
    chart.height, chart.width = 10, max(16, min(40, 2 * len(rows)))
    ws.add_chart(chart, "K2")
