"""Random 绩效自评 paragraphs (``made_up_paragraphs``), every figure right: no error finding on any of them; and
the 预算执行率 they print, moved on purpose, is reported wherever the auditor reads that phrasing.

The twenty-eighth round wrote these from the genre's phrasing to find what no corpus text had shown: the first run
found a false alarm (a 预算执行率 of what was given, read against the funds arrived printed beside it) and a miss (a
项目's 预算执行率 of the funds its paragraph before states as 项目资金总额 or 安排项目资金); the outcomes' first run
another false alarm (a 其中 item's arrived part, "县级配套资金130.92万元,到位123.06万元", read as a second part); the
programmes' a miss (a rate of a budget's 合计, "全年预算合计2501.60万元,实际支出1913.38万元,平均执行率76.49%")."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from decimal import Decimal

import pytest
from made_up_paragraphs import (
    RATE,
    department_paragraphs,
    outcome_paragraphs,
    programme_paragraphs,
    project_paragraphs,
)

from selfeval_xl.audit import Severity, audit_text

KINDS: dict[str, Callable[[random.Random], str]] = {
    "project": project_paragraphs, "department": department_paragraphs, "outcome": outcome_paragraphs,
    "programme": programme_paragraphs,
}
_SEEDS = range(60)
_CLEAN_SEEDS = range(300)  # a phrasing drawn one time in three, a figure in a range: rare slips need many draws


def _errors(text: str) -> list[str]:
    return [f"{f.code} {f.stated}->{f.expected}" for f in audit_text(text).findings if f.severity is Severity.ERROR]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_right_figures_in_every_phrasing_raise_no_error(kind: str) -> None:
    wrong = {seed: found for seed in _CLEAN_SEEDS if (found := _errors(KINDS[kind](random.Random(seed))))}
    assert wrong == {}


_STATED_RATE = re.compile(rf"{RATE}(为)?(\d+\.\d+)%")


def _moved(text: str) -> str | None:
    m = _STATED_RATE.search(text)
    if m is None:
        return None
    moved = Decimal(m.group(2)) - Decimal(7)
    return text[: m.start(2)] + f"{moved:.{len(m.group(2).partition('.')[2])}f}" + text[m.end(2) :]


@pytest.mark.parametrize("kind", ["department", "programme", "project"])
def test_a_moved_execution_rate_is_reported(kind: str) -> None:
    broken = [text for seed in _SEEDS if (text := _moved(KINDS[kind](random.Random(seed)))) is not None]
    assert len(broken) >= 20  # most draws print a 预算执行率
    # (a 项目 rate of the funds stated a paragraph earlier, "项目资金总额…。…截至年底共支出…,预算执行率为…", was
    # missed two times in three before this test was written)
    missed = [text for text in broken if not any(e.startswith("execution_rate_mismatch") for e in _errors(text))]
    assert missed == []
