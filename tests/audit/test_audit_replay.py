"""The replay of blind merges (benchmarks/audit_replay.py): its scoring, on made-up labels and findings."""

from __future__ import annotations

import pytest

from benchmarks.audit_replay import blind_merges, score

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


def test_blind_merges_are_found_in_the_history() -> None:
    import subprocess

    shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], capture_output=True, text=True).stdout.strip()
    if shallow != "false":
        pytest.skip("no git history here (a shallow clone or an unpacked archive)")
    merges = blind_merges(1742)
    # the nineteenth round merged its pages in two batches: ids 1742-1905, then 1906-2005
    assert [(first, last) for _, first, last in merges][:2] == [(1742, 1905), (1906, 2005)]
