"""selfeval_xl: 部门整体支出绩效自评 — validate the workbook, compute exact figures, write the report.

Public API (everything else is private and may change):

    read_workbook(path) -> RawBook          the .xlsx adapter (checks the file first)
    evaluate(raw) -> Evaluation             parse → rules → compute, pure
    Evaluation.narrative(force=False)       the report as structured sections
    render_text(report) -> str              the report as plain text
    Issue, Severity, CellRef                values found by validation
    SelfevalError, WorkbookError            exceptions (see selfeval_xl.core.errors for the tree)
"""

from __future__ import annotations

__version__ = "0.1.0"

from selfeval_xl.core.cells import CellRef
from selfeval_xl.core.errors import SelfevalError, WorkbookError
from selfeval_xl.core.model import Issue, RawBook, Severity
from selfeval_xl.pipeline import Evaluation, evaluate
from selfeval_xl.report.narrative import Report, render_text
from selfeval_xl.workbook.reader import read_workbook

__all__ = [
    "CellRef",
    "Evaluation",
    "Issue",
    "RawBook",
    "Report",
    "SelfevalError",
    "Severity",
    "WorkbookError",
    "__version__",
    "evaluate",
    "read_workbook",
    "render_text",
]
