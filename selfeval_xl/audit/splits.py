"""Counts and their parts.

A count broken down by kinds of the same thing after 其中 ("设置绩效指标18个,其中:数量指标6个,
质量指标4个,…") must add up when every part names the thing counted (…指标, …项目) and none is
in brackets; a short list is an error only after a colon and without 等.

A count stated with 共 and then split over clauses by when the items came: "实施项目共15个, …年初
批复预算8个项目…,年中增加7个项目" — 15 = 8 + 7 (年中调减/取消 count against it).

Read only when the total is introduced by 共/合计/共计, the parts name the same thing (项目) right
after their count, one part is 年初 and the others 年中/追加/新增/调增/调减, and none of them is
inside brackets ("(含2023年转列项目5个)" is a breakdown of its own). When such a 含 breakdown
stands beside them, the two sides may count carried-over items differently: a warning then.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from decimal import Decimal
from itertools import pairwise

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.groups import bracket_depths
from selfeval_xl.audit.model import Analysis, Figure, Finding, exact_counts
from selfeval_xl.audit.named import name_before
from selfeval_xl.audit.plausible import doubted
from selfeval_xl.audit.text import clause_start, sentence_bounds

# "实施项目共15个" or "共实施项目12个": the thing counted before or after 共
_TOTAL_BEFORE = re.compile(
    r"(?:([\u4e00-\u9fff]{2,6}?)(?:共|合计|共计|总计)(?:有|为|计)?"
    r"|(?:共|合计|共计|总计)(?:实施|安排|开展|设立|设置|有|计)?([\u4e00-\u9fff]{2,4}?)"
    r"|(?<![\u4e00-\u9fff])(?:全年)?(?:共|合计|共计|总计)(?:实施|安排|开展|有|计)?)\s*$"  # ",共16个项目": named after
)
_NOUN_AFTER = re.compile(r"[\u4e00-\u9fff]{2}")
_ADDED = ("年中增加", "年中追加", "年中新增", "追加", "新增", "调增", "年中调入")
_REMOVED = ("调减", "取消", "年中减少", "撤销")
_REACH = 300  # characters after the total within which its parts are read


def check_split_counts(a: Analysis) -> Iterator[Finding]:
    for index, own in a.by_paragraph(exact_counts()).items():
        norm = a.paragraph(index).norm
        depth = bracket_depths(norm)
        for k, total in enumerate(own):
            head = _TOTAL_BEFORE.search(norm, max(0, total.start - 10), total.start)
            if head is None or depth[total.start]:
                continue
            name = head.group(1) or head.group(2)
            label = norm[head.start() : total.start].strip()
            if not name and (after := _NOUN_AFTER.match(norm, total.start + len(total.text))):
                name = after.group()  # "…,共16个项目": the thing counted named after the count
                label = f"{name}总数"
            if not name:
                continue
            noun = name[-2:]  # "实施项目共15个" counts 项目
            parts = _parts(norm, depth, total, noun, (own[j] for j in range(k + 1, len(own))))
            if not _complete(parts):
                # "年初批复5个项目,年中追加3个项目,全年共实施项目9个": the parts before their total
                parts = _parts(norm, depth, total, noun, (own[j] for j in range(k - 1, -1, -1)))[::-1]
                if not _complete(parts):
                    continue
            found = sum(((f.value or Decimal(0)) * (sign or 1) for f, sign in parts), Decimal(0))
            if total.value is not None and found != total.value:
                # "(含2023年转列项目5个)", "(含1个结转项目)": items that one side may count differently
                low, high = min(total.start, parts[0][0].start), max(total.start, parts[-1][0].start)
                hedged = "含" in norm[low : high + 40]
                yield finding(
                    a, "split_count_differs" if hedged else doubted("sum_mismatch", total, [f for f, _ in parts], found), index, total.start, total.text, f"{found}{total.role}",
                    label=label,
                    parts="".join(("\u2212" if sign == -1 else "+" if n else "") + _clause(norm, f, noun)
                                  for n, (f, sign) in enumerate(parts)),
                )  # fmt: skip


def _parts(norm: str, depth: list[int], total: Figure, noun: str, near: Iterable[Figure]) -> list[tuple[Figure, int]]:
    """The 年初/追加/调减 counts of the same thing among ``near`` (in order away from the total)."""
    parts = []
    for f in near:
        if abs(f.start - total.start) > _REACH:
            break
        sign = _when(norm, f)
        # the thing counted named right after the count or right before it ("年初批复项目12个")
        named = norm.startswith(noun, f.start + len(f.text)) or norm[max(0, f.start - 8) : f.start].rstrip().endswith(noun)
        if sign is not None and not depth[f.start] and f.role == total.role and named:
            parts.append((f, sign))
    return parts


def _complete(parts: list[tuple[Figure, int]]) -> bool:
    return len(parts) >= 2 and sum(1 for _, sign in parts if sign == 0) == 1


def _when(norm: str, f: Figure) -> int | None:
    """0 for a 年初 part, +1 for an added one, −1 for a removed one; None for anything else."""
    clause = norm[clause_start(norm, f.start) : f.start]
    if "年初" in clause:
        return 0
    if any(w in clause for w in _REMOVED):
        return -1
    if any(w in clause for w in _ADDED):
        return 1
    return None


def _clause(norm: str, f: Figure, noun: str) -> str:
    end = f.start + len(f.text)
    end += len(noun) if norm.startswith(noun, end) else 0  # "年初批复12个项目", "年初批复项目12个"
    return norm[clause_start(norm, f.start) : end].strip().removeprefix("其中").strip(" :")


_BREAKDOWN_UNITS = "个项家所条"


def check_count_breakdowns(a: Analysis) -> Iterator[Finding]:
    """ "绩效指标18个,其中:数量指标6个,质量指标4个,…": the kinds of one thing add up to its count."""
    for index, own in a.by_paragraph(exact_counts(_BREAKDOWN_UNITS)).items():
        norm = a.paragraph(index).norm
        at = norm.find("其中")
        while at >= 0:
            kinds = _unit_kinds(a, norm, own, at)
            yield from kinds if kinds is not None else _breakdown(a, norm, own, at)
            at = norm.find("其中", at + 2)


# The kinds of unit a 部门决算 counts its units by ("纳入…决算编制范围的单位共3个,其中行政单位1个,参照公务员法管理的
# 事业单位0个,其他事业单位2个"): the form's partition, complete by definition (全额/差额/自收自支 split the 事业单位).
_UNIT_KIND = re.compile(
    r"(?:行政单位|(?:参照公务员法管理|参照公务员管理|参公)(?:的)?事业单位|(?:其他|全额|差额|自收自支|公益[一二]类)?事业单位)$"
)
_UNIT_TOTAL = ("单位", "机构")  # what the count before 其中 counts: 预算单位, 二级单位, 独立核算机构…
_UNDER = ("下属", "二级", "下设")  # units under the department: its 本级 may be counted among the kinds or not


def _unit_kinds(a: Analysis, norm: str, own: list[Figure], at: int) -> list[Finding] | None:
    """The units of a department by their 决算 kinds after 其中, against the count of units before it; None when the
    其中 lists no such kinds (the other readings go on)."""
    s0, s1 = sentence_bounds(norm, at)
    lo, mid, hi = (bisect_left(own, pos, key=lambda f: f.start) for pos in (s0, at, s1))
    parts = [f for f in own[mid:hi] if f.role in ("个", "家")]
    names = ["".join(c for c in name_before(norm, f.start, 20) if "\u4e00" <= c <= "\u9fff").removeprefix("其中") for f in parts]
    if len(parts) < 2 or not all(_UNIT_KIND.search(n) for n in names):
        return None
    if not any(n.endswith("行政单位") for n in names) or not any(n.endswith("事业单位") for n in names):
        return None  # (the form's partition has both: one kind alone may be a part of another breakdown)
    if any(any(ch.isdigit() for ch in norm[f.start + len(f.text) : g.start]) for f, g in pairwise(parts)):
        return []  # a figure between two kinds that is no count of units ("…2个(含…3人)"): not read
    if not own[lo:mid]:
        return []
    total = own[lo:mid][-1]
    label = name_before(norm, total.start, 24).replace(" ", "")  # (as printed: "纳入本部门2023年度…的单位共")
    between = norm[total.start + len(total.text) : at]
    if total.role not in ("个", "家") or not any(w in label + between[:4] for w in _UNIT_TOTAL) or any(c.isdigit() for c in between):
        return []  # "下设独立编制机构1个(本单位),其中…": words in brackets may stand between, no figure
    found = sum((f.value or Decimal(0) for f in parts), Decimal(0))
    if total.value is None or found == total.value:
        return []
    first = next(f for f, n in zip(parts, names, strict=True) if n.endswith("行政单位"))
    if any(w in label for w in _UNDER) and found == total.value + 1 and first.value == 1 and "本级" not in between:
        return []  # "下属二级预算单位0个,其中行政单位1个,…": the department's own 本级 counted among the kinds (unless
        # the count says it holds it: "下设独立编制机构28个(含本级)")
    return [
        finding(
            a, doubted("sum_mismatch", total, parts, found), total.paragraph, total.start, total.text,
            f"{found}{total.role}", label=label or total.text, parts="+".join(n + f.text for n, f in zip(names, parts, strict=True)),
        )
    ]  # fmt: skip


def _breakdown(a: Analysis, norm: str, own: list[Figure], at: int) -> Iterator[Finding]:
    s0, s1 = sentence_bounds(norm, at)
    lo, mid, hi = (bisect_left(own, pos, key=lambda f: f.start) for pos in (s0, at, s1))
    before = own[lo:mid]
    if not before and s0 > 1 and not norm[s0:at].strip():
        # "全年共实施项目27个,总投资944.79万元。其中产业发展类项目19个,…;基础设施类项目9个,…": a 其中 opening its
        # sentence breaks down the one count of the sentence before it
        p0, _ = sentence_bounds(norm, s0 - 1)
        before = own[bisect_left(own, p0, key=lambda f: f.start) : lo]
        before = before if len(before) == 1 else []
    if not before:
        return
    listed = [f for f in own[mid:hi] if not _in_own_list(norm, at, f.start)]
    total = before[-1]
    noun = "".join(c for c in name_before(norm, total.start, 12) if "\u4e00" <= c <= "\u9fff")[-2:]
    if "等" in norm[at:s1].replace("中等", "").replace("等级", "").replace("等次", ""):
        return  # "…等" gives examples; 中等 is a grade
    if len(before) >= 2 or len(noun) < 2:
        # "对5个部门、5个镇乡街道开展…评价,15个专项…,其中:良好部门5个;优秀镇乡街道3个,良好镇乡街道2个;…"
        yield from _by_noun_after(a, norm, before, listed, norm[at + 2 : at + 3] == ":")
        return
    if "(" in norm[total.start : at]:
        return
    parts = [f for f in listed if f.role == total.role]
    names = [name_before(norm, f.start, 14).split("其中")[-1].lstrip(":") for f in parts]
    # "基础设施类9个项目815.50万元" beside "产业发展类项目19个": the thing counted printed right after the count
    names = [n + noun if len(n) >= 2 and norm.startswith(noun, f.start + len(f.text)) else n for n, f in zip(names, parts, strict=True)]
    if any(w in n for w in _REMOVED for n in names):
        return  # "其中年初安排10个项目,年中追加3个项目,调减1个项目": a count by when, read by the split check
    if len(parts) < 2 or not all(n.endswith(noun) and len(n) > len(noun) for n in names):
        # "共对15个项目开展自评,其中:100万元以上项目5个,…": the thing counted is named after the count
        yield from _by_noun_after(a, norm, before, listed, norm[at + 2 : at + 3] == ":")
        return
    if any("(" in norm[at : f.start] and ")" not in norm[at : f.start] for f in parts):
        return
    found = sum((f.value or Decimal(0) for f in parts), Decimal(0))
    colon = norm[at + 2 : at + 3] == ":"
    if total.value is None or found == total.value or (found < total.value and not colon):
        return
    yield finding(
        a, doubted("sum_mismatch", total, parts, found), total.paragraph, total.start, total.text, f"{found}{total.role}",
        label=name_before(norm, total.start, 12), parts="+".join(n + f.text for n, f in zip(names, parts, strict=True)),
    )  # fmt: skip


def _in_own_list(norm: str, after: int, start: int) -> bool:
    """Is the count at ``start`` in an item's own 包括 list, after the 其中 at ``after`` and before the ";" that ends the
    item ("其中,区管国有企业10家,包括功能类企业5家、公共服务类企业4家;委托监管企业11家")?"""
    inclusion = norm.rfind("包括", after, start)
    return inclusion >= 0 and ";" not in norm[inclusion:start]


def _by_noun_after(a: Analysis, norm: str, totals: list[Figure], parts: list[Figure], colon: bool) -> Iterator[Finding]:
    """Counts before 其中 each name their thing right after them ("5个镇乡街道"); each part after it
    ("优秀镇乡街道3个") belongs to the total whose thing its name ends with (the longest such)."""
    groups: dict[int, list[tuple[str, Figure]]] = {}
    things: dict[int, str] = {}  # the thing each total counts ("镇乡街道")
    for part in parts:
        name = "".join(c for c in name_before(norm, part.start, 12) if "\u4e00" <= c <= "\u9fff")
        best: tuple[int, int] | None = None
        for k, total in enumerate(totals):
            after = norm[total.start + len(total.text) : total.start + len(total.text) + 12]
            size = next((n for n in range(min(len(name), 8), 1, -1) if after.startswith(name[-n:])), 0)
            if size and total.role == part.role and len(name) > size and (best is None or size > best[1]):
                best = (k, size)
        if best is None:
            return  # a part of nothing named before: not a breakdown of these counts
        groups.setdefault(best[0], []).append((name, part))
        things[best[0]] = name[-best[1] :]
    for k, members in groups.items():
        total = totals[k]
        found = sum((f.value or Decimal(0) for _, f in members), Decimal(0))
        if total.value is None or found == total.value or (found < total.value and not (colon and len(members) >= 2)):
            continue
        yield finding(
            a, doubted("sum_mismatch", total, [f for _, f in members], found), total.paragraph, total.start, total.text,
            f"{found}{total.role}",
            label=things[k],
            parts="+".join(n + f.text for n, f in members),
        )  # fmt: skip
