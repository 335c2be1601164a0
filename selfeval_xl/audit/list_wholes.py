"""The whole a share names, found as the total of the list its subject is an item of (thirty-fifth round):

- "合计1840.91万元。" then "按支出功能分类,2023年支出2643.52万元,其中:…,占总支出的12.88%": a whole named in general
  words (总支出) is the item's own list's total, of its side, not an amount of that role a paragraph before named
  otherwise (合计);
- "一般公共预算收入年初预算为…,实际完成35642.66万元,…。其中:税收收入…,非税收入…。税收收入占一般公共预算收入的比重
  为60.00%": a whole named in full that no amount is printed under is the list's total when the total's own sentence
  opens with that name.
"""

from __future__ import annotations

from collections.abc import Sequence

from selfeval_xl.audit.model import Figure, Paragraph
from selfeval_xl.audit.named import name_before
from selfeval_xl.audit.text import clause_start, sentence_bounds


def own_list_whole(paragraphs: Sequence[Paragraph], figures: Sequence[Figure], parent: int | None, printed: int, label: str) -> bool:
    """Is the list's total (``parent``), rather than the amount found by the whole's role (``printed``), the whole? Its side
    may be in its role's label or in the words printed before it ("单位预算支出5212.91万元,其中:…,占总支出…": label 预算)."""
    side = next((w for w in ("支出", "收入") if w in label), "")
    if parent is None or not side or label in figures[printed].label:
        return False
    total = figures[parent]
    named = side in total.label or side in name_before(paragraphs[total.paragraph - 1].norm, total.start, 12)
    return named and total.paragraph > figures[printed].paragraph


def named_list_whole(
    paragraphs: Sequence[Paragraph], figures: Sequence[Figure], subject: int, parent: int | None, label: str
) -> int | None:
    """The list's total when its sentence opens with the whole's name (four characters or more) before it; not for a
    subject that is a comparison ("比货物类多出97.82亿元")."""
    if parent is None or len(label) < 4:
        return None
    item, total = figures[subject], figures[parent]
    here = paragraphs[item.paragraph - 1].norm
    if item.comparative or any(w in here[clause_start(here, item.start) : item.start] for w in ("比", "较")):
        return None
    norm = paragraphs[total.paragraph - 1].norm
    s0, _ = sentence_bounds(norm, total.start)
    return parent if label in norm[s0 : total.start] and not total.comparative else None
