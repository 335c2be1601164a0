"""The one catalog of user-facing text (Simplified Chinese).

Every string an accountant or a finance-bureau reviewer reads lives here, keyed by a stable
English identifier, with named ``{placeholders}``. Code never builds Chinese sentences from
fragments of its own; it picks a key and passes the values. Tests check that every issue code
has a message and that rendering leaves no placeholder unfilled.

Sections (one module each, so that each feature owns its words; this loader joins them):
  ISSUES     validation issue messages, by issue code (ISSUE_KINDS: their short names, 校验结果's 类别)
  FATAL      messages of the exceptions that stop a run (unreadable file, not our template, ...)
  REPORT     narrative templates of the 自评报告
  UI         sheet titles, column headers of output sheets, CLI and dialog text
  ADDIN      the Excel add-in: ribbon labels, dialogs, status bar, build/install messages
  EXPORT     exports for the finance bureau: file names and messages
  BATCH      ledger import and batch consolidation (selfeval ledger / collect)
  AUDIT      findings of ``selfeval audit`` (reviewing an existing report text)
  IMPORTS    the 决算表 import (selfeval import-juesuan)
"""

from __future__ import annotations

import string
from collections.abc import Mapping

from selfeval_xl.core.texts.addin import ADDIN
from selfeval_xl.core.texts.audit import AUDIT
from selfeval_xl.core.texts.batch import BATCH
from selfeval_xl.core.texts.export import EXPORT
from selfeval_xl.core.texts.fatal import FATAL
from selfeval_xl.core.texts.guide import GUIDE, GUIDE_TITLE
from selfeval_xl.core.texts.imports import IMPORTS
from selfeval_xl.core.texts.issues import ISSUE_KINDS, ISSUES
from selfeval_xl.core.texts.report import REPORT
from selfeval_xl.core.texts.ui import UI

__all__ = ["ADDIN", "AUDIT", "BATCH", "EXPORT", "FATAL", "GUIDE", "GUIDE_TITLE", "IMPORTS", "ISSUES", "ISSUE_KINDS", "REPORT", "UI",
           "placeholders", "render"]


_FORMATTER = string.Formatter()


def placeholders(template: str) -> set[str]:
    """Names of the ``{placeholders}`` in a catalog template."""
    return {field for _, field, _, _ in _FORMATTER.parse(template) if field}


def render(table: Mapping[str, str], key: str, /, **params: object) -> str:
    """Fill the template ``table[key]``; a missing placeholder is a programming error (KeyError)."""
    template = table[key]
    missing = placeholders(template) - params.keys()
    if missing:
        raise KeyError(f"text {key!r} needs {sorted(missing)}")
    return template.format_map(params)
