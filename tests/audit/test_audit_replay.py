"""The replay of blind merges (benchmarks/audit_replay.py): its scoring, on made-up labels and findings."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from benchmarks.audit_replay import MANIFEST_PATH, blind_merges, doubted_today, score

_LABELS: dict[str, dict[str, list[object]]] = {
    "1": {
        "relations": [
            {"quote": "支出合计120万元", "stated": "120万元", "verdict": "error"},
            {"quote": "占比40%", "stated": "40%", "verdict": "ok"},
            {"quote": "下降3.66%", "stated": "3.66%", "verdict": "truncation"},
        ],
        "non_relations": [],
    }
}


def test_error_findings_are_true_when_they_meet_an_error_or_truncation_label() -> None:
    findings = {
        "1": [
            {"code": "sum_mismatch", "severity": "error", "stated": "120万元", "sentence": "本年支出合计120万元。"},
            {"code": "share_mismatch", "severity": "error", "stated": "40%", "sentence": "项目支出48万元,占比40%。"},
            {"code": "yoy_mismatch", "severity": "error", "stated": "3.66%", "sentence": "比上年减少0.23万元,下降3.66%。"},
            {"code": "mixed_precision", "severity": "warning", "stated": None, "sentence": "本年支出合计120万元。"},
        ]
    }
    assert score(findings, _LABELS) == [("1", "sum_mismatch", True), ("1", "share_mismatch", False), ("1", "yoy_mismatch", True)]


def test_blind_merges_are_the_commits_that_added_pages_from_the_first_blind_one(tmp_path: Path) -> None:
    # a history of its own: pages 1-2 (read before labelling), then 3-4 and 5 merged blind, and a label fix
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=tmp_path, check=True,
                       capture_output=True)  # fmt: skip

    git("init", "-q")
    manifest = tmp_path / MANIFEST_PATH
    manifest.parent.mkdir(parents=True)
    for ids, message in (([1, 2], "pool"), ([1, 2, 3, 4], "blind 3-4"), ([1, 2, 3, 4, 5], "blind 5"), ([1, 2, 3, 4, 5], "fix")):
        manifest.write_text(json.dumps([{"id": str(i), "fixed": message == "fix"} for i in ids]), "utf-8")
        git("add", "-A")
        git("commit", "-q", "-m", message)
    merges = blind_merges(3, tmp_path)
    assert [(first, last) for _, first, last in merges] == [(3, 4), (5, 5)]


def test_todays_bounds_on_old_findings_are_read_from_their_printed_figures() -> None:
    def doubted(code: str, stated: str, expected: str) -> bool:
        return doubted_today({"code": code, "severity": "error", "stated": stated, "expected": expected})

    assert doubted("parts_exceed_total", "60万元", "4500.00万元")
    assert not doubted("parts_exceed_total", "1061.12万元", "1064.28万元")
    assert not doubted("parts_exceed_total", "6717万元", "16717.00万元")  # a digit dropped: a slip of the pen
    assert doubted("parts_exceed_total", "2.04 亿元", "30000.00万元")  # units told apart
    assert not doubted("parts_exceed_total", "2.04亿元", "20500.00万元")
    assert doubted("sum_mismatch", "39人", "78人") and not doubted("sum_mismatch", "195人", "196人")
    assert doubted("share_mismatch", "32.4%", "158.85%") and not doubted("share_mismatch", "8%", "7.22%")
    assert not doubted("yoy_mismatch", "0.8%", "13.3%")
