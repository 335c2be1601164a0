"""Model → exact figures. Pure: Decimal in, Decimal out, with a trail of every step for 计算明细.

Presented amounts are the entered amounts rounded to 0.01 万元; parts are apportioned so that
they add up to the rounded total they belong to. Shares are computed from the *presented*
amounts (so a reader with a calculator gets the printed share) and apportioned to 100.00%.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from selfeval_xl.core import texts
from selfeval_xl.core.econ_codes import Category
from selfeval_xl.core.model import EconItem, Model, Project
from selfeval_xl.core.numbers import apportion, fmt_amount, fmt_percent, percent, round_half_up, shares
from selfeval_xl.figures.funds import whole_spending
from selfeval_xl.workbook import layout

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Step:
    """One line of 计算明细: ``key`` names the label in texts.UI (``calc.<key>``)."""

    key: str
    value: str  # presented value: "31.97%", "176.18"
    inputs: str  # the numbers that went in: "30.75 ÷ 96.18 × 100%"
    note: str = ""  # e.g. apportioned to make shares add up


@dataclass(frozen=True, slots=True)
class ExecutionRate:
    key: str
    adjusted: Decimal | None  # 全年预算数 (rounded)
    executed: Decimal | None  # 全年执行数 (rounded)
    rate: Decimal | None  # percent, 2 dp


@dataclass(frozen=True, slots=True)
class ProjectFigure:
    name: str
    amount: Decimal  # 2 dp
    use: str
    source: str = "general"
    adjusted: Decimal | None = None  # 2 dp
    rate: Decimal | None = None  # 执行率, percent 2 dp
    carry_end: Decimal | None = None  # 年末结转和结余, 2 dp
    note: str = ""


@dataclass(frozen=True, slots=True)
class Results:
    total: Decimal
    basic: Decimal
    personnel: Decimal
    public: Decimal
    project: Decimal
    personnel_share: Decimal | None  # of 基本支出, percent 2 dp
    public_share: Decimal | None
    basic_share_of_total: Decimal | None
    project_share_of_total: Decimal | None
    execution: tuple[ExecutionRate, ...]
    personnel_items: tuple[str, ...]  # "主要包括" names, code order
    public_items: tuple[str, ...]
    detail_personnel: Decimal  # Σ of the detail rows, exact
    detail_public: Decimal
    detail_project: Decimal
    projects: tuple[ProjectFigure, ...]  # paid from 一般公共预算 (the 项目支出 line)
    projects_total: Decimal  # Σ project rows, exact
    steps: tuple[Step, ...]
    book_projects: tuple[ProjectFigure, ...] = ()  # paid from 政府性基金 / 国有资本经营 / 社会保险基金
    whole_parts: tuple[tuple[str, Decimal], ...] = ()  # the other books' spending in 部门整体支出, 2 dp
    income: Mapping[str, Decimal] = field(default_factory=dict)  # 收入 lines entered, 2 dp (parts apportioned)
    income_previous: Decimal | None = None  # 收入合计 上年数, 2 dp
    sangong: tuple[tuple[str, Decimal], ...] = ()  # ("abroad" | "reception" | "vehicles", 2 dp) when any is spent

    def rate(self, key: str) -> ExecutionRate | None:
        return next((r for r in self.execution if r.key == key), None)


def _sum(values: Iterable[Decimal | None]) -> Decimal:
    return sum((v for v in values if v is not None), ZERO)


def item_names(items: Sequence[EconItem], spending: str, category: Category | None) -> tuple[str, ...]:
    """Names of non-zero detail rows in code order, each code once (first display name wins) and each
    name once (309xx and 310xx share names such as 办公设备购置: "主要包括" lists it once)."""
    chosen: dict[str, str] = {}
    for item in items:
        if item.econ is None or item.spending != spending or not item.amount:
            continue
        if category is not None and item.econ.category is not category:
            continue
        chosen.setdefault(item.econ.code, item.name)
    return tuple(dict.fromkeys(chosen[code] for code in sorted(chosen)))


def detail_amounts(items: Sequence[EconItem], spending: str, category: Category | None) -> list[Decimal]:
    return [
        i.amount for i in items
        if i.amount is not None and i.econ is not None and i.spending == spending
        and (category is None or i.econ.category is category)
    ]


def detail_total(items: Sequence[EconItem], spending: str, category: Category | None) -> Decimal:
    return _sum(detail_amounts(items, spending, category))


def _sum_expression(amounts: Sequence[Decimal]) -> str:
    return " + ".join(fmt_amount(a) for a in amounts) or "0.00"


def _share_expression(part: Decimal, whole: Decimal) -> str:
    return texts.render(texts.UI, "calc_share", part=fmt_amount(part), whole=fmt_amount(whole))


def _executed(model: Model, key: str) -> Decimal | None:
    line = model.budget.get(key)
    return line.executed if line else None


def compute(model: Model) -> Results:
    steps: list[Step] = []
    personnel_x = _executed(model, "personnel") or ZERO
    public_x = _executed(model, "public") or ZERO
    project_x = _executed(model, "project") or ZERO
    basic_x = _executed(model, "basic")
    if basic_x is None:
        basic_x = personnel_x + public_x
    total_x = _executed(model, "total")
    if total_x is None:
        total_x = basic_x + project_x

    # Amounts: total → (basic, project); basic → (personnel, public).
    if basic_x + project_x == total_x:
        (basic, project), moved_tp = apportion(total_x, [basic_x, project_x])
    else:
        basic, project, moved_tp = round_half_up(basic_x), round_half_up(project_x), []
    total = round_half_up(total_x)
    if personnel_x + public_x == basic_x:
        (personnel, public), moved_pp = apportion(basic, [personnel_x, public_x])
    else:
        personnel, public, moved_pp = round_half_up(personnel_x), round_half_up(public_x), []
    steps.append(Step("total", fmt_amount(total), _sum_expression([basic, project]),
                      "apportioned" if moved_tp else ""))
    steps.append(Step("basic", fmt_amount(basic), _sum_expression([personnel, public]),
                      "apportioned" if moved_pp else ""))
    steps.append(Step("personnel", fmt_amount(personnel), fmt_amount(personnel_x)))
    steps.append(Step("public", fmt_amount(public), fmt_amount(public_x)))
    steps.append(Step("project", fmt_amount(project), fmt_amount(project_x)))

    share_of: dict[str, Decimal | None] = {}
    for whole, parts in ((basic, {"personnel_share": personnel, "public_share": public}),
                         (total, {"basic_share": basic, "project_share": project})):
        computed, moved = shares(list(parts.values()), whole)
        note = "apportioned" if moved else ""
        for i, (key, part) in enumerate(parts.items()):
            share_of[key] = computed[i] if computed else None
            if computed:
                steps.append(Step(key, fmt_percent(computed[i]), _share_expression(part, whole), note))
    personnel_share, public_share = share_of["personnel_share"], share_of["public_share"]
    basic_share, project_share = share_of["basic_share"], share_of["project_share"]

    rates = []
    for key in ("total", "basic", "personnel", "public", "project"):
        line = model.budget.get(key)
        if line is None:
            continue
        adjusted = round_half_up(line.adjusted) if line.adjusted is not None else None
        executed = round_half_up(line.executed) if line.executed is not None else None
        exact = percent(executed, adjusted) if adjusted is not None and executed is not None else None
        rate = round_half_up(exact) if exact is not None else None
        rates.append(ExecutionRate(key, adjusted, executed, rate))
        if rate is not None and adjusted is not None and executed is not None:
            steps.append(Step(f"rate_{key}", fmt_percent(rate), _share_expression(executed, adjusted)))

    items = model.econ_items
    detail_personnel = detail_total(items, "basic", Category.PERSONNEL)
    detail_public = detail_total(items, "basic", Category.PUBLIC)
    detail_project = detail_total(items, "project", None)
    for key, spending, category, value in (("detail_personnel", "basic", Category.PERSONNEL, detail_personnel),
                                           ("detail_public", "basic", Category.PUBLIC, detail_public),
                                           ("detail_project", "project", None, detail_project)):
        steps.append(Step(key, fmt_amount(value), _sum_expression(detail_amounts(items, spending, category))))

    general_projects = [p for p in model.projects if p.source == "general"]
    project_amounts = [p.executed or ZERO for p in general_projects]
    projects_total = _sum(project_amounts)
    if general_projects and projects_total == project_x:
        rounded, _ = apportion(project, project_amounts)
    else:
        rounded = [round_half_up(a) for a in project_amounts]
    projects = tuple(project_figure(p, amount) for p, amount in zip(general_projects, rounded, strict=True))
    steps.append(Step("projects_total", fmt_amount(projects_total), _sum_expression(project_amounts)))
    book_projects = tuple(project_figure(p, round_half_up(p.executed or ZERO)) for p in model.projects
                          if p.source != "general")

    return Results(
        total=total, basic=basic, personnel=personnel, public=public, project=project,
        personnel_share=personnel_share, public_share=public_share,
        basic_share_of_total=basic_share, project_share_of_total=project_share,
        execution=tuple(rates),
        personnel_items=item_names(items, "basic", Category.PERSONNEL),
        public_items=item_names(items, "basic", Category.PUBLIC),
        detail_personnel=detail_personnel, detail_public=detail_public, detail_project=detail_project,
        projects=projects, projects_total=projects_total,
        steps=tuple(steps), book_projects=book_projects,
        whole_parts=tuple((k, round_half_up(v)) for k, v in whole_spending(model)[1]),
        income=income_figures(model), income_previous=_income_previous(model), sangong=sangong(items),
    )


SANGONG = (("abroad", ("30212",)), ("reception", ("30217",)), ("vehicles", ("31013", "30231")))


def sangong(items: Sequence[EconItem]) -> tuple[tuple[str, Decimal], ...]:
    """"三公"经费 from their economic codes (因公出国（境）费用 30212, 公务接待费 30217, 公务用车购置 31013 and
    运行维护费 30231), over 基本 and 项目支出; empty when the department spent none."""
    found = [(key, _sum(i.amount for i in items if i.code in codes)) for key, codes in SANGONG]
    if not any(amount for _, amount in found):
        return ()
    rounded, _ = apportion(round_half_up(_sum(a for _, a in found)), [a for _, a in found])
    return tuple((key, amount) for (key, _), amount in zip(found, rounded, strict=True))


def income_figures(model: Model) -> dict[str, Decimal]:
    """收入 lines as presented: parts apportioned to the rounded 收入合计 when they add up exactly."""
    entered = {k: line.amount for k, line in model.income.items() if line.amount is not None}
    shown = {k: round_half_up(v) for k, v in entered.items()}
    parts = [k for k in layout.INCOME_PARTS if k in entered]
    if "total" in entered and parts and _sum(entered[k] for k in parts) == entered["total"]:
        rounded, _ = apportion(shown["total"], [entered[k] for k in parts])
        shown.update(zip(parts, rounded, strict=True))
    return shown


def _income_previous(model: Model) -> Decimal | None:
    line = model.income.get("total")
    return round_half_up(line.previous) if line is not None and line.previous is not None else None


def project_figure(project: Project, amount: Decimal) -> ProjectFigure:
    adjusted = round_half_up(project.adjusted) if project.adjusted is not None else None
    exact = percent(amount, adjusted) if adjusted else None
    carry = round_half_up(project.carry_end) if project.carry_end is not None else None
    return ProjectFigure(project.name, amount, project.use, project.source, adjusted,
                         round_half_up(exact) if exact is not None else None, carry, project.note)
