"""selfeval import-juesuan: test-built 部门决算 files of three units fill a copy that passes check.

Expected figures are hand computations from the units below (amounts in 元), written out as
literals: the tables print them in 万元 or 元, the workbook holds them in its own unit.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfeval_xl import evaluate, read_workbook, render_text
from selfeval_xl.cli.main import main
from selfeval_xl.core.econ_codes import CODES
from selfeval_xl.importers.juesuan_fill import import_juesuan
from selfeval_xl.importers.juesuan_find import Grid, JuesuanError
from selfeval_xl.importers.juesuan_read import juesuan_from_grids
from tests.conftest import sha256
from tests.importers.juesuan_books import Style, Unit, soffice, to_xls, write_juesuan

# A 融媒体中心 (事业单位): amounts that are whole hundreds of 元, printed in 万元, one table per sheet.
MEDIA = Unit("大祥区融媒体中心",
             {"30101": D("98600"), "30102": D("84200"), "30108": D("35200"), "30302": D("12000"), "30207": D(0),
              "30201": D("68500"), "30211": D("19300"), "30226": D("364800"), "31002": D("15000")},
             [("2070801", "行政运行", D("600000"), D(0)), ("2080505", "机关事业单位基本养老保险缴费支出", D("97600"), D(0)),
              ("2070899", "其他广播电视支出", D(0), D("800000"))],
             three=(D(0), D(0), D("12000"), D("3500")), carry_in=D("32000"))
# A 自然资源局 (行政单位) with 政府性基金 spending: amounts in 元 with cents.
LAND = Unit("桃江县自然资源局",
            {"30101": D("512345.67"), "30102": D("230000.10"), "30103": D("45000"), "30113": D("61234.23"),
             "30305": D("8800"), "30201": D("43210.55"), "30207": D("12000.45"), "30215": D("5600"),
             "30216": D("7300"), "30217": D("2100.50"), "30231": D("18800"), "30299": D("9988.50")},
            [("2200101", "行政运行", D("800000"), D(0)), ("2080505", "机关事业单位基本养老保险缴费支出", D("156380"), D(0)),
             ("2200104", "自然资源规划及管理", D(0), D("1200000"))],
            gov_fund=D("350000"), three=(D(0), D(0), D("18800"), D("2100.50")))
# A 财政局 (行政单位), every table stacked on one sheet, in 万元; its workbook keeps amounts in 元.
FINANCE = Unit("岳阳经开区财政局",
               {"30101": D("150000"), "30107": D("80000"), "30109": D("20000"), "30110": D("30000"),
                "30199": D("5000"), "30201": D("20000"), "30205": D("3000"), "30206": D("9000"),
                "30209": D("40000"), "30213": D("12000"), "30228": D("6000"), "30229": D("4000")},
               [("2010601", "行政运行", D("379000"), D(0)), ("2010650", "事业运行", D(0), D("150000"))])

NATIONAL = Style()  # 公开0N表 labels, 部门/金额单位 line, 栏次 row, three groups in 06
GUANGXI_XLS = Style(money="元", labels="", stanza=False, groups=2, split_codes=True, total_first=False,
                    text_amounts=True, spacers=True)  # no labels, 单位：元, Shanghai-style 06, text amounts
STACKED = Style(stacked=True, labels="表{n}", zero_dash=True)


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def book_for(example_data: dict[str, Any], unit: Unit, money: str, projects: list[tuple[str, str, D, str]],
             filled: bool = False) -> dict[str, Any]:
    """The unit's workbook before the import: info, projects and their detail typed in; spending blank."""
    data = example_data
    data["fields"].update(unit_name=unit.name, short_name=unit.name, amount_unit=money)
    scale = D(10000) if money == "元" else D(1)
    if not filled:  # the budget (全年预算数) comes from the 预算, typed in by the user: here 110% of the spending
        budget = {"total": unit.basic + unit.project, "basic": unit.basic, "personnel": unit.part(True),
                  "public": unit.part(False), "project": unit.project}
        data["tables"]["general"] = [{"_row": key, "adjusted": value * D("1.1") / (D(10000) / scale)}
                                     for key, value in budget.items()]
    data["tables"]["items"] = [{"code": CODES[code].label, "spending": "项目支出", "amount": amount * scale}
                               for _, code, amount, _ in projects]
    data["tables"]["projects"] = [{"name": name, "executed": amount * scale, "use": use}
                                  for name, _, amount, use in projects]
    fund_budget = {"adjusted": unit.gov_fund * D("1.1") / (D(10000) / scale)} if unit.gov_fund else {}
    data["tables"]["funds"] = [{"_row": "local_other", "has": "无"}, {"_row": "social_insurance", "has": "无"},
                               {"_row": "gov_fund", **fund_budget}, {"_row": "soe_capital"}]
    data["tables"]["money"] = [{"_row": "carryover", "adjusted": D(0), "executed": D(0)},
                               {"_row": "other", "adjusted": D(0), "executed": D(0)}]
    return data


CASES = {
    "media": (MEDIA, NATIONAL, "万元", [("融媒体中心装修项目", "31006", D("50.00"), "融媒体中心装修开支"),
                                      ("融媒体能力建设项目", "30227", D("30.00"), "融媒体能力建设")]),
    "land": (LAND, GUANGXI_XLS, "万元", [("国土空间规划编制项目", "30227", D("120.00"), "国土空间规划编制")]),
    "finance": (FINANCE, STACKED, "元", [("财政信息化项目", "30299", D("15.00"), "财政信息系统运行维护")]),
}
EXPECTED = {  # hand computation, 万元
    "media": ("149.76", "69.76", "23.00", "46.76", "80.00", "基本工资、津贴补贴、机关事业单位基本养老保险缴费、退休费",
              "办公费、差旅费、劳务费、办公设备购置", None),
    "land": ("215.64", "95.64", "85.74", "9.90", "120.00", "基本工资、津贴补贴、奖金、住房公积金、生活补助",
             "办公费、邮电费、会议费、培训费、公务接待费、公务用车运行维护费、其他商品和服务支出", "35.00"),
    "finance": ("52.90", "37.90", "28.50", "9.40", "15.00",
                "基本工资、绩效工资、职业年金缴费、职工基本医疗保险缴费、其他工资福利支出",
                "办公费、水费、电费、物业管理费、维修（护）费、工会经费、福利费", None),
}


def plain_sum(a: str, b: str) -> str:
    return f"{D(a) + D(b):.2f}"


def build(case: str, tmp_path: Path, make_book: Callable[..., Path], example_data: dict[str, Any],
          style: Style | None = None) -> tuple[Path, Path]:
    unit, default_style, money, projects = CASES[case]
    source = write_juesuan(tmp_path / f"{case}_决算.xlsx", unit, style or default_style)
    if case == "land":
        if soffice() is None:
            pytest.skip("LibreOffice (soffice) is needed to build the .xls")
        source = to_xls(source)
    return source, make_book(book_for(example_data, unit, money, projects), f"{case}.xlsx")


@pytest.mark.parametrize("case", sorted(CASES))
def test_import_fills_a_copy_that_passes_check_with_the_tables_figures(
        case: str, tmp_path: Path, make_book: Callable[..., Path], example_data: dict[str, Any],
        capsys: pytest.CaptureFixture[str]) -> None:
    source, book = build(case, tmp_path, make_book, example_data)
    before = (sha256(source), sha256(book))
    out = tmp_path / "out.xlsx"
    code, stdout, stderr = run(capsys, "import-juesuan", source, "--into", book, "-o", out)
    assert code == 0, stdout + stderr
    assert (sha256(source), sha256(book)) == before  # inputs never modified
    code, stdout, _ = run(capsys, "check", out, "--json")
    doc = json.loads(stdout)
    assert code == 0 and doc["errors"] == 0, [i for i in doc["issues"] if i["severity"] == "error"]
    total, basic, personnel, public, project, personnel_items, public_items, fund = EXPECTED[case]
    text = render_text(evaluate(read_workbook(out)).narrative())
    assert f"基本支出{basic}万元，项目支出{project}万元" in text
    if fund:  # 部门整体支出 = 一般公共预算 + 政府性基金, and the income paragraph says where it came from
        whole = plain_sum(total, fund)
        assert f"部门整体支出{whole}万元，其中：一般公共预算支出{total}万元（基本支出" in text
        assert f"收入合计{whole}万元，其中：财政拨款收入{whole}万元（一般公共预算财政拨款{total}万元、政府性基金预算财政拨款{fund}万元）" in text
    else:
        assert f"部门整体支出{total}万元，其中：基本支出" in text
        assert f"收入合计{total}万元，其中：财政拨款收入{total}万元（一般公共预算财政拨款{total}万元）" in text
    assert f"人员经费{personnel}万元" in text and f"主要包括{personnel_items}；" in text
    assert f"公用经费{public}万元" in text and f"主要包括{public_items}。" in text
    if fund:
        assert f"年政府性基金预算支出{fund}万元。" in text
    else:
        assert "年没有政府性基金预算支出。" in text
    assert "年没有国有资本经营预算支出。" in text


def test_report_lines_and_json(tmp_path: Path, make_book: Callable[..., Path], example_data: dict[str, Any],
                               capsys: pytest.CaptureFixture[str]) -> None:
    source, book = build("media", tmp_path, make_book, example_data)
    code, stdout, _ = run(capsys, "import-juesuan", source, "--into", book, "-o", tmp_path / "o.xlsx", "--json")
    doc = json.loads(stdout)
    assert code == 0 and doc["errors"] == 0 and doc["check"]["errors"] == 0, doc
    assert [t["label"] for t in doc["tables"]] == [f"公开0{n}表" for n in (1, 4, 2, 3, 5, 6, 7, 8, 9)]
    assert doc["figures"]["basic_econ.personnel"] == "230000.00" and doc["figures"]["general.project"] == "800000.00"
    filled = {f["target"]: (f["cell"], f["value"], f["source"]) for f in doc["filled"]}
    assert filled["一般公共预算支出“基本支出”全年执行数"] == ("'预算支出'!E20", "69.76", "'表5'!D7")
    assert filled["一般公共预算支出“其中：人员经费”全年执行数"] == ("'预算支出'!E21", "23.00", "'表6'!C13")
    assert "30207" not in {i["code"] for i in doc["items"]}  # printed at 0.00: not a row of the detail
    assert filled["其他资金与预算“政府性基金预算支出”是否有支出"][1] == "无"
    assert doc["not_in_book"] == []
    assert filled["收入情况（可不填）“收入合计”本年数"] == ("'预算支出'!C6", "149.76", "'表2'!C7")
    assert filled["收入情况（可不填）“其中：一般公共预算财政拨款”本年数"] == ("'预算支出'!C8", "149.76", "'表1'!C7")
    assert filled["收入情况（可不填）“年初结转和结余”本年数"] == ("'预算支出'!C15", "3.20", "'表1'!C10")
    ws = openpyxl.load_workbook(tmp_path / "o.xlsx")["经济分类明细"]
    rows = [(ws.cell(r, 2).value, ws.cell(r, 4).value, ws.cell(r, 5).value) for r in range(6, 20) if ws.cell(r, 2).value]
    assert rows[:3] == [("30101 基本工资", "基本支出", 9.86), ("30102 津贴补贴", "基本支出", 8.42),
                        ("30108 机关事业单位基本养老保险缴费", "基本支出", 3.52)]
    assert ("31006 大型修缮", "项目支出", 50) in rows  # the project detail the user typed is kept
    code, stdout, _ = run(capsys, "import-juesuan", source, "--into", book, "-o", tmp_path / "p.xlsx")
    assert "已填写 一般公共预算支出“项目支出”全年执行数（'预算支出'!E23）：80.00，来自 '表5'!E7" in stdout


def test_disagreeing_tables_are_reported_at_their_cells_and_nothing_is_written(
        tmp_path: Path, make_book: Callable[..., Path], example_data: dict[str, Any],
        capsys: pytest.CaptureFixture[str]) -> None:
    wrong = Style(changes={("06", "personnel"): 24.0})  # 人员经费合计 24.00 while its codes add up to 23.00
    source, book = build("media", tmp_path, make_book, example_data, wrong)
    out = tmp_path / "out.xlsx"
    code, stdout, _ = run(capsys, "import-juesuan", source, "--into", book, "-o", out, "--json")
    doc = json.loads(stdout)
    assert code == 1 and not out.exists() and doc["output"] is None
    found = {(i["code"], i["sheet"], i["cell"], i["severity"]) for i in doc["issues"]}
    assert ("juesuan_personnel_sum", "表6", "C13", "error") in found
    assert ("juesuan_basic_mismatch", "表5", "D7", "error") in found
    message = next(i["message"] for i in doc["issues"] if i["code"] == "juesuan_basic_mismatch")
    assert "69.76" in message and "70.76" in message and "'表6'!C13" in message and "'表6'!F13" in message
    code, _, _ = run(capsys, "import-juesuan", source, "--into", book, "-o", out, "--force")
    assert code == 1 and out.exists()  # written on request, still reported


def test_a_rounding_gap_is_a_hint_at_its_cell(tmp_path: Path, make_book: Callable[..., Path],
                                              example_data: dict[str, Any]) -> None:
    style = Style(changes={("05", "total.total"): 149.77})  # 合计 149.77 against 69.76 + 80.00
    source, book = build("media", tmp_path, make_book, example_data, style)
    result = import_juesuan(source, book, tmp_path / "out.xlsx")
    hints = [(i.code, str(i.where)) for i in result.warnings]
    assert ("juesuan_row_sum", "'表5'!C7") in hints and ("juesuan_total_row", "'表5'!C7") in hints
    assert not result.errors and result.output is not None


def test_filled_fields_are_kept_unless_forced(tmp_path: Path, make_book: Callable[..., Path],
                                              example_data: dict[str, Any],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    unit, style, money, projects = CASES["media"]
    source = write_juesuan(tmp_path / "决算.xlsx", unit, style)
    book = make_book(book_for(example_data, unit, money, projects, filled=True))  # the example's 96.18 etc.
    out = tmp_path / "out.xlsx"
    code, stdout, stderr = run(capsys, "import-juesuan", source, "--into", book, "-o", out)
    assert code == 1 and not out.exists()
    assert "未覆盖 一般公共预算支出“基本支出”全年执行数（'预算支出'!E20）：已有 96.18，决算表为 69.76" in stdout
    assert "加 --force" in stderr
    code, stdout, _ = run(capsys, "import-juesuan", source, "--into", book, "-o", out, "--force")
    assert code == 0 and "已覆盖 一般公共预算支出“基本支出”全年执行数" in stdout
    assert evaluate(read_workbook(out)).results.basic == D("69.76")


@pytest.mark.parametrize("style", [
    Style(labels="公开0{n}表", label_below=True),  # 南漳 2019: 公开01表 under the title, 部门/金额单位 on own rows
    Style(labels="表{cn}", detail_title=True, stanza=False),  # 北海 2023: 表一…表九, 06 as 基本支出决算明细表
    Style(labels="", groups=2, total_first=False, stanza=False),  # Shanghai 2024: no labels, 合计 at the bottom
    Style(labels="表{n}", general_carry=True),  # 楚雄 2019 (Yunnan): 05 with 年初结转和结余 … 年末结转和结余
])
def test_published_variants_read_the_same(style: Style, tmp_path: Path, make_book: Callable[..., Path],
                                          example_data: dict[str, Any]) -> None:
    source, book = build("media", tmp_path, make_book, example_data, style)
    result = import_juesuan(source, book, tmp_path / "out.xlsx")
    assert not result.issues and result.check is not None and result.check["errors"] == 0, result.issues
    assert len(result.juesuan.tables) == 9 and all(t.entity == "大祥区融媒体中心" for t in result.juesuan.tables)
    results = result.evaluation.results
    assert (results.basic, results.personnel, results.public, results.project) == (
        D("69.76"), D("23.00"), D("46.76"), D("80.00"))


def test_a_different_unit_name_is_a_hint(tmp_path: Path, make_book: Callable[..., Path],
                                         example_data: dict[str, Any]) -> None:
    source, book = build("finance", tmp_path, make_book, example_data, Style(stacked=True, entity="岳阳市审计局"))
    result = import_juesuan(source, book, tmp_path / "out.xlsx")
    hint = next(i for i in result.warnings if i.code == "juesuan_unit_name_differs")
    assert str(hint.where) == "'决算报表'!A5" and hint.param("found") == "岳阳市审计局"


def test_a_file_without_tables_is_refused(tmp_path: Path, make_book: Callable[..., Path],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    book = make_book()
    other = tmp_path / "其他.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "工资表"
    wb.save(other)
    code, _, err = run(capsys, "import-juesuan", other, "--into", book)
    assert code == 3 and "找不到部门决算公开表" in err
    source = write_juesuan(tmp_path / "决算.xlsx", MEDIA, NATIONAL)
    code, _, err = run(capsys, "import-juesuan", source, "--into", book, "-o", book)
    assert code == 4 and "不能与输入工作簿相同" in err
    code, _, err = run(capsys, "import-juesuan", tmp_path / "无.xlsx", "--into", book)
    assert code == 3 and "找不到文件" in err


CELLS = st.one_of(st.none(), st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False, width=32),
                  st.sampled_from(["合计", "小计", "-", "—", "栏次", "1,234.50", "１２３", "30101", "301", "人员经费合计",
                                   "金额单位：元", "基本支出", "项目支出", "十万", "#REF!", "", "说明：无数据"]),
                  st.text(max_size=6))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 15), st.integers(0, 8), CELLS), max_size=40))
def test_reading_never_raises_on_arbitrary_cells(changes: list[tuple[int, int, Any]]) -> None:
    """Junk anywhere in a 05 and a 06 table: findings or figures, never an exception."""
    rows = [["一般公共预算财政拨款支出决算表"], ["部门：某单位", None, None, "金额单位：万元"],
            ["科目编码", "科目名称", "合计", "基本支出", "项目支出"], ["合计", None, 3, 2, 1], ["201", "x", 3, 2, 1],
            ["一般公共预算财政拨款基本支出决算表"], ["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"],
            ["30101", "基本工资", 1, "30201", "办公费", 1], ["人员经费合计", None, 1, "公用经费合计", None, 1]]
    grid = [[*row, *([None] * (9 - len(row)))] for row in rows] + [[None] * 9 for _ in range(7)]
    for r, c, value in changes:
        grid[r][c] = value
    try:
        result = juesuan_from_grids("x.xlsx", [Grid("决算", tuple(tuple(row) for row in grid), ())])
    except JuesuanError:
        return  # the titles were overwritten: "no tables" is the right answer
    assert all(i.where is None or i.where.sheet == "决算" for i in result.issues)


def test_headers_read_the_same_without_merge_information(tmp_path: Path) -> None:
    """Some .xls writers keep no merged ranges: group headers are carried over the columns under them."""
    from selfeval_xl.importers.juesuan_find import read_grids

    grids = read_grids(write_juesuan(tmp_path / "决算.xlsx", MEDIA, NATIONAL))
    assert any(g.merged for g in grids)
    merged = juesuan_from_grids("a", grids)
    bare = juesuan_from_grids("a", [Grid(g.sheet, g.rows, ()) for g in grids])
    assert bare.figures == merged.figures and bare.items == merged.items and not bare.issues
    assert bare.figure("three_public.reception") is not None and bare.figure("three_public.reception").yuan == 3500


def test_output_rules_are_those_of_report(tmp_path: Path, make_book: Callable[..., Path],
                                         example_data: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    """-o refuses an existing file without --force and a macro extension; the default name is ours."""
    source, book = build("media", tmp_path, make_book, example_data)
    other = tmp_path / "别人的.xlsx"
    other.write_bytes(b"not ours")
    code, _, stderr = run(capsys, "import-juesuan", source, "--into", book, "-o", other)
    assert code == 4 and "--force" in stderr and other.read_bytes() == b"not ours"
    code, _, stderr = run(capsys, "import-juesuan", source, "--into", book, "-o", tmp_path / "宏.xlsm")
    assert code == 4 and "宏.xlsx" in stderr
    for _ in range(2):
        code, stdout, _ = run(capsys, "import-juesuan", source, "--into", book)
        assert code == 0
    assert "已替换上次生成的" in stdout
    for target in (book, source):
        code, _, stderr = run(capsys, "import-juesuan", source, "--into", book, "-o", target, "--force")
        assert code == 4
