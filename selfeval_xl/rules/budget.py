"""Business rules: model + results → issues. A plain tuple of functions, each independent.

``run_rules`` calls every rule; a rule that raises becomes one ``internal_error`` issue naming the
rule, and the others still run. Rules never decide anything: they only report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import TypeVar

from selfeval_xl.core.cells import CellRef
from selfeval_xl.core.model import BudgetLine, Issue, Model, Severity
from selfeval_xl.core.numbers import CENT, fmt_in_unit, fmt_percent, fmt_quantity
from selfeval_xl.figures.compute import Results
from selfeval_xl.workbook import layout

Rule = Callable[[Model, Results], Iterator[Issue]]
T = TypeVar("T")

LOW_EXECUTION_PERCENT = Decimal(90)  # 执行率低于此值需说明原因 (Sichuan rule, common practice)
PUBLIC_SHARE_WARN_PERCENT = Decimal(50)  # 公用经费占基本支出比例高于此值提示核实


def issue(code: str, severity: Severity, where: CellRef | None, /, **params: object) -> Issue:
    return Issue(code, severity, where, tuple((k, str(v)) for k, v in sorted(params.items())))


def _label(key: str) -> str:
    return layout.BUDGET_ITEM_NAMES[key]


def money(model: Model, value: Decimal) -> str:
    """An amount for a message, exactly, in the workbook's own unit (元 or 万元)."""
    return f"{fmt_in_unit(value, model.info.amount_unit)} {model.info.amount_unit}"


def differs(a: Decimal, b: Decimal) -> bool:
    """Not exactly equal. Amounts are exact (a 元 workbook is converted exactly), so a workbook is checked
    in its own unit and a rounding remainder of 万元 presentation never blocks a report."""
    return a != b


_COLUMN_LABEL = {"initial": "年初预算数", "adjusted": "全年预算数", "executed": "全年执行数"}


def check_totals_reconcile(model: Model, results: Results) -> Iterator[Issue]:
    """合计 = 基本支出 + 项目支出 and 基本支出 = 人员经费 + 公用经费, in every amount column."""
    b = model.budget
    pairs = (("total", ("basic", "project")), ("basic", ("personnel", "public")))
    for whole_key, part_keys in pairs:
        whole = b.get(whole_key)
        parts = [b.get(k) for k in part_keys]
        if whole is None or any(p is None for p in parts):
            continue
        for column in ("initial", "adjusted", "executed"):
            whole_value = getattr(whole, column)
            part_values = [getattr(p, column) for p in parts if p is not None]
            if whole_value is None or any(v is None for v in part_values):
                continue
            total = sum(part_values, Decimal(0))
            if differs(whole_value, total):
                yield issue("sum_mismatch", Severity.ERROR, whole.refs.get(column),
                            item=_label(whole_key), column=_COLUMN_LABEL[column], stated=money(model, whole_value),
                            parts="、".join(_label(k) for k in part_keys), expected=money(model, total),
                            diff=money(model, whole_value - total))


def check_detail_matches_summary(model: Model, results: Results) -> Iterator[Issue]:
    """经济分类明细 adds up to 人员经费 / 公用经费 / 项目支出 执行数."""
    if not model.econ_items:
        yield issue("detail_empty", Severity.WARNING, None)
        return
    for key, detail in (("personnel", results.detail_personnel), ("public", results.detail_public),
                        ("project", results.detail_project)):
        line = model.budget.get(key)
        if line is None or line.executed is None:
            continue
        if differs(line.executed, detail):
            yield issue("detail_mismatch", Severity.ERROR, line.refs.get("executed"), item=_label(key),
                        stated=money(model, line.executed), detail=money(model, detail), diff=money(model, line.executed - detail))


def check_projects_match(model: Model, results: Results) -> Iterator[Issue]:
    line = model.budget.get("project")
    if line is None or line.executed is None:
        return
    if not model.projects:
        if line.executed != 0:
            yield issue("projects_empty", Severity.ERROR, line.refs.get("executed"), stated=money(model, line.executed))
        return
    if differs(line.executed, results.projects_total):
        yield issue("projects_mismatch", Severity.ERROR, line.refs.get("executed"),
                    stated=money(model, line.executed), listed=money(model, results.projects_total),
                    diff=money(model, line.executed - results.projects_total))


def _execution_lines(model: Model) -> Iterator[BudgetLine]:
    for key, _ in layout.BUDGET_ROWS:
        line = model.budget.get(key)
        if line is not None and line.adjusted is not None and line.executed is not None:
            yield line


def check_execution(model: Model, results: Results) -> Iterator[Issue]:
    """执行数 > 预算数 is an error unless explained; 执行率 < 90% needs an explanation (warning)."""
    for line in _execution_lines(model):
        assert line.adjusted is not None and line.executed is not None
        explained = bool(line.note.strip())
        if line.executed > line.adjusted and not explained:
            yield issue("over_budget", Severity.ERROR, line.refs.get("executed"), item=_label(line.key),
                        executed=money(model, line.executed), adjusted=money(model, line.adjusted))
        rate = results.rate(line.key)
        if rate and rate.rate is not None and rate.rate < LOW_EXECUTION_PERCENT and not explained:
            yield issue("low_execution", Severity.WARNING, line.refs.get("note"), item=_label(line.key),
                        rate=fmt_percent(rate.rate), threshold=fmt_percent(LOW_EXECUTION_PERCENT))


def check_other_funds(model: Model, results: Results) -> Iterator[Issue]:
    labels = dict(layout.OTHER_FUND_ROWS)
    for key, fund in model.other_funds.items():
        amount = fund.amount or Decimal(0)
        if fund.has is True and amount <= 0 and not fund.note:
            yield issue("fund_amount_missing", Severity.ERROR, fund.refs.get("amount"), item=labels[key])
        if fund.has is False and amount > 0:
            yield issue("fund_amount_but_none", Severity.ERROR, fund.refs.get("has"), item=labels[key],
                        amount=money(model, amount))


def check_body_count(model: Model, results: Results) -> Iterator[Issue]:
    info = model.info
    listed = len(info.bodies)
    if info.body_count is not None and info.body_count != listed:
        yield issue("count_mismatch", Severity.ERROR, info.refs.get("body_count"), field="内设机构数",
                    stated=info.body_count, listed=listed, table="内设机构")


def check_staffing(model: Model, results: Results) -> Iterator[Issue]:
    info = model.info
    if info.staffing is not None and info.staff_actual is not None and info.staff_actual > info.staffing:
        yield issue("over_staffing", Severity.WARNING, info.refs.get("staff_actual"),
                    actual=info.staff_actual, staffing=info.staffing)


def check_public_share(model: Model, results: Results) -> Iterator[Issue]:
    line = model.budget.get("public")
    if results.public_share is not None and results.public_share > PUBLIC_SHARE_WARN_PERCENT and line:
        yield issue("public_share_high", Severity.WARNING, line.refs.get("executed"),
                    share=fmt_percent(results.public_share), threshold=fmt_percent(PUBLIC_SHARE_WARN_PERCENT))


def check_outputs(model: Model, results: Results) -> Iterator[Issue]:
    for fig in model.outputs:
        if fig.target is None or fig.quantity is None:
            continue
        if fig.quantity < fig.target and not fig.reason.strip():
            yield issue("output_below_target", Severity.WARNING, fig.refs.get("reason"), what=fig.what,
                        quantity=fmt_quantity(fig.quantity), target=fmt_quantity(fig.target), unit=fig.unit)


def check_duplicate_codes(model: Model, results: Results) -> Iterator[Issue]:
    seen: dict[tuple[str, str], int] = {}
    for item in model.econ_items:
        if item.code is None or not item.spending:
            continue
        key = (item.code, item.spending)
        if key in seen:
            yield issue("duplicate_code", Severity.WARNING, item.refs.get("code"), code=item.code, first_row=seen[key])
        else:
            seen[key] = item.refs.row


def check_performance_present(model: Model, results: Results) -> Iterator[Issue]:
    """Section 六 needs 绩效概述 or 产出数据 (主要职责, 绩效目标 and 改进措施 are required lists: parse)."""
    if model.paragraphs or model.outputs:
        return
    place = layout.table_places(layout.PERFORMANCE)["paragraphs"]
    yield issue("performance_empty", Severity.ERROR,
                CellRef(layout.PERFORMANCE.title, place.header_row, place.first_col))


def check_dates(model: Model, results: Results) -> Iterator[Issue]:
    year = model.info.year
    if year is None:
        return
    founded = model.info.founded_on
    if founded is not None and founded.year > year:
        yield issue("founded_after_year", Severity.WARNING, model.info.refs.get("founded_on"),
                    date=founded.isoformat(), year=year)
    as_of = model.output_as_of
    if as_of is not None and as_of.year not in (year, year + 1):
        yield issue("year_mismatch", Severity.WARNING, model.refs.get("output_as_of"), field="产出统计截止日期",
                    value=as_of.isoformat(), year=year)


def _money_rules() -> tuple[Rule, ...]:
    from selfeval_xl.rules.money import MONEY_RULES

    return MONEY_RULES


def _free_text(model: Model, results: Results) -> Iterator[Issue]:
    from selfeval_xl.rules.text import check_free_text  # the auditor's core, imported only when checking

    yield from check_free_text(model, results)


RULES: tuple[Rule, ...] = (
    check_totals_reconcile,
    check_detail_matches_summary,
    check_projects_match,
    check_execution,
    check_other_funds,
    check_body_count,
    check_staffing,
    check_public_share,
    check_outputs,
    check_duplicate_codes,
    check_performance_present,
    check_dates,
    _free_text,
)
RULES = (*RULES, *_money_rules())


def run_guarded(rules: Sequence[Callable[[Model, T], Iterable[Issue]]], model: Model, computed: T) -> list[Issue]:
    """Run every rule; one that raises becomes an ``internal_error`` issue naming it, the rest still run."""
    found: list[Issue] = []
    for rule in rules:
        try:
            found.extend(rule(model, computed))
        except Exception as exc:  # one broken rule must not hide the others
            found.append(issue("internal_error", Severity.ERROR, None, rule=rule.__name__,
                               error=f"{type(exc).__name__}: {exc}"))
    return found


def run_rules(model: Model, results: Results, rules: tuple[Rule, ...] = RULES) -> list[Issue]:
    return run_guarded(rules, model, results)


__all__ = ["CENT", "RULES", "Rule", "run_guarded", "run_rules"]
