"""Temporary folders of ours, and cleaning up the ones a killed run left behind.

A folder is named ``<prefix><pid>-<random>``: the pid of the process that made it. A later run
removes such folders whose process is gone (POSIX: ``kill(pid, 0)``; elsewhere, and for a pid that
may have been reused, when older than ``STALE_AFTER``), first letting ``on_stale`` act on one
(the PDF converter kills a LibreOffice left running in it).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

STALE_AFTER = 24 * 3600.0  # seconds: a folder this old is stale whatever its pid says


def make_scratch(parent: Path, prefix: str) -> Path:
    """A new private folder ``<prefix><pid>-…`` in ``parent``."""
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=parent))


def pid_alive(pid: int) -> bool | None:
    """Whether process ``pid`` runs (a zombie does not); None where this cannot be asked safely."""
    if os.name != "posix":
        return None  # os.kill(pid, 0) would terminate the process on Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii", errors="replace")
    except OSError:
        return True
    return "\nState:\tZ" not in status


def _is_stale(folder: Path, pid: int) -> bool:
    if pid == os.getpid():
        return False
    alive = pid_alive(pid)
    if alive is False:
        return True
    try:
        return time.time() - folder.stat().st_mtime > STALE_AFTER
    except OSError:
        return False


def clean_stale(parent: Path, prefix: str, on_stale: Callable[[Path], None] | None = None) -> list[Path]:
    """Remove the folders ``<prefix><pid>-…`` in ``parent`` whose process is gone; return them."""
    pattern = re.compile(re.escape(prefix) + r"(\d+)-")
    removed: list[Path] = []
    try:
        entries = list(parent.iterdir())
    except OSError:
        return removed
    for folder in entries:
        found = pattern.match(folder.name)
        if found is None or not folder.is_dir() or folder.is_symlink():
            continue
        if not _is_stale(folder, int(found.group(1))):
            continue
        if on_stale is not None:
            on_stale(folder)
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed
