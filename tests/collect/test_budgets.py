"""Per-file budgets of ``selfeval collect``: a file that takes too long becomes its own row, the batch
and its summary always finish; --jobs defaults so that workers × memory fit the machine."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from selfeval_xl.cli.main import main
from selfeval_xl.collect import worker
from selfeval_xl.collect.batch import default_jobs, discover, run_batch


def _slow_evaluate(path: Path, name: str) -> Any:
    time.sleep(30)
    raise AssertionError("the budget did not stop this file")


def slow_on_purpose(path: str, name: str) -> Any:
    """Module level, so the pool can pickle it: the real ``examine`` with a file that never finishes."""
    if "慢" in name:
        worker._evaluate = _slow_evaluate  # in this worker process only
    try:
        return worker.examine(path, name)
    finally:
        worker._evaluate = _REAL_EVALUATE


_REAL_EVALUATE = worker._evaluate


def test_a_file_over_its_time_budget_is_a_row(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(worker._budget, "seconds", 1)
    monkeypatch.setattr(worker, "_evaluate", _slow_evaluate)
    started = time.monotonic()
    result = worker.examine(str(tmp_path / "x.xlsx"), "x.xlsx")
    assert time.monotonic() - started < 10
    assert result.status == "failed" and "超过 1 秒" in result.reason and result.issues[0].code == "timeout"


def test_the_batch_finishes_and_the_summary_is_written(tmp_path: Path, make_book: Callable[..., Path],
                                                       example_data: dict[str, Any]) -> None:
    folder = tmp_path / "报送"
    folder.mkdir()
    for name in ("甲.xlsx", "慢.xlsx", "乙.xlsx"):
        make_book(example_data, name=f"报送/{name}")
    items = discover([folder])
    started = time.monotonic()
    results = run_batch(items, 2, work=slow_on_purpose, seconds=2)
    assert time.monotonic() - started < 25  # not the 30 s the slow file would take
    by_name = {r.name: r for r in results}
    assert by_name["慢.xlsx"].status == "failed" and "超过 2 秒" in by_name["慢.xlsx"].reason
    assert by_name["甲.xlsx"].status == by_name["乙.xlsx"].status == "ok"


def test_collect_takes_budgets_on_the_command_line(tmp_path: Path, make_book: Callable[..., Path],
                                                   example_data: dict[str, Any],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    book = make_book(example_data)
    out = tmp_path / "汇总.xlsx"
    code = main(["collect", str(book), "-o", str(out), "--json", "--no-progress", "--timeout", "60",
                 "--memory-mb", "2048"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0 and out.is_file() and doc["departments"][0]["status"] == "ok"
    assert main(["collect", str(book), "--json", "--timeout", "0"]) == 2  # a usage error, in Chinese
    assert "--timeout" in capsys.readouterr().err


@pytest.mark.parametrize(("memory_mb", "cpus", "available", "expected"), [
    (3072, 8, 4 * 1024 ** 3, 1),  # 4 GB free, 3 GB a worker: one
    (1024, 8, 4 * 1024 ** 3, 4),
    (512, 2, 16 * 1024 ** 3, 2),  # never more than the CPUs
    (3072, 2, 1 * 1024 ** 3, 1),  # never fewer than one
])
def test_default_jobs_fit_memory(memory_mb: int, cpus: int, available: int, expected: int) -> None:
    assert default_jobs(memory_mb, cpus, available) == expected
