"""Counts and the items they enumerate: "内设A、B、C和D共四个股室", "下属单位3个，分别是A、B和C"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from selfeval_xl.audit.lexicon import ENUM_COUNT_LINKS, ENUM_OPENERS, INSTANCE_MEASURE_WORDS, UNIT_SUFFIXES
from selfeval_xl.audit.model import Enumeration, Figure, FigureKind, Paragraph
from selfeval_xl.audit.text import clause_start, is_cjk

_MAX_ENUMERATED = 50
_LIST_AFTER = re.compile(  # matched at the count's end; a list is read up to 300 characters
    r"([\u4e00-\u9fff]{0,8}?)\s*(?::|,\s*(?:分别是|分别为|具体是|具体为|主要有|包括|即)\s*:?)\s*([^。;,:!?]{1,300})"
)
_TRAILING_ITEM = re.compile(r",\s*([\u4e00-\u9fff]{2,8})(?=\s*(?:[。;]|$))")
_ORDINAL = re.compile(r"\s*(?:一是|一要|其一|第一|首先|\(一\)|一、|1[.、])")
_BLANK_TO_END = re.compile(r"\s*$")  # matched from a position: never copies the rest of a long paragraph
_LAST_JOINER = re.compile(r"^(.+)(以及|和|及|与)(.+)$")
_QUOTED_JOINER = re.compile("^(.+[\u201d\u300b])(以及|和|及|与)([\u201c\u300a].+)$")  # ”和“ 》和《
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u300a\u300b()"


def _unquoted(item: str) -> str:
    """The item without the quotes or brackets around it; a quote closing inside it stays
    ("实施“四好农村路”" keeps its pair)."""
    item = item.strip()
    stripped = item.strip(_QUOTES)
    inner_open = any(c in stripped for c in "\u201c\u2018\u300a(")
    return item.lstrip(_QUOTES).strip() if inner_open else stripped.strip()


def _top_level(listing: str) -> list[str]:
    """``listing`` split on the 、 outside brackets ("民政办公室(挂卫生健康办公室、物业管理办公室牌子)" is one)."""
    parts, depth, last = [], 0, 0
    for at, char in enumerate(listing):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == "、" and depth == 0:
            parts.append(listing[last:at])
            last = at + 1
    return [*parts, listing[last:]]


def split_items(listing: str) -> tuple[str, ...]:
    """Items of "A、B、C和D": split on 、, and on the last 和/及/与 between two unit names or two quoted
    items (“A”、“B”和“C”: the quotes close and open around the joiner)."""
    raw = _top_level(listing)
    parts = [_unquoted(part) for part in raw]
    if parts and (q := _QUOTED_JOINER.match(raw[-1].strip())):
        parts[-1:] = [q.group(1).strip(_QUOTES), q.group(3).strip(_QUOTES)]
    elif parts and (m := _LAST_JOINER.match(parts[-1])):
        left, right = m.group(1).strip(), m.group(3).strip()
        first = parts[0]
        # names of one length ("对周王、新田、…、狸桥和向阳": ten 2-character towns, the first read with its
        # verb) split at the joiner too
        sizes = {len(part) for part in parts[1:-1]}
        alike = len(parts) >= 4 and len(sizes) == 1 and len(left) == len(right) in sizes
        # "事业收入和其他收入": two names of one kind (the same last character) either side of the joiner
        kind = len(left) >= 2 and len(right) >= 2 and left[-1] == right[-1]
        if left and right and (left[-1] in UNIT_SUFFIXES or (first and left[-1] == first[-1]) or alike or kind):
            parts[-1:] = [left, right]
    if parts and (own := _OWN_LEVEL.match(parts[0])):
        parts[:1] = [own.group(1), own.group(2)]  # "由A局本级及所属B支队、C中心…共7家组成": A is one of them
    return tuple(part for part in parts if part)


# a unit's own level and the first of the units under it, joined ("A局本级及所属B支队")
_OWN_LEVEL = re.compile(r"^(.+?(?:本级|机关))(?:以及|及|和|与)(?:所属|下属|直属)(.+)$")


def _strip_opener(listing: str) -> str:
    head = listing.split("、", 1)[0]
    cut = -1
    for opener in ENUM_OPENERS:
        at = head.rfind(opener)
        if at >= 0:
            cut = max(cut, at + len(opener))
    return listing[cut:] if cut >= 0 else listing


_TOTAL_OPENERS = ("共设", "共有", "共计", "总共", "一共")
_HEADING = re.compile(r"^\s*[一二三四五六七八九十]{1,3}、[\u4e00-\u9fff]{2,16}\s+(?=[\u4e00-\u9fff])")
_PERSONS = ("名", "人", "人次", "位")
_BRACKETED = re.compile(r"\([^()]*\)")
_NUMERAL = re.compile(r"[一二三四五六七八九十]{1,3}|\d{1,2}")
_QUANTITY = re.compile(r"\d|[一二两三四五六七八九十]+\s*[个名人台辆套项家所条]")


def _quantities(items: tuple[str, ...]) -> bool:
    """A list of quantities or head-counts ("60台显示屏、12台服务器"; "在编40人、聘用3人") is not
    an enumeration of the thing counted."""
    return any(_QUANTITY.search(item) for item in items)


def near(count: int, listed: int) -> bool:
    """Is a count close enough to the items listed beside it (neither over twice the other) to be theirs? A list far
    from its count may be a run-together list or kinds rather than the items counted."""
    return max(count, listed) <= 2 * min(count, listed)


def _listed_before(norm: str, count: Figure) -> tuple[tuple[str, ...], bool] | None:
    """Items listed before the count ("内设A、B、C和D共四个股室") and whether 共/合计 introduces it.
    Bracketed other names are blanked first: "组织宣传处(人事处、对外联络处)" is one item."""
    low = max(0, count.start - 300)
    window = _BRACKETED.sub(lambda m: " " * len(m.group()), norm[low : count.start])
    before = window[clause_start(window, len(window)) :].rstrip()
    after = norm[count.start + len(count.text) : count.start + len(count.text) + 1]
    linked = False
    stripped = True
    while stripped:
        stripped = False
        for link in (*ENUM_COUNT_LINKS, "等"):
            if before.endswith(link):
                if link == "等":
                    return None  # "A、B等12个展区": examples, not the items counted
                linked = True
                before, stripped = before[: -len(link)].rstrip(), True
    if linked and not before.strip() and count.role in "个家所项类处条":
        # "…包括:A、B、C,共4个": the list closes the clause before the 共
        rest = window[: clause_start(window, len(window))].rstrip()
        if rest.endswith(","):
            rest = rest[:-1]
            before = rest[clause_start(rest, len(rest)) :].rstrip()
            if before.endswith("等"):
                return None
    if "、" not in before or before.endswith(")") or "等" in before[before.rfind("、") :]:
        return None  # "A、B等内设机构30个": 等 before the class noun, not exhaustive
    before = _HEADING.sub("", before)  # "二、单位机构设置 中心内设办公室、…共11个处室": a flattened page's heading
    head = before.split("、", 1)[0]
    linked = linked or any(word in head for word in _TOTAL_OPENERS)  # "共设A、B…12个内设机构"
    items = split_items(_strip_opener(before))
    if _quantities(items) or any(_NUMERAL.fullmatch(item) for item in items):
        return None  # "二、单位机构设置 局机关内设19个科室": a heading's numeral is no item
    if count.role in _PERSONS and all(item and item[-1] in UNIT_SUFFIXES for item in items):
        return None  # "组织发改局、财政局和林草局7名专家": people from the units listed, not the units
    if not linked and not (after and is_cjk(after)) and not (items and near(int(count.value or 0), len(items))):
        # "走访企业、社区30家": no 共/等 and no class noun after the count, so the list may name
        # kinds rather than the items counted; only a close match is read as an enumeration.
        return None
    return items, linked


def _listed_after(norm: str, count: Figure, last: bool = False) -> tuple[tuple[str, ...], bool] | None:
    """Items listed after the count, introduced by a colon or 分别是/包括/即 ("下属单位3个，分别是A、B和C"); in the
    text's ``last`` paragraph a list that runs to its end unclosed is cut off where the copy stops."""
    m = _LIST_AFTER.match(norm, count.start + len(count.text))
    if not m or "、" not in m.group(2):
        return None
    if last and _BLANK_TO_END.match(norm, m.end()):
        return None  # "公益一类4个:包括A、B、C" and nothing after: the page's copy may end mid-list
    listing = m.group(2)
    if _ORDINAL.match(listing):
        return None  # "主要是三个原因:一是A、B…后,…;二是…;三是…": items by ordinal, each a clause of its own
    if listing.rstrip().endswith(("等", "、", "和", "及")):
        return None  # "…等" names examples; "分别是:办公室、政教处、" cut off where the page's copy ends
    items = _run_on_cut(split_items(listing))
    if _quantities(items):
        return None
    extra = _TRAILING_ITEM.match(norm, m.end())
    if extra and any(item[-1:] == extra.group(1)[-1] for item in items):
        items += (extra.group(1),)  # "即办公室、…、活动服务部,读者服务部。": the last item after a comma
    return items, True


def _shared_suffix(items: Sequence[str]) -> str:
    """The longest ending every item shares ("党建工作办公室", "经济发展办公室": 办公室)."""
    size = 0
    while size < min(len(item) for item in items) and len({item[-size - 1] for item in items}) == 1:
        size += 1
    return items[0][len(items[0]) - size :] if size else ""


def _run_on_cut(items: tuple[str, ...]) -> tuple[str, ...]:
    """A list whose last item runs on into the next sentence, its full stop lost in the copy ("…、社会事务办公室、平安
    建设办公室襄州区伙牌镇政府(单位)实有人数86人"): the last item ends with the name every other item ends with
    (two characters or more, two items or more before it), where the figures of the next sentence begin after it."""
    if len(items) < 3:
        return items
    suffix = _shared_suffix(items[:-1])
    last = items[-1]
    at = last.find(suffix) if len(suffix) >= 2 else -1
    if at <= 0 or last.endswith(suffix) or not any(c.isdigit() for c in last[at + len(suffix) :]):
        return items
    return (*items[:-1], last[: at + len(suffix)])


def find_enumerations(paragraphs: Sequence[Paragraph], figures: Sequence[Figure]) -> tuple[Enumeration, ...]:
    found = []
    for index, count in enumerate(figures):
        if count.kind is not FigureKind.COUNT or not count.exact or count.role in INSTANCE_MEASURE_WORDS:
            continue
        if count.value is None or count.value > _MAX_ENUMERATED:
            continue
        norm = paragraphs[count.paragraph - 1].norm
        if norm[max(0, count.start - 1) : count.start] in ("\u201c", '"', "\u300c", "各"):
            continue  # "“四个走在全省前列”": a slogan's numeral; "技能鉴定办、资助办各1名": one each
        # a list the count announces ("19个科室,分别是…") comes before one that may precede it
        after = _listed_after(norm, count, last=count.paragraph == len(paragraphs))
        previous = figures[index - 1] if index else None
        if after and previous is not None and previous.paragraph == count.paragraph and previous.kind is FigureKind.COUNT \
                and previous.role == count.role and not any(c in norm[previous.start : count.start] for c in "。;:"):
            # "设有13个职能部门,1个派出人民法庭,分别是:…", "建有中心小学2所、幼儿园2所,分别是…": the list is of
            # both counts together
            continue
        listed = after or _listed_before(norm, count)
        if listed and listed[0] and not after and len(listed[0][-1]) == 1 and norm[count.start - 1 : count.start] == listed[0][-1]:
            continue  # "…、天通苑人民法庭、北七家人民法庭": a numeral inside the next name, no count of the list
        if listed and len(listed[0]) >= 2:
            found.append(Enumeration(index, listed[0], listed[1]))
    return tuple(found)
