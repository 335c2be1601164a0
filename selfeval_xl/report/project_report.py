"""A project's 项目支出绩效自评报告, in the reference outline of 财预〔2020〕10号 附件3. Pure.

一、基本情况 (（一）项目概况, （二）项目绩效目标); 二、绩效评价工作开展情况; 三、综合评价情况及评价结论;
四、绩效评价指标分析 (资金, 产出, 效益, 满意度); 五、主要经验及做法、存在的问题及原因分析; 六、有关建议;
七、其他需要说明的问题. Every figure comes from the project's rows and its 自评表 scores, stated as the
自评表 states them; a part with nothing to say is left out and the numbering closes up.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from selfeval_xl.core import texts
from selfeval_xl.core.model import Model
from selfeval_xl.core.numbers import fmt_amount, fmt_percent, fmt_quantity, heading_label
from selfeval_xl.figures.projects import ProjectFigures, project_figures
from selfeval_xl.figures.scoring import IndicatorScore, Scoring
from selfeval_xl.report.blocks import Block, Report, Section
from selfeval_xl.report.parts import join_cn, sentence
from selfeval_xl.report.scoring_table import value_text
from selfeval_xl.workbook import layout

FUND_PARTS = ("local", "upper", "carryover", "other")


def project_label(name: str) -> str:
    """The project's name before "项目支出…": 校园安全建设项目 → 校园安全建设 (never "项目项目")."""
    name = name.strip()
    return name.removesuffix("项目") if len(name) > 2 else name


def _t(key: str, **params: object) -> str:
    return texts.render(texts.REPORT, f"project.{key}", **params)


def _paragraphs(text: str) -> list[Block]:
    """A cell of free text: one paragraph per line, each ending properly."""
    return [Block(sentence(line)) for line in text.splitlines() if line.strip()]


def _numbered(items: Sequence[str]) -> list[Block]:
    items = [sentence(i) for i in items if i.strip()]
    if len(items) == 1:
        return [Block(items[0])]
    return [Block(texts.render(texts.REPORT, "list_item", n=f"{i}.", text=t), "item") for i, t in enumerate(items, 1)]


def _money(value: Decimal | None) -> str:
    return fmt_amount(value) if value is not None else texts.REPORT["missing"]


def _overview(model: Model, figures: ProjectFigures) -> list[Block]:
    evaluation, total = figures.evaluation, figures.funds["total"]
    blocks = _paragraphs(evaluation.overview)
    department = evaluation.department or model.info.supervisor or model.info.unit_name
    implementer = evaluation.implementer or model.info.unit_name
    blocks.append(Block(_t("bodies", name=figures.name, department=department, implementer=implementer)))
    rate = figures.scoring.execution_rate if figures.scoring else None
    text = _t("funds", year=model.info.year or "", adjusted=_money(total.adjusted), executed=_money(total.executed),
              rate=fmt_percent(rate) if rate is not None else texts.REPORT["missing"])
    present = [key for key in FUND_PARTS if key in figures.funds]
    if len(present) > 1 or present[:1] not in ([], ["local"]):
        labels = dict(layout.PROJECT_FUND_ITEMS)
        parts = [_t("fund_part", what=labels[key], amount=_money(figures.funds[key].executed)) for key in present]
        text += _t("funds_parts", parts=join_cn(parts))
    if figures.project is not None and figures.project.use.strip():
        text += _t("use", use=figures.project.use.strip().rstrip("。"))
    blocks.append(Block(text))
    return blocks


def _goals(figures: ProjectFigures) -> list[Block]:
    blocks: list[Block] = []
    goals = [g.expected for g in figures.evaluation.goals if g.expected.strip()]
    if len(goals) == 1:
        blocks.append(Block(_t("goals_lead") + sentence(goals[0])))
    elif goals:
        blocks.append(Block(_t("goals_lead")))
        blocks += _numbered(goals)
    scoring = figures.scoring
    if scoring is not None and scoring.indicators:
        counts = [_t("count_part", level1=name, count=sum(1 for s in scoring.indicators if s.indicator.level1 == name))
                  for name in layout.LEVEL1 if any(s.indicator.level1 == name for s in scoring.indicators)]
        blocks.append(Block(_t("indicator_count", count=len(scoring.indicators), parts=join_cn(counts))))
    return blocks


def _conclusion(figures: ProjectFigures, scoring: Scoring) -> list[Block]:
    parts = [_t("level1_score", level1=name, score=fmt_amount(score), weight=fmt_quantity(weight))
             for name, score, weight in scoring.level1_scores]
    return [Block(_t("conclusion", name=figures.name, total=fmt_amount(scoring.total), grade=scoring.grade,
                     execution=fmt_amount(scoring.execution_score), levels=_t("level_sep").join(parts)))]


def _indicator_line(result: IndicatorScore) -> str:
    ind = result.indicator
    actual = value_text("", ind.actual, ind.actual_text, ind.unit)
    if ind.qualitative and ind.rating:
        actual = texts.render(texts.UI, "scoring_rated", actual=actual, rating=ind.rating) if actual else ind.rating
    text = _t("indicator", name=ind.name, target=value_text(ind.direction, ind.target, ind.target_text, ind.unit),
              actual=actual, score=fmt_amount(result.score), weight=fmt_quantity(result.weight))
    if result.score < result.weight and ind.reason.strip():
        text += _t("indicator_reason", reason=ind.reason.strip().rstrip("。"))
    return text


def _analysis(figures: ProjectFigures, scoring: Scoring) -> list[Section]:
    total = figures.funds["total"]
    rate = fmt_percent(scoring.execution_rate) if scoring.execution_rate is not None else texts.REPORT["missing"]
    funds = [Block(_t("execution", adjusted=_money(total.adjusted), executed=_money(total.executed), rate=rate,
                      score=fmt_amount(scoring.execution_score)))]
    if total.note.strip():
        funds.append(Block(sentence(total.note)))
    sections = [Section(2, "", _t("analysis_funds"), tuple(funds))]
    for level1 in layout.LEVEL1:
        members = [s for s in scoring.indicators if s.indicator.level1 == level1]
        if members:
            sections.append(Section(2, "", _t("analysis_level1", level1=level1.removesuffix("指标")),
                                    tuple(_numbered([_indicator_line(s) for s in members]))))
    return sections


def _problems(figures: ProjectFigures, scoring: Scoring) -> list[Block]:
    evaluation = figures.evaluation
    blocks = _paragraphs(evaluation.experience)
    blocks += _paragraphs(evaluation.problems)
    short = [s for s in scoring.indicators if s.score < s.weight]
    if short:
        names = join_cn([f"“{s.indicator.name}”" for s in short])
        blocks.append(Block(_t("short", count=len(short), names=names)))
    return blocks


def evaluated_projects(model: Model) -> list[Block]:
    """One sentence on the projects evaluated on their own (项目支出绩效自评), with their scores."""
    scored = [p for p in project_figures(model) if p.scoring is not None]
    if not scored:
        return []
    scores = [_r("project_eval_score", score=fmt_amount(p.scoring.total), grade=p.scoring.grade)
              for p in scored if p.scoring is not None]
    if len(scored) == 1:
        return [Block(_r("project_eval_one", year=model.info.year or "", name=scored[0].name, score=scores[0]))]
    return [Block(_r("project_evals", year=model.info.year or "", names=join_cn([p.name for p in scored]),
                     count=len(scored), scores="、".join(scores)))]


def _r(key: str, **params: object) -> str:
    return texts.render(texts.REPORT, key, **params)


def build_project_report(model: Model, figures: ProjectFigures) -> Report:
    """The project's report; ``figures.scoring`` must exist (a project with indicators)."""
    scoring = figures.scoring
    assert scoring is not None
    evaluation = figures.evaluation
    basics = [Section(2, "", _t("overview"), tuple(_overview(model, figures))),
              Section(2, "", _t("goals"), tuple(_goals(figures)))]
    work = _paragraphs(evaluation.work) or [Block(_t("work_default"))]
    parts: list[tuple[str, list[Block], list[Section]]] = [
        (_t("basics"), [], [s for s in basics if s.blocks]),
        (_t("work"), work, []),
        (_t("conclusion_title"), _conclusion(figures, scoring), []),
        (_t("analysis"), [], _analysis(figures, scoring)),
        (_t("problems_title"), _problems(figures, scoring), []),
        (_t("suggestions"), _paragraphs(evaluation.suggestions), []),
        (_t("other"), _paragraphs(evaluation.other), []),
    ]
    sections: list[Section] = []
    for title, blocks, children in parts:
        if not blocks and not children:
            continue  # never an empty heading
        numbered = tuple(Section(2, heading_label(2, i), c.title, c.blocks) for i, c in enumerate(children, 1))
        sections.append(Section(1, heading_label(1, len(sections) + 1), title, tuple(blocks), numbered))
    title = _t("title", unit=model.info.unit_name, year=model.info.year or "", name=project_label(figures.name))
    return Report(title, tuple(sections))
