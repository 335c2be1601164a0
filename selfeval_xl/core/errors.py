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
    └── OutputError                   an output cannot be written (exists, locked, no space) (CLI exit 4)

Exit codes of every command (README lists them too):
  0  done; no errors (warnings allowed)
  1  data errors (``check``, ``report`` refused or written with ``--force``; audit error findings)
  2  usage error (bad option, missing argument)
  3  the input cannot be used: missing, unreadable, unsafe, not our template / version
  4  an output cannot be written (exists without --force, permission, disk)
  5  internal error (a bug): message on stderr, details in the log file
"""

from __future__ import annotations

from selfeval_xl.core import texts

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_INPUT, EXIT_OUTPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4, 5


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
