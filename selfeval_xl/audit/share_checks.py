"""Share checks: each "占…的X%" against its amount and the whole it names, and the shares of one whole
that must add up to 100%."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from selfeval_xl.audit.extract import amount_role, denominator_role
from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.lexicon import DECOMPOSITIONS, ROLE_NAMES, WHOLE_OF
from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding, ShareLink
from selfeval_xl.audit.ratios import percent_finding, ratio_matches, remainder_moved
from selfeval_xl.audit.sums import figure_name
from selfeval_xl.audit.text import clause_start, sentence_bounds
from selfeval_xl.audit.unit_typos import read_as_wan, typo_finding
from selfeval_xl.audit.wholes import share_of_the_year

_HUNDRED = Decimal(100)
def _denominator(a: Analysis, link: ShareLink) -> Figure:
    """The amount a share is of; a total never printed is the sum of its printed parts."""
    den = a.figures[link.denominator]
    if not link.derived:
        return den
    parts = [a.figures[i] for i in link.derived]
    value = sum((p.value for p in parts if p.value is not None), Decimal(0))
    return replace(den, value=value, text="+".join(p.text.replace(" ", "") for p in parts), role="total")


def check_shares(a: Analysis) -> Iterator[Finding]:
    """Each "占…的X%" against its amount and the amount it is a share of."""
    figs = a.figures
    # unnamed shares ("…30.00万元,占59.40%;…12.00万元,占93.75%") that add up to more than 100% and of
    # which none fits the whole they were linked to are not shares of it (here: each item's completion)
    unnamed: dict[int, list[ShareLink]] = defaultdict(list)
    for link in a.shares:
        if not link.denominator_text and not link.derived:
            unnamed[link.denominator].append(link)
    misread = {
        den for den, links in unnamed.items()
        if len(links) >= 2 and sum((figs[k.percent].value or Decimal(0) for k in links), Decimal(0)) > _HUNDRED + 1
        and not any(ratio_matches(figs[k.percent], figs[k.subject], figs[den])[0] for k in links)
    }  # fmt: skip
    carried: dict[int, list[Figure]] = {}  # carry-overs by paragraph
    held: dict[tuple[int, int], list[tuple[ShareLink, Finding]]] = defaultdict(list)  # by whole and paragraph
    fitting: set[tuple[int, int]] = set()
    # "…一般预算收入累计完成9.4亿元,…。其中,税收收入完成8.3亿元,占一般公共预算收入比重89.0%": the total its 其中
    # list breaks down is a whole the share may be of, whatever amount elsewhere bears the name it prints
    broken_down = a.list_totals()
    typos: dict[int, Figure] = {}  # amounts whose share fits once their 元 is read as 万元
    subjects: dict[int, list[Figure]] = defaultdict(list)  # the amounts of the shares of each whole
    for link in a.shares:
        subjects[link.denominator].append(figs[link.subject])
    for link in a.shares:
        if not link.denominator_text and not link.derived and link.denominator in misread:
            continue
        pct, subject, den = figs[link.percent], figs[link.subject], _denominator(a, link)
        found = percent_finding(
            a, pct, subject, den, ("share_mismatch", "share_truncated"),
            subject=figure_name(subject, a), amount=subject.text, denominator=link.denominator_text or figure_name(den, a), base=den.text,
        )  # fmt: skip
        if found is not None and (typo := _unit_typo(pct, subject, den, subjects[link.denominator])) is not None:
            typos.setdefault(id(typo), typo)  # "收入6821.09751万元。其中:财政拨款资金收入5359.668673元,占全部收入的78.58%"
            continue
        listed = figs[broken_down[link.subject]] if link.subject in broken_down else None
        if found is not None and listed is not None and listed is not den and listed.value and ratio_matches(pct, subject, listed)[0]:
            found = None
        if found is not None and not share_of_the_year(a, pct, subject, den, carried):
            held[(link.denominator, pct.paragraph)].append((link, found))
        elif found is None:
            fitting.add((link.denominator, pct.paragraph))
    by_whole: dict[tuple[int, int], list[ShareLink]] = defaultdict(list)
    for link in a.shares:
        by_whole[(link.denominator, figs[link.percent].paragraph)].append(link)
    for key, wrong in held.items():
        other = _another_whole(a, by_whole[key]) if len(wrong) >= 2 and key in fitting else None
        if other is not None and other.value != _denominator(a, wrong[0][0]).value:
            continue  # "…基本支出…、占比21.49%,项目支出…、占比75.40%,经营支出…、占比0.21%": all of one other amount (the
            # small one fits both wholes at its rounding; thirty-seventh round)
        if key in fitting or len(wrong) < 2 or _another_whole(a, [link for link, _ in wrong]) is None:
            yield from (found for link, found in wrong if not _tail_adjusted(a, link, by_whole[key]))
    yield from (typo_finding(a, typo) for typo in typos.values())


def _unit_typo(pct: Figure, subject: Figure, den: Figure, siblings: list[Figure]) -> Figure | None:
    """The share's amount when it is printed in 元 beside a whole that is not and reading it as 万元 makes the share
    fit that whole, or the sum of the amounts of the whole's shares when all are so printed: the percentage, at its
    decimals, is then no chance (5359.668673元 of 6821.09751万元 "占78.58%")."""
    if subject.unit != "元" or den.unit == "元" or subject.value is None or not subject.exact:
        return None
    mended = read_as_wan(subject)
    if ratio_matches(pct, mended, den)[0]:
        return subject
    if len(siblings) >= 2 and all(f.unit == "元" and f.value is not None for f in siblings):
        whole = sum((f.value or Decimal(0) for f in siblings), Decimal(0)) * 10000
        if ratio_matches(pct, mended, replace(den, value=whole))[0]:
            return subject
    return None


def _tail_adjusted(a: Analysis, link: ShareLink, siblings: list[ShareLink]) -> bool:
    """ "…57.36万元,占99.70%;公务接待费…0.18万元,占0.30%" of 57.53万元 (exactly 0.31%): the shares printed add up to
    exactly 100% and this one is a unit of its last digit off, so the author moved the rounding remainder
    (尾差) onto it, as the rules for shares that must add up ask."""
    figs = a.figures
    pct, subject, den = figs[link.percent], figs[link.subject], _denominator(a, link)
    if len(siblings) < 2 or pct.value is None or subject.value is None or not den.value:
        return False
    # the shares rounded each on its own must miss 100% by what was moved ("占88%…占12%" of 88.93% and 11.07%
    # move nothing: 89% + 11% is 100% already), and moved as the conventions move it
    rows = [(figs[k.percent], figs[k.subject].value, _denominator(a, k).value) for k in siblings]
    if not remainder_moved([(share, part, whole or Decimal(0)) for share, part, whole in rows if part is not None]):
        return False
    unit = Decimal(1).scaleb(-pct.decimals)
    exact = (subject.value / den.value * _HUNDRED).quantize(unit, ROUND_HALF_UP)
    return abs(exact - pct.value) == unit


def _another_whole(a: Analysis, links: list[ShareLink]) -> Figure | None:
    """ "一般公共预算具体支出情况如下:一般性公共服务支出37153万元,占全年总支出的13.37%;国防支出682万,占全年总支出
    的0.25%…": shares of one paragraph that all miss the whole they name and all fit one other amount printed
    in it or the three paragraphs before (here 一般公共预算支出 277798万元) are shares of that amount."""
    figs = a.figures
    paragraph = figs[links[0].percent].paragraph
    largest = max((figs[k.subject].value or Decimal(0)) for k in links)
    end = bisect_left(figs, (paragraph + 1, 0), key=lambda g: (g.paragraph, g.start))
    for f in reversed(figs[max(0, end - 300) : end]):  # bounded: a one-paragraph page stays linear
        if f.paragraph < paragraph - 3:
            break
        if f.kind is FigureKind.AMOUNT and f.exact and f.value is not None and f.value > largest and all(
            ratio_matches(figs[k.percent], figs[k.subject], f)[0] for k in links
        ):
            return f
    return None


def _subjects(a: Analysis) -> dict[int, int]:
    """Each linked percentage's subject amount, the first link's (built once per check)."""
    subject_of: dict[int, int] = {}
    for link in a.shares:
        subject_of.setdefault(link.percent, link.subject)
    return subject_of


def _share_subject_role(a: Analysis, index: int, subject_of: dict[int, int]) -> str:
    if index in subject_of:
        return a.figures[subject_of[index]].role
    pct = a.figures[index]
    norm = a.paragraph(pct.paragraph).norm
    at = norm.rfind("占", clause_start(norm, pct.start), pct.start)
    if at < 0:
        return ""
    # "人员经费占基本支出的31.97%": the subject named right before 占, in this or the previous clause.
    role, _, _ = amount_role(norm, at)
    previous = clause_start(norm, at) - 1
    if role == "other" and previous > 0:
        role, _, _ = amount_role(norm, previous)
    return role


def check_share_totals(a: Analysis) -> Iterator[Finding]:
    """Shares of one denominator that cover all its parts (人员+公用 of 基本) must make 100.00%."""
    figs = a.figures
    matched = {link.percent: ratio_matches(figs[link.percent], figs[link.subject], _denominator(a, link))[0]
               for link in a.shares}  # fmt: skip
    subject_of = _subjects(a)
    # (a) by denominator role within a section: the parts of a known decomposition.
    groups: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for index, fig in enumerate(figs):
        if fig.kind is not FigureKind.PERCENT or fig.role != "share":
            continue
        subject = _share_subject_role(a, index, subject_of)
        # "基本支出占比65%,项目支出占比35%": an unnamed share of a known part is of its whole
        # (only when no amount is printed with it: a share linked to a list is judged with its list)
        implied = WHOLE_OF.get(subject, "") if not fig.label and index not in matched else ""
        den = denominator_role(fig.label) or implied
        if den:
            groups[(a.paragraph(fig.paragraph).section, den)].append((index, subject))
    complete: list[tuple[str, list[int]]] = []
    for (_, den_role), members in groups.items():
        roles = [role for _, role in members]
        if DECOMPOSITIONS.get(den_role) == frozenset(roles) and len(set(roles)) == len(roles):
            complete.append((ROLE_NAMES.get(den_role, den_role), [i for i, _ in members]))
    # (b) by denominator amount: shares of every part of a "其中" list of that amount.
    # a partial list ("按支出功能分类:", "主要用于:", …等) may leave parts out: only more than 100% counts
    listed = {(g.parent, frozenset(g.children)): g.partial for g in a.groups if g.explicit}
    at_most: set[int] = set()
    by_denominator: dict[int, list[ShareLink]] = defaultdict(list)
    for link in a.shares:
        if not link.derived:
            by_denominator[link.denominator].append(link)
    seen = {i for _, ids in complete for i in ids}
    for den_index, every in by_denominator.items():
        # all the shares of that amount, else those of one sentence ("货物、工程、服务…分别为…,占全市政府
        # 采购规模比例为…。从组织形式看,…占全市政府采购规模的…": two lists of the same whole)
        for links in (every, *_by_sentence(a, every)):
            subjects = frozenset(link.subject for link in links)
            ids = sorted(link.percent for link in links)
            if len(links) >= 2 and (den_index, subjects) in listed and not seen & set(ids):
                other = _another_whole(a, links) if sum(not matched[i] for i in ids) >= 2 else None
                if other is not None and other.value != figs[den_index].value:
                    # "民生类支出中,教育支出61.95亿元,占比为14.1%,…": each share is of the larger whole printed
                    # before (一般公共预算支出 439.49亿元), not of the list's own total
                    continue
                complete.append((figure_name(figs[den_index], a), ids))
                seen |= set(ids)
                if listed[(den_index, subjects)]:
                    at_most.add(ids[0])
    for denominator, ids in complete:
        percents = [figs[i] for i in ids]
        total = sum((p.value for p in percents if p.value is not None), Decimal(0))
        places = min(p.decimals for p in percents)
        drift = Decimal(5).scaleb(-places - 1) * len(percents)
        if total == _HUNDRED or (ids[0] in at_most and total <= _HUNDRED + drift):
            continue
        all_ok = all(matched.get(i, True) for i in ids)
        if all(matched.get(i, False) for i in ids) and total < _HUNDRED - drift:
            continue  # each share right of amounts short of their total: the list's own sum says so, if anything
        code = "shares_rounding_drift" if all_ok and abs(total - _HUNDRED) <= drift else "shares_not_100"
        last = percents[-1]
        parts = "+".join(p.text.replace(" ", "") for p in percents)
        yield finding(
            a, code, last.paragraph, last.start, f"{total}%", "100.00%",
            denominator=denominator, parts=parts,
        )  # fmt: skip


def _by_sentence(a: Analysis, links: list[ShareLink]) -> list[list[ShareLink]]:
    """The links split by the sentence their percentage is printed in (only when more than one)."""
    out: dict[tuple[int, int], list[ShareLink]] = defaultdict(list)
    for link in links:
        pct = a.figures[link.percent]
        out[(pct.paragraph, sentence_bounds(a.paragraph(pct.paragraph).norm, pct.start)[0])].append(link)
    return list(out.values()) if len(out) > 1 else []


def _inside(role: str, whole: str) -> bool:
    """Is ``role`` ``whole`` or one of its parts, at any depth (人员经费 of 基本支出 of 支出合计)?"""
    while role:
        if role == whole:
            return True
        role = WHOLE_OF.get(role, "")
    return False


def check_disjoint_shares(a: Analysis) -> Iterator[Finding]:
    """Shares of one named whole, in one paragraph, of parts that hold nothing of each other ("人员经费占支出合计的
    65%。公用经费占支出合计的45%": both of 基本支出, so together at most all of 支出合计) cannot add up to more than 100%
    beyond their rounding, in one list or in separate sentences (``shares_exceed_100``). A decomposition the shares
    name in full is judged against 100% already (``check_share_totals``); two shares of one kind (two years) are not
    read."""
    subject_of = _subjects(a)
    groups: dict[tuple[int, str], list[tuple[Figure, str]]] = defaultdict(list)
    for index, fig in enumerate(a.figures):
        if fig.kind is FigureKind.PERCENT and fig.role == "share" and fig.value is not None and (den := denominator_role(fig.label)):
            groups[(fig.paragraph, den)].append((fig, _share_subject_role(a, index, subject_of)))
    for (_, den), every in groups.items():
        # "(含人员支出…,占总支出85.38%;公用支出…,占总支出14.62%)。其中:基本支出…,占总支出100%": the shares of
        # one decomposition's parts, whatever other shares of the whole the paragraph prints (thirty-seventh round)
        for whole, parts in DECOMPOSITIONS.items():
            members = [m for m in every if m[1] in parts]
            roles = {r for _, r in members}
            if len(members) < 2 or len(roles) < len(members) or not _inside(whole, den) or DECOMPOSITIONS.get(den) == frozenset(roles):
                continue
            percents = [fig for fig, _ in members]
            total = sum((p.value for p in percents if p.value is not None), Decimal(0))
            drift = sum((Decimal(5).scaleb(-p.decimals - 1) for p in percents), Decimal(0))
            if total > _HUNDRED + drift:
                last = percents[-1]
                yield finding(
                    a, "shares_exceed_100", last.paragraph, last.start, f"{total}%", "100%",
                    denominator=ROLE_NAMES.get(den, den),
                    parts="+".join(ROLE_NAMES.get(r, r) + p.text.replace(" ", "") for p, r in members),
                )  # fmt: skip
