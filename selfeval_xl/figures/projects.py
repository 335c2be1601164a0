"""Each project's 项目支出绩效自评 figures: its funds block and its scores. Pure.

The funds block of a project (财预〔2020〕10号 附件1) is 年度资金总额 = 本年财政拨款 + 上年结转资金 +
其他资金, where 本年财政拨款 = 本级财政拨款 + 上级财政拨款 — from the rows typed in 项目自评 → 项目资金.
When none is typed, the project's own 项目支出 row (全年预算数, 全年执行数) is its 本级财政拨款: each
amount is entered once. Scores follow the same rules as the 部门整体 自评表 (``figures.scoring.score``)
under the workbook's 评分方案.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from selfeval_xl.core.model import Model, Project, ProjectEval
from selfeval_xl.figures.funds import COLUMNS, FundLine
from selfeval_xl.figures.scoring import Scoring, preset_of, score

FUND_KEYS = ("local", "upper", "carryover", "other")  # typed (layout.PROJECT_FUND_ITEMS)


@dataclass(frozen=True, slots=True)
class ProjectFigures:
    evaluation: ProjectEval
    project: Project | None  # the 项目支出 row of the same name (None: a rule says so)
    funds: dict[str, FundLine]  # total, appropriation, local, upper, carryover, other
    scoring: Scoring | None  # None when the project has no indicators (no 自评表)
    from_projects_table: bool  # no funds typed: taken from the 项目支出 row

    @property
    def name(self) -> str:
        return self.evaluation.name


def _add(values: list[Decimal | None]) -> Decimal | None:
    given = [v for v in values if v is not None]
    return sum(given, Decimal(0)) if given else None


def project_fund_lines(evaluation: ProjectEval, project: Project | None) -> tuple[dict[str, FundLine], bool]:
    """(the funds block, whether it came from the 项目支出 row)."""
    typed = {key: [row for row in evaluation.funds if row.key == key] for key in FUND_KEYS}
    lines: dict[str, FundLine] = {}
    from_table = not evaluation.funds and project is not None
    if from_table:
        assert project is not None
        lines["local"] = FundLine("local", None, project.adjusted, project.executed, derived=True)
    else:
        for key, rows in typed.items():
            if rows:
                initial, adjusted, executed = (_add([getattr(r, c) for r in rows]) for c in COLUMNS)
                lines[key] = FundLine(key, initial, adjusted, executed, " ".join(r.note for r in rows if r.note))
    lines["appropriation"] = _sum_line("appropriation", [lines[k] for k in ("local", "upper") if k in lines])
    lines["total"] = _sum_line("total", [lines[k] for k in FUND_KEYS if k in lines])
    return lines, from_table


def _sum_line(key: str, parts: list[FundLine]) -> FundLine:
    initial, adjusted, executed = (_add([p.value(c) for p in parts]) for c in COLUMNS)
    return FundLine(key, initial, adjusted, executed, " ".join(p.note for p in parts if p.note), derived=True)


def project_figures(model: Model) -> tuple[ProjectFigures, ...]:
    by_name = {p.name.strip(): p for p in model.projects}
    out = []
    for evaluation in model.project_evals:
        project = by_name.get(evaluation.name)
        funds, from_table = project_fund_lines(evaluation, project)
        scoring = score(preset_of(model), funds, evaluation.indicators) if evaluation.indicators else None
        out.append(ProjectFigures(evaluation, project, funds, scoring, from_table))
    return tuple(out)
