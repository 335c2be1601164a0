"""Score against grade: 自评得分 within 0–100, and the grade (优/良/中/差) in the band of its score.

The bands are the text's own when it states them ("90分(含)以上为优,75分(含)-90分为良"). Otherwise they are the
财政部's (财预〔2020〕10号: 90(含)–100 优, 80(含)–90 良, 60(含)–80 中, below 60 差), which that rule itself says
"一般" — provinces and older 办法 grade 75–90 as 良 (and 60–75 as 中). A grade outside the 财政部 bands but inside
that other common banding is a 提示 (``grade_other_bands``); only a grade neither allows is an error
(``grade_mismatch``), as is any grade outside the bands the text states.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from decimal import Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.lexicon import GRADE_ALIASES
from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding
from selfeval_xl.audit.numbers import fmt_number
from selfeval_xl.audit.text import statement_bounds
from selfeval_xl.core.texts import AUDIT, render

Bands = tuple[Decimal, Decimal, Decimal]  # the lowest score of 优, 良 and 中

STANDARD: Bands = (Decimal(90), Decimal(80), Decimal(60))
# the other banding in common use (优/良/中 from 90/75/60)
OTHER_BANDS: tuple[Bands, ...] = ((Decimal(90), Decimal(75), Decimal(60)),)

_TOTAL_SCORE_WORDS = ("自评得分", "综合评分", "综合得分", "自评总分", "评价得分", "总得分", "自评分", "总分")

# "90分(含)以上为优", "80(含)-90分为良", "75分至89分的为良", "60分(含)至80分(不含)评为中": a band's lowest score
_NUMBER = r"(\d{2,3}(?:\.\d+)?)"
_INCLUSIVE = r"(?:\((?:不)?含[^)]{0,6}\))?"
_BAND = re.compile(
    rf"{_NUMBER}\s*分?\s*{_INCLUSIVE}\s*(?:及以上|以上|[-\u2014\u2013~\uff5e至到]\s*\d{{2,3}}(?:\.\d+)?\s*分?\s*{_INCLUSIVE}(?:之间)?)"
    rf"\s*{_INCLUSIVE}\s*(?:的|者)?\s*(?:为|评为|定为|属于)\s*[\u201c\"]?(优秀|良好|中等|合格|优|良|中)"
)


def grade_for(score: Decimal, bands: Bands = STANDARD) -> str:
    """优, 良, 中 or 差 of a score under ``bands`` (the 财政部's by default)."""
    best, good, fair = bands
    if score >= best:
        return "优"
    if score >= good:
        return "良"
    return "中" if score >= fair else "差"


def stated_bands(a: Analysis) -> Bands | None:
    """The bands the text states for at least 优 and 良, in descending order (中 defaults to 60)."""
    found: dict[str, Decimal] = {}
    for p in a.paragraphs:
        if "为" not in p.norm:
            continue
        for m in _BAND.finditer(p.norm):
            found.setdefault(GRADE_ALIASES.get(m.group(2), m.group(2)), Decimal(m.group(1)))
    if "优" not in found or "良" not in found:
        return None
    bands = (found["优"], found["良"], found.get("中", Decimal(60)))
    return bands if bands[0] > bands[1] > bands[2] else None


# "其中4人年度考核等次为优秀", "公务员年度考核评定为优秀": a person's yearly appraisal, not a score's grade
_APPRAISAL = re.compile(r"考核[^,;。]{0,8}$")


def _own_score(a: Analysis, grade: Figure, by_paragraph: dict[int, list[Figure]]) -> Figure | None:
    """The score of the grade's own statement: the total there, else the nearest before it (or the first after)."""
    norm = a.paragraph(grade.paragraph).norm
    lo, hi = statement_bounds(norm, grade.start)
    own = by_paragraph.get(grade.paragraph, [])
    inside = own[bisect_left(own, lo, key=lambda s: s.start) : bisect_left(own, hi, key=lambda s: s.start)]
    pool = [s for s in inside if s.label in _TOTAL_SCORE_WORDS] or inside
    before = [s for s in pool if s.start < grade.start]
    return before[-1] if before else (pool[0] if pool else None)


class _Free:
    """The total scores no grade is stated beside, by paragraph and in the whole text (built once)."""

    def __init__(self, scores: list[Figure], taken: set[int]) -> None:
        free = [s for s in scores if s.label in _TOTAL_SCORE_WORDS and id(s) not in taken]
        self.by_paragraph: dict[int, list[Figure]] = {}
        for s in free:
            self.by_paragraph.setdefault(s.paragraph, []).append(s)
        self.one = free[0] if len({s.value for s in free}) == 1 else None  # the text's one value, if one


def _score_for(a: Analysis, grade: Figure, own: Figure | None, free: _Free) -> Figure | None:
    """The score a grade is of: a score of its own statement (the total there, else the nearest before it:
    "上年度自评得分81.6分,评价等级为良;本年度自评得分70.5分,评价等级为中"); else, for a grade stated apart ("综上,
    项目绩效评价等级为良"), the one total score of its paragraph, or of the text, that no other grade is stated
    beside — several of them leave it unknown which one it grades."""
    if own is not None:
        return own
    norm = a.paragraph(grade.paragraph).norm
    if _APPRAISAL.search(norm[max(0, grade.start - 16) : grade.start]):
        return None
    here = free.by_paragraph.get(grade.paragraph, [])
    if here:
        return here[0] if len({s.value for s in here}) == 1 else None
    return free.one


_HUNDRED_SCALE = re.compile(r"满分\s*(?:为|是)?\s*100\s*分|百分制")


def _out_of_100(a: Analysis) -> bool:
    return any(_HUNDRED_SCALE.search(p.norm) for p in a.paragraphs)


_COUNTED = re.compile(r"[\u201d\u2019\u300d\"']?\s*(?:的|有|共|计)*\s*\d+\s*(?:个|项|家|所)")


def _counted(norm: str, grade: Figure) -> bool:
    """Is the grade followed by how many items have it ("…为“中”有5个")?"""
    return _COUNTED.match(norm, grade.start + len(grade.text)) is not None


def _band_text(bands: Bands, stated: bool) -> str:
    best, good, fair = (fmt_number(b) for b in bands)
    return render(AUDIT, "term.grade_bands_stated" if stated else "term.grade_bands", best=best, good=good, fair=fair)


def check_grades(a: Analysis) -> Iterator[Finding]:
    """自评得分 within 0-100 and the grade (优/良/中/差) in its band."""
    scores = [f for f in a.figures if f.kind is FigureKind.SCORE and f.value is not None]
    # whether the text states a 100-point scale: looked up once, and only for a score over 100
    scale = any(s.value is not None and s.value > 100 for s in scores) and _out_of_100(a)
    for score in scores:
        if score.value is not None and score.value > Decimal(100) and scale:
            # some 考核办法 add bonus points (加分项: "自评得分102.8分"): only a text that says its scale is 100
            # points (满分100分, 百分制) contradicts itself
            yield finding(a, "score_above_100", score.paragraph, score.start, score.text, "0-100")
        elif score.value is not None and score.value < 0:
            yield finding(a, "score_out_of_range", score.paragraph, score.start, score.text, "0-100")
    grades = [f for f in a.figures if f.kind is FigureKind.GRADE]
    own = stated_bands(a) if grades else None
    by_paragraph: dict[int, list[Figure]] = {}
    for score in sorted(scores, key=lambda f: (f.paragraph, f.start)):
        by_paragraph.setdefault(score.paragraph, []).append(score)
    owns = [_own_score(a, g, by_paragraph) for g in grades]
    free = _Free(scores, {id(s) for s in owns if s is not None})
    for grade, own_score in zip(grades, owns, strict=True):
        if _counted(a.paragraphs[grade.paragraph - 1].norm, grade):
            continue  # "48个项目评价等级为“优”有37个、…为“中”有5个": the grade of counted items, not of a score
        paired = _score_for(a, grade, own_score, free)
        if paired is None or paired.value is None:
            continue
        bands = own or STANDARD
        expected = grade_for(paired.value, bands)
        if expected == grade.role:
            continue
        other = own is None and any(grade_for(paired.value, b) == grade.role for b in OTHER_BANDS)
        yield finding(
            a, "grade_other_bands" if other else "grade_mismatch", grade.paragraph, grade.start, grade.role, expected,
            score=fmt_number(paired.value), bands=_band_text(bands, own is not None),
        )  # fmt: skip
