"""Twenty-seventh round: the line join reads only the end and the opening marker of the paragraph so far.

Before, each line of a paragraph normalised the whole paragraph again and scanned it for a heading, so a table copied
one row a line (rows whose names hold digits, "第12项 | …", are no table_lines rows and join as prose) cost time
quadratic in its length: 4000 rows took 21 s. The paragraphs are the same as before on every corpus text (checked
when the change was made); these tests pin the rules the bounded reads rest on.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from selfeval_xl.audit import audit_text
from selfeval_xl.audit.text import _pure_heading, classify, marker, split_paragraphs


def _pure_heading_whole(prev: str) -> bool:
    """The rule as it was written over the whole paragraph: a heading and nothing else, with no figure in it."""
    _, heading_length, _ = classify(prev)
    head = prev[marker(prev)[1] : heading_length]
    return not (heading_length == 0 or bool(prev[heading_length:].strip(" :")) or any(c.isdigit() for c in head))


_MARKS = ["一、", "二.", "第三部分", "(一)", "(2)", "1、", "3.", "\u2460", " ", "  ", ":", ";", "。", ",", "、", "|"]
_PIECES = st.sampled_from([*_MARKS, "部门", "基本情况", "项目支出", "预算", "12", "3.5", "万元", "绩效目标完成情况分析", "a"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_bounded_heading_rule_agrees_with_the_whole_paragraph_rule(pieces: list[str]) -> None:
    prev = "".join(pieces).strip()
    assert _pure_heading(prev) == _pure_heading_whole(prev)


def test_headings_of_every_length_near_the_bound() -> None:
    for length in range(36, 46):
        for tail in ("", ":", " : "):
            prev = "一、" + "情" * length + tail
            assert _pure_heading(prev) == _pure_heading_whole(prev) == (length <= 40), (length, tail)


def test_a_table_copied_one_row_a_line_stays_one_paragraph_exactly_as_typed() -> None:
    head = "项目 | 2022年决算数 | 2023年决算数 | 增减额 | 增减率 |"
    rows = [f"第{i}项 | 100.00 | 110.00 | 10.00 | 10.0% |" for i in range(1, 3001)]
    paragraphs = split_paragraphs(["\n".join([head, *rows])])
    assert paragraphs == [head + "".join(rows)]


def test_full_width_paragraph_joins_as_its_normalised_copy() -> None:
    # the paragraph so far is read normalised: its full-width comma ends it as "," does, its full-width digits and
    # point are a number the page broke at its decimal point
    assert split_paragraphs(["支出合计１２３４万元，\n其中基本支出1000万元。"]) == ["支出合计１２３４万元，其中基本支出1000万元。"]
    assert split_paragraphs(["经营收入０．\n00万元。"]) == ["经营收入０．00万元。"]
    assert split_paragraphs(["一、部门基本情况：\n本部门共有3个科室。"]) == ["一、部门基本情况：", "本部门共有3个科室。"]


def test_a_long_row_table_still_reads_its_figures() -> None:
    head = "项目 | 2022年决算数 | 2023年决算数 | 增减额 | 增减率 |"
    rows = [f"第{i}项 | 100.00 | 110.00 | 10.00 | 10.0% |" for i in range(1, 200)]
    rows.append("第200项 | 100.00 | 110.00 | 10.00 | 12.0% |")
    codes = [f.code for f in audit_text("\n".join([head, *rows])).findings]
    assert codes == ["yoy_mismatch"]  # the last row: 10.00 on 100.00 is 10.00%, not 12.0%


# A "?" where the copy lost a character (a legacy code page) after a figure, before its cell mark or unit.
_CQ_TABLE = (
    "资金情况 | ||||\n"
    "年初预算数 | 全年(调整)预算数 | 全年执行数 | 执行率 | 执行率权重 | 执行率得分 | |||||\n"
    "年度总金额 | 1,250,000.00? | 1,380,000.00? | 1,325,500.00? | |||||||\n"
    "其中:财政拨款 | 1,250,000.00? | 1,380,000.00? | 1,325,500.00? | 96.05 | 10.00 | 9.60? | ||||\n"
)


def test_a_lost_glyph_after_a_cell_is_no_question_mark() -> None:
    # 1,325,500 ÷ 1,380,000 = 96.0507%, printed 96.05; 10 × 96.0507% = 9.605 → 9.61, printed 9.60 (cut)
    found = [(f.code, f.stated, f.expected) for f in audit_text(_CQ_TABLE).findings]
    assert found == [("table_score_truncated", "9.60", "9.61")]


def test_a_lost_glyph_before_a_unit_keeps_the_amount_and_the_sentence() -> None:
    # 比上年减少20万元 on this year's 100: last year 120, a fall of 16.7%, printed 25%
    report = audit_text("2023年收入100万元,比上年减少20?万元,下降25%。")
    assert [(f.code, f.stated, f.expected) for f in report.findings] == [("yoy_mismatch", "25%", "16.7%")]


def test_a_real_question_mark_is_left_alone() -> None:
    assert audit_text("全年完成100? 是否达标? 是。").findings == ()


def _budget_note(income_total: str, income_change: str, spent_total: str, spent_change: str, year: str = "2025年") -> str:
    return (
        "二、单位收支总体情况\n\n"
        f"(一)收入预算:2026年年初预算数{income_total},其中:一般公共预算拨款{income_total},政府性基金预算拨款0万元。"
        f"收入较{year}{income_change},主要是一般公共预算拨款变动。\n\n"
        f"(二)支出预算:2026年年初预算数{spent_total},其中:一般公共服务支出预算{spent_total}。"
        f"支出预算较{year}{spent_change},主要是基本支出预算变动。"
    )


def _balanced(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.code == "balanced_changes_differ"]


def test_a_balanced_budget_states_one_change_twice() -> None:
    # 收入 and 支出 budgets are both 48.20万元 this year (and balance every year): +1.35 against +3.10 cannot both be true
    text = _budget_note("48.20万元", "增加1.35万元", "48.20万元", "增加3.10万元")
    assert _balanced(text) == [("balanced_changes_differ", "3.10万元", "1.35万元")]
    finding = next(f for f in audit_text(text).findings if f.code == "balanced_changes_differ")
    assert str(finding.severity.value) == "warning" and finding.confidence == "medium"
    assert finding.message == (
        "收入预算与支出预算同为48.20万元，收入较2025年增加1.35万元，支出却写为较2025年增加3.10万元；"
        "部门预算收支平衡，两者较同一年的增减应相同，请核实（如一方按调整后预算等其他口径比较，请注明）。"
    )
    # the year printed without its 年 ("支出预算较2025减少…"), and a change the wrong way round
    text = _budget_note("2415.91万元", "增加18.23万元", "2415.91万元", "减少18.23万元").replace("支出预算较2025年", "支出预算较2025")
    assert _balanced(text) == [("balanced_changes_differ", "18.23万元", "18.23万元")]
    # a fall on one side and a rise on the other
    assert _balanced(_budget_note("930.00万元", "减少12.00万元", "930.00万元", "增加12.00万元")) == [
        ("balanced_changes_differ", "12.00万元", "12.00万元")
    ]


def test_changes_that_agree_or_cannot_be_compared_are_left_alone() -> None:
    assert _balanced(_budget_note("48.20万元", "增加1.35万元", "48.20万元", "增加1.35万元")) == []
    # 326万元 is 326.47万元 printed to the 万元
    assert _balanced(_budget_note("1047.91万元", "增加326万元", "1047.91万元", "增加326.47万元")) == []
    # totals that differ this year (a 决算's 收入 and 支出 need not balance), or changes against other years
    assert _balanced(_budget_note("48.20万元", "增加1.35万元", "47.90万元", "增加3.10万元")) == []
    text = _budget_note("48.20万元", "增加1.35万元", "48.20万元", "增加3.10万元").replace("支出预算较2025年", "支出预算较2024年")
    assert _balanced(text) == []
    # "持平" is said of small changes too
    assert _balanced(_budget_note("48.20万元", "持平", "48.20万元", "减少3.10万元")) == []


def test_a_listed_unit_joining_two_names_may_be_two_of_those_counted() -> None:
    codes = lambda text: [(f.code, f.stated) for f in audit_text(text).findings]  # noqa: E731
    # 4 items, one of them two offices joined by 和: 5 is a reading of the list, not a miscount
    assert codes("本单位内设5个机构科室,分别是教学科研处、办公室和党建办公室、总务处、德育处。") == []
    # more than the joined reading, or a count short of the plain list, is still one
    assert codes("本单位内设6个机构科室,分别是教学科研处、办公室和党建办公室、总务处、德育处。") == [("count_mismatch", "6个")]
    assert codes("本单位内设4个机构科室,分别是教学科研处、办公室、总务处。") == [("count_mismatch", "4个")]


def test_a_spending_total_named_zongshu_is_the_sum_of_basic_and_project_budgets() -> None:
    # 部门预算支出总数 is the 支出合计; 专项项目预算 the 项目支出: 5031563 + 64000 = 5095563, printed 6095563 (a slipped digit)
    text = (
        "二、预算情况说明\n\n"
        "本镇2019年部门预算收入总数6095563.00元;2019年部门预算支出总数6095563.00元。\n\n"
        "部门基本支出预算5031563.00元,其中:人员支出4201832.00元,公用支出829731.00元。\n\n"
        "部门专项项目预算64000.00元(明细项目见附表)。"
    )
    found = [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.code == "sum_mismatch"]
    assert found == [("sum_mismatch", "6095563.00元", "5095563.00元")]
    assert [f.code for f in audit_text(text.replace("6095563.00元;", "5095563.00元;").replace("总数6095563.00元。", "总数5095563.00元。")).findings] == []
