"""Head-counts and the kinds they are split into ("实有人数11人,其中:在职人员10人,离休人员0人,退休人员1人"),
the three 岗位 of a 事业单位, and vehicles by their 决算 categories."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from decimal import Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.groups import bracket_depths
from selfeval_xl.audit.list_owners import nested_item
from selfeval_xl.audit.model import Analysis, Figure, Finding, exact_counts
from selfeval_xl.audit.named import name_before, without_joiner
from selfeval_xl.audit.plausible import doubted
from selfeval_xl.audit.text import sentence_bounds
from selfeval_xl.audit.wholes import unit_dropped

# Head-counts listed by a partition of staff ("实有人数11人,其中:在职人员10人,离休人员0人,退休人员1人"):
# only these kinds add up; 党员, 女职工, titles or degrees overlap and are never summed.
_STAFF_KINDS = (
    "在职", "离休", "退休", "在编", "编外", "聘用", "临聘", "工勤", "行政编制", "事业编制", "劳务派遣", "自收自支",
    "行政人员", "事业人员",
    "参公",  # 参照公务员法管理的事业编制, the third kind of the 决算's 编制 beside 行政 and 事业 ("参公编制人员4人")
    "其他人员",  # the rest of a 年末人数 (留用人员, 遗属…), always beside the other kinds
    "遗属",  # "其中:实有在职人员66人,离退休人员38人,遗属14人": paid from the budget, counted in its head-count
    # (thirty-sixth round) "编制人数为172人,其中行政编制71人,事业85人", "现有职工19人,其中在编人员13人,县招聘2人,
    # 临时工4人", "在职人员总数4人,其中:公务员3人…": the other words a staff partition's kinds go by
    "事业", "公务员", "合同", "临时", "招聘", "后勤",
)  # fmt: skip


# The three 岗位 of a 事业单位 are complete even without 其中 ("在职人员81人,专业技术人员57人、
# 管理人员1人,工勤人员23人").
_POSTS = ("专业技术", "管理", "工勤")
# (units, kinds, posts): staff by kind and by 岗位; vehicles by their 决算 categories ("共有车辆12辆,
# 其中:主要领导干部用车1辆、…、其他用车2辆"), which have no 岗位.
_PARTITIONS: tuple[tuple[str, tuple[str, ...], bool], ...] = (("人名", _STAFF_KINDS, True), ("辆", ("用车",), False))
_STAFF_TOTALS = ("在职", "在编", "实有", "职工总数", "人员总数")
_NOT_SERVING = ("退休", "离休", "遗属")  # never of the serving staff (在职, 在编)
_NOT_POSTS = (*_NOT_SERVING, "实有", "在职", "聘用", "编外", "临聘")  # never of the posts (编制)


def check_headcounts(a: Analysis) -> Iterator[Finding]:
    for units, kinds, posts in _PARTITIONS:
        yield from _partition(a, units, kinds, posts)


def _partition(a: Analysis, units: str, kinds: tuple[str, ...], by_post: bool) -> Iterator[Finding]:
    for index, own in a.by_paragraph(exact_counts(units)).items():
        norm = a.paragraph(index).norm
        at = norm.find("其中")
        depth: list[int] = []
        while at >= 0:
            s0, s1 = sentence_bounds(norm, at)
            before = own[bisect_left(own, s0, key=lambda f: f.start) : bisect_left(own, at, key=lambda f: f.start)]
            if not before and not norm[s0:at].strip() and s0 > 1:
                # "…纳入部门预算编制128人。其中:实有在职人员66人,…": a 其中 opening its sentence lists the head-count
                # that closes the sentence before it
                j = bisect_left(own, s0, key=lambda f: f.start) - 1  # the count before it, closing its sentence
                before = [
                    f for f in own[max(j, 0) : j + 1]
                    if s0 - f.start - len(f.text) <= 4 and not norm[f.start + len(f.text) : s0 - 1].strip(" ,")
                    and any(w in name_before(norm, f.start, 12).replace(" ", "") for w in (*_STAFF_TOTALS, "编制", "人数"))
                ]  # fmt: skip
            parts = own[bisect_right(own, at, key=lambda f: f.start) : bisect_left(own, s1, key=lambda f: f.start)]
            # "在职人员15人(其中行政人员13人,事业人员2人),退休人员8人", "行政编制6名(其中:参公编制6名)": the list's own level
            depth = depth or bracket_depths(norm)
            closed = next((n for n, f in enumerate(parts) if depth[f.start] < depth[at]), len(parts))
            parts = [f for f in parts[:closed] if depth[f.start] == depth[at]]
            # "编制人数4人,其中事业编制4人;实有在职人员3人,离退休0人": a ";" opening another staff total ends the list
            other = next((f.start for f in parts if _new_staff_subject(norm, at, f.start)), None)
            after = [f for f in parts if other is not None and f.start >= other]
            parts = [f for f in parts if other is None or f.start < other]
            # "…在职人员48人,包括行政人员22人,全部补助事业人员26人;退休人员15人": a part's own 包括 list, to its ";"
            parts = [f for f in parts if not _within_inclusion(norm, at, f.start)]
            if after and before and "其他人员" in name_before(norm, after[0].start, 8):
                # "年末实有人数6人,其中在职人员2人,离休人员0人,退休人员2人;年末其他人员2人": the 决算 form's 其他人员
                # count in the total when it closes it (when the total leaves it out, it stays out)
                listed = sum((f.value or 0 for f in parts), Decimal(0))
                if listed + (after[0].value or 0) == before[-1].value:
                    parts.append(after[0])
            # a sentence the excerpt cuts short ("…;年末其他人员2人;年末学生人数") may list more: only parts over
            cut = index == len(a.paragraphs) and s1 >= len(norm.rstrip()) and not norm.rstrip().endswith(tuple("。;!?"))
            if before and not (cut and sum((f.value or 0 for f in parts), Decimal(0)) <= (before[-1].value or 0)):
                yield from _parts_of(a, norm, before[-1], parts, kinds)
                if by_post:
                    semicolon = norm.find(";", at, s1)  # "其中:…工勤人员4人;退休人员12人": the posts end at ;
                    posts = [f for f in parts if semicolon < 0 or f.start < semicolon]
                    yield from _parts_of(a, norm, before[-1], posts, _POSTS)
            at = norm.find("其中", at + 2)
        if by_post:
            yield from _posts(a, norm, own)
            yield from _leaders(a, norm, own)


# a post a 领导职数 is split into ("局(馆)长", "副主任", "信访督查员", "正科级领导职数")
_POST = re.compile(r"(?:长|主任|书记|主席|督查员|调研员|巡视员|正职|副职|[正副][处科股]级(?:领导)?(?:职数)?)$")


_OPENING = re.compile(r"\s*([,(]?)\s*其中\s*:?")


def _leaders(a: Analysis, norm: str, own: list[Figure]) -> Iterator[Finding]:
    """A count of leaders and the posts it is split into: "领导职数4名,其中:局长1名,副局长3名"."""
    for k, total in enumerate(own):
        head = name_before(norm, total.start, 12).replace(" ", "")
        if not total.exact or not ("领导" in head or head.endswith("职数")):
            continue
        opening = _OPENING.match(norm, total.start + len(total.text))
        if not opening:
            continue
        _, end = sentence_bounds(norm, total.start)
        for mark in (";", ")") if opening.group(1) == "(" else (";",):  # a bracketed list ends at its bracket
            at = norm.find(mark, total.start, end)
            end = end if at < 0 else at
        parts = own[k + 1 : bisect_left(own, end, key=lambda f: f.start)]
        names = [name_before(norm, f.start, 12).removeprefix("其中").lstrip(":").replace(" ", "") for f in parts]
        # every count of the clause a post, none of them "各1名": the list is the posts' own
        if len(parts) < 2 or not all(_POST.search(n) and "各" not in n and f.exact for n, f in zip(names, parts, strict=True)):
            continue
        found = sum((f.value or Decimal(0) for f in parts), Decimal(0))
        if total.value is not None and found != total.value:
            yield finding(
                a, doubted("sum_mismatch", total, parts, found), total.paragraph, total.start, total.text, f"{found}{total.role}",
                label=head, parts="+".join(n + f.text for n, f in zip(names, parts, strict=True)),
            )  # fmt: skip


def _within_inclusion(norm: str, after: int, start: int) -> bool:
    """Is the head-count at ``start`` listed after a 包括 that follows the 其中 at ``after``, in the same clause run
    (no ";" between)?"""
    inclusion = norm.rfind("包括", after, start)
    return inclusion >= 0 and ";" not in norm[inclusion:start]


def _new_staff_subject(norm: str, after: int, start: int) -> bool:
    """Does the clause of the head-count at ``start`` open after ";" on a staff total (实有, 在职…)?"""
    semicolon = norm.rfind(";", after, start)
    # "…退休人员0人;年末其他人员0人;年末学生人数0人": the 决算 form's other counts are no parts
    return semicolon >= 0 and norm[semicolon + 1 : start].lstrip().startswith((*_STAFF_TOTALS, "年末", "年底"))


def _posts(a: Analysis, norm: str, own: list[Figure]) -> Iterator[Finding]:
    """A staff total followed at once by its 专业技术/管理/工勤 head-counts, with no 其中."""
    for k, total in enumerate(own):
        if not any(word in name_before(norm, total.start, 12) for word in _STAFF_TOTALS):
            continue
        _, s1 = sentence_bounds(norm, total.start)
        parts = [f for f in own[k + 1 : k + 5] if f.start < s1]
        names = [name_before(norm, f.start, 12) for f in parts]
        run = next((n for n, name in enumerate(names) if not any(p in name for p in _POSTS)), len(names))
        listed = parts[:run]
        kinds = {p for p in _POSTS for f in listed if p in name_before(norm, f.start, 12)}
        over = sum((f.value or 0 for f in listed), Decimal(0)) > (total.value or 0)
        # all three 岗位 named (or more than the total): "…,专业技术人员30人,管理人员10人" may omit 工勤
        if run >= 2 and (len(kinds) == len(_POSTS) or over) and "其中" not in norm[total.start : parts[0].start]:
            yield from _parts_of(a, norm, total, listed, _POSTS)


def _parts_of(
    a: Analysis, norm: str, total: Figure, parts: list[Figure], kinds: tuple[str, ...], split: bool = True
) -> Iterator[Finding]:
    names = [re.split(r"\(|其中|:", name_before(norm, f.start, 12))[-1] for f in parts]  # "…16人(其中行政人员": 行政人员
    if len(parts) < 2 or not all(any(k in n for k in kinds) for n in names):
        return
    if split and (subtotals := [k for k, n in enumerate(names) if "小计" in n]):
        # "实有人数小计64人,其中:在职人数小计64人,行政在职人数0人,全额补助事业在职人数44人,…": a 小计 among the
        # parts is the total of those after it (to the next 小计); the total is the sum of its 小计s
        top = parts[: subtotals[0]]
        for j, k in enumerate(subtotals):
            top.append(parts[k])
            yield from _parts_of(a, norm, parts[k], parts[k + 1 : (subtotals[j + 1 :] or [len(parts)])[0]], kinds, False)
        yield from _parts_of(a, norm, total, top, kinds, False)
        return
    head = name_before(norm, total.start, 12)
    posts_total = "编制" in head.replace("预算编制", "").replace("编制范围", "")  # not "纳入部门预算编制128人"
    outside = _NOT_POSTS if posts_total else _NOT_SERVING if any(w in head for w in ("在职", "在编", "在岗")) else ()
    if any(w in n for w in outside for n in names):
        return  # "在职人员8人,其中行政7人,工勤1人;退休人员1人", "编制数4人,其中…全额退休人员2人": not of the total
    if len(kinds) > 1 and len({next(k for k in kinds if k in n) for n in names}) == 1:
        return  # "林业事业单位55人,其中:区种苗站在职11人、…在职3人": one kind by unit, not the kinds of the total
    if any("在职" in n and f.value == total.value for n, f in zip(names, parts, strict=True)) and all(
        "在职" in n or "休" in n for n in names
    ):
        return  # "实有人员53人,其中在职人员53人,离退休人员13人": the total counts the serving staff only
    serving = sum((f.value or 0 for n, f in zip(names, parts, strict=True) if "休" not in n), Decimal(0))
    retired = next((f for n, f in zip(names, parts, strict=True) if "休" in n), None)
    if retired is not None and all("在职" in n or "休" in n for n in names) and serving <= (total.value or 0) \
            and norm.rfind(";", parts[0].start, retired.start) >= 0:
        return  # "年末实有人数284人,其中经费补助在职人员280人;退休人员107人": the retired after ";" are no part of it
    if retired is not None and serving == total.value:
        return  # "实有人数138人,其中:在职事业编制人员61人,离休人员1人,退休人员52人,在职聘用人员77人": 61 + 77, the serving
    found = sum((f.value for f in parts if f.value is not None), Decimal(0))
    if total.value is not None and found < total.value and all("编制" in n or "参公" in n for n in names) \
            and not any(w in head for w in (*_STAFF_TOTALS, "编制")):
        return  # "街道共有工作人员73人,其中行政编制25人、参公编制20人、事业编制26人": staff of no 编制 may make the rest
    if total.value is not None and found < total.value and unit_dropped(a, total, parts, total.value - found):
        return  # "编制数为39名,其中公务员20事业编制17名,工勤编制2名": a part printed without its unit
    if total.value is not None and found > total.value and nested_item(names, parts, found - total.value, Decimal(0)):
        return  # "编制人数小计39人,其中:…参照公务员法管理的事业编制人数39人,事业编制人数39人": overlapping kinds
    if total.value is not None and found != total.value:
        yield finding(
            a, doubted("sum_mismatch", total, parts, found), total.paragraph, total.start, total.text, f"{found}{total.role}",
            label=without_joiner(name_before(norm, total.start, 12)), parts="+".join(n + f.text for n, f in zip(names, parts, strict=True)),
        )  # fmt: skip
