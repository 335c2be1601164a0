"""Shares and their denominators: "基本支出400万元,占支出合计的80%", a list whose first share names
its whole ("…,占一般公共预算财政拨款支出的75%;教育支出300万元,占15%"), a whole never printed
(基本 + 项目), and a name that fits two totals ("占收入总额的")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from selfeval_xl.audit.extract import ambiguous_roles, amount_role, denominator_role
from selfeval_xl.audit.groups import amounts as _amounts
from selfeval_xl.audit.groups import by_paragraph as _by_paragraph
from selfeval_xl.audit.lexicon import DECOMPOSITIONS, GENERIC_QUALIFIERS, INCOME_WHOLES, WHOLE_OF
from selfeval_xl.audit.list_wholes import named_list_whole, own_list_whole
from selfeval_xl.audit.model import Figure, FigureKind, Paragraph, PartsGroup, ShareLink
from selfeval_xl.audit.named import Names, lead, printed_name
from selfeval_xl.audit.text import clause_start, is_cjk, open_brackets, sentence_bounds


def _nearest(figures: Sequence[Figure], candidates: list[int], anchor: Figure) -> int | None:
    same = [i for i in candidates if figures[i].paragraph == anchor.paragraph]
    pool = same or candidates
    if not pool:
        return None
    return min(
        pool,
        key=lambda i: (abs(figures[i].paragraph - anchor.paragraph), abs(figures[i].start - anchor.start)),
    )


_GENERIC_WHOLES = ("支出总额", "收入总额", "总额", "合计", "总计")


def _qualified_alike(paragraphs: Sequence[Paragraph], figures: Sequence[Figure], label: str, denominator: int) -> bool:
    """A whole named by a generic end and a qualifier of its own ("专项资金支出总额") is only an amount
    whose printed name holds that qualifier."""
    phrase = "".join(c for c in label if is_cjk(c))
    end = next((g for g in _GENERIC_WHOLES if phrase.endswith(g)), None)
    qualifier = phrase[: -len(end)] if end else ""
    if len(qualifier) < 2 or qualifier.startswith(GENERIC_QUALIFIERS):
        return True
    f = figures[denominator]
    return qualifier in paragraphs[f.paragraph - 1].norm[max(0, f.start - 24) : f.start]


def _depth_at(norm: str, pos: int) -> int:
    """Brackets open at ``pos`` within its sentence."""
    s0, _ = sentence_bounds(norm, pos)
    return max(0, open_brackets(norm[s0:pos]))


def _percent_series(
    paragraphs: Sequence[Paragraph], figures: Sequence[Figure]
) -> dict[int, tuple[int, int, int]]:
    """Percentages printed as one list ("8.1%和91.9%"): index -> (first index, place, size)."""
    out: dict[int, tuple[int, int, int]] = {}
    run: list[int] = []

    def close() -> None:
        for place, i in enumerate(run):
            out[i] = (run[0], place, len(run))

    for i, f in enumerate(figures):
        if f.kind is not FigureKind.PERCENT:
            continue
        if run:
            last = figures[run[-1]]
            gap = paragraphs[f.paragraph - 1].norm[last.start + len(last.text) : f.start]
            if last.paragraph == f.paragraph and gap.strip(" 和、及与") == "" and len(gap) <= 3:
                run.append(i)
                continue
            close()
        run = [i]
    if run:
        close()
    return {i: v for i, v in out.items() if v[2] > 1}


def _derived(
    paragraphs: Sequence[Paragraph],
    figures: Sequence[Figure],
    by_role: dict[str, list[int]],
    role: str,
    pct: Figure,
) -> tuple[int, ...]:
    """ "占一般公共预算支出的84.06%" with no 支出合计 printed: 基本支出 + 项目支出 of the same section."""
    section = paragraphs[pct.paragraph - 1].section
    parts = []
    for child in sorted(DECOMPOSITIONS[role]):
        pool = [i for i in by_role.get(child, []) if paragraphs[figures[i].paragraph - 1].section == section]
        # "…类科目…基本支出19816.81元,项目支出0元" is a sub-item's: a whole's part is not zero here
        pool = [i for i in pool if figures[i].value] or pool
        found = _nearest(figures, pool, pct)
        if found is None or not figures[found].value:
            return ()
        parts.append(found)
    return tuple(parts)


def _whole_of(
    paragraphs: Sequence[Paragraph],
    figures: Sequence[Figure],
    by_role: dict[str, list[int]],
    subject: int,
    pct: Figure,
) -> int | None:
    """ "2023年支出500万元。基本支出400万元,占比80%": an unnamed share of 基本支出 (项目, 人员, 公用)
    is of the whole it is a known part of, printed before it in the same section."""
    role = figures[subject].role
    whole = WHOLE_OF.get(role)
    wholes = (whole,) if whole else INCOME_WHOLES if role == "income" else ()
    section = paragraphs[pct.paragraph - 1].section
    found = []
    for name in wholes:
        earlier = [
            i
            for i in by_role.get(name, [])
            if i < subject and paragraphs[figures[i].paragraph - 1].section == section
        ]
        found += earlier[-1:]
    # "收入合计1000万元。财政拨款收入800万元,占比80%": an income of 收入合计 or 收入总计, the one it fits
    return min(found, key=lambda d: _misfit(figures, subject, d, pct), default=None)


def _printed_whole(figures: Sequence[Figure], candidates: list[int], subject: int, pct: Figure) -> int | None:
    """The denominator among ``candidates``: the nearest printed before the share, else after it."""
    # candidates are in reading order: the nearest before is the last before, else the first after
    # (found by bisection, so that a text of many shares does not rescan every whole for each)
    k = bisect_left(candidates, (pct.paragraph, pct.start), key=lambda i: (figures[i].paragraph, figures[i].start))
    before = _run(figures, candidates, range(k - 1, -1, -1), subject, pct.paragraph)
    return _nearest(figures, before or _run(figures, candidates, range(k, len(candidates)), subject, pct.paragraph), pct)


def _run(figures: Sequence[Figure], candidates: list[int], order: range, subject: int, anchor: int) -> list[int]:
    """The leading run of ``candidates`` taken in ``order`` (nearest first) that stays in the paragraph
    of its first member other than ``subject``: the only ones the nearest can be among."""
    out: list[int] = []
    for k in order:
        i = candidates[k]
        if i == subject:
            continue
        if out and figures[i].paragraph != figures[out[0]].paragraph:
            break
        out.append(i)
        if figures[i].paragraph == anchor:
            break  # in the share's own paragraph the first met is the nearest
    return out


_OWN_SHARE = re.compile(
    r"\s*[,(]?\s*占(?:比|([\u4e00-\u9fff]{2,10}?)的?(?:比重|比例)?)(?:为|达)?\s*(\d[\d.\s]*?)\s*%"
)


def _share_of_another(total: int, figures: Sequence[Figure], paragraphs: Sequence[Paragraph], names: Names) -> bool:
    """Is the amount printed as a share, short of all, of another whole named right after it and printed
    nowhere ("…本年收入合计521.49万元,占总收入99.90%"), or of one not named at all ("…,占比60.8%")?"""
    f = figures[total]
    m = _OWN_SHARE.match(paragraphs[f.paragraph - 1].norm, f.start + len(f.text))
    if m is None or Decimal(re.sub(r"\s", "", m.group(2))) >= 100:
        return False
    # "投入资金101.63亿元,占比60.8%": a bare 占比 is of a whole the text does not name
    return m.group(1) is None or names.before(m.group(1), f, total) is None


def _misfit(figures: Sequence[Figure], subject: int, whole: int, pct: Figure) -> Decimal:
    value, base, stated = figures[subject].value, figures[whole].value, pct.value
    if value is None or not base or stated is None:
        return Decimal("Infinity")
    return abs(value * 100 / base - stated)


# Denominator roles that name "the whole" (总收入, 总支出, 收入总额…): an item of an explicit list
# is a share of the list's total when no amount of that role is printed.
_WHOLE_ROLES = ("total", "income_total", "income_grand", "grand_total", "budget_total")


def _named_subject(
    paragraphs: Sequence[Paragraph],
    figures: Sequence[Figure],
    names: Names,
    norm: str,
    at: int,
    pct: Figure,
    place: int,
    size: int,
) -> int | None:
    """The amount printed earlier in the section under the name written right before 占 (the
    ``place``-th of ``size`` names listed before 分别占)."""
    head = norm[clause_start(norm, at) : at].replace(" ", "")
    listed = re.split(r"、|和|及|与", head.removesuffix("分别")) if size > 1 else [head]
    if len(listed) != size:
        return None
    name = "".join(c for c in listed[place] if is_cjk(c)).removeprefix("其中")
    if len(name) < 4:
        return None
    found = names.before(name, pct, -1)
    if found is None or paragraphs[figures[found].paragraph - 1].section != paragraphs[pct.paragraph - 1].section:
        return None
    where = paragraphs[figures[found].paragraph - 1].norm
    start = figures[found].start
    if open_brackets(where[:start]) > 0 and lead(where, start) != name:
        return None  # "(…保基本民生支出52,409万元)。民生支出占…的85%": a narrower item inside a breakdown
    return found


def _other_subject(
    paragraphs: Sequence[Paragraph], figures: Sequence[Figure], names: Names, norm: str, at: int, pct: Figure, nearest: int
) -> int | None:
    """None when the words before 占 name no other subject than ``nearest``; the amount they name
    (printed before in the section, or within three paragraphs after); -1 when none is found."""
    head = norm[clause_start(norm, at) : at].replace(" ", "").removesuffix("、")  # "人员支出4450.87万元、占总支出85.38%"
    near = figures[nearest]
    if near.paragraph == pct.paragraph and head.endswith(norm[near.start : near.start + len(near.text)].replace(" ", "")):
        return None  # "一般公共服务支出588.61万元占31.75%": the amount right before 占 is the subject (as normalised:
        # "５５５７．５３万元占比" is the same)
    name = "".join(c for c in head if is_cjk(c)).removeprefix("其中")
    whole = "".join(c for c in pct.label if is_cjk(c))
    own = paragraphs[figures[nearest].paragraph - 1].norm
    if len(name) < 2 or whole.endswith(name) or lead(own, figures[nearest].start).endswith(name):
        return None
    if len(name) < 4:
        # "…其中税收收入77864万元,…,非税收入31625万元,…,税收占…收入的比重为71.1%": a short name is the
        # amount of the sentence whose name begins with it; none such, it is not judged
        s0, _ = sentence_bounds(own, at)
        place = lambda f: (f.paragraph, f.start)  # noqa: E731  (figures are in reading order)
        lo, hi = bisect_left(figures, (pct.paragraph, s0), key=place), bisect_left(figures, (pct.paragraph, at), key=place)
        named = [
            i for i in range(lo, hi)
            if figures[i].kind is FigureKind.AMOUNT and figures[i].exact
            and lead(own, figures[i].start).removeprefix("其中").startswith(name)
        ]  # fmt: skip
        return named[-1] if named else -1
    found = names.before(name, pct, -1)
    if found is not None and paragraphs[figures[found].paragraph - 1].section == paragraphs[pct.paragraph - 1].section:
        return found
    later = names.after(name, pct)
    return later if later is not None else -1


def _named_whole(
    paragraphs: Sequence[Paragraph], figures: Sequence[Figure], norm: str, label: str, pct: Figure, subject: int
) -> int | None:
    """A whole of the subject's own role named in full ("税收收入…,占一般公共预算收入比重为…"): the amount
    printed under that name earlier in the sentence, when the subject is printed under another name."""
    name = "".join(c for c in label if is_cjk(c))
    if len(name) < 4 or lead(norm, figures[subject].start).endswith(name):
        return None
    s0, _ = sentence_bounds(norm, pct.start)
    first = bisect_left(figures, (pct.paragraph, s0), hi=subject, key=lambda f: (f.paragraph, f.start))
    found = [
        i for i in range(first, subject)
        if figures[i].kind is FigureKind.AMOUNT and figures[i].exact and name in lead(norm, figures[i].start)
    ]  # fmt: skip
    return found[-1] if len(found) == 1 else None


def _chained(figures: Sequence[Figure], previous: ShareLink, subject: int, s0: int, norm: str) -> bool:
    """Is ``subject`` the next item of the list whose previous item's share named its whole?"""
    before = figures[previous.percent]
    own_whole = WHOLE_OF.get(figures[subject].role)
    if own_whole is not None and own_whole != figures[previous.denominator].role:
        return False  # "…占支出合计的70%;人员经费500万元,占71.43%": 人员经费 is a share of 基本支出
    return (
        subject == previous.percent + 1
        and figures[subject].paragraph == before.paragraph
        and sentence_bounds(norm, before.start)[0] == s0
        and subject not in (previous.denominator, *previous.derived)
    )


def _joined(paragraphs: Sequence[Paragraph], whole: Figure, label: str) -> bool:
    """Is ``label`` the last of two things the whole's name joins ("税收返还和转移支付")?"""
    name = printed_name(paragraphs[whole.paragraph - 1].norm, whole.start)
    at = name.rfind(label)
    return at > 0 and name[at - 1] in "和及与、"


def find_shares(
    paragraphs: Sequence[Paragraph], figures: Sequence[Figure], groups: Sequence[PartsGroup]
) -> tuple[ShareLink, ...]:
    amounts = _amounts(figures)
    by_paragraph = _by_paragraph(figures, amounts)
    by_role: dict[str, list[int]] = {}
    for i in amounts:
        by_role.setdefault(figures[i].role, []).append(i)
    parent_of = {c: g.parent for g in groups if g.explicit for c in g.children}
    continued = {c: g.parent for g in groups if g.explicit for c in g.continuation}
    names: Names | None = None
    series = _percent_series(paragraphs, figures)
    links = []
    for index, pct in enumerate(figures):
        if pct.kind is not FigureKind.PERCENT or pct.role != "share":
            continue
        s0, _ = sentence_bounds(paragraphs[pct.paragraph - 1].norm, pct.start)
        first, place, size = series.get(index, (index, 0, 1))
        own = by_paragraph.get(pct.paragraph, [])
        lo = bisect_left(own, s0, key=lambda i: figures[i].start)
        before = own[lo : bisect_left(own, figures[first].start, key=lambda i: figures[i].start)]
        norm = paragraphs[pct.paragraph - 1].norm
        at = norm.rfind("占", s0, figures[first].start)
        if at >= 0 and "%" in norm[at : figures[first].start]:
            at = -1  # "…27.02万元占1.46%、社会保障和就业支出206.53万元11.14%": that 占 was the share before
        inside = [i for i in before if at >= 0 and figures[i].start > at]
        if size == 1 and len(inside) == 1 and len(before) >= 2:
            # "工资福利支出300万元,占基本支出400万元的70%": the denominator printed inside 占…的
            links.append(ShareLink(index, before[-2], inside[0], figures[first].label))
            continue
        by_name = False
        if not before and at >= 0:
            # "基本支出占本年支出合计的75%", "人员经费和公用经费分别占基本支出的75%和25%": the
            # subjects named before 占, their amounts printed earlier
            names = names or Names(paragraphs, figures)
            found = _named_subject(paragraphs, figures, names, norm, at, pct, place, size)
            if found is None:
                continue
            before, place, size, by_name = [found], 0, 1, True
        if not by_name:
            # "财政拨款收入1,077.36万元(其中,一般公共预算1,077.36万元,…国有资本经营预算0万元),占收入合计
            # 93.57%": amounts inside a bracket the percentage stands outside of are the subject's parts
            outside = _depth_at(norm, pct.start)
            before = [i for i in before if _depth_at(norm, figures[i].start) <= outside]
        if len(before) < size:
            continue
        # "分别为2666.3亿元和30400.7亿元,占…的8.1%和91.9%": each percentage takes its own amount
        subject = before[len(before) - size + place]
        label = figures[first].label
        role = denominator_role(label)
        named, _, _ = amount_role(norm, norm.rfind("占", 0, pct.start))
        if not by_name and size == 1 and at >= 0:
            # "收入31751万元,税收收入占…收入的57.7%": a subject named before 占 that is not the amount
            # before it is the amount printed under that name, before or just after ("——税收收入18319万元")
            names = names or Names(paragraphs, figures)
            other = _other_subject(paragraphs, figures, names, norm, at, pct, subject)
            if other is not None and other < 0:
                continue  # named, but printed nowhere near: not this amount's share
            if other is not None:
                subject, by_name = other, True
        if role == figures[subject].role or (not by_name and named not in ("other", figures[subject].role)):
            continue  # "基本支出96.18万元，其中人员经费占基本支出的…": the amount is not the subject
        denominator: int | None = None
        if role:
            fits = [
                d
                for r in ambiguous_roles(label) or (role,)
                if (d := _printed_whole(figures, by_role.get(r, []), subject, pct)) is not None
            ]
            # "占收入总额的" may name 收入合计 or 收入总计: the one the share fits
            denominator = min(fits, key=lambda d: _misfit(figures, subject, d, pct), default=None)
            if denominator is not None and not _qualified_alike(paragraphs, figures, label, denominator):
                continue  # "占专项资金支出总额的100%" is no share of the "一般公共预算支出" printed before
            if denominator is not None and role in _WHOLE_ROLES and own_list_whole(paragraphs, figures, parent_of.get(subject), denominator, label):
                denominator = parent_of[subject]
        elif not label:
            denominator = parent_of.get(subject)
            previous = links[-1] if links else None
            if (
                denominator is None
                and previous is not None
                and _chained(figures, previous, subject, s0, norm)
            ):
                # "一般公共服务支出1500万元,占…支出的75%;教育支出300万元,占15%": the same whole
                links.append(replace(previous, percent=index, subject=subject))
                continue
            if denominator is None:
                denominator = _whole_of(paragraphs, figures, by_role, subject, pct)
            if denominator is not None and _share_of_another(denominator, figures, paragraphs, names := names or Names(paragraphs, figures)):
                # "本年收入合计521.49万元,占总收入99.90%,包括财政拨款收入494.34万元,…,占94.70%": the whole is
                # itself a share of another one, never printed, and its parts' unnamed shares may go on of it
                continue
        listed_on = subject in continued and figures[subject].paragraph == pct.paragraph and norm.rfind(":", s0, figures[subject].start) >= 0
        if denominator is None and label.startswith("总") and (subject in parent_of or listed_on):
            # "其中:…公务接待费支出决算为116,416.00元,占总支出决算的29.84%"; "支出5212.91万元。其中:基本支出…。按支出功能
            # 分类:教育4411.13万元,占总支出84.62%": the list going on after its sentence (thirty-seventh round)
            denominator = parent_of.get(subject, continued.get(subject))
        if denominator is None and label:
            names = names or Names(paragraphs, figures)
            denominator = names.before(label, pct, subject)
            if denominator is None:  # "一般公共预算收入实际完成103,033万元,…,税收收入完成90,623万元,占一般公共预算收入比重为87.96%"
                denominator = _named_whole(paragraphs, figures, norm, label, pct, subject)
            if denominator is not None and _joined(paragraphs, figures[denominator], label):
                continue  # "占转移支付比重达82%" of "税收返还和转移支付4404.78亿元": a part of that amount
            if denominator is None:
                denominator = named_list_whole(paragraphs, figures, subject, parent_of.get(subject), label)
        if denominator is None and role in _WHOLE_ROLES:
            # "…收入1000万元,其中一般公共预算拨款收入900万元,占总收入的90%": the list's own total
            denominator = parent_of.get(subject)
        whole = "total" if role == "budget_total" else role  # a budget splits as its spending does
        if denominator is None and whole in DECOMPOSITIONS:
            parts = _derived(paragraphs, figures, by_role, whole, pct)
            if parts:
                links.append(ShareLink(index, subject, parts[0], label, parts))
            continue
        if denominator is not None and figures[denominator].value:
            links.append(ShareLink(index, subject, denominator, label))
    return tuple(link for link in links if figures[link.denominator].value)  # never a share of nothing
