"""Consistency checks: low execution rate vs problems section, counts vs listed items, mistyped terms, level-1
heading numbering (score vs grade is ``grades``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from selfeval_xl.audit.enumerations import near
from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.lexicon import PROBLEM_DENIALS, PROBLEM_HEADING_WORDS, UNIT_SUFFIXES
from selfeval_xl.audit.model import Analysis, Figure, Finding, Paragraph
from selfeval_xl.audit.numbers import cn_to_int, int_to_cn, numeral_value
from selfeval_xl.audit.text import clause_start, is_cjk, sentence_bounds

LOW_EXECUTION_RATE = Decimal(90)


def _problems_section(a: Analysis) -> tuple[Paragraph, str] | None:
    """The heading of the problems section and the text under it (normalised, no spaces)."""
    paragraphs = a.paragraphs
    for i, p in enumerate(paragraphs):
        if p.level in (1, 2) and any(word in p.heading for word in PROBLEM_HEADING_WORDS):
            body = [p.norm[len(p.heading) :]]
            for q in paragraphs[i + 1 :]:
                if q.level and q.level <= p.level:
                    break
                body.append(q.norm)
            return p, "".join("".join(body).split()).strip(":;,。.")
    return None


def _denies_problems(body: str) -> bool:
    if not body or body in PROBLEM_DENIALS:
        return True
    return len(body) <= 40 and any(len(d) > 2 and d in body for d in PROBLEM_DENIALS)


# "存在问题 | 暂无", "存在问题:无" in a 自评表 row or a sentence, outside any problems section.
_INLINE_DENIAL = re.compile(r"(存在(?:的)?问题(?:及原因)?)[\s|:]*(?:暂无|无|没有|未发现)(?:问题|明显问题)?(?=[\s|。;,]|改进|$)")


# "存在的问题:资金拨付进度偏慢。", "存在问题 | 个别项目支出进度滞后": the problems stated inline, not under a heading
_INLINE_PROBLEMS = re.compile(r"存在(?:的)?(?:主要)?问题(?:及原因|及改进措施|和改进措施)?[\s|:]+(?P<body>[^|。;]{4,})")


def _inline_problems(a: Analysis) -> bool:
    return any(
        not _denies_problems(m.group("body").strip()) for p in a.paragraphs for m in _INLINE_PROBLEMS.finditer(p.norm)
    )


def _inline_denial(a: Analysis) -> str:
    for p in a.paragraphs:
        if m := _INLINE_DENIAL.search(p.norm):
            return m.group(1)
    return ""


# the words by which a text shows itself a performance evaluation, whose problems section a low rate needs
_SELF_EVALUATION = re.compile(r"绩效自评|自评报告|自评表|绩效评价|绩效目标|绩效监控|得分")  # (得分: a scored 自评表 row)


def _self_evaluation(a: Analysis) -> bool:
    return any(_SELF_EVALUATION.search(p.norm) for p in a.paragraphs)


def check_low_execution(a: Analysis) -> Iterator[Finding]:
    """An execution rate below 90% needs a problems section that explains it."""
    section = _problems_section(a)
    for link in a.rates:
        pct = a.figures[link.percent]
        if pct.value is None or pct.value >= LOW_EXECUTION_RATE or pct.label == "completion":
            continue  # a 决算 text's "完成年初预算的85%" is reported on, not explained in a problems section
        if section is None and (inline := _inline_denial(a)):
            yield finding(
                a, "low_rate_problems_denied", pct.paragraph, pct.start, pct.text, ">=90%", problems=inline
            )
        elif section is None:
            if _self_evaluation(a) and not _inline_problems(a):
                # "存在的问题:资金拨付进度偏慢" says them without a heading; a 决算 note or a fiscal report has no such section
                yield finding(a, "low_rate_problems_missing", pct.paragraph, pct.start, pct.text, ">=90%")
        elif _denies_problems(section[1]):
            heading = section[0].heading
            yield finding(
                a, "low_rate_problems_denied", pct.paragraph, pct.start, pct.text, ">=90%", problems=heading
            )


# an item that joins two names of one kind ("办公室和党建办公室", "财务科及审计科": both end alike): perhaps two of
# the things counted; not one name with 和 inside ("自然资源和测绘地理信息中心")
_JOINED = re.compile(r"[\u4e00-\u9fff]+([\u4e00-\u9fff])[和及与][\u4e00-\u9fff]*\1")


def check_counts(a: Analysis) -> Iterator[Finding]:
    """ "共四个股室" must match the number of units listed before or after it."""
    for enum in a.enumerations:
        count = a.figures[enum.count]
        listed = len(enum.items)
        if count.value is None:
            continue
        joined = sum(_JOINED.fullmatch(item) is not None for item in enum.items)  # "办公室和党建办公室": perhaps two
        if int(count.value) in (listed, listed + _besides(a, count), listed + _added(a, count, enum.items), listed + joined):
            continue
        if not enum.explicit and (not (_alike(enum.items) or _offices(a, count, enum.items)) or count.unit in _PEOPLE):
            continue  # a list of mixed phrases, or of posts beside a head-count, with no word linking them: not one
        if int(count.value) != listed - _asides(a, count, enum.items):
            yield finding(
                a, "count_mismatch" if enum.explicit else "count_unclear", count.paragraph, count.start, count.text, str(len(enum.items)),
                listed=len(enum.items), items="、".join(enum.items),
            )  # fmt: skip


_LIST_REACH = 400


_PEOPLE = ("人", "名", "位")  # "政协主席、副主席9人": the people holding the posts, not the posts


def _alike(items: tuple[str, ...]) -> bool:
    """Are the items of a list without a linking word names of one kind, ending alike ("办公室、财务室、业务室",
    "立案庭、刑事审判庭、民事审判庭")? Only then is a count beside them surely theirs; a list of mixed phrases
    ("支持宝塔区、吴起县建设乡镇街道级助餐点", "党组书记、副主席") stops short of a count that counts something else."""
    return len(items) >= 2 and len({item[-1:] for item in items}) == 1


# "内设办公室、预算科、…、政法教科文科11个职能科室": offices of mixed names, counted by their class noun
_OFFICE_CLASS = re.compile(r"\s*(?:职能|业务|行政|内设)?(?:科室|处室|股室|部室|机构|部门)")


def _offices(a: Analysis, count: Figure, items: tuple[str, ...]) -> bool:
    """Are the items a body's offices (each name ending as a unit's does) and the count's class noun an office's?"""
    norm = a.paragraph(count.paragraph).norm
    head = norm[clause_start(norm, count.start) : count.start].split("、", 1)[0]
    if not any(word in head for word in ("内设", "下设", "设有", "设置", "设立")):
        return False  # "镇党委、政府设置综合办公室、…3个内设机构": the list opens before what sets the offices up
    return near(int(count.value or 0), len(items)) and all(item[-1:] in UNIT_SUFFIXES for item in items) and _OFFICE_CLASS.match(norm, count.start + len(count.text)) is not None


def _asides(a: Analysis, count: Figure, items: tuple[str, ...]) -> int:
    """Items printed wholly in brackets after the count ("内设5个科室,分别是:综合科、(财务科)、监督服务科、…"):
    asides the count may leave out."""
    norm = a.paragraph(count.paragraph).norm
    window = norm[count.start : count.start + _LIST_REACH]  # the list is read within this reach of its count
    return sum(any(f"{sep}({item})" in window for sep in "、:") for item in items)


_BESIDES = re.compile(r"[。;\s]*另有(\d+|[一二两三四五六七八九十]+)个")


_ADDED = re.compile(r"\s*,\s*(?:新增|另有|还有|以及)([^,。;:]+)")


def _added(a: Analysis, count: Figure, items: tuple[str, ...]) -> int:
    """Items listed after a comma and 新增/另有 right after the list ("其他事业单位8个:A、B、C、D,新增E、F、G、H"):
    the count may take them in."""
    norm = a.paragraph(count.paragraph).norm
    at = norm.find(items[-1], count.start, count.start + _LIST_REACH) if items else -1
    m = _ADDED.match(norm, at + len(items[-1])) if at >= 0 else None
    return len(m.group(1).split("、")) if m and "、" in m.group(1) else 0


def _besides(a: Analysis, count: Figure) -> int:
    """ "内设职能部门15个,包括…(11个)。另有四个派出法庭…": the next sentence's 另有 completes the count."""
    norm = a.paragraph(count.paragraph).norm
    m = _BESIDES.match(norm, sentence_bounds(norm, count.start)[1])
    return (numeral_value(m.group(1)) or 0) if m else 0


def check_term_typos(a: Analysis) -> Iterator[Finding]:
    """基本指出 → 基本支出: one sound- or look-alike character off a standard term."""
    for typo in a.typos:
        yield finding(a, "term_typo", typo.paragraph, typo.start, typo.found, typo.term)


def _toc_lines(a: Analysis) -> set[int]:
    """Level-1 headings that only list the outline: a table of contents, or a heading followed
    straight by another level-1 heading or a 第X部分 line (no body between them)."""
    out: set[int] = set()
    paragraphs = a.paragraphs
    level_one = [i for i, p in enumerate(paragraphs) if p.level == 1]
    for n, i in enumerate(level_one):
        p = paragraphs[i]
        nxt = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        # "一、部门基本概况" then only "(一)职能职责", "(二)机构设置" before "二、…": entries of an outline
        below = paragraphs[i + 1 : level_one[n + 1]] if n + 1 < len(level_one) else []
        # or only the wrapped tail of its own title ("五、…“三公”经费支出决算" then "情况说明")
        entries = bool(below) and all(_entry(q) or _tail(q) for q in below)
        outline = nxt is None or nxt.level == 1 or entries
        if outline or _PAGE_AT_END.search(p.norm):  # "二、部门财政资金收支情况15": an entry with its page
            out.add(p.index)
    return out


def _tail(p: Paragraph) -> bool:
    """A title's wrapped tail alone on its line ("表", "情况说明"): a few characters, no figure or mark."""
    text = p.norm.strip()
    return p.level == 0 and 0 < len(text) <= 6 and all(is_cjk(c) for c in text)


def _entry(p: Paragraph) -> bool:
    """A sub-heading alone on its line ("(一)职能职责"): no sentence, no figure."""
    return p.level in (2, 3) and len(p.norm.strip()) <= 30 and not any(c in p.norm for c in "。;,") and not any(
        c.isdigit() for c in p.norm[3:]
    )


_PAGE_AT_END = re.compile(r"[\u4e00-\u9fff。)]\s*\d{1,3}\s*$")


_BARE_NUMBER = re.compile(r"^[\s|]*\d[\d,'.\s|%]*$")


_PART_LINE = re.compile(r"^\s*第[一二三四五六七八九十\d]{1,3}部分\s*:")


def _table_title(heading: str) -> bool:
    """ "八、部门支出总表", "(01表)…": the title of a table in a list of tables, not a section."""
    return heading.rstrip(" ()。.").endswith("表")


def check_heading_sequence(a: Analysis) -> Iterator[Finding]:
    """Level-1 headings numbered 一、二、三… without gaps or repeats (each style on its own).

    Lines of a table of contents are skipped; a heading numbered 一 starts a new list (after a
    第X部分 line, or a new part); the first heading sets the start (the text may be an excerpt).
    """
    toc = _toc_lines(a)
    expected: dict[bool, int] = {}
    for i, p in enumerate(a.paragraphs):
        if p.level != 1 and _PART_LINE.match(p.norm):
            expected.pop(False, None)  # "第一部分:…概况" (a title with its colon, read as no heading) restarts it too
            continue
        if p.level != 1 or p.number is None or "|" in p.norm:
            continue  # "二、转移性收入 |": a cell of a flattened table, never a heading
        if p.index in toc or _table_title(p.heading):
            # an outline entry or a table's title ("二、2021年度单位决算公开表") is never reported, and
            # takes its place in the numbering when it is the number expected; an outline's 第X部分 restarts it
            if p.norm.lstrip().startswith("第"):
                expected.pop(False, None)
            elif expected.get(False) == p.number:
                expected[False] = p.number + 1
            continue
        nxt = a.paragraphs[i + 1].norm if i + 1 < len(a.paragraphs) else ""
        if _BARE_NUMBER.match(nxt):
            continue  # "二、外交支出" then "30": a row of a flattened 收支总表, not a section
        parts = p.norm.lstrip().startswith("第")
        if parts:
            expected.pop(False, None)  # 第二部分 restarts the 一、二、 numbering under it
        want = expected.get(parts)
        if want is not None and p.number not in (want, 1):
            yield finding(
                a, "heading_sequence", p.index, 0, int_to_cn(p.number), int_to_cn(want), heading=p.heading
            )
        expected[parts] = p.number + 1


# Inline enumerations: "一是…，二是…，四是…", "①…②…④…" or ":(1)…;(2)…;(2)…" within one paragraph
# (a bracketed number counts only after a colon or a clause end: "表(1)" is a name).
_INLINE_MARKERS = (
    re.compile(r"(?:^|(?<=[\s,;:。、]))([一二三四五六七八九十]{1,2})是"),
    re.compile(r"([\u2460-\u2473])"),
    re.compile(r"(?<=[:;。])\s*\((\d{1,2})\)(?=[\u4e00-\u9fff])"),
)


def _inline_number(raw: str) -> int | None:
    if raw.isascii() and raw.isdigit():  # "①".isdigit() is true too
        return int(raw)
    return ord(raw) - 0x245F if "\u2460" <= raw <= "\u2473" else cn_to_int(raw)


def check_inline_numbering(a: Analysis) -> Iterator[Finding]:
    """Numbers of an inline enumeration that skip or repeat ("一是…二是…四是…"); 1 starts a new one."""
    for p in a.paragraphs:
        for pattern in _INLINE_MARKERS:
            previous: int | None = None
            for m in pattern.finditer(p.norm):
                number = _inline_number(m.group(1))
                if number is None:
                    continue
                if previous is not None and number not in (1, previous + 1):
                    yield finding(
                        a, "inline_sequence", p.index, m.start(), m.group(0).strip(), _marker_like(m.group(0), previous + 1)
                    )
                    break
                previous = number
        yield from _colon_list_numbering(a, p.index, p.norm)


# ":1.加强管理;2.完善制度;2.强化监督。": a list after a colon whose every item, up to the sentence's end, opens
# with its number. Only such lists: numbered lines run together ("…规划3.城市…", "9不断…") or two cells' lists
# ("…5.促进… | 1.启动…") are not one list.
_COLON_LIST = re.compile(r":\s*(1[.、](?=[\u4e00-\u9fff])[^。|]*)")
_ITEM_NUMBER = re.compile(r"\s*(\d{1,2})([.、])(?=[\u4e00-\u9fff])")


def _colon_list_numbering(a: Analysis, index: int, text: str) -> Iterator[Finding]:
    for m in _COLON_LIST.finditer(text):
        items = [(m.start(1) + i.start(), _ITEM_NUMBER.match(i.group())) for i in re.finditer(r"[^;]+", m.group(1))]
        if len(items) < 3 or any(number is None for _, number in items):
            continue
        for want, (at, number) in enumerate(items, start=1):
            assert number is not None
            if int(number.group(1)) != want:
                yield finding(a, "inline_sequence", index, at, number.group(0).strip(), f"{want}{number.group(2)}")
                break


def _marker_like(marker: str, number: int) -> str:
    marker = marker.strip()
    if marker.startswith("("):
        return f"({number})"
    if "\u2460" <= marker[0] <= "\u2473":
        return chr(0x245F + number)
    return f"{int_to_cn(number)}是"
