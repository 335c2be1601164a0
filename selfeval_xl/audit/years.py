"""Judging a year-on-year change once its figures are found (``yoy`` finds them): the change
against the two years' difference, the percentage against change ÷ prior at its printed decimals,
and the forms that print both years' figures ("2023年支出20万元,2022年支出25万元,同比下降20%",
"较2022年12万元下降20%", "…90万元,2022年度支出100万元,减少10万元,下降10%")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from selfeval_xl.audit.findings import change_finding, finding
from selfeval_xl.audit.groups import whole_of_percent
from selfeval_xl.audit.lexicon import FUND_NAMES
from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding, ratio_tolerances
from selfeval_xl.audit.named import name_before
from selfeval_xl.audit.numbers import fmt_amount, round_half_up
from selfeval_xl.audit.ratios import change_percent_range, percent_expected, rounding_range, truncated
from selfeval_xl.audit.text import clause_start, sentence_bounds

UP = ("增加", "增长", "上升", "提高", "增收", "增支", "净增加", "净增")
DOWN = ("负增长", "净减少", "净减", "减少", "下降", "降低", "减收", "减支", "压缩", "压减", "减")
HUNDRED = Decimal(100)
YEAR = re.compile(r"(20\d\d)年")


def direction(verb: str) -> int:
    return 1 if verb in UP or verb == "增" else -1  # ("比上年预算增56400元": a bare 增; never in UP, read as a substring)


def verb_of(m: re.Match[str]) -> str:
    """The verb of a percentage, turned when the percentage is signed: "增长-30%" is a fall of 30%."""
    verb = m.group("verb")
    return turned(verb) if m.groupdict().get("neg") else verb


def turned(verb: str) -> str:
    return "下降" if direction(verb) > 0 else "增长"


@dataclass(frozen=True, slots=True)
class Line:
    """One paragraph as the 同比 readers see it: its text, its exact amounts and percentages by
    start offset (``starts``: the amounts' offsets, sorted)."""

    a: Analysis
    norm: str
    own: dict[int, Figure]
    starts: list[int]
    pcts: dict[int, Figure]
    closing: dict[int, Figure]  # id of the last item of a 其中 list -> the list's total (built once)

    def before(self, pos: int) -> list[Figure]:
        """The amounts of the sentence at ``pos`` printed before it."""
        s0, _ = sentence_bounds(self.norm, pos)
        return [self.own[i] for i in self.starts[bisect_left(self.starts, s0) : bisect_left(self.starts, pos)]]

    def named_in_sentence_before(self, s0: int, word: str) -> Figure | None:
        """The one amount of the sentence ending right before ``s0`` named ``word`` alone or as its
        总计/合计 ("收入总计6955.73万元,…。与上年相比,收入增加…": the sentence's 收入)."""
        if s0 < 2:
            return None
        found = [
            f for f in self.before(s0 - 1)
            if not f.comparative and re.search(word + r"(?:总计|合计)?(?:为|是)?\s*$", self.norm[max(0, f.start - 8) : f.start])
        ]  # fmt: skip
        return found[0] if len(found) == 1 else None


# "同口径增长12.3%", "剔除留抵退税因素后增长…", "增长12.3%(可比口径)": a change against a base the text does not print
_ADJUSTED_BASIS = re.compile(r"口径|剔除|扣除[^,;。]{0,12}因素")


def adjusted_basis(a: Analysis, pct: Figure) -> bool:
    """The percentage is of a comparable (同口径/可比口径) change, or one with a factor taken out: the printed
    figures are not its base."""
    norm = a.paragraph(pct.paragraph).norm
    after = norm[pct.start + len(pct.text) : pct.start + len(pct.text) + 16].lstrip()
    bracket = after.partition(")")[0] if after.startswith("(") else ""
    return bool(_ADJUSTED_BASIS.search(norm, clause_start(norm, pct.start), pct.start) or _ADJUSTED_BASIS.search(bracket))


def check_two_years(
    line: Line, m: re.Match[str], elsewhere: Callable[[Figure], tuple[Figure, Figure] | None]
) -> Iterator[Finding]:
    """ "2023年支出20万元,2022年支出25万元,同比下降20%": two amounts of two named years, then the
    rate; or one amount, the other year's printed under the same name elsewhere (``elsewhere``)."""
    a, norm = line.a, line.norm
    pct = line.pcts.get(m.start("pct"))
    before = line.before(m.start())
    if len(before) > 2 and _LAST_YEARS.fullmatch(norm, clause_start(norm, before[-1].start), before[-1].start) and ";" in norm[before[-2].start : before[-1].start]:
        # "…实际完成783972.50万元,完成预算的106.38%;上年完成878049.20万元,同比下降10.71%": the year's figure closes the
        # clause before (a list's total when it is the list's last item), last year's opens this one (thirty-fifth round)
        current = line.closing.get(id(before[-2]), before[-2])
        if pct is not None and "预算" not in name_before(norm, current.start, 8) and not _compared(norm, current):
            yield from _judge_percent(a, verb_of(m), pct, current, before[-1])
        return
    if pct is None or not 1 <= len(before) <= 2 or any(_compared(norm, f) for f in before):
        return
    years = [clause_year(norm, f) for f in before]
    if len(before) == 2 and None not in years and years[0] != years[1]:
        current, prior = (before[0], before[1]) if str(years[0]) > str(years[1]) else (before[1], before[0])
    else:
        # one amount (or two of one year): the other year's printed under the same name elsewhere
        # ("2010年…公务用车购置及运行费1229.65万元", "2011年…1205.06万元(较2010年压缩2%)")
        pair = elsewhere(before[-1])
        if pair is None or pair[0] is not before[-1]:
            return
        current, prior = pair
    yield from _judge_percent(a, verb_of(m), pct, current, prior)


_LAST_YEARS = re.compile(r"\s*(?:上年|去年|上年度|上一年)(?:同期)?(?:实际)?(?:完成|决算数?|执行数?)?(?:为|是)?\s*")  # (done: not 上年预算)


def _judge_percent(a: Analysis, verb: str, pct: Figure, current: Figure, prior: Figure) -> Iterator[Finding]:
    """The percentage of a change whose two years' figures are both printed, each within its
    printing tolerance (a coarse 亿元 figure widens the range; exact amounts give one value)."""
    if current.value is None or prior.value is None or pct.value is None or prior.value <= 0 or adjusted_basis(a, pct):
        return
    sign = direction(verb)
    change = (current.value - prior.value) * sign
    if change < 0:
        return  # the verb says the other direction: a wording matter, not arithmetic
    ranges = []
    for printed in (False, True):
        current_tol, prior_tol = ratio_tolerances(pct, current, prior, printed=printed)
        # the change moves with last year's figure: the ratio's bounds are at the corners of the two ranges
        corners = [
            (current.value + dc - (prior.value + dp)) * sign / max(prior.value + dp, Decimal("0.0001")) * HUNDRED
            for dc in (-current_tol, current_tol) for dp in (-prior_tol, prior_tol)
        ]
        ranges.append((max(min(corners), Decimal(0)), max(corners)))
    places = min(pct.decimals, 4)
    exact = change / prior.value * HUNDRED
    if round_half_up(ranges[0][0], places) <= pct.value <= round_half_up(ranges[0][1], places) and not truncated(pct, exact):
        return
    cut, expected, precise = percent_expected(pct, exact, 1)
    if not cut and (span := rounding_range(pct, *ranges[1])) is not None:
        yield finding(a, "percent_within_rounding", pct.paragraph, pct.start, pct.text, expected, exact=precise, **span)
        return
    yield finding(
        a, "yoy_truncated" if cut else "yoy_mismatch", pct.paragraph, pct.start, pct.text, expected, exact=precise,
        current=current.text, prior=prior.text, change=fmt_amount(change, current.unit, 2 if current.unit == "万元" else current.decimals, like=current.text),
        prior_label="上年",
    )  # fmt: skip


def two_years_then_change(
    line: Line, m: re.Match[str], verbs: list[str], change: Figure, pct: Figure
) -> Iterator[Finding]:
    """ "2023年度…支出90万元,2022年度支出100万元,减少10万元,下降10%": no comparison word, but the
    sentence gives the two years' figures of one item right before the change."""
    a, norm = line.a, line.norm
    before = line.before(m.start())
    if len(before) != 2 or any(_compared(norm, f) for f in before):
        return
    years = [clause_year(norm, f) for f in before]
    names = [plain_name(norm, f) for f in before]
    if None in years or years[0] == years[1] or (names[1] and names[0][-2:] != names[1][-2:]):
        return
    current, prior = (before[0], before[1]) if str(years[0]) > str(years[1]) else (before[1], before[0])
    yield from judge(a, verbs, change, pct, current, prior)


def plain_name(norm: str, fig: Figure) -> str:
    """The Chinese name of an amount without its year and joining verb ("机关运行经费支出")."""
    name = name_before(norm, fig.start, 24)
    name = name[name.rfind("年") + 1 :].removeprefix("度")
    for verb in ("为", "是", "达到", "共计"):
        name = name.removesuffix(verb)
    return "".join(c for c in name if "\u4e00" <= c <= "\u9fff")


# "本年度…支出90万元,上年度支出100万元": years named relatively (上年结转/结余 are this year's items)
_THIS_YEAR = re.compile(r"本年度?|今年|当年")
_LAST_YEAR = re.compile(r"(?:上年度?|去年|上一年)(?!结转|结余|末)")


def last_years_figure(norm: str, fig: Figure) -> bool:
    """Is the amount last year's figure in a clause of its own ("上年度支出100万元", "上年同期支出
    40万元"), not a comparison ("比上年增加10万元")?"""
    clause = norm[max(0, fig.start - 24) : fig.start]
    clause = clause[max(clause.rfind(c) for c in ",;:。") + 1 :]
    return bool(_LAST_YEAR.search(clause)) and not any(w in clause for w in _COMPARING)


def _compared(norm: str, fig: Figure) -> bool:
    """Is the amount a comparison (a comparative figure that is not merely last year's)?"""
    return fig.comparative and not last_years_figure(norm, fig)


_COMPARING = ("比", "较", "与", "同比", *UP, *DOWN)


def clause_year(norm: str, fig: Figure) -> str | None:
    """The year named in the clause of an amount ("2022年支出25万元"); "9999" for this year and
    "0000" for last year when they are named without digits."""
    low = max(0, fig.start - 24)
    cut = max(norm.rfind(c, low, fig.start) for c in ",;:。")
    years = YEAR.findall(norm, max(low, cut + 1), fig.start)
    if years:
        return str(years[-1])
    clause = norm[max(low, cut + 1) : fig.start]
    if _LAST_YEAR.search(clause):
        return "0000"
    return "9999" if _THIS_YEAR.search(clause) else None


def check_prior_pct(line: Line, m: re.Match[str]) -> Iterator[Finding]:
    """ "公务接待费10万元,较2022年12万元下降20%": the percentage against the two years printed."""
    prior, pct = line.own.get(m.start("prior")), line.pcts.get(m.start("pct"))
    # "收入31751万元,完成预算数31220万元的101.7%,较上年28899万元增长9.9%": the budget is no current figure
    before = [f for f in line.before(m.start()) if not whole_of_percent(line.norm, f)]
    current = before[-1] if before else None
    if current is None or prior is None or pct is None or current.comparative:
        return
    yield from _judge_percent(line.a, verb_of(m), pct, current, prior)


def check_years_then_pct(line: Line, m: re.Match[str]) -> Iterator[Finding]:
    """ "2023年…支出1200万元,2022年支出1000万元,增长20%", "…45.6万元,上年为40万元,增长14%": this year's
    figure, last year's, then the change."""
    current, prior, pct = line.own.get(m.start("cur")), line.own.get(m.start("prior")), line.pcts.get(m.start("pct"))
    years = m.groupdict()
    if years.get("y1") and int(years["y1"]) != int(years["y0"]) + 1:
        return  # years not one apart are no 同比
    if current is None or prior is None or pct is None:
        return
    yield from _judge_percent(line.a, verb_of(m), pct, current, prior)


def judge(
    a: Analysis,
    verbs: list[str],
    change: Figure,
    pct: Figure,
    current: Figure,
    prior: Figure | None,
    prior_label: str = "上年",  # the budget it is against, as named ("与2020年度预算相比": 2020年度预算)
) -> Iterator[Finding]:
    if current.value is None or change.value is None or pct.value is None:
        return
    if prior is not None and adjusted_basis(a, pct):
        return  # "比上年9.8亿元同口径增长…": not that year's printed figure (a 同口径 change beside it is its base)
    if current.unit == "元" and change.unit == "万元" and prior is None:
        # "项目支出29.36元,较上年减少973.77万元,下降97.07%": the amount's 万 dropped; read in the change's unit
        mended = replace(current, value=current.value * 10000, unit="万元")
        if not any(True for _ in judge(a, verbs, change, pct, mended, None, prior_label)):
            return
    sign = direction(verbs[0])
    change_value = change.value
    if prior is not None and prior.value is not None:
        diff = (current.value - prior.value) * sign
        # Two years of one item in one unit: a 1-dp 万元 there is a dropped trailing zero, exact.
        slack = sum((f.tolerance for f in (change, current, prior) if f.unit != "万元"), Decimal(0))
        if abs(diff - change.value) > slack:
            places = max(2, change.decimals) if change.unit == "万元" else change.decimals
            yield change_finding(a, change, fmt_amount(abs(diff), change.unit, places, like=change.text), current, prior, verbs[0], sign, prior_label)
            change_value = abs(diff)  # the percentage is checked against the true difference
        shown_prior = prior.text
    else:
        base = current.value - sign * change.value
        shown_prior = fmt_amount(
            base, current.unit, max(current.decimals, change.decimals, 2 if current.unit == "万元" else 0), like=current.text
        )

    bounds = change_percent_range(pct, change, current, prior, sign, change_value, printed=False)
    if bounds is None:
        return
    places = min(pct.decimals, 4)
    exact = change_value / (bounds[2] + bounds[3]) * 2 * HUNDRED
    if round_half_up(bounds[0], places) <= pct.value <= round_half_up(bounds[1], places) and not truncated(pct, exact):
        return
    cut, expected, precise = percent_expected(pct, exact, 1)
    printed = change_percent_range(pct, change, current, prior, sign, change_value, printed=True)
    if not cut and printed is not None and (span := rounding_range(pct, printed[0], printed[1])) is not None:
        yield finding(a, "percent_within_rounding", pct.paragraph, pct.start, pct.text, expected, exact=precise, **span)
        return
    yield finding(
        a, "yoy_truncated" if cut else "yoy_mismatch", pct.paragraph, pct.start, pct.text, expected, exact=precise,
        current=current.text, prior=shown_prior, change=change.text, prior_label=prior_label,
    )  # fmt: skip


# "支出决算15万元,预算20万元,决算比预算减少5万元,下降25%": the spending against its budget, both named
# before the comparison in its sentence — not the amount nearest before it.
_ACTUAL_THEN_BUDGET = re.compile(r"(?:(?:决算数?|执行数|实际支出|实际数)\s*|,)(?:较|比)\s*(?:年初|调整后?|全年)?预算")  # (",比年初预算…": 35th)
_ACTUAL = ("决算", "执行数", "实际")


def actual_against_budget(norm: str, own: dict[int, Figure], starts: list[int], s0: int, at: int) -> tuple[Figure, Figure] | None:
    low = max(s0, at - 4)
    found = _ACTUAL_THEN_BUDGET.search(norm, low, at + 12)
    if found is None or not found.start() < at < found.end():  # the comparison word ``at`` inside it
        return None
    before = [own[i] for i in starts[bisect_left(starts, s0) : bisect_left(starts, at)] if not own[i].comparative and own[i].kind is FigureKind.AMOUNT]
    names = [name_before(norm, f.start, 12) for f in before]
    actual = [f for f, n in zip(before, names, strict=True) if any(w in n for w in _ACTUAL)]
    budget = [f for f, n in zip(before, names, strict=True) if "预算" in n and not any(w in n for w in _ACTUAL)]
    return (actual[-1], budget[-1]) if actual and budget and actual[-1].unit == budget[-1].unit else None


def closing_amount(a: Analysis, index: int, closing: dict[int, Figure] | None = None) -> list[Figure]:
    """The last amount of paragraph ``index`` when that paragraph is one sentence stating it
    ("2023年度收入总计600万元。" then "与2022年相比,增加60万元,增长11.11%。"); with ``closing`` (the lists' totals),
    also the total of a one-sentence paragraph that closes with its 其中 list ("支出总计434.72万元,
    其中:…,年末结转和结余0.55万元。" then "收入支出总体与上年相比,增加…")."""
    if index < 1:
        return []
    p = a.paragraph(index)
    if p.level or p.norm.rstrip().count("。") > 1:
        return []
    k = bisect_left(a.figures, index, key=lambda f: f.paragraph)
    own = [f for f in a.figures[k : k + 50] if f.paragraph == index and f.kind is FigureKind.AMOUNT]
    if len(own) == 1 and own[0].exact and not own[0].comparative:
        return own
    parent = closing.get(id(own[-1])) if closing is not None and own else None
    return [parent] if parent is not None and parent is own[0] else []


def part_named(norm: str, verb_at: int) -> str:
    """The name of a clause that is only a name then the change ("其中:公务接待费支出决算增加…")."""
    start = max(norm.rfind(c, 0, verb_at) for c in ",;:")
    clause = norm[start + 1 : verb_at].strip()
    name = clause.removeprefix("其中").lstrip(":").replace("\u201c", "").replace("\u201d", "")
    if len(name) < 6 or any(not ("\u4e00" <= c <= "\u9fff" or c in "()") for c in name):
        return ""
    return "".join(c for c in name if "\u4e00" <= c <= "\u9fff")


def named_before(a: Analysis, change: Figure, subject: str) -> Figure | None:
    """The nearest exact amount before ``change`` (up to two paragraphs back, at most 50 amounts)
    printed after a name holding ``subject`` ("2020年一般公共预算财政拨款支出1264.92万元")."""
    k = bisect_left(a.figures, (change.paragraph, change.start), key=lambda f: (f.paragraph, f.start))
    seen = 0
    for fig in reversed(a.figures[max(0, k - 400) : k]):
        if change.paragraph - fig.paragraph > 2 or seen >= 50:
            break
        if fig.kind is not FigureKind.AMOUNT or not fig.exact or fig.comparative:
            continue
        seen += 1
        norm = a.paragraph(fig.paragraph).norm
        name = "".join(c for c in name_before(norm, fig.start) if "\u4e00" <= c <= "\u9fff")
        if subject in name:
            return fig
        own = name.removesuffix("为")
        if len(subject) >= 8 and len(own) >= 4 and subject.endswith(own):
            # "“三公”经费财政拨款支出决算" printed as "“三公”经费财政拨款支出年初预算为22万元,支出决算为8.77万元":
            # the name's end here, its head earlier in the same sentence
            s0, _ = sentence_bounds(norm, fig.start)
            head = "".join(c for c in norm[s0 : fig.start] if "\u4e00" <= c <= "\u9fff")
            if subject[:4] in head:
                return fig
    return None


_RIGHT_AFTER = re.compile(r"^\s*,\s*(?:增加|减少|增|减)\s*$")  # ("…运行维护费325000元,增72000元,同比增长28.46%")
_BUDGET_NAMES = re.compile("|".join(name.removesuffix("预算") + "预算" for name in FUND_NAMES))
_PLANNED = ("预算", "计划", "目标", "调整", "追加", "调增", "调减", "下达", "安排")


def bare_change(line: Line, at: int, verbs: list[str], change: Figure, pct: Figure) -> Iterator[Finding]:
    """ "全市累计完成一般公共预算支出227.53亿元,增加19.54亿元,增长9.39%": a change printed with no 比/较/同比
    right after the amount it is of. Its base is unnamed — last year's figure, or the amount itself before
    it changed ("年初预算100万元,…增加20万元,增长20%") — so the percentage is wrong only when it fits
    neither reading; a planned amount (预算, 计划, 调整…) is left alone."""
    before = line.before(at)
    current = before[-1] if before else None
    if current is None or current.comparative or current.value is None or change.value is None:
        return
    if not _RIGHT_AFTER.match(line.norm[current.start + len(current.text) : change.start]):
        return
    s0, _ = sentence_bounds(line.norm, current.start)
    lead = _BUDGET_NAMES.sub("", line.norm[line.norm.rfind(";", s0, current.start) + 1 or s0 : current.start])  # its item's words
    if any(word in lead for word in _PLANNED) or whole_of_percent(line.norm, current):
        return
    as_current = list(judge(line.a, verbs, change, pct, current, None))
    grown = replace(current, value=current.value + direction(verbs[0]) * change.value)
    if as_current and any(True for _ in judge(line.a, verbs, change, pct, grown, current)):
        yield from as_current


def no_prior(current: Figure, change: Figure, verb: str) -> bool:
    """Would the change leave last year's figure at zero or below?"""
    return current.value is not None and change.value is not None and current.value - direction(verb) * change.value <= 0


def against_budget(norm: str, fig: Figure) -> bool:
    """A change against the budget ("总额为12.5万元,比预算减少2.5万元,比上年增加2.5万元"): never
    the figure a change against last year is of."""
    lead = norm[max(0, fig.start - 10) : fig.start]
    # "完成预算49531万元的85.0%,短收7431万元,同比下降10.2%": 短收/超收 are against the budget too
    return ("预算" in lead and any(verb in lead[-4:] for verb in (*UP, *DOWN))) or lead.endswith(_AGAINST_BUDGET)


_AGAINST_BUDGET = ("短收", "超收", "短支", "超支")
