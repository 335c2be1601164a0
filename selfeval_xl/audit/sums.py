"""Arithmetic checks: totals and parts, and restated amounts (shares are ``share_checks``', rates ``rates``').

Comparisons are exact on the printed values. An amount printed coarser than the house 0.01 万元
(a 1-dp 万元, a 亿元) carries half a unit of its last digit as tolerance; a percentage is
compared at the number of decimals it was printed with (ROUND_HALF_UP).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.groups import is_change_of_levels, is_difference, measures_previous
from selfeval_xl.audit.lexicon import DECOMPOSITIONS, FUNCTION_CLASSES, GENERIC_QUALIFIERS, ROLE_NAMES
from selfeval_xl.audit.list_owners import (
    first_of_each_item,
    nested_item,
    of_averages,
    subtotal_among,
    sum_of_another,
    totals_among_names,
)
from selfeval_xl.audit.model import (
    Analysis,
    Figure,
    FigureKind,
    Finding,
    PartsGroup,
)
from selfeval_xl.audit.named import lead, printed_name
from selfeval_xl.audit.numbers import UNIT_FACTOR, fmt_amount, round_half_up
from selfeval_xl.audit.plausible import doubted
from selfeval_xl.audit.unit_typos import list_read_as_wan, typo_finding
from selfeval_xl.audit.wholes import before as _before
from selfeval_xl.audit.wholes import (
    carried_over,
    carry_overs,
    complete_by_definition,
    tail_of_outer,
    unit_dropped,
)

_RESTATED_ROLES = ("basic", "project", "personnel", "public")
_WHOLE_ROLES = ("total", "grand_total", "budget_total", "budget", "basic")
_BUDGET_WHOLES = ("budget", "budget_total", "executed")  # split as the spending does ("全年实际支出…,其中基本支出…,项目支出…")


def figure_name(figure: Figure, a: Analysis | None = None) -> str:
    if a is not None:
        norm = a.paragraph(figure.paragraph).norm
        signed = (figure.value or 0) < 0 and norm[figure.start - 1 : figure.start] in ("-", "\u2212")
        printed = printed_name(norm, figure.start - 1 if signed else figure.start)  # "补充预算周转金-21万元"
        if printed:
            return printed
    return ROLE_NAMES.get(figure.role, figure.label)


def _expected_amount(value: Decimal, like: Figure, parts: list[Figure] | None = None) -> str:
    """The expected amount printed like ``like``: 万元 with two decimals, or as many as the figures
    carry ("283.2696万元" beside 4-decimal parts); other units as ``like`` prints."""
    finest = max((p.decimals for p in parts or [] if p.unit == like.unit), default=0)
    places = max(2, like.decimals, finest) if like.unit == "万元" else max(like.decimals, finest, 0)
    return fmt_amount(value, like.unit, places, like=like.text)


def _continued(
    figs: tuple[Figure, ...], group: PartsGroup, total: Decimal, tol: Decimal, want: Decimal
) -> bool:
    """Does the list add up once it goes on into the paragraph's later sentences?"""
    for i in group.continuation:
        value = figs[i].value
        if value is None:
            return False
        total, tol = total + value, tol + figs[i].tolerance
        if abs(total - want) <= tol:
            return True
    return False


_CENT = Decimal("0.01")
_CENT_OF_YUAN = Decimal("0.000001")  # in 万元
_CLASS_ITEM = re.compile(r"(?:" + "|".join(FUNCTION_CLASSES) + r")(?:支出)?(?:预算|决算)?数?$")
_MOSTLY = Decimal("0.8")  # a complete list short of more than a fifth of its total reads as a selection


def _decomposed(parent: Figure, children: list[Figure]) -> bool:
    """Parts that make their total by their roles: 基本 + 项目, 人员 + 公用 (a grand total, 三公 and the other
    wholes complete by definition are ``complete_by_definition``'s)."""
    roles = [c.role for c in children]
    # "支出预算210万元,其中基本支出120万元,项目支出80万元": a budget splits as its spending does
    whole = "total" if parent.role in _BUDGET_WHOLES else parent.role
    return DECOMPOSITIONS.get(whole) == frozenset(roles) and len(set(roles)) == len(roles)


def _within_rounding(parent: Figure, children: list[Figure], diff: Decimal) -> bool:
    """Do the parts, each printed alike, miss their total by no more than their rounding and its own — half a
    unit of the print for each non-zero part and for the total ("总产值308154万元" of 203379 + 27960 + 60817 +
    5417 + 10580 = 308153)? Each figure may be an amount rounded on its own: the text is not proven wrong."""
    shown = [c for c in children if c.value]
    if not diff or len(shown) < 2 or parent.unit not in UNIT_FACTOR:
        return False
    step = UNIT_FACTOR[parent.unit] * Decimal(1).scaleb(-parent.decimals)
    if step <= _CENT_OF_YUAN:  # "1,234.56元": a cent is money's own unit, never a rounding
        return False
    if any(c.unit != parent.unit or c.decimals != parent.decimals for c in shown):
        return False
    return abs(diff) <= (len(shown) + 1) * step / 2


def _rounded_total(parent: Figure, total: Decimal) -> bool:
    """Is the total printed as the parts' sum rounded half up in its own unit and decimals ("468.738万元"
    of 250.7219 + 218.016 = 468.7379; "15.25亿元" of 6.82亿元 + … + 965万元 = 15.2465亿元)?"""
    if parent.value is None or parent.unit not in UNIT_FACTOR:
        return False
    factor = UNIT_FACTOR[parent.unit]
    return round_half_up(total / factor, parent.decimals) == round_half_up(parent.value / factor, parent.decimals)


# A government's fund or tax revenue lists its main sources after 其中 ("政府性基金预算收入完成6140万元,…。
# 其中:国有土地使用权出让收入5613万元,…;城市基础设施配套费收入294万元", "税收收入完成14.59亿元,…。其中:
# 增值税完成0.19亿元,…;契税完成2.67亿元"): the list names the large items only.
_FUND_WHOLES = ("政府性基金", "基金预算收入", "基金收入", "税收收入")


def _fund_items(a: Analysis, parent: Figure) -> bool:
    return any(word in _before(a, parent, 20) for word in _FUND_WHOLES)


def _colon_list(group: PartsGroup, children: list[Figure]) -> bool:
    """ "其中:" with two or more parts and no "等": the list states every part."""
    return group.colon and not group.partial and len(children) >= 2


def _parts(a: Analysis, children: list[Figure]) -> str:
    """The parts as the message prints them: "财政拨款收入1813.24万元+事业收入8257.3万元"; parts all named by the money
    word before their amount ("…类项目32个,安排资金653.78万元;…类项目30个、资金756.20万元") by their categories (a count
    before a name stays: "1个项目30万元+1个项目45.5万元")."""
    names = [figure_name(c, a) for c in children]
    if len(set(names)) < len(names) and all(n.endswith(("资金", "金额")) for n in names):
        items = [_item_name(a.paragraph(c.paragraph).norm, c).removeprefix("其中").lstrip(":") for c in children]
        names = items if all(items) and len(set(items)) == len(items) else names
    return "+".join(f"{name}{'-' if (c.value or 0) < 0 else ''}{c.text}" for name, c in zip(names, children, strict=True))


def _list_finding(a: Analysis, code: str, parent: Figure, children: list[Figure], total: Decimal) -> Finding:
    return finding(
        a, doubted(code, parent, children, total), parent.paragraph, parent.start, parent.text, _expected_amount(total, parent, children),
        label=figure_name(parent, a), parts=_parts(a, children),
    )  # fmt: skip


def sum_finding(a: Analysis, code: str, parent: Figure, children: list[Figure], total: Decimal) -> Finding:
    """A list that does not make its total, as every list's is printed."""
    return _list_finding(a, code, parent, children, total)


def _total_in_an_items_place(a: Analysis, parent: Figure, children: list[Figure]) -> Finding | None:
    """One item printed as the total itself while the others make the total ("年初预算数1,196.3万元,其中:一般公共服务
    支出预算1,196.3万元,教育支出预算894.1万元,…" with 894.1 + … = 1196.3): the total written into the item's place, or
    the total's name on the item — a slip either way, which of the two a reader cannot tell (a warning at the item)."""
    same = [c for c in children if c.value == parent.value]
    rest = [c for c in children if c not in same]
    if len(same) != 1 or len(rest) < 2 or not parent.value or sum((c.value or Decimal(0) for c in rest), Decimal(0)) != parent.value:
        return None
    item = same[0]
    return finding(
        a, "total_in_item_place", item.paragraph, item.start, item.text, None,
        item=figure_name(item, a), label=figure_name(parent, a), total=parent.text, parts=_parts(a, rest),
    )  # fmt: skip


def _lone_part_of_another(a: Analysis, parent: Figure, children: list[Figure]) -> bool:
    """ "…财政拨款收入629.31万元,…财政拨款支出629.31万元,比上年减少88.85万元。其中:基本支出768.93万元": one part,
    larger than the total, opening a sentence of its own: the 其中 is of another whole (here all funds)."""
    if len(children) != 1 or children[0].paragraph != parent.paragraph or children[0].role == parent.role:
        return False
    between = a.paragraph(parent.paragraph).norm[parent.start : children[0].start]
    return "。" in between and between[between.rfind("。") + 1 :].lstrip().startswith("其中")


# "信息化项目2个120万元", "产业发展类项目15个、资金477.18万元", "…项目34个,安排资金367.65万元", "乡村建设类35个项目
# 257.94万元": a count of the item, then its money
_COUNT_BEFORE = re.compile(r"\d+\s*[个项家所条宗批](?:项目)?\s*(?:[、,]\s*(?:安排|下达|投入)?资金\s*)?$")


def _item_name(norm: str, figure: Figure) -> str:
    """The name printed before an amount, past a count of the item ("信息化项目2个120万元", "信息化项目2个、资金120万元":
    信息化项目)."""
    count = _COUNT_BEFORE.search(norm, max(0, figure.start - 12), figure.start)
    return lead(norm, count.start() if count else figure.start)


def _main_classes(parent: Figure, children: list[Figure], labels: list[str]) -> bool:
    """An inline list of 支出功能分类 classes ("年初预算数1643.29万元,其中:一般公共服务支出…,住房保障支出…"):
    the classes a budget mostly went to; reports print the others elsewhere, or not at all. A list of
    numbered lines ("包括:\n1.一般公共服务…\n2.社会保障和就业支出…") sets out every class."""
    return (
        len(labels) == len(children) >= 2
        and all(c.paragraph == parent.paragraph for c in children)
        and all(_CLASS_ITEM.search(label) for label in labels)
    )


def _named_as(a: Analysis, parent: Figure, labels: list[str]) -> bool:
    """Is every item named as its total is ("完成投资77.57亿元。其中:" then "省级6项,…完成投资28.78亿元。" one a
    paragraph)? Repeated names are then the total's parts, not one measure of several categories."""
    own = _item_name(a.paragraph(parent.paragraph).norm, parent) or parent.label
    return bool(own) and all(label.endswith(own) for label in labels)


def check_sums(a: Analysis) -> Iterator[Finding]:
    """total = 基本 + 项目; 基本 = 人员 + 公用; every "其中" list against its total."""
    figs = a.figures
    carried = carry_overs(a)
    outer: dict[int, list[PartsGroup]] = defaultdict(list)  # a part -> the explicit lists it is in
    for group in a.groups:
        if group.explicit:
            for c in group.children:
                outer[c].append(group)
    for group in a.groups:
        parent = figs[group.parent]
        children = [figs[i] for i in group.children]
        if parent.value is None or any(c.value is None for c in children):
            continue
        total = sum((c.value for c in children if c.value is not None), Decimal(0))
        tolerance = parent.tolerance + sum((c.tolerance for c in children), Decimal(0))
        diff = total - parent.value
        finest = min((f.tolerance for f in (parent, *children) if f.tolerance), default=Decimal(0)) * 2
        coarser = any(c.tolerance > parent.tolerance for c in children)  # "78.3万元" beside "192.01万元"
        if diff and _rounded_total(parent, total):
            continue  # the sum, printed at the total's own precision, is the total
        # a 0.01 gap between 2-decimal 万元 ("支出合计6954.57万元,其中:基本支出2657.28万元,项目支出4297.28万元"):
        # each is a 元 amount rounded to 万元 (a 决算 is kept in 元), so the parts may miss by a cent
        # (a whole-万元 part among them is a 2-dp figure printed without its zeros: "事业收入3928万元")
        cents = (
            abs(diff) == _CENT and parent.unit == "万元" and parent.decimals == 2
            and all(f.unit == "万元" and (f.decimals in (0, 2) or not f.value) for f in children)
        )  # fmt: skip
        by_definition = complete_by_definition(a, parent, children)  # no later sentence completes these
        known = group.by_definition or _decomposed(parent, children) or by_definition
        rounded = _within_rounding(parent, children, diff)
        if (abs(diff) <= min(tolerance, finest) or cents or rounded) and diff and not coarser and (_colon_list(group, children) or known):
            # "9027.5亿元、15664.1亿元和10301.5亿元" of "34993.1亿元": rounded parts may miss their total
            # by a unit of the last digit; the printed figures should still add up (adjust the remainder).
            # A part printed coarser than its total ("113.68万元+78.3万元" of "192.01万元") explains the gap.
            yield _list_finding(a, "sum_rounding_gap", parent, children, total)
            continue
        if abs(diff) <= tolerance or rounded or (not by_definition and _continued(figs, group, total, tolerance, parent.value)):
            continue  # (a gap the parts' own rounding explains proves nothing of a list read less surely)
        if diff < 0 and carried_over(carried, parent, children, -diff):
            continue  # "年初预算数761.21万元(含上年结转5.01万元)": the breakdown leaves the carry-over out
        if tail_of_outer(a, group, outer):
            continue  # "加上级转移支付1884万元,其中:一般转移支付1478万元(含…),上年结转结余60万元,…,收入合计为6449万元"
        if diff < 0 and unit_dropped(a, parent, children, -diff):
            continue  # "编制数为39名,其中公务员20事业编制17名,工勤编制2名": a part printed without its unit
        if group.exceeding_only and diff < 0 and not known:
            continue  # a list complete by definition (三公, 基本 + 项目…) is complete however printed
        norm = a.paragraph(parent.paragraph).norm
        if is_change_of_levels(norm, parent, [c for c in children if c.paragraph == parent.paragraph]):
            continue
        carry = [c for c in children if "结转" in _before(a, c) or "结余" in _before(a, c)]
        if diff > 0 and parent.role == "income_total" and carry:
            continue  # "收入合计…其中:财政拨款收入…;年初结转和结余…" exceeding it: the balance is of 收入总计
        if diff > 0 and carry and parent.role in ("income_grand", "grand_total"):
            this_year = [c for c in children if c not in carry]
            rest = sum((c.value for c in this_year if c.value is not None), Decimal(0))
            if this_year and abs(rest - parent.value) <= parent.tolerance + sum((c.tolerance for c in this_year), Decimal(0)):
                # "收入总计为10070.54万元,其中:…(本年各项 10070.54)…上年结转和结余27.93万元": the 总计 printed is the
                # year's own 合计; the message says so, so that the fix (the name or the figure) is plain
                yield finding(
                    a, "grand_total_without_carry_over", parent.paragraph, parent.start, parent.text,
                    _expected_amount(total, parent, children), label=ROLE_NAMES[parent.role],
                    parts=_parts(a, this_year), carry=_parts(a, carry),
                    this_year="本年收入合计" if parent.role == "income_grand" else "本年支出合计",
                )  # fmt: skip
                continue
        if any(is_difference(a.paragraph(c.paragraph).norm, c) or measures_previous(a.paragraph(c.paragraph).norm, c) for c in children):
            continue  # "其中货物采购预算60万元,成交金额55万元,节约资金5万元" (…"资金130.92万元,到位123.06万元"): measures
        if diff > 0 and (first_of_each_item(a, parent, children, tolerance) or subtotal_among(parent, children, diff, tolerance)):
            continue  # "其中:一类债务余额555558万元,本年新增债券161485万元;二类…10521万元;三类…3203万元"
        if diff > 0 and group.partial and any(abs((c.value or 0) - diff) <= tolerance + _CENT and _NESTED.match(c.label) for c in children[1:]):
            # "按支出功能分类:公共安全支出14007.53万元;其他监狱支出553.40万元;…" over 16947.30万元 by the one item: a 款
            # ("其他…支出") of a class listed beside it, not a part of its own
            continue
        labels = [_item_name(a.paragraph(c.paragraph).norm, c) or c.label for c in children]
        labels = [label for label in labels if label]  # "其中:30万元用于…;30万元用于…": no label, no repeat
        if len(set(labels)) < len(labels) and not group.by_definition and not _named_as(a, parent, labels):
            continue  # "其中预算173宗,送审金额…;结算185宗,送审金额…": a breakdown by category, not parts
        if diff > 0 and len(labels) == len(children) and nested_item(labels, children, diff, tolerance):
            continue  # "…事业编制人数39人,事业编制人数39人" under a 参照公务员法管理的 one: overlapping kinds
        if diff > 0 and of_averages(a, parent):
            continue  # "全省普通小学为11128.87元(生均),…。其中,农村为11227.42元": an average has no parts
        if totals_among_names(a, parent, children):
            continue  # "其中A、支出预算总计分别为…": totals side by side, not parts
        if diff > 0 and sum_of_another(a, parent, total, tolerance):
            continue  # the parts make up another amount of the total's sentence: theirs is that one
        # "其中:" with two or more parts and no "等" states every part: short parts are an error too.
        # (a fund's or 税收收入's items are often only the main ones, unless the list closes with its 其他 item)
        closed = len(labels) == len(children) and labels[-1].removeprefix("其中").startswith(("其他", "其它"))
        complete = (_colon_list(group, children) or (closed and not group.partial)) and (not _fund_items(a, parent) or closed)
        if diff < 0 and list_read_as_wan(parent, children):
            # "收入520.33万元。其中:财政拨款收入312.456789元,…;事业收入207.873211元": the parts make the total read as
            # 万元; their shares' check names each (unit_typo), the list falls short by its unit only
            yield from (typo_finding(a, c) for c in children)
            continue
        if diff < 0 and _main_classes(parent, children, labels):
            code = "parts_below_total"
        elif known:
            code = "sum_mismatch"
        elif diff > 0 and _lone_part_of_another(a, parent, children):
            continue
        elif diff > 0:
            code = "parts_exceed_total"
        elif complete and total >= parent.value * _MOSTLY:
            code = "sum_mismatch"
        elif len(children) >= 2 and not (group.partial and parent.paragraph != children[0].paragraph):
            # "支出400000万元。其中:教育支出80000万元…;卫生健康支出40000万元": a colon list far short of
            # its total names its main items; the shortfall is left to the reader (a "从收入结构看," paragraph
            # after its total lists measures by kind: the categories check reads it)
            code = "parts_below_total"
        else:
            continue
        if diff > 0 and (in_place := _total_in_an_items_place(a, parent, children)) is not None:
            yield in_place
            continue
        if (slip := _separator_slip(parent, children, diff, tolerance)) is not None and slip.value is not None:
            yield finding(
                a, "separator_slip", slip.paragraph, slip.start, slip.text, _expected_amount(slip.value * 1000, parent),
                label=figure_name(parent, a), total=parent.text,
            )  # fmt: skip
            continue
        yield _list_finding(a, code, parent, children, total)


_NESTED = re.compile(r"^其他[\u4e00-\u9fff]{1,8}支出$")


def _separator_slip(parent: Figure, children: list[Figure], diff: Decimal, tolerance: Decimal) -> Figure | None:
    """The one part printed with three decimals whose value times 1000 closes the gap ("“三公”经费支出总数为5,572万元
    …公务用车购置及运行维护支出4.647万元…公务接待支出756万元": 169 + 4,647 + 756 = 5,572)."""
    slips = [
        c for c in children
        if c.decimals == 3 and c.unit == parent.unit and c.value and abs(diff + c.value * 999) <= tolerance + c.tolerance * 999
    ]  # fmt: skip
    return slips[0] if len(slips) == 1 else None


def check_restated_amounts(a: Analysis) -> Iterator[Finding]:
    """The same 基本支出/项目支出/人员经费/公用经费 printed twice must be the same amount."""
    figs = a.figures
    # Parts of a list under another subject are scoped to it ("初中教育支出…,其中:基本支出…"),
    # and so are parts of the same role ("项目支出…其中:…项目支出…"): neither restates the figure.
    same_role_parts = {
        c
        for g in a.groups
        if g.explicit
        for c in g.children
        if figs[c].role == figs[g.parent].role or figs[g.parent].role not in _WHOLE_ROLES
    }
    # "基本支出预算120万元" and "基本支出118.6万元" are the budget and the spending: two figures
    first: dict[tuple[str, bool], Figure] = {}
    for index, fig in enumerate(figs):
        if (
            fig.kind is not FigureKind.AMOUNT
            or fig.role not in _RESTATED_ROLES
            or not fig.exact
            or index in same_role_parts
            or not fig.value  # "…类科目…项目支出0元": a zero is a sub-item's, never the whole's restatement
        ):
            continue
        name = lead(a.paragraph(fig.paragraph).norm, fig.start)
        if not _plainly_named(name, fig.label):
            continue  # "其它人员经费", "…改造项目支出"
        seen = first.setdefault((fig.role, "预算" in name), fig)
        if seen is fig or seen.value is None:
            continue
        if abs(fig.value - seen.value) > fig.tolerance + seen.tolerance:
            yield finding(
                a, "restated_amount_differs", fig.paragraph, fig.start, fig.text, seen.text,
                label=figure_name(fig), first_paragraph=seen.paragraph,
            )  # fmt: skip


_PLAIN_PREFIXES = ("", "其中", "财政拨款", "一般公共预算", *GENERIC_QUALIFIERS)


def _plainly_named(name: str, keyword: str) -> bool:
    """Is the amount named by the role word alone or with a generic qualifier ("本年项目支出"), not an
    item that ends with it ("社会福利院墙裙改造项目支出", "其它人员经费")?"""
    if not keyword or not name.endswith(keyword):
        return True
    return name[: -len(keyword)] in _PLAIN_PREFIXES
