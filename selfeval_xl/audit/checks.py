"""The checks, as a plain tuple of functions over an ``Analysis``, and the runner.

Every check runs; one that raises becomes a ``check_failed`` finding naming it and never hides
the others. Findings are sorted by paragraph, then code (then quote and values) so the output
is the same on every run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from selfeval_xl.audit.adjustments import check_adjustment_amounts
from selfeval_xl.audit.assets import check_asset_balances
from selfeval_xl.audit.balanced_changes import check_balanced_changes
from selfeval_xl.audit.balances import (
    check_balances,
    check_budget_adjustments,
    check_grand_totals,
    check_total_volumes,
)
from selfeval_xl.audit.bracket_lists import check_bracket_lists
from selfeval_xl.audit.categories import check_category_columns
from selfeval_xl.audit.change_amounts import check_change_amounts, check_named_year_changes
from selfeval_xl.audit.changes import check_part_changes
from selfeval_xl.audit.consistency import (
    check_counts,
    check_heading_sequence,
    check_inline_numbering,
    check_low_execution,
    check_term_typos,
)
from selfeval_xl.audit.count_changes import check_count_changes, check_count_levels
from selfeval_xl.audit.decreases import check_impossible_decreases
from selfeval_xl.audit.explained_changes import check_explained_changes
from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.formulas import check_formulas
from selfeval_xl.audit.from_to import check_from_to
from selfeval_xl.audit.grades import check_grades
from selfeval_xl.audit.headcounts import check_headcounts
from selfeval_xl.audit.heading_scores import check_heading_points
from selfeval_xl.audit.leftovers import check_leftovers
from selfeval_xl.audit.model import Analysis, Finding
from selfeval_xl.audit.points import check_point_changes
from selfeval_xl.audit.portions import check_portions
from selfeval_xl.audit.precision import check_precision
from selfeval_xl.audit.rates import check_execution_rates, check_named_rates
from selfeval_xl.audit.row_totals import check_row_totals
from selfeval_xl.audit.savings import check_savings
from selfeval_xl.audit.score_lists import check_score_lists
from selfeval_xl.audit.score_tables import check_score_tables, check_total_restated
from selfeval_xl.audit.scores import check_score_sums
from selfeval_xl.audit.section_scores import check_section_scores
from selfeval_xl.audit.share_checks import check_disjoint_shares, check_share_totals, check_shares
from selfeval_xl.audit.share_lists import check_share_lists
from selfeval_xl.audit.share_series import check_share_series
from selfeval_xl.audit.slips import check_unit_slips
from selfeval_xl.audit.splits import check_count_breakdowns, check_split_counts
from selfeval_xl.audit.sums import check_restated_amounts, check_sums
from selfeval_xl.audit.table_changes import check_table_changes
from selfeval_xl.audit.table_sums import check_table_sums
from selfeval_xl.audit.tables import check_table_funds, check_table_rates
from selfeval_xl.audit.targets import check_target_completion
from selfeval_xl.audit.weights import check_weight_trees
from selfeval_xl.audit.yoy import check_year_on_year

Check = Callable[[Analysis], Iterable[Finding]]

CHECKS: tuple[Check, ...] = (
    check_sums,
    check_bracket_lists,
    check_row_totals,
    check_category_columns,
    check_restated_amounts,
    check_unit_slips,
    check_balances,
    check_asset_balances,
    check_grand_totals,
    check_balanced_changes,
    check_total_volumes,
    check_budget_adjustments,
    check_part_changes,
    check_explained_changes,
    check_shares,
    check_portions,
    check_share_totals,
    check_disjoint_shares,
    check_share_series,
    check_share_lists,
    check_execution_rates,
    check_named_rates,
    check_savings,
    check_leftovers,
    check_count_changes,
    check_count_levels,
    check_formulas,
    check_target_completion,
    check_year_on_year,
    check_impossible_decreases,
    check_change_amounts,
    check_from_to,
    check_adjustment_amounts,
    check_named_year_changes,
    check_point_changes,
    check_table_rates,
    check_table_funds,
    check_table_sums,
    check_table_changes,
    check_low_execution,
    check_grades,
    check_score_sums,
    check_score_lists,
    check_weight_trees,
    check_heading_points,
    check_section_scores,
    check_score_tables,
    check_total_restated,
    check_counts,
    check_headcounts,
    check_split_counts,
    check_count_breakdowns,
    check_precision,
    check_term_typos,
    check_heading_sequence,
    check_inline_numbering,
)


def run_checks(analysis: Analysis, checks: Iterable[Check] = CHECKS) -> tuple[Finding, ...]:
    found: list[Finding] = []
    for check in checks:
        try:
            found.extend(check(analysis))
        except Exception as exc:
            name = getattr(check, "__name__", repr(check))
            found.append(
                finding(analysis, "check_failed", 0, 0, None, None, check=name, error=type(exc).__name__)
            )
    return _once(sorted(set(found), key=Finding.sort_key))


def _once(found: Iterable[Finding]) -> tuple[Finding, ...]:
    """Each problem once: two readings of one sentence ("年初批复8个项目" read as 年初批复项目 and as 项目) that
    find the same figure wrong by the same amount differ only in how their message names the parts. Findings that
    name no expected figure are all kept: two ``count_unclear`` of one sentence may be of two lists."""
    found = tuple(found)
    # shares of a whole's complete list that exceed 100% are one problem, said once: as not adding up to 100%
    complete = {(f.paragraph, f.sentence, f.stated) for f in found if f.code == "shares_not_100"}
    seen: set[tuple[int, str, str, str | None, str | None]] = set()
    out = []
    for f in found:
        key = (f.paragraph, f.code, f.sentence, f.stated, f.expected)
        if f.code == "shares_exceed_100" and (f.paragraph, f.sentence, f.stated) in complete:
            continue
        if f.expected is None or key not in seen:
            seen.add(key)
            out.append(f)
    return tuple(out)
