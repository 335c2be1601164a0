"""Report outlines as data: which parts, in which order, under which headings, numbered how.

An outline is a JSON file in ``report/outlines/`` (not a code branch): a list of top-level sections,
each with a catalog ``title`` key (texts.REPORT), an optional ``part`` (its content), optional
``blocks`` (further parts whose paragraphs follow), optional ``children`` (（一）（二）… sub-sections,
each a part with a title), and the ``item_style`` of level-3 numbers ("." → 1.  "、" → 1、). A
section with no content is left out and the rest renumbered — never an empty heading.

Outlines shipped: ``hunan`` (the 四本预算 outline of the founding example, the default), ``mof`` (the
财政部 reference outline for 部门整体支出绩效评价: 基本情况, 支出情况, 自评工作, 结论, 分析, 问题, 建议),
``score_first`` (自评得分情况 first, preceded by the documents it is based on, as a county finance
bureau's report does). The workbook chooses one by its name (基本信息 or 问题与措施: 报告提纲).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from selfeval_xl.workbook import layout

KEYS = tuple(key for key, _ in layout.OUTLINES)
DEFAULT = KEYS[0]


@dataclass(frozen=True, slots=True)
class SectionSpec:
    title: str  # texts.REPORT key
    part: str = ""
    blocks: tuple[str, ...] = ()
    children: tuple[SectionSpec, ...] = ()


@dataclass(frozen=True, slots=True)
class Outline:
    key: str
    item_style: str
    sections: tuple[SectionSpec, ...]

    @property
    def score_apart(self) -> bool:
        """Whether the score has a place of its own (then 绩效情况 does not repeat it)."""
        def uses(spec: SectionSpec) -> bool:
            return spec.part == "score" or "score" in spec.blocks or any(uses(c) for c in spec.children)
        return any(uses(s) for s in self.sections)


def _spec(raw: dict[str, Any]) -> SectionSpec:
    return SectionSpec(raw["title"], raw.get("part", ""), tuple(raw.get("blocks", ())),
                       tuple(_spec(c) for c in raw.get("children", ())))


@cache
def outline(key: str) -> Outline:
    raw = json.loads(resources.files("selfeval_xl.report").joinpath("outlines", f"{key}.json").read_text("utf-8"))
    return Outline(raw["key"], raw["item_style"], tuple(_spec(s) for s in raw["sections"]))


def by_name(name: str) -> Outline:
    """The outline the workbook chose (by its dropdown label, layout.OUTLINES); the default when empty."""
    return outline({label: key for key, label in layout.OUTLINES}.get(name, DEFAULT))
