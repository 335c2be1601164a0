"""Raw blocks → typed model + issues. The only place cell values are interpreted.

Never raises for bad *content*: every cell that cannot be understood becomes an Issue at its cell
and the model carries None/"" there. It raises only when the book is not our template at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from selfeval_xl import layout, values
from selfeval_xl.cells import CellRef
from selfeval_xl.econ_codes import RETIRED, code_from_cell, lookup
from selfeval_xl.errors import NotOurTemplateError, TemplateVersionError
from selfeval_xl.layout import Column, Kind, Sheet, Table
from selfeval_xl.model import (
    BudgetLine,
    CellValue,
    EconItem,
    Indicator,
    Issue,
    Leader,
    Model,
    OtherFund,
    OutputFigure,
    OverallGoal,
    Problem,
    Project,
    RawBook,
    RawSheet,
    Refs,
    Severity,
    TableRef,
    TextItem,
    UnitInfo,
)

# Findings from values.* that are warnings; all others are errors.
WARNING_FINDINGS = frozenset({"number_as_text", "qualifier_in_number", "amount_precision"})


def check_template(raw: RawBook) -> None:
    """Raise unless ``raw`` comes from our template, in this version."""
    meta = raw.sheet(layout.META_SHEET)
    ident_ref = raw.names.get(layout.NAME_TEMPLATE_ID)
    version_ref = raw.names.get(layout.NAME_TEMPLATE_VERSION)
    if meta is None or ident_ref is None or version_ref is None:
        raise NotOurTemplateError(source=raw.source)
    ident = meta.value(ident_ref.row, ident_ref.col)
    if ident != layout.TEMPLATE_ID:
        raise NotOurTemplateError(source=raw.source)
    version = meta.value(version_ref.row, version_ref.col)
    if str(version) != layout.TEMPLATE_VERSION:
        raise TemplateVersionError(found=version, expected=layout.TEMPLATE_VERSION)


@dataclass
class _Context:
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


def _read(ctx: _Context, ref: CellRef, kind: Kind, label: str, required: bool,
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


def _field_ref(ctx: _Context, sheet: Sheet, fld: layout.Field) -> CellRef:
    ref = ctx.raw.names.get(fld.name)
    if ref is not None:
        return ref
    return CellRef(sheet.title, layout.field_rows(sheet)[fld.key], layout.VALUE_COL)


def _read_fields(ctx: _Context, sheet: Sheet) -> tuple[dict[str, object], list[tuple[str, CellRef]]]:
    got: dict[str, object] = {}
    refs = []
    for fld in sheet.fields:
        ref = _field_ref(ctx, sheet, fld)
        refs.append((fld.key, ref))
        got[fld.key] = _read(ctx, ref, fld.kind, fld.name, fld.required, fld.choices, fld.strict_choices)
    return got, refs


@dataclass(frozen=True)
class _Row:
    refs: Refs
    cells: dict[str, CellRef]


def _table_ref(ctx: _Context, sheet: Sheet, table: Table) -> TableRef:
    ref = ctx.raw.tables.get(table.name)
    if ref is not None:
        return ref
    place = layout.table_places(sheet)[table.key]
    return TableRef(sheet.title, place.header_row, place.first_col, place.last_row(),
                    place.first_col + len(table.columns) - 1)


def _table_rows(ctx: _Context, sheet: Sheet, table: Table) -> list[_Row]:
    """The non-blank data rows of a table, with each column located by its header text."""
    ref = _table_ref(ctx, sheet, table)
    raw_sheet = ctx.raw.sheet(ref.sheet)
    if raw_sheet is None:
        return []
    header_cols: dict[str, int] = {}
    for col in range(ref.first_col, ref.last_col + 1):
        header = raw_sheet.value(ref.first_row, col)
        if isinstance(header, str):
            header_cols.setdefault(header.strip(), col)
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
        rows.append(_Row(Refs(tuple(cells.items())), cells))
    _check_below(ctx, sheet, table, ref, raw_sheet)
    return rows


def _check_below(ctx: _Context, sheet: Sheet, table: Table, ref: TableRef, raw_sheet: RawSheet) -> None:
    """Values typed just under a table that did not grow with them would be silently ignored: say so."""
    following = sheet.tables[sheet.tables.index(table) + 1:]
    stop = raw_sheet.max_row + 1
    if following:
        nxt = ctx.raw.tables.get(following[0].name)
        stop = (nxt.first_row - 1) if nxt else layout.table_places(sheet)[following[0].key].caption_row
    for row in range(ref.last_row + 1, stop):
        for col in range(ref.first_col, ref.last_col + 1):
            if not values.is_blank(raw_sheet.value(row, col)):
                ctx.add("row_outside_table", CellRef(ref.sheet, row, col), table=table.title)
                return


def _cell_value(ctx: _Context, row: _Row, column: Column) -> object:
    ref = row.cells.get(column.key)
    if ref is None:
        return None
    if column.kind is Kind.ECON_CODE:
        return _read_econ_code(ctx, ref, column.header)
    return _read(ctx, ref, column.kind, column.header, column.required, column.choices, column.strict_choices)


def _read_econ_code(ctx: _Context, ref: CellRef, label: str) -> str | None:
    raw_value = ctx.cell(ref)
    if values.is_blank(raw_value):
        ctx.add("required", ref, field=label)
        return None
    if (err := values.excel_error(raw_value)) is not None:
        ctx.add("formula_error", ref, field=label, value=err)
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


def _records(ctx: _Context, sheet: Sheet, table: Table) -> list[tuple[_Row, dict[str, object]]]:
    return [(row, {c.key: _cell_value(ctx, row, c) for c in table.columns}) for row in _table_rows(ctx, sheet, table)]


def _fixed_records(ctx: _Context, sheet: Sheet, table: Table) -> dict[str, tuple[_Row, dict[str, object]]]:
    """Rows of a fixed-row table, found by their label in the first column."""
    by_label = {label: key for key, label in table.fixed_rows}
    found: dict[str, tuple[_Row, dict[str, object]]] = {}
    label_key = table.columns[0].key
    for row, rec in _records(ctx, sheet, table):
        label = str(rec[label_key] or "")
        key = by_label.get(label)
        if key is None:
            ctx.add("unknown_row", row.cells.get(label_key), table=table.title, value=label)
        elif key not in found:
            found[key] = (row, rec)
    ref = _table_ref(ctx, sheet, table)
    for key, label in table.fixed_rows:
        if key not in found:
            ctx.add("row_missing", CellRef(ref.sheet, ref.first_row, ref.first_col), table=table.title, row=label)
    return found


# ---- sheets → model parts ---------------------------------------------------------------------------


def _s(v: object) -> str:
    return v if isinstance(v, str) else ""


def _d(v: object) -> Decimal | None:
    return v if isinstance(v, Decimal) else None


def _i(v: object) -> int | None:
    return v if isinstance(v, int) and not isinstance(v, bool) else None


def _texts(ctx: _Context, sheet: Sheet, table: Table, key: str = "text") -> tuple[TextItem, ...]:
    return tuple(TextItem(_s(rec[key]), row.refs) for row, rec in _records(ctx, sheet, table))


def _parse_info(ctx: _Context) -> UnitInfo:
    sheet = layout.INFO
    # The amount unit decides how every amount is read, so it is read first.
    unit_field = next(f for f in sheet.fields if f.key == "amount_unit")
    unit_value = values.read_choice(ctx.cell(_field_ref(ctx, sheet, unit_field)), unit_field.choices, True)[0]
    ctx.unit = unit_value or "万元"
    got, refs = _read_fields(ctx, sheet)
    tables = {t.key: t for t in sheet.tables}
    leaders = tuple(Leader(_s(rec["title"]), _i(rec["count"]), row.refs)
                    for row, rec in _records(ctx, sheet, tables["leaders"]))
    founded = got["founded_on"]
    return UnitInfo(
        unit_name=_s(got["unit_name"]),
        short_name=_s(got["short_name"]) or _s(got["unit_name"]),
        year=_i(got["year"]),
        level=_s(got["level"]),
        amount_unit=ctx.unit,
        founded_on=founded if isinstance(founded, dt.date) else None,
        founding_way=_s(got["founding_way"]),
        affiliation=_s(got["affiliation"]),
        rank=_s(got["rank"]),
        nature=_s(got["nature"]),
        supervisor=_s(got["supervisor"]),
        staffing_kind=_s(got["staffing_kind"]),
        staffing=_i(got["staffing"]),
        staff_actual=_i(got["staff_actual"]),
        retired=_i(got["retired"]),
        body_word=_s(got["body_word"]) or "股室",
        body_count=_i(got["body_count"]),
        bodies=_texts(ctx, sheet, tables["bodies"], "name"),
        leaders=leaders,
        duties=_texts(ctx, sheet, tables["duties"]),
        goals=_texts(ctx, sheet, tables["goals"]),
        refs=Refs(tuple(refs)),
    )


def _parse_budget(ctx: _Context) -> dict[str, BudgetLine]:
    table = layout.BUDGET.tables[0]
    return {key: _amount_line(key, row, rec) for key, (row, rec) in _fixed_records(ctx, layout.BUDGET, table).items()}


def _amount_line(key: str, row: _Row, rec: dict[str, object]) -> BudgetLine:
    return BudgetLine(key, _d(rec["initial"]), _d(rec["adjusted"]), _d(rec["executed"]), _s(rec["note"]), row.refs)


def _parse_econ(ctx: _Context) -> tuple[EconItem, ...]:
    table = layout.ECON.tables[0]
    spending = {"基本支出": "basic", "项目支出": "project"}
    items = []
    for row, rec in _records(ctx, layout.ECON, table):
        code = rec["code"] if isinstance(rec["code"], str) else None
        items.append(EconItem(code, lookup(code) if code else None, _s(rec["display"]),
                              spending.get(_s(rec["spending"]), ""), _d(rec["amount"]), _s(rec["note"]), row.refs))
    return tuple(items)


def _parse_projects(ctx: _Context) -> tuple[tuple[Project, ...], str, list[tuple[str, CellRef]]]:
    got, refs = _read_fields(ctx, layout.PROJECTS)
    table = layout.PROJECTS.tables[0]
    projects = tuple(Project(_s(rec["name"]), _d(rec["adjusted"]), _d(rec["executed"]), _s(rec["use"]), row.refs)
                     for row, rec in _records(ctx, layout.PROJECTS, table))
    return projects, _s(got["use_summary"]), refs


def _parse_other(ctx: _Context) -> dict[str, OtherFund]:
    table = layout.OTHER.tables[0]
    funds = {}
    for key, (row, rec) in _fixed_records(ctx, layout.OTHER, table).items():
        has = {"有": True, "无": False}.get(_s(rec["has"]))
        funds[key] = OtherFund(key, has, _d(rec["amount"]), _s(rec["note"]), row.refs)
    return funds


def _parse_outputs(ctx: _Context, table: Table) -> tuple[OutputFigure, ...]:
    figures = []
    for row, rec in _records(ctx, layout.PERFORMANCE, table):
        quantity, inline_qualifier = rec["quantity"] if isinstance(rec["quantity"], tuple) else (None, "")
        target = rec["target"][0] if isinstance(rec["target"], tuple) else None
        figures.append(OutputFigure(_s(rec["what"]), quantity, _s(rec["unit"]),
                                    _s(rec["qualifier"]) or inline_qualifier, target, _s(rec["reason"]), row.refs))
    return tuple(figures)


def _parse_indicators(ctx: _Context) -> tuple[dict[str, object], list[tuple[str, CellRef]], dict[str, BudgetLine],
                                                 tuple[OverallGoal, ...], tuple[Indicator, ...]]:
    sheet = layout.INDICATORS
    got, refs = _read_fields(ctx, sheet)
    tables = {t.key: t for t in sheet.tables}
    funds = {
        key: _amount_line(key, row, rec) for key, (row, rec) in _fixed_records(ctx, sheet, tables["money"]).items()
    }
    goals = tuple(OverallGoal(_s(rec["expected"]), _s(rec["actual"]), row.refs)
                  for row, rec in _records(ctx, sheet, tables["overall_goals"]))
    indicators = []
    for row, rec in _records(ctx, sheet, tables["indicators"]):
        target, target_text = _pair(rec["target"])
        actual, actual_text = _pair(rec["actual"])
        indicators.append(Indicator(
            level1=_s(rec["level1"]), level2=_s(rec["level2"]), name=_s(rec["name"]), direction=_s(rec["direction"]),
            unit=_s(rec["unit"]), target=target, target_text=target_text, actual=actual, actual_text=actual_text,
            rating=_s(rec["rating"]), weight=_first(rec["weight"]), manual=_first(rec["manual"]),
            reason=_s(rec["reason"]), refs=row.refs,
        ))
    return got, refs, funds, goals, tuple(indicators)


def _pair(value: object) -> tuple[Decimal | None, str]:
    if isinstance(value, tuple) and len(value) == 2:
        number, text = value
        return (number if isinstance(number, Decimal) else None), (text if isinstance(text, str) else "")
    return None, ""


def _first(value: object) -> Decimal | None:
    """The number of a NUMBER cell, read as (number, qualifier)."""
    return value[0] if isinstance(value, tuple) and isinstance(value[0], Decimal) else None


def parse_book(raw: RawBook) -> tuple[Model, list[Issue]]:
    """Check the template, then map every input sheet to the model, collecting issues."""
    check_template(raw)
    ctx = _Context(raw)
    for sheet in layout.SHEETS:
        if raw.sheet(sheet.title) is None:
            ctx.add("sheet_missing", None, sheet=sheet.title)
    info = _parse_info(ctx)
    budget = _parse_budget(ctx)
    econ_items = _parse_econ(ctx)
    projects, use_summary, project_refs = _parse_projects(ctx)
    other = _parse_other(ctx)
    perf_fields, perf_refs = _read_fields(ctx, layout.PERFORMANCE)
    perf_tables = {t.key: t for t in layout.PERFORMANCE.tables}
    paragraphs = _texts(ctx, layout.PERFORMANCE, perf_tables["paragraphs"])
    outputs = _parse_outputs(ctx, perf_tables["outputs"])
    scoring_fields, scoring_refs, funds, overall_goals, indicators = _parse_indicators(ctx)
    measure_fields, measure_refs = _read_fields(ctx, layout.MEASURES)
    measure_tables = {t.key: t for t in layout.MEASURES.tables}
    problems = tuple(Problem(_s(rec["problem"]), _s(rec["cause"]), row.refs)
                     for row, rec in _records(ctx, layout.MEASURES, measure_tables["problems"]))
    measures = _texts(ctx, layout.MEASURES, measure_tables["measures"])
    as_of = perf_fields["output_as_of"]
    model = Model(
        info=info,
        budget=budget,
        econ_items=econ_items,
        projects=projects,
        project_use_summary=use_summary,
        other_funds=other,
        output_intro=_s(perf_fields["output_intro"]),
        output_as_of=as_of if isinstance(as_of, dt.date) else None,
        paragraphs=paragraphs,
        outputs=outputs,
        problems=problems,
        measures=measures,
        application=_s(measure_fields["application"]),
        other_notes=_s(measure_fields["other_notes"]),
        refs=Refs(tuple(project_refs + perf_refs + scoring_refs + measure_refs)),
        scoring_preset=_s(scoring_fields["preset"]),
        over_factor=_first(scoring_fields["over_factor"]),
        funds=funds,
        overall_goals=overall_goals,
        indicators=indicators,
    )
    return model, ctx.issues
