"""A whole made-up 决算公开说明 (``made_up_juesuan``): clean at several scales, and every relation
in it, broken on purpose, is reported — the rules together, not one at a time."""

from __future__ import annotations

import re

import pytest
from made_up_juesuan import document

from selfeval_xl.audit import Severity, audit_text


def errors(text: str) -> list[str]:
    return [f.code for f in audit_text(text).findings if f.severity is Severity.ERROR]


@pytest.mark.parametrize("seed", [0, 3, 7, 12, 25])
def test_the_document_audits_clean(seed: int) -> None:
    assert audit_text(document(seed)).findings == ()


# (the words right before a figure, the kind of finding its change must raise)
BROKEN = [
    ("收入总计", "sum_mismatch"),
    ("本年收入合计", "sum_mismatch"),
    ("事业收入", "share_mismatch"),
    ("项目支出", "sum_mismatch"),
    ("本年支出合计增加", "yoy_mismatch"),
    ("社会保障和就业(类)支出", "share_mismatch"),
    ("公用经费", "sum_mismatch"),
    ("公务接待费", "sum_mismatch"),
    ("比上年减少", "yoy_mismatch"),
    ("政府采购服务支出", "sum_mismatch"),
    ("授予中小企业合同金额", "share_mismatch"),
    ("执法执勤用车", "sum_mismatch"),
    ("年中追加", "sum_mismatch"),
    ("质量指标", "sum_mismatch"),
    ("全年执行数", "execution_rate_mismatch"),
    ("管理人员", "sum_mismatch"),
]


@pytest.mark.parametrize(("name", "code"), BROKEN)
def test_each_figure_broken_on_purpose_is_reported(name: str, code: str) -> None:
    text = document(3)
    m = re.search(re.escape(name) + r"(\d+(?:\.\d+)?)", text)
    assert m is not None, name
    value = m.group(1)
    broken = str(int(value) + 1) if "." not in value else f"{float(value) * 1.1:.2f}"
    changed = text[: m.start(1)] + broken + text[m.end(1) :]
    found = set(errors(changed))
    assert code in found or (code == "sum_mismatch" and "parts_exceed_total" in found), (name, value, broken)


@pytest.mark.parametrize("seed", [0, 1, 5, 9])
def test_a_made_up_selfeval_report_audits_clean(seed: int) -> None:
    from made_up_selfeval import document as report

    assert audit_text(report(seed)).findings == ()


SELFEVAL_BROKEN = [
    ("调整后预算", "sum_mismatch"),
    ("项目支出", "share_mismatch"),
    ("3.宣传教育项目", "sum_mismatch"),
    ("全年执行数", "execution_rate_mismatch"),
    ("比上年增加", "yoy_mismatch"),
    ("实际到位资金", "named_rate_mismatch"),
    ("效益指标", "sum_mismatch"),
    ("退休人员", "sum_mismatch"),
    ("内设机构共", "count_mismatch"),
]


@pytest.mark.parametrize(("name", "code"), SELFEVAL_BROKEN)
def test_each_figure_of_the_selfeval_report_broken_on_purpose_is_reported(name: str, code: str) -> None:
    from made_up_selfeval import document as report

    text = report(2)
    m = re.search(re.escape(name) + r"(\d+(?:\.\d+)?)", text)
    assert m is not None, name
    value = m.group(1)
    broken = str(int(value) + 1) if "." not in value else f"{float(value) * 1.1:.2f}"
    changed = text[: m.start(1)] + broken + text[m.end(1) :]
    found = set(errors(changed))
    assert code in found or (code == "sum_mismatch" and "parts_exceed_total" in found), (name, value, broken, found)


@pytest.mark.parametrize("seed", [0, 2, 4, 11])
def test_a_made_up_budget_text_audits_clean(seed: int) -> None:
    from made_up_budget import document as budget

    assert audit_text(budget(seed)).findings == ()


BUDGET_BROKEN = [
    ("事业收入", "share_mismatch"),
    ("项目支出", "share_mismatch"),
    ("各增加", "yoy_mismatch"),
    ("社会保障和就业支出", "share_mismatch"),
    ("公用经费", "sum_mismatch"),
    ("公务接待费", "sum_mismatch"),
    ("政府采购服务预算", "sum_mismatch"),
]


@pytest.mark.parametrize(("name", "code"), BUDGET_BROKEN)
def test_each_figure_of_the_budget_text_broken_on_purpose_is_reported(name: str, code: str) -> None:
    from made_up_budget import document as budget

    text = budget(1)
    m = re.search(re.escape(name) + r"(\d+(?:\.\d+)?)", text)
    assert m is not None, name
    value = m.group(1)
    broken = str(int(value) + 1) if "." not in value else f"{float(value) * 1.1:.2f}"
    changed = text[: m.start(1)] + broken + text[m.end(1) :]
    found = set(errors(changed))
    assert code in found or (code == "sum_mismatch" and "parts_exceed_total" in found), (name, value, broken, found)
