"""Next year's workbook from last year's (``selfeval new-year``). Pure: a Model → template data.

Carried over: the unit's information, 内设机构, 领导职数, 主要职责, 年度绩效目标, the 经济分类 items (codes,
names, 支出类型), projects (names and uses), the 绩效指标 and 项目指标 (levels, names, directions, units,
年度指标值, 分值), the 总体目标 and project goals (预期目标), the choices (评分方案, 报告提纲). Cleared: every
amount of this year, 实际完成值, 定性评价, 自评得分, 偏差原因, 说明, the 绩效概述, 产出, 问题 and 措施. Kept
for 同比: last year's 全年执行数 of each 预算支出 line becomes this year's 上年执行数, and last year's 收入
its 上年数 — so the report states the changes without ``--previous``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from selfeval_xl.core.model import Indicator, Model
from selfeval_xl.workbook import layout

TEN_THOUSAND = Decimal(10000)


def _in_unit(value: Decimal | None, unit: str) -> Decimal | None:
    """An amount of the model (万元) in the workbook's own unit, exactly."""
    if value is None:
        return None
    return (value * TEN_THOUSAND).normalize() if unit == "元" else value


def _indicator(ind: Indicator) -> dict[str, Any]:
    target: Any = ind.target if ind.target is not None else ind.target_text
    if ind.target is not None and ind.unit == "%" and ind.target_text == "":
        target = ind.target
    row = {"level1": ind.level1, "level2": ind.level2, "name": ind.name, "direction": ind.direction, "unit": ind.unit,
           "target": target, "weight": ind.weight}
    return {k: v for k, v in row.items() if v not in (None, "")}


def next_year_data(model: Model) -> dict[str, Any]:
    """The template data of the workbook for ``model.info.year + 1``."""
    info, unit = model.info, model.info.amount_unit
    year = info.year + 1 if info.year is not None else None
    fields = {"unit_name": info.unit_name, "short_name": info.short_name, "year": year, "level": info.level,
              "amount_unit": unit, "founded_on": info.founded_on, "founding_way": info.founding_way,
              "affiliation": info.affiliation, "rank": info.rank, "nature": info.nature,
              "supervisor": info.supervisor, "staffing_kind": info.staffing_kind, "staffing": info.staffing,
              "staff_actual": info.staff_actual, "retired": info.retired, "retired_early": info.retired_early,
              "body_word": info.body_word, "body_count": info.body_count, "preset": model.scoring_preset,
              "over_factor": model.over_factor, "outline": model.outline, "use_summary": ""}
    tables: dict[str, list[dict[str, Any]]] = {
        "bodies": [{"name": b.text} for b in info.bodies],
        "leaders": [{"title": leader.title, "count": leader.count} for leader in info.leaders],
        "duties": [{"text": d.text} for d in info.duties],
        "goals": [{"text": g.text} for g in info.goals],
        "general": [{"_row": key, "previous": _in_unit(line.executed, unit)}
                    for key, line in model.budget.items() if line.executed is not None],
        "income": [{"_row": key, "previous": _in_unit(line.amount, unit)}
                   for key, line in model.income.items() if line.amount is not None],
        "items": [{"code": i.econ.label if i.econ else i.code, "display": i.display,
                   "spending": {"basic": "基本支出", "project": "项目支出"}.get(i.spending, "")}
                  for i in model.econ_items if i.code],
        "projects": [{"name": p.name, "use": p.use} for p in model.projects],
        "funds": [{"_row": key} for key, _ in layout.OTHER_FUND_ROWS],
        "money": [{"_row": key} for key, _ in layout.ENTERED_FUND_ROWS],
        "overall_goals": [{"expected": g.expected} for g in model.overall_goals],
        "indicators": [_indicator(i) for i in model.indicators],
        "project_info": [{"project": e.name, "department": e.department, "implementer": e.implementer}
                         for e in model.project_evals],
        "project_goals": [{"project": e.name, "expected": g.expected} for e in model.project_evals for g in e.goals],
        "project_indicators": [{"project": e.name, **_indicator(i)} for e in model.project_evals
                               for i in e.indicators],
    }
    return {"fields": {k: v for k, v in fields.items() if v not in (None, "")}, "tables": tables}
