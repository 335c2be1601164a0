"""Scores stated one section each, under headings that carry the section's weight, and the total they make:

    (一)项目决策情况(20分)  …  该指标得分18分。
    (二)项目过程情况(20分)  …  该指标得分19分。
    (三)项目产出情况(40分)  …  该指标得分37.5分。
    (四)项目效益情况(20分)  …  该指标得分18分。
    综上,本项目自评得分92.5分。      (18 + 19 + 37.5 + 18 = 92.5)

Read only when every heading of a run at one level prints its weight ("(20分)", "(满分20分)", "(分值20分)") and
the weights make 100 — the run is then the whole scoring — and each section states one score for itself: its only
score, or the one named as the section's ("该指标得分", "本部分得分", "小计", "合计得分"). The total is the text's one
total score outside the sections (自评得分, 综合得分, 总得分…; last year's, "上年度自评得分…", is not one of them; several
different ones leave it unknown). A heading that prints its own score is ``heading_scores``' to read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from decimal import Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding, Paragraph
from selfeval_xl.audit.numbers import fmt_number
from selfeval_xl.audit.scores import SCORE_TOTALS
from selfeval_xl.audit.text import marker, statement_bounds

# "(20分)", "(满分20分)", "(分值:20分)", "(权重20分)" in a heading (brackets read half width); never "(得分18分)"
_WEIGHT = re.compile(r"\(\s*(?:(?:满分|分值|权重)\s*(?:为|:)?\s*)?(\d{1,3}(?:\.\d{1,2})?)\s*分\s*\)")
# the section's own score among several: "该指标得分", "该项指标得分", "本部分得分", "小计得分", "合计得分", "共得"
_OWN = re.compile(r"(?:该(?:项|部分)?(?:指标|一级指标)?|本(?:项|部分)(?:指标)?|小计|合计|共|累计)\s*(?:实际)?(?:得分|得)\s*(?:为|:)?\s*$")
_HUNDRED = Decimal(100)
# a total of another year ("上年度自评得分81.6分"): not this scoring's
PRIOR_YEAR = re.compile(r"上年|去年|上一年|以前年度")


def _weight(p: Paragraph) -> tuple[int, Decimal | None]:
    """The numbering level of a paragraph (0: none) and the weight its heading prints: in its heading text, or for
    a heading run on with its text ("(一)项目决策情况(20分)其中,…"), before the first break."""
    level, end, _ = marker(p.norm)
    if not level:
        return 0, None
    breaks = [i for i in (p.norm.find(c, end, end + 40) for c in "。,;:") if i >= 0]
    m = _WEIGHT.search(p.norm, end, min(breaks, default=end + 40))
    return level, (Decimal(m.group(1)) if m is not None else None)


def _runs(a: Analysis) -> list[list[tuple[Paragraph, Decimal]]]:
    """Runs of sibling headings (one numbering level, nothing higher between) that each print a weight."""
    runs: list[list[tuple[Paragraph, Decimal]]] = []
    open_by_level: dict[int, list[tuple[Paragraph, Decimal]]] = {}
    for p in a.paragraphs:
        level, weight = _weight(p)
        if not level:
            continue
        for higher in [lv for lv in open_by_level if lv > level]:
            runs.append(open_by_level.pop(higher))  # a higher heading ends the runs below it
        if weight is None:
            if level in open_by_level:
                runs.append(open_by_level.pop(level))  # a sibling without a weight ends the run
            continue
        open_by_level.setdefault(level, []).append((p, weight))
    runs.extend(open_by_level.values())
    return [run for run in runs if len(run) >= 2]


def _section_score(a: Analysis, body: Sequence[Paragraph], scores: dict[int, list[Figure]], weight: Decimal) -> Figure | None:
    """The one score a section states for itself (at most its weight), else None."""
    own = [f for p in body for f in scores.get(p.index, [])]
    if len(own) > 1:
        own = [f for f in own if _OWN.search(a.paragraph(f.paragraph).norm, max(0, f.start - 14), f.start)]
    if len(own) != 1 or own[0].value is None or own[0].value > weight or own[0].label in SCORE_TOTALS:
        return None
    return own[0]


def _closes(p: Paragraph, level: int) -> bool:
    """Does the paragraph end a section of ``level`` (a heading of that level or higher, or a level-1 one)?"""
    own = _weight(p)[0]
    return 0 < own <= level or p.level == 1


def check_section_scores(a: Analysis) -> Iterator[Finding]:
    scores = a.by_paragraph(lambda f: f.kind is FigureKind.SCORE and f.value is not None and f.exact)
    if not scores:
        return
    totals_by: dict[int, list[Figure]] = {}
    for index, own in scores.items():
        norm = a.paragraph(index).norm
        for f in own:
            named = f.label in SCORE_TOTALS and f.value is not None and f.value <= _HUNDRED
            if named and not PRIOR_YEAR.search(norm, statement_bounds(norm, f.start)[0], f.start):
                totals_by.setdefault(index, []).append(f)
    all_totals = Counter(f.value for own in totals_by.values() for f in own)
    for run in _runs(a):
        if sum((w for _, w in run), Decimal(0)) != _HUNDRED:
            continue
        level = _weight(run[0][0])[0]
        starts = [p.index for p, _ in run]
        # the last section ends at the next heading of its level or higher (or at the text's end)
        last_end = next((p.index for p in a.paragraphs[starts[-1] :] if _closes(p, level)), len(a.paragraphs) + 1)
        ends = [*starts[1:], last_end]
        parts: list[Figure] = []
        for (heading, weight), end in zip(run, ends, strict=True):
            body = a.paragraphs[heading.index - 1 : end - 1]
            part = _section_score(a, body, scores, weight)
            if part is None:
                break
            parts.append(part)
        if len(parts) != len(run):
            continue
        # the text's total scores outside the run (counted once for the text, less the run's own)
        inside = Counter(f.value for index in range(starts[0], last_end) for f in totals_by.get(index, []))
        if len(all_totals) - sum(all_totals[value] == n for value, n in inside.items()) != 1:
            continue
        total = next(f for index, own in totals_by.items() if not starts[0] <= index < last_end for f in own)
        found = sum((f.value for f in parts if f.value is not None), Decimal(0))
        if total.value is not None and found != total.value:
            yield finding(
                a, "score_sum_mismatch", total.paragraph, total.start, total.text, f"{fmt_number(found)}分",
                label=total.label, parts="+".join(f.text for f in parts),
            )  # fmt: skip
