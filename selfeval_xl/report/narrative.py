"""Model + results → the report as structured sections. Decides *what* is said, not how it looks.

The outline (``report.outline``: data files, chosen in the workbook) decides which parts appear in
which order under which headings; ``report.parts`` builds each part's paragraphs. Headings are
numbered here by GB/T 9704 levels (一、 / （一） / 1. / （1）), after empty parts are left out, so
the numbering never skips. Writers only choose fonts and layout. All wording comes from
``texts.REPORT``.
"""

from __future__ import annotations

from collections.abc import Sequence

from selfeval_xl.core import texts
from selfeval_xl.core.model import Model
from selfeval_xl.core.numbers import heading_label
from selfeval_xl.figures.compute import Results
from selfeval_xl.figures.scoring import Scoring
from selfeval_xl.figures.yoy import Change
from selfeval_xl.report.blocks import Block, Report, Section
from selfeval_xl.report.outline import Outline, SectionSpec, by_name
from selfeval_xl.report.parts import PARTS, Ctx, join_cn, sentence

__all__ = ["Block", "Report", "Section", "build_narrative", "join_cn", "render_lines", "render_text", "sentence"]


def _t(key: str, **params: object) -> str:
    return texts.render(texts.REPORT, key, **params)


def _section(ctx: Ctx, spec: SectionSpec, level: int) -> Section | None:
    """A section of the outline with its content, or None when it would be empty."""
    blocks: list[Block] = []
    children: list[Section] = []
    if spec.part:
        own, subs = PARTS[spec.part](ctx)
        blocks.extend(own)
        children.extend(Section(level + 1, "", title, sub) for title, sub in subs if sub)
    for extra in spec.blocks:
        blocks.extend(PARTS[extra](ctx)[0])
    for child in spec.children:
        built = _section(ctx, child, level + 1)
        if built is not None:
            children.append(built)
    if not blocks and not children:
        return None
    return Section(level, "", _t(spec.title, level=ctx.level_word), tuple(blocks), tuple(children))


def _number(section: Section, n: int) -> Section:
    children = tuple(_number(c, i) for i, c in enumerate(section.children, 1))
    return Section(section.level, heading_label(section.level, n), section.title, section.blocks, children)


def build_narrative(model: Model, results: Results, scoring: Scoring | None = None,
                    changes: Sequence[Change] = (), previous_year: int | None = None, *,
                    forced_errors: int = 0, outline: Outline | None = None) -> Report:
    """The report in the outline the workbook chose (or ``outline``), its parts numbered in order."""
    chosen = outline or by_name(model.outline)
    ctx = Ctx(model, results, scoring, changes, previous_year, chosen.item_style, chosen.score_apart)
    built = [s for s in (_section(ctx, spec, 1) for spec in chosen.sections) if s is not None]
    numbered = tuple(_number(s, i) for i, s in enumerate(built, 1))
    banner = _t("forced_banner", errors=forced_errors) if forced_errors else ""
    title = _t("title", unit=model.info.unit_name or texts.REPORT["missing"], year=model.info.year or "")
    return Report(title, numbered, banner)


def render_text(report: Report) -> str:
    """Plain UTF-8 text, one paragraph a line, a blank line before each top-level heading."""
    return render_lines(report.lines())


def render_lines(styled: Sequence[tuple[str, str]]) -> str:
    """Plain text of (style, text) lines as ``Report.lines()`` gives them (or as read back from a .docx)."""
    lines: list[str] = []
    for style, text in styled:
        if style == "h1" and lines and lines[-1]:
            lines.append("")
        lines.append(text)
        if style == "title":
            lines.append("")
    return "\n".join(lines) + "\n"
