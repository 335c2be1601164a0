"""Points printed in a self-evaluation's headings: "一、投入(分值18分,自评得18分)" over "(一)项目立项(分值10分,
自评得10分)" and "(二)资金落实(分值10分,自评得10分)". A level-1 heading's 分值 is the sum of its sub-headings'
分值, and its 自评得分 the sum of theirs (10 + 10 = 20, not 18).

Read only when the section is closed by the next level-1 heading, so that an excerpt cut short is never read
as a short list, and only with two sub-headings or more that all print both figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import NamedTuple

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Finding
from selfeval_xl.audit.numbers import fmt_number

# "(分值18分,自评得18分)", "(分值10分,得分9.5分)", "(满分20分,自评得分18分)" (brackets read half width)
_POINTS = re.compile(
    r"\(\s*(?:分值|满分|权重)\s*(?P<weight>\d{1,3}(?:\.\d{1,2})?)\s*分\s*[,;]?\s*"
    r"(?:自评)?得分?\s*(?:为)?\s*(?P<score>\d{1,3}(?:\.\d{1,2})?)\s*分\s*\)"
)


_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\))\s*")


class _Heading(NamedTuple):
    paragraph: int
    level: int
    name: str
    weight: Decimal
    weight_at: int
    score: Decimal
    score_at: int


def _headings(a: Analysis) -> list[_Heading]:
    out = []
    for p in a.paragraphs:
        if p.level not in (1, 2):
            continue
        m = _POINTS.search(p.norm, 0, len(p.heading) + 40 if p.heading else 0)
        if m is None:
            continue
        name = _NUMBERING.sub("", p.norm[: m.start()].strip())
        out.append(
            _Heading(
                p.index, p.level, name, Decimal(m.group("weight")), m.start("weight"), Decimal(m.group("score")), m.start("score")
            )
        )
    return out


def check_heading_points(a: Analysis) -> Iterator[Finding]:
    """Each level-1 heading's 分值 and 自评得分 against its sub-headings'."""
    found = _headings(a)
    if not found:
        return
    level_one = [p.index for p in a.paragraphs if p.level == 1]
    for k, parent in enumerate(found):
        if parent.level != 1:
            continue
        closing = next((i for i in level_one if i > parent.paragraph), None)
        if closing is None:
            continue  # the section runs to the excerpt's end: it may be cut short
        children = [h for h in found[k + 1 :] if h.paragraph < closing]
        sub_headings = [p for p in a.paragraphs[parent.paragraph : closing - 1] if p.level == 2]
        if len(children) < 2 or len(children) != len(sub_headings) or any(h.level != 2 for h in children):
            continue
        weights = sum((h.weight for h in children), Decimal(0))
        if weights != parent.weight:
            yield finding(
                a, "weight_sum_mismatch", parent.paragraph, parent.weight_at, f"{fmt_number(parent.weight)}分",
                f"{fmt_number(weights)}分", indicator=parent.name,
            )  # fmt: skip
        scores = sum((h.score for h in children), Decimal(0))
        if scores != parent.score:
            yield finding(
                a, "score_sum_mismatch", parent.paragraph, parent.score_at, f"{fmt_number(parent.score)}分",
                f"{fmt_number(scores)}分", label=f"{parent.name}自评得分",
                parts="+".join(f"{h.name}{fmt_number(h.score)}分" for h in children),
            )  # fmt: skip
