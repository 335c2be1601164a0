"""Year-on-year changes: "支出204.78万元，同比减少54.2万元，下降20.93%".

A change is read only in its unambiguous form: a comparison word (同比/较/比/与上年相比) before an
amount of change and a percentage of change with the same direction (增加…增长, 减少…下降). The
current figure is the amount nearest before it in the same sentence (or, when the sentence opens
with the comparison, the last amount of the sentence before). The prior-year figure is the one
printed inside the comparison ("较上年的1800万元增加…") or, when none is, current ∓ change. Then:

- with both years printed, the change must equal their difference (``yoy_change_mismatch``);
- the percentage must equal change ÷ prior at its printed decimals (``yoy_mismatch``); a value
  cut instead of rounded is a warning with both values (``yoy_truncated``).

Amounts printed coarser than 0.01 万元 carry their tolerance (``Figure.tolerance``) through the
division, so a 亿元 figure with one decimal is never reported for its own rounding.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import partial

from selfeval_xl.audit.bases import base_of_named_year, named_with_base, other_basis
from selfeval_xl.audit.change_levels import not_of_change, prior_printed_nearest, subject_before
from selfeval_xl.audit.groups import whole_of_percent
from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding
from selfeval_xl.audit.text import sentence_bounds
from selfeval_xl.audit.years import (
    DOWN,
    UP,
    YEAR,
    Line,
    actual_against_budget,
    bare_change,
    check_prior_pct,
    check_two_years,
    check_years_then_pct,
    clause_year,
    closing_amount,
    direction,
    judge,
    last_years_figure,
    named_before,
    no_prior,
    part_named,
    turned,
    two_years_then_change,
)

_VERB = "负增长|净增加|净增|净减少|净减|增加|增长|上升|提高|增收|增支|减少|下降|降低|减收|减支|压缩|压减|减|增"
_AMOUNT = r"(?P<amount>\d[\d,'.\s]*\s*(?:亿|万|千)?元)"
_PCT = r"(?P<neg>[-\u2212\uff0d]\s*)?(?P<pct>\d[\d.\s]*%)"  # "增长-30%": signed, a fall
_CHANGE = re.compile(
    rf"({_VERB})了?(?:支出|收入|开支)?\s*{_AMOUNT}\s*[,(、]?\s*(?:同比|各|均)?(?:{_VERB}|增幅|降幅|涨幅|减幅)(?:率|幅度)?(?:了|为)?\s*{_PCT}"
)
# "同比增长10.85%,增收2,798万元": the percentage first.
_CHANGE_PCT_FIRST = re.compile(
    rf"({_VERB}|增幅|降幅|涨幅|减幅)(?:率|幅度)?(?:了|为)?\s*{_PCT}\s*[,(]?\s*({_VERB})了?\s*{_AMOUNT}"
)
# "与2019年相比,一般公共预算财政拨款增加27.44万元": the comparison, then the subject by name.
_PARALLEL_SUBJECT = re.compile(
    r"^(?:相比|比较|比)\s*,\s*[\u4e00-\u9fff]{4,16}[^;。]*%\s*;\s*([\u4e00-\u9fff]{4,16})$"
)
_SHORT_SUBJECT = re.compile(r"^(?:相比|比较|比)\s*,\s*(收入|支出)$")  # the sentence before names its amount
_NAMED_SUBJECT = re.compile(
    r"^(?:相比|比较|比)\s*,\s*(?:20\d\d年度?的?|本年度?的?)?((?:[\u4e00-\u9fff\u201c\u201d]|\(境\)){4,18})$"
)  # "与上年相比,2020年度的“三公”经费支出减少了…": the subject, its year and quotes aside
# "较2022年12万元下降20%", "较2017年部门预算收入总数8014212.00元增长1.13%": last year's figure, then the percentage
_PRIOR_THEN_PCT = re.compile(
    r"(?:较|比|与)(?:上年|去年|上一年|20\d\d年)度?(?:同期)?(?:(?![增减降多少提升超节压])[\u4e00-\u9fff\u201c\u201d]){0,14}?"
    r"(?:决算数?|预算数?|完成数?|执行数?|实际完成数?)?的?\s*"
    rf"(?P<prior>\d[\d,'.\s]*\s*(?:亿|万|千)?元)\s*(?:相比)?\s*,?\s*(?P<verb>{_VERB})了?\s*{_PCT}"
)
# "…,同比下降20%" with no amount of change: checked when the sentence gives both years' figures.
_BARE_PCT = re.compile(
    rf"(?:同比|较上年|比上年|较20\d\d年度?|比20\d\d年度?)(?:同期)?(?P<verb>{_VERB})了?\s*{_PCT}"
)
_COMPARE = re.compile(r"同比|较|比|与上年|与20\d\d年")
# "2023年“三公”经费支出1200万元,2022年支出1000万元,增长20%": two named years, then the change
_YEARS_THEN_PCT = re.compile(
    r"(?P<y1>20\d\d)年[^。;%\d]{0,30}(?P<cur>\d[\d,'.]*\s*(?:亿|万|千)?元)\s*,\s*(?P<y0>20\d\d)年[^。;%\d]{0,20}"
    rf"(?P<prior>\d[\d,'.]*\s*(?:亿|万|千)?元)\s*,\s*(?P<verb>{_VERB})了?\s*{_PCT}"
)
_LAST_YEAR_THEN_PCT = re.compile(
    r"(?P<cur>\d[\d,'.]*\s*(?:亿|万|千)?元)\s*,\s*(?:上年度?|去年)(?:同期)?(?:为|是|支出|决算数?为?)?\s*"
    rf"(?P<prior>\d[\d,'.]*\s*(?:亿|万|千)?元)\s*,\s*(?:同比|比上年|较上年)?(?P<verb>{_VERB})了?\s*{_PCT}"
)
# "与上年相比,", also "与2022年度相比,收、支总计各增加…": both sides of one balanced account.
_BARE_COMPARISON = re.compile(
    r"^(?:与|和|同)?(?:上年|上年度|上一年|去年|20\d\d年度?)?(?:决算数?|预算数?|同期)?(?:相比|比较|比)\s*,\s*"
    r"(?:(?:财政拨款)?(?:收、?支|收入[、和及与]?支出)(?:总计|总额|合计|总预算|预算)?(?:各|均)?|各|均)?$"
)

# "较上年21012万元,增收2980万元,增幅14.2%": the prior year's figure in a clause of its own, then the change
_PRIOR_CLAUSE = re.compile(
    r"^(?:较|比)(?:上年|上年度|去年|上一年|20\d\d年度?)(?:同期)?(?:决算数?|预算数?|完成数?|执行数?)?"
    r"(?:(?![增减多少升降提压])[\u4e00-\u9fff]){0,6}的?\s*\d[\d,'.\s]*\s*(?:亿|万|千)?元\s*(?:相比)?\s*,\s*$"
)


def _amount_at(by_start: dict[int, Figure], start: int, end: int) -> Figure | None:
    return next((fig for pos in range(start, end) if (fig := by_start.get(pos)) is not None), None)


def _year_of(a: Analysis, fig: Figure) -> str | None:
    norm = a.paragraph(fig.paragraph).norm
    s0, _ = sentence_bounds(norm, fig.start)
    years = YEAR.findall(norm, s0, fig.start)
    return years[0] if years else None


Subjects = dict[str, list[Figure]]


def _subjects(a: Analysis) -> Subjects:
    """Amounts by the 2–8 characters printed right before them ("公务接待11.8万元" under 公务接待,
    务接待, 接待 …), built once so that looking a subject up costs the same for any text length."""
    index: Subjects = {}
    for fig in a.figures:
        if fig.kind is FigureKind.AMOUNT and fig.exact and fig.value is not None:
            norm = a.paragraph(fig.paragraph).norm
            lead = norm[max(0, fig.start - 12) : fig.start].replace(" ", "").rstrip(":为")
            for width in range(2, 9):
                if len(lead) >= width:
                    index.setdefault(lead[-width:], []).append(fig)
    return index


def _same_name(a: Analysis, subjects: Subjects, fig: Figure) -> tuple[Figure, Figure] | None:
    """(current, prior) when ``fig`` and one other amount are the only two printed under its name
    (its longest 4–8 character lead), of two named years ("2022年度机关运行经费支出100万元")."""
    norm = a.paragraph(fig.paragraph).norm
    lead = norm[max(0, fig.start - 12) : fig.start].replace(" ", "").rstrip(":为")
    for width in range(8, 3, -1):
        name = lead[-width:]
        if len(name) == width and all("\u4e00" <= c <= "\u9fff" for c in name):
            return _two_years(a, subjects, name)
    return None


def _two_years(a: Analysis, subjects: Subjects, subject: str) -> tuple[Figure, Figure] | None:
    """(current, prior): the only two amounts printed right after ``subject``, of two named years."""
    if not 2 <= len(subject) <= 8:
        return None
    found = subjects.get(subject, [])
    if len(found) != 2:
        return None
    years = [_year_of(a, fig) for fig in found]
    if None in years or years[0] == years[1]:
        return None
    first, second = found
    return (first, second) if str(years[0]) > str(years[1]) else (second, first)


def check_year_on_year(a: Analysis) -> Iterator[Finding]:
    """同比 增加/减少 amounts and 增长/下降 percentages against the two years' figures."""
    amounts: dict[int, dict[int, Figure]] = {}
    percents: dict[int, dict[int, Figure]] = {}
    for fig in a.figures:
        if fig.value is None or not fig.exact:
            continue
        if fig.kind is FigureKind.AMOUNT:
            amounts.setdefault(fig.paragraph, {})[fig.start] = fig
        elif fig.kind is FigureKind.PERCENT:
            percents.setdefault(fig.paragraph, {})[fig.start] = fig
    subjects: Subjects | None = None
    closing: dict[int, Figure] = {}
    for group in a.groups:
        if group.explicit:
            closing.setdefault(id(a.figures[group.children[-1]]), a.figures[group.parent])
    for p in a.paragraphs:
        own = amounts.get(p.index)
        if not own:
            continue
        line = Line(a, p.norm, own, sorted(own), percents.get(p.index, {}), closing)
        matches = list(_CHANGE.finditer(p.norm))
        taken = {m.start("pct") for m in matches}
        matches += [m for m in _CHANGE_PCT_FIRST.finditer(p.norm) if m.start("pct") not in taken]
        for m in matches:
            if subjects is None:
                subjects = _subjects(a)
            yield from _check_change(line, m, subjects)
        taken |= {m.start("pct") for m in matches}
        for m in _PRIOR_THEN_PCT.finditer(p.norm):
            if m.start("pct") not in taken:
                taken.add(m.start("pct"))
                yield from check_prior_pct(line, m)
        for m in _BARE_PCT.finditer(p.norm):
            if m.start("pct") not in taken:
                if subjects is None:
                    subjects = _subjects(a)
                elsewhere = partial(_same_name, a, subjects)
                yield from check_two_years(line, m, elsewhere)
        for m in (*_YEARS_THEN_PCT.finditer(p.norm), *_LAST_YEAR_THEN_PCT.finditer(p.norm)):
            if m.start("pct") not in taken:
                taken.add(m.start("pct"))
                yield from check_years_then_pct(line, m)


def _check_change(line: Line, m: re.Match[str], subjects: Subjects) -> Iterator[Finding]:
    a, norm, own, starts = line.a, line.norm, line.own, line.starts
    verbs = re.findall(_VERB, m.group(0))
    verbs += ["增加"] * ("增幅" in m.group(0) or "涨幅" in m.group(0))
    verbs += ["减少"] * ("降幅" in m.group(0) or "减幅" in m.group(0))
    if m.group("neg"):  # the percentage's verb, turned: "减少749.01万元,增长-30%"
        rate_word = re.search(r"(?:增幅|降幅|涨幅|减幅)(?:率|幅度)?(?:了|为)?\s*$", m.string[m.start() : m.start("neg")])
        k = -1 if rate_word or m.start("pct") > m.start("amount") else 0
        verbs[k] = turned(verbs[k])
    if len(verbs) < 2 or direction(verbs[0]) != direction(verbs[-1]):
        return
    change = own.get(m.start("amount"))
    pct = line.pcts.get(m.start("pct"))
    if change is None or pct is None or change.value is None or pct.value is None:
        return
    s0, _ = sentence_bounds(norm, m.start())
    clause = norm[s0 : m.start()]
    compare = list(_COMPARE.finditer(clause))
    segment = norm.rfind(";", s0, m.start())
    if compare and segment >= 0 and s0 + compare[-1].start() < segment:
        # "…其中:因公出国(境)经费90万元,与上年持平;公务接待费980万元,减少30万元,下降2.97%": the comparison was an
        # earlier item's; this item states its own amount and change
        own_before = [f for f in line.before(m.start()) if f.start > segment and not f.comparative]
        compare = [] if own_before else compare
    if not compare:
        if (found := _listed_part(line, s0, m.start(), change)) is not None:
            yield from judge(a, verbs, change, pct, found, None)
            return
        if any(verb in _AGAINST_LAST_YEAR for verb in verbs):  # also "增长6.6%,增收12944万元"
            # "支出数为459989万元,占调整预算数115.8%,增支42991万元,增长11.3%": 增支/增收 are against last year
            levels = [f for f in line.before(m.start()) if not f.comparative and not whole_of_percent(norm, f) and not not_of_change(norm, f, m.start())]
            if levels:
                yield from judge(a, verbs, change, pct, levels[-1], None)
                return
        judged = list(two_years_then_change(line, m, verbs, change, pct))
        yield from judged or bare_change(line, m.start(), verbs, change, pct)
        return
    at = s0 + compare[-1].start()
    between = norm[at : m.start()]
    named_subject = _NAMED_SUBJECT.match(between) if norm[at - 1 : at] == "相" else None
    subject = re.sub("[\u201c\u201d()]", "", named_subject.group(1)) if named_subject else ""
    short = _SHORT_SUBJECT.match(between) if norm[at - 1 : at] == "相" and not line.before(at) else None
    if short and (found := line.named_in_sentence_before(s0, short.group(1))) is not None:
        yield from judge(a, verbs, change, pct, found, None)  # "…收入总计6955.73万元,…。与上年相比,收入增加…"
        return
    parallel = _PARALLEL_SUBJECT.search(between)
    if not subject and parallel and norm[at - 1 : at] == "相":
        subject = parallel.group(1)  # "与上年相比,收入总计增加…,增长…;支出总计增加…": the next subject
    if any(c in between for c in ",;:") and not _BARE_COMPARISON.match(between) and not _PRIOR_CLAUSE.match(between) and not subject:
        # the comparison belongs to an earlier clause ("与上年相比," alone is fine); a part named in
        # its own clause after it ("…比2016年度减少0.28万元,…,其中:…;公务接待费支出决算增加0.01万元,增长
        # 3.45%") is the amount printed before under that name
        part = part_named(norm, m.start())
        found = named_before(a, change, part) if part else None
        if found is not None:
            yield from judge(a, verbs, change, pct, found, None)
        return
    if subject:
        found, base = named_with_base(a, change, subject, norm[max(s0, at - 10) : at])
        core = subject.removesuffix("支出").removesuffix("收入")
        if found is None and len(core) >= 4 and core != subject:
            found = named_before(a, change, core)  # "“三公”经费支出" printed as "“三公”经费总支出"
        if found is None and len(core) >= 4 and core.endswith("经费") and "三公" not in core:
            found = named_before(a, change, core[:-2] + "费")  # "因公出国(境)经费" printed as "因公出国(境)费"
        if found is not None:
            yield from judge(a, verbs, change, pct, found, base)
        return
    if (pair := actual_against_budget(norm, own, starts, s0, at)) is not None:
        yield from judge(a, verbs, change, pct, *pair, _base_named(norm[at : m.start()]))
        return
    prior = _amount_at(own, at, m.start())
    until = at  # where the words between the current figure and the comparison end
    if prior is None and norm[at - 1 : at] == "相" and len(compare) >= 2:
        # "与上年决算数100万元相比减少10万元": the prior-year figure inside 与…相比
        until = s0 + compare[-2].start()
        prior = _amount_at(own, until, at)
    before = [
        own[i]
        for i in starts[bisect_left(starts, s0) : bisect_left(starts, at)]
        if own[i] is not prior and not whole_of_percent(norm, own[i]) and not not_of_change(norm, own[i], at)
    ]
    # ("。与2020年度7718.43万元相比,减少…": the words before 与 when the prior is inside 与…相比)
    opening = norm[s0 : until if prior is not None else at].strip(" 0123456789.、()")
    if not before and (opening.removeprefix("按").removeprefix("同口径") == "" or _OPENING.match(opening)):
        k = bisect_left(starts, s0)
        while k and own[starts[k - 1]].comparative:
            k -= 1  # "…收入6955.73万元,较上年决算数增加950.05万元,…。较年初预算数减少…": not the change before
        before = [own[starts[k - 1]]] if k else closing_amount(a, change.paragraph - 1, line.closing)
        if before and (parent := line.closing.get(id(before[0]))) is not None and parent.paragraph == change.paragraph:
            # "合计3328万元。其中,…2800万元。同比减少830万元": the change is the total's; not in an item's own
            # paragraph ("3.事业收入8257.3万元,为…的收入。较上年增加518.65万元")
            before = [parent]
    if not before and (subject_figure := subject_before(line, s0, opening)) is not None:
        before = [subject_figure]  # "收支较上年…", "收入较上年…": the sentence before names it
    if len(compare) >= 2 and before and max(before, key=lambda f: f.start).comparative:
        # "…为1134万元,较上年1174万元减少40万元,下降3%,较预算数1237万元减少103万元,下降8%": a second comparison
        # of the sentence's subject, not of the last comparison's figures
        # (the amount right before the comparison before this one, in the same clause chain)
        heads = [f for f in before if f.start < s0 + compare[-2].start() and not f.comparative]
        if heads and not any(c in norm[heads[-1].start : m.start()] for c in ";()"):
            before = heads[-1:]
    current: Figure | None = max(before, key=lambda f: f.start) if before else None
    if current is not None and prior is None and len(before) >= 2 and no_prior(current, change, verbs[0]):
        # "收入总计231.24万元,其中年初结转和结余0万元,较2019年增加5.24万元": an item of nothing cannot have
        # grown; the change is the sentence's first amount's
        first = min(before, key=lambda f: f.start)
        current = first if not no_prior(first, change, verbs[0]) else current
    if current is not None and prior is None and len(before) >= 2 and last_years_figure(norm, current):
        # "三公经费支出30万元,上年同期支出40万元,同比减少10万元": the nearest is last year's
        prior, current = current, sorted(before, key=lambda f: f.start)[-2]
    elif current is not None and prior is None and len(before) >= 2:
        # "…2016年决算25万元,2015年决算45.2万元,比上年减少20.20万元,下降44.69%": two named years right
        # before the comparison; the later year's figure against the earlier one's
        two = sorted(before, key=lambda f: f.start)[-2:]
        years = [clause_year(norm, f) for f in two]
        if None not in years and years[0] != years[1] and all(str(y).startswith(("19", "20")) for y in years):
            if not any(f.comparative or c in norm[two[0].start : m.start()] for f in two for c in ":()"):
                later, earlier = (two[0], two[1]) if str(years[0]) > str(years[1]) else (two[1], two[0])
                # last year's budget named, its 执行数 printed: the base is this year's figure less the change
                shown = None if other_basis(norm, norm[s0 + compare[-1].start() : m.start()], earlier) else earlier
                yield from judge(a, verbs, change, pct, later, shown)
            return
    if current is not None and prior is None and (pair := base_of_named_year(norm, before, current, norm[max(s0, at - 10) : at])):
        current, prior = pair
    if current is not None:
        lead = norm[max(s0, current.start - 4) : current.start]
        if any(verb in lead for verb in (*UP, *DOWN)):
            current = None  # the nearest amount is itself a change ("增加1.68万元,其中公务接待较上年减少…")
    gap = norm[current.start + len(current.text) if current else s0 : until]  # up to "与…相比" or the comparison
    named = "".join(c for c in gap[max(gap.rfind(c) for c in ",;:。") + 1 :] if "\u4e00" <= c <= "\u9fff")
    if current is None or "其中" in named or len(named) > 5:
        # A subject named without its amount ("其中公务接待较上年减少0.58万元"): its two years'
        # figures printed elsewhere in the text ("2022年…公务接待11.8万元", "2021年…12.39万元").
        subject = named.removeprefix("其中")
        for tail in ("按同口径", "同口径", "同期"):
            subject = subject.removesuffix(tail)
        # "2018年“三公”经费预算数比2017年预算数减少…": the year's digits are gone, its 年 and 数 go too
        subject = subject.removeprefix("年度").removeprefix("年")
        subject = subject[:-1] if subject.endswith(("预算数", "决算数")) else subject
        pair = _two_years(a, subjects, subject)
        if pair is not None:
            current, prior = pair
        elif len(subject) >= 4 and (found := named_before(a, change, subject)) is not None:
            current, prior = found, None  # "其中:因公出国(境)费同口径比上年减少9万元" under "因公出国(境)费50万元"
        else:
            return
    against = _base_named(norm[until : m.start()])
    judged = list(judge(a, verbs, change, pct, current, prior, against))
    if judged and prior_printed_nearest(a, verbs, change, pct, before, current, prior):
        judged = []  # only a reading that finds fault is checked against the other one
    total = line.closing.get(id(current)) if judged and prior is None else None
    if total is not None and not any(True for _ in judge(a, verbs, change, pct, total, None, against)):
        return  # "总预算37337407.64元,其中:…项目支出预算36849227元,同比增加27125219.46元,增长265.6%": the total's
    yield from judged


_COMPARED = re.compile(
    r"^(?:与|和|同|较|比)?\s*((?:20\d\d年度?|上年度?|去年)?(?:同期)?(?:的)?(?:(?:年初|调整后?的?|全年)?预算数?|决算数?|预算执行数)?)"
)


def _base_named(compared: str) -> str:
    """How the message names the base: "与2020年度预算相比," → 2020年度预算, "比2017年预算数" →
    2017年预算数; a comparison with last year's figure ("与上年相比", "同比") → 上年."""
    m = _COMPARED.match(compared.strip())
    base = m.group(1) if m else ""
    return base if "预算" in base else "上年"


def _listed_part(line: Line, s0: int, verb_at: int, change: Figure) -> Figure | None:
    """ "…决算数比2022年增加0.16万元,增长4.8%。其中:…;公务接待费支出决算增加0.16万元,增长7.4%": an item
    of a 其中 list after a comparison inherits it; its current figure is the amount printed before
    under its name, or right before the change ("其中:地方财政收入完成80.18亿元,增加2.79亿元,增长3.6%")."""
    a, norm = line.a, line.norm
    if not norm[s0:verb_at].lstrip().startswith("其中"):
        return None
    p0, _ = sentence_bounds(norm, max(0, s0 - 1))
    if not _COMPARE.search(norm[p0:s0]):
        return None
    part = part_named(norm, verb_at)
    if part:
        return named_before(a, change, part)
    before = line.before(verb_at)
    if before and norm[before[-1].start + len(before[-1].text) : verb_at].strip() == "," and not before[-1].comparative:
        return before[-1]
    return None


_AGAINST_LAST_YEAR = ("增收", "减收", "增支", "减支")


# "与2022年相比", also with the balanced account named first ("收入支出总体与上年相比")
_OPENING = re.compile(
    r"^(?:收入支出总体|收支总体|收支总计|收、支总计|收入和支出总计|收入、支出总计|收、?支)?"
    r"(?:与|和|同)(?:上年|上年度|上一年|去年|20\d\d年度?)(?:决算数?|预算数?|同期)?相?$"
)
