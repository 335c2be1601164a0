"""Raw blocks → typed model + issues. The only place cell values are interpreted.

Never raises for bad *content*: every cell that cannot be understood becomes an Issue at its cell
and the model carries None/"" there. It raises only when the book is not our template at all.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from selfeval_xl.core import values
from selfeval_xl.core.cells import CellRef
from selfeval_xl.core.econ_codes import lookup
from selfeval_xl.core.errors import NotOurTemplateError, TemplateVersionError
from selfeval_xl.core.model import (
    BudgetLine,
    EconItem,
    IncomeLine,
    Indicator,
    Issue,
    Leader,
    Model,
    OtherFund,
    OutputFigure,
    OverallGoal,
    Problem,
    Project,
    ProjectEval,
    ProjectFundRow,
    RawBook,
    Refs,
    TextItem,
    UnitInfo,
)
from selfeval_xl.workbook import layout
from selfeval_xl.workbook.fields import Context, Row, field_ref, fixed_records, read_fields, records
from selfeval_xl.workbook.layout import Sheet, Table

MAX_UNIT_NAME = 100  # characters; the longest real names are about 40


# Findings from values.* that are warnings; all others are errors.
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
    version = str(meta.value(version_ref.row, version_ref.col))
    if version in layout.PREVIOUS_VERSIONS:
        raise TemplateVersionError("template_old", found=version, expected=layout.TEMPLATE_VERSION, path=raw.source)
    if version != layout.TEMPLATE_VERSION:
        raise TemplateVersionError(found=version, expected=layout.TEMPLATE_VERSION, path=raw.source)


# ---- sheets → model parts ---------------------------------------------------------------------------


def _s(v: object) -> str:
    return v if isinstance(v, str) else ""


def _d(v: object) -> Decimal | None:
    return v if isinstance(v, Decimal) else None


def _i(v: object) -> int | None:
    return v if isinstance(v, int) and not isinstance(v, bool) else None


def _texts(ctx: Context, sheet: Sheet, table: Table, key: str = "text") -> tuple[TextItem, ...]:
    return tuple(TextItem(_s(rec[key]), row.refs) for row, rec in records(ctx, sheet, table))


def _parse_info(ctx: Context) -> UnitInfo:
    sheet = layout.INFO
    # The amount unit decides how every amount is read, so it is read first.
    unit_field = next(f for f in sheet.fields if f.key == "amount_unit")
    unit_value = values.read_choice(ctx.cell(field_ref(ctx, sheet, unit_field)), unit_field.choices, True)[0]
    ctx.unit = unit_value or "万元"
    got, refs = read_fields(ctx, sheet)
    if len(_s(got["unit_name"])) > MAX_UNIT_NAME:  # a paste gone wrong; it would not fit a file name or title
        ctx.add("unit_name_too_long", dict(refs)["unit_name"], length=len(_s(got["unit_name"])), limit=MAX_UNIT_NAME)
    tables = {t.key: t for t in sheet.tables}
    leaders = tuple(Leader(_s(rec["title"]), _i(rec["count"]), row.refs)
                    for row, rec in records(ctx, sheet, tables["leaders"]))
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
        retired_early=_i(got["retired_early"]),
        body_word=_s(got["body_word"]) or "股室",
        body_count=_i(got["body_count"]),
        bodies=_texts(ctx, sheet, tables["bodies"], "name"),
        leaders=leaders,
        duties=_texts(ctx, sheet, tables["duties"]),
        goals=_texts(ctx, sheet, tables["goals"]),
        refs=Refs(tuple(refs)),
    )


def _table(sheet: Sheet, key: str) -> Table:
    return next(t for t in sheet.tables if t.key == key)


def _parse_budget(ctx: Context) -> dict[str, BudgetLine]:
    table = _table(layout.BUDGET, "general")
    return {key: _amount_line(key, row, rec) for key, (row, rec) in fixed_records(ctx, layout.BUDGET, table).items()}


def _parse_income(ctx: Context) -> dict[str, IncomeLine]:
    table = _table(layout.BUDGET, "income")
    return {key: IncomeLine(key, _d(rec["amount"]), _d(rec["previous"]), _s(rec["note"]), row.refs)
            for key, (row, rec) in fixed_records(ctx, layout.BUDGET, table, optional=True).items()}


def _amount_line(key: str, row: Row, rec: dict[str, object]) -> BudgetLine:
    return BudgetLine(key, _d(rec["initial"]), _d(rec["adjusted"]), _d(rec["executed"]), _s(rec["note"]), row.refs,
                      carry_end=_d(rec.get("carry_end")), previous=_d(rec.get("previous")))


def _parse_econ(ctx: Context) -> tuple[EconItem, ...]:
    table = _table(layout.ECON, "items")
    spending = {"基本支出": "basic", "项目支出": "project"}
    items = []
    for row, rec in records(ctx, layout.ECON, table):
        code = rec["code"] if isinstance(rec["code"], str) else None
        items.append(EconItem(code, lookup(code) if code else None, _s(rec["display"]),
                              spending.get(_s(rec["spending"]), ""), _d(rec["amount"]), _s(rec["note"]), row.refs))
    return tuple(items)


def _parse_projects(ctx: Context) -> tuple[tuple[Project, ...], str, list[tuple[str, CellRef]]]:
    got, refs = read_fields(ctx, layout.PROJECTS)
    table = _table(layout.PROJECTS, "projects")
    sources = dict(zip(layout.FUND_SOURCES, ("general", "gov_fund", "soe_capital", "social_insurance"), strict=True))
    projects = tuple(Project(_s(rec["name"]), _d(rec["adjusted"]), _d(rec["executed"]), _s(rec["use"]), row.refs,
                             source=sources.get(_s(rec["source"]), "general"), carry_in=_d(rec["carry_in"]),
                             carry_end=_d(rec["carry_end"]), note=_s(rec["note"]))
                     for row, rec in records(ctx, layout.PROJECTS, table))
    return projects, _s(got["use_summary"]), refs


def _parse_other(ctx: Context) -> dict[str, OtherFund]:
    table = _table(layout.OTHER, "funds")
    funds = {}
    for key, (row, rec) in fixed_records(ctx, layout.OTHER, table).items():
        has = {"有": True, "无": False}.get(_s(rec["has"]))
        funds[key] = OtherFund(key, has, _d(rec["amount"]), _s(rec["note"]), row.refs,
                               initial=_d(rec["initial"]), adjusted=_d(rec["adjusted"]))
    return funds


def _parse_outputs(ctx: Context, table: Table) -> tuple[OutputFigure, ...]:
    figures = []
    for row, rec in records(ctx, layout.PERFORMANCE, table):
        quantity, inline_qualifier = rec["quantity"] if isinstance(rec["quantity"], tuple) else (None, "")
        target = rec["target"][0] if isinstance(rec["target"], tuple) else None
        figures.append(OutputFigure(_s(rec["what"]), quantity, _s(rec["unit"]),
                                    _s(rec["qualifier"]) or inline_qualifier, target, _s(rec["reason"]), row.refs))
    return tuple(figures)


def _parse_indicators(ctx: Context) -> tuple[dict[str, object], list[tuple[str, CellRef]], dict[str, BudgetLine],
                                                 tuple[OverallGoal, ...], tuple[Indicator, ...]]:
    sheet, moved = layout.INDICATORS, layout.FUNDS_GOALS  # 资金情况 and 总体目标 (in 绩效指标 before 2026.3's split)
    got, refs = read_fields(ctx, sheet)
    tables = {t.key: t for t in (*sheet.tables, *moved.tables)}
    funds = {
        key: _amount_line(key, row, rec) for key, (row, rec) in fixed_records(ctx, moved, tables["money"]).items()
    }
    goals = tuple(OverallGoal(_s(rec["expected"]), _s(rec["actual"]), row.refs)
                  for row, rec in records(ctx, moved, tables["overall_goals"]))
    indicators = tuple(_indicator(ctx, row, rec) for row, rec in records(ctx, sheet, tables["indicators"]))
    return got, refs, funds, goals, indicators


def _indicator(ctx: Context, row: Row, rec: dict[str, object]) -> Indicator:
    target, target_text, target_pct = _indicator_value(ctx, row, "target", rec["target"])
    actual, actual_text, actual_pct = _indicator_value(ctx, row, "actual", rec["actual"])
    unit = _s(rec["unit"]) or ("%" if target_pct or actual_pct else "")
    return Indicator(
        level1=_s(rec["level1"]), level2=_s(rec["level2"]), name=_s(rec["name"]), direction=_s(rec["direction"]),
        unit=unit, target=target, target_text=target_text, actual=actual, actual_text=actual_text,
        rating=_s(rec["rating"]), weight=_first(rec["weight"]), manual=_first(rec["manual"]),
        reason=_s(rec["reason"]), refs=row.refs,
    )


@dataclass
class _Gathered:
    """One project's rows while 项目自评 and 项目指标 are read."""

    refs: Refs
    info: dict[str, object] = field(default_factory=dict)
    funds: list[ProjectFundRow] = field(default_factory=list)
    goals: list[OverallGoal] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)


PROJECT_TEXTS = ("department", "implementer", "overview", "work", "experience", "problems", "suggestions", "other")


def _parse_project_evals(ctx: Context) -> tuple[ProjectEval, ...]:
    """Rows of 项目自评 and 项目指标 grouped by 项目名称, in the order the workbook first names each project."""
    sheet, indicator_sheet = layout.PROJECT_EVAL, layout.PROJECT_INDICATORS
    tables = {t.key: t for t in sheet.tables}
    parts: dict[str, _Gathered] = {}  # insertion order: the order the workbook first names each project

    def group(rec: dict[str, object], row: Row) -> _Gathered | None:
        name = _s(rec["project"]).strip()
        if not name:
            return None  # the required-cell message is already at the cell
        return parts.setdefault(name, _Gathered(row.refs))

    for row, rec in records(ctx, sheet, tables["project_info"]):
        found = group(rec, row)
        if found is None:
            continue
        if found.info:
            first = found.refs.get("project")
            ctx.add("row_duplicate", row.cells.get("project"), table=tables["project_info"].title,
                    row=_s(rec["project"]).strip(), first=first.a1 if first else "")
            continue
        found.info, found.refs = rec, row.refs
    fund_keys = {label: key for key, label in layout.PROJECT_FUND_ITEMS}
    for row, rec in records(ctx, sheet, tables["project_funds"]):
        found = group(rec, row)
        key = fund_keys.get(_s(rec["item"]))
        if found is not None and key is not None:
            found.funds.append(ProjectFundRow(key, _d(rec["initial"]), _d(rec["adjusted"]), _d(rec["executed"]),
                                              _s(rec["note"]), row.refs))
    for row, rec in records(ctx, sheet, tables["project_goals"]):
        if (found := group(rec, row)) is not None:
            found.goals.append(OverallGoal(_s(rec["expected"]), _s(rec["actual"]), row.refs))
    for row, rec in records(ctx, indicator_sheet, indicator_sheet.tables[0]):
        if (found := group(rec, row)) is not None:
            found.indicators.append(_indicator(ctx, row, rec))
    return tuple(
        ProjectEval(name, got.refs, **{key: _s(got.info.get(key)) for key in PROJECT_TEXTS},
                    funds=tuple(got.funds), goals=tuple(got.goals), indicators=tuple(got.indicators))
        for name, got in parts.items())


def _indicator_value(ctx: Context, row: Row, key: str, value: object) -> tuple[Decimal | None, str, bool]:
    """An indicator value with whether it was typed as a percentage: "98%" text, or a percent-formatted
    cell (Excel stores 98% as 0.98: scaled back to 98 so that 年度指标值 90 and 实际完成值 98% compare)."""
    number, text = _pair(value)
    ref = row.cells.get(key)
    if ref is None:
        return number, text, False
    raw_sheet = ctx.raw.sheet(ref.sheet)
    raw_value = ctx.cell(ref)
    if number is not None and raw_sheet is not None and (ref.row, ref.col) in raw_sheet.percent_cells:
        return number * 100, text, True
    typed_percent = isinstance(raw_value, str) and unicodedata.normalize("NFKC", raw_value).strip().endswith("%")
    return number, text, typed_percent and number is not None


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
    ctx = Context(raw)
    for sheet in layout.SHEETS:
        # missing only when its lists are nowhere either (an earlier layout kept 资金与目标's lists in 绩效指标)
        elsewhere = bool(sheet.tables) and all(t.name in raw.tables for t in sheet.tables)
        if raw.sheet(sheet.title) is None and not sheet.optional and not elsewhere:
            ctx.add("sheet_missing", None, sheet=sheet.title)
    for raw_sheet in raw.sheets:  # data the reader left unread is named, never dropped silently
        for over in raw_sheet.overflow:
            ctx.add(f"{over.axis}_past_limit", CellRef(raw_sheet.title, over.row, over.col),
                    sheet=raw_sheet.title, limit=over.limit)
    info = _parse_info(ctx)
    income = _parse_income(ctx)
    budget = _parse_budget(ctx)
    econ_items = _parse_econ(ctx)
    projects, use_summary, project_refs = _parse_projects(ctx)
    other = _parse_other(ctx)
    perf_fields, perf_refs = read_fields(ctx, layout.PERFORMANCE)
    perf_tables = {t.key: t for t in layout.PERFORMANCE.tables}
    paragraphs = _texts(ctx, layout.PERFORMANCE, perf_tables["paragraphs"])
    outputs = _parse_outputs(ctx, perf_tables["outputs"])
    scoring_fields, scoring_refs, funds, overall_goals, indicators = _parse_indicators(ctx)
    measure_fields, measure_refs = read_fields(ctx, layout.MEASURES)
    measure_tables = {t.key: t for t in layout.MEASURES.tables}
    problems = tuple(Problem(_s(rec["problem"]), _s(rec["cause"]), row.refs)
                     for row, rec in records(ctx, layout.MEASURES, measure_tables["problems"]))
    measures = _texts(ctx, layout.MEASURES, measure_tables["measures"])
    project_evals = _parse_project_evals(ctx)
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
        income=income,
        outline=_s(measure_fields["outline"]),
        basis=_s(measure_fields["basis"]),
        project_evals=project_evals,
    )
    return model, ctx.issues
