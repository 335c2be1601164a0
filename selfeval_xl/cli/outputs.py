"""Where a command may write its workbook: the rules shared by ``report -o``, ``check -o`` and ``template -o``.

* the output is an ``.xlsx`` (we write no macros: ``y.xlsm`` or ``y.xltx`` would be xlsx content
  under a name Excel opens as another format, so it is refused with the .xlsx name to use);
* never the input workbook;
* an existing file is replaced only with ``--force`` — except the default ``<stem>_报告.xlsx``,
  which is ours, and is replaced with a line saying so;
* a read-only file is never replaced.
"""

from __future__ import annotations

import os
from pathlib import Path

from selfeval_xl.core.errors import OutputError, os_reason

XLSX = ".xlsx"


def output_target(out: Path, *, inputs: tuple[Path, ...] = (), force: bool, ours: bool = False) -> bool:
    """Check that ``out`` may be written; return True when it replaces an existing file.

    ``ours``: ``out`` is the default name the tool itself chose (replaced without ``--force``).
    Raises ``OutputError`` (CLI exit 4) with a Chinese message otherwise.
    """
    if out.suffix.lower() != XLSX:
        raise OutputError("output_not_xlsx", path=out, suggestion=out.with_suffix(XLSX).name)
    try:
        exists = out.exists()
    except OSError as exc:  # e.g. a name over 255 bytes: the file system refuses even to look
        raise OutputError(path=out, reason=os_reason(exc)) from None
    if not exists:
        return False
    for given in inputs:
        if given.exists() and out.resolve() == given.resolve():
            raise OutputError("output_is_input", path=out)
    if out.is_dir():
        raise OutputError("output_is_directory", path=out)
    if not (force or ours):
        raise OutputError("output_exists", path=out)
    if not os.access(out, os.W_OK) or not out.stat().st_mode & 0o222:  # the mode too: root may write anything
        raise OutputError("output_read_only", path=out)
    return True
