"""Shared by the benchmarks: run a measurement in a fresh child process and read its peak memory."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Run:
    seconds: float  # as timed by the child (work only) or by the parent (whole process)
    peak_mb: float  # the child's peak resident set
    result: Any  # what the child printed as JSON (work-only runs)


def child(code: str, *args: str) -> Run:
    """Run ``code`` in a new interpreter; it must print one JSON object with "seconds" last."""
    import tempfile

    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=err,
                                cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert proc.stdout is not None
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            err.seek(0)
            raise RuntimeError(f"child failed ({proc.returncode}): {err.read().decode()[-2000:]}")
    doc = json.loads(out.decode().strip().splitlines()[-1])
    return Run(doc["seconds"], usage.ru_maxrss / 1024, doc.get("result"))


def process(argv: list[str]) -> Run:
    """Run a whole command (cold start included) and time it from the parent."""
    import time

    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    return Run(elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))


def best(runs: list[Run]) -> Run:
    return min(runs, key=lambda r: r.seconds)


def median(runs: list[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} / {five:.2f} / {fifteen:.2f} on {os.cpu_count()} cores"
