"""Business rules, each at its cell: small mutations of the founding example; assert on codes and cells, not wording."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path
from typing import Any

from selfeval_xl import evaluate, read_workbook
from selfeval_xl.pipeline import Evaluation


def _eval(path: Path) -> Evaluation:
    return evaluate(read_workbook(path))


def _codes(ev: Evaluation) -> set[tuple[str, str]]:
    return {(i.code, str(i.where) if i.where else "") for i in ev.issues}


def _row(data: dict[str, Any], table: str, key: str) -> dict[str, Any]:
    return next(r for r in data["tables"][table] if r.get("_row") == key)


def test_sum_mismatch_points_at_the_total_cell(make_book, example_data) -> None:
    _row(example_data, "general", "basic")["executed"] = D("96.19")
    ev = _eval(make_book(example_data))
    assert ("sum_mismatch", "'预算支出'!E19") in _codes(ev)  # total ≠ basic + project
    assert ("sum_mismatch", "'预算支出'!E20") in _codes(ev)  # basic ≠ personnel + public
    mismatch = next(i for i in ev.issues if i.code == "sum_mismatch" and i.where and i.where.a1 == "E20")
    assert mismatch.param("expected") == "96.18 万元" and mismatch.param("stated") == "96.19 万元"


def test_detail_must_match_summary(make_book, example_data) -> None:
    example_data["tables"]["items"][0]["amount"] = D("9.87")  # 30101 基本工资 one cent more
    ev = _eval(make_book(example_data))
    assert ("detail_mismatch", "'预算支出'!E21") in _codes(ev)
    issue = next(i for i in ev.issues if i.code == "detail_mismatch")
    assert issue.param("detail") == "30.76 万元" and issue.param("diff") == "-0.01 万元"


def test_projects_must_match(make_book, example_data) -> None:
    example_data["tables"]["projects"][1]["executed"] = D("34.00")
    assert ("projects_mismatch", "'预算支出'!E23") in _codes(_eval(make_book(example_data)))


def test_over_budget_needs_explanation(make_book, example_data) -> None:
    line = _row(example_data, "general", "project")
    line["adjusted"] = D("70.00")
    _row(example_data, "general", "total")["adjusted"] = D("168.50")
    ev = _eval(make_book(example_data))
    assert {c for c in _codes(ev) if c[0] == "over_budget"} == {
        ("over_budget", "'预算支出'!E23"), ("over_budget", "'预算支出'!E19")}
    line["note"] = "年中追加装修项目资金，已按程序报批。"
    _row(example_data, "general", "total")["note"] = "同上。"
    assert "over_budget" not in {i.code for i in _eval(make_book(example_data)).issues}


def test_low_execution_warns_at_note_cell(make_book, example_data) -> None:
    _row(example_data, "general", "project")["adjusted"] = D("100.00")
    _row(example_data, "general", "total")["adjusted"] = D("198.50")
    ev = _eval(make_book(example_data))
    low = [i for i in ev.issues if i.code == "low_execution"]
    assert [str(i.where) for i in low] == ["'预算支出'!H19", "'预算支出'!H23"]
    assert [i.param("rate") for i in low] == ["88.76%", "80.00%"]


def test_body_count_must_match_list(make_book, example_data) -> None:
    example_data["fields"]["body_count"] = 5
    assert ("count_mismatch", "'基本信息'!C21") in _codes(_eval(make_book(example_data)))


def test_other_fund_marked_none_with_amount(make_book, example_data) -> None:
    _row(example_data, "funds", "gov_fund")["amount"] = D("5")
    assert ("fund_amount_but_none", "'其他资金'!C7") in _codes(_eval(make_book(example_data)))


def test_unknown_and_retired_codes(make_book, example_data) -> None:
    items = example_data["tables"]["items"]
    items[0]["code"] = "30104"
    items[1]["code"] = "39998 自编科目"
    items[2]["code"] = "基本工资"
    codes = _codes(_eval(make_book(example_data)))
    assert ("econ_code_retired", "'经济分类明细'!B6") in codes
    assert ("econ_code_unknown", "'经济分类明细'!B7") in codes
    assert ("econ_code_invalid", "'经济分类明细'!B8") in codes


def test_309_and_310_resolved_by_code_not_name(make_book, example_data) -> None:
    items = example_data["tables"]["items"]
    items.append({"code": "30902 办公设备购置", "spending": "基本支出", "amount": D("1.00")})
    _row(example_data, "general", "public")["executed"] = D("66.43")
    _row(example_data, "general", "basic")["executed"] = D("97.18")
    _row(example_data, "general", "total")["executed"] = D("177.18")
    ev = _eval(make_book(example_data))
    assert ev.errors == ()
    item = ev.model.econ_items[-1]
    assert item.econ is not None and item.econ.code == "30902" and item.econ.klass == "309"


def test_required_fields_and_types(make_book, example_data) -> None:
    example_data["fields"]["unit_name"] = None
    example_data["fields"]["year"] = "二〇二〇"
    _row(example_data, "general", "personnel")["executed"] = "三十万"
    codes = _codes(_eval(make_book(example_data)))
    assert ("required", "'基本信息'!C4") in codes
    assert ("not_a_year", "'基本信息'!C6") in codes
    assert ("chinese_numeral", "'预算支出'!E21") in codes


def test_amounts_in_yuan_are_converted(make_book, example_data) -> None:
    example_data["fields"]["amount_unit"] = "元"
    for row in example_data["tables"]["general"]:
        for key in ("initial", "adjusted", "executed"):
            row[key] = row[key] * 10000
    for row in example_data["tables"]["items"] + example_data["tables"]["projects"]:
        for key in ("amount", "executed", "adjusted"):
            if key in row:
                row[key] = row[key] * 10000
    ev = _eval(make_book(example_data))
    assert ev.errors == ()
    assert ev.results.total == D("176.18") and ev.results.personnel_share == D("31.97")


def test_rows_typed_below_a_table_are_reported(make_book, example_data, tmp_path) -> None:
    import openpyxl

    path = make_book(example_data)
    book = openpyxl.load_workbook(path)
    from selfeval_xl.workbook import layout

    below = layout.table_places(layout.MEASURES)["measures"].last_row() + 1  # just under the last table
    book["问题与措施"][f"B{below}"] = "表格外的措施"
    book.save(path)
    assert ("row_outside_table", f"'问题与措施'!B{below}") in _codes(_eval(path))


def test_free_text_is_audited_at_its_cell(make_book, example_data) -> None:
    example_data["tables"]["paragraphs"].append(
        {"text": "内设综合运行部、采编部、技术保障部和综合服务部共五个股室，全年基本指出96.18万元。"})
    ev = _eval(make_book(example_data))
    found = [i for i in ev.issues if i.code == "text_inconsistency"]
    assert {str(i.where) for i in found} == {"'绩效情况'!B10"}
    assert len(found) == 2 and all(not i.is_error for i in found)
