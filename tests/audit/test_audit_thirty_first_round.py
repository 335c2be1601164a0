"""The thirty-first round: the 项目支出绩效自评表 in the form finance departments prescribe, as a web page or a PDF gives
it as text (cells between spaces, a row's 偏差原因 after its scores, the 资金 rows' 其中 lines, 一级指标 printed once with
their weights), is read row by row and its 总分 checked against its rows."""

from __future__ import annotations

import random

import pytest
from made_up_project_table import project_score_tables

from selfeval_xl.audit import audit_text
from selfeval_xl.audit.model import Severity
from selfeval_xl.audit.table_lines import ends_scored_row
from selfeval_xl.audit.text import split_paragraphs


def _errors(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity is Severity.ERROR]


def test_made_up_project_score_tables() -> None:
    # one to three tables a page, every figure right: nothing; the 总分 or one row's score moved: the 总分 is wrong
    for seed in range(120):
        assert _errors(project_score_tables(random.Random(seed), "", 1 + seed % 3)) == [], seed
    for slip in ("total", "row"):
        found = [[c for c, *_ in _errors(project_score_tables(random.Random(seed), slip, 1 + seed % 3))] for seed in range(120)]
        assert all(codes == ["score_sum_mismatch"] for codes in found), slip


def test_made_up_whole_department_score_tables() -> None:
    # the 部门(单位)整体支出绩效自评表 of the same form (its amounts 按收入性质分 and 按支出性质分 between the 资金 row and the
    # indicators), alone (the moved one) or before a page's 项目 tables
    for seed in range(90):
        assert _errors(project_score_tables(random.Random(seed), "", seed % 3, whole=True)) == [], seed
    for slip in ("total", "row"):
        found = [[c for c, *_ in _errors(project_score_tables(random.Random(seed), slip, 0, whole=True))] for seed in range(90)]
        assert all(codes == ["score_sum_mismatch"] for codes in found), slip


# As a county's site prints the form (cells between spaces, blanks dropped). Hand computed: 资金 10 × 94.00% = 9.40;
# indicators 9.5 + 20 + 10 + 9 + 10 + 10 + 8.5 + 0 + 10 = 87; 总分 9.40 + 87 = 96.40.
_WEB_TABLE = """项目支出绩效自评表
(2023年度)
项目名称 乡村道路养护经费
主管部门 031-县交通运输局 实施单位 031001-县交通运输局
项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额: 250 250 235 10 94.00% {funds}
其中:本年财政拨款 250 250 235
上年结转资金 0 0 0
其他资金 0 0 0
年度总体目标 预期目标 实际完成情况
完成全县农村公路日常养护。 基本完成年度目标。
绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
产出指标(50分) 数量指标 养护里程 ≥120公里 118公里 10 9.5 个别路段雨季延期
质量指标 路况优良率 ≥85% 88% 20 20
时效指标 完成时间 2023年底前 2023年底前完成 10 10
成本指标 每公里养护成本 ≤2万元 1.99万元 10 9 资金到位较晚,进度略有滞后
效益指标(30分) 社会效益指标 群众出行条件 明显改善 达成预期指标 10 10
经济效益指标 带动沿线产业 有所带动 达成预期指标 10 {economic}
可持续影响指标 长效管护机制 健全 基本健全 10 8.5 管护队伍尚需充实
生态效益指标 0
满意度指标(10分) 满意度指标 沿线群众满意度 ≥90% 93% 10 10
总分 100 {total}"""


def test_a_project_score_table_as_a_web_page_prints_it() -> None:
    right = {"funds": "9.40", "economic": "10", "total": "96.40"}
    assert _errors(_WEB_TABLE.format(**right)) == []
    assert _errors(_WEB_TABLE.format(**{**right, "total": "97.40"})) == [("score_sum_mismatch", "97.40分", "96.40分")]
    assert _errors(_WEB_TABLE.format(**{**right, "economic": "9"})) == [("score_sum_mismatch", "96.40分", "95.40分")]


def test_the_funds_sub_rows_have_no_score_of_their_own() -> None:
    # "其中:本年财政拨款 250 250 235" under "分值 执行率 得分" is no (235, 235) row: were it read, the 资金 rows would weigh
    # 245, not 10, and the table would be left unread — the moved 资金 score (9.40 -> 8.40) must still move the 总分
    text = _WEB_TABLE.format(funds="8.40", economic="10", total="96.40")
    assert ("score_sum_mismatch", "96.40分", "95.40分") in _errors(text)  # (printed as the 总分 is)


@pytest.mark.parametrize(
    ("line", "ends"),
    [
        ("产出指标(50分) 数量指标 养护里程 ≥120公里 118公里 10 9.5 个别路段雨季延期", True),  # its 偏差原因 after the scores
        ("数量指标 | 养护里程 | ≥120公里 | 118公里 | 10 | 9.5 | 个别路段雨季延期 |", True),  # with its cell marks
        ("其中:本年财政拨款 250 250 235 / / /", True),  # a 资金 sub-row, slashes for its blank 分值, 执行率, 得分
        ("全年完成投资 10 8 亿元,占年度计划的", False),  # prose: a figure after the words
        ("养护 10 9.5 公里", False),  # too few cells for a row
    ],
)
def test_a_row_that_ends_on_its_scores_then_its_reasons(line: str, ends: bool) -> None:
    assert ends_scored_row(line) is ends


def test_rows_with_their_reasons_are_paragraphs_of_their_own() -> None:
    lines = [
        "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
        "产出指标(50分) 数量指标 养护里程 ≥120公里 118公里 10 9.5 个别路段雨季延期",
        "质量指标 路况优良率 ≥85% 88% 20 20",
    ]
    # the first row joins its header by a cell mark (never run into "…改进措施产出指标(50分)"); the next row stands alone
    assert split_paragraphs(["\n".join(lines)]) == [f"{lines[0]} | {lines[1]}", lines[2]]


def test_a_funds_row_then_the_next_rows_paragraph() -> None:
    # "年度资金总额 29 29 27.8 …" with its 其中 row; the blank 上年结转资金 and 其他资金 rows printed as names only start the
    # next paragraph, joined to it by " | ": the 其中 row's cells are still read as cells (29 = 29 + — + —)
    text = "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n(万元) 年度资金总额 29 29 27.8 9 0.958 8\n其中:当年财政拨款 29 29 27.8 9 0.958 8\n      上年结转资金\n  其他资金\n年度总体目标 预期目标 实际完成情况"
    assert _errors(text) == []


def _warnings(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity is Severity.WARNING]


def test_the_total_row_between_spaces_is_a_score() -> None:
    # "总分 100 96.40" on its own line is the table's total score: the text's total is held to it, its grade checked
    table = _WEB_TABLE.format(funds="9.40", economic="10", total="96.40")
    assert _warnings("经自评，该项目自评得分为96.40分，评价等级为“优”。\n" + table) == []
    assert _warnings("经自评，该项目自评得分为97.40分，评价等级为“优”。\n" + table) == [
        ("total_score_restated", "97.40分", "96.40分")  # (printed as the table prints it)
    ]
    assert _errors(table.replace("总分 100 96.40", "总分 100 96.40 等级 良")) == [("grade_mismatch", "良", "优")]
    assert _errors(table.replace("总分 100 96.40", "总分 100 96.40 等级 优")) == []
    # a 合计 row of amounts is no score, nor a 总分 row with words before it
    assert _errors("合计 100 76.69 等级:优") == []
    assert _errors("项目总分 100 76.69 等级:优") == []


@pytest.mark.parametrize("cells", [" | ", " "])
def test_an_unused_kind_of_indicator_with_its_zero(cells: str) -> None:
    # "生态效益指标 | 0" (a workbook's row, a .docx row, a line of its own): nothing to add, the table still read
    # (45 + 40 = 85, not 86)
    from selfeval_xl.audit import audit_blocks

    rows = [["一级指标", "二级指标", "分值", "得分"], ["产出指标", "数量", "50", "45"], ["生态效益指标", "0"],
            ["效益指标", "社会", "50", "40"], ["总分", "100", "{total}"]]  # fmt: skip
    blocks = [cells.join(row) for row in rows]
    assert [f.code for f in audit_blocks([b.format(total="85") for b in blocks]).findings] == []
    found = audit_blocks([b.format(total="86") for b in blocks]).findings
    assert [(f.code, f.stated, f.expected) for f in found] == [("score_sum_mismatch", "86分", "85分")]


@pytest.mark.parametrize("zero", ["0", "0.0", "0.00"])
def test_the_unused_indicators_zero_at_any_precision(zero: str) -> None:
    # a workbook's 分值 column formatted "0.00" prints the unused indicator's 0 as "0.00": still nothing to add
    from selfeval_xl.audit import audit_blocks

    blocks = ["一级指标 | 二级指标 | 分值 | 得分", "产出指标 | 数量 | 50 | 45", f"生态效益指标 | {zero}",
              "效益指标 | 社会 | 50 | 40", "总分 | 100 | 86"]  # fmt: skip
    found = audit_blocks(blocks).findings
    assert [(f.code, f.stated, f.expected) for f in found] == [("score_sum_mismatch", "86分", "85分")]
