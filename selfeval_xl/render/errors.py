"""Exceptions of the export; their messages come from ``texts.EXPORT``.

    OutputError (selfeval_xl.core.errors)       CLI exit 4
    └── ExportFailure                      a requested export cannot be produced (no LibreOffice,
                                           PDF conversion failed, python-docx missing)
    SelfevalError (selfeval_xl.core.errors)
    ├── SheetChoiceFailure                 ``sheets`` names no exportable sheet (CLI: usage, exit 2)
    └── WorkbookHasErrors                  the workbook has errors and ``force`` is off (CLI exit 1)
"""

from __future__ import annotations

from selfeval_xl.core import texts
from selfeval_xl.core.errors import OutputError, SelfevalError


class _ExportMessage:
    """Mixin: ``code`` keys ``texts.EXPORT`` instead of ``texts.FATAL``."""

    code: str
    params: dict[str, str]

    @property
    def message(self) -> str:
        return texts.render(texts.EXPORT, self.code, **self.params)


class ExportFailure(_ExportMessage, OutputError):
    pass


class SheetChoiceFailure(_ExportMessage, SelfevalError):
    pass


class WorkbookHasErrors(_ExportMessage, SelfevalError):
    def __init__(self, errors: int) -> None:
        super().__init__("refused", errors=errors)
