"""Adapter: the workbook open in Excel (through xlwings) ⇄ the pipeline. The only module importing xlwings.

Entry points take the book as a parameter, so tests can hand them any ``xw.Book`` (the headless
"remote" engine included)::

    run_check(book)            validate; (re)write 校验结果; summary dialog
    run_generate_report(book)  validate; if no errors, (re)write every output sheet; activate 自评报告
    run_export(book)           as run_generate_report, then the files for the finance bureau
                               (xlsx, docx via ``selfeval_xl.render``; pdf by Excel itself)
    run_about(book)            versions, interpreter, config and log locations in a dialog

The ribbon (macros/SelfevalRibbon.bas) asks the per-user service (``selfeval_xl.excel.service``)
to run one of them on the workbook it names; nothing here touches Excel at import time.

The input sheets are read as one block each (``used_range`` from A1, ``ndim=2``), defined names
and tables once; input ranges are never written. Output sheets are deleted and recreated on every
run by ``xlwings_render`` (one 2-D value write, then formats by style group; text always marked
as text, so nothing a user typed becomes a formula).

Failures never reach xlwings' traceback popup: a ``SelfevalError`` becomes its Chinese message
in a dialog, anything else a short dialog pointing at the log file (``render.stamp.log_path()``).
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import re
import sys
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import xlwings as xw

from selfeval_xl.core import texts
from selfeval_xl.core.cells import CellRef, parse_a1, parse_range
from selfeval_xl.core.errors import SelfevalError
from selfeval_xl.core.model import CellValue, RawBook, RawSheet, TableRef
from selfeval_xl.core.version import VERSION as __version__
from selfeval_xl.excel.render import delete_sheets, is_desktop, optional, output_sheets_in, render_sheet
from selfeval_xl.report.sheets import SheetContent
from selfeval_xl.workbook import layout

MAX_ROWS = 5000  # per input sheet, as the openpyxl reader
MAX_COLS = 60
_EXCEL_DAY_ZERO = dt.date(1899, 12, 30)  # COM gives a time-only cell as a datetime on this day
_REFERS_TO = re.compile(r"^=(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?\d+)(?::\$?[A-Za-z]{1,3}\$?\d+)?$")

log = logging.getLogger("selfeval_xl")


class AddinStop(Exception):
    """A run stopped for a reason the user can act on; ``message`` is the Chinese dialog text."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# ---- entry points ------------------------------------------------------------------------------


def run_check(book: xw.Book) -> None:
    """Validate the open workbook and (re)write 校验结果, with hyperlinks to the cells."""
    with _guarded(book):
        from selfeval_xl.report.sheets import issues_sheet

        evaluation = _evaluate(book)
        sheet = texts.UI["sheet_issues"]
        render_sheets(book, [issues_sheet(evaluation.issues)], active=sheet)
        errors, warnings = len(evaluation.errors), len(evaluation.warnings)
        key = "check.summary" if errors else "check.clean"
        _alert(book, texts.render(texts.ADDIN, key, errors=errors, warnings=warnings, sheet=sheet))


def run_generate_report(book: xw.Book) -> None:
    """Validate; with no errors (re)write 校验结果, 自评报告, 计算明细 (and whatever else the engine lists)."""
    with _guarded(book):
        _write_report(book, refused_key="report.refused")


def run_export(book: xw.Book) -> None:
    """Write the report sheets, then the files to hand in, into the workbook's folder.

    xlsx and docx come from ``selfeval_xl.render`` (the same files as ``selfeval export``); the PDF
    is Excel's own print of the sheets to hand in, so only a desktop Excel makes it. Files that
    exist already are replaced only after a yes in a dialog.
    """
    with _guarded(book):
        written_sheets = _write_report(book, refused_key="export.refused")
        if written_sheets is None:
            return
        evaluation, titles = written_sheets
        folder = _book_folder(book)
        if folder is None:
            return
        from selfeval_xl.render.stamp import generated_line

        try:  # imported by name: the export package is optional and may be absent from an install
            export = importlib.import_module("selfeval_xl.render")
            export_evaluation, export_paths = export.export_evaluation, export.export_paths
        except (ImportError, AttributeError) as exc:
            _alert(book, texts.render(texts.ADDIN, "export.unavailable", error=exc), critical=True)
            return
        desktop = is_desktop(book)
        targets: dict[str, Path] = export_paths(evaluation, folder, ["xlsx", "docx", "pdf"] if desktop else ["xlsx", "docx"])
        own = Path(book.fullname).resolve() if book.fullname else None
        if own is not None and any(path.resolve() == own for path in targets.values()):
            # The open workbook itself carries the export's name: never export over it.
            _alert(book, texts.render(texts.ADDIN, "export.is_open_book", path=own), critical=True)
            return
        existing = [path for path in targets.values() if path.exists()]
        if existing:
            question = texts.render(texts.ADDIN, "export.overwrite", files="\n".join(p.name for p in existing))
            if book.app.alert(question, title=texts.ADDIN["dialog.title"], buttons="yes_no", mode="info") != "yes":
                return  # "no", or an engine that cannot answer synchronously: nothing is replaced
        written = list(export_evaluation(evaluation, folder, ["xlsx", "docx"], force=bool(existing),
                                         generated=generated_line()))
        notes = []
        if desktop:
            # The sheets to hand in: the report (and the 自评表), not the working sheets.
            handed_in: list[int | str] = [t for t in titles if t not in (texts.UI["sheet_issues"], texts.UI["sheet_calc"])]
            try:
                book.to_pdf(targets["pdf"], include=handed_in)
                written.append(targets["pdf"])
            except Exception as exc:  # printer drivers, a file open in a reader: the other files are there
                from selfeval_xl.render.stamp import log_path

                _log_exception(exc, log_path())
                notes.append(texts.render(texts.ADDIN, "export.pdf_failed", error=exc))
        else:
            notes.append(texts.ADDIN["export.pdf_skipped"])
        files = "\n".join(path.name for path in written)
        message = texts.render(texts.ADDIN, "export.done", folder=folder, files=files)
        _alert(book, "\n".join([message, *notes]))


def run_import_ledger(book: xw.Book, ledger_path: Path | None = None) -> None:
    """Total a 明细账 into 经济分类明细 of a copy of the (saved) workbook, beside it; never edits the open book.

    The ledger is chosen in Excel's own file dialog (COM on Windows) unless ``ledger_path`` is given.
    """
    with _guarded(book):
        folder = _book_folder(book)
        if folder is None:
            return
        if ledger_path is None:
            ledger_path = _pick_file(book, texts.ADDIN["ledger.pick"])
            if ledger_path is None:
                return
        from selfeval_xl.importers.ledger import default_output, issue_rows, write_ledger_copy
        from selfeval_xl.importers.ledger_read import read_ledger

        source = Path(book.fullname)
        ledger = read_ledger(ledger_path)
        if ledger.errors:
            shown = "\n".join(row["message"] for row in issue_rows(ledger) if row["severity"] == "error")
            _alert(book, texts.render(texts.ADDIN, "ledger.refused", errors=len(ledger.errors), issues=shown),
                   critical=True)
            return
        out = default_output(source)
        result = write_ledger_copy(ledger, source, out)
        note = (texts.ADDIN["ledger.check_ok"] if not result.errors
                else texts.render(texts.ADDIN, "ledger.check_bad", errors=len(result.errors)))
        _alert(book, texts.render(texts.ADDIN, "ledger.done", rows=len(ledger.rows), path=out, check=note))


def _pick_file(book: xw.Book, title: str) -> Path | None:
    """Excel's own open-file dialog (desktop Excel on Windows); None when cancelled or not available."""
    if not is_desktop(book) or sys.platform != "win32":
        _alert(book, texts.ADDIN["ledger.no_dialog"], critical=True)
        return None
    chosen = book.app.api.GetOpenFilename("Excel (*.xlsx),*.xlsx", 1, title)
    return Path(chosen) if isinstance(chosen, str) and chosen else None


def run_about(book: xw.Book) -> None:
    """Versions, interpreter, package location, config and log file: what support asks for first."""
    with _guarded(book):
        _alert(book, about_text(book))


def about_text(book: xw.Book) -> str:
    from selfeval_xl.render.stamp import log_path

    user_config = Path.home() / ".selfeval" / "selfeval.conf"
    state = "about.exists" if user_config.is_file() else "about.missing"
    return texts.render(
        texts.ADDIN, "about.text", version=__version__, xlwings=xw.__version__,
        python=sys.version.split()[0], executable=sys.executable,
        package=Path(__file__).resolve().parent, engine=book.app.engine.name, book=book.fullname,
        user_config=user_config, user_config_state=texts.ADDIN[state], log=log_path(),
    )


# ---- reading -----------------------------------------------------------------------------------


def raw_from_xlwings(book: xw.Book) -> RawBook:
    """The input sheets as blocks of values from A1, the workbook's defined names and its tables.

    The xlwings counterpart of ``workbook.stream.read_package``: values normalised to what
    openpyxl gives (int for whole numbers, datetime, str, bool, None; errors as "#REF!" text).
    """
    wanted = set(layout.SHEET_ORDER) | {layout.META_SHEET}
    sheets: list[RawSheet] = []
    tables: dict[str, TableRef] = {}
    desktop = is_desktop(book)
    for sheet in book.sheets:
        if sheet.name not in wanted:
            continue
        block = _read_block(sheet)
        formats = _small_number_formats(sheet, block) if desktop else {}
        percent = frozenset(key for key, fmt in formats.items() if "%" in fmt)
        sheets.append(RawSheet(sheet.name, block, percent, formats=formats))
        for table in sheet.tables:
            r1, c1, r2, c2 = parse_range(table.range.address)
            tables[table.name] = TableRef(sheet.name, r1, c1, r2, c2)
    names: dict[str, CellRef] = {}
    for name in book.names:
        ref = name_cell(name.name, name.refers_to)
        if ref is not None:
            names[name.name] = ref
    return RawBook(tuple(sheets), names, tables, book.name)


def _read_block(sheet: xw.Sheet) -> tuple[tuple[CellValue, ...], ...]:
    last = sheet.used_range.last_cell
    rows, cols = min(last.row, MAX_ROWS), min(last.column, MAX_COLS)
    block = sheet.range((1, 1), (rows, cols)).options(ndim=2, err_to_str=True).value
    return tuple(tuple(normal_value(value) for value in row) for row in block or ())


FORMAT_PROBES = 2000  # number formats asked of Excel per sheet, at most (one COM call each)


def _small_number_formats(sheet: xw.Sheet, block: tuple[tuple[CellValue, ...], ...]) -> dict[tuple[int, int], str]:
    """The number formats of the numeric cells that could be percentages shown as such (|value| ≤ 10:
    98% is stored as 0.98, 100% as 1), so that 实际完成值 typed as 98% in a %-formatted cell reads as
    the file readers read it. Values alone cannot tell; COM is asked per cell, up to ``FORMAT_PROBES``."""
    formats: dict[tuple[int, int], str] = {}
    probes = 0
    for r, row in enumerate(block, start=1):
        for c, value in enumerate(row, start=1):
            if isinstance(value, bool) or not isinstance(value, int | float) or abs(value) > 10:
                continue
            probes += 1
            if probes > FORMAT_PROBES:
                return formats
            fmt = sheet.range((r, c)).number_format
            if isinstance(fmt, str) and fmt != "General":
                formats[r, c] = fmt
    return formats


def name_cell(name: str, refers_to: str | None) -> CellRef | None:
    """The first cell of a workbook-level name that refers to one range; None for anything else.

    Sheet-level names ("基本信息!x"), Excel's own (_xlnm.Print_Area) and names that are formulas,
    constants or several areas are skipped, as the openpyxl reader skips them.
    """
    if "!" in name or name.startswith("_xl") or not refers_to:
        return None
    match = _REFERS_TO.match(refers_to.strip())
    if match is None:
        return None
    sheet = match.group(1).replace("''", "'") if match.group(1) else match.group(2)
    row, col = parse_a1(match.group(3))
    return CellRef(sheet, row, col)


def normal_value(value: Any) -> CellValue:
    """One value as openpyxl would give it."""
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, dt.datetime):
        if value.date() == _EXCEL_DAY_ZERO:
            return value.time()
        return value.replace(tzinfo=None)
    if isinstance(value, int | float | dt.date | dt.time):
        return value
    if isinstance(value, Decimal):  # COM gives 货币/会计专用 cells as Decimal (4 places): a number, not text
        if value.is_finite() and value == value.to_integral_value() and abs(value) < 2**53:
            return int(value)
        return float(value) if value.is_finite() else str(value)
    return str(value)


def _evaluate(book: xw.Book) -> Any:
    from selfeval_xl.pipeline import evaluate

    return evaluate(raw_from_xlwings(book))


# ---- writing -----------------------------------------------------------------------------------


def _write_report(book: xw.Book, *, refused_key: str) -> tuple[Any, list[str]] | None:
    """Evaluate; refuse on errors (校验结果 only, and a dialog) or write every output sheet.

    Returns the evaluation and the titles written, or None when refused.
    """
    from selfeval_xl.pipeline import output_sheets
    from selfeval_xl.render.stamp import generated_line
    from selfeval_xl.report.sheets import issues_sheet

    evaluation = _evaluate(book)
    issues_title = texts.UI["sheet_issues"]
    if evaluation.errors:
        delete_sheets(book, output_sheets_in(book))  # a stale report must not survive next to the errors
        render_sheets(book, [issues_sheet(evaluation.issues)], active=issues_title)
        _alert(book, texts.render(texts.ADDIN, refused_key, errors=len(evaluation.errors), sheet=issues_title),
               critical=True)
        return None
    contents = output_sheets(evaluation, generated_line())
    delete_sheets(book, [*output_sheets_in(book), *(c.title for c in contents)])
    render_sheets(book, contents, active=texts.UI["sheet_report"])
    return evaluation, [content.title for content in contents]


def render_sheets(book: xw.Book, contents: Sequence[SheetContent], *, active: str = "") -> None:
    """(Re)create each sheet at the end of the book, then activate ``active`` (if written)."""
    for content in contents:
        _status(book, texts.render(texts.ADDIN, "status.writing", sheet=content.title))
        try:
            render_sheet(book, content)
        except Exception as exc:  # a protected workbook structure, a name Excel refuses ...
            from selfeval_xl.render.stamp import log_path

            _log_exception(exc, log_path())
            raise AddinStop(texts.render(texts.ADDIN, "error.write", sheet=content.title, error=exc)) from exc
    titles = [content.title for content in contents]
    if active in titles:
        book.sheets[active].activate()


# ---- the edges: dialogs, status bar, folders, errors -----------------------------------------


def _status(book: xw.Book, text: str | bool) -> None:
    optional(lambda: setattr(book.app, "status_bar", text))


def _alert(book: xw.Book, message: str, *, critical: bool = False) -> None:
    book.app.alert(message, title=texts.ADDIN["dialog.title"], mode="critical" if critical else "info")


def _book_folder(book: xw.Book) -> Path | None:
    """The folder of a saved, local workbook; otherwise a dialog and None."""
    fullname = book.fullname
    if "://" in fullname:
        _alert(book, texts.render(texts.ADDIN, "export.cloud", path=fullname), critical=True)
        return None
    path = Path(fullname)
    if not path.is_absolute() or not path.parent.is_dir():  # an unsaved book is just "Book1"
        _alert(book, texts.ADDIN["export.unsaved"], critical=True)
        return None
    return path.parent


@contextmanager
def _guarded(book: xw.Book) -> Iterator[None]:
    """Screen updating off while writing; every failure a plain Chinese dialog, details in the log."""
    from selfeval_xl.render.stamp import log_path

    optional(lambda: setattr(book.app, "screen_updating", False))
    try:
        yield
    except (SelfevalError, AddinStop) as exc:
        log.info("stopped: %s", exc.message)
        _alert(book, exc.message, critical=True)
    except Exception as exc:
        _log_exception(exc, log_path())
        error = f"{type(exc).__name__}: {exc}"
        _alert(book, texts.render(texts.ADDIN, "error.internal", error=error, log=log_path()), critical=True)
    finally:
        optional(lambda: setattr(book.app, "screen_updating", True))
        _status(book, False)


def _log_exception(exc: BaseException, path: Path) -> None:
    try:
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return
    try:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.error("add-in run failed:\n%s", "".join(traceback.format_exception(exc)))
    finally:
        log.removeHandler(handler)
        handler.close()
