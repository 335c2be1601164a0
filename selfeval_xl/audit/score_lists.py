"""Indicator scores written out in prose, and what they must make:

- "决策指标满分15分,扣0.9分,得14.1分;过程指标满分25分,扣2.5分,得22.5分;…。综合得分93.9分": each 得 is its 满分 less
  its 扣 (``score_deduction_mismatch``), and the 得 of the paragraph make the total after them (``score_sum_mismatch``);
- "分值分别为20分、20分、40分、20分,实际得分分别为19.5分、19.5分、37.7分、19分,合计95.7分": the scores listed after
  分别为 make the 合计 closing their sentence;
- "项目决策20分,得19分;项目过程20分,得20分;…。综合得分97分" (or "项目决策(20分)得19分"): each part's weight then what it
  got, the weights making 100 (the whole tree), what they got makes the total (thirty-fourth round);
- "自评得分97分,其中:项目决策19分,项目过程20分,…": parts named by the evaluation's own kinds (决策, 过程, 产出, 效益,
  满意度…) after the total's 其中 make it, unless they make exactly 100 (then they are the weights).

Read only within one paragraph, with two scores or more, each at most its 满分 (or 100), adding up to at most 100.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Finding
from selfeval_xl.audit.numbers import fmt_number, parse_decimal
from selfeval_xl.audit.scores import SCORE_TOTALS

_N = r"(\d{1,3}(?:\.\d{1,2})?)"
# "满分15分,扣0.9分,得14.1分" (also 分值/权重; 扣除/扣; 得/得分/实得)
_DEDUCTED = re.compile(rf"(?:满分|分值|权重)\s*{_N}\s*分\s*,\s*扣(?:除)?\s*{_N}\s*分\s*,\s*(?:实)?得(?:分)?\s*{_N}\s*分")
_TOTAL = re.compile(rf"(?:{'|'.join(sorted(SCORE_TOTALS, key=len, reverse=True))})\s*(?:为|是)?\s*{_N}\s*分")
# "得分分别为19.5分、19.5分、37.7分、19分,合计95.7分"
_LISTED = re.compile(
    rf"得分分别(?:为|是)\s*(?P<parts>{_N}\s*分(?:\s*[、,]\s*{_N}\s*分)+)\s*[,;]\s*(?:合计|共计|总计|总分)\s*(?:为)?\s*(?P<total>{_N})\s*分"
)
_PART = re.compile(rf"{_N}\s*分")
# "自评得分97分,其中:项目决策19分,项目过程20分,项目产出39分,项目效益18分": the parts of the evaluation's own kinds
# (a 项目's 决策/过程/产出/效益; a 部门整体's 投入/过程/产出/效果 and their second level: 预算编制, 预算执行, 预算管理, 资产管理,
# 职责履行, 履职效益; thirty-fifth round)
_KINDS = (
    r"[\u4e00-\u9fff]{0,6}(?:决策|过程|产出|效益|效果|投入|满意度|预算执行|预算编制|预算管理|资产管理|绩效管理|职责履行|履职|成本)"
    r"(?:指标|率)?(?:得分)?(?:为)?"
)
_OF_TOTAL = re.compile(
    rf"(?P<name>{'|'.join(sorted(SCORE_TOTALS, key=len, reverse=True))})\s*(?:为|是)?\s*(?P<total>{_N})\s*分\s*[,。]?\s*其中\s*[:,]?\s*"
    rf"(?P<parts>{_KINDS}\s*{_N}\s*分(?:\s*[,、;]\s*{_KINDS}\s*{_N}\s*分)+)"
    r"(?![,、;]\s*[\u4e00-\u9fff]{0,16}\d)"  # (the whole list: no other figure of it after)
)
# "项目决策20分,得19分;项目过程20分,得20分;…", "项目决策(20分)得19分,…": each part's weight, then what it got
_WEIGHED = re.compile(rf"(?:满分|分值|权重)?\s*{_N}\s*分\s*\)?\s*,?\s*(?:实际)?得(?:分)?(?:为)?\s*{_N}\s*分")
_HUNDRED = Decimal(100)


def check_score_lists(a: Analysis) -> Iterator[Finding]:
    for p in a.paragraphs:
        norm = p.norm
        if "分" not in norm:
            continue
        yield from _weighed(a, p.index, norm)
        for m in _OF_TOTAL.finditer(norm):
            parts = [parse_decimal(x.group(1)) for x in _PART.finditer(m.group("parts"))]
            if "得分" in m.group("parts"):
                continue  # parts named 得分 are read as the total's by ``scores``
            if sum(parts, Decimal(0)) != _HUNDRED:  # (parts making exactly 100 are the weights, not what they got)
                yield from _sum(a, p.index, m.start("total"), m.group("total"), parts, m.group("name"))
        if not any(w in norm for w in ("扣", "分别")):
            continue
        yield from _deducted(a, p.index, norm)
        for m in _LISTED.finditer(norm):
            parts = [parse_decimal(x.group(1)) for x in _PART.finditer(m.group("parts"))]
            yield from _sum(a, p.index, m.start("total"), m.group("total"), parts, "合计")


def _deducted(a: Analysis, paragraph: int, norm: str) -> Iterator[Finding]:
    rows = list(_DEDUCTED.finditer(norm))
    for m in rows:
        full, off, got = (parse_decimal(m.group(k)) for k in (1, 2, 3))
        if full - off != got and off <= full:
            yield finding(
                a, "score_deduction_mismatch", paragraph, m.start(3), f"{m.group(3)}分", f"{fmt_number(full - off)}分",
                full=m.group(1), off=m.group(2),
            )  # fmt: skip
    if len(rows) < 2:
        return
    total = _TOTAL.search(norm, rows[-1].end())
    if total is None or any(c in norm[rows[-1].end() : total.start()] for c in "扣满"):
        return
    yield from _sum(a, paragraph, total.start(1), total.group(1), [parse_decimal(m.group(3)) for m in rows], "综合得分")


def _sum(a: Analysis, paragraph: int, at: int, printed: str, parts: list[Decimal], label: str) -> Iterator[Finding]:
    found = sum(parts, Decimal(0))
    if len(parts) >= 2 and found <= _HUNDRED and found != parse_decimal(printed):
        yield finding(
            a, "score_sum_mismatch", paragraph, at, f"{printed}分", f"{fmt_number(found)}分",
            label=label, parts="+".join(f"{fmt_number(x)}分" for x in parts),
        )  # fmt: skip


def _weighed(a: Analysis, paragraph: int, norm: str) -> Iterator[Finding]:
    """Parts each printed with its weight and what it got, whose weights make 100 (the whole tree, no part left out):
    what they got makes the total after them."""
    rows = [m for m in _WEIGHED.finditer(norm) if not norm[: m.start()].rstrip().endswith(("扣", "扣除"))]  # (not "扣1分,得19分")
    weights = [parse_decimal(m.group(1)) for m in rows]
    got = [parse_decimal(m.group(2)) for m in rows]
    if len(rows) < 2 or sum(weights, Decimal(0)) != _HUNDRED or any(g > w for g, w in zip(got, weights, strict=True)):
        return
    total = _TOTAL.search(norm, rows[-1].end())
    if total is None or any(c in norm[rows[-1].end() : total.start()] for c in "扣满"):
        # "综合得分95分(预算编制10分,得9分;…)": the total right before the rows, only the first row's name between
        total = next((t for t in _TOTAL.finditer(norm, 0, rows[0].start()) if _LEAD.fullmatch(norm, t.end(), rows[0].start())), None)
        if total is None:
            return
    yield from _sum(a, paragraph, total.start(1), total.group(1), got, "综合得分")


_LEAD = re.compile(r"\s*[(:,]?\s*(?:其中\s*[:,]?)?\s*[\u4e00-\u9fff]{2,10}\s*\(?")
