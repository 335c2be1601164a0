"""Fill a copy of the workbook from a 部门决算 file: ``import_juesuan`` — the service the CLI and a button call.

Steps: BOOK is read and evaluated first (so "not our template" stops before the 决算 file is
read, and BOOK's 金额单位 and 单位名称 are known); the 决算 file is read and checked
(``juesuan_read``); each entry of ``data/juesuan_fill.json`` takes one figure to one field of the
template contract — a fixed row of a layout table (一般公共预算表, 其他资金表) or a defined name —
found in the copy by the layout's names, never by a fixed address; an entry whose field the
workbook does not have is listed as not filled (income, carry-over and 三公 fields are filled as
soon as the template has them). 06's economic codes replace the 基本支出 rows of 经济分类明细表
(项目支出 rows and the 报告中名称 the user gave a code are kept). A field already filled with
another value is not overwritten without ``force``; neither is anything written while the tables
disagree (an error finding) without ``force``. The copy is written to a temporary name and
renamed into place, then evaluated, so the caller can say at once whether it passes ``check``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from selfeval_xl.core import texts
from selfeval_xl.core.econ_codes import CODES, code_from_cell
from selfeval_xl.core.errors import OutputError, os_reason
from selfeval_xl.core.model import Issue, Severity
from selfeval_xl.core.values import read_number
from selfeval_xl.importers.book_tables import fixed_cell, named_cell, place, read_rows, write_rows
from selfeval_xl.importers.juesuan_find import normalize
from selfeval_xl.importers.juesuan_read import Juesuan, finding, plain, read_juesuan
from selfeval_xl.workbook import layout

FILLED, UNCHANGED, KEPT, OVERWRITTEN = "filled", "unchanged", "kept", "overwritten"


def _t(key: str, **params: object) -> str:
    return texts.render(texts.IMPORTS, key, **params)


@cache
def fill_spec() -> dict[str, Any]:
    text = resources.files("selfeval_xl.importers").joinpath("data/juesuan_fill.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@dataclass(frozen=True, slots=True)
class Filled:
    """One field of the copy: what was (or would have been) written, from which 决算 cell."""

    target: str  # "一般公共预算表“基本支出”全年执行数"
    cell: str  # "'预算支出'!E6" in the copy
    value: str  # in BOOK's unit
    old: str  # what the field held ("" when empty)
    status: str  # filled / unchanged / kept / overwritten
    source: str  # "'决算'!D9" or the table's title when it prints nothing


@dataclass(frozen=True, slots=True)
class JuesuanResult:
    juesuan: Juesuan
    book: str
    unit: str  # BOOK's 金额单位
    output: Path | None  # None: nothing written
    filled: tuple[Filled, ...]
    not_in_book: tuple[Filled, ...]  # figures found whose field the workbook does not have
    issues: tuple[Issue, ...]  # findings at 决算 cells (and the unit-name 提示)
    check: dict[str, int] | None = None  # errors / warnings of the written copy
    evaluation: Any = field(default=None, compare=False)

    @property
    def errors(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.is_error)

    @property
    def warnings(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if not i.is_error)

    @property
    def kept(self) -> tuple[Filled, ...]:
        return tuple(f for f in self.filled if f.status == KEPT)


def _cell_value(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _shown(value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return plain(Decimal(repr(value)))
    return str(value)


def _same(old: object, new: object) -> bool:
    if isinstance(new, (int, float)):
        number, _, _ = read_number(old)  # type: ignore[arg-type]
        return number is not None and number == Decimal(repr(new))
    return str(old).strip() == str(new)


class _Plan:
    """Writes into the openpyxl copy, deciding per field: fill, leave, keep or overwrite."""

    def __init__(self, book: Any, juesuan: Juesuan, unit: str, force: bool) -> None:
        self.book, self.juesuan, self.unit, self.force = book, juesuan, unit, force
        self.filled: list[Filled] = []
        self.missing: list[Filled] = []

    def amount(self, yuan: Decimal) -> Decimal:
        return yuan / 10000 if self.unit == "万元" else yuan

    def set(self, found: tuple[Any, str], target: str, value: object, source: str) -> None:
        """Write ``value`` unless the cell holds another one (then: kept, or overwritten with ``force``)."""
        cell, where = found
        old = cell.value
        blank = old is None or (isinstance(old, str) and not old.strip())
        if blank and value is None:
            return  # nothing to write, nothing there
        status = FILLED
        if not blank:
            if _same(old, value if value is not None else ""):
                status = UNCHANGED
            else:
                status = OVERWRITTEN if self.force else KEPT
        if status in (FILLED, OVERWRITTEN):
            cell.value = value
        self.filled.append(Filled(target, where, _shown(value) or "—", _shown(old), status, source))

    def entry(self, entry: dict[str, Any]) -> None:
        figure = self.juesuan.figure(entry["from"])
        if figure is None:
            return
        value = self.amount(figure.yuan)
        kind = entry["from"].split(".")[0]
        table_found = self.juesuan.table(kind)
        source = str(figure.where) if figure.where else (table_found.title if table_found else "")
        to = entry["to"]
        if "name" in to:
            target, found = to["name"], named_cell(self.book, to["name"])
            if found is None:
                self.missing.append(Filled(target, "", plain(value), "", "", source))
                return
            self.set(found, target, _cell_value(value), source)
            return
        table = next(t for _, t in layout.all_tables() if t.key == to["table"])
        target = _t("juesuan.target_row", table=table.title, row=dict(table.fixed_rows)[to["row"]],
                    column=table.column(to["column"]).header)
        found = fixed_cell(self.book, table, to["row"], to["column"])
        if found is None:
            self.missing.append(Filled(target, "", plain(value), "", "", source))
            return
        if "has" in to:
            has = fixed_cell(self.book, table, to["row"], to["has"])
            if has is not None:
                self.set(has, _t("juesuan.target_row", table=table.title, row=dict(table.fixed_rows)[to["row"]],
                                 column=table.column(to["has"]).header), "有" if value > 0 else "无", source)
            self.set(found, target, _cell_value(value) if value > 0 else None, source)
            return
        self.set(found, target, _cell_value(value), source)

    def detail(self, spec: dict[str, Any]) -> None:
        """06's codes replace the 基本支出 rows of 经济分类明细表; other rows and 报告中名称 are kept."""
        found = self.juesuan.table(spec["from"].split(".")[0])
        if found is None:
            return
        table = next(t for _, t in layout.all_tables() if t.key == spec["table"])
        placed = place(self.book, table, ("code", "spending", "amount"))
        rows = read_rows(placed)
        basic = spec["spending"]
        names: dict[str, str] = {}
        old: dict[str, Decimal] = {}
        others = []
        for row in rows:
            code = code_from_cell(row["code"])
            if code and isinstance(row.get("display"), str) and row["display"].strip():
                names.setdefault(code, row["display"].strip())
            if code and str(row.get("spending") or "").strip() == basic:
                number, _, _ = read_number(row.get("amount"))
                old[code] = old.get(code, Decimal(0)) + (number or Decimal(0))
            elif any(v not in (None, "") for v in row.values()):
                others.append(row)
        new = {item.code: self.amount(item.yuan) for item in self.juesuan.items}
        total = sum(new.values(), Decimal(0))
        target = _t("juesuan.target_detail", table=table.title, count=len(new))
        value = _t("juesuan.value_detail", count=len(new), total=plain(total))
        where = f"'{placed.ws.title}'!{placed.ws.cell(placed.first_row + 1, placed.first_col).coordinate}"
        old_shown = _t("juesuan.value_detail", count=len(old), total=plain(sum(old.values(), Decimal(0))))
        if old == new:
            self.filled.append(Filled(target, where, value, old_shown, UNCHANGED, str(found.where)))
            return
        status = (OVERWRITTEN if self.force else KEPT) if old else FILLED
        self.filled.append(Filled(target, where, value, old_shown if old else "", status, str(found.where)))
        if status == KEPT:
            return
        note = _t("juesuan.note", table=found.label or found.title)
        written = [{"code": CODES[code].label, "spending": basic, "amount": _cell_value(amount), "note": note,
                    **({"display": names[code]} if code in names else {})} for code, amount in new.items()]
        write_rows(placed, table, written + others)


def _unit_name_issue(juesuan: Juesuan, book_name: str) -> list[Issue]:
    entity, where = juesuan.entity
    a, b = normalize(entity), normalize(book_name)
    if not a or not b or a in b or b in a:
        return []
    return [finding("juesuan_unit_name_differs", where, Severity.WARNING, found=entity, book=book_name)]


def _missing_tables(juesuan: Juesuan) -> list[Issue]:
    issues = []
    for kind, title, what in (("general", "juesuan.title_general", "juesuan.what_general"),
                              ("basic_econ", "juesuan.title_econ", "juesuan.what_econ")):
        if juesuan.table(kind) is None:
            issues.append(finding("juesuan_table_missing", None, Severity.WARNING, title=_t(title), what=_t(what)))
    return issues


def default_output(book: Path) -> Path:
    return book.with_name(_t("juesuan.default_output", stem=book.stem))


def _same_file(a: Path, b: Path) -> bool:
    return a.exists() and b.exists() and a.resolve() == b.resolve()


def import_juesuan(juesuan_path: Path, book_path: Path, out_path: Path | None = None,
                   force: bool = False) -> JuesuanResult:
    """Read ``juesuan_path``, fill a copy of ``book_path`` at ``out_path``; ``book_path`` is never written.

    Nothing is written while the 决算 tables disagree (error findings) or a filled field would be
    overwritten, unless ``force``. Raises ``WorkbookError`` (exit 3) and ``OutputError`` (exit 4).
    """
    from selfeval_xl.pipeline import evaluate
    from selfeval_xl.workbook.package import workbook_bytes, write_atomic
    from selfeval_xl.workbook.reader import load_for_copy, read_workbook

    info = evaluate(read_workbook(book_path)).model.info
    juesuan = read_juesuan(juesuan_path)
    out = out_path or default_output(book_path)
    if _same_file(out, book_path) or _same_file(out, juesuan_path):
        raise OutputError("output_is_input", path=out)
    issues = (*juesuan.issues, *_unit_name_issue(juesuan, info.unit_name), *_missing_tables(juesuan))
    copy = load_for_copy(book_path)
    plan = _Plan(copy, juesuan, info.amount_unit, force)
    for entry in fill_spec()["fill"]:
        plan.entry(entry)
    plan.detail(fill_spec()["detail"])
    errors = any(i.is_error for i in issues)
    kept = any(f.status == KEPT for f in plan.filled)
    result = JuesuanResult(juesuan, book_path.name, info.amount_unit, None, tuple(plan.filled), tuple(plan.missing),
                           tuple(issues))
    if (errors or kept) and not force:
        return result
    try:
        write_atomic(out, workbook_bytes(copy))
    except OSError as exc:
        raise OutputError(path=out, reason=os_reason(exc)) from None
    evaluation = evaluate(read_workbook(out))
    return JuesuanResult(juesuan, book_path.name, info.amount_unit, out, tuple(plan.filled), tuple(plan.missing),
                         tuple(issues), {"errors": len(evaluation.errors), "warnings": len(evaluation.warnings)},
                         evaluation)
