"""Free text typed into the workbook is audited like a report: a count that disagrees with the items it
lists ("共五个股室" beside four names), a share or sum that does not match its amounts, a mistyped
standard term. Findings become warnings at the cell (the text is the user's own; the tool cannot be
sure it is wrong). Uses the report auditor's pure core (``selfeval_xl.audit``).
"""

from __future__ import annotations

from collections.abc import Iterator

from selfeval_xl.core.cells import CellRef
from selfeval_xl.core.model import Issue, Model, Severity
from selfeval_xl.figures.compute import Results

AUDITED_CODES = frozenset({
    "count_mismatch", "sum_mismatch", "share_mismatch", "shares_not_100", "execution_rate_mismatch", "named_rate_mismatch",
    "score_sum_mismatch",
    "grade_mismatch", "term_typo",
})


def _texts(model: Model) -> Iterator[tuple[str, CellRef | None]]:
    info = model.info
    for item in (*info.duties, *info.goals, *model.paragraphs, *model.measures):
        yield item.text, item.refs.get("text")
    for project in model.projects:
        yield project.use, project.refs.get("use")
    for goal in model.overall_goals:
        yield goal.expected, goal.refs.get("expected")
        yield goal.actual, goal.refs.get("actual")
    for problem in model.problems:
        yield problem.problem, problem.refs.get("problem")
    for key, text in (("output_intro", model.output_intro), ("application", model.application),
                      ("other_notes", model.other_notes)):
        yield text, model.refs.get(key)


def check_free_text(model: Model, results: Results) -> Iterator[Issue]:
    from selfeval_xl.audit.engine import audit_text

    for text, where in _texts(model):
        if not text or where is None:
            continue
        for finding in audit_text(text).findings:
            if finding.code in AUDITED_CODES:
                yield Issue("text_inconsistency", Severity.WARNING, where, (("detail", finding.message),))
