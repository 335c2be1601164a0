"""Rules on money beyond the 一般公共预算 table: income, the other books, projects, empty workbooks.

Amounts are compared exactly (in the workbook's own unit), never after 万元 rounding. Where two
entries describe the same money — a 政府性基金 project and the 政府性基金预算支出 line — they must
agree, and the error names both cells.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from selfeval_xl.core.model import BudgetLine, Issue, Model, Project, Severity
from selfeval_xl.core.numbers import fmt_percent, percent
from selfeval_xl.figures.compute import Results
from selfeval_xl.figures.funds import WHOLE_BUDGETS, general_total
from selfeval_xl.rules.budget import LOW_EXECUTION_PERCENT, Rule, differs, issue, money
from selfeval_xl.workbook import layout

ZERO = Decimal(0)


def check_income_adds_up(model: Model, results: Results) -> Iterator[Issue]:
    """收入合计 = Σ its parts; 财政拨款收入 = 一般公共预算 + 政府性基金 — when both sides are entered."""
    income = model.income
    for whole_key, part_keys in (("total", layout.INCOME_PARTS), ("fiscal", layout.INCOME_FISCAL_PARTS)):
        for column in ("amount", "previous"):
            whole = income.get(whole_key)
            whole_value = getattr(whole, column) if whole else None
            parts = [getattr(income[k], column) for k in part_keys if k in income]
            given = [v for v in parts if v is not None]
            if whole is None or whole_value is None or not given:
                continue
            expected = sum(given, ZERO)
            if differs(whole_value, expected):
                yield issue("income_mismatch", Severity.ERROR, whole.refs.get(column),
                            item=layout.INCOME_ITEM_NAMES[whole_key],
                            column="本年数" if column == "amount" else "上年数", stated=money(model, whole_value),
                            parts="、".join(layout.INCOME_ITEM_NAMES[k] for k in part_keys),
                            expected=money(model, expected), diff=money(model, whole_value - expected))


def check_not_all_zero(model: Model, results: Results) -> Iterator[Issue]:
    """A workbook whose spending is all zero (or empty) cannot make a report: an error, not 校验通过."""
    others = [f.amount for k, f in model.other_funds.items() if k in WHOLE_BUDGETS and f.has and f.amount]
    executed = general_total(model, "executed")
    if (executed is None or executed == 0) and not others:
        line = model.budget.get("total")
        yield issue("zero_spending", Severity.ERROR, line.refs.get("executed") if line else None)


def check_project_execution(model: Model, results: Results) -> Iterator[Issue]:
    """Each project: 执行数 above 预算数 needs a 说明 (error), a rate below 90% one too (提示)."""
    for project in model.projects:
        if project.adjusted is None or project.executed is None or project.adjusted == 0:
            continue
        if project.note.strip():
            continue
        where = project.refs.get("note") or project.refs.get("executed")
        if project.executed > project.adjusted:
            yield issue("project_over_budget", Severity.ERROR, where, name=project.name,
                        executed=money(model, project.executed), adjusted=money(model, project.adjusted))
        else:
            rate = percent(project.executed, project.adjusted)
            if rate is not None and rate < LOW_EXECUTION_PERCENT:
                yield issue("project_low_execution", Severity.WARNING, where, name=project.name,
                            rate=fmt_percent(rate), threshold=fmt_percent(LOW_EXECUTION_PERCENT))


def check_other_book_projects(model: Model, results: Results) -> Iterator[Issue]:
    """Projects paid from 政府性基金 / 国有资本经营 / 社会保险基金 add up to that book's spending line."""
    labels = dict(layout.OTHER_FUND_ROWS)
    for key in WHOLE_BUDGETS:
        projects = [p for p in model.projects if p.source == key]
        fund = model.other_funds.get(key)
        if not projects or fund is None:
            continue
        listed = sum((p.executed or ZERO for p in projects), ZERO)
        stated = fund.amount if fund.has else ZERO
        if stated is None or differs(stated, listed):
            params = {"item": labels[key], "stated": money(model, stated or ZERO), "listed": money(model, listed),
                      "projects": "、".join(p.name for p in projects)}
            yield issue("book_projects_mismatch", Severity.ERROR, fund.refs.get("amount"), **params)
            yield issue("book_projects_mismatch", Severity.ERROR, projects[0].refs.get("executed"), **params)


def check_carry_end(model: Model, results: Results) -> Iterator[Issue]:
    """年末结转和结余 cannot exceed what was left (全年预算数 − 全年执行数)."""
    lines: list[tuple[str, BudgetLine | Project]] = [(layout.BUDGET_ITEM_NAMES[k], line)
                                                     for k, line in model.budget.items()]
    lines += [(p.name, p) for p in model.projects]
    for name, line in lines:
        if line.carry_end is None or line.adjusted is None or line.executed is None:
            continue
        left = line.adjusted - line.executed
        if line.carry_end > left and line.carry_end > 0:
            yield issue("carry_end_too_large", Severity.WARNING, line.refs.get("carry_end"), item=name,
                        carry=money(model, line.carry_end), left=money(model, left))


MONEY_RULES: tuple[Rule, ...] = (
    check_income_adds_up,
    check_not_all_zero,
    check_project_execution,
    check_other_book_projects,
    check_carry_end,
)
