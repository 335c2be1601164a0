"""Reading cells of the template: locating fields (defined names) and tables (by their refs and header
text), and reading each cell by its kind, turning what cannot be understood into issues at the cell.

``parse`` builds the model on top of this; nothing here knows about the model's meaning.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selfeval_xl.core import values
from selfeval_xl.core.cells import CellRef
from selfeval_xl.core.econ_codes import RETIRED, code_from_cell, lookup
from selfeval_xl.core.model import CellValue, Issue, RawBook, RawSheet, Refs, Severity, TableRef
from selfeval_xl.workbook import layout
from selfeval_xl.workbook.layout import Column, Kind, Sheet, Table

WARNING_FINDINGS = frozenset({"number_as_text", "qualifier_in_number", "amount_precision"})


@dataclass
class Context:
    raw: RawBook
    unit: str = "万元"
    issues: list[Issue] = field(default_factory=list)

    def add(self, code: str, where: CellRef | None, severity: Severity | None = None, /, **params: object) -> None:
        if severity is None:
            severity = Severity.WARNING if code in WARNING_FINDINGS else Severity.ERROR
        self.issues.append(Issue(code, severity, where, tuple((k, str(v)) for k, v in sorted(params.items()))))

    def cell(self, ref: CellRef) -> CellValue:
        sheet = self.raw.sheet(ref.sheet)
        return sheet.value(ref.row, ref.col) if sheet else None


# ---- reading one cell by kind --------------------------------------------------------------------


def read(ctx: Context, ref: CellRef, kind: Kind, label: str, required: bool,
          choices: tuple[str, ...] = (), strict: bool = True) -> object:
    raw_value = ctx.cell(ref)
    value: object
    if kind in (Kind.TEXT, Kind.LONGTEXT):
        value, found = values.read_text(raw_value)
    elif kind is Kind.CHOICE:
        value, found = values.read_choice(raw_value, choices, strict)
    elif kind is Kind.YEAR:
        value, found = values.read_year(raw_value)
    elif kind is Kind.COUNT:
        value, found = values.read_count(raw_value)
    elif kind is Kind.AMOUNT:
        value, found = values.read_amount(raw_value, ctx.unit)
    elif kind is Kind.NUMBER:
        number, qualifier, found = values.read_number(raw_value, allow_qualifier=True)
        if number is not None and number < 0:
            found = [*found, ("negative_number", {"value": format(number, "f")})]
        value = (number, qualifier)
    elif kind is Kind.DATE:
        value, found = values.read_date(raw_value)
    elif kind is Kind.VALUE:
        number, text, found = values.read_value(raw_value)
        value = (number, text)
    else:  # pragma: no cover - ECON_CODE is read by _read_econ_code
        raise AssertionError(kind)
    for code, params in found:
        ctx.add(code, ref, field=label, **params)
    blank = values.is_blank(raw_value)
    if required and blank:
        ctx.add("required", ref, field=label)
    return value


# ---- locating fields and tables ---------------------------------------------------------------------


def field_ref(ctx: Context, sheet: Sheet, fld: layout.Field) -> CellRef:
    ref = ctx.raw.names.get(fld.name)
    fallback = CellRef(sheet.title, layout.field_rows(sheet)[fld.key], layout.VALUE_COL)
    if ref is not None and ctx.raw.sheet(ref.sheet) is None and ctx.raw.sheet(sheet.title) is not None:
        # The name points at a sheet that is not there (renamed, deleted, a broken reference): read the
        # template's place of the field, and say so there rather than at a cell of a missing sheet.
        broken = Issue("name_broken", Severity.ERROR, fallback, (("name", fld.name), ("sheet", ref.sheet)))
        if broken not in ctx.issues:
            ctx.issues.append(broken)
        return fallback
    return ref if ref is not None else fallback


def read_fields(ctx: Context, sheet: Sheet) -> tuple[dict[str, object], list[tuple[str, CellRef]]]:
    got: dict[str, object] = {}
    refs = []
    for fld in sheet.fields:
        ref = field_ref(ctx, sheet, fld)
        refs.append((fld.key, ref))
        got[fld.key] = read(ctx, ref, fld.kind, fld.name, fld.required, fld.choices, fld.strict_choices)
    return got, refs


@dataclass(frozen=True)
class Row:
    refs: Refs
    cells: dict[str, CellRef]


def table_ref(ctx: Context, sheet: Sheet, table: Table) -> TableRef:
    ref = ctx.raw.tables.get(table.name)
    if ref is not None:
        return ref
    place = layout.table_places(sheet)[table.key]
    return TableRef(sheet.title, place.header_row, place.first_col, place.last_row(),
                    place.first_col + len(table.columns) - 1)


def _table_rows(ctx: Context, sheet: Sheet, table: Table) -> list[Row]:
    """The non-blank data rows of a table, with each column located by its header text."""
    ref = table_ref(ctx, sheet, table)
    raw_sheet = ctx.raw.sheet(ref.sheet)
    if raw_sheet is None:
        return []
    header_cols: dict[str, int] = {}
    for col in range(ref.first_col, ref.last_col + 1):
        header = raw_sheet.value(ref.first_row, col)
        if isinstance(header, str):
            header_cols.setdefault(layout.header_key(header), col)
    cols: dict[str, int] = {}
    for column in table.columns:
        if column.header in header_cols:
            cols[column.key] = header_cols[column.header]
        else:
            ctx.add("column_missing", CellRef(ref.sheet, ref.first_row, ref.first_col),
                    table=table.title, column=column.header)
    rows = []
    for row in range(ref.first_row + 1, ref.last_row + 1):
        cells = {key: CellRef(ref.sheet, row, col) for key, col in cols.items()}
        if all(values.is_blank(raw_sheet.value(row, c.col)) for c in cells.values()):
            continue
        rows.append(Row(Refs(tuple(cells.items())), cells))
    _check_below(ctx, sheet, table, ref, raw_sheet)
    return rows


def _check_below(ctx: Context, sheet: Sheet, table: Table, ref: TableRef, raw_sheet: RawSheet) -> None:
    """Values typed just under a table that did not grow with them would be silently ignored: say so."""
    following = sheet.tables[sheet.tables.index(table) + 1:]
    # the next list below it on the same sheet, whichever it is (a workbook of an earlier layout may hold
    # lists that are now on another sheet); else where the layout puts the next one
    below = [t.first_row - 1 for t in ctx.raw.tables.values() if t.sheet == ref.sheet and t.first_row > ref.last_row]
    if following and following[0].name not in ctx.raw.tables:
        below.append(layout.table_places(sheet)[following[0].key].caption_row)
    stop = min(below) if below else raw_sheet.max_row + 1
    for row in range(ref.last_row + 1, stop):
        for col in range(ref.first_col, ref.last_col + 1):
            if not values.is_blank(raw_sheet.value(row, col)):
                ctx.add("row_outside_table", CellRef(ref.sheet, row, col), table=table.title)
                return


def _cell_value(ctx: Context, row: Row, column: Column) -> object:
    ref = row.cells.get(column.key)
    if ref is None:
        return None
    if column.kind is Kind.ECON_CODE:
        return _read_econ_code(ctx, ref, column.header)
    return read(ctx, ref, column.kind, column.header, column.required, column.choices, column.strict_choices)


def _read_econ_code(ctx: Context, ref: CellRef, label: str) -> str | None:
    raw_value = ctx.cell(ref)
    if values.is_blank(raw_value):
        ctx.add("required", ref, field=label)
        return None
    if (bad := values.cell_problem(raw_value)) is not None:
        ctx.add(bad[0], ref, field=label, **bad[1])
        return None
    code = code_from_cell(raw_value)
    shown = str(raw_value).strip()
    if code is None:
        ctx.add("econ_code_invalid", ref, value=shown)
    elif code in RETIRED:
        ctx.add("econ_code_retired", ref, code=code, why=RETIRED[code])
    elif lookup(code) is None:
        ctx.add("econ_code_unknown", ref, code=code)
    return code


def records(ctx: Context, sheet: Sheet, table: Table) -> list[tuple[Row, dict[str, object]]]:
    """The non-blank rows of a table, each cell read by its column's kind. A required list with no row
    is an error at the table's header."""
    found = [(row, {c.key: _cell_value(ctx, row, c) for c in table.columns}) for row in _table_rows(ctx, sheet, table)]
    if table.required and not found:
        ref = table_ref(ctx, sheet, table)
        ctx.add("list_required", CellRef(ref.sheet, ref.first_row, ref.first_col), table=table.title)
    return found


def fixed_records(ctx: Context, sheet: Sheet, table: Table, *,
                  optional: bool = False) -> dict[str, tuple[Row, dict[str, object]]]:
    """Rows of a fixed-row table, found by their label in the first column.

    Every row is used or named in an issue: an unknown label and a second row with the same label are
    errors at that row (a duplicate is never silently dropped). A missing label is an error unless the
    table is ``optional`` and has no amounts at all.
    """
    by_label = {label: key for key, label in table.fixed_rows}
    found: dict[str, tuple[Row, dict[str, object]]] = {}
    label_key = table.columns[0].key
    for row, rec in records(ctx, sheet, table):
        label = str(rec[label_key] or "")
        key = by_label.get(label)
        if key is None:
            ctx.add("unknown_row", row.cells.get(label_key), table=table.title, value=label)
        elif key in found:
            first = found[key][0].cells.get(label_key)
            ctx.add("row_duplicate", row.cells.get(label_key), table=table.title, row=label,
                    first=first.a1 if first else "")
        else:
            found[key] = (row, rec)
    ref = table_ref(ctx, sheet, table)
    for key, label in table.fixed_rows:
        if key not in found and not optional:
            ctx.add("row_missing", CellRef(ref.sheet, ref.first_row, ref.first_col), table=table.title, row=label)
    return found
