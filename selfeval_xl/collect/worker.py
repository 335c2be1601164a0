"""One file of a batch → one ``FileResult``: runs in a worker process of ``selfeval collect``.

A workbook is read and evaluated by the engine; a report (.docx/.txt/.pdf) is audited. Whatever
goes wrong — unreadable, hostile, or a bug the file provokes — becomes the result's ``reason``,
never an exception out of ``examine``: one bad file must not stop the batch. Results are plain
frozen dataclasses of str/int/Decimal, cheap to pickle back to the parent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from selfeval_xl.core import texts

REPORT_SUFFIXES = frozenset({".docx", ".txt", ".pdf"})
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls"})  # .xls: reported as "old format", not skipped

# status of a file
OK, ERRORS, UNREADABLE, FAILED = "ok", "errors", "unreadable", "failed"
MEMORY_LIMIT = 3 * 1024 ** 3  # address space of a worker: a hostile file cannot take the machine's memory


@dataclass(frozen=True, slots=True)
class IssueRow:
    severity: str  # error | warning
    code: str
    where: str  # 'sheet'!A1, a report's section and paragraph, or ""
    message: str


@dataclass(frozen=True, slots=True)
class FileResult:
    name: str  # as shown: path relative to the input folder, or as given
    kind: str  # workbook | report
    status: str  # ok | errors | unreadable | failed
    reason: str = ""  # why unreadable / failed (Chinese)
    unit_name: str = ""
    year: int | None = None
    figures: tuple[tuple[str, Decimal | None], ...] = ()  # key → 万元 / percent, as presented
    score: Decimal | None = None
    grade: str = ""
    errors: int = 0
    warnings: int = 0
    paragraphs: int = 0  # reports
    issues: tuple[IssueRow, ...] = field(default=())

    def figure(self, key: str) -> Decimal | None:
        return dict(self.figures).get(key)


FIGURES = ("total", "basic", "personnel", "public", "project", "personnel_share", "public_share",
           "basic_share", "project_share", "execution_rate")


def limit_memory() -> None:
    """Pool initializer: cap the worker's address space (POSIX only)."""
    try:
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = MEMORY_LIMIT if hard == resource.RLIM_INFINITY else min(MEMORY_LIMIT, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):
        pass


def kind_of(path: str) -> str:
    return "report" if Path(path).suffix.lower() in REPORT_SUFFIXES else "workbook"


def examine(path: str, name: str) -> FileResult:
    """Evaluate a workbook or audit a report; never raises for anything the file does."""
    kind = kind_of(path)
    try:
        return _audit(Path(path), name) if kind == "report" else _evaluate(Path(path), name)
    except MemoryError:
        return unusable(name, kind, FAILED, "memory", texts.BATCH["collect.reason_memory"])
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"[:200]
        return unusable(name, kind, FAILED, "internal",
                        texts.render(texts.BATCH, "collect.reason_internal", error=error))


def unusable(name: str, kind: str, status: str, code: str, reason: str) -> FileResult:
    """The result of a file that could not be evaluated: its reason is also its one issue."""
    return FileResult(name, kind, status, reason, issues=(IssueRow("error", code, "", reason),))


def _evaluate(path: Path, name: str) -> FileResult:
    from selfeval_xl.core.errors import WorkbookError
    from selfeval_xl.pipeline import evaluate
    from selfeval_xl.report.sheets import issue_message
    from selfeval_xl.workbook.reader import read_workbook

    try:
        evaluation = evaluate(read_workbook(path))
    except WorkbookError as exc:
        return unusable(name, "workbook", UNREADABLE, exc.code, exc.message)
    results, scoring = evaluation.results, evaluation.scoring
    rate = results.rate("total")
    figures = (("total", results.total), ("basic", results.basic), ("personnel", results.personnel),
               ("public", results.public), ("project", results.project),
               ("personnel_share", results.personnel_share), ("public_share", results.public_share),
               ("basic_share", results.basic_share_of_total), ("project_share", results.project_share_of_total),
               ("execution_rate", rate.rate if rate else None))
    issues = tuple(IssueRow(i.severity.value, i.code, str(i.where) if i.where else "", issue_message(i))
                   for i in evaluation.issues)
    info = evaluation.model.info
    return FileResult(name, "workbook", ERRORS if evaluation.errors else OK, unit_name=info.unit_name,
                      year=info.year, figures=figures, score=scoring.total if scoring else None,
                      grade=scoring.grade if scoring else "", errors=len(evaluation.errors),
                      warnings=len(evaluation.warnings), issues=issues)


def _audit(path: Path, name: str) -> FileResult:
    from selfeval_xl.audit import AuditInputError, audit_file

    try:
        report = audit_file(path)
    except AuditInputError as exc:
        return unusable(name, "report", UNREADABLE, exc.key, str(exc))
    issues = tuple(IssueRow(f.severity.value, f.code, _where(f.section, f.paragraph, f.section_paragraph), f.message)
                   for f in report.findings)
    return FileResult(name, "report", ERRORS if report.errors else OK, errors=len(report.errors),
                      warnings=len(report.warnings), paragraphs=report.paragraphs, issues=issues)


def _where(section: str, paragraph: int, section_paragraph: int) -> str:
    """A finding's place in words, as ``selfeval audit`` prints it."""
    if paragraph == 0:
        return texts.render(texts.AUDIT, "cli.location_document")
    shown = section or texts.render(texts.AUDIT, "cli.front_matter")
    key = "cli.location_heading" if section_paragraph == 0 and section else "cli.location"
    return texts.render(texts.AUDIT, key, section=shown, section_paragraph=section_paragraph, paragraph=paragraph)
