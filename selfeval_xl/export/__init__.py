"""Exports for the finance bureau (报送): the report as .docx and .pdf, the output sheets as a values-only .xlsx.

    export_evaluation(evaluation, out_dir, formats, *, force=False, generated, sheets=None) -> [paths]
    export_paths(evaluation, out_dir, formats, *, sheets=None) -> {format: path}
    export_command                                  the click command ``selfeval export``

Modules: ``exporter`` (what, where, checks first), ``files`` (safe names, no-clobber atomic
writes), ``workbook`` (values-only .xlsx), ``pdf`` (LibreOffice headless); the Word document is
``selfeval_xl.docx_writer``. Exceptions are drawn in ``errors``.
"""

from __future__ import annotations

from selfeval_xl.export.command import export_command
from selfeval_xl.export.errors import ExportFailure, SheetChoiceFailure, WorkbookHasErrors
from selfeval_xl.export.exporter import DEFAULT_SHEETS, FORMATS, export_evaluation, export_paths
from selfeval_xl.export.files import file_stem, safe_stem
from selfeval_xl.export.pdf import docx_to_pdf, find_soffice

__all__ = [
    "DEFAULT_SHEETS",
    "FORMATS",
    "ExportFailure",
    "SheetChoiceFailure",
    "WorkbookHasErrors",
    "docx_to_pdf",
    "export_command",
    "export_evaluation",
    "export_paths",
    "file_stem",
    "find_soffice",
    "safe_stem",
]
