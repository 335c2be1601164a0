"""After a timeout, Ctrl+C, SIGTERM or SIGKILL no LibreOffice process and no conversion folder is left.

A stand-in ``soffice`` (a shell script that starts a child, as soffice starts soffice.bin, and
records both pids) hangs like a stuck conversion; ``SELFEVAL_SOFFICE`` points the exporter at it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from selfeval_xl.render import pdf
from selfeval_xl.render.errors import ExportFailure
from selfeval_xl.render.scratch import pid_alive
from tests.conftest import EXAMPLE, ROOT

pytestmark = pytest.mark.skipif(os.name != "posix", reason="process groups and signals are POSIX")

FAKE = """#!/bin/sh
echo $$ > "$SELFEVAL_TEST_MARK/soffice.pid"
sleep 120 &
echo $! > "$SELFEVAL_TEST_MARK/child.pid"
wait
"""


@pytest.fixture
def fake(tmp_path: Path) -> dict[str, Path]:
    script = tmp_path / "soffice"
    script.write_text(FAKE, encoding="ascii")
    script.chmod(0o755)
    mark, temp = tmp_path / "mark", tmp_path / "tmp"
    mark.mkdir()
    temp.mkdir()
    return {"script": script, "mark": mark, "tmp": temp}


def started_pids(mark: Path, timeout: float = 20.0) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        files = [mark / "soffice.pid", mark / "child.pid"]
        if all(f.exists() and f.read_text().strip() for f in files):
            return [int(f.read_text()) for f in files]
        time.sleep(0.05)
    raise AssertionError("the stand-in soffice did not start")


def gone(pids: list[int], timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(pid_alive(pid) for pid in pids):
            return True
        time.sleep(0.05)
    return False


def folders(temp: Path) -> list[str]:
    return sorted(p.name for p in temp.iterdir() if p.name.startswith(pdf.SCRATCH_PREFIX))


def export(fake: dict[str, Path], out: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SELFEVAL_SOFFICE": str(fake["script"]), "SELFEVAL_TEST_MARK": str(fake["mark"]),
           "TMPDIR": str(fake["tmp"])}
    return subprocess.Popen([sys.executable, "-m", "selfeval_xl", "export", str(EXAMPLE), "-o", str(out),
                             "--formats", "docx,pdf"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def test_timeout_kills_the_group_and_removes_the_folder(fake: dict[str, Path], tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELFEVAL_TEST_MARK", str(fake["mark"]))
    monkeypatch.setattr(pdf.tempfile, "tempdir", str(fake["tmp"]))
    with pytest.raises(ExportFailure) as caught:
        pdf.docx_to_pdf(b"docx", tmp_path / "r.pdf", soffice=str(fake["script"]), timeout=1.5)
    assert "秒内未完成" in caught.value.message
    assert gone(started_pids(fake["mark"]))
    assert folders(fake["tmp"]) == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_interrupt_kills_libreoffice_and_cleans_up(signum: int, fake: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = export(fake, out)
    pids = started_pids(fake["mark"])
    run.send_signal(signum)
    run.communicate(timeout=30)
    assert run.returncode != 0
    assert gone(pids), "LibreOffice left running"
    assert folders(fake["tmp"]) == []
    assert not out.exists() or list(out.iterdir()) == []  # no partial set either


def test_after_sigkill_the_next_run_kills_the_orphan_and_removes_its_folder(fake: dict[str, Path],
                                                                           tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    run = export(fake, tmp_path / "out")
    pids = started_pids(fake["mark"])
    run.kill()  # SIGKILL: nothing of ours runs
    run.communicate(timeout=30)
    assert all(pid_alive(pid) for pid in pids) and len(folders(fake["tmp"])) == 1  # what a kill leaves
    removed = pdf.clean_stale_conversions(fake["tmp"])  # what every conversion does first
    assert len(removed) == 1
    assert gone(pids), "the orphaned LibreOffice is still running"
    assert folders(fake["tmp"]) == []


def test_a_live_conversion_and_unrelated_processes_are_left_alone(fake: dict[str, Path], tmp_path: Path) -> None:
    run = export(fake, tmp_path / "out")
    try:
        pids = started_pids(fake["mark"])
        assert pdf.clean_stale_conversions(fake["tmp"]) == []  # its run is alive
        assert all(pid_alive(pid) for pid in pids)
    finally:
        run.kill()
        run.communicate(timeout=30)
    unrelated = subprocess.Popen(["sleep", "30"], start_new_session=True)
    try:
        assert len(pdf.clean_stale_conversions(fake["tmp"])) == 1  # now stale: its LibreOffice is killed
        assert gone(pids)
        assert pid_alive(unrelated.pid)  # a process that does not use the folder is not touched
    finally:
        unrelated.kill()
        unrelated.wait()


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the dropped KeyboardInterrupt
def test_an_interrupt_python_cannot_raise_still_stops_libreoffice() -> None:
    # Ctrl+C landing while a finaliser runs: Python prints the KeyboardInterrupt and drops it, and the conversion
    # would wait for LibreOffice to its timeout; the handler kills LibreOffice's group itself, so the wait ends
    process = subprocess.Popen(["sleep", "60"], start_new_session=True)

    class Finaliser:
        def __del__(self) -> None:
            signal.raise_signal(signal.SIGINT)
            _ = sum(n for n in range(10))  # the handler runs here, inside __del__, and its exception is dropped

    try:
        with pdf._terminations_raise([process]):
            Finaliser()  # made and dropped at once: __del__ runs now
            assert process.wait(timeout=10) == -signal.SIGKILL
    finally:
        process.kill()
        process.wait()
