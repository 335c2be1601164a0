"""The 自评表 funds block and the income table, derived from what the budget sheets already hold. Pure.

Each amount is entered once. The funds block (年度资金总额 and its parts, 财预〔2020〕10号 附件) is:

* 本年财政拨款 = 一般公共预算支出合计 (预算支出) + 政府性基金预算支出 + 国有资本经营预算支出 (其他资金,
  when 有), column by column (年初预算数, 全年预算数, 全年执行数) — derived, never typed;
* 上年结转资金 and 其他资金: entered in 绩效指标's 资金情况 table (the budget sheets do not hold them);
* 年度资金总额 = 本年财政拨款 + 上年结转资金 + 其他资金 — derived.

So two execution rates exist, each with its own scope, and the report names the scope every time:
一般公共预算支出执行率 = 一般公共预算支出合计 全年执行数 ÷ 全年预算数 (调整后), and 年度资金总额执行率 =
年度资金总额 全年执行数 ÷ 全年预算数 (调整后), the one the 自评表 scores. They coincide when the department
has no 上年结转, 其他资金, 政府性基金 or 国有资本经营 spending.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from selfeval_xl.core.model import BudgetLine, Model, OtherFund, Refs

COLUMNS = ("initial", "adjusted", "executed")
APPROPRIATION_BUDGETS = ("gov_fund", "soe_capital")  # besides 一般公共预算: the 财政拨款 of the other books
WHOLE_BUDGETS = ("gov_fund", "soe_capital", "social_insurance")  # what 部门整体支出 adds to 一般公共预算


@dataclass(frozen=True, slots=True)
class FundLine:
    """A row of the funds block: entered (上年结转资金, 其他资金) or derived (年度资金总额, 本年财政拨款)."""

    key: str  # total | appropriation | carryover | other
    initial: Decimal | None
    adjusted: Decimal | None
    executed: Decimal | None
    note: str = ""
    refs: Refs = field(default_factory=Refs)
    derived: bool = False

    def value(self, column: str) -> Decimal | None:
        value: Decimal | None = getattr(self, column)
        return value


def _add(values: Iterable[Decimal | None]) -> Decimal | None:
    """Σ of the given values; None when none is given (an empty column stays empty)."""
    given = [v for v in values if v is not None]
    return sum(given, Decimal(0)) if given else None


def general_total(model: Model, column: str) -> Decimal | None:
    """一般公共预算支出合计 of a column; 基本支出 + 项目支出 when the 合计 cell is empty."""
    line = model.budget.get("total")
    value: Decimal | None = getattr(line, column) if line is not None else None
    if value is not None:
        return value
    basic = model.budget.get("basic")
    basic_value = getattr(basic, column) if basic is not None else None
    if basic_value is None:
        basic_value = _add(getattr(model.budget[k], column) for k in ("personnel", "public") if k in model.budget)
    project = model.budget.get("project")
    return _add([basic_value, getattr(project, column) if project is not None else None])


def other_budget(fund: OtherFund | None, column: str) -> Decimal | None:
    """年初/全年预算数/全年执行数 of another book's spending, when the department has it (有)."""
    if fund is None or fund.has is not True:
        return None
    return fund.amount if column == "executed" else getattr(fund, column)


def fund_lines(model: Model) -> dict[str, FundLine]:
    """The funds block in table order: 年度资金总额, 本年财政拨款, 上年结转资金, 其他资金."""
    entered: Mapping[str, BudgetLine] = model.funds
    lines: dict[str, FundLine] = {}
    initial, adjusted, executed = (
        _add([general_total(model, column),
              *(other_budget(model.other_funds.get(k), column) for k in APPROPRIATION_BUDGETS)])
        for column in COLUMNS
    )
    parts = {"appropriation": FundLine("appropriation", initial, adjusted, executed, derived=True)}
    for key in ("carryover", "other"):
        line = entered.get(key)
        parts[key] = FundLine(key, line.initial, line.adjusted, line.executed, line.note, line.refs) if line \
            else FundLine(key, None, None, None)
    total_note = " ".join(p.note for p in parts.values() if p.note)
    initial, adjusted, executed = (_add(p.value(c) for p in parts.values()) for c in COLUMNS)
    lines["total"] = FundLine("total", initial, adjusted, executed, total_note, derived=True)
    lines.update(parts)
    return lines


def whole_spending(model: Model) -> tuple[Decimal, tuple[tuple[str, Decimal], ...]]:
    """部门整体支出 (全年执行数) = 一般公共预算 + the other books' spending the department has, and those parts."""
    general = general_total(model, "executed") or Decimal(0)
    others = tuple((k, other_budget(model.other_funds.get(k), "executed") or Decimal(0)) for k in WHOLE_BUDGETS
                   if other_budget(model.other_funds.get(k), "executed") is not None)
    return general + sum((v for _, v in others), Decimal(0)), others
