"""Year over year: the narrative states the changes; check warns on large unexplained swings."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

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
    assert [(str(i.where), i.param("percent")) for i in swings] == [("'预算支出'!F10", "100.00%")]


def test_decrease_and_explained_swing(make_book, example_data) -> None:
    current = make_book(_previous_year(example_data), name="cur.xlsx")  # 2019 data as "this year"…
    ev = with_previous(evaluate(read_workbook(current)), evaluate(read_workbook(EXAMPLE)))  # …against 2020
    text = render_text(ev.narrative())
    assert "项目支出减少40.00万元，下降50.00%" in text
    codes = {i.code for i in ev.issues}
    assert "large_swing" in codes and "previous_year_mismatch" in codes


def test_cli_previous_option(make_book, example_data, capsys) -> None:
    previous = make_book(_previous_year(example_data), name="2019.xlsx")
    assert main(["check", str(EXAMPLE), "--previous", str(previous)]) == 0
    assert "'预算支出'!F10" in capsys.readouterr().out
    assert main(["report", str(EXAMPLE), "--text", "--previous", str(previous)]) == 0
    assert "与2019年相比" in capsys.readouterr().out
    assert main(["check", str(EXAMPLE), "--previous", str(previous.with_name("missing.xlsx"))]) == 3
