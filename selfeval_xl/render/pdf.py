"""PDF through LibreOffice headless: the .docx converted in a private temporary directory.

Each conversion gets its own LibreOffice profile (``-env:UserInstallation``), so parallel runs and
a LibreOffice the user has open do not collide, and a time limit after which the whole process
group is killed; so is it on Ctrl+C, SIGTERM and SIGHUP, and a folder (and LibreOffice) left by a
run killed outright is cleaned up by the next conversion (``clean_stale_conversions``). On Linux a private fontconfig file lets the official font names fall back to
CJK fonts of the same kind (仿宋/楷体/小标宋 → a serif CJK font, 黑体 → a sans one) when the
Windows fonts are missing; an installed 仿宋_GB2312 still wins. The .docx keeps the names.

``SELFEVAL_SOFFICE`` names the soffice program explicitly (empty: treat LibreOffice as absent).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from selfeval_xl.core import texts
from selfeval_xl.render.errors import ExportFailure
from selfeval_xl.render.scratch import clean_stale, make_scratch

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


SCRATCH_PREFIX = "selfeval-pdf-"


def _groups_using(folder: Path) -> set[int]:
    """Process groups of the processes whose command line names ``folder`` (its LibreOffice profile)."""
    needles = (str(folder).encode(), folder.as_uri().encode())
    groups = set()
    for entry in Path("/proc").iterdir() if Path("/proc").is_dir() else ():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
            if any(n in cmdline for n in needles):
                groups.add(os.getpgid(int(entry.name)))
        except OSError:
            continue  # gone meanwhile, or not ours to read
    return groups


def kill_stale_soffice(folder: Path) -> None:
    """Kill the LibreOffice a killed run left converting in ``folder`` (Linux: found through /proc)."""
    for group in _groups_using(folder):
        if group != os.getpgid(0):
            with contextlib.suppress(OSError):
                os.killpg(group, signal.SIGKILL)


def clean_stale_conversions(root: Path | None = None) -> list[Path]:
    """Remove the conversion folders of runs that were killed, and the LibreOffice left in them."""
    return clean_stale(Path(root or tempfile.gettempdir()), SCRATCH_PREFIX, kill_stale_soffice)


@contextlib.contextmanager
def _terminations_raise(running: list[subprocess.Popen[bytes]]) -> Iterator[None]:
    """While converting, Ctrl+C, SIGTERM and SIGHUP kill the LibreOffice of ``running`` in the handler itself, then
    unwind (KeyboardInterrupt, or SystemExit), so that the folder is removed. Killing in the handler stops LibreOffice
    even when the exception cannot unwind: raised while a finaliser runs, Python prints and drops it, and the wait for
    LibreOffice would go on to the timeout; with LibreOffice gone, the wait ends and the conversion fails."""
    if os.name != "posix" or threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        for process in running:
            with contextlib.suppress(OSError):
                os.killpg(process.pid, signal.SIGKILL)
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise SystemExit(128 + signum)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def docx_to_pdf(docx: bytes, target: Path, *, soffice: str | None = None, timeout: float = TIMEOUT) -> bytes:
    """Convert a .docx (bytes) to PDF bytes; ``target`` only names the file in messages.

    LibreOffice runs in its own process group, in a private folder named after this process; on a
    timeout, Ctrl+C, SIGTERM or SIGHUP the whole group is killed and the folder removed. A folder
    (and LibreOffice) left by a run killed outright (SIGKILL) is cleaned up by the next conversion.
    """
    program = soffice or find_soffice()
    if program is None:
        raise ExportFailure("no_soffice")
    root = Path(tempfile.gettempdir())
    clean_stale_conversions(root)
    work = make_scratch(root, SCRATCH_PREFIX)
    running: list[subprocess.Popen[bytes]] = []
    try:
        with _terminations_raise(running):
            return _convert(program, docx, work, target, timeout, running)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _convert(
    program: str, docx: bytes, work: Path, target: Path, timeout: float, running: list[subprocess.Popen[bytes]]
) -> bytes:
    source = work / "report.docx"
    source.write_bytes(docx)
    env = dict(os.environ)
    env.update(TMPDIR=str(work), TMP=str(work), TEMP=str(work))  # LibreOffice's own lu*.tmp go with the folder
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
    running.append(process)  # for the signal handler (see _terminations_raise)
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(process, posix)
        raise _failed(target, texts.render(texts.EXPORT, "pdf_timeout", seconds=int(timeout))) from None
    except BaseException:  # Ctrl+C, SIGTERM (see _terminations_raise): LibreOffice goes with us
        _kill(process, posix)
        raise
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
