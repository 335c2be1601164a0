"""Year over year: the narrative states the changes; check warns on large unexplained swings."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest

from selfeval_xl import evaluate, read_workbook, render_text
from selfeval_xl.cli.main import main
from selfeval_xl.pipeline import with_previous
from tests.conftest import EXAMPLE


def _previous_year(data: dict[str, Any]) -> dict[str, Any]:
    """2019: project spending 40.00 instead of 80.00 (one project), the rest as in 2020."""
    data["fields"]["year"] = 2019
    rows = {r["_row"]: r for r in data["tables"]["general"]}
    rows["project"].update(adjusted=D("40.00"), executed=D("40.00"))
    rows["total"].update(adjusted=D("138.50"), executed=D("136.18"))
    data["tables"]["projects"] = [{"name": "融媒体中心筹建项目", "executed": D("40.00"), "use": "融媒体中心筹建"}]
    items = [i for i in data["tables"]["items"] if i["spending"] == "基本支出"]
    data["tables"]["items"] = [*items, {"code": "31002 办公设备购置", "spending": "项目支出", "amount": D("40.00")}]
    data["tables"]["indicators"] = []
    return data


def test_narrative_states_changes_against_last_year(make_book, example_data) -> None:
    previous = make_book(_previous_year(example_data), name="2019.xlsx")
    ev = with_previous(evaluate(read_workbook(EXAMPLE)), evaluate(read_workbook(previous)))
    text = render_text(ev.narrative())
    assert ("与2019年相比，部门整体支出增加40.00万元，增长29.37%；基本支出与上年持平；人员经费与上年持平；"
            "公用经费与上年持平；项目支出增加40.00万元，增长100.00%。") in text
    swings = [i for i in ev.issues if i.code == "large_swing"]
    assert [(str(i.where), i.param("percent")) for i in swings] == [("'预算支出'!H23", "100.00%")]


def test_decrease_and_explained_swing(make_book, example_data) -> None:
    """2021 with project spending 40.00 against 2020's 80.00: a decrease, and a swing warning until explained."""
    data = _previous_year(example_data)
    data["fields"]["year"] = 2021
    current = make_book(data, name="2021.xlsx")
    ev = with_previous(evaluate(read_workbook(current)), evaluate(read_workbook(EXAMPLE)), "2020.xlsx")
    text = render_text(ev.narrative())
    assert "与2020年相比" in text and "项目支出减少40.00万元，下降50.00%" in text
    assert "large_swing" in {i.code for i in ev.issues}
    next(r for r in data["tables"]["general"] if r["_row"] == "project")["note"] = "装修项目上年已完工。"
    ev = with_previous(evaluate(read_workbook(make_book(data))), evaluate(read_workbook(EXAMPLE)), "2020.xlsx")
    assert "large_swing" not in {i.code for i in ev.issues}


@pytest.mark.parametrize(("change", "code"), [
    ("errors", "previous_has_errors"), ("unit", "previous_other_unit"), ("same_year", "previous_not_earlier"),
])
def test_an_unusable_previous_workbook_is_an_error_not_zeros(make_book, example_data, change, code) -> None:
    """Last year's workbook with errors, of another unit or not earlier: an error naming it, and no 同比."""
    data = _previous_year(example_data)
    if change == "errors":
        next(r for r in data["tables"]["general"] if r["_row"] == "personnel")["executed"] = "28.5万元"
    elif change == "unit":
        data["fields"]["unit_name"] = "大祥区文化馆"
    else:
        data["fields"]["year"] = 2020
    ev = with_previous(evaluate(read_workbook(EXAMPLE)), evaluate(read_workbook(make_book(data))), "last.xlsx")
    problems = [i for i in ev.errors if i.code == code]
    assert problems and problems[0].param("file") == "last.xlsx"
    assert ev.changes == () and "与2019年相比" not in render_text(ev.narrative())


def test_previous_year_figures_typed_in_the_workbook_give_the_same_changes(make_book, example_data) -> None:
    """上年执行数 in 预算支出 (as new-year writes it) states 同比 without --previous."""
    for row in example_data["tables"]["general"]:
        row["previous"] = {"total": D("136.18"), "basic": D("96.18"), "personnel": D("30.75"),
                           "public": D("65.43"), "project": D("40.00")}[row["_row"]]
    ev = evaluate(read_workbook(make_book(example_data)))
    text = render_text(ev.narrative())
    assert ("与2019年相比，部门整体支出增加40.00万元，增长29.37%；基本支出与上年持平；人员经费与上年持平；"
            "公用经费与上年持平；项目支出增加40.00万元，增长100.00%。") in text


def test_cli_previous_option(make_book, example_data, capsys) -> None:
    previous = make_book(_previous_year(example_data), name="2019.xlsx")
    assert main(["check", str(EXAMPLE), "--previous", str(previous)]) == 0
    assert "'预算支出'!H23" in capsys.readouterr().out
    assert main(["report", str(EXAMPLE), "--text", "--previous", str(previous)]) == 0
    assert "与2019年相比" in capsys.readouterr().out
    assert main(["check", str(EXAMPLE), "--previous", str(previous.with_name("missing.xlsx"))]) == 3
