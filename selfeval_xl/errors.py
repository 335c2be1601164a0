"""Exceptions: only for "cannot continue". Everything wrong inside a readable workbook is an Issue.

    SelfevalError                     base; ``code`` keys texts.FATAL, ``params`` fill it
    ├── WorkbookError                 the input file cannot be used        (CLI exit 3)
    │   ├── FileMissingError          no such file / it is a directory
    │   ├── NotAWorkbookError         not an .xlsx (random bytes, CSV, zip without a workbook, truncated)
    │   ├── LegacyFormatError         an .xls (BIFF) workbook
    │   ├── EncryptedWorkbookError    password-protected
    │   ├── UnsafeWorkbookError       zip bomb, oversize, XML entity tricks
    │   ├── NotOurTemplateError       a workbook, but not made from our template
    │   └── TemplateVersionError      our template, another version
    └── OutputError                   an output cannot be written (exists, locked, no space) (exit 4... see cli)
"""

from __future__ import annotations

from selfeval_xl import texts


class SelfevalError(Exception):
    code = "internal"

    def __init__(self, code: str | None = None, **params: object) -> None:
        if code is not None:
            self.code = code
        self.params = {k: str(v) for k, v in params.items()}
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return texts.render(texts.FATAL, self.code, **self.params)


class WorkbookError(SelfevalError):
    code = "unreadable"


class FileMissingError(WorkbookError):
    code = "file_missing"


class NotAWorkbookError(WorkbookError):
    code = "not_a_workbook"


class LegacyFormatError(WorkbookError):
    code = "legacy_xls"


class EncryptedWorkbookError(WorkbookError):
    code = "encrypted"


class UnsafeWorkbookError(WorkbookError):
    code = "unsafe"


class NotOurTemplateError(WorkbookError):
    code = "not_our_template"


class TemplateVersionError(WorkbookError):
    code = "template_version"


class OutputError(SelfevalError):
    code = "output_failed"
