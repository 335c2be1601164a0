"""Changes stated as an amount only, with both figures printed beside them: "公务接待费决算8万元,比上年
决算12.5万元减少4.5万元", "2016年预算8万元,2015年预算12.5万元;对比减少4.5万元;减少率36%",
"…45.6万元,上年为40万元,增加5.6万元". The change must be the two figures' difference
(``yoy_change_mismatch``); a percentage printed right after it in its own clause ("减少率36%") is
judged as ``yoy`` judges one. A change with its percentage in one clause ("减少4.5万元,下降36%") is
``yoy``'s, and a change whose other figure is not printed beside it is not read here.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from decimal import Decimal

from selfeval_xl.audit.findings import change_finding
from selfeval_xl.audit.groups import whole_of_percent
from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding
from selfeval_xl.audit.numbers import fmt_amount
from selfeval_xl.audit.text import sentence_bounds
from selfeval_xl.audit.years import DOWN, UP, YEAR, actual_against_budget, clause_year, direction, judge

_VERB = "增加|增长|上升|提高|增收|增支|减少|下降|降低|减收|减支|压缩|压减|节约|节省"
_MONEY = r"\d[\d,'.\s]*\s*(?:亿|万|千)?元"
_PCT = r"\d[\d.\s]*%"
# the words that may name the other figure inside a comparison ("比上年决算数的", "较2022年度预算数为")
_BASE = r"(?:上年度?|去年|上一年|同期|20\d\d年度?|年初|全年|调整后?的?|预算数?|决算数?|执行数|总?支出|总?收入|的|为|数|\s)*"
# "…8万元,比上年决算12.5万元减少4.5万元", "与上年决算数100万元相比减少10万元"
_PRIOR_INSIDE = re.compile(
    rf"(?:相较于?|较|比|与|同)(?P<base>{_BASE})(?P<prior>{_MONEY})\s*(?:\([^()]{{0,60}}\))?\s*(?:相比|比较)?\s*,?\s*"
    rf"(?P<verb>{_VERB})了?\s*(?P<amount>{_MONEY})"
)
# "2016年预算8万元,2015年预算12.5万元;对比减少4.5万元": two named years, then the change
_TWO_YEARS = re.compile(
    rf"(?P<y1>20\d\d)年[^。;%\d]{{0,30}}(?P<one>{_MONEY})\s*[,;]\s*(?P<y0>20\d\d)年[^。;%\d]{{0,20}}"
    rf"(?P<other>{_MONEY})\s*[,;]\s*(?:对比|相比|同比|比上年|较上年|与上年相比\s*,?)?\s*(?P<verb>{_VERB})了?\s*"
    rf"(?P<amount>{_MONEY})"
)
# "…45.6万元,上年为40万元,增加5.6万元" (or "上年40万元"; thirty-sixth round)
_LAST_YEAR = re.compile(
    rf"(?P<one>{_MONEY})\s*,\s*(?:上年度?|去年)(?:同期)?(?:为|是|支出|收入|决算数?为?|预算数?为?)?\s*(?P<other>{_MONEY})"
    rf"\s*,\s*(?:同比|比上年|较上年|与上年相比\s*,?)?\s*(?P<verb>{_VERB})了?\s*(?P<amount>{_MONEY})"
)
# "预算数为20万元,决算数为15万元,决算数比预算数减少5万元": the actual against the budget, both named before; also with the
# actual left unnamed at a clause's start ("年初预算548.78万元,支出决算329.27万元,比年初预算减少219.51万元"; 35th round)
_ACTUAL_VS_BUDGET = re.compile(
    rf"(?:(?:决算数?|执行数|实际支出|实际数)\s*|(?<=,))(?:较|比)\s*(?P<base>(?:年初|调整后?|全年)?预算数?)\s*(?P<verb>{_VERB})了?\s*(?P<amount>{_MONEY})"
)
# a percentage in the change's own clause: ``yoy`` reads the pair
_PCT_AFTER = re.compile(rf"\s*[,(、]?\s*(?:同比|各|均)?(?:{_VERB}|增幅|降幅|涨幅|减幅)(?:率|幅度)?(?:了|为)?\s*{_PCT}")
# a percentage in a clause of its own ("对比减少4.35万元;减少率35.22%")
_RATE_AFTER = re.compile(rf"\s*;\s*(?P<verb>{_VERB}|增幅|降幅|涨幅|减幅)(?:率|幅度)(?:了|为)?\s*(?P<pct>{_PCT})")


def check_change_amounts(a: Analysis) -> Iterator[Finding]:
    """An amount of change against the two figures printed beside it."""
    by_paragraph: dict[int, dict[int, Figure]] = {}
    for fig in a.figures:
        if fig.exact and fig.value is not None:
            by_paragraph.setdefault(fig.paragraph, {})[fig.start] = fig
    # "…收入25054万元,其中:一般债券18786万元置换债券6268万元比年初预算数23292万元增加1762万元": a list's
    # last part printed right before a comparison may stand for the list's total
    closing = {id(a.figures[g.children[-1]]): a.figures[g.parent] for g in a.groups if g.explicit}
    for p in a.paragraphs:
        own = by_paragraph.get(p.index)
        if not own or not any(v in p.norm for v in ("增", "减", "降", "上升", "提高", "压", "节")):
            continue
        seen: set[int] = set()
        for pattern in (_PRIOR_INSIDE, _TWO_YEARS, _LAST_YEAR, _ACTUAL_VS_BUDGET):
            for m in pattern.finditer(p.norm):
                if m.start("amount") in seen or _PCT_AFTER.match(p.norm, m.end("amount")):
                    continue
                pair = _figures(a, p.norm, own, m, pattern is _PRIOR_INSIDE)
                change = own.get(m.start("amount"))
                if pair is None or change is None or change.kind is not FigureKind.AMOUNT:
                    continue
                seen.add(m.start("amount"))
                found = list(_judge(a, p.norm, own, m, change, *pair))
                total = closing.get(id(pair[0]))
                if found and total is not None:
                    of_total = list(_judge(a, p.norm, own, m, change, total, pair[1]))
                    # the change is the total's when it fits it, or when the part lies on the wrong side
                    wrong_side = (pair[0].value or 0) < (pair[1].value or 0) if direction(m.group("verb")) > 0 else None
                    found = of_total if not of_total or wrong_side else found
                yield from found


# "2022年的“三公”经费决算数合计为1000.86万,…。2021年的三公经费决算数合计为807.95万,…" and then, in its
# own sentence, "2022年“三公”经费决算数相较于上年增加192.91万元": both years' figures printed before
_NAMED_CHANGE = re.compile(
    rf"(?:^|[。;!?\s])(?P<y1>20\d\d)年度?(?P<name>[^,。;:\d]{{2,20}}?)(?:相较于?|较|比|同)(?:上年度?|去年|上一年)(?:相比)?\s*,?\s*"
    rf"(?P<verb>{_VERB})了?\s*(?P<amount>{_MONEY})"
)
_NAME_NOISE = re.compile(r"[\u201c\u201d\"'的\s]|合计|总计|共计|为$|是$")
_NAMED_REACH = 2  # paragraphs back
_NAMED_SPAN = 600  # characters back in the change's own paragraph


def _bare(name: str) -> str:
    return _NAME_NOISE.sub("", _NAME_NOISE.sub("", name))


def check_named_year_changes(a: Analysis) -> Iterator[Finding]:
    """A year's change of a named figure against that figure printed for the year and the year before."""
    by_paragraph: dict[int, list[Figure]] | None = None  # built once, for the first paragraph that needs it
    for p in a.paragraphs:
        if "年" not in p.norm or not any(w in p.norm for w in ("较上", "比上", "相较", "较去", "比去")):
            continue
        by_paragraph = by_paragraph if by_paragraph is not None else a.by_paragraph(lambda f: True)
        own = {f.start: f for f in by_paragraph.get(p.index, [])}
        for m in _NAMED_CHANGE.finditer(p.norm):
            change, name = own.get(m.start("amount")), _bare(m.group("name"))
            if change is None or change.value is None or len(name) < 4 or _PCT_AFTER.match(p.norm, m.end("amount")):
                continue
            year = int(m.group("y1"))
            own_list = by_paragraph.get(p.index, [])
            window = own_list[bisect_left(own_list, m.start() - _NAMED_SPAN, key=lambda f: f.start) : bisect_left(own_list, m.start(), key=lambda f: f.start)]
            earlier = [f for k in range(p.index - _NAMED_REACH, p.index) for f in by_paragraph.get(k, [])] + window
            current, prior = _named_of_year(a, earlier, name, year), _named_of_year(a, earlier, name, year - 1)
            if current is None or prior is None or current.value is None or prior.value is None:
                continue
            diff = (current.value - prior.value) * direction(m.group("verb"))
            if abs(diff - change.value) <= sum((f.tolerance for f in (change, current, prior)), Decimal(0)):
                continue
            decimals = max(2, change.decimals) if change.unit == "万元" else change.decimals
            expected = fmt_amount(abs(diff), change.unit, decimals, like=change.text)
            yield change_finding(a, change, expected, current, prior, m.group("verb"), direction(m.group("verb")))


def _named_of_year(a: Analysis, earlier: list[Figure], name: str, year: int) -> Figure | None:
    """The last plain amount of ``earlier`` named ``name`` right after the year ``year`` ("2021年的三公经费
    决算数合计为807.95万")."""
    found = None
    for f in earlier:
        if f.kind is not FigureKind.AMOUNT or f.comparative or not f.exact:
            continue
        norm = a.paragraph(f.paragraph).norm
        s0, _ = sentence_bounds(norm, f.start)
        years = list(YEAR.finditer(norm, s0, f.start))
        if not years or years[-1].group(1) != str(year):
            continue
        lead = _bare(norm[years[-1].end() : f.start].lstrip("度"))
        if lead == name:
            found = f
    return found


def _figures(a: Analysis, norm: str, own: dict[int, Figure], m: re.Match[str], inside: bool) -> tuple[Figure, Figure] | None:
    """(current, other) of a match, or None when they are not read unambiguously."""
    if "one" not in m.groupdict() and not inside:
        starts = sorted(own)
        return actual_against_budget(norm, own, starts, sentence_bounds(norm, m.start())[0], m.start("base") - 1)
    if inside:
        other = own.get(m.start("prior"))
        current = _current_before(a, norm, own, m.start())
        if current is None or other is None:
            return None
        years = clause_year(norm, current), YEAR.findall(m.group("base"))
        if years[0] and years[1] and years[0] <= years[1][-1]:
            return None  # "2022年…,比2023年…": not this year against an earlier one
        return current, other
    one, other = own.get(m.start("one")), own.get(m.start("other"))
    if one is None or other is None:
        return None
    if "y1" in m.groupdict():
        if m.group("y1") == m.group("y0"):
            return None
        return (one, other) if m.group("y1") > m.group("y0") else (other, one)
    return one, other


# "…完成23992万元,占年度预算22443万元的106.9%,较上年…": the amount's share of its budget between it and the comparison
_SHARE_CLAUSE = re.compile(r",\s*(?:占|为|完成)[^,;:。()%]{0,24}?的\s*\d[\d.]*\s*%\s*,\s*$")


def _current_before(a: Analysis, norm: str, own: dict[int, Figure], at: int) -> Figure | None:
    """The amount printed right before a comparison ("决算8万元,比上年…"), in the same clause chain."""
    s0, _ = sentence_bounds(norm, at)
    if (share := _SHARE_CLAUSE.search(norm, max(s0, at - 40), at)) is not None:
        at = share.start() + 1  # the comparison follows the amount whose share it printed
    head = norm[s0:at].rstrip(" ,")
    if head.endswith(")") and (aside := head.rfind("(")) >= 0 and ")" not in head[aside:-1]:
        at = s0 + aside  # "完成33757万元(2019年实际完成32774万元×103%),比年初…": the amount before its aside
    for start in range(at - 1, max(s0, at - 40) - 1, -1):
        fig = own.get(start)
        if fig is None:
            continue
        gap = norm[start + len(fig.text) : at]
        if len(gap.strip()) > 4 or any(c in gap for c in ";:()") or fig.kind is not FigureKind.AMOUNT:
            return None
        lead = norm[max(0, start - 4) : start]
        if fig.comparative or whole_of_percent(norm, fig) or any(v in lead for v in (*UP, *DOWN)):
            return None  # the nearest amount is itself a change or a part of a whole
        return fig
    return None


def _judge(
    a: Analysis, norm: str, own: dict[int, Figure], m: re.Match[str], change: Figure, current: Figure, other: Figure
) -> Iterator[Finding]:
    if current.value is None or other.value is None or change.value is None:
        return
    verb = m.group("verb")
    sign = -1 if verb in ("节约", "节省") else direction(verb)
    rate = _RATE_AFTER.match(norm, m.end("amount"))
    pct = own.get(rate.start("pct")) if rate else None
    if rate and pct is not None and pct.kind is FigureKind.PERCENT and verb not in ("节约", "节省"):
        yield from judge(a, [verb, rate.group("verb")], change, pct, current, other)
        return
    diff = (current.value - other.value) * sign
    slack = sum((f.tolerance for f in (change, current, other) if f.unit != "万元"), Decimal(0))
    if abs(diff - change.value) <= slack:
        return
    decimals = max(2, change.decimals) if change.unit == "万元" else change.decimals
    expected = fmt_amount(abs(diff), change.unit, decimals, like=change.text)
    yield change_finding(a, change, expected, current, other, verb, sign, _label(m))  # a wrong direction says so


def _label(m: re.Match[str]) -> str:
    base = m.groupdict().get("base") or ""
    return "预算" if "预算" in base and "决算" not in base else "上年"
