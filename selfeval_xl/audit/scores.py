"""Component scores and the total they make: "预算执行率…得分9.5分;产出指标…得分48分;效益指标…得分
29分;满意度指标…得分10分;总得分96.5分" — the total must be the sum of the 得分 before it; and "自评得分
93分,其中:预算执行得分9分,产出指标得分46分,…" — the sum of the 得分 after it in its sentence (or in
the next one, opening with 其中).

Read within one paragraph, when at least two scores labelled plain 得分 come before a total
(总得分, 综合得分, 自评总分, 合计得分, 总分) and add up to at most 100 (scores of several projects
or units are averaged, not added: "A项目得分95分,B项目得分90分,综合得分92.5分" is not read).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding
from selfeval_xl.audit.numbers import fmt_number
from selfeval_xl.audit.text import sentence_bounds

_TOTALS = ("总得分", "综合得分", "自评总分", "合计得分", "总分")
# the names of a total score, which may also come first ("本项目自评得分93分,其中:预算执行得分9分,产出指标得分46分,…";
# ``score_lists`` reads them after their parts too)
SCORE_TOTALS = (*_TOTALS, "自评得分", "评价得分")
_HUNDRED = Decimal(100)
_GRADE_AFTER = re.compile(r"\s*,\s*(?:综合|自评|评价|绩效)*等级(?:为|是|:)?\s*[\u201c\"]?(?:优秀|良好|合格|优|良|中|差)[\u201d\"]?")


def check_score_sums(a: Analysis) -> Iterator[Finding]:
    for own in a.by_paragraph(lambda f: f.kind is FigureKind.SCORE and f.value is not None and f.exact).values():
        yield from _total_first(a, own)
        parts: list[Figure] = []
        for f in own:
            if f.label == "得分":
                parts.append(f)
                continue
            if f.label in _TOTALS:
                yield from _mismatch(a, f, parts)
            parts = []


def _total_first(a: Analysis, own: list[Figure]) -> Iterator[Finding]:
    for k, total in enumerate(own):
        if total.label not in SCORE_TOTALS or total.value is None:
            continue
        norm = a.paragraph(total.paragraph).norm
        _, end = sentence_bounds(norm, total.start)
        after = total.start + len(total.text)
        graded = _GRADE_AFTER.match(norm, after)  # "自评得分为95.69分,等级为“优”。其中:…": the grade between
        after = graded.end() if graded else after
        opener = norm[after : after + 4].lstrip(" ,")
        if opener.startswith("。") and opener[1:].lstrip().startswith("其中"):
            _, end = sentence_bounds(norm, end)  # "自评得分93.5分。其中,预算执行率得分9.5分,…": the next sentence
        elif not opener.startswith("其中"):
            continue
        parts = []
        j = k + 1
        while j < len(own) and own[j].start < end:
            if own[j].label == "得分":
                parts.append(own[j])
            j += 1
        yield from _mismatch(a, total, parts)


def _mismatch(a: Analysis, total: Figure, parts: list[Figure]) -> Iterator[Finding]:
    """Two or more scores adding up to at most 100 that are not the total."""
    found = sum((p.value or Decimal(0) for p in parts), Decimal(0))
    if len(parts) >= 2 and found <= _HUNDRED and total.value is not None and found != total.value:
        yield finding(
            a, "score_sum_mismatch", total.paragraph, total.start, total.text, f"{fmt_number(found)}分",
            label=total.label, parts="+".join(p.text for p in parts),
        )  # fmt: skip
