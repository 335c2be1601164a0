"""The content of each part of a report: paragraphs built from the model and the figures. Pure.

A part is named by an outline (``report.outline``): ``unit``, ``goals``, ``general``, ``gov_fund``,
``soe_capital``, ``social_insurance``, ``books``, ``performance``, ``score``, ``basis``, ``problems``,
``measures``, ``application``, ``other_notes``. Each builder returns the blocks (and, for ``general``,
the titled sub-parts) of its part, or nothing — an empty part is omitted by the outline, never printed
as an orphan heading. All wording comes from ``texts.REPORT``; sentences built from cells end properly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from selfeval_xl.core import texts
from selfeval_xl.core.model import Model, OutputFigure
from selfeval_xl.core.numbers import (
    chinese_numeral,
    fmt_amount,
    fmt_date,
    fmt_percent,
    fmt_quantity,
    heading_label,
)
from selfeval_xl.figures.compute import ProjectFigure, Results
from selfeval_xl.figures.scoring import Scoring
from selfeval_xl.figures.yoy import Change
from selfeval_xl.report.blocks import Block
from selfeval_xl.workbook import layout

SENTENCE_ENDERS = "\u3002\uff01\uff1f.!?"  # 。！？ and their ASCII forms
CLAUSE_TRAILERS = "\uff0c,\uff1b;\u3001\uff1a:"  # ，；、： dropped before a closing 。 or a following clause
MANY_PROJECTS = 3  # more projects than this are listed one per numbered line


@dataclass(frozen=True, slots=True)
class Ctx:
    """What every part may read: the model, its figures, last year's changes, the outline's numbering."""

    model: Model
    results: Results
    scoring: Scoring | None
    changes: Sequence[Change] = ()
    previous_year: int | None = None
    item_style: str = "."  # 1. or 1、 (the outline's choice for level-3 items)
    score_apart: bool = False  # the outline has a part of its own for the score

    @property
    def level_word(self) -> str:
        return self.model.info.level or "本级"

    @property
    def year(self) -> object:
        return self.model.info.year or ""

    def item(self, n: int) -> str:
        """Level-3 numbering in the outline's style: 1. or 1、."""
        return f"{n}{self.item_style}"


Children = tuple[tuple[str, tuple[Block, ...]], ...]  # (title, blocks) of titled sub-parts
Built = tuple[tuple[Block, ...], Children]


def _t(key: str, **params: object) -> str:
    return texts.render(texts.REPORT, key, **params)


def join_cn(items: Sequence[str]) -> str:
    """A、B和C (two items: A和B); when an item has its own 和 (校园视频监控和安保设施建设), only 、 joins them,
    so the list never reads "A和B和C"."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    if any("和" in item for item in items):
        return "、".join(items)
    return "、".join(items[:-1]) + "和" + items[-1]


def _or_missing(text: str) -> str:
    return text or texts.REPORT["missing"]


def numbered(ctx: Ctx, items: Sequence[str], level: int = 3) -> tuple[Block, ...]:
    """Items as numbered paragraphs (1. / （1）); a list of one is a plain paragraph, whatever the list."""
    items = [sentence(i) for i in items if i.strip()]
    if len(items) == 1:
        return (Block(items[0]),)
    label = ctx.item if level == 3 else (lambda i: heading_label(level, i))
    return tuple(Block(_t("list_item", n=label(i), text=t), "item") for i, t in enumerate(items, 1))


def part_unit(ctx: Ctx) -> Built:
    model = ctx.model
    info = model.info
    founded = _t("unit_founded", date=fmt_date(info.founded_on), way=info.founding_way or "成立") if info.founded_on else ""
    nature_text = f"{info.affiliation}{info.rank}{info.nature}"
    nature = _t("unit_nature", text=nature_text) if nature_text else ""
    supervisor = _t("unit_supervisor", supervisor=info.supervisor) if info.supervisor else ""
    parts = [_t("unit_heading", n=ctx.item(1))]
    if founded or nature or supervisor:
        parts.append(_t("unit_intro", name=info.short_name, founded=founded, nature=nature, supervisor=supervisor))
    if info.bodies:
        parts.append(_t("unit_bodies", bodies=join_cn([b.text for b in info.bodies]),
                        count=chinese_numeral(len(info.bodies)), word=info.body_word))
    if info.staffing is not None and info.staff_actual is not None:
        parts.append(_t("unit_staffing", kind=info.staffing_kind or "编制", staffing=info.staffing,
                        actual=info.staff_actual))
    if info.retired and info.retired_early:
        parts.append(_t("unit_retired_both", early=info.retired_early, retired=info.retired))
    elif info.retired_early:
        parts.append(_t("unit_retired_early", early=info.retired_early))
    elif info.retired:
        parts.append(_t("unit_retired", retired=info.retired))
    leaders = [_t("unit_leader", title=x.title, count=x.count) for x in info.leaders if x.title and x.count]
    if leaders:
        parts.append(_t("unit_leaders", leaders="、".join(leaders)))
    blocks = [Block("".join(parts))]
    duties = [d.text for d in info.duties if d.text.strip()]
    if duties:  # never an orphan "2.主要职责是："
        blocks.append(Block(_t("duties_lead", n=ctx.item(2))))
        blocks.extend(_all_numbered(duties, level=4))
    return tuple(blocks), ()


def _all_numbered(items: Sequence[str], level: int) -> tuple[Block, ...]:
    """Items numbered even when there is one (the 主要职责 list under its lead-in)."""
    return tuple(Block(_t("list_item", n=heading_label(level, i), text=sentence(t)), "item")
                 for i, t in enumerate(items, 1))


def part_goals(ctx: Ctx) -> Built:
    goals = [g.text for g in ctx.model.info.goals if g.text.strip()]
    items = tuple(Block(_t("list_item", n=ctx.item(i), text=sentence(g)), "item") for i, g in enumerate(goals, 1))
    return items, ()


def _yoy_sentence(changes: Sequence[Change], previous_year: int | None) -> str:
    parts = []
    for change in changes:
        item = texts.REPORT[f"yoy_name_{change.key}"]
        delta = fmt_amount(abs(change.delta))
        if change.delta == 0:
            parts.append(_t("yoy_same", item=item))
        elif change.percent is None:
            parts.append(_t("yoy_new", item=item, delta=delta))
        elif change.delta > 0:
            parts.append(_t("yoy_up", item=item, delta=delta, percent=fmt_percent(abs(change.percent))))
        else:
            parts.append(_t("yoy_down", item=item, delta=delta, percent=fmt_percent(abs(change.percent))))
    return _t("yoy", year=previous_year or texts.REPORT["yoy_last_year"], items=texts.REPORT["output_sep"].join(parts))


def part_general(ctx: Ctx) -> Built:
    model, r, level_word, changes, previous_year = ctx.model, ctx.results, ctx.level_word, ctx.changes, ctx.previous_year
    info = model.info
    year = info.year or ""
    others = [(k, a) for k, a in r.whole_parts]
    if others:
        whole = r.total + sum((a for _, a in others), Decimal(0))
        intro = [_t("whole_total", name=info.short_name, year=year, total=fmt_amount(whole),
                    general=fmt_amount(r.total), basic=fmt_amount(r.basic), project=fmt_amount(r.project),
                    others=texts.REPORT["clause_sep"].join(_t("whole_part", what=_t(f"fund_what_{k}", level=level_word), amount=fmt_amount(a))
                                    for k, a in others))]
    else:
        intro = [_t("general_total", name=info.short_name, year=year, total=fmt_amount(r.total),
                    basic=fmt_amount(r.basic), project=fmt_amount(r.project))]
    total_rate = r.rate("total")
    if total_rate and total_rate.rate is not None and total_rate.adjusted is not None:
        intro.append(_t("general_rate", adjusted=fmt_amount(total_rate.adjusted), rate=fmt_percent(total_rate.rate)))
    total_line = model.budget.get("total")
    if total_line is not None:
        if total_line.carry_end:
            intro.append(_t("carry_end", amount=fmt_amount(total_line.carry_end)))
        intro.append(sentence(total_line.note))
    if changes:
        intro.append(_yoy_sentence(changes, previous_year))
    opening = [Block(b) for b in (_income_paragraph(model, r), "".join(intro)) if b]

    def items(names: Sequence[str]) -> str:
        return _t("items_list", items="、".join(names)) if names else ""

    if r.basic == 0:
        basic = _t("basic_none", year=year)
    else:
        basic = _t(
            "basic_spending", year=year, basic=fmt_amount(r.basic), personnel=fmt_amount(r.personnel),
            personnel_share=_share(r.personnel_share), personnel_items=items(r.personnel_items),
            public=fmt_amount(r.public), public_share=_share(r.public_share), public_items=items(r.public_items),
        )
    basic_blocks = [Block(basic + "".join(sentence(model.budget[k].note) for k in ("basic", "personnel", "public")
                                          if k in model.budget))]
    if r.sangong:
        basic_blocks.append(Block(_sangong_paragraph(r, year)))
    project_line = model.budget.get("project")
    line_note = sentence(project_line.note) if project_line else ""
    if r.project == 0 and not r.projects:
        project_blocks = [Block(_t("project_none", year=year))]
    elif len(r.projects) > MANY_PROJECTS and not model.project_use_summary:
        # many projects: one numbered line each, never one run-on sentence of uses
        lead = _t("project_many", year=year, project=fmt_amount(r.project), count=len(r.projects))
        project_blocks = [Block(lead + line_note)]
        project_blocks += [Block(_t("project_line", n=heading_label(4, i), name=p.name, amount=fmt_amount(p.amount),
                                    use=p.use.strip().rstrip(CLAUSE_TRAILERS + SENTENCE_ENDERS)) + _project_note(p),
                                 "item") for i, p in enumerate(r.projects, 1)]
    else:
        uses = model.project_use_summary or join_cn([p.use for p in r.projects])
        text = _t("project_spending", year=year, project=fmt_amount(r.project), uses=_or_missing(uses))
        if len(r.projects) > 1:
            text += _t("project_detail", items=texts.REPORT["project_sep"].join(
                _t("project_item", name=p.name, amount=fmt_amount(p.amount)) for p in r.projects))
        text += line_note + "".join(_project_note(p) for p in r.projects)
        project_blocks = [Block(text)]
    children = (
        (_t("h_basic_spending"), tuple(basic_blocks)),
        (_t("h_project_spending"), tuple(project_blocks)),
        (_t("h_local_other", level=level_word), (_fund_block(model, "local_other", level_word),)),
    )
    return tuple(opening), children


def sentence(text: str) -> str:
    """A cell's text as a sentence of the report: trimmed, ending with 。 (or its own ！？；…)."""
    text = text.strip()
    if not text:
        return ""
    if text[-1] in SENTENCE_ENDERS:
        return text
    return text.rstrip(CLAUSE_TRAILERS) + texts.REPORT["sentence_end"]


def _project_note(project: ProjectFigure) -> str:
    if not project.note.strip():
        return ""
    if project.rate is None:
        return sentence(project.note)
    return sentence(_t("project_note", name=project.name, rate=fmt_percent(project.rate), note=project.note.strip()))


def _income_paragraph(model: Model, r: Results) -> str:
    income = r.income
    if income.get("total") is None:
        return ""
    info = model.info
    names = layout.INCOME_ITEM_NAMES
    parts = []
    for key in layout.INCOME_PARTS:
        amount = income.get(key)
        if not amount:
            continue
        fiscal_parts = [(k, income[k]) for k in layout.INCOME_FISCAL_PARTS if income.get(k)]
        if key == "fiscal" and fiscal_parts:
            parts.append(_t("income_fiscal", amount=fmt_amount(amount), parts="、".join(
                _t("income_part", item=names[k], amount=fmt_amount(a)) for k, a in fiscal_parts)))
        else:
            parts.append(_t("income_part", item=names[key], amount=fmt_amount(amount)))
    text = _t("income", name=info.short_name, year=info.year or "", total=fmt_amount(income["total"]),
              parts=texts.REPORT["clause_sep"].join(parts) or texts.REPORT["missing"])
    carry = income.get("carryover")
    if carry:
        text += _t("income_carryover", amount=fmt_amount(carry))
    if r.income_previous is not None:
        delta = income["total"] - r.income_previous
        if delta == 0:
            text += texts.REPORT["income_yoy_same"]
        elif r.income_previous:
            change = fmt_percent(abs(delta) / r.income_previous * 100)
            text += _t("income_yoy_up" if delta > 0 else "income_yoy_down", delta=fmt_amount(abs(delta)), percent=change)
    return text + sentence(model.income["total"].note) if "total" in model.income else text


def _sangong_paragraph(r: Results, year: object) -> str:
    parts = [_t("sangong_part", item=texts.REPORT[f"sangong_{key}"], amount=fmt_amount(amount))
             for key, amount in r.sangong if amount]
    total = sum((amount for _, amount in r.sangong), Decimal(0))
    return _t("sangong", year=year, total=fmt_amount(total), parts=texts.REPORT["clause_sep"].join(parts))


def _share(value: Decimal | None) -> str:
    return fmt_percent(value) if value is not None else texts.REPORT["missing"]


def _fund_block(model: Model, key: str, level_word: str, book_projects: Sequence[ProjectFigure] = ()) -> Block:
    fund = model.other_funds.get(key)
    year = model.info.year or ""
    what = _t(f"fund_what_{key}", level=level_word)
    if fund is None or fund.has is not True:
        return Block(_t("fund_none", year=year, what=what))
    text = _t("fund_some", year=year, what=what, amount=fmt_amount(fund.amount or Decimal(0))) + sentence(fund.note)
    projects = [p for p in book_projects if p.source == key]
    if projects:
        text += _t("book_projects", items=texts.REPORT["project_sep"].join(
            _t("project_item", name=p.name, amount=fmt_amount(p.amount)) for p in projects))
        text += "".join(_project_note(p) for p in projects)
    return Block(text)


def _output_item(fig: OutputFigure) -> str:
    key = {"余": "output_item_more", "以上": "output_item_above", "约": "output_item_about"}.get(fig.qualifier, "output_item")
    quantity = fmt_quantity(fig.quantity) if fig.quantity is not None else texts.REPORT["missing"]
    return _t(key, what=fig.what, quantity=quantity, unit=fig.unit)


def _scoring_blocks(scoring: Scoring, year: object) -> list[Block]:
    """The score paragraph: total, grade, the execution rate by its scope, each 一级 indicator; the short ones."""
    parts = [_t("score_level1", level1=name, score=fmt_amount(score), weight=fmt_quantity(weight))
             for name, score, weight in scoring.level1_scores]
    rate = fmt_percent(scoring.execution_rate) if scoring.execution_rate is not None else texts.REPORT["missing"]
    text = _t("score_summary", year=year, total=fmt_amount(scoring.total), grade=scoring.grade, rate=rate,
              execution=fmt_amount(scoring.execution_score), levels=texts.REPORT["output_sep"].join(parts))
    blocks = [Block(text)]
    short = [s for s in scoring.indicators if s.score < s.weight]
    if short:
        items = texts.REPORT["output_sep"].join(
            _t("score_short_item", name=s.indicator.name, score=fmt_amount(s.score), weight=fmt_quantity(s.weight))
            for s in short)
        blocks.append(Block(_t("score_short", items=items)))
    return blocks


def part_performance(ctx: Ctx) -> Built:
    model, scoring = ctx.model, (None if ctx.score_apart else ctx.scoring)
    blocks = [Block(p.text) for p in model.paragraphs if p.text]
    if model.outputs:
        items = texts.REPORT["output_sep"].join(_output_item(f) for f in model.outputs)
        if model.output_as_of:
            blocks.append(Block(_t("outputs_as_of", intro=model.output_intro, date=fmt_date(model.output_as_of), items=items)))
        else:
            blocks.append(Block(_t("outputs_year", intro=model.output_intro, year=model.info.year or "", items=items)))
    if scoring is not None:
        blocks.extend(_scoring_blocks(scoring, model.info.year or ""))
    from selfeval_xl.report.project_report import evaluated_projects  # it builds on this module

    blocks.extend(evaluated_projects(model))
    return tuple(blocks), ()


def part_score(ctx: Ctx) -> Built:
    return (tuple(_scoring_blocks(ctx.scoring, ctx.year)) if ctx.scoring is not None else ()), ()


def part_basis(ctx: Ctx) -> Built:
    basis = ctx.model.basis.strip()
    return ((Block(sentence(basis)),) if basis else ()), ()


def _book(key: str) -> Callable[[Ctx], Built]:
    def part(ctx: Ctx) -> Built:
        return (_fund_block(ctx.model, key, ctx.level_word, ctx.results.book_projects),), ()
    return part


def part_books(ctx: Ctx) -> Built:
    """The three other books in one part (outlines that do not give each its own heading)."""
    return tuple(_fund_block(ctx.model, k, ctx.level_word, ctx.results.book_projects)
                 for k in ("gov_fund", "soe_capital", "social_insurance")), ()


def part_problems(ctx: Ctx) -> Built:
    problems = [_problem_text(p.problem, p.cause) for p in ctx.model.problems if p.problem.strip()]
    return numbered(ctx, problems), ()


def _problem_text(problem: str, cause: str) -> str:
    """问题，主要原因是原因。 — the way reports join a problem and its cause."""
    problem = problem.strip().rstrip(CLAUSE_TRAILERS + SENTENCE_ENDERS)
    cause = cause.strip().rstrip(CLAUSE_TRAILERS + SENTENCE_ENDERS)
    return _t("problem_cause", problem=problem, cause=cause) if cause else sentence(problem)


def part_measures(ctx: Ctx) -> Built:
    return numbered(ctx, [m.text for m in ctx.model.measures]), ()


def part_application(ctx: Ctx) -> Built:
    return ((Block(sentence(ctx.model.application)),) if ctx.model.application.strip() else ()), ()


def part_other_notes(ctx: Ctx) -> Built:
    return ((Block(sentence(ctx.model.other_notes)),) if ctx.model.other_notes.strip() else ()), ()


PARTS: dict[str, Callable[[Ctx], Built]] = {
    "unit": part_unit, "goals": part_goals, "general": part_general,
    "gov_fund": _book("gov_fund"), "soe_capital": _book("soe_capital"),
    "social_insurance": _book("social_insurance"), "books": part_books,
    "performance": part_performance, "score": part_score, "basis": part_basis,
    "problems": part_problems, "measures": part_measures, "application": part_application,
    "other_notes": part_other_notes,
}


