"""What a run stamps on its outputs and leaves behind: the "生成时间" line and the log file.

The only place the report side reads the clock; the CLI and the Excel adapter call it.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from selfeval_xl.core import texts
from selfeval_xl.core.version import VERSION as __version__


def log_path() -> Path:
    """Where details of an internal error go (the message names this file)."""
    return Path(tempfile.gettempdir()) / "selfeval_xl.log"


def generated_line() -> str:
    """The "生成时间" line of 计算明细 and the export, with the tool's version."""
    when = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    return texts.render(texts.UI, "calc_generated", when=when, version=__version__)
