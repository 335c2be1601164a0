"""Finding codes, their severities, and the one constructor every check uses."""

from __future__ import annotations

from dataclasses import replace

from selfeval_xl.audit.model import Analysis, Figure, Finding, Severity
from selfeval_xl.audit.text import sentence_at
from selfeval_xl.core.texts import AUDIT, render

E, W = Severity.ERROR, Severity.WARNING

# code -> severity. Errors are arithmetic or factual contradictions; warnings ask for a look.
SEVERITY: dict[str, Severity] = {
    "sum_mismatch": E,
    "balance_mismatch": E,
    "grand_totals_differ": E,
    "balanced_changes_differ": W,
    "total_volumes_differ": E,
    "adjustment_mismatch": E,
    "budget_gap_mismatch": E,
    "savings_mismatch": E,
    "leftover_mismatch": E,
    "change_sum_mismatch": E,
    "change_rounding_gap": W,  # the parts' changes miss the total's by one unit of their print
    "parts_exceed_total": E,
    "parts_far_over_total": W,
    "total_in_item_place": W,
    "total_score_restated": W,
    "sum_far_apart": W,
    "bracket_parts_differ": W,
    "share_over_whole": W,
    "separator_slip": E,  # a part printed "4.647万元" that makes its list add up as 4,647万元
    "parts_below_total": W,
    "split_count_differs": W,
    "grand_total_without_carry_over": E,  # a 总计 equal to its parts without the 结转 listed with them
    "sum_rounding_gap": W,  # the printed parts miss their total by their own rounding: a 提示 to adjust the 尾差
    "restated_amount_differs": W,
    "unit_typo": W,  # an amount in 元 that makes its relations hold read as 万元
    "unit_slip": E,  # the same number printed in 元 and in 万元; medium: the two may be different things  # the two mentions may be of different scopes (a category, a year)
    "share_mismatch": E,
    "shares_not_100": E,
    "shares_rounding_drift": W,
    "shares_exceed_100": E,
    "execution_rate_mismatch": E,
    "share_truncated": W,
    "yoy_mismatch": E,
    "yoy_change_mismatch": E,
    "yoy_truncated": W,
    "percent_within_rounding": W,  # a percentage that misses, within what its amounts' rounding allows
    "decrease_over_100": E,  # 下降 more than 100% of something that cannot be negative
    "average_growth_mismatch": E,
    "average_growth_truncated": W,
    "pp_change_mismatch": E,
    "rate_truncated": W,
    "table_score_truncated": W,
    "table_score_differs": W,
    "rate_capped": W,
    "named_rate_mismatch": E,
    "named_rate_truncated": W,
    "low_rate_problems_denied": W,
    "low_rate_problems_missing": W,
    "grade_mismatch": E,
    "grade_other_bands": W,
    "score_sum_mismatch": E,
    "score_deduction_mismatch": E,
    "weight_sum_mismatch": E,
    "formula_mismatch": E,  # the text writes out the computation: its result must follow
    "formula_truncated": W,
    "score_out_of_range": E,
    "score_above_100": W,
    "count_mismatch": E,
    "count_unclear": W,
    "mixed_precision": W,
    "term_typo": W,
    "heading_sequence": W,
    "inline_sequence": W,
    "check_failed": E,
}


# code -> confidence; codes not listed are "high".
CONFIDENCE: dict[str, str] = {
    "balanced_changes_differ": "medium",
    "parts_below_total": "medium",
    "parts_far_over_total": "low",
    "total_in_item_place": "medium",
    "total_score_restated": "medium",
    "sum_far_apart": "low",
    "bracket_parts_differ": "medium",
    "share_over_whole": "low",
    "split_count_differs": "medium",
    "sum_rounding_gap": "medium",
    "grand_total_without_carry_over": "medium",
    "change_rounding_gap": "medium",
    "restated_amount_differs": "medium",
    "unit_slip": "medium",
    "unit_typo": "medium",
    "shares_rounding_drift": "medium",
    "share_truncated": "medium",
    "rate_truncated": "medium",
    "table_score_truncated": "medium",
    "table_score_differs": "low",
    "rate_capped": "low",
    "named_rate_truncated": "medium",
    "yoy_truncated": "medium",
    "percent_within_rounding": "low",
    "average_growth_truncated": "medium",
    "formula_truncated": "medium",
    "low_rate_problems_denied": "medium",
    "low_rate_problems_missing": "medium",
    "grade_other_bands": "medium",
    "count_unclear": "low",
    "mixed_precision": "low",
    "term_typo": "medium",
    "heading_sequence": "low",
    "inline_sequence": "low",
}


# placeholders a check may leave out: the year-on-year messages say 本年 unless a table names its column
_DEFAULTS: dict[str, object] = {"current_label": "本年"}


def finding(
    analysis: Analysis,
    code: str,
    paragraph: int,
    pos: int,
    stated: str | None,
    expected: str | None,
    **params: object,
) -> Finding:
    """A finding located at offset ``pos`` of paragraph ``paragraph`` (1-based; 0 = document)."""
    message = render(AUDIT, code, stated=stated, expected=expected, **{**_DEFAULTS, **params})
    if paragraph == 0:
        return Finding(
            code, SEVERITY[code], "", 0, 0, "", stated, expected, message, CONFIDENCE.get(code, "high")
        )
    p = analysis.paragraph(paragraph)
    sentence = sentence_at(p, pos)
    return Finding(
        code,
        SEVERITY[code],
        p.section,
        p.index,
        p.section_index,
        sentence,
        stated,
        expected,
        message,
        CONFIDENCE.get(code, "high"),
    )


def change_finding(
    analysis: Analysis, change: Figure, expected: str, current: Figure, prior: Figure, verb: str, sign: int, prior_label: str = "上年",
    current_label: str = "本年",
) -> Finding:
    """``yoy_change_mismatch`` of a change printed beside both years' amounts (``verb`` as printed, ``sign`` its
    direction: +1 增加, −1 减少); a change that goes the other way ("…1957.23万元,较…1953.72万元减少3.51万元") is
    said to, not "应为3.51万元,报告写为3.51万元". Against a budget the current figure is what was actually spent or done
    ("实际329.27万元、预算548.78万元"), not this year's (thirty-fifth round)."""
    current_label = "实际" if prior_label == "预算" and current_label == "本年" else current_label
    found = finding(
        analysis, "yoy_change_mismatch", change.paragraph, change.start, change.text, expected,
        current=current.text, prior=prior.text, prior_label=prior_label, current_label=current_label,
    )  # fmt: skip
    if current.value is None or prior.value is None or (current.value - prior.value) * sign >= 0:
        return found
    message = render(
        AUDIT, "yoy_change_mismatch.direction", current=current.text, prior=prior.text, prior_label=prior_label,
        current_label=current_label, actual="增加" if current.value > prior.value else "减少", expected=expected, verb=verb, stated=change.text,
    )  # fmt: skip
    return replace(found, message=message)
