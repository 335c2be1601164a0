"""File names of the export, safe on Windows, and writes that never clobber by accident.

``publish`` writes to a temporary file beside the target and then moves it into place, so an
interrupted export never leaves a partial file under the final name. Without ``force`` the move is
a hard link, which fails atomically if the name was taken in the meantime (no check-then-write
race); where hard links are unsupported it falls back to an existence check and a rename.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from selfeval_xl.core import texts
from selfeval_xl.core.errors import OutputError

# Characters Windows refuses in file names, and ASCII control characters.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_SPACES = re.compile(r"\s+")
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
MAX_STEM = 120  # characters; Windows allows 255 UTF-16 units per name and 260 per path by default
MAX_STEM_BYTES = 200  # UTF-8 bytes: Linux and macOS allow 255 per name (a Chinese character takes 3), suffix included
# Invisible characters that reorder or hide text (bidi controls, zero-width, soft hyphen, BOM): a file
# name must read as it is.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


def safe_stem(text: str) -> str:
    """``text`` as a file-name stem that Windows, macOS and Linux all accept."""
    stem = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    stem = _SPACES.sub(" ", stem)  # line breaks and tabs typed into the 单位名称 cell become one space
    stem = _FORBIDDEN.sub("_", stem).strip().rstrip(". ")
    stem = stem[:MAX_STEM]
    while len(stem.encode("utf-8")) > MAX_STEM_BYTES:
        stem = stem[:-1]
    stem = stem.rstrip(". ")
    if not stem.strip("_"):
        stem = texts.EXPORT["unit_missing"]
    if stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    return stem


def file_stem(kind: str, unit: str, year: int | None) -> str:
    """The stem of an export file: kind ``report`` (自评报告) or ``scoring`` (自评表)."""
    unit = unit.strip() or texts.EXPORT["unit_missing"]
    if year is None:
        return safe_stem(texts.render(texts.EXPORT, f"file_{kind}_no_year", unit=unit))
    return safe_stem(texts.render(texts.EXPORT, f"file_{kind}", unit=unit, year=year))


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def publish(path: Path, data: bytes, *, force: bool) -> None:
    """Write ``data`` to ``path`` via a temporary file; an existing ``path`` is replaced only with ``force``.

    Raises ``OutputError("output_exists")`` when ``path`` exists and ``force`` is off; ``OSError`` on
    other failures (the caller names the file).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".~selfeval-", suffix=path.suffix, dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.chmod(0o666 & ~_umask())  # mkstemp creates 0600; give the mode of an ordinary new file
        if force:
            tmp.replace(path)
            return
        try:
            os.link(tmp, path)  # atomic and never replaces an existing file
        except FileExistsError:
            raise OutputError("output_exists", path=path) from None
        except OSError:  # no hard links here (FAT, some network shares): check, then rename
            if path.exists():
                raise OutputError("output_exists", path=path) from None
            tmp.rename(path)  # on Windows rename also refuses an existing target
    finally:
        tmp.unlink(missing_ok=True)
