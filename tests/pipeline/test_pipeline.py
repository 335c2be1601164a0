"""Evaluate the founding example and small mutations of it; assert on codes and cells, not wording."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

from selfeval_xl import evaluate, read_workbook
from selfeval_xl.core.model import RawBook, RawSheet
from selfeval_xl.pipeline import Evaluation
from selfeval_xl.rules.budget import RULES, run_rules
from tests.conftest import EXAMPLE


def _eval(path: Path) -> Evaluation:
    return evaluate(read_workbook(path))


def _codes(ev: Evaluation) -> set[tuple[str, str]]:
    return {(i.code, str(i.where) if i.where else "") for i in ev.issues}


def _row(data: dict[str, Any], table: str, key: str) -> dict[str, Any]:
    return next(r for r in data["tables"][table] if r.get("_row") == key)


def test_example_has_no_errors_and_one_plausibility_warning() -> None:
    ev = _eval(EXAMPLE)
    assert ev.errors == ()
    assert [i.code for i in ev.warnings] == ["public_share_high"]


def test_example_figures() -> None:
    r = _eval(EXAMPLE).results
    assert (r.total, r.basic, r.personnel, r.public, r.project) == (
        D("176.18"), D("96.18"), D("30.75"), D("65.43"), D("80.00"))
    assert (r.personnel_share, r.public_share) == (D("31.97"), D("68.03"))
    assert (r.basic_share_of_total, r.project_share_of_total) == (D("54.59"), D("45.41"))
    assert r.rate("total").rate == D("97.88")  # type: ignore[union-attr]
    assert r.personnel_items == ("基本工资", "津贴补贴", "伙食补助费", "机关事业单位基本养老保险缴费", "职业年金缴费",
                                 "职工基本医疗保险缴费", "其他社会保障缴费", "住房公积金")
    assert r.public_items == ("办公费", "印刷费", "咨询费", "差旅费", "维修费", "劳务费", "工会经费", "福利费",
                              "其他交通费", "其他商品和服务支出")


def test_one_broken_rule_does_not_hide_the_others() -> None:
    ev = _eval(EXAMPLE)

    def broken(model, results):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("boom")
        yield

    found = run_rules(ev.model, ev.results, (broken, *RULES))
    internal = [i for i in found if i.code == "internal_error"]
    assert len(internal) == 1 and internal[0].param("rule") == "broken"
    assert "public_share_high" in {i.code for i in found}


def test_issues_are_sorted_by_sheet_row_column(make_book, example_data) -> None:
    example_data["fields"]["staffing"] = None
    example_data["tables"]["items"][3]["amount"] = "abc"
    _row(example_data, "general", "total")["executed"] = D("1")
    ev = _eval(make_book(example_data))
    located = [(i.where.sheet, i.where.row, i.where.col) for i in ev.issues if i.where]
    order = ["基本信息", "预算支出", "经济分类明细", "项目支出", "其他资金", "绩效情况", "问题与措施"]
    assert located == sorted(located, key=lambda w: (order.index(w[0]), w[1], w[2]))


def test_not_our_template_raises() -> None:
    from selfeval_xl.core.errors import NotOurTemplateError

    with pytest.raises(NotOurTemplateError):
        evaluate(RawBook((RawSheet("Sheet1", (("a",),)),)))
