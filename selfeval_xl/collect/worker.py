"""One file of a batch → one ``FileResult``: runs in a worker process of ``selfeval collect``.

A workbook is read and evaluated by the engine; a report (.docx/.txt/.pdf) is audited. Whatever
goes wrong — unreadable, hostile, or a bug the file provokes — becomes the result's ``reason``,
never an exception out of ``examine``: one bad file must not stop the batch. Results are plain
frozen dataclasses of str/int/Decimal, cheap to pickle back to the parent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from selfeval_xl.core import texts

if TYPE_CHECKING:
    from selfeval_xl.workbook.sheet_text import Row

REPORT_SUFFIXES = frozenset({".docx", ".txt", ".pdf"})
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls"})  # .xls: reported as "old format", not skipped

# status of a file
OK, ERRORS, UNREADABLE, FAILED, DUPLICATE = "ok", "errors", "unreadable", "failed", "duplicate"
SKIPPED = "skipped"  # read, and not what the summary adds up (a project's 自评表): listed with its reason
# where a department's figures came from
SOURCE_WORKBOOK, SOURCE_EXPORT, SOURCE_TABLE = "workbook", "export", "table"  # table: a 自评表 audited, not summed
MEMORY_LIMIT = 3 * 1024 ** 3  # address space of a worker: a hostile file cannot take the machine's memory
TIME_LIMIT = 120  # seconds one file may take (POSIX: SIGALRM in the worker)


class FileTimeout(BaseException):
    """Raised in a worker when a file has used its time budget (BaseException: no ``except Exception`` in
    the engine may swallow it)."""


@dataclass(frozen=True, slots=True)
class IssueRow:
    severity: str  # error | warning
    code: str
    where: str  # 'sheet'!A1, a report's section and paragraph, or ""
    message: str
    confidence: str = ""  # a report finding's: high | medium | low (docs/audit.md); a workbook check's: ""


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
    source: str = SOURCE_WORKBOOK  # workbook (the fill-in workbook) | export (an exported 自评表.xlsx) | table (a 项目's
    # 自评表, or one a department made: audited, not summed)
    generated: str = ""  # the export's 生成时间 line: the newer of two duplicates wins
    execution_note: str = ""  # what the workbook says about the execution rate

    def figure(self, key: str) -> Decimal | None:
        return dict(self.figures).get(key)


FIGURES = ("total", "basic", "personnel", "public", "project", "personnel_share", "public_share",
           "basic_share", "project_share", "execution_rate")


_budget = {"seconds": TIME_LIMIT}


def limit_memory(memory: int = MEMORY_LIMIT, seconds: int = TIME_LIMIT) -> None:
    """Pool initializer: cap the worker's address space at ``memory`` bytes and each file at ``seconds``
    (POSIX; elsewhere a crash of the worker is still contained by the pool)."""
    _budget["seconds"] = seconds
    try:
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):
        pass


def _alarm(seconds: int) -> bool:
    """Start the per-file clock (POSIX main thread); False where there is none."""
    import signal

    if not hasattr(signal, "SIGALRM") or seconds <= 0:
        return False

    def expired(signum: int, frame: object) -> None:
        raise FileTimeout

    try:
        signal.signal(signal.SIGALRM, expired)
    except ValueError:  # not the main thread
        return False
    signal.alarm(seconds)
    return True


def _stop_alarm() -> None:
    import signal

    if hasattr(signal, "SIGALRM"):
        signal.alarm(0)


def kind_of(path: str) -> str:
    return "report" if Path(path).suffix.lower() in REPORT_SUFFIXES else "workbook"


def examine(path: str, name: str) -> FileResult:
    """Evaluate a workbook or audit a report; never raises for anything the file does."""
    kind = kind_of(path)
    seconds = _budget["seconds"]
    timed = _alarm(seconds)
    try:
        return _audit(Path(path), name) if kind == "report" else _evaluate(Path(path), name)
    except FileTimeout:
        return unusable(name, kind, FAILED, "timeout", texts.render(texts.BATCH, "collect.reason_timeout",
                                                                     seconds=seconds))
    except MemoryError:
        return unusable(name, kind, FAILED, "memory", texts.BATCH["collect.reason_memory"])
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"[:200]
        return unusable(name, kind, FAILED, "internal",
                        texts.render(texts.BATCH, "collect.reason_internal", error=error))
    finally:
        if timed:
            _stop_alarm()


def unusable(name: str, kind: str, status: str, code: str, reason: str) -> FileResult:
    """The result of a file that could not be evaluated: its reason is also its one issue."""
    return FileResult(name, kind, status, reason, issues=(IssueRow("error", code, "", reason),))


def _evaluate(path: Path, name: str) -> FileResult:
    from selfeval_xl.core.errors import LegacyFormatError, NotOurTemplateError, WorkbookError
    from selfeval_xl.pipeline import evaluate
    from selfeval_xl.render.embedded import evaluation_figures, execution_note
    from selfeval_xl.report.sheets import issue_message
    from selfeval_xl.workbook.migrate import migrated_raw
    from selfeval_xl.workbook.reader import read_workbook

    exported = _exported(path, name)
    if exported is not None:
        return exported
    try:
        evaluation = evaluate(migrated_raw(read_workbook(path)))  # an earlier template version: migrated in memory
    except NotOurTemplateError as exc:  # read safely, but not a fill-in workbook: an export without its part?
        return _visible(path, name) or _own_table(path, name) or unusable(name, "workbook", UNREADABLE, exc.code,
                                                                          exc.message)
    except LegacyFormatError as exc:  # an .xls: no fill-in workbook, but perhaps a department's own 自评表
        return _own_table(path, name) or unusable(name, "workbook", UNREADABLE, exc.code, exc.message)
    except WorkbookError as exc:
        return unusable(name, "workbook", UNREADABLE, exc.code, exc.message)
    scoring = evaluation.scoring
    figures = tuple(evaluation_figures(evaluation).items())
    issues = tuple(IssueRow(i.severity.value, i.code, str(i.where) if i.where else "", issue_message(i))
                   for i in evaluation.issues)
    info = evaluation.model.info
    return FileResult(name, "workbook", ERRORS if evaluation.errors else OK, unit_name=info.unit_name,
                      execution_note=execution_note(evaluation),
                      year=info.year, figures=figures, score=scoring.total if scoring else None,
                      grade=scoring.grade if scoring else "", errors=len(evaluation.errors),
                      warnings=len(evaluation.warnings), issues=issues)


def _exported(path: Path, name: str) -> FileResult | None:
    """An exported 自评表.xlsx: its figures from the part the export embedded (None when there is none).

    The cells it stored are compared with what the file shows now; a file edited by hand after export
    gets a 提示 naming the cells (the figures stay those of the export)."""
    import zipfile

    from selfeval_xl.render.embedded import changed_cells, read_embedded

    try:
        stored = read_embedded(path)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None  # the workbook reader says what is wrong with the file
    if stored is None:
        return None
    figures = tuple((key, _decimal(stored.get("figures", {}).get(key))) for key in FIGURES)
    issues: list[IssueRow] = []
    changes = changed_cells(stored.get("cells", []), _current_cells(path, {c[0] for c in stored.get("cells", [])}))
    if changes:
        shown = texts.BATCH["collect.list_separator"].join(changes[:5])
        shown += texts.BATCH["collect.list_more"] if len(changes) > 5 else ""
        issues.append(IssueRow("warning", "export_edited", "",
                               texts.render(texts.BATCH, "collect.edited", count=len(changes), cells=shown)))
    errors = int(stored.get("errors") or 0)
    year = stored.get("year")
    return FileResult(name, "workbook", ERRORS if errors else OK, unit_name=str(stored.get("unit_name") or ""),
                      year=year if isinstance(year, int) else None, figures=figures,
                      score=_decimal(stored.get("score")), grade=str(stored.get("grade") or ""), errors=errors,
                      warnings=int(stored.get("warnings") or 0) + len(issues), issues=tuple(issues),
                      source=SOURCE_EXPORT, generated=str(stored.get("generated") or ""),
                      execution_note=str(stored.get("execution_note") or ""))


def _visible(path: Path, name: str) -> FileResult | None:
    """An exported 自评表 without its figures part, from the table it shows (None when it shows none).

    Only what the 自评表 states is taken — unit, year, score, grade, the score's execution rate; the
    支出 composition stays unknown (the summary counts the file in rankings, not in amount totals)."""
    from selfeval_xl.collect.visible import is_project_export, read_visible

    shown = read_visible(path)
    if shown is None and is_project_export(path):
        from selfeval_xl.core.errors import WorkbookError
        from selfeval_xl.workbook.sheet_text import sheet_blocks

        try:
            blocks, rows = sheet_blocks(path)
        except WorkbookError:  # (read safely once already, by the workbook reader: listed unaudited)
            blocks, rows = (), ()
        return _audited_table(name, "project_export", texts.BATCH["collect.reason_project"], blocks, rows)
    if shown is None or not shown.unit_name:
        return None
    figures = tuple((key, shown.execution_rate if key == "execution_rate" else None) for key in FIGURES)
    note = IssueRow("warning", "export_visible", f"'{shown.sheet}'",
                    texts.render(texts.BATCH, "collect.visible", sheet=shown.sheet))
    return FileResult(name, "workbook", OK, unit_name=shown.unit_name, year=shown.year, figures=figures,
                      score=shown.score, grade=shown.grade, warnings=1, issues=(note,), source=SOURCE_EXPORT)


def _own_table(path: Path, name: str) -> FileResult | None:
    """A 绩效自评表 a department keeps in its own workbook (no template of ours; an .xls too): audited, not summed (None
    if the workbook names no such form, or cannot be read as one)."""
    from selfeval_xl.core.errors import WorkbookError
    from selfeval_xl.workbook.sheet_text import sheet_blocks

    try:
        blocks, rows = sheet_blocks(path)
    except (WorkbookError, ImportError):
        return None
    if not any("绩效自评表" in "".join(block.split()) for block in blocks):
        return None
    return _audited_table(name, "own_table", texts.BATCH["collect.reason_own_table"], blocks, rows)


def _audited_table(name: str, code: str, reason: str, blocks: Sequence[str], rows: Sequence[Row]) -> FileResult:
    """A 自评表 workbook listed, not summed with the 部门整体 figures (a 项目's, or one not from our template); its sheets
    audited as a report (the 总分 against its rows, the 执行率 and its 得分, the grade), each finding at its cell."""
    from selfeval_xl.workbook.sheet_text import audit_sheets

    found = audit_sheets(blocks, rows).findings
    issues = [IssueRow("warning", code, "", reason)]
    issues += [IssueRow(f.severity.value, f.code, f.cell, f.message, f.confidence) for f in found]
    errors = sum(1 for f in found if f.severity.value == "error")
    return FileResult(name, "workbook", ERRORS if errors else SKIPPED, reason, errors=errors,
                      warnings=len(issues) - errors, issues=tuple(issues), source=SOURCE_TABLE)  # (its reason a 提示 too)


def _decimal(value: object) -> Decimal | None:
    from decimal import InvalidOperation

    try:
        return Decimal(str(value)) if value is not None else None
    except InvalidOperation:
        return None


def _current_cells(path: Path, sheets: set[str]) -> dict[tuple[str, str], object]:
    """The values of the exported sheets as the file holds them now (read only, stops at 200 rows × 30 columns)."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        found: dict[tuple[str, str], object] = {}
        for title in sheets & set(book.sheetnames):
            for row in book[title].iter_rows(max_row=2000, max_col=30):
                for cell in row:
                    if getattr(cell, "value", None) is not None:
                        found[title, cell.coordinate] = cell.value
        return found
    finally:
        book.close()


def _audit(path: Path, name: str) -> FileResult:
    from selfeval_xl.audit import AuditInputError, audit_file

    try:
        report = audit_file(path)
    except AuditInputError as exc:
        return unusable(name, "report", UNREADABLE, exc.key, str(exc))
    issues = tuple(IssueRow(f.severity.value, f.code, _where(f.section, f.paragraph, f.section_paragraph), f.message,
                            f.confidence) for f in report.findings)
    unit_name, year = "", None
    if path.suffix.lower() == ".docx":  # a report exported by selfeval names its unit and year in its part
        import zipfile

        from selfeval_xl.render.embedded import read_embedded

        try:
            stored = read_embedded(path) or {}
        except (zipfile.BadZipFile, OSError, KeyError, ValueError):
            stored = {}
        unit_name = str(stored.get("unit_name") or "")
        year = stored.get("year") if isinstance(stored.get("year"), int) else None
    return FileResult(name, "report", ERRORS if report.errors else OK, unit_name=unit_name, year=year,
                      errors=len(report.errors), warnings=len(report.warnings), paragraphs=report.paragraphs,
                      issues=issues)


def _where(section: str, paragraph: int, section_paragraph: int) -> str:
    """A finding's place in words, as ``selfeval audit`` prints it."""
    if paragraph == 0:
        return texts.render(texts.AUDIT, "cli.location_document")
    shown = section or texts.render(texts.AUDIT, "cli.front_matter")
    key = "cli.location_heading" if section_paragraph == 0 and section else "cli.location"
    return texts.render(texts.AUDIT, key, section=shown, section_paragraph=section_paragraph, paragraph=paragraph)
