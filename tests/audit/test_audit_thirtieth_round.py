"""The thirtieth round's readings, each from a made-up generator's first run (every figure right, or one moved)."""

from __future__ import annotations

import random
from decimal import Decimal

from made_up_paragraphs import money_use_rates, score_table

from selfeval_xl.audit import audit_text
from selfeval_xl.audit.model import Severity


def _errors(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity is Severity.ERROR]


def test_made_up_money_use_rates() -> None:
    for seed in range(150):
        assert _errors(money_use_rates(random.Random(seed))) == [], seed
    moved = sum(bool(_errors(money_use_rates(random.Random(seed), Decimal(3)))) for seed in range(150))
    assert moved == 150


def test_a_spending_rate_of_what_was_paid_out_however_named() -> None:
    # 249.02 / 478.89 = 52.00%: 执行 and 已支付 name what was spent for 支出率 and 资金使用率 too
    text = "资金到位478.89万元,到位率93.00%,执行249.02万元,资金使用率{r}%。"
    assert _errors(text.format(r="52.00")) == []
    assert _errors(text.format(r="57.00")) == [("named_rate_mismatch", "57.00%", "52.00%")]
    text = "项目下达资金300万元,已拨付250万元,已支付200万元,支出率{r}%。"
    assert _errors(text.format(r="80.00")) == []  # of what was paid to the project
    assert _errors(text.format(r="66.67")) == []  # of what it was given
    assert [c for c, *_ in _errors(text.format(r="90.00"))] == ["named_rate_mismatch"]


def test_a_spending_rate_in_a_clause_of_its_own_takes_what_came_before() -> None:
    # 473.35 / 614.74 = 77.00%, of 758.94 62.37%: the money arrived a sentence before
    text = "项目资金总额758.94万元。截至12月31日,资金到位614.74万元,到位率81.00%。实际使用473.35万元,资金使用率为{r}%。"
    assert _errors(text.format(r="77.00")) == []
    assert _errors(text.format(r="78.00")) == [("named_rate_mismatch", "78.00%", "77.00%")]
    # across ";": 159.19 / 284.26 = 56.00%
    text = "该项目全年预算319.39万元,实际到位284.26万元,到位率89.00%;已支付159.19万元,支出率{r}%。"
    assert _errors(text.format(r="56.00")) == []
    assert _errors(text.format(r="54.00")) == [("named_rate_mismatch", "54.00%", "56.00%")]


def test_a_clause_naming_its_own_item_or_past_another_rate_is_not_read_back() -> None:
    # another item's money: its own subject after ";", nothing printed of what it was given
    assert _errors("下达42万元,用于非遗保护;薅草锣鼓项目资金使用334896元,资金使用率83.72%。") == []
    # each item's 到位率 has its own whole: the 0% of an item that got nothing is not of the total before
    text = (
        "上级安排资金4871.71万元,应到位4871.71万元,实际到位1696.76万元,到位率34.83%。分项目如下:①防火补助应到位68万元,"
        "实际到位21万元,到位率30.88%;②退耕还林补助应到位2640万元,实际未到位,到位率0%。"
    )
    assert _errors(text) == []
    # two sentences back at most
    text = "项目预算资金500万元。资金到位400万元。项目进展顺利。培训完成。已支付100万元,支出率50%。"
    assert _errors(text) == []


def test_the_total_printed_in_an_items_place() -> None:
    # 894.1 + 176.3 + 56.93 + 68.97 = 1196.3: the first item repeats the total, the others make it — a slip a reader
    # must settle (which figure is wrong), not a subtotal among the items and not a list of something else
    text = (
        "(二)支出预算:2024年年初预算数1,196.3万元,其中:一般公共服务支出预算1,196.3万元,教育支出预算894.1万元,"
        "社会保障和就业支出预算176.3万元,卫生健康支出预算56.93万元,住房保障支出预算68.97万元。"
    )
    found = [(f.code, f.severity.value, f.stated) for f in audit_text(text).findings]
    assert found == [("total_in_item_place", "warning", "1,196.3万元")]
    # the item right (0) is clean; a subtotal that is not the total stays one
    assert not audit_text(text.replace("一般公共服务支出预算1,196.3万元", "一般公共服务支出预算0万元")).findings
    subtotal = "支出1047.91万元,其中:一般公共服务支出511.37万元,教育支出0.55万元,住房保障支出510.82万元,其他支出536.54万元。"
    assert not audit_text(subtotal).findings


def test_made_up_score_tables() -> None:
    for seed in range(150):
        assert _errors(score_table(random.Random(seed))) == [], seed
    for slip in (Decimal(1), Decimal("-0.5"), Decimal("0.1")):
        moved = [_errors(score_table(random.Random(seed), slip)) for seed in range(150)]
        assert all(found and found[0][0] == "score_sum_mismatch" for found in moved), slip


_TABLE = "一级指标 二级指标 分值 得分\n决策 项目立项 10 9.5\n绩效目标 10 8\n过程 资金管理 20 18\n产出 产出数量 40 36\n效益 满意度 20 19\n合 计 100 {total}"


def test_a_score_tables_total_is_the_sum_of_its_rows() -> None:
    # 9.5 + 8 + 18 + 36 + 19 = 90.5, the cells between spaces as a PDF copies them
    assert _errors(_TABLE.format(total="90.5")) == []
    assert _errors(_TABLE.format(total="91.5")) == [("score_sum_mismatch", "91.5分", "90.5分")]
    # between "|", a total printed coarser than the rows: 90.5 rounds half up to 91
    piped = _TABLE.replace(" ", " | ").replace("合 | 计", "合计")
    assert _errors(piped.format(total="91")) == []
    assert _errors(piped.format(total="90")) == [("score_sum_mismatch", "90分", "90.5分")]


def test_a_score_table_not_read_row_for_row_is_left_alone() -> None:
    # each 一级指标's subtotal above its own rows: the weights add up to 200, not the 合计's 100
    nested = "指标 分值 得分\n决策 20 17.5\n项目立项 10 9.5\n绩效目标 10 8\n产出 80 73\n产出数量 40 36\n产出质量 40 37\n合计 100 91"
    assert _errors(nested) == []
    # a row scored above its weight (a bonus, or columns read out of place), a row without its score
    assert _errors(_TABLE.replace("10 8", "10 12").format(total="94.5")) == []
    assert _errors(_TABLE.replace("绩效目标 10 8", "绩效目标 10").format(total="91.5")) == []
    # another measure after the score column
    assert _errors("指标 分值 得分 得分率\n决策 20 18 90\n产出 80 72 90\n合计 100 91 91") == []


def test_a_total_score_in_a_tables_cells_is_graded() -> None:
    # no 分 after the number: the cell after the total's name holds it (after the 分值 100 in a 总分 row)
    assert _errors("单位名称 | 某中心 | 自评总分 | 96.69 | 等级 | 优") == []
    assert _errors("单位名称 | 某中心 | 自评总分 | 96.69 | 等级 | 中") == [("grade_mismatch", "中", "优")]
    assert _errors("总分 | 100 | 76.69 | 等级:优") == [("grade_mismatch", "优", "中")]
    assert _errors("总分 | 100 | 100 | 等级:优") == []
    # not a score: over 100, a number with words in its cell
    assert _errors("总分 | 120.5 | 等级:优") == []
    # (the row between spaces, a paragraph of its own, is read since the thirty-first round: a PDF's or a web page's 总分 row)
    assert _errors("自评总分 96.69 等级 中") == [("grade_mismatch", "中", "优")]


# a 自评表 as a PDF's text layer gives it (our own export, read back): cells wrapped over lines, a row ending on its
# 分值 and 得分 (or on the dashes of a row without a score), the header printed again on the next page
_PDF_TABLE = """附件
单位名称 某中心 自评总分 {total} 等级 优
资金情况（万元） 年初预算数 全年预算数（A） 全年执行数（B） 分值 执行率（B/A） 得分
年度资金总额 130.00 180.00 176.18 10 97.88% {funds}
其中：本年财政拨款 130.00 180.00 176.18 — — —
上年结转资金 0.00 0.00 0.00 — — —
年度总体目标 预期目标 实际完成情况
加快推进中心建设。 基本完成中心功能建设。
一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
产出指标 数量指标 “大祥发布”
发稿数量 ≥1500 篇 1551 篇 10 10.00
大祥融媒 APP
发稿数量
≥3500 篇 3570 篇 10 10.00
一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
中央级媒体上
稿数量 ≥100 篇 98 篇 30 24.90 版面有限，部分稿件未获采用； 下一步加强选题对接。
效益指标
社会效益指标
主流舆论阵地
影响力 提升 明显提升（达成） 30 {benefit}
满意度指标 服务对象 满意度指标 群众满意度 ≥90% 92% 10 10.00
总分 100 {total} 等级：优"""


def test_a_score_table_from_a_pdf_is_read_row_by_row() -> None:
    # 9.79 + 10 + 10 + 24.9 + 27 + 10 = 91.69
    right = {"funds": "9.79", "benefit": "27.00", "total": "91.69"}
    assert _errors(_PDF_TABLE.format(**right)) == []
    assert _errors(_PDF_TABLE.format(**{**right, "total": "92.69"})) == [("score_sum_mismatch", "92.69分", "91.69分")]
    assert _errors(_PDF_TABLE.format(**{**right, "benefit": "28.00"})) == [("score_sum_mismatch", "91.69分", "92.69分")]


def _warnings(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity is Severity.WARNING]


def test_the_texts_total_score_against_its_tables() -> None:
    text = "经自评，部门整体支出绩效自评得分为{prose}分，等级为“优”。上年自评得分90分。\n单位名称 | 某中心 | 自评总分 | 95.69 | 等级 | 优\n总分 | 100 | 95.69 | 等级:优"
    assert audit_text(text.format(prose="95.69")).findings == ()
    assert _warnings(text.format(prose="96.69")) == [("total_score_restated", "96.69分", "95.69分")]
    # two tables' totals (two projects), or two totals in prose: not read
    two = text.format(prose="96.69") + "\n单位名称 | 另一中心 | 自评总分 | 88 | 等级 | 良"
    assert _warnings(two) == []
    assert _warnings(text.format(prose="96.69") + "综合得分92分。") == []


def test_a_total_score_then_its_grade_then_its_parts() -> None:
    # 9.79 + 49.9 + 26 + 10 = 95.69: the grade between the total and its 其中 list
    text = "经自评，本项目自评得分为{total}分，等级为“优”。其中：资金执行得分9.79分；产出指标得分49.90分；效益指标得分26.00分；满意度指标得分10.00分。"
    assert _errors(text.format(total="95.69")) == []
    assert _errors(text.format(total="96.69")) == [("score_sum_mismatch", "96.69分", "95.69分")]
    assert _errors(text.format(total="96.69").replace("“优”。其中", "优，其中")) == [("score_sum_mismatch", "96.69分", "95.69分")]


def test_an_attachment_is_a_section_of_its_own() -> None:
    # the 自评表 after "附件" is located there, not in the report's last section
    text = "七、下一步改进措施\n加强资金管理。\n附件\n单位名称 | 某中心 | 自评总分 | 96.69 | 等级 | 中"
    (found,) = audit_text(text).findings
    assert (found.code, found.section, found.section_paragraph) == ("grade_mismatch", "附件", 1)


def test_a_score_tables_header_printed_again_alone() -> None:
    # the header repeated on its own line (a .docx table's repeated header row, a PDF page's): the table goes on
    # (9.5 + 8 = 17.5); it raised an IndexError, reported as check_failed
    from selfeval_xl.audit import audit_blocks

    for cells in (" | ", " "):
        rows = ["一级指标", "二级指标", "分值", "得分"], ["决策", "项目立项", "10", "9.5"], ["一级指标", "二级指标", "分值", "得分"]
        rows += ["绩效目标", "目标", "10", "8"], ["合计", "20", "{total}"]
        blocks = [cells.join(row) for row in rows]
        assert [f.code for f in audit_blocks([b.format(total="17.5") for b in blocks]).findings] == []
        found = audit_blocks([b.format(total="18.5") for b in blocks]).findings
        assert [(f.code, f.stated, f.expected) for f in found] == [("score_sum_mismatch", "18.5分", "17.5分")]
