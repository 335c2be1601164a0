"""Figures of a report: amounts (万元), percentages, counts with 量词, scores and grades.

Every pattern runs on the normalised paragraph (``Paragraph.norm``); the printed text of a
figure is cut from the original at the same offsets. Values are ``Decimal`` built from the
printed digits; amounts in 元/千元/亿元 are converted to 万元 exactly.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from selfeval_xl.audit.cell_scores import cell_scores
from selfeval_xl.audit.lexicon import (
    AMBIGUOUS_DENOMINATORS,
    BUDGET_DENOMINATORS,
    CN_MEASURE_WORDS,
    COMPARATIVE_WORDS,
    DENOMINATOR_ROLES,
    EXECUTION_RATE_WORDS,
    GRADE_ALIASES,
    GRADE_WORDS,
    MEASURE_WORDS,
    ROLE_KEYWORDS,
    SCORE_WORDS,
)
from selfeval_xl.audit.model import Figure, FigureKind, Paragraph
from selfeval_xl.audit.numbers import CN_NUMERAL_CHARS, cn_to_int, decimals_of, parse_decimal
from selfeval_xl.audit.text import clause_start, is_cjk, marker

_NUM = r"(\d{1,3}(?:[,']\d{3})+(?:\s?\.\s?\d+)?|\d+(?:\s?\.\s?\d+)?)"
_AMOUNT = re.compile(rf"(?<![\d.]){_NUM}\s*(余|多)?\s*(亿|万|千)?(余|多)?元(以上|左右)?")
# never the "×100%" of a written formula ("执行率=950/1000×100%=95%": a multiplier, not a stated rate)
_PERCENT = re.compile(rf"(?<![\d.\u00d7*/÷]){_NUM}\s*%")
_COUNT_DIGITS = re.compile(
    rf"(?<![\d.第每A-Za-z])(?<!\d,)(?<!\d')(\d{{1,3}}(?:[,']\d{{3}})+|\d+)\s*(余|多)?\s*([{MEASURE_WORDS}])(以上|余|左右|多)?(?!百分点|部分)"
)
_COUNT_CN = re.compile(
    rf"(?<![第每同唯统单{CN_NUMERAL_CHARS}])([{CN_NUMERAL_CHARS}]+)\s*(余|多)?\s*([{CN_MEASURE_WORDS}])(以上|余|左右|多)?"
)
_SCORE = re.compile(rf"({'|'.join(SCORE_WORDS)})[^,;。\d]{{0,6}}?{_NUM}\s*分(?![之钟值配别类析数])")
_GRADE = re.compile(
    rf"({'|'.join(GRADE_WORDS)})[^,;。\d]{{0,8}}?[\"'\u201c\u2018\u300c]?"
    r"(优秀|良好|中等|较差|优|良|中|差)(?=[\u201d\u2019\u300d\"'等级档次,.;。\s)]|$)"
)
_FUSED_YEAR = re.compile(r"(?:19|20)\d{4,}(?:\.\d+)?$")  # a year and an amount run together, no separator
_COMPARED_BY = ("与", "较", "比", "同", "和")
_UNIT_FACTOR = {"亿": Decimal(10000), "万": Decimal(1), "千": Decimal("0.1"), "": Decimal("0.0001")}
_DENOMINATOR_TAIL = ("的", "比例", "比重", "比", "为", "达到", "达", "约", "了", "左右")


def _masked(paragraph: Paragraph) -> str:
    """The normalised text with the leading numbering marker ("1、", "(2)" in full width) blanked out."""
    _, end, _ = marker(paragraph.norm)
    level = paragraph.level
    if end and level in (0, 3):
        return " " * end + paragraph.norm[end:]
    return paragraph.norm


# Balances carried from last year are amounts of this year's account, not comparisons.
# 上年结转, 上年度结余的资金, 上年专项结转… (never "上年减少结余": a change)
_BALANCE = re.compile(r"上年度?的?(?:(?![增减降升])[\u4e00-\u9fff]){0,4}?(?:结转|结余|結轉|結余)")
# Words between a role keyword and its amount that make the amount an item of a breakdown
# ("项目支出包括培训经费12.5万元"), not the amount the keyword names.
_BREAKDOWN_WORDS = ("包括", "其中", "含", "主要用于", "用于", "如")
# A generic budget keyword right after a specific one names the specific role in a budget text
# ("基本支出预算2476260.58元" is 基本支出).
_GENERIC_BUDGET = ("预算数", "预算")
_FUND_KINDS = ("一般公共", "政府性基金", "国有资本经营", "社会保险基金")


# "…,比年初预算数34780万元(…)减少1023万元": the base a clause compares with, the change right after it
_COMPARED_BASE = re.compile(r"(?:比|较)[\u4e00-\u9fff]{0,10}$")
_CHANGED_AFTER = re.compile(r"\s*(?:\([^()]{0,60}\))?\s*(?:增加|减少|增长|下降|增收|减收|增支|减支|调增|调减)")


def amount_role(norm: str, start: int, end: int | None = None) -> tuple[str, str, bool]:
    """(role, label, comparative) of the amount at ``start`` (ending at ``end``): the role keyword ending
    closest to it; an amount a clause compares with is comparative too."""
    clause = norm[clause_start(norm, start) : start].replace(" ", "")  # "同 比 增 加": letter-spaced text
    plain = clause.replace("增加值", "")  # value added (第三产业增加值) is a level, not a change
    plain = _BALANCE.sub("", plain)
    cut = plain.rfind("%")
    if cut >= 0 and any(is_cjk(c) for c in plain[cut + 1 :]):
        plain = plain[cut + 1 :]  # "增长67.1%上级补助405490万元": the comparison ended with its percentage
    comparative = any(word in plain for word in COMPARATIVE_WORDS)
    comparative = comparative or (end is not None and bool(_COMPARED_BASE.match(plain)) and bool(_CHANGED_AFTER.match(norm, end)))
    best: tuple[tuple[int, int], str] | None = None
    for keyword in ROLE_KEYWORDS:
        at = clause.rfind(keyword)
        if at >= 0:
            key = (at + len(keyword), len(keyword))
            if best is None or key > best[0]:
                best = (key, keyword)
    if best is None:
        window = clause[-12:]
        window = window[max(window.rfind(c) for c in "元%、") + 1 :]  # not the previous item's unit
        tail = "".join(c for c in window if is_cjk(c))
        return "other", tail, comparative
    keyword = best[1]
    end = best[0][0]
    if keyword == "预算" and clause[: end - 2].endswith(_FUND_KINDS):
        # "一般公共预算财政拨款支出300万元": a kind of fund, not a budget
        return "other", clause[max(0, end - 8) :], comparative
    if keyword in _GENERIC_BUDGET:
        head = clause[: end - len(keyword)]
        specific = [k for k in ROLE_KEYWORDS if head.endswith(k) and k not in _GENERIC_BUDGET]
        if specific:
            keyword = max(specific, key=len)
    if any(word in clause[end:] for word in _BREAKDOWN_WORDS):
        return "other", keyword, comparative
    return ("other" if comparative else ROLE_KEYWORDS[keyword]), keyword, comparative


def denominator_role(phrase: str) -> str:
    """Role of the amount a share is taken of ("基本支出" -> basic); "" when unnamed or unknown."""
    if phrase in BUDGET_DENOMINATORS:
        return "budget"
    if ambiguous := ambiguous_roles(phrase):
        return ambiguous[0]
    for key in sorted(DENOMINATOR_ROLES, key=len, reverse=True):
        if phrase.endswith(key):
            return DENOMINATOR_ROLES[key]
    return ""


def ambiguous_roles(phrase: str) -> tuple[str, ...]:
    """Roles a share's denominator may be when its name fits more than one ("收入总额")."""
    for key in sorted(AMBIGUOUS_DENOMINATORS, key=len, reverse=True):
        if phrase.endswith(key):
            return AMBIGUOUS_DENOMINATORS[key]
    return ()


_TRAILING_AMOUNT = re.compile(r"\s*\d[\d,'.\s]*(?:亿|万|千)?元\s*(?=的?$)")


def _denominator_phrase(clause: str) -> str:
    phrase = clause[clause.rfind("占") + 1 :].strip()
    # "占比分别为70%、30%" names no whole; "占“三公”经费的" names 三公经费
    phrase = phrase.removeprefix("比").removeprefix("到").replace("分别", "").strip("\u201c\u201d\"")  # "占到…的"
    phrase = phrase.replace("\u201c", "").replace("\u201d", "")
    phrase = _TRAILING_AMOUNT.sub("", phrase)  # "占本年支出合计1000万元的" names 本年支出合计
    changed = True
    while changed:
        changed = False
        for tail in _DENOMINATOR_TAIL:
            if phrase.endswith(tail):
                phrase, changed = phrase[: -len(tail)].strip(), True
    return phrase


# "完成年初预算的98%", "完成调整后预算数1800万元的95.2%", "为调整预算的101.9%", "占年初预算的27.7%",
# "为年度收入目标7,598万元的100%":
# a completion rate (a budget is never a whole the amount is a part of).
# The budget may be named by who approved it ("完成区人大常委会第十九次会议批准收入调整预算37.5亿元的114.7%").
_COMPLETION = (
    # "实际支出为1115.07万元,占总预算比为66.22%"
    r"(?:占(?:总|全年|年初)?预算(?:数)?的?比(?:例|重)?(?:为|是|达)?\s*|"
    r"(?:完成|为|占)(?:了)?(?:[\u4e00-\u9fff\d]{2,24}?(?:批准|审议通过|通过)的?(?:收入|支出)?)?"
    r"(?:(?:人大|人代会)?(?:全[县市区省镇州旗]|[县市区]?本级)?(?:年初|年?调整后?|年度|全年|年)?预算(?:数)?\s*(?:\d[\d,'.\s]*(?:亿|万|千)?元)?"
    # a target or plan read as a budget only with its amount ("为年度收入目标7,598万元的100%")
    r"|(?:年初|年度|全年)?(?:收入|支出)?(?:目标|计划)(?:任务)?(?:数)?\s*\d[\d,'.\s]*(?:亿|万|千)?元)\s*的\s*)"
)
COMPLETION = re.compile(_COMPLETION + "$")  # the words before the rate
COMPLETION_ANYWHERE = re.compile(_COMPLETION + r"\d")  # the phrase with its rate, inside a text


def _percent_role(norm: str, start: int) -> tuple[str, str]:
    clause = norm[clause_start(norm, start) : start]
    # in a row of figures ("预算调整率%3%0100%22否结转结余率%2%…") the words since the last percentage
    # name this one; a list of rates ("执行率分别为95%、90%") keeps its name
    parts = clause.split("%")
    tail = parts[-2] if len(parts) >= 2 and not parts[-1].strip() else parts[-1]  # "率%3%": a unit column
    named = clause if not tail.strip(" 、和及与") else tail
    if any(word in named for word in EXECUTION_RATE_WORDS):
        return "execution", ""
    if COMPLETION.search(clause):
        return "execution", "completion"
    if "占" in clause:
        return "share", _denominator_phrase(clause)
    return "other", ""


# "基本支出和项目支出分别为700万元、300万元": names, then as many amounts in the same order.
_RESPECTIVE = re.compile(r"([\u4e00-\u9fff、()]{4,40}?)分别(?:为|是|达到|达|约)?\s*$")
_RESPECTIVE_GAP = re.compile(r"^\s*(?:、|和|及|与|,)\s*$")


def _respective(norm: str, found: list[Figure]) -> list[Figure]:
    """Each amount of a "A和B分别为x、y" list takes the role of its own name, not the last one's."""
    out = list(found)
    k = 0
    while k < len(out):
        head = _RESPECTIVE.search(norm, clause_start(norm, out[k].start), out[k].start)
        run = [k]
        while head and run[-1] + 1 < len(out):
            last, nxt = out[run[-1]], out[run[-1] + 1]
            if not _RESPECTIVE_GAP.match(norm[last.start + len(last.text) : nxt.start]):
                break
            run.append(run[-1] + 1)
        names = re.split(r"、|和|及|与", head.group(1).removeprefix("其中")) if head else []
        if head and len(run) >= 2 and len(names) == len(run):
            for i, name in zip(run, names, strict=True):
                role, label, comparative = amount_role(name, len(name))
                out[i] = replace(out[i], role=role, label=label or name, comparative=comparative)
        k = run[-1] + 1
    return out


# "国防支出682万,占全年总支出的0.25%", "调出资金2.2亿。": 万/亿 without 元 in a paragraph that prints that unit
# with 元, after a name of money (支出, 收入, 资金, 经费, 费, 拨款, 结余…); never a head-count ("服务群众1.2万,")
# "由区财政局分2批次将156.0万补助资金…发放到位", "110万用于…": money named right after the amount
_MONEY_AFTER = "补助|补贴|资金|经费|拨款|奖补|用于"
_BARE_AMOUNT = re.compile(rf"(?<![\d.]){_NUM}\s*()(亿|万)()(?=\s*[,;。、)(]|\s*$|{_MONEY_AFTER})")
_MONEY_NAMES = ("支出", "收入", "资金", "经费", "费", "拨款", "结余", "结转", "补助", "预算", "债券", "债劵", "预算数", "决算数", "决算数合计", "经费合计")
# "培训费增加5.13万", "…短收6210万": a change of money named earlier in the clause
_MONEY_CHANGES = ("增加", "减少", "增收", "减收", "短收", "超收", "节约", "下降", "增长")


# "…后备人才训练支持71万元;科研助力保障1.25万。", "其中支付养老机构运营补贴48万、社会工作服务站建设15万元":
# an item of a list of amounts, its 元 dropped
_SIBLING = re.compile(r"\d\s*(亿|万)元\s*[;、]\s*[\u4e00-\u9fff]{2,16}$")


_NEXT_SIBLING = re.compile(r"\s*[;、]\s*[\u4e00-\u9fff]{2,16}\d[\d.,']*\s*(亿|万)元")


def _after_sibling(norm: str, m: re.Match[str]) -> bool:
    """Is the bare amount an item of a list of amounts, after or before one printed with 元?"""
    before = _SIBLING.search(norm, max(0, m.start() - 24), m.start())
    after = _NEXT_SIBLING.match(norm, m.end())
    return any(found is not None and found.group(1) == m.group(3) for found in (before, after))


def _bare_amounts(norm: str) -> list[re.Match[str]]:
    found = []
    printed = {big for big in ("万", "亿") if f"{big}元" in norm}  # looked up once: linear in the paragraph
    for m in _BARE_AMOUNT.finditer(norm) if printed else ():
        name = norm[max(0, m.start() - 12) : m.start()]
        head = name.rstrip(" 为了达")
        changed = any(head.endswith(w) for w in _MONEY_CHANGES) and any(w in norm[max(0, m.start() - 30) : m.start()] for w in _MONEY_NAMES)
        after = re.match(_MONEY_AFTER, norm[m.end() : m.end() + 2]) is not None
        if m.group(3) in printed and (any(head.endswith(w) for w in _MONEY_NAMES) or changed or after or _after_sibling(norm, m)):
            found.append(m)
    return found


_RANGE_END = re.compile(r"\d\s*(?:[万亿億千]\s*)?(?:元\s*)?[-~\u2212\u2014\u2013至]\s*$")
_PER_UNIT = re.compile(r"每[\u4e00-\u9fff]{0,5}$")  # "每个奖补", "每园奖补", "每人补助"
_MILESTONE = re.compile(r"[^,;:。]{0,30}?(?:大关|台阶|关口)")  # the amount's clause ends on the milestone word
_PER_CLAUSE = re.compile(r"\s*每[\u4e00-\u9fff]{0,30}$")  # a clause opening with 每 up to the amount
_BOUND_BEFORE = re.compile(r"(超过|突破|逾|将近|接近|(?<![最附])近|(?<![节集制预签履合])约|不足|不到|超)\s*$")  # not 节约, 最近


def _amounts(p: Paragraph, norm: str) -> list[Figure]:
    out = []
    matches = sorted([*_AMOUNT.finditer(norm), *_bare_amounts(norm)], key=lambda m: m.start())
    for m in matches:
        raw, big = m.group(1), m.group(3) or ""
        qualifier = m.group(2) or m.group(4) or (m.group(5) if m.re is _AMOUNT else "") or ""
        if (
            norm[m.end() : m.end() + 1] in ("/", "每")
            or _PER_UNIT.search(norm, max(0, m.start() - 8), m.start())
            or _PER_CLAUSE.match(norm, clause_start(norm, m.start()), m.start())
        ):
            # "0.60万元/生·年", "1000元/人", "示范村每个奖补60万元", "每县县级基本财力保障转移支付1000万元,共计
            # 2.3亿元": a unit price, never a sum's term
            qualifier = qualifier or "/"
        if norm[max(0, m.start() - 1) : m.start()] in ("?", "\ufffd"):
            qualifier = qualifier or "?"  # "…支С?8639萬元": a character lost in encoding may have taken digits
        if _MILESTONE.match(norm, m.end()):
            qualifier = qualifier or "~"  # "连续跨越400亿元、500亿元、600亿元大关": a milestone passed, no figure
        if _FUSED_YEAR.match(re.sub(r"\s", "", raw)) and norm[max(0, m.start() - 1) : m.start()] in _COMPARED_BY:
            qualifier = qualifier or "?"  # "与2019498.83万元相比": the year's 年 dropped, or 2019498.83万元
        if m.start() >= 2 and norm[m.start() - 1] == "," and norm[m.start() - 2].isdigit():
            qualifier = qualifier or "?"  # "实际采购金额1420,53万元": a decimal comma, or a list; never 53万元
        role, label, comparative = amount_role(norm, m.start(), m.end())
        unit = f"{big}元"
        value = parse_decimal(raw) * _UNIT_FACTOR[big]
        if not qualifier and (bound := _BOUND_BEFORE.search(norm, max(0, m.start() - 4), m.start())):
            qualifier = bound.group(1)  # "超过7400亿元", "突破8000亿元", "近3000万元": a bound, never exact
        if _RANGE_END.search(norm, max(0, m.start() - 12), m.start()):
            qualifier = qualifier or "~"  # "120-170亿元", "5亿-10亿元", "5至10万元": a range's end, no sum's term
        elif m.start() >= 2 and norm[m.start() - 1] in "-\u2212" and is_cjk(norm[m.start() - 2]):
            value = -value  # "补充预算周转金-21万元": a negative amount (never a range "10-20万元")
        text = p.text[m.start() : m.end()]
        out.append(
            Figure(
                FigureKind.AMOUNT,
                value,
                text,
                p.index,
                m.start(),
                role,
                unit,
                decimals_of(raw),
                qualifier,
                label,
                comparative,
            )
        )
    return _respective(norm, out)


def _percents(p: Paragraph, norm: str) -> list[Figure]:
    out = []
    for m in _PERCENT.finditer(norm):
        role, label = _percent_role(norm, m.start())
        raw = m.group(1)
        text = p.text[m.start() : m.end()]
        out.append(
            Figure(
                FigureKind.PERCENT,
                parse_decimal(raw),
                text,
                p.index,
                m.start(),
                role,
                "%",
                decimals_of(raw),
                "",
                label,
            )
        )
    return out


def _counts(p: Paragraph, norm: str, taken: list[tuple[int, int]]) -> list[Figure]:
    out = []
    covered = bytearray(len(norm) + 1)
    for s, e in taken:
        covered[s:e] = b"\x01" * (e - s)
    for pattern in (_COUNT_DIGITS, _COUNT_CN):
        for m in pattern.finditer(norm):
            if covered[m.start()]:
                continue
            raw, word = m.group(1), m.group(3)
            arabic = raw[0].isdigit()
            value = int(raw.replace(",", "").replace("'", "")) if arabic else cn_to_int(raw)
            if value is None or (not arabic and value == 1 and word in "次类部"):
                continue
            qualifier = m.group(2) or m.group(4) or ""
            text = p.text[m.start() : m.end()]
            out.append(
                Figure(
                    FigureKind.COUNT, Decimal(value), text, p.index, m.start(), word, word, 0, qualifier, raw
                )
            )
    return out


def _scores(p: Paragraph, norm: str) -> list[Figure]:
    out = []
    for m in _SCORE.finditer(norm):
        raw = m.group(2)
        start = m.start(2)
        text = p.text[start : m.end()]
        out.append(
            Figure(
                FigureKind.SCORE,
                parse_decimal(raw),
                text,
                p.index,
                start,
                "score",
                "分",
                decimals_of(raw),
                "",
                m.group(1),
            )
        )
    for m in _GRADE.finditer(norm):
        start = m.start(2)
        grade = GRADE_ALIASES[m.group(2)]
        out.append(
            Figure(
                FigureKind.GRADE, None, p.text[start : m.end(2)], p.index, start, grade, "", 0, "", m.group(1)
            )
        )
    return out


def extract_figures(paragraphs: tuple[Paragraph, ...]) -> tuple[Figure, ...]:
    """All figures, in document order (paragraph, offset)."""
    figures: list[Figure] = []
    for p in paragraphs:
        norm = _masked(p)
        numbers = _amounts(p, norm) + _percents(p, norm) + _scores(p, norm) + cell_scores(p, norm)
        taken = [(f.start, f.start + len(f.text)) for f in numbers]
        figures += numbers + _counts(p, norm, taken)
    figures.sort(key=lambda f: (f.paragraph, f.start, f.kind.value))
    return tuple(figures)
