"""Twenty-eighth round: rules read from the development half's misses, each written as a general reading.

- a change explained by 基本 and 项目 changes is read when its year is printed without 年 ("较2025减少");
- a total that counts the amounts before it ("9个项目共计…", "以上两笔资金共计…") closes them, across a sentence end;
- the changes of 基本 and 项目 make the total's change by definition, even where a level is misprinted;
- a count printed before a name ("2个项目") stays part of the name in messages.

The texts are made up (other names and figures than the pages the rules were read from).
"""

from __future__ import annotations

from selfeval_xl.audit import audit_text
from selfeval_xl.audit.model import Severity


def _errors(text: str, code: str) -> list[tuple[str | None, str | None]]:
    return [
        (f.stated, f.expected)
        for f in audit_text(text).findings
        if f.code == code and f.severity is Severity.ERROR
    ]


def _codes(text: str) -> set[str]:
    return {f.code for f in audit_text(text).findings}


_EXPLAINED = "支出预算较{year}{verb}26.40万元，主要是基本支出预算增加70.15万元，项目支出预算减少43.75万元。"


def test_a_change_against_a_year_printed_without_its_character_is_read() -> None:
    # +70.15 - 43.75 = +26.40: an increase, printed as a decrease
    assert _errors(_EXPLAINED.format(year="2024", verb="减少"), "change_sum_mismatch") == [
        ("-26.40万元", "26.40万元")
    ]
    assert _errors(_EXPLAINED.format(year="2024年", verb="减少"), "change_sum_mismatch") == [
        ("-26.40万元", "26.40万元")
    ]
    assert _errors(_EXPLAINED.format(year="2024", verb="增加"), "change_sum_mismatch") == []
    assert _errors(_EXPLAINED.format(year="上年", verb="增加"), "change_sum_mismatch") == []


_COUNTED = (
    "项目安排：东坪村便民桥5万元、西岭村饮水工程6.5万元、南湾组道路硬化8万元、北山村路灯2.35万元。{closing}。"
)


def test_a_total_counting_the_amounts_before_it_closes_them_across_the_sentence_end() -> None:
    # 5 + 6.5 + 8 + 2.35 = 21.85
    assert _errors(_COUNTED.format(closing="4个项目共计22.15万元"), "sum_mismatch") == [
        ("22.15万元", "21.85万元")
    ]
    assert _errors(_COUNTED.format(closing="以上四项合计22.15万元"), "sum_mismatch") == [
        ("22.15万元", "21.85万元")
    ]
    assert _errors(_COUNTED.format(closing="上述资金共计22.15万元"), "sum_mismatch") == [
        ("22.15万元", "21.85万元")
    ]
    assert "sum_mismatch" not in _codes(_COUNTED.format(closing="4个项目共计21.85万元"))


def test_a_count_that_is_not_the_number_of_amounts_before_it_closes_nothing() -> None:
    # three projects counted, four amounts printed: some amount measures something else
    assert "sum_mismatch" not in _codes(_COUNTED.format(closing="3个项目共计22.15万元"))
    # a year is no count
    assert "sum_mismatch" not in _codes(_COUNTED.format(closing="2024年共计22.15万元"))


def test_a_count_before_a_name_stays_in_the_message() -> None:
    text = "甲村安排1个项目30万元，乙村安排1个项目45.5万元，2个项目共计78.5万元。"
    [found] = [f for f in audit_text(text).findings if f.code == "sum_mismatch"]
    assert found.message.startswith("2个项目为78.5万元")
    assert "1个项目30万元+1个项目45.5万元" in found.message


_LEVELS = (
    "2025年一般公共预算财政拨款支出{total}万元，比2024年减少58.20万元。其中：基本支出812.40万元，比2024年减少"
    "{basic}万元，主要原因是退休人员减少；项目支出35.60万元，比2024年减少3.10万元，主要原因是设备购置减少。"
)


def test_the_changes_of_basic_and_project_make_the_total_change_even_where_a_level_is_misprinted() -> None:
    # 812.40 + 35.60 = 848.00; the changes -55.10 - 3.10 = -58.20 agree with the total's
    assert (
        _codes(_LEVELS.format(total="848.00", basic="55.10")) & {"change_sum_mismatch", "parts_exceed_total"}
        == set()
    )
    # a misprinted level: the level's error, and the changes are still read (and agree)
    assert _errors(_LEVELS.format(total="846.00", basic="55.10"), "change_sum_mismatch") == []
    assert _errors(_LEVELS.format(total="846.00", basic="55.10"), "parts_exceed_total") == [
        ("846.00万元", "848.00万元")
    ]
    # both wrong: each is its own error
    assert _errors(_LEVELS.format(total="846.00", basic="58.20"), "change_sum_mismatch") == [
        ("-58.20万元", "-61.30万元")
    ]


def test_main_causes_that_are_not_the_whole_are_still_not_judged() -> None:
    # a list short of its total by far is a few main items: their changes need not make the total's
    text = (
        "2025年一般公共预算财政拨款支出1500.00万元，比2024年减少58.20万元。其中：基本支出812.40万元，比2024年减少"
        "20.00万元；教育支出35.60万元，比2024年减少3.10万元。"
    )
    assert _errors(text, "change_sum_mismatch") == []


_OUTLINE = """目 录
第一部分:某县实验小学概况
一、主要职能
二、单位构成
第二部分:某县实验小学2024年度部门决算情况说明
一、收入支出决算总体情况
二、财政拨款支出决算情况
三、“三公”经费支出决算情况
四、其他重要事项情况说明
第三部分:名词解释
第一部分:某县实验小学概况
一、主要职能
一、主要职能:实施小学义务教育。
二、单位构成:
本单位为独立核算单位,无下属单位。
"""


def test_a_part_title_with_its_colon_restarts_the_numbering_after_an_outline() -> None:
    # the outline's 一…四 under 第二部分 end at 四; the body's 第一部分: restarts the count, so its 二 is in order
    assert "heading_sequence" not in _codes(_OUTLINE)
    # after such a title the body's own gap is still read
    body = "第一部分:某县实验小学概况\n一、主要职能\n实施小学义务教育。\n三、单位构成\n本单位为独立核算单位。\n"
    assert "heading_sequence" in _codes(_OUTLINE.split("第三部分")[0] + body)


def test_a_numeral_inside_the_next_name_is_no_count_of_the_list() -> None:
    text = "本院设立案庭、刑事审判庭、民事审判庭、东坝人民法庭、北七家人民法庭、审判管理办公室。"
    assert "count_unclear" not in _codes(text)
    # a count glued to a whole last name is still read as the list's count
    assert "count_unclear" in _codes("本院设立案庭、刑事审判庭、民事审判庭七个庭室。") or "count_mismatch" in _codes(
        "本院设立案庭、刑事审判庭、民事审判庭七个庭室。"
    )


def _grades(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.code, f.severity.value, f.stated, f.expected) for f in audit_text(text).findings if f.code.startswith("grade")]


def test_a_grade_another_common_banding_allows_is_a_warning_not_an_error() -> None:
    # 75–90 as 良 (60–75 as 中) is the other banding in common use; the 财政部's is 80–90 (60–80)
    assert _grades("本项目综合评分为78分,评价等级为良。") == [("grade_other_bands", "warning", "良", "中")]
    assert _grades("本项目综合评分为70分,评价等级为中。") == []
    # a grade no common banding allows stays an error
    assert _grades("本项目综合评分为88分,评价等级为优。") == [("grade_mismatch", "error", "优", "良")]
    assert _grades("本项目综合评分为73分,评价等级为良。") == [("grade_mismatch", "error", "良", "中")]


_OWN_BANDS = "评价结果分为四档:{best}分(含)以上为优,{good}分(含)-{best}分为良,60分(含)-{good}分为中,60分以下为差。"


def test_the_bands_a_text_states_are_the_ones_it_is_held_to() -> None:
    stated = _OWN_BANDS.format(best=85, good=70)
    assert _grades(stated + "本项目综合评分为87分,评价等级为优。") == []
    assert _grades(stated + "本项目综合评分为87分,评价等级为良。") == [("grade_mismatch", "error", "良", "优")]
    [message] = [f.message for f in audit_text(stated + "本项目综合评分为87分,评价等级为良。").findings]
    assert "文中所列档次" in message and "优≥85分" in message
    # a text stating the 财政部's bands holds a 良 of 78 to them: an error, not the other banding's warning
    strict = _OWN_BANDS.format(best=90, good=80)
    assert _grades(strict + "本项目综合评分为78分,评价等级为良。") == [("grade_mismatch", "error", "良", "中")]
    # and a range written "80-89分为良" reads its lowest score
    assert _grades("90分以上为优,80-89分为良,60-79分为中。综合评分为85分,评价等级为良。") == []


_PARTS_SPENT = (
    "年初预算3200万元,其中专项资金800万元,财政拨款资金2400万元。专项资金支出{spent}万元,预算执行率{rate}%,"
    "财政资金支出2300万元,预算执行率95.83%。"
)


def test_a_rate_of_a_named_part_divides_by_that_part_not_by_the_whole_budget() -> None:
    # 专项资金支出 of 专项资金: 620 / 800 = 77.5%; against the whole 3200 it would be 19.4%
    assert _errors(_PARTS_SPENT.format(spent=620, rate="77.50"), "execution_rate_mismatch") == []
    assert _errors(_PARTS_SPENT.format(spent=620, rate="72.50"), "execution_rate_mismatch") == [("72.50%", "77.50%")]
    # "财政资金" is not the name printed for the budget ("财政拨款资金"): that rate is left unread, not misread
    assert _errors(_PARTS_SPENT.format(spent=620, rate="77.50").replace("95.83%", "90.00%"), "execution_rate_mismatch") == []


_ARRIVED = (
    "项目资金总额350.00万元,其中中央资金100.00万元、省级资金50.00万元、县级配套资金200.00万元。\n"
    "截至12月31日,资金到位301.75万元,到位率86.21%;实际支出211.23万元,预算执行率{rate}%。"
)


def test_a_rate_read_against_the_funds_given_rather_than_the_funds_arrived_is_no_error() -> None:
    # 211.23 / 350 = 60.35% (预算执行率 of what was given), 211.23 / 301.75 = 70.00% (of the funds arrived): either
    assert _errors(_ARRIVED.format(rate="60.35"), "execution_rate_mismatch") == []
    assert _errors(_ARRIVED.format(rate="70.00"), "execution_rate_mismatch") == []
    # a rate neither fits is still an error, against the funds arrived named beside it
    assert _errors(_ARRIVED.format(rate="50.00"), "execution_rate_mismatch") == [("50.00%", "70.00%")]
    # the funds given must be named so: a paragraph's other amount does not excuse the rate
    other = _ARRIVED.replace("项目资金总额350.00万元,其中", "服务群众350.00人次,").replace("万元、省级", "万元用于培训、省级")
    assert _errors(other.format(rate="60.35"), "execution_rate_mismatch") == [("60.35%", "70.00%")]


_DEDUCTIONS = (
    "决策指标满分15分,扣0.9分,得14.1分;过程指标满分25分,扣2.5分,得{process}分;产出指标满分40分,扣0.3分,得39.7分;"
    "效益指标满分20分,扣0.4分,得19.6分。综合得分{total}分,评价等级为优。"
)


def test_scores_written_out_with_their_deductions_make_their_total() -> None:
    # 14.1 + 22.5 + 39.7 + 19.6 = 95.9
    assert _errors(_DEDUCTIONS.format(process="22.5", total="95.9"), "score_sum_mismatch") == []
    assert _errors(_DEDUCTIONS.format(process="22.5", total="93.9"), "score_sum_mismatch") == [("93.9分", "95.9分")]
    # each 得 is its 满分 less its 扣: 25 - 2.5 = 22.5, not 23.5
    assert _errors(_DEDUCTIONS.format(process="23.5", total="96.9"), "score_deduction_mismatch") == [("23.5分", "22.5分")]
    assert _errors(_DEDUCTIONS.format(process="23.5", total="96.9"), "score_sum_mismatch") == []


_LISTED_SCORES = "设置决策、过程、产出、效益四个一级指标,分值分别为20分、20分、40分、20分,实际得分分别为19.5分、18分、37.7分、19分,合计{total}分。"


def test_scores_listed_after_fen_bie_make_the_total_closing_their_sentence() -> None:
    assert _errors(_LISTED_SCORES.format(total="94.2"), "score_sum_mismatch") == []
    assert _errors(_LISTED_SCORES.format(total="95.7"), "score_sum_mismatch") == [("95.7分", "94.2分")]
    # the weights' list (分值分别为…) is no list of scores
    assert _errors("分值分别为20分、20分、40分、20分,合计100分。", "score_sum_mismatch") == []
