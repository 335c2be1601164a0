"""Six kinds of department, built through the template contract (not from the founding example), each
with every stated figure checked against a hand computation written beside it.

A 县本级 bureau with income, carry-over, 三公 and a 上年结转 in the funds block; a 市本级 school in 元
with 12 projects and 政府性基金 spending; a 乡镇本级 township with 社会保险基金 spending; a 省本级
bureau scoring 中 with percent-formatted entries; a unit without project spending; a unit with 离休 and
退休 staff and 309/310 items of the same name.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import openpyxl

from selfeval_xl import evaluate, read_workbook, render_text
from selfeval_xl.pipeline import Evaluation, output_sheets
from selfeval_xl.report.sheets import SheetContent
from selfeval_xl.workbook import layout
from selfeval_xl.workbook.template import template_bytes


def _econ(code: str, amount: str, spending: str = "基本支出") -> dict[str, Any]:
    from selfeval_xl.core.econ_codes import CODES

    return {"code": CODES[code].label, "spending": spending, "amount": D(amount)}


def _line(row: str, adjusted: str | None, executed: str, **more: Any) -> dict[str, Any]:
    line: dict[str, Any] = {"_row": row, "executed": D(executed), **more}
    if adjusted is not None:
        line["adjusted"] = D(adjusted)
    return line


def _indicator(level1: str, level2: str, name: str, direction: str, unit: str, target: Any, actual: Any,
               weight: int, **more: Any) -> dict[str, Any]:
    return {"level1": level1, "level2": level2, "name": name, "direction": direction, "unit": unit,
            "target": target, "actual": actual, "weight": weight, **more}


def department(name: str, level: str, year: int, unit: str = "万元") -> dict[str, Any]:
    """The required minimum of any department; each test adds its money."""
    return {
        "fields": {"unit_name": name, "short_name": name, "year": year, "level": level, "amount_unit": unit,
                   "staffing": 20, "staff_actual": 18},
        "tables": {
            "duties": [{"text": "负责本部门职责范围内的各项工作。"}],
            "goals": [{"text": "完成年度工作任务。"}],
            "paragraphs": [{"text": "全年各项工作有序推进。"}],
            "measures": [{"text": "进一步加强预算执行管理。"}],
            "funds": [{"_row": key, "has": "无"} for key in ("local_other", "gov_fund", "soe_capital",
                                                            "social_insurance")],
        },
    }


def _write(tmp_path: Path, data: dict[str, Any], name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(template_bytes(data))
    return path


def _percent_format(path: Path, sheet: str, table: str, header: str, index: int, value: float) -> None:
    """What a user does in Excel: type 90% into a cell, which stores 0.9 with a percent format."""
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    first = ws.tables[table].ref.split(":")[0]
    header_row = int("".join(c for c in first if c.isdigit()))
    col = next(c.column for c in ws[header_row] if layout.header_key(c.value) == header)
    cell = ws.cell(header_row + 1 + index, col)
    cell.value = value
    cell.number_format = "0%"
    book.save(path)


def _eval(path: Path) -> tuple[Evaluation, str]:
    ev = evaluate(read_workbook(path))
    return ev, render_text(ev.narrative())


def _sheet(ev: Evaluation, title: str) -> SheetContent:
    return next(s for s in output_sheets(ev, "生成时间") if s.title == title)


def _codes(ev: Evaluation) -> set[str]:
    return {i.code for i in ev.issues}


# ---- 1. 县本级 bureau: income, carry-over, 三公, two execution rates ----------------------------------------

def county_bureau() -> dict[str, Any]:
    data = department("某县农业农村局", "县本级", 2021)
    t = data["tables"]
    t["income"] = [
        {"_row": "total", "amount": D("1310.00"), "previous": D("1200.00")},
        {"_row": "fiscal", "amount": D("1250.00")},
        {"_row": "fiscal_general", "amount": D("1250.00")},
        {"_row": "business", "amount": D("60.00")},
        {"_row": "carryover", "amount": D("50.00")},
    ]
    t["general"] = [
        _line("total", "1250.00", "1180.50"),
        _line("basic", "850.00", "842.30"),
        _line("personnel", "615.00", "612.80"),
        _line("public", "235.00", "229.50"),
        _line("project", "400.00", "338.20", note="部分项目余款安排下年支出", carry_end=D("61.80")),
    ]
    t["items"] = [_econ("30101", "300.00"), _econ("30102", "200.00"), _econ("30108", "112.80"),
                  _econ("30201", "100.00"), _econ("30211", "50.00"), _econ("30217", "9.50"),
                  _econ("30231", "20.00"), _econ("30299", "50.00"),
                  _econ("31002", "200.00", "项目支出"), _econ("31013", "25.00", "项目支出"),
                  _econ("30227", "113.20", "项目支出")]
    t["projects"] = [
        {"name": "高标准农田建设项目", "adjusted": D("300.00"), "executed": D("250.00"), "use": "高标准农田建设",
         "note": "余款安排下年支出"},
        {"name": "农技推广项目", "adjusted": D("100.00"), "executed": D("88.20"), "use": "农业技术推广"},
    ]
    t["money"] = [{"_row": "carryover", "adjusted": D("50.00"), "executed": D("30.00")},
                  {"_row": "other", "adjusted": D("0"), "executed": D("0")}]
    t["indicators"] = [
        _indicator("产出指标", "数量指标", "高标准农田建设面积", "≥", "亩", 10000, 9500, 20,
                   reason="部分地块受天气影响延期施工。"),
        _indicator("产出指标", "质量指标", "农田验收合格率", "≥", "%", 95, "98%", 20),
        _indicator("产出指标", "时效指标", "项目按期完成率", "≥", "%", 100, 0, 10, reason="个别项目延期。"),
        _indicator("效益指标", "社会效益指标", "农业综合生产能力", "定性", "", "提升", "明显提升", 30, rating="达成"),
        _indicator("满意度指标", "服务对象满意度指标", "农户满意度", "≥", "%", 90, 95, 10),
    ]
    return data


def test_county_bureau_states_both_scopes_income_and_three_public_expenses(tmp_path: Path) -> None:
    path = _write(tmp_path, county_bureau(), "county.xlsx")
    _percent_format(path, "绩效指标", "绩效指标表", "实际完成值", 2, 0.9)  # typed as 90% in Excel
    ev, text = _eval(path)
    assert not ev.errors, ev.errors
    r = ev.results
    # 1180.50 = 842.30 + 338.20; 842.30 = 612.80 + 229.50
    assert (r.total, r.basic, r.project, r.personnel, r.public) == (
        D("1180.50"), D("842.30"), D("338.20"), D("612.80"), D("229.50"))
    # 612.80 ÷ 842.30 = 72.753% → 72.75%; 229.50 ÷ 842.30 = 27.247% → 27.25%; Σ 100.00%
    assert (r.personnel_share, r.public_share) == (D("72.75"), D("27.25"))
    # 一般公共预算支出执行率 = 1180.50 ÷ 1250.00 = 94.44%
    assert "全年预算数1250.00万元，一般公共预算支出执行率为94.44%。" in text
    # 年度资金总额 = 1250.00 + 50.00 (上年结转) + 0 = 1300.00; executed 1180.50 + 30.00 = 1210.50; 93.115% → 93.12%
    assert ev.scoring is not None
    assert (ev.scoring.execution_adjusted, ev.scoring.execution_executed) == (D("1300.00"), D("1210.50"))
    assert ev.scoring.execution_rate == D("93.12") and ev.scoring.execution_score == D("9.31")
    assert "年度资金总额执行率93.12%，得分9.31分" in text
    # 收入合计 1310.00 = 1250.00 + 60.00; 同比 +110.00 = 9.17% of 1200.00
    assert ("某县农业农村局2021年收入合计1310.00万元，其中：财政拨款收入1250.00万元（一般公共预算财政拨款1250.00万元），"
            "事业收入60.00万元。年初结转和结余50.00万元。与上年相比，收入合计增加110.00万元，增长9.17%。") in text
    # 三公: 公务接待费 9.50; 公务用车 25.00 (31013) + 20.00 (30231) = 45.00; total 54.50
    assert "2021年“三公”经费支出54.50万元，其中：公务接待费9.50万元，公务用车购置及运行维护费45.00万元。" in text
    # the project line's 说明 and a project's explanation reach the text next to their figures
    assert "部分项目余款安排下年支出。" in text
    assert "高标准农田建设项目执行率为83.33%，余款安排下年支出。" in text  # 250.00 ÷ 300.00
    # 农技推广 88.20 ÷ 100.00 = 88.20% < 90% without 说明: a 提示 at its 说明 cell
    low = [i for i in ev.warnings if i.code == "project_low_execution"]
    assert [(i.param("name"), i.param("rate")) for i in low] == [("农技推广项目", "88.20%")]
    # scores: 9.31 + 20 × 9500/10000 = 19.00 + 20 ("98%" ≥ 95) + 10 × 90/100 = 9.00 + 30 + 10 = 97.31 → 优
    scores = [s.score for s in ev.scoring.indicators]
    assert scores == [D("19.00"), D("20.00"), D("9.00"), D("30.00"), D("10.00")]
    assert (ev.scoring.total, ev.scoring.grade) == (D("97.31"), "优")
    # the 自评表 prints the percentages as typed: ≥95% / 98%, ≥100% / 90%
    cells = {c.value for c in _sheet(ev, "自评表").cells}
    assert {"≥95%", "98%", "≥100%", "90%"} <= cells


# ---- 2. 市本级 school in 元: 12 projects, 政府性基金, exact 元 ----------------------------------------------

PROJECTS_YUAN = ["123456.78", "234567.89", "345678.91", "111111.11", "222222.22", "333333.33", "98765.43", "87654.32", "76543.21", "65432.10", "54321.09", "43210.98"]


def city_school() -> dict[str, Any]:
    data = department("某市第一中学", "市本级", 2022, unit="元")
    t = data["tables"]
    t["general"] = [
        _line("total", "7500000.00", "7244377.60"),   # 5448080.23 + 1796297.37
        _line("basic", "5600000.00", "5448080.23"),   # 4213512.34 + 1234567.89
        _line("personnel", "4300000.00", "4213512.34"),
        _line("public", "1300000.00", "1234567.89"),
        _line("project", "1900000.00", "1796297.37"),  # Σ of the 12 projects below
    ]
    # Three public items of 33,333.35 元 (3.333335 万元, each shown 3.33): rounded one by one they make 9.99, while
    # their sum is 10.000005 万元 (10.00). Checked in 元 they agree exactly: no blocking 0.01 error.
    t["items"] = [_econ("30101", "2000000.17"), _econ("30102", "1500000.08"), _econ("30113", "713512.09"),
                  _econ("30201", "33333.35"), _econ("30202", "33333.35"), _econ("30205", "33333.35"),
                  _econ("30299", "1134567.84"), _econ("31002", "1796297.37", "项目支出")]
    subjects = "语数英物化生政史地音体美"
    t["projects"] = [{"name": f"{s}科教学设备购置项目", "executed": D(a), "use": f"{s}科教学设备购置"}
                     for s, a in zip(subjects, PROJECTS_YUAN, strict=True)]
    t["projects"].append({"name": "校舍维修项目", "executed": D("480000.00"), "use": "校舍维修",
                          "source": "政府性基金预算"})
    t["funds"][1] = {"_row": "gov_fund", "has": "有", "adjusted": D("500000.00"), "amount": D("480000.00"),
                     "note": "用于校舍维修"}
    return data


def test_city_school_in_yuan_is_checked_exactly_and_counts_its_fund_spending(tmp_path: Path) -> None:
    ev, text = _eval(_write(tmp_path, city_school(), "school.xlsx"))
    assert not ev.errors, ev.errors
    r = ev.results
    # 7,244,377.60 元 = 724.43776 万元 → 724.44; 5,448,080.23 → 544.81; 1,796,297.37 → 179.63; 544.81 + 179.63 = 724.44
    assert (r.total, r.basic, r.project) == (D("724.44"), D("544.81"), D("179.63"))
    # 4,213,512.34 → 421.35; 1,234,567.89 → 123.46; 421.35 + 123.46 = 544.81
    assert (r.personnel, r.public) == (D("421.35"), D("123.46"))
    # 421.35 ÷ 544.81 = 77.339% → 77.34%; 123.46 ÷ 544.81 = 22.661% → 22.66%
    assert (r.personnel_share, r.public_share) == (D("77.34"), D("22.66"))
    # 部门整体支出 = 724.44 + 政府性基金 48.00 = 772.44
    assert ("某市第一中学2022年部门整体支出772.44万元，其中：一般公共预算支出724.44万元（基本支出544.81万元，"
            "项目支出179.63万元），政府性基金预算支出48.00万元。") in text
    # 724.44 ÷ 750.00 = 96.592% → 96.59%
    assert "一般公共预算支出执行率为96.59%" in text
    # the 12 general-budget projects, apportioned to 179.63: their shown amounts add up to it
    assert len(r.projects) == 12 and sum(p.amount for p in r.projects) == D("179.63")
    assert "2022年政府性基金预算支出48.00万元。用于校舍维修。其中：校舍维修项目48.00万元。" in text
    # an error message states amounts in the workbook's unit (元), exactly
    data = city_school()
    data["tables"]["items"][3]["amount"] = D("33333.36")
    mismatch = next(i for i in evaluate(read_workbook(_write(tmp_path, data, "s2.xlsx"))).errors
                    if i.code == "detail_mismatch")
    assert (mismatch.param("stated"), mismatch.param("detail"), mismatch.param("diff")) == (
        "1234567.89 元", "1234567.90 元", "-0.01 元")
    # a 政府性基金 project and the 政府性基金 line are the same money: they must agree (an error at both cells)
    data = city_school()
    data["tables"]["projects"][-1]["executed"] = D("470000.00")
    found = [i for i in evaluate(read_workbook(_write(tmp_path, data, "s3.xlsx"))).errors
             if i.code == "book_projects_mismatch"]
    assert {i.where.sheet for i in found if i.where} == {"其他资金", "项目支出"}


# ---- 3. 乡镇本级 township with 社会保险基金 spending ----------------------------------------------------------

def test_township_speaks_of_its_own_level_and_its_social_insurance_spending(tmp_path: Path) -> None:
    data = department("某镇人民政府", "乡镇本级", 2021)
    t = data["tables"]
    t["general"] = [_line("total", "320.00", "310.00"), _line("basic", "250.00", "246.00"),
                    _line("personnel", "200.00", "198.40"), _line("public", "50.00", "47.60"),
                    _line("project", "70.00", "64.00", note="部分工程款安排下年支付")]
    t["items"] = [_econ("30101", "198.40"), _econ("30201", "47.60"), _econ("31005", "64.00", "项目支出")]
    t["projects"] = [{"name": "村道维修项目", "adjusted": D("70.00"), "executed": D("64.00"), "use": "村道维修",
                      "note": "部分工程款安排下年支付"}]
    t["funds"][0] = {"_row": "local_other", "has": "有", "amount": D("5.00"), "note": "用于防汛物资储备。"}
    t["funds"][3] = {"_row": "social_insurance", "has": "有", "amount": D("12.34")}
    ev, text = _eval(_write(tmp_path, data, "town.xlsx"))
    assert not ev.errors, ev.errors
    assert "（三）乡镇本级其他财政性资金实施情况" in text
    assert "2021年乡镇本级其他财政性资金5.00万元。用于防汛物资储备。" in text
    # 部门整体支出 = 310.00 + 12.34 = 322.34; 310.00 ÷ 320.00 = 96.875% → 96.88%
    assert "部门整体支出322.34万元，其中：一般公共预算支出310.00万元（基本支出246.00万元，项目支出64.00万元），社会保险基金预算支出12.34万元。" in text
    assert "一般公共预算支出执行率为96.88%" in text
    assert "2021年社会保险基金预算支出12.34万元。" in text
    assert ev.scoring is None  # no indicators: no 自评表, a 提示


# ---- 4. 省本级 bureau scoring 中, with percent-formatted entries -----------------------------------------------

def test_provincial_bureau_scores_middle_and_percent_cells_score_as_meant(tmp_path: Path) -> None:
    data = department("某省档案馆", "省本级", 2023)
    t = data["tables"]
    t["general"] = [_line("total", "1000.00", "700.00", note="受项目审批进度影响，部分资金未支出"),
                    _line("basic", "500.00", "500.00"), _line("personnel", "400.00", "400.00"),
                    _line("public", "100.00", "100.00"),
                    _line("project", "500.00", "200.00", note="档案数字化项目延期")]
    t["items"] = [_econ("30101", "400.00"), _econ("30201", "100.00"), _econ("31002", "200.00", "项目支出")]
    t["projects"] = [{"name": "档案数字化项目", "adjusted": D("500.00"), "executed": D("200.00"),
                      "use": "馆藏档案数字化", "note": "招标延期，余款安排下年支出"}]
    t["money"] = [{"_row": "carryover", "adjusted": D("0"), "executed": D("0")},
                  {"_row": "other", "adjusted": D("0"), "executed": D("0")}]
    t["indicators"] = [
        _indicator("产出指标", "数量指标", "档案数字化数量", "≥", "万页", 100, 60, 50, reason="招标延期。"),
        _indicator("效益指标", "社会效益指标", "档案利用服务水平", "定性", "", "提高", "有所提高", 30,
                   rating="部分达成", reason="数字化进度滞后。"),
        _indicator("满意度指标", "服务对象满意度指标", "查档群众满意度", "≥", "%", 90, 0, 10, reason="等候时间较长。"),
    ]
    path = _write(tmp_path, data, "province.xlsx")
    _percent_format(path, "绩效指标", "绩效指标表", "实际完成值", 2, 0.72)  # 72%
    ev, text = _eval(path)
    assert not ev.errors, ev.errors
    assert ev.scoring is not None
    # 700.00 ÷ 1000.00 = 70.00% → 7.00; 50 × 60/100 = 30.00; 30 × 0.7 = 21.00; 10 × 72/90 = 8.00; Σ 66.00 → 中
    assert [s.score for s in ev.scoring.indicators] == [D("30.00"), D("21.00"), D("8.00")]
    assert (ev.scoring.execution_score, ev.scoring.total, ev.scoring.grade) == (D("7.00"), D("66.00"), "中")
    assert "受项目审批进度影响，部分资金未支出。" in text
    # the same satisfaction typed as 0.72 in a cell without a percent format beside a target of 90: ambiguous
    data["tables"]["indicators"][2]["actual"] = D("0.72")
    ambiguous = [i for i in evaluate(read_workbook(_write(tmp_path, data, "p2.xlsx"))).errors
                 if i.code == "percent_ambiguous"]
    assert len(ambiguous) == 1 and ambiguous[0].where is not None and ambiguous[0].param("meant") == "72"


# ---- 5. a unit without project spending ------------------------------------------------------------------

def test_unit_without_projects_says_so_and_shares_the_whole_basic(tmp_path: Path) -> None:
    data = department("某区档案史志馆", "区本级", 2021)
    t = data["tables"]
    t["general"] = [_line("total", "88.00", "86.42"), _line("basic", "88.00", "86.42"),
                    _line("personnel", "70.00", "69.13"), _line("public", "18.00", "17.29"),
                    _line("project", "0", "0")]
    t["items"] = [_econ("30101", "69.13"), _econ("30201", "17.29")]
    ev, text = _eval(_write(tmp_path, data, "noproj.xlsx"))
    assert not ev.errors, ev.errors
    # 69.13 ÷ 86.42 = 79.993% → 79.99%; 17.29 ÷ 86.42 = 20.007% → 20.01%; basic is 100.00% of the total
    assert (ev.results.personnel_share, ev.results.public_share) == (D("79.99"), D("20.01"))
    assert (ev.results.basic_share_of_total, ev.results.project_share_of_total) == (D("100.00"), D("0.00"))
    assert "2021年度没有项目支出。" in text and "（未填写）" not in text


# ---- 6. 离休 and 退休 apart, 309/310 items of one name listed once -------------------------------------------

def test_retirees_kept_apart_and_item_names_listed_once(tmp_path: Path) -> None:
    data = department("某市老干部活动中心", "市本级", 2021)
    data["fields"].update(retired=10, retired_early=2, founded_on=dt.date(1985, 5, 1))
    t = data["tables"]
    t["general"] = [_line("total", "200.00", "190.00"), _line("basic", "200.00", "190.00"),
                    _line("personnel", "120.00", "118.00"), _line("public", "80.00", "72.00"),
                    _line("project", "0", "0")]
    t["items"] = [_econ("30101", "118.00"), _econ("30201", "60.00"), _econ("30902", "5.00"), _econ("31002", "7.00")]
    ev, text = _eval(_write(tmp_path, data, "retirees.xlsx"))
    assert not ev.errors, ev.errors
    assert "离休人员2人、退休人员10人。" in text and "退休人员12人" not in text
    assert ev.results.public_items == ("办公费", "办公设备购置")
    assert text.count("办公设备购置") == 1


# ---- the contract's own checks on departments like these -----------------------------------------------------

def test_required_lists_and_an_all_zero_workbook_are_errors_and_nothing_orphan_is_printed(tmp_path: Path) -> None:
    data = department("某县统计局", "县本级", 2021)
    for key in ("duties", "goals", "measures", "paragraphs"):
        data["tables"][key] = []
    ev, _ = _eval(_write(tmp_path, data, "empty.xlsx"))
    assert {"list_required", "performance_empty", "zero_spending"} <= _codes(ev)
    required = {i.param("table") for i in ev.errors if i.code == "list_required"}
    assert required == {"主要职责", "年度整体支出绩效目标", "下一步改进措施"}
    forced = render_text(ev.narrative(force=True))
    assert "主要职责是：" not in forced and "下一步改进措施" not in forced and "部门整体支出绩效情况" not in forced


def test_a_duplicated_fixed_row_is_named_never_dropped(tmp_path: Path) -> None:
    data = city_school()
    path = _write(tmp_path, data, "dup.xlsx")
    book = openpyxl.load_workbook(path)
    ws = book["其他资金"]
    ref = ws.tables["其他资金表"].ref
    last = int("".join(c for c in ref.split(":")[1] if c.isdigit()))
    ws.cell(last + 1, 2, "政府性基金预算支出")  # a second 政府性基金 row typed below, and the table grown over it
    ws.tables["其他资金表"].ref = ref.split(":")[0] + ":" + "".join(c for c in ref.split(":")[1] if c.isalpha()) + str(last + 1)
    book.save(path)
    ev = evaluate(read_workbook(path))
    assert "row_duplicate" in {i.code for i in ev.errors}
