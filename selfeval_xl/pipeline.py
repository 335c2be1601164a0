"""The pure pipeline: raw blocks → parse → rules → compute → narrative. No files, no clock."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from selfeval_xl.core import texts
from selfeval_xl.core.model import HasIssues, Issue, Model, RawBook, Severity
from selfeval_xl.figures.compute import Results, compute
from selfeval_xl.figures.projects import ProjectFigures, project_figures
from selfeval_xl.figures.scoring import Scoring, compute_scoring
from selfeval_xl.figures.yoy import Change, compare, compare_entered, swing_issues
from selfeval_xl.report.narrative import Report, build_narrative
from selfeval_xl.report.project_report import build_project_report
from selfeval_xl.report.sheets import (
    SheetContent,
    calc_sheet,
    issues_sheet,
    project_scoring_sheet,
    project_sheet_title,
    report_sheet,
    scoring_sheet,
)
from selfeval_xl.rules.budget import issue, run_rules
from selfeval_xl.rules.projects import run_project_rules
from selfeval_xl.rules.scoring import run_scoring_rules
from selfeval_xl.workbook import layout
from selfeval_xl.workbook.parse import parse_book


@dataclass(frozen=True, slots=True)
class Evaluation(HasIssues):
    model: Model
    issues: tuple[Issue, ...]
    results: Results
    scoring: Scoring | None = None
    changes: tuple[Change, ...] = ()  # against last year, when given
    previous_year: int | None = None
    projects: tuple[ProjectFigures, ...] = ()  # 项目支出绩效自评, one per project the workbook evaluates

    @property
    def scored_projects(self) -> tuple[ProjectFigures, ...]:
        """Projects with indicators: each has its 项目支出绩效自评表 and report."""
        return tuple(p for p in self.projects if p.scoring is not None)

    def project(self, name: str) -> ProjectFigures | None:
        return next((p for p in self.projects if p.name == name.strip()), None)

    def project_narrative(self, figures: ProjectFigures) -> Report:
        """The 项目支出绩效自评报告 of one of ``scored_projects``."""
        return build_project_report(self.model, figures)

    def narrative(self, *, force: bool = False) -> Report:
        return build_narrative(self.model, self.results, self.scoring, self.changes, self.previous_year,
                               forced_errors=len(self.errors) if force else 0)


def sort_key(item: Issue) -> tuple[int, int, int, str, tuple[tuple[str, str], ...]]:
    """Sheet order of the template, then row, column, code (issues without a cell first)."""
    if item.where is None:
        return (-1, 0, 0, item.code, item.params)
    return (layout.SHEET_ORDER.get(item.where.sheet, len(layout.SHEET_ORDER)), item.where.row, item.where.col,
            item.code, item.params)


def sort_issues(issues: Sequence[Issue]) -> tuple[Issue, ...]:
    return tuple(sorted(set(issues), key=sort_key))


def evaluate(raw: RawBook) -> Evaluation:
    """Everything is collected before anything is decided; raises only for "not our template"."""
    model, parse_issues = parse_book(raw)
    results = compute(model)
    scoring = compute_scoring(model)
    projects = project_figures(model)
    rule_issues = [*run_rules(model, results), *run_scoring_rules(model, scoring), *run_project_rules(model, projects)]
    entered = compare_entered(model, results)
    year = model.info.year
    previous_year = year - 1 if entered and year is not None else None
    rule_issues += swing_issues(model, entered, previous_year) if entered else []
    return Evaluation(model, sort_issues([*parse_issues, *rule_issues]), results, scoring, entered, previous_year,
                      projects)


def previous_problems(current: Evaluation, previous: Evaluation, source: str) -> list[Issue]:
    """Why last year's workbook cannot be used: it has errors, is another unit's, or is not an earlier year.
    Each is an error naming the file, so that no zero or wrong figure reaches the 同比 sentence."""
    found = []
    cur, prev = current.model.info, previous.model.info
    if previous.errors:
        first = texts.REPORT["output_sep"].join(f"{i.where or ''} {i.code}".strip() for i in previous.errors[:3])
        found.append(issue("previous_has_errors", Severity.ERROR, None, file=source, errors=len(previous.errors),
                           first=first))
    if prev.unit_name and cur.unit_name and prev.unit_name != cur.unit_name:
        found.append(issue("previous_other_unit", Severity.ERROR, cur.refs.get("unit_name"), file=source,
                           unit=prev.unit_name, current=cur.unit_name))
    if prev.year is not None and cur.year is not None and prev.year >= cur.year:
        found.append(issue("previous_not_earlier", Severity.ERROR, cur.refs.get("year"), file=source,
                           year=prev.year, current=cur.year))
    return found


def with_previous(current: Evaluation, previous: Evaluation, source: str = "") -> Evaluation:
    """``current`` with last year's figures: the changes for the narrative and swing warnings — or, when
    last year's workbook cannot be used, the errors that say why (and no 同比 at all)."""
    problems = previous_problems(current, previous, source)
    if problems:
        return replace(current, issues=sort_issues([*current.issues, *problems]), changes=(), previous_year=None)
    changes = compare(current.results, previous.results)
    year = previous.model.info.year
    issues = sort_issues([*current.issues, *swing_issues(current.model, changes, year)])
    return replace(current, issues=issues, changes=changes, previous_year=year)


def output_sheets(evaluation: Evaluation, generated: str, *, force: bool = False) -> list[SheetContent]:
    """Every output sheet of a run, in workbook order: 校验结果, 自评报告, 自评表 (when indicators are
    entered), 计算明细.

    ``generated`` is the "生成时间…" line (the caller reads the clock); ``force`` puts the banner on
    the report when the workbook has errors.
    """
    sheets = [issues_sheet(evaluation.issues), report_sheet(evaluation.narrative(force=force))]
    if evaluation.scoring is not None:
        sheets.append(scoring_sheet(evaluation.model, evaluation.scoring))
    sheets.extend(project_sheets(evaluation))
    sheets.append(calc_sheet(evaluation.results, generated, evaluation.scoring))
    return sheets


def project_sheets(evaluation: Evaluation, projects: Sequence[ProjectFigures] | None = None, *,
                   with_reports: bool = False) -> list[SheetContent]:
    """A 项目支出绩效自评表 sheet for each of ``projects`` (default: every project with indicators), named
    项目自评表-<project> (unique, ≤ 31 characters); ``with_reports``: each preceded by its report sheet
    项目自评报告-<project>."""
    taken: list[str] = []
    sheets = []
    for figures in evaluation.scored_projects if projects is None else projects:
        if with_reports:
            title = project_sheet_title(figures.name, taken, report=True)
            taken.append(title)
            sheets.append(replace(report_sheet(evaluation.project_narrative(figures)), title=title))
        title = project_sheet_title(figures.name, taken)
        taken.append(title)
        sheets.append(project_scoring_sheet(evaluation.model, figures, title))
    return sheets
