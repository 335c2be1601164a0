"""The auditor's pure pipeline: text blocks → paragraphs → figures → links → checks → report."""

from __future__ import annotations

from collections.abc import Sequence

from selfeval_xl.audit.checks import run_checks
from selfeval_xl.audit.enumerations import find_enumerations
from selfeval_xl.audit.extract import extract_figures
from selfeval_xl.audit.links import find_groups, find_rates, find_shares
from selfeval_xl.audit.model import Analysis, AuditReport
from selfeval_xl.audit.slips import mend_unit_slips
from selfeval_xl.audit.text import build_paragraphs, split_paragraphs
from selfeval_xl.audit.unit_typos import mend_unit_typos


def analyse(blocks: Sequence[str]) -> Analysis:
    """Paragraphs, figures and their links of a report given as text blocks."""
    paragraphs, typos = build_paragraphs(split_paragraphs(blocks))
    figures, slips = mend_unit_slips(paragraphs, extract_figures(paragraphs))
    groups = find_groups(paragraphs, figures)
    return Analysis(
        paragraphs=paragraphs,
        figures=figures,
        groups=groups,
        shares=find_shares(paragraphs, figures, groups),
        rates=find_rates(paragraphs, figures),
        enumerations=find_enumerations(paragraphs, figures),
        typos=typos,
        slips=slips,
    )


def audit_blocks(blocks: Sequence[str]) -> AuditReport:
    """Audit a report given as blocks (one per Word paragraph, or the whole text as one block)."""
    analysis = analyse(blocks)
    found = mend_unit_typos(analysis, run_checks(analysis), lambda window: run_checks(analyse(window)))
    return AuditReport(found, analysis.figures, len(analysis.paragraphs))


def audit_text(text: str) -> AuditReport:
    """Audit the plain text of a report (lines broken mid-sentence are joined)."""
    return audit_blocks((text,))
