"""The export for the finance bureau: what to write, under which names, all or nothing up front.

Everything that can be checked is checked before the first file is written: the formats, the
sheet choice, errors in the workbook, existing files, LibreOffice for the PDF. Then every file is
produced in memory (the PDF in a private temporary directory) and only then published as one set:
written into a staging folder beside the targets and moved in together (``files.publish_set``), so
that a full disk or a failure mid-set leaves no partial set to block a rerun.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path

from selfeval_xl.core import texts
from selfeval_xl.core.errors import OutputError, os_reason
from selfeval_xl.figures.projects import ProjectFigures
from selfeval_xl.pipeline import Evaluation, output_sheets, project_sheets
from selfeval_xl.render.errors import ExportFailure, SheetChoiceFailure, WorkbookHasErrors
from selfeval_xl.render.files import file_stem, publish_set
from selfeval_xl.render.pdf import docx_to_pdf, find_soffice
from selfeval_xl.report.project_report import project_label
from selfeval_xl.report.sheets import SheetContent

FORMATS = ("xlsx", "docx", "pdf")
REPORT_SHEET = texts.UI["sheet_report"]
SCORING_SHEET = texts.UI["sheet_scoring"]
DEFAULT_SHEETS = (REPORT_SHEET, SCORING_SHEET)  # each when present


def check_formats(formats: Sequence[str]) -> tuple[str, ...]:
    """``formats`` in order without repeats; ``ValueError`` for anything but xlsx, docx, pdf."""
    chosen = tuple(dict.fromkeys(f.strip().lower() for f in formats if f.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise ValueError(f"formats must be among {FORMATS}, got {list(formats)!r}")
    return chosen


def choose_sheets(available: Sequence[SheetContent], sheets: Sequence[str] | None) -> list[SheetContent]:
    """The sheets for the xlsx: ``sheets`` by title in that order, or 自评报告 and 自评表 when present."""
    by_title = {c.title: c for c in available}
    choices = texts.EXPORT["list_sep"].join(by_title)
    if sheets is None:
        return [by_title[t] for t in DEFAULT_SHEETS if t in by_title]
    wanted = list(dict.fromkeys(s.strip() for s in sheets if s.strip()))
    unknown = [s for s in wanted if s not in by_title]
    if unknown:
        raise SheetChoiceFailure("unknown_sheets", names=texts.EXPORT["list_sep"].join(unknown), choices=choices)
    if not wanted:
        raise SheetChoiceFailure("no_sheets", choices=choices)
    return [by_title[t] for t in wanted]


def _paths(evaluation: Evaluation, out_dir: Path, formats: Sequence[str], xlsx_sheets: Sequence[SheetContent],
           ) -> dict[str, Path]:
    info = evaluation.model.info
    report = file_stem("report", info.unit_name, info.year)
    workbook = file_stem("scoring", info.unit_name, info.year) if any(
        c.title == SCORING_SHEET for c in xlsx_sheets) else report
    return {f: out_dir / f"{workbook if f == 'xlsx' else report}.{f}" for f in formats}


def _project_paths(evaluation: Evaluation, out_dir: Path, formats: Sequence[str],
                   ) -> list[tuple[ProjectFigures, dict[str, Path]]]:
    """Each project with indicators: ``{单位}{年度}年{项目名称}项目支出绩效自评表.xlsx`` and ``…自评报告.docx/.pdf``."""
    info = evaluation.model.info
    out = []
    for figures in evaluation.scored_projects:
        report = file_stem("project_report", info.unit_name, info.year, project_label(figures.name))
        scoring = file_stem("project_scoring", info.unit_name, info.year, project_label(figures.name))
        out.append((figures, {f: out_dir / f"{scoring if f == 'xlsx' else report}.{f}" for f in formats}))
    return out


def export_paths(evaluation: Evaluation, out_dir: Path, formats: Sequence[str], *,
                 sheets: Sequence[str] | None = None) -> dict[str, Path]:
    """Where ``export_evaluation`` would write each format (to ask before overwriting, or to open after).

    ``{单位名称}{年度}年部门整体支出绩效自评报告.docx/.pdf``; the workbook is
    ``…绩效自评表.xlsx`` when it holds the 自评表, else ``…绩效自评报告.xlsx``. (Each project's files:
    ``project_export_paths``.)
    """
    chosen = choose_sheets(output_sheets(evaluation, "", force=True), sheets)
    return _paths(evaluation, Path(out_dir), check_formats(formats), chosen)


def project_export_paths(evaluation: Evaluation, out_dir: Path, formats: Sequence[str]) -> list[Path]:
    """Where ``export_evaluation`` writes the 项目支出绩效自评 files, project after project."""
    return [p for _, paths in _project_paths(evaluation, Path(out_dir), check_formats(formats)) for p in paths.values()]


def export_evaluation(evaluation: Evaluation, out_dir: Path, formats: Sequence[str], *, force: bool = False,
                      generated: str, sheets: Sequence[str] | None = None) -> list[Path]:
    """Write the finance-bureau files of ``evaluation`` into ``out_dir``; return their paths.

    ``formats`` among "xlsx" (the chosen output sheets, values only), "docx" (the report as a
    公文, with the 自评表 as an attached table when present) and "pdf" (the .docx converted by
    LibreOffice). ``generated`` is the "生成时间…" line (the caller reads the clock). ``force``
    replaces existing files and exports despite errors in the workbook (the report then carries the
    banner). Raises ``WorkbookHasErrors``, ``SheetChoiceFailure``, ``OutputError`` (a file exists
    or cannot be written) or ``ExportFailure`` (no LibreOffice, conversion failed, no python-docx);
    nothing is written unless every check passed.
    """
    chosen_formats = check_formats(formats)
    if evaluation.errors and not force:
        raise WorkbookHasErrors(len(evaluation.errors))
    available = output_sheets(evaluation, generated, force=force)
    xlsx_sheets = choose_sheets(available, sheets)
    paths = _paths(evaluation, Path(out_dir), chosen_formats, xlsx_sheets)
    projects = _project_paths(evaluation, Path(out_dir), chosen_formats)
    if not force:
        for path in [*paths.values(), *(p for _, more in projects for p in more.values())]:
            if path.exists():
                raise OutputError("output_exists", path=path)
    if ("docx" in paths or "pdf" in paths) and importlib.util.find_spec("docx") is None:
        raise ExportFailure("needs_docx")  # python-docx is the optional extra "docx"
    soffice = find_soffice() if "pdf" in paths else None
    if "pdf" in paths and soffice is None:
        raise ExportFailure("no_soffice")

    info = evaluation.model.info
    report = evaluation.narrative(force=force)
    data: dict[str, bytes] = {}
    if "xlsx" in paths:
        from selfeval_xl.render.embedded import embed, payload
        from selfeval_xl.render.values_xlsx import values_workbook_bytes

        data["xlsx"] = embed(values_workbook_bytes(xlsx_sheets, title=report.title, author=info.unit_name),
                             payload(evaluation, generated, xlsx_sheets))
    if "docx" in paths or "pdf" in paths:
        from selfeval_xl.render.docx import report_docx

        tables = [c for c in available if c.title == SCORING_SHEET]
        document = report_docx(report, tables, author=info.unit_name)
        if "docx" in paths:  # the figures travel with the report too (no visible cells to compare: a report is prose)
            from selfeval_xl.render.embedded import embed, payload

            data["docx"] = embed(document, {**payload(evaluation, generated, []), "cells": [], "digest": ""},
                                 main_part="word/document.xml")
        if "pdf" in paths:
            data["pdf"] = docx_to_pdf(document, paths["pdf"], soffice=soffice)

    files = {path: data[fmt] for fmt, path in paths.items()}
    for figures, more in projects:
        files.update(_project_files(evaluation, figures, more, soffice))
    try:
        publish_set(files, Path(out_dir), force=force)  # all files or none
    except OSError as exc:  # the folder itself cannot be made or listed
        raise OutputError(path=out_dir, reason=os_reason(exc)) from None
    return list(files)


def _project_files(evaluation: Evaluation, figures: ProjectFigures, paths: dict[str, Path],
                   soffice: str | None) -> dict[Path, bytes]:
    """One project's files: its 自评报告 and 自评表 as values (xlsx), its report with the table (docx, pdf).
    They carry no figures part: a finance bureau's ``collect`` sums departments, not projects."""
    from dataclasses import replace

    info = evaluation.model.info
    report = evaluation.project_narrative(figures)
    report_sheet, table = project_sheets(evaluation, [figures], with_reports=True)
    data: dict[Path, bytes] = {}
    if "xlsx" in paths:
        from selfeval_xl.render.values_xlsx import values_workbook_bytes

        sheets = [replace(report_sheet, title=REPORT_SHEET), replace(table, title=SCORING_SHEET)]
        data[paths["xlsx"]] = values_workbook_bytes(sheets, title=report.title, author=info.unit_name)
    if "docx" in paths or "pdf" in paths:
        from selfeval_xl.render.docx import report_docx

        document = report_docx(report, [replace(table, title=SCORING_SHEET)], author=info.unit_name)
        if "docx" in paths:
            data[paths["docx"]] = document
        if "pdf" in paths:
            data[paths["pdf"]] = docx_to_pdf(document, paths["pdf"], soffice=soffice)
    return data
