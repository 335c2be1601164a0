"""Deterministic Office packages: the same content gives the same bytes.

openpyxl stamps docProps/core.xml with the time of saving and zip entries with the current time;
``normalize_package`` rewrites both to a fixed instant and stores members in a fixed order, so
generated templates and built add-ins are byte-reproducible. ``write_atomic`` writes next to the
destination and renames into place, so an interrupted write never leaves a partial file under the
final name.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from pathlib import Path

FIXED_TIME = (2026, 1, 1, 0, 0, 0)
FIXED_ISO = "2026-01-01T00:00:00Z"
_CORE_TIMES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")

# Members first in this order (Office likes [Content_Types].xml first), then the rest sorted.
_FIRST = ("[Content_Types].xml", "_rels/.rels")


def normalize_package(data: bytes, *, extra: dict[str, bytes] | None = None) -> bytes:
    """Re-zip an OOXML package with fixed times and order; ``extra`` adds or replaces members."""
    members: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        for info in src.infolist():
            members[info.filename] = src.read(info)
    members.update(extra or {})
    if "docProps/core.xml" in members:
        members["docProps/core.xml"] = _CORE_TIMES.sub(rb"\g<1>" + FIXED_ISO.encode() + rb"\g<3>",
                                                       members["docProps/core.xml"])
    order = [n for n in _FIRST if n in members] + sorted(n for n in members if n not in _FIRST)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            info.create_system = 0
            dst.writestr(info, members[name], compresslevel=6)
    return out.getvalue()


def workbook_bytes(book: object) -> bytes:
    """Save an openpyxl workbook to bytes."""
    buffer = io.BytesIO()
    book.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~selfeval-", suffix=path.suffix, dir=path.parent)
    try:
        # mkstemp creates 0600; give the file the mode an ordinary new file would get (or keep the old one's).
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        Path(tmp).chmod(mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
