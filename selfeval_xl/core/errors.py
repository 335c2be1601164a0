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

import errno

from selfeval_xl.core import texts

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_INPUT, EXIT_OUTPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4, 5


class SelfevalError(Exception):
    """Base of every exception of the tool: ``code`` keys texts.FATAL, ``message`` is the Chinese text."""

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
    """The input file cannot be used (CLI exit 3)."""

    code = "unreadable"


class FileMissingError(WorkbookError):
    """No such file, or it is a folder."""

    code = "file_missing"


class NotAWorkbookError(WorkbookError):
    """Not an .xlsx: random bytes, CSV, a zip without a workbook, a truncated file."""

    code = "not_a_workbook"


class LegacyFormatError(WorkbookError):
    """An .xls (BIFF) workbook."""

    code = "legacy_xls"


class EncryptedWorkbookError(WorkbookError):
    """A password-protected workbook."""

    code = "encrypted"


class UnsafeWorkbookError(WorkbookError):
    """A zip bomb, an oversize file or XML entity tricks: refused before parsing."""

    code = "unsafe"


class NotOurTemplateError(WorkbookError):
    """A workbook, but not one made from the selfeval template."""

    code = "not_our_template"


class TemplateVersionError(WorkbookError):
    """A workbook of the template, in another version."""

    code = "template_version"


class OutputError(SelfevalError):
    """An output cannot be written: exists without --force, is the input, permission, disk (CLI exit 4)."""

    code = "output_failed"


_OS_REASONS = {
    errno.EACCES: "reason_permission",
    errno.EPERM: "reason_permission",
    errno.ENAMETOOLONG: "reason_name_too_long",
    errno.ENOSPC: "reason_no_space",
    errno.EDQUOT: "reason_no_space",
    errno.EROFS: "reason_read_only",
    errno.ELOOP: "reason_link_loop",
    errno.ENOENT: "reason_not_found",
    errno.ENOTDIR: "reason_not_found",
    errno.EISDIR: "reason_is_directory",
}


def os_reason(exc: OSError) -> str:
    """A Chinese reason for an operating-system error (permission, name too long, disk full, …)."""
    key = _OS_REASONS.get(exc.errno or 0, "reason_os")
    return texts.render(texts.FATAL, key, error=exc.strerror or type(exc).__name__)
