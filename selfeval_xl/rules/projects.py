"""Rules of each project's 项目支出绩效自评 (项目自评 and 项目指标 sheets). Model + figures → issues.

The project is the one of the same name in 项目支出; its typed funds must add up to that row (one
amount, one truth); its indicators obey the same rules as the 部门整体 自评表's, at their own cells.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from decimal import Decimal

from selfeval_xl.core.model import Issue, Model, Refs, Severity
from selfeval_xl.figures.projects import ProjectFigures
from selfeval_xl.rules.budget import issue, money, run_guarded
from selfeval_xl.rules.scoring import (
    check_deviation_reasons,
    check_indicator_values,
    check_level2,
    check_manual_scores,
    check_percent_entries,
    check_weights,
)
from selfeval_xl.workbook import layout

INDICATOR_RULES = (check_level2, check_weights, check_indicator_values, check_manual_scores, check_deviation_reasons,
                   check_percent_entries)
FUND_LABELS = dict(layout.PROJECT_FUND_ITEMS)


def check_project_known(model: Model, figures: ProjectFigures) -> Iterator[Issue]:
    if figures.project is None:
        where = figures.evaluation.refs.get("project")
        if model.projects:
            yield issue("project_eval_unknown", Severity.ERROR, where, name=figures.name,
                        known="、".join(p.name for p in model.projects[:8]))
        else:
            yield issue("project_eval_no_projects", Severity.ERROR, where, name=figures.name)


def check_project_funds(model: Model, figures: ProjectFigures) -> Iterator[Issue]:
    evaluation, project = figures.evaluation, figures.project
    seen: dict[str, str] = {}
    for row in evaluation.funds:
        where = row.refs.get("item")
        if row.key in seen:
            yield issue("project_fund_duplicate", Severity.ERROR, where, name=figures.name, item=FUND_LABELS[row.key],
                        first=seen[row.key])
        else:
            seen[row.key] = where.a1 if where else ""
    if project is None or not evaluation.funds:
        return
    total = figures.funds["total"]
    first = evaluation.funds[0].refs
    for column, label in (("executed", "全年执行数"), ("adjusted", "全年预算数")):
        typed: Decimal | None = total.value(column)
        listed: Decimal | None = getattr(project, column)
        if typed is not None and listed is not None and typed != listed:
            yield issue("project_funds_mismatch", Severity.ERROR, first.get(column), name=figures.name, column=label,
                        typed=money(model, typed), listed=money(model, listed))


def check_project_content(model: Model, figures: ProjectFigures) -> Iterator[Issue]:
    evaluation = figures.evaluation
    where = evaluation.refs.get("project")
    if not evaluation.indicators:
        yield issue("project_eval_no_indicators", Severity.WARNING, where, name=figures.name)
    elif not evaluation.goals:
        yield issue("project_goals_missing", Severity.WARNING, where, name=figures.name)


def check_project_indicators(model: Model, figures: ProjectFigures) -> Iterator[Issue]:
    """The 自评表 rules on this project's indicators, as if they were the department's: each issue is at
    the project's own cells (the 分值 total at its first indicator's 分值)."""
    if figures.scoring is None:
        return
    first = figures.evaluation.indicators[0].refs.get("weight")
    as_model = replace(model, indicators=figures.evaluation.indicators,
                       refs=Refs((("preset", first),)) if first else Refs())
    yield from run_guarded(INDICATOR_RULES, as_model, figures.scoring)


PROJECT_RULES = (check_project_known, check_project_funds, check_project_content, check_project_indicators)


def run_project_rules(model: Model, projects: Sequence[ProjectFigures]) -> list[Issue]:
    found: list[Issue] = []
    for figures in projects:
        found.extend(run_guarded(PROJECT_RULES, model, figures))
    return found
