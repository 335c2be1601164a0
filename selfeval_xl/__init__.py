"""selfeval_xl: 部门整体支出绩效自评 — validate the workbook, compute exact figures, write the report.

Public API for IT staff and analysts who script it (everything else is private and may change;
``docs/architecture.md`` draws the house). Paths may be ``str`` or ``pathlib.Path``.

Files in, results out:

    evaluate_file(path, previous=None) -> Evaluation    read, validate and compute one workbook
    check_file(path, previous=None) -> tuple[Issue, ...] every issue of a workbook, sorted by cell
    write_report(path, output=None, previous=None, force=False) -> Path
                                                         a copy with 校验结果/自评报告/自评表/计算明细
    export_files(path, out_dir, formats=("xlsx", "docx", "pdf"), force=False) -> list[Path]
                                                         the files handed to the finance bureau
    audit_report(path) -> AuditReport                    check the arithmetic of a report .docx/.txt/.pdf
    collect_files(paths, output=None, jobs=None) -> list[FileResult]
                                                         a batch of workbooks and reports, as rows
    collect_frame(paths, jobs=None) -> pandas.DataFrame  one row per file (unit-year), typed
    issues_frame(paths, jobs=None) -> pandas.DataFrame   every issue of every file

The pure engine underneath:

    read_workbook(path) -> RawBook          the .xlsx reader (checks the file first)
    evaluate(raw) -> Evaluation             parse → rules → compute, pure
    Evaluation                              model, issues, figures, scoring; ``.narrative()``
    Report                                  the report as structured sections
    render_text(report) -> str              the report as plain text
    RawBook                                 raw blocks of cell values read from a workbook
    Issue, Severity, CellRef                values found by validation
    SelfevalError, WorkbookError, OutputError
                                            exceptions (see selfeval_xl.core.errors for the tree)
"""

from __future__ import annotations

from collections.abc import Iterable as _Iterable
from collections.abc import Sequence as _Sequence
from pathlib import Path as _Path
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from selfeval_xl.core.cells import CellRef
from selfeval_xl.core.errors import OutputError, SelfevalError, WorkbookError
from selfeval_xl.core.model import Issue, RawBook, Severity
from selfeval_xl.core.version import VERSION as __version__
from selfeval_xl.pipeline import Evaluation, evaluate
from selfeval_xl.report.narrative import Report, render_text
from selfeval_xl.workbook.reader import read_workbook

if _TYPE_CHECKING:
    from selfeval_xl.audit.model import AuditReport
    from selfeval_xl.collect.worker import FileResult

__all__ = [
    "CellRef",
    "Evaluation",
    "Issue",
    "OutputError",
    "RawBook",
    "Report",
    "SelfevalError",
    "Severity",
    "WorkbookError",
    "__version__",
    "audit_report",
    "check_file",
    "collect_files",
    "collect_frame",
    "evaluate",
    "evaluate_file",
    "export_files",
    "issues_frame",
    "read_workbook",
    "render_text",
    "write_report",
]


def evaluate_file(path: str | _Path, previous: str | _Path | None = None) -> Evaluation:
    """Read, validate and compute one workbook; ``previous`` is last year's workbook (同比).

    Raises ``WorkbookError`` when a file cannot be used; data errors are ``Issue`` values.
    """
    from selfeval_xl.pipeline import with_previous

    evaluation = evaluate(read_workbook(_Path(path)))
    if previous is not None:
        from selfeval_xl.workbook.migrate import migrated_raw

        last = _Path(previous)
        evaluation = with_previous(evaluation, evaluate(migrated_raw(read_workbook(last))), last.name)
    return evaluation


def check_file(path: str | _Path, previous: str | _Path | None = None) -> tuple[Issue, ...]:
    """Every issue of a workbook (errors and warnings), sorted by sheet, row and column."""
    return evaluate_file(path, previous).issues


def write_report(path: str | _Path, output: str | _Path | None = None, previous: str | _Path | None = None,
                 force: bool = False) -> _Path:
    """Write a copy of the workbook with the output sheets; returns the copy's path.

    The default output is ``<stem>_报告.xlsx`` beside the workbook, never the workbook itself. A
    workbook with errors raises ``OutputError`` (code ``has_errors``) unless ``force`` is set, in
    which case the report carries a banner; ``check_file`` lists the errors with their cells.
    """
    from selfeval_xl.core import texts
    from selfeval_xl.pipeline import output_sheets
    from selfeval_xl.render.stamp import generated_line
    from selfeval_xl.render.xlsx import write_copy

    book = _Path(path)
    evaluation = evaluate_file(book, previous)
    if evaluation.errors and not force:
        raise OutputError("has_errors", path=book, errors=len(evaluation.errors))
    out = _Path(output) if output is not None else book.with_name(f"{book.stem}_报告.xlsx")
    if out.exists() and out.resolve() == book.resolve():
        raise OutputError("output_is_input", path=out)
    write_copy(book, out, output_sheets(evaluation, generated_line(), force=force), evaluation.issues,
               active=texts.UI["sheet_report"])
    return out


def export_files(path: str | _Path, out_dir: str | _Path, formats: _Sequence[str] = ("xlsx", "docx", "pdf"),
                 force: bool = False) -> list[_Path]:
    """The files for the finance bureau (values-only .xlsx, 公文 .docx, .pdf) in ``out_dir``."""
    from selfeval_xl.render.export import check_formats, export_evaluation
    from selfeval_xl.render.stamp import generated_line

    evaluation = evaluate_file(path)
    return export_evaluation(evaluation, _Path(out_dir), check_formats(formats), force=force,
                             generated=generated_line())


def audit_report(path: str | _Path) -> AuditReport:
    """Check the arithmetic and consistency of a report (.docx, .txt, .pdf) or of a 自评表 kept in a workbook (.xlsx:
    its findings placed at their cells): findings with places."""
    from selfeval_xl.workbook.sheet_text import audit_any

    return audit_any(path)


def collect_files(paths: _Iterable[str | _Path], output: str | _Path | None = None,
                  jobs: int | None = None) -> list[FileResult]:
    """Examine many workbooks and reports (files or folders) in parallel; one result per file.

    With ``output``, the summary workbook (汇总, 排名, 问题清单, 报告审核, charts) is written there.
    """
    import os

    from selfeval_xl.collect.batch import discover, run_batch

    inputs = [_Path(p) for p in paths]
    items = discover(inputs, exclude=[_Path(output)] if output is not None else [])
    results: list[_Any] = run_batch(items, jobs or os.cpu_count() or 1)
    if output is not None:
        from selfeval_xl.collect.summary import build_workbook
        from selfeval_xl.workbook.package import normalize_package, workbook_bytes, write_atomic

        write_atomic(_Path(output), normalize_package(workbook_bytes(build_workbook(results))))
    return results


def collect_frame(paths: _Iterable[str | _Path], jobs: int | None = None) -> _Any:
    """The batch over ``paths`` (files or folders) as a pandas DataFrame: one row per file, duplicates of a
    unit-year and files with errors marked; amounts and percents as exact Decimals (needs ``selfeval_xl[bureau]``).
    See ``selfeval_xl.collect.frame`` for the columns."""
    from selfeval_xl.collect.frame import departments_frame

    return departments_frame(collect_files(paths, jobs=jobs))


def issues_frame(paths: _Iterable[str | _Path], jobs: int | None = None) -> _Any:
    """Every issue of every file of the batch over ``paths`` as a pandas DataFrame (file, where, severity,
    code, message, confidence — a report finding's high/medium/low, empty for a workbook check)."""
    from selfeval_xl.collect.frame import issues_frame_of

    return issues_frame_of(collect_files(paths, jobs=jobs))
