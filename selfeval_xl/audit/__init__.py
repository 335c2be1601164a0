"""Audit an existing 部门整体支出绩效自评报告: arithmetic and consistency of its figures.

Pipeline (pure, in ``engine``): text blocks → paragraphs and sections (``text``) → figures
(``extract``) → links between them (``links``) → checks (``checks``) → ``AuditReport``. Findings
are values; only an unreadable input raises ``AuditInputError`` (``reader``, the one edge).

May import: ``core`` (the text catalog). Imported by ``rules.text`` (the engine only), ``collect``
and the CLI. Tests: ``tests/audit/``.
"""

from __future__ import annotations

from pathlib import Path as _Path

from selfeval_xl.audit.engine import analyse, audit_blocks, audit_text
from selfeval_xl.audit.model import Analysis, AuditReport, Figure, FigureKind, Finding, Severity
from selfeval_xl.audit.reader import AuditInputError
from selfeval_xl.audit.reader import read_report as _read_report

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


def audit_file(path: str | _Path) -> AuditReport:
    """Audit a .docx, .txt or .pdf report; raises ``AuditInputError`` if it cannot be read."""
    return audit_blocks(_read_report(path))
