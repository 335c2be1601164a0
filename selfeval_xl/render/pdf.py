"""PDF through LibreOffice headless: the .docx converted in a private temporary directory.

Each conversion gets its own LibreOffice profile (``-env:UserInstallation``), so parallel runs and
a LibreOffice the user has open do not collide, and a time limit after which the whole process
group is killed. On Linux a private fontconfig file lets the official font names fall back to
CJK fonts of the same kind (仿宋/楷体/小标宋 → a serif CJK font, 黑体 → a sans one) when the
Windows fonts are missing; an installed 仿宋_GB2312 still wins. The .docx keeps the names.

``SELFEVAL_SOFFICE`` names the soffice program explicitly (empty: treat LibreOffice as absent).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from selfeval_xl.core import texts
from selfeval_xl.render.errors import ExportFailure

TIMEOUT = 180.0  # seconds; a first run creates the profile, which takes a few seconds

_SERIF = ("FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN")
_SANS = ("SimHei", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei")
FALLBACKS: dict[str, tuple[str, ...]] = {
    "仿宋_GB2312": _SERIF,
    "仿宋": _SERIF,
    "楷体_GB2312": ("KaiTi", "STKaiti", "AR PL UKai CN", *_SERIF),
    "楷体": ("KaiTi", "STKaiti", "AR PL UKai CN", *_SERIF),
    "方正小标宋简体": ("Noto Serif CJK SC", "Source Han Serif SC", *_SERIF),
    "宋体": ("SimSun", "Noto Serif CJK SC", *_SERIF),
    "黑体": _SANS,
}


def find_soffice() -> str | None:
    """The soffice program: $SELFEVAL_SOFFICE, then PATH, then the usual install folders."""
    explicit = os.environ.get("SELFEVAL_SOFFICE")
    if explicit is not None:
        return explicit if explicit and (Path(explicit).is_file() or shutil.which(explicit)) else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    candidates = [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")]
    for var in ("ProgramFiles", "ProgramFiles(x86)"):
        if os.environ.get(var):
            candidates.append(Path(os.environ[var]) / "LibreOffice" / "program" / "soffice.exe")
    return next((str(p) for p in candidates if p.is_file()), None)


def fontconfig_file(folder: Path) -> Path | None:
    """A fonts.conf that includes the system one and adds the fallbacks; None off Linux."""
    base = os.environ.get("FONTCONFIG_FILE") or "/etc/fonts/fonts.conf"
    if not sys.platform.startswith("linux") or not Path(base).is_file():
        return None
    aliases = "".join(
        f"<alias binding=\"same\"><family>{name}</family><accept>"
        + "".join(f"<family>{f}</family>" for f in fallbacks)
        + "</accept></alias>"
        for name, fallbacks in FALLBACKS.items()
    )
    path = folder / "fonts.conf"
    path.write_text(f'<?xml version="1.0"?><fontconfig><include ignore_missing="yes">{base}</include>'
                    f"{aliases}</fontconfig>\n", encoding="utf-8")
    return path


def _failed(target: Path, reason: str) -> ExportFailure:
    return ExportFailure("pdf_failed", path=target, reason=reason)


def docx_to_pdf(docx: bytes, target: Path, *, soffice: str | None = None, timeout: float = TIMEOUT) -> bytes:
    """Convert a .docx (bytes) to PDF bytes; ``target`` only names the file in messages."""
    program = soffice or find_soffice()
    if program is None:
        raise ExportFailure("no_soffice")
    with tempfile.TemporaryDirectory(prefix="selfeval-pdf-") as tmp:
        work = Path(tmp)
        source = work / "report.docx"
        source.write_bytes(docx)
        env = dict(os.environ)
        fonts = fontconfig_file(work)
        if fonts is not None:
            env["FONTCONFIG_FILE"] = str(fonts)
        command = [program, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--invisible",
                   "--norestore", "--nolockcheck", "--nodefault", "--convert-to", "pdf", "--outdir",
                   str(work / "out"), str(source)]
        posix = os.name == "posix"
        try:
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                       stderr=subprocess.STDOUT, env=env, cwd=work, start_new_session=posix)
        except OSError as exc:
            raise _failed(target, exc.strerror or str(exc)) from None
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(process, posix)
            raise _failed(target, texts.render(texts.EXPORT, "pdf_timeout", seconds=int(timeout))) from None
        result = work / "out" / "report.pdf"
        if process.returncode != 0:
            raise _failed(target, texts.render(texts.EXPORT, "pdf_exit", code=process.returncode))
        if not result.is_file() or result.stat().st_size == 0:
            detail = output.decode("utf-8", "replace").strip().splitlines()
            reason = texts.EXPORT["pdf_no_output"] + (f": {detail[-1]}" if detail else "")
            raise _failed(target, reason)
        return result.read_bytes()


def _kill(process: subprocess.Popen[bytes], posix: bool) -> None:
    """Stop soffice and the processes it started (its own session on POSIX)."""
    try:
        if posix:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass
    process.communicate()
