"""Outline presets (report/outlines/*.json): the example rendered under each, goldens for each, and the
sentence rules every outline shares (parts omitted when empty, numbering without gaps, sentences end)."""

from __future__ import annotations

import re
from decimal import Decimal as D
from typing import Any

import pytest

from selfeval_xl import evaluate, read_workbook, render_text
from selfeval_xl.audit import audit_text
from selfeval_xl.report.outline import KEYS, by_name, outline
from selfeval_xl.workbook import layout
from tests.conftest import EXAMPLE, check_golden

H1 = re.compile(r"^([一二三四五六七八九十]+)、")


def _text(data: dict[str, Any] | None, make_book: Any, key: str) -> str:
    path = make_book(data) if data is not None else EXAMPLE
    ev = evaluate(read_workbook(path))
    return render_text(ev.narrative() if key == "hunan" else
                       __import__("selfeval_xl.report.narrative", fromlist=["x"]).build_narrative(
                           ev.model, ev.results, ev.scoring, ev.changes, ev.previous_year, outline=outline(key)))


@pytest.mark.parametrize("key", KEYS)
def test_the_example_under_every_outline(key: str, make_book: Any) -> None:
    text = _text(None, make_book, key)
    check_golden(f"daxiang_2020_report_{key}.txt", text)
    numbers = [m.group(1) for line in text.splitlines() if (m := H1.match(line))]
    assert numbers == ["一二三四五六七八九十"[i] for i in range(len(numbers))]  # no gap, no repeat
    assert "（未填写）" not in text
    assert not [f for f in audit_text(text).findings if f.severity.value == "error"]


@pytest.mark.parametrize("key", KEYS)
def test_the_project_example_under_every_outline(key: str, make_book: Any) -> None:
    """The second example (a bureau with projects evaluated on their own): its 部门整体 report under every
    outline, numbered without gaps and auditing clean."""
    from examples.education_bureau_2023 import education_bureau

    text = _text(education_bureau(), make_book, key)
    check_golden(f"education_2023_report_{key}.txt", text)
    numbers = [m.group(1) for line in text.splitlines() if (m := H1.match(line))]
    assert numbers == ["一二三四五六七八九十"[i] for i in range(len(numbers))]
    assert "（未填写）" not in text
    assert not [f for f in audit_text(text).findings if f.severity.value == "error"]


def test_score_first_opens_with_the_score_and_its_basis(example_data: dict[str, Any], make_book: Any) -> None:
    example_data["fields"]["basis"] = "根据《关于开展2020年度部门整体支出绩效自评工作的通知》要求，我中心成立自评工作组"
    example_data["fields"]["outline"] = layout.OUTLINES[2][1]
    ev = evaluate(read_workbook(make_book(example_data)))
    lines = render_text(ev.narrative()).splitlines()
    assert lines[2] == "一、自评得分情况"
    assert lines[3] == "根据《关于开展2020年度部门整体支出绩效自评工作的通知》要求，我中心成立自评工作组。"
    assert lines[4].startswith("经自评，2020年度部门整体支出绩效自评得分为95.69分")
    assert sum("自评得分为95.69分" in line for line in lines) == 1  # said once, not again in 绩效情况
    assert any(line.startswith("1、单位内设机构及人员情况。") for line in lines)  # this outline numbers items 1、


def test_the_workbook_chooses_the_outline_and_an_unknown_choice_falls_back() -> None:
    assert by_name(layout.OUTLINES[1][1]).key == "mof" and by_name("").key == "hunan"


def test_sentences_from_cells_end_properly_and_lists_are_numbered_alike(example_data: dict[str, Any],
                                                                      make_book: Any) -> None:
    t = example_data["tables"]
    t["problems"] = [{"problem": "档案数字化经费保障不足", "cause": "县级财力紧张"},
                     {"problem": "绩效目标设置不够细化。", "cause": ""}]
    t["measures"] = [{"text": "加强预算编制"}, {"text": "细化绩效目标；"}]
    text = render_text(evaluate(read_workbook(make_book(example_data))).narrative())
    assert "1.档案数字化经费保障不足，主要原因是县级财力紧张。" in text
    assert "2.绩效目标设置不够细化。" in text
    assert "1.加强预算编制。" in text and "2.细化绩效目标。" in text


def test_many_projects_become_a_numbered_list(example_data: dict[str, Any], make_book: Any) -> None:
    t = example_data["tables"]
    amounts = [D("20.00"), D("15.00"), D("25.00"), D("10.00"), D("10.00")]
    t["projects"] = [{"name": f"{n}项目", "executed": a, "use": f"{n}建设；"}
                     for n, a in zip(("演播厅", "网络", "采编设备", "移动端", "档案"), amounts, strict=True)]
    text = render_text(evaluate(read_workbook(make_book(example_data))).narrative())
    assert "2020年度项目支出80.00万元，共5个项目，具体如下：" in text
    assert "（1）演播厅项目20.00万元，主要用于演播厅建设。" in text
    assert "（5）档案项目10.00万元，主要用于档案建设。" in text
    assert not [f for f in audit_text(text).findings if f.severity.value == "error"]


@pytest.mark.parametrize(("items", "joined"), [
    (["A"], "A"), (["A", "B"], "A和B"), (["A", "B", "C"], "A、B和C"),
    (["营养膳食补助", "校园视频监控和安保设施建设"], "营养膳食补助、校园视频监控和安保设施建设"),  # never "…和…和…"
])
def test_lists_join_the_way_reports_do(items: list[str], joined: str) -> None:
    from selfeval_xl.report.parts import join_cn

    assert join_cn(items) == joined
