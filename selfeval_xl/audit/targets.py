"""Targets met, counted: "培训2399人,完成市目标任务数2000人的120%" — the count done (the last count of the
same measure printed before 完成 in the sentence) over the target named inside 完成…的 is the rate.

Read only when the target count stands right before "的X%", 完成 opens its phrase (no clause mark
between), and the count done is of the same measure word.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding
from selfeval_xl.audit.ratios import percent_finding
from selfeval_xl.audit.text import sentence_bounds

_OF = "的"
_PHRASE = 24  # characters from 完成 to the target


def _exact_count(f: Figure) -> bool:
    return f.kind is FigureKind.COUNT and f.exact and f.value is not None


def check_target_completion(a: Analysis) -> Iterator[Finding]:
    figs = a.figures
    counts: dict[int, list[Figure]] | None = None  # built once, at the first target
    for k, pct in enumerate(figs):
        if k == 0 or pct.kind is not FigureKind.PERCENT or not pct.exact or pct.value is None:
            continue
        target = figs[k - 1]
        if target.paragraph != pct.paragraph or target.kind is not FigureKind.COUNT or not target.exact or not target.value:
            continue
        norm = a.paragraph(pct.paragraph).norm
        if norm[target.start + len(target.text) : pct.start].strip() != _OF:
            continue
        opener = norm.rfind("完成", max(0, target.start - _PHRASE), target.start)
        if opener < 0 or any(c in norm[opener : target.start] for c in ",;。:!?"):
            continue
        s0, _ = sentence_bounds(norm, pct.start)
        counts = counts if counts is not None else a.by_paragraph(_exact_count)
        own = counts.get(pct.paragraph, [])
        done = None
        for f in reversed(own[: bisect_left(own, opener, key=lambda f: f.start)]):
            if f.start < s0:
                break  # the count done is printed in the target's sentence
            if f.role == target.role:
                done = f
                break
        if done is None:
            continue
        found = percent_finding(
            a, pct, done, target, ("named_rate_mismatch", "named_rate_truncated"),
            rate="完成率", numerator=done.text, denominator=norm[opener + 2 : target.start] + target.text,
        )
        if found is not None:
            yield found
