"""Renderers and exports (edges): what a person reads, drawn from the pure report and sheet content.

    write_copy (``xlsx``)        output sheets into an openpyxl copy of the user's workbook
    values_workbook_bytes        the chosen output sheets in a fresh values-only workbook (``values_xlsx``)
    report_docx (``docx``)       the report as a 公文-style Word document (GB/T 9704)
    docx_to_pdf (``pdf``)        .docx → .pdf through LibreOffice headless
    export_evaluation(evaluation, out_dir, formats, *, force=False, generated, sheets=None) -> [paths]
    export_paths(evaluation, out_dir, formats, *, sheets=None) -> {format: path}

Modules: ``export`` (what, where, checks first), ``files`` (safe names, no-clobber atomic
writes), ``values_xlsx``, ``xlsx``, ``docx`` (with ``docx_table`` for attached sheets,
``docx_closing`` for the 附件说明 and 落款, ``docx_layout`` for measured widths and line breaks,
pure), ``pdf``. Exceptions are drawn in ``errors``.

May import: ``core``, ``workbook``, ``figures``, ``report``, ``pipeline``. Not the CLI, Excel,
importers or collect.
Tests: ``tests/render/``.
"""

from __future__ import annotations

from selfeval_xl.render.errors import ExportFailure, SheetChoiceFailure, WorkbookHasErrors
from selfeval_xl.render.export import DEFAULT_SHEETS, FORMATS, export_evaluation, export_paths
from selfeval_xl.render.files import file_stem, safe_stem
from selfeval_xl.render.pdf import docx_to_pdf, find_soffice

__all__ = [
    "DEFAULT_SHEETS",
    "FORMATS",
    "ExportFailure",
    "SheetChoiceFailure",
    "WorkbookHasErrors",
    "docx_to_pdf",
    "export_evaluation",
    "export_paths",
    "file_stem",
    "find_soffice",
    "safe_stem",
]
