"""File names of the export, safe on Windows, and writes that never clobber by accident.

``publish`` writes to a temporary file beside the target and then moves it into place, so an
interrupted export never leaves a partial file under the final name. Without ``force`` the move is
a hard link, which fails atomically if the name was taken in the meantime (no check-then-write
race); where hard links are unsupported it falls back to an existence check and a rename.
``publish_set`` does the same for a set of files, all or none, through a staging folder.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path

from selfeval_xl.core import texts
from selfeval_xl.core.errors import OutputError, os_reason
from selfeval_xl.render.scratch import clean_stale, make_scratch

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


def file_stem(kind: str, unit: str, year: int | None, project: str = "") -> str:
    """The stem of an export file: kind ``report`` (自评报告) or ``scoring`` (自评表), or ``project_report`` /
    ``project_scoring`` for ``project``'s 项目支出绩效自评报告 / 自评表."""
    unit = unit.strip() or texts.EXPORT["unit_missing"]
    if year is None:
        return safe_stem(texts.render(texts.EXPORT, f"file_{kind}_no_year", unit=unit, project=project.strip()))
    return safe_stem(texts.render(texts.EXPORT, f"file_{kind}", unit=unit, year=year, project=project.strip()))


def new_year_stem(unit: str, year: int | None) -> str:
    """The stem of next year's workbook (``selfeval new-year`` and the ribbon's 新年度)."""
    return safe_stem(texts.render(texts.UI, "new_year_default_name", unit=unit.strip() or texts.EXPORT["unit_missing"],
                                  year=year or ""))


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
    os.close(fd)
    tmp = Path(name)
    try:
        _write_synced(tmp, data)  # mkstemp creates 0600: given the mode of an ordinary new file
        _place(tmp, path, force=force)
    finally:
        tmp.unlink(missing_ok=True)


STAGING_PREFIX = ".~selfeval-export-"


def _write_synced(path: Path, data: bytes) -> None:
    with path.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    path.chmod(0o666 & ~_umask())


def _place(staged: Path, path: Path, *, force: bool) -> None:
    """Move ``staged`` to ``path``: replacing it only with ``force``, atomically either way."""
    if force:
        staged.replace(path)
        return
    try:
        os.link(staged, path)  # atomic and never replaces an existing file
    except FileExistsError:
        raise OutputError("output_exists", path=path) from None
    except OSError:  # no hard links here (FAT, some network shares): check, then rename
        if path.exists():
            raise OutputError("output_exists", path=path) from None
        staged.rename(path)


def _move_in(staged: dict[Path, Path], staging: Path, *, force: bool) -> None:
    """Move every staged file to its target; on any failure put everything back as it was."""
    placed: list[tuple[Path, Path | None]] = []
    try:
        for n, (path, source) in enumerate(staged.items()):
            backup = None
            if force and path.exists():
                backup = staging / f"old-{n}{path.suffix}"
                try:
                    os.link(path, backup)
                except OSError:
                    shutil.copy2(path, backup)
            try:
                _place(source, path, force=force)
            except OSError as exc:
                raise OutputError(path=path, reason=os_reason(exc)) from None
            placed.append((path, backup))
    except BaseException:
        for path, backup in reversed(placed):
            if backup is not None:
                backup.replace(path)
            else:
                path.unlink(missing_ok=True)
        raise


def publish_set(files: dict[Path, bytes], folder: Path, *, force: bool) -> None:
    """Write ``files`` (all in ``folder``) as one set: all of them, or none.

    Every file is first written into a private staging folder inside ``folder`` — a full disk or
    any other failure then leaves nothing under a final name — and only then are the files moved
    in, one rename each. Should a move fail (a name taken meanwhile without ``force``), the files
    already moved are taken out again and the files they replaced put back. Staging folders left
    by a killed run are removed first. Raises ``OutputError`` naming the target file.
    """
    folder.mkdir(parents=True, exist_ok=True)
    clean_stale(folder, STAGING_PREFIX)
    staging = make_scratch(folder, STAGING_PREFIX)
    try:
        staged = {}
        for n, (path, data) in enumerate(files.items()):
            staged[path] = staging / f"{n}{path.suffix}"
            try:
                _write_synced(staged[path], data)
            except OSError as exc:  # a full disk: nothing has a final name yet
                raise OutputError(path=path, reason=os_reason(exc)) from None
        _move_in(staged, staging, force=force)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
