"""Totals and their parts known by definition when no list states them: total = 基本 + 项目, 基本 = 人员 + 公用."""

from __future__ import annotations

from collections.abc import Sequence

from selfeval_xl.audit.groups import amounts as _amounts
from selfeval_xl.audit.lexicon import DECOMPOSITIONS
from selfeval_xl.audit.model import Figure, Paragraph, PartsGroup
from selfeval_xl.audit.shares import _nearest
from selfeval_xl.audit.text import clause_start


def implicit_groups(
    paragraphs: Sequence[Paragraph], figures: Sequence[Figure], explicit: list[PartsGroup]
) -> list[PartsGroup]:
    """total = 基本 + 项目, 基本 = 人员 + 公用 when no "其中" list already states the parent."""
    covered = {figures[g.parent].role for g in explicit}
    # parts a "其中" list gives another amount are that amount's ("一般公共预算财政拨款支出1200万元,…其中:基本支出900
    # 万元,项目支出300万元" are no parts of the 本年支出合计 printed after)
    scoped = {c for g in explicit for c in g.children}
    amounts = [i for i in _amounts(figures) if i not in scoped]
    groups = []
    for parent_role, child_roles in DECOMPOSITIONS.items():
        if parent_role in covered:
            continue
        # ("政府采购支出总额1962.21万元": what was bought, never 基本 + 项目)
        parents = [i for i in amounts if figures[i].role == parent_role and not _bought(paragraphs, figures[i])]
        if not parents:
            continue
        parent = figures[parents[0]]
        section = paragraphs[parent.paragraph - 1].section
        children = []
        for role in sorted(child_roles):
            pool = [
                i
                for i in amounts
                if figures[i].role == role and paragraphs[figures[i].paragraph - 1].section == section
            ]
            child = _nearest(figures, pool, parent)
            if child is None:
                break
            children.append(child)
        else:
            groups.append(PartsGroup(parents[0], tuple(sorted(children)), explicit=False))
    return groups


def _bought(paragraphs: Sequence[Paragraph], figure: Figure) -> bool:
    norm = paragraphs[figure.paragraph - 1].norm
    return "采购" in norm[clause_start(norm, figure.start) : figure.start]
