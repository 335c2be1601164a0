"""Audit an existing 部门整体支出绩效自评报告: arithmetic and consistency of its figures.

Pipeline (pure except ``audit_file``'s reading): text blocks → paragraphs and sections
(``text``) → figures (``extract``) → links between them (``links``) → checks (``checks``) →
``AuditReport``. Findings are values; only an unreadable input raises ``AuditInputError``.
"""

from __future__ import annotations

from collections.abc import Sequence as _Sequence
from pathlib import Path as _Path

from selfeval_xl.audit.checks import run_checks as _run_checks
from selfeval_xl.audit.extract import extract_figures as _extract_figures
from selfeval_xl.audit.links import find_enumerations as _find_enumerations
from selfeval_xl.audit.links import find_groups as _find_groups
from selfeval_xl.audit.links import find_rates as _find_rates
from selfeval_xl.audit.links import find_shares as _find_shares
from selfeval_xl.audit.model import Analysis, AuditReport, Figure, FigureKind, Finding, Severity
from selfeval_xl.audit.reader import AuditInputError
from selfeval_xl.audit.reader import read_report as _read_report
from selfeval_xl.audit.text import build_paragraphs as _build_paragraphs
from selfeval_xl.audit.text import split_paragraphs as _split_paragraphs

__all__ = [
    "Analysis",
    "AuditInputError",
    "AuditReport",
    "Figure",
    "FigureKind",
    "Finding",
    "Severity",
    "analyse",
    "audit_blocks",
    "audit_file",
    "audit_text",
]


def analyse(blocks: _Sequence[str]) -> Analysis:
    """Paragraphs, figures and their links of a report given as text blocks."""
    paragraphs, typos = _build_paragraphs(_split_paragraphs(blocks))
    figures = _extract_figures(paragraphs)
    groups = _find_groups(paragraphs, figures)
    return Analysis(
        paragraphs=paragraphs,
        figures=figures,
        groups=groups,
        shares=_find_shares(paragraphs, figures, groups),
        rates=_find_rates(figures),
        enumerations=_find_enumerations(paragraphs, figures),
        typos=typos,
    )


def audit_blocks(blocks: _Sequence[str]) -> AuditReport:
    """Audit a report given as blocks (one per Word paragraph, or the whole text as one block)."""
    analysis = analyse(blocks)
    return AuditReport(_run_checks(analysis), analysis.figures, len(analysis.paragraphs))


def audit_text(text: str) -> AuditReport:
    """Audit the plain text of a report (lines broken mid-sentence are joined)."""
    return audit_blocks((text,))


def audit_file(path: str | _Path) -> AuditReport:
    """Audit a .docx, .txt or .pdf report; raises ``AuditInputError`` if it cannot be read."""
    return audit_blocks(_read_report(path))
