"""An amount and its parts in the bracket right after it, with no 其中: "年度资金总额38.75万元(少数民族发展资金37万元,
中央衔接资金1.75万元)", "一般公共预算收入83752万元(税收收入54622万元、非税收入29130万元)".

Such a bracket names each part and its amount and nothing else: it seems to set the amount out in full, and its
parts not making it is worth a look (``bracket_parts_differ``). A warning, not an error: on the development half as
it stood (thirty-sixth round) all 28 such brackets made their totals exactly, so nothing there showed that one that
does not is wrong rather than a selection; read as an error it added two false errors on the test half's pin
(docs/audit.md, thirty-sixth round). A bracket that says more is not read: a partial list ("含上年结转…", "包括…",
"主要是…", "…等"), a comparison ("比上年增加…", "占…%"), counts or people, or words between the parts. A bracket
with 其中 is the lists' reader's (``groups``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding
from selfeval_xl.audit.sums import sum_finding

# words that make a bracket anything but the full list of the amount's parts
_NOT_A_LIST = re.compile(r"其中|含|包括|主要|比|较|增|减|约|占|%|以上|以下|以内|左右|余|多|等|人|个|项|次|或|/")
_NAME = re.compile(r"^[,、;和及与\s]*[\u4e00-\u9fff“”\"]{2,}$")  # a separator, then a name
_REACH = 300  # characters from the bracket's opening to its closing, at most
_FIRST = re.compile(r"[\u4e00-\u9fff“\"]")  # the first part's name opens the bracket


def check_bracket_lists(a: Analysis) -> Iterator[Finding]:
    """Every amount whose bracket right after it lists its parts and nothing else."""
    read = {id(a.figures[g.parent]) for g in a.groups}  # "公务用车购置及运行费29万元(公务用车购置费…)": the lists' own
    for index, own in a.by_paragraph(lambda f: f.kind is FigureKind.AMOUNT).items():
        norm = a.paragraph(index).norm
        for k, total in enumerate(own):
            parts = _bracket_parts(norm, total, own, k + 1)
            if parts is None or total.value is None or id(total) in read:
                continue
            found = sum((p.value for p in parts if p.value is not None), Decimal(0))
            if abs(found - total.value) > total.tolerance + sum((p.tolerance for p in parts), Decimal(0)):
                yield sum_finding(a, "bracket_parts_differ", total, parts, found)


def _bracket_parts(norm: str, total: Figure, own: list[Figure], after: int) -> list[Figure] | None:
    """The amounts (of ``own`` from ``after`` on) of the bracket opening right after ``total``, when it holds nothing
    but named parts."""
    at = total.start + len(total.text)
    while norm.startswith(" ", at):  # (never a slice of the rest: one per amount would make a long paragraph quadratic)
        at += 1
    close = norm.find(")", at, at + _REACH)
    if not norm.startswith("(", at) or close < 0 or not total.exact or total.comparative:
        return None
    inner = norm[at + 1 : close]
    if "(" in inner or _NOT_A_LIST.search(inner):
        return None
    parts = []
    while after < len(own) and own[after].start < close:  # (no islice: it would walk the paragraph from its start)
        parts.append(own[after])
        after += 1
    if len(parts) < 2 or any(not p.exact or p.unit != total.unit or p.value is None or p.comparative for p in parts):
        return None
    cursor = at + 1
    for n, p in enumerate(parts):  # a name, then its amount, then a separator: nothing else in the bracket
        name = norm[cursor : p.start]
        if not _NAME.match(name) or (n == 0 and not _FIRST.match(name)):
            return None
        cursor = p.start + len(p.text)
    return parts if not norm[cursor:close].strip() else None
